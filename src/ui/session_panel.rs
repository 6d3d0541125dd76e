//! The work area of each session phase, shown above the prompt in the side panel:
//! requirement notes, picking where to go deep, details of the focus components,
//! failure notes per component, and the interviewer's curveball.

use super::follow_ups::FollowUpCard;
use super::library::Library;
use super::notes::{ComponentNote, SessionNote};
use super::practice::Practice;
use super::state::use_board;
use super::worksheet::Worksheet;
use crate::browser::dom;
use crate::core::diagram::{ComponentId, NoteField};
use crate::core::session::{live_focus, Phase, RequirementField, SessionEvent, MAX_FOCUS};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The current phase's work area (nothing outside a session).
#[component]
pub fn SessionPanel() -> impl IntoView {
    let practice = expect_context::<Practice>();
    let phase = Memo::new(move |_| practice.session.with(|s| s.as_ref().map(|s| s.phase())));
    // A phase change brings its card into view.
    Effect::new(move |previous: Option<Option<Phase>>| {
        let now = phase.get();
        if previous.is_some_and(|p| p != now) {
            dom::after_render(|| {
                if let Some(card) = dom::query(".outline .phase-panel") {
                    card.scroll_into_view();
                }
            });
        }
        now
    });
    move || {
        let view = match phase.get()? {
            Phase::Requirements => view! { <RequirementNotesPanel /> }.into_any(),
            Phase::Breadth => view! {
                <section class="phase-panel" aria-label="Breadth">
                    <h2 class="panel-title">"Map the whole system"</h2>
                    <p class="hint">
                        "Boxes, names and arrows only, for every part a request passes. Details unlock in Depth."
                    </p>
                </section>
                <RequirementsNoted />
            }
            .into_any(),
            Phase::Focus => view! { <FollowUpCard /> <FocusPicker /> <RequirementsNoted /> }.into_any(),
            phase @ (Phase::Depth | Phase::FailureModes) => {
                let field = if phase == Phase::Depth {
                    NoteField::Details
                } else {
                    NoteField::Failure
                };
                view! {
                    <FollowUpCard />
                    <CurveballCard />
                    <NotesPanel field=field />
                    <RequirementsNoted />
                }
                .into_any()
            }
            // The Review page shows the curveball and the notes.
            Phase::Review => return None,
        };
        Some(view)
    }
}

#[component]
fn RequirementNotesPanel() -> impl IntoView {
    view! {
        <section class="phase-panel" aria-label="Requirements" data-testid="requirements-notes">
            <h2 class="panel-title">"Requirements"</h2>
            <p class="hint">"Ask the clarifying questions below, then note what you settled on."</p>
            <RequirementFields />
            <Worksheet />
        </section>
    }
}

/// The requirements noted, folded away (`open` unfolds it) in the phases after
/// Requirements: one click away, still editable.
#[component]
pub fn RequirementsNoted(#[prop(optional)] open: bool) -> impl IntoView {
    view! {
        <details class="phase-panel requirements-noted" open=open>
            <summary class="panel-title">"Requirements you noted"</summary>
            <RequirementFields />
            <Worksheet />
        </details>
    }
}

#[component]
fn RequirementFields() -> impl IntoView {
    let practice = expect_context::<Practice>();
    RequirementField::ALL
        .into_iter()
        .map(|field| {
            let read = move || {
                practice.session.with(|s| {
                    s.as_ref()
                        .map(|s| s.requirements().get(field).to_string())
                        .unwrap_or_default()
                })
            };
            view! {
                <SessionNote
                    label=field.name()
                    hint=field.hint()
                    read=read
                    write=move |text: String| practice.set_requirement(field, &text)
                />
            }
        })
        .collect_view()
}

/// Components on the board, for the focus and failure lists: (id, label).
fn board_components() -> Memo<Vec<(ComponentId, String)>> {
    let state = use_board();
    Memo::new(move |_| {
        state.structure.track();
        state.with_editor(|e| {
            e.board()
                .components()
                .iter()
                .map(|c| (c.id, c.label.clone()))
                .collect()
        })
    })
}

#[component]
fn FocusPicker() -> impl IntoView {
    let practice = expect_context::<Practice>();
    let state = use_board();
    let components = board_components();
    let focus = move || {
        practice
            .session
            .with(|s| s.as_ref().map(|s| s.focus().to_vec()).unwrap_or_default())
    };
    let rows = move || {
        components
            .get()
            .into_iter()
            .map(|(id, label)| {
                let picked = move || focus().contains(&id);
                view! {
                    <li>
                        <label class="check-row">
                            <input
                                type="checkbox"
                                data-testid="focus-option"
                                data-focus=id.0.to_string()
                                prop:checked=picked
                                on:change=move |ev| {
                                    practice.handle(SessionEvent::ToggleFocus(id), state);
                                    // A refused pick (too many) shows as not picked.
                                    if let Some(input) = ev
                                        .target()
                                        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                                    {
                                        input.set_checked(focus().contains(&id));
                                    }
                                }
                            />
                            {label}
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="phase-panel" aria-label="Focus">
            <h2 class="panel-title">"Where to go deep"</h2>
            <p class="hint">
                {format!("Pick one or two components (at most {MAX_FOCUS}), as you would ask the interviewer which part they want to see in depth.")}
            </p>
            <ul class="check-list">{rows}</ul>
        </section>
    }
}

/// One note per component: details of the focus components (Depth) or a failure note
/// for every component (Failure modes).
#[component]
fn NotesPanel(field: NoteField) -> impl IntoView {
    let practice = expect_context::<Practice>();
    let state = use_board();
    let rows = Memo::new(move |_| {
        state.structure.track();
        let picked = practice
            .session
            .with(|s| s.as_ref().map(|s| s.focus().to_vec()).unwrap_or_default());
        state.with_editor(|e| {
            let board = e.board();
            let ids = match field {
                NoteField::Details => live_focus(&picked, board),
                NoteField::Failure => board.components().iter().map(|c| c.id).collect(),
            };
            ids.into_iter()
                .filter_map(|id| board.component(id).map(|c| (id, c.label.clone())))
                .collect::<Vec<_>>()
        })
    });
    let (title, hint, testid, suffix) = match field {
        NoteField::Details => (
            "Depth",
            "For each focus component: data model, API, how it scales, and why this choice over the alternatives.",
            "depth-notes",
            "details",
        ),
        NoteField::Failure => (
            "Failure modes",
            "For each part: what happens when it fails, how you notice, and what takes over.",
            "failure-notes",
            "when it fails",
        ),
    };
    let notes = move || {
        rows.get()
            .into_iter()
            .map(|(id, label)| {
                view! { <ComponentNote id=id field=field label=format!("{label}: {suffix}") /> }
            })
            .collect_view()
    };
    view! {
        <section class="phase-panel" aria-label=title data-testid=testid>
            <h2 class="panel-title">{title}</h2>
            <p class="hint">{hint}</p>
            {notes}
        </section>
    }
}

/// The interviewer's follow-up, once it has been put, with the answer note.
#[component]
pub fn CurveballCard() -> impl IntoView {
    let practice = expect_context::<Practice>();
    let library = expect_context::<Library>();
    move || {
        let index = practice.session.with(|s| {
            s.as_ref()
                .and_then(|s| s.curveball())
                .filter(|c| c.shown)
                .map(|c| c.index)
        })?;
        let curveball = library.current_prompt()?.curveballs.get(index)?.clone();
        let read = move || {
            practice.session.with(|s| {
                s.as_ref()
                    .and_then(|s| s.curveball())
                    .map(|c| c.answer.clone())
                    .unwrap_or_default()
            })
        };
        Some(view! {
            <section class="phase-panel curveball" aria-label="Curveball" data-testid="curveball">
                <h2 class="panel-title">"The interviewer asks"</h2>
                <p class="statement">{curveball.prompt}</p>
                <SessionNote
                    label="Your answer"
                    hint="What changes in the design, and what stays"
                    read=read
                    write=move |text: String| practice.answer_curveball(&text)
                />
            </section>
        })
    }
}
