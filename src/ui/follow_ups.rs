//! The interviewer's follow-up questions in a timed session (issue 16): picked when
//! Breadth ends, against a check of the board (a question about a part the board
//! has comes first, naming its box), and asked one per phase after Breadth with an
//! answer note. Review shows them with model answers from the history module
//! (`ui::history::interview`).

use super::library::Library;
use super::notes::SessionNote;
use super::practice::Practice;
use super::state::BoardState;
use super::worker::Worker;
use crate::core::check::Report;
use crate::core::persist;
use crate::core::protocol::CheckJob;
use crate::core::session::{pick_follow_ups, Phase};
use leptos::prelude::*;

/// Picks the session's follow-ups once Breadth has ended and the prompt is loaded
/// (again after a reload that came before they were picked).
pub fn install(practice: Practice, library: Library, worker: Worker, state: BoardState) {
    // The session (by its start) whose follow-ups were asked for: once each, so a
    // prompt without any, or a reply that comes late, never asks again.
    let asked_for = StoredValue::new(None::<f64>);
    Effect::new(move |_| {
        let due = practice.session.with(|s| {
            s.as_ref()
                .filter(|s| {
                    matches!(s.phase(), Phase::Focus | Phase::Depth | Phase::FailureModes)
                        && s.follow_ups().is_empty()
                })
                .map(|s| s.started_ms)
        });
        let Some((started, prompt)) = due.zip(library.current_prompt()) else {
            return;
        };
        if asked_for.get_value() == Some(started) {
            return;
        }
        asked_for.set_value(Some(started));
        let seed = (started / 1000.0) as u64;
        let job = CheckJob {
            prompt: prompt.id.clone(),
            board: state.with_editor(|e| persist::to_json(e.board(), &e.viewport())),
            session: None,
        };
        leptos::task::spawn_local(async move {
            // Without a check (the worker failed), the questions about no part.
            let on_board = match worker.check(job).await {
                Ok(report) => parts_on_board(&report, state),
                Err(_) => Vec::new(),
            };
            practice.set_follow_ups(pick_follow_ups(&prompt.follow_ups, &on_board, seed));
        });
    });
}

/// The prompt's components the check found, each with the name of the first box
/// that plays it.
fn parts_on_board(report: &Report, state: BoardState) -> Vec<(String, String)> {
    report
        .items
        .iter()
        .filter(|item| item.found)
        .filter_map(|item| {
            let id = item.key.strip_prefix("component:")?;
            let first = *item.components.first()?;
            let label =
                state.with_editor(|e| e.board().component(first).map(|c| c.label.clone()))?;
            Some((id.to_string(), label))
        })
        .collect()
}

/// The follow-up of the current phase, once picked, with its answer note; brought
/// into view when it arrives.
#[component]
pub fn FollowUpCard() -> impl IntoView {
    let practice = expect_context::<Practice>();
    let library = expect_context::<Library>();
    // Which follow-up, not its answer: typing the answer must not redraw the card.
    let asked = Memo::new(move |_| {
        practice.session.with(|s| {
            s.as_ref()
                .and_then(|s| s.follow_up_now())
                .map(|(at, f)| (at, f.index, f.about.clone()))
        })
    });
    move || {
        let (at, index, about) = asked.get()?;
        let prompt = library.current_prompt()?;
        let question = prompt.follow_ups.get(index)?.question.clone();
        let read = move || {
            practice.session.with(|s| {
                s.as_ref()
                    .and_then(|s| s.follow_ups().get(at))
                    .map(|f| f.answer.clone())
                    .unwrap_or_default()
            })
        };
        crate::browser::dom::after_render(|| {
            if let Some(card) = crate::browser::dom::query("[data-testid=follow-up]") {
                card.scroll_into_view();
            }
        });
        Some(view! {
            <section class="phase-panel follow-up" aria-label="Follow-up question" data-testid="follow-up">
                <h2 class="panel-title">"The interviewer follows up"</h2>
                {about.map(|box_name| view! { <p class="about">{format!("About your “{box_name}”")}</p> })}
                <p class="statement">{question}</p>
                <SessionNote
                    label="Your answer"
                    hint="Answer as you would out loud: what you would do, and why"
                    read=read
                    write=move |text: String| practice.answer_follow_up(at, &text)
                />
            </section>
        })
    }
}
