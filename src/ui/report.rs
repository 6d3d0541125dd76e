//! A checklist report: coverage, then each category's items with why they matter,
//! what matched (a button shows it on the board) and, for what is missing, "I covered
//! this out loud". Statuses follow the claims as they change, without rebuilding the
//! list, so a toggled checkbox keeps its focus.
//!
//! Hooks: `data-testid="coverage"`; each item `data-testid="check-item"` with
//! `data-status` and `data-category`; `data-show` on an item's "show" button and
//! `data-claim` on its claim checkbox.

use super::library::Library;
use super::review::Checker;
use super::state::use_board;
use crate::core::check::{Category, CheckItem, Report, Status};
use crate::core::editor::Action;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The report. `on_show` runs after an item's components were selected on the board
/// (the Review page goes back to the board then).
#[component]
pub fn ReportView(
    report: Report,
    #[prop(default = None)] on_show: Option<Callback<()>>,
) -> impl IntoView {
    let checker = expect_context::<Checker>();
    let claims = Memo::new(move |_| {
        checker
            .claims
            .with(|c| c.iter().cloned().collect::<BTreeSet<_>>())
    });
    let report = StoredValue::new(report);
    let coverage = move || {
        let overall = claims.with(|c| report.with_value(|r| r.coverage(None, c)));
        let claimed = (overall.claimed > 0)
            .then(|| format!(" · {}% claimed out loud", overall.claimed_percent()));
        view! {
            <p class="coverage" data-testid="coverage">
                <strong>{format!("{}%", overall.found_percent())}</strong>
                " found on the board"
                {claimed}
            </p>
        }
    };
    let groups = Category::ALL
        .into_iter()
        .filter_map(|category| {
            let items: Vec<CheckItem> = report.with_value(|r| {
                r.items
                    .iter()
                    .filter(|i| i.category == category)
                    .cloned()
                    .collect()
            });
            if items.is_empty() {
                return None;
            }
            let count = move || {
                let c = claims.with(|c| report.with_value(|r| r.coverage(Some(category), c)));
                format!("{}/{}", c.found, c.total)
            };
            let rows = items
                .into_iter()
                .map(|item| view! { <ItemView item=item claims=claims on_show=on_show /> })
                .collect_view();
            Some(view! {
                <section class="check-category" aria-label=category.name()>
                    <h3 class="check-group">{category.name()}<span class="count">{count}</span></h3>
                    <ul class="check-list">{rows}</ul>
                </section>
            })
        })
        .collect_view();
    view! {
        {coverage}
        <div class="report-groups">{groups}</div>
    }
}

#[component]
fn ItemView(
    item: CheckItem,
    claims: Memo<BTreeSet<String>>,
    on_show: Option<Callback<()>>,
) -> impl IntoView {
    let checker = expect_context::<Checker>();
    let library = expect_context::<Library>();
    let state = use_board();
    let key = item.key.clone();
    let status = {
        let item = item.clone();
        Memo::new(move |_| claims.with(|c| Report::status(&item, c)))
    };
    let mark = move || match status.get() {
        Status::Covered => "✓",
        Status::SelfClaimed => "◐",
        Status::Missed => "✗",
    };
    let class = move || {
        format!(
            "check-item {}{}",
            status.get().id(),
            if item.advice { " advice" } else { "" }
        )
    };
    let title = if item.components.is_empty() {
        view! { <span class="check-title">{item.title.clone()}</span> }.into_any()
    } else {
        let ids = item.components.clone();
        let shown: Vec<String> = ids.iter().map(ToString::to_string).collect();
        view! {
            <button
                type="button"
                class="link check-title"
                title="Show on the board"
                data-show=shown.join(",")
                on:click=move |_| {
                    let _ = state.dispatch(Action::SelectComponents(ids.clone()));
                    if let Some(first) = ids.first() {
                        let _ = state.dispatch(Action::RevealComponent(*first));
                    }
                    if let Some(on_show) = on_show {
                        on_show.run(());
                    }
                }
            >
                {item.title.clone()}
            </button>
        }
        .into_any()
    };
    let claimable = !item.found && item.category != Category::Hygiene;
    let claim = claimable.then(|| {
        let name = format!("I covered {} out loud", item.title);
        let key = key.clone();
        view! {
            <label class="check-row">
                <input
                    type="checkbox"
                    data-claim=key.clone()
                    aria-label=name
                    prop:checked=move || status.get() == Status::SelfClaimed
                    on:change=move |_| {
                        if let Some(prompt) = library.current.get_untracked() {
                            checker.toggle_claim(&key, &prompt);
                        }
                    }
                />
                " I covered this out loud"
            </label>
        }
    });
    view! {
        <li
            data-testid="check-item"
            data-status=move || status.get().id()
            data-category=item.category.id()
            class=class
        >
            <span class="check-mark" aria-hidden="true">{mark}</span>
            <div>
                {title}
                <p class="hint">{item.why.clone()}</p>
                <p class="check-detail">
                    <span class="check-detail-label">
                        {if item.found { "Evidence: " } else { "On the board: " }}
                    </span>
                    {item.detail.clone()}
                </p>
                {claim}
            </div>
        </li>
    }
}
