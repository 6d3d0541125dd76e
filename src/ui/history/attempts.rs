//! The Attempts tab: every attempt, newest first, each opened read-only (the boards,
//! the check and the timings as they were) or deleted with Undo.

use super::hub::Hub;
use crate::core::check::{Category, Report};
use crate::core::diagram::Board;
use crate::core::history::{clock, date_of, Attempt, AttemptBody, AttemptKind};
use crate::core::persist;
use crate::core::session::RequirementField;
use crate::ui::figure::BoardFigure;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Attempts listed at first; "Show more" adds as many again.
const PAGE: usize = 50;

/// The Attempts tab: the list, or the attempt opened.
#[component]
pub fn AttemptsView() -> impl IntoView {
    let hub = expect_context::<Hub>();
    move || match hub.opened.get() {
        Some(id) => view! { <AttemptDetail id=id /> }.into_any(),
        None => view! { <AttemptList /> }.into_any(),
    }
}

/// "45 min L5 session" or "Free practice".
pub fn kind_text(a: &Attempt) -> String {
    match (a.kind, a.level) {
        (AttemptKind::Timed, Some(level)) => format!("{} min {level:?} session", a.minutes),
        (AttemptKind::Timed, None) => format!("{} min session", a.minutes),
        (AttemptKind::Free, _) => "Free practice".to_string(),
    }
}

#[component]
fn AttemptList() -> impl IntoView {
    let hub = expect_context::<Hub>();
    let shown = RwSignal::new(PAGE);
    move || {
        let mut list = hub.attempts.get();
        if list.is_empty() {
            return view! {
                <p class="hint">"No attempts yet: a timed session is recorded when it reaches Review."</p>
            }
            .into_any();
        }
        list.sort_by(|a, b| b.at_ms.total_cmp(&a.at_ms));
        let total = list.len();
        let rows = list
            .into_iter()
            .take(shown.get())
            .map(|a| {
                let open_id = a.id.clone();
                let delete_id = a.id.clone();
                let title = a.prompt_title.clone();
                view! {
                    <li class="attempt" data-testid="attempt" data-attempt=a.id.clone() data-prompt=a.prompt_id.clone()>
                        <span class="attempt-title">{a.prompt_title.clone()}</span>
                        <span class="meta">{format!("{} · {}", date_of(a.day), kind_text(&a))}</span>
                        <span class="score" data-testid="attempt-score">{format!("{}%", a.percent())}</span>
                        <span class="attempt-actions">
                            <button
                                type="button"
                                class="secondary"
                                aria-label=format!("Open the attempt at {title}, {}", date_of(a.day))
                                on:click=move |_| hub.opened.set(Some(open_id.clone()))
                            >
                                "Open"
                            </button>
                            <button
                                type="button"
                                class="secondary danger"
                                aria-label=format!("Delete the attempt at {title}, {}", date_of(a.day))
                                on:click=move |_| leptos::task::spawn_local(hub.delete_attempt(delete_id.clone()))
                            >
                                "Delete"
                            </button>
                        </span>
                    </li>
                }
            })
            .collect_view();
        let more = (total > shown.get()).then(|| view! {
            <button type="button" class="secondary" on:click=move |_| shown.update(|n| *n += PAGE)>
                {format!("Show more ({} not shown)", total - shown.get())}
            </button>
        });
        view! {
            <ul class="attempt-list">{rows}</ul>
            {more}
        }
        .into_any()
    }
}

/// One attempt, read-only.
#[component]
fn AttemptDetail(id: String) -> impl IntoView {
    let hub = expect_context::<Hub>();
    let attempt = hub
        .attempts
        .with_untracked(|l| l.iter().find(|a| a.id == id).cloned());
    let body = LocalResource::new({
        let id = id.clone();
        move || {
            let id = id.clone();
            async move { hub.body(&id).await }
        }
    });
    let Some(a) = attempt else {
        return view! { <p class="hint">"That attempt is no longer in the history."</p> }
            .into_any();
    };
    let prompt = a.prompt_id.clone();
    let heading = format!(
        "{} · {} · {}",
        a.prompt_title,
        date_of(a.day),
        kind_text(&a)
    );
    let scores = a
        .scores
        .iter()
        .map(|s| {
            view! {
                <tr data-category=s.category.id()>
                    <th scope="row">{s.category.name()}</th>
                    <td>{s.found}</td>
                    <td>{s.claimed}</td>
                    <td>{s.missed()}</td>
                    <td>{s.total}</td>
                </tr>
            }
        })
        .collect_view();
    let timings = (!a.phases.is_empty()).then(|| {
        let rows = a
            .phases
            .iter()
            .map(|p| {
                view! {
                    <tr>
                        <th scope="row">{p.phase.name()}</th>
                        <td>{clock(p.planned_ms)}</td>
                        <td>{clock(p.actual_ms)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="figures">
                <caption>{format!("Time per phase (depth attempts refused during breadth: {})", a.depth_refusals)}</caption>
                <thead><tr><th scope="col">"Phase"</th><th scope="col">"Planned"</th><th scope="col">"Actual"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    });
    let curveball = a.curveball.clone().map(|c| {
        let answer = if c.answer.trim().is_empty() {
            "(no answer written)".to_string()
        } else {
            c.answer
        };
        view! {
            <section class="curveball-record">
                <h4>"The curveball"</h4>
                <p>{c.question}</p>
                <blockquote>{answer}</blockquote>
            </section>
        }
    });
    let boards = move || {
        body.get().map(|r| match r {
            Ok(Some(b)) => body_view(b).into_any(),
            Ok(None) => view! { <p class="hint">"This attempt's board was not kept."</p> }.into_any(),
            Err(why) => view! { <p class="hint" role="alert">{format!("The board could not be read: {why}.")}</p> }.into_any(),
        })
    };
    view! {
        <article class="attempt-detail" data-testid="attempt-detail" aria-labelledby="attempt-heading">
            <header class="attempt-header">
                <button type="button" class="secondary" on:click=move |_| hub.opened.set(None)>
                    "Back to the attempts"
                </button>
                <h3 id="attempt-heading">{heading}</h3>
                <span class="score">{format!("{}% found on the board", a.percent())}</span>
                <button type="button" on:click=move |_| hub.retry(&prompt)>"Retry this prompt"</button>
            </header>
            <div class="attempt-columns">
                <table class="figures">
                    <caption>"The check"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Category"</th>
                            <th scope="col">"Found"</th>
                            <th scope="col">"Claimed"</th>
                            <th scope="col">"Missed"</th>
                            <th scope="col">"Items"</th>
                        </tr>
                    </thead>
                    <tbody>{scores}</tbody>
                </table>
                {timings}
            </div>
            {curveball}
            {boards}
        </article>
    }
    .into_any()
}

/// The attempt's boards and its checklist as they were.
fn body_view(body: AttemptBody) -> impl IntoView {
    let board = persist::from_json(&body.board)
        .map(|r| r.board)
        .unwrap_or_else(|_| Board::new());
    let breadth = body.session.as_ref().and_then(|s| {
        s.breadth_board()
            .and_then(|t| persist::from_json(t).ok())
            .map(|r| r.board)
    });
    let figures = match breadth {
        Some(map) => view! {
            <div class="breadth-pair">
                <BoardFigure id="attempt-breadth-map" caption="When Breadth ended".into() board=map.clone() />
                <BoardFigure id="attempt-final-board" caption="At the end".into() board=board since=Some(map) />
            </div>
        }
        .into_any(),
        None => view! {
            <BoardFigure id="attempt-final-board" caption="The board".into() board=board />
        }
        .into_any(),
    };
    // How the board grew, when the session kept it.
    let replay = body
        .session
        .clone()
        .filter(|_| !body.timeline.is_empty())
        .map(|session| {
            view! {
                <h4>"How the board grew"</h4>
                <super::replay::ReplayOf session=session timeline=body.timeline.clone() />
            }
        });
    let claims: BTreeSet<String> = body.claims.iter().cloned().collect();
    let items = body.report.map(|r| report_list(&r, &claims));
    let notes = body.session.map(|s| {
        let rows = RequirementField::ALL
            .into_iter()
            .filter(|f| !s.requirements().get(*f).trim().is_empty())
            .map(|f| {
                view! {
                    <h4>{f.name()}</h4>
                    <blockquote>{s.requirements().get(f).to_string()}</blockquote>
                }
            })
            .collect_view();
        view! { <section class="curveball-record">{rows}</section> }
    });
    view! {
        {figures}
        {replay}
        {notes}
        {items}
    }
}

/// The checklist items with their status, by category.
fn report_list(report: &Report, claims: &BTreeSet<String>) -> impl IntoView {
    Category::ALL
        .into_iter()
        .map(|category| {
            let items = report
                .items
                .iter()
                .filter(|i| i.category == category && !i.advice)
                .map(|i| {
                    let status = Report::status(i, claims);
                    view! {
                        <li class="check-item" data-status=status.id()>
                            <span class="status">{match status.id() {
                                "covered" => "Found",
                                "self" => "Claimed",
                                _ => "Missed",
                            }}</span>
                            " "
                            <strong>{i.title.clone()}</strong>
                            <span class="why">{i.why.clone()}</span>
                            <span class="detail">{i.detail.clone()}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="attempt-items">
                    <h4>{category.name()}</h4>
                    <ul>{items}</ul>
                </section>
            }
        })
        .collect_view()
}
