//! The history dialog: a tab list (Due today, Progress, Attempts, Interview journal,
//! Your data) over one panel, and the notices of what was saved, deleted or failed.

use super::hub::{Hub, Loaded};
use crate::core::history::bridge::HistoryView;
use crate::ui::modal::Modal;
use leptos::prelude::*;

/// The dialog (shown while [`Hub::open`]).
#[component]
pub fn HistoryDialog() -> impl IntoView {
    let hub = expect_context::<Hub>();
    // After "Delete all my data" the app starts afresh once the user has read what
    // was removed.
    Effect::new(move |_| {
        if !hub.open.get() && hub.reload_on_close.get_untracked() {
            crate::browser::dom::reload();
        }
    });
    view! {
        <Modal open=hub.open title="Practice history" class="history" title_id="history-title">
            <HistoryBody />
        </Modal>
    }
}

#[component]
fn HistoryBody() -> impl IntoView {
    let hub = expect_context::<Hub>();
    let tabs = HistoryView::ALL
        .into_iter()
        .map(|view| {
            let selected = move || hub.tab.get() == view;
            view! {
                <button
                    type="button"
                    role="tab"
                    id=format!("history-tab-{}", view.id())
                    data-tab=view.id()
                    aria-controls="history-panel"
                    aria-selected=move || selected().to_string()
                    tabindex=move || if selected() { "0" } else { "-1" }
                    on:click=move |_| {
                        hub.opened.set(None);
                        hub.tab.set(view);
                    }
                    on:keydown=move |ev: web_sys::KeyboardEvent| step_tab(&ev, view, hub)
                >
                    {view.name()}
                </button>
            }
        })
        .collect_view();
    let panel = move || {
        match hub.loaded.get() {
        Loaded::Loading => view! { <p class="hint">"Reading your history…"</p> }.into_any(),
        Loaded::Failed(why) => view! {
            <p class="hint" role="alert">
                {format!("The history cannot be kept in this browser: {why}. Sessions still work; nothing is recorded.")}
            </p>
        }
        .into_any(),
        Loaded::Ready => match hub.tab.get() {
            HistoryView::Due => view! { <super::due::DueList compact=false /> }.into_any(),
            HistoryView::Progress => view! { <super::progress::ProgressView /> }.into_any(),
            HistoryView::Attempts => view! { <super::attempts::AttemptsView /> }.into_any(),
            HistoryView::Journal => view! { <super::journal::JournalView /> }.into_any(),
            HistoryView::Data => view! { <super::data::DataView /> }.into_any(),
        },
    }
    };
    let unreadable = move || {
        let n = hub.unreadable.get();
        (n > 0).then(|| view! {
            <p class="hint" role="alert">
                {format!("{n} saved records could not be read; they are kept as they are and left out here.")}
            </p>
        })
    };
    view! {
        <div class="history-tabs" role="tablist" aria-label="History">{tabs}</div>
        <Notice />
        {unreadable}
        <div
            id="history-panel"
            class="history-panel"
            role="tabpanel"
            aria-labelledby=move || format!("history-tab-{}", hub.tab.get().id())
        >
            {panel}
        </div>
    }
}

/// Left and right arrows move between tabs, as in any tab list.
fn step_tab(ev: &web_sys::KeyboardEvent, view: HistoryView, hub: Hub) {
    let all = HistoryView::ALL;
    let at = all.iter().position(|v| *v == view).unwrap_or(0);
    let next = match ev.key().as_str() {
        "ArrowRight" => all[(at + 1) % all.len()],
        "ArrowLeft" => all[(at + all.len() - 1) % all.len()],
        "Home" => all[0],
        "End" => all[all.len() - 1],
        _ => return,
    };
    ev.prevent_default();
    hub.opened.set(None);
    hub.tab.set(next);
    crate::browser::dom::focus(&format!("#history-tab-{}", next.id()));
}

/// What was just saved, deleted or refused, with Undo after a deletion.
#[component]
fn Notice() -> impl IntoView {
    let hub = expect_context::<Hub>();
    move || {
        hub.notice.get().map(|text| {
            let undo = hub.can_undo.get().then(|| {
                view! {
                    <button
                        type="button"
                        class="link"
                        on:click=move |_| leptos::task::spawn_local(hub.undo_delete())
                    >
                        "Undo"
                    </button>
                }
            });
            view! {
                <p class="history-notice" role="status">
                    {text}
                    " "
                    {undo}
                </p>
            }
        })
    }
}
