//! The Review of a timed session, in the main area: the breadth map beside the final
//! board, the checklist with its evidence, the timing table, the curveball and the
//! answer given, the level's expectations and the requirements noted. `B` (or the
//! button) goes back to the board and returns.

use super::figure::BoardFigure;
use super::library::{Expectations, Library};
use super::practice::Practice;
use super::review::CheckOutcome;
use super::session_panel::{CurveballCard, RequirementsNoted};
use super::state::use_board;
use crate::core::session::Phase;
use leptos::prelude::*;

/// Whether the Review page covers the board now: a session in Review, unless the
/// user went back to the board.
pub fn review_shown(practice: Practice) -> bool {
    !practice.board_in_review.get()
        && practice
            .session
            .with(|s| s.as_ref().is_some_and(|s| s.phase() == Phase::Review))
}

/// The Review page.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let practice = expect_context::<Practice>();
    let library = expect_context::<Library>();
    let state = use_board();
    let to_board = Callback::new(move |()| practice.board_in_review.set(true));
    let title = move || {
        library
            .current_prompt()
            .map_or_else(|| "Review".to_string(), |p| format!("Review: {}", p.title))
    };
    // The boards change only with the board's structure (a drag moves positions:
    // the figures follow on the next structural change or visit).
    let figures = Memo::new(move |_| {
        state.structure.track();
        let board = state.with_editor(|e| e.board().clone());
        practice
            .session
            .with(|s| s.as_ref().map(|s| (s.breadth_snapshot(&board), board)))
    });
    let breadth = move || {
        figures.get().map(|(map, board)| {
            let added: Vec<String> = board
                .components()
                .iter()
                .filter(|c| map.component(c.id).is_none())
                .map(|c| c.label.clone())
                .collect();
            let note = if added.is_empty() {
                "Nothing was added after the breadth map.".to_string()
            } else {
                format!("Added only after breadth (ringed): {}.", added.join(", "))
            };
            view! {
                <div class="breadth-pair">
                    <BoardFigure id="breadth-map" caption="When Breadth ended".into() board=map.clone() />
                    <BoardFigure id="final-board" caption="At the end".into() board=board since=Some(map) />
                </div>
                <p class="hint">{note}</p>
            }
        })
    };
    let expectations = move || {
        let level = practice
            .session
            .with(|s| s.as_ref().map(|s| s.plan.level))?;
        library
            .current_prompt()
            .map(|p| view! { <Expectations prompt=p level=Some(level) /> })
    };
    // The history draws this attempt against the previous one at the same prompt.
    let link = expect_context::<super::history_link::HistoryLink>();
    let attempt = practice.session.with_untracked(|s| {
        s.as_ref()
            .map(crate::core::history::bridge::session_attempt_id)
    });
    if let Some(attempt) = attempt {
        crate::browser::dom::after_render(move || {
            link.send(crate::core::history::bridge::ToHistory::ShowCompare {
                slot: super::history_link::COMPARE_SLOT.into(),
                attempt,
            });
        });
    }
    // It draws the worksheet against the references and the follow-ups with model
    // answers too.
    // And the replay of how the board grew.
    if let Some(session) = practice.session_json() {
        crate::browser::dom::after_render(move || {
            use crate::core::history::bridge::ToHistory;
            link.send(ToHistory::ShowReplay {
                slot: super::history_link::REPLAY_SLOT.into(),
                session: session.clone(),
            });
            link.send(ToHistory::ShowInterview {
                slot: super::history_link::INTERVIEW_SLOT.into(),
                session,
            });
        });
    }
    view! {
        <section class="review-page" data-testid="review" aria-labelledby="review-title">
            <header class="review-header">
                <h2 id="review-title">{title}</h2>
                <button type="button" class="tool-button text" on:click=move |_| to_board.run(())>
                    "Back to the board (B)"
                </button>
            </header>
            <section class="review-breadth" aria-label="Breadth map and final board">
                <h3 class="check-group">"Breadth map and final board"</h3>
                {breadth}
            </section>
            <section class="review-replay" aria-labelledby="replay-title">
                <h3 id="replay-title" class="check-group">"How the board grew"</h3>
                <div id=super::history_link::REPLAY_SLOT class="replay-slot"></div>
            </section>
            <div class="review-columns">
                <section class="review-check" aria-label="Checklist">
                    <h3 class="check-group">"Checklist"</h3>
                    <CheckOutcome on_show=Some(to_board) />
                    <div id=super::history_link::INTERVIEW_SLOT class="interview-slot"></div>
                </section>
                <aside class="review-side">
                    <TimingTable />
                    <div id=super::history_link::COMPARE_SLOT class="compare-slot"></div>
                    <CurveballCard />
                    {expectations}
                    <RequirementsNoted open=true />
                </aside>
            </div>
        </section>
    }
}

/// Planned against actual minutes per phase, and the depth attempts refused while
/// mapping breadth.
#[component]
fn TimingTable() -> impl IntoView {
    let practice = expect_context::<Practice>();
    move || {
        practice.session.with(|s| {
            s.as_ref().map(|s| {
                let rows = s
                    .timings()
                    .map(|(phase, planned, actual)| {
                        view! {
                            <tr>
                                <td>{phase}</td>
                                <td>{planned.to_string()}</td>
                                <td>{actual.to_string()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="timing-summary" aria-label="Timing">
                        <h3 class="check-group">"Timing"</h3>
                        <table class="timing">
                            <thead>
                                <tr><th>"Phase"</th><th>"Planned (min)"</th><th>"Actual (min)"</th></tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                        <p class="hint">
                            {format!("Depth attempts refused during breadth: {}", s.depth_refusals())}
                        </p>
                    </section>
                }
            })
        })
    }
}
