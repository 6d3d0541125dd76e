//! The work area of each session phase, shown above the prompt in the side panel:
//! requirement notes, picking where to go deep, details of the focus components,
//! failure notes per component, and the interviewer's curveball.

use super::library::Library;
use super::notes::{ComponentNote, SessionNote};
use super::practice::Practice;
use super::state::use_board;
use crate::core::diagram::{ComponentId, NoteField};
use crate::core::session::{live_focus, Phase, RequirementField, SessionEvent, MAX_FOCUS};
use leptos::prelude::*;

/// The current phase's work area (nothing outside a session).
#[component]
pub fn SessionPanel() -> impl IntoView {
    let practice = expect_context::<Practice>();
    let phase = Memo::new(move |_| practice.session.with(|s| s.as_ref().map(|s| s.phase())));
    move || {
        let view = match phase.get()? {
            Phase::Requirements => view! { <RequirementNotesPanel /> }.into_any(),
            Phase::Breadth => view! {
                <section class="phase-panel" aria-label="Breadth">
                    <h2 class="panel-title">"Map the whole system"</h2>
                    <p class="hint">
                        "Boxes, names and arrows only: every part a request or an event passes through, and where data lives. Details and failure notes unlock in Depth."
                    </p>
                </section>
            }
            .into_any(),
            Phase::Focus => view! { <FocusPicker /> }.into_any(),
            Phase::Depth => view! {
                <CurveballCard />
                <DepthNotes />
            }
            .into_any(),
            Phase::FailureModes => view! {
                <CurveballCard />
                <FailureNotes />
            }
            .into_any(),
            Phase::Review => view! { <CurveballCard /> }.into_any(),
        };
        Some(view)
    }
}

#[component]
fn RequirementNotesPanel() -> impl IntoView {
    let practice = expect_context::<Practice>();
    let fields = RequirementField::ALL
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
        .collect_view();
    view! {
        <section class="phase-panel" aria-label="Requirements" data-testid="requirements-notes">
            <h2 class="panel-title">"Requirements"</h2>
            <p class="hint">"Ask the clarifying questions below, then note what you settled on."</p>
            {fields}
        </section>
    }
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
        let picked = focus();
        components
            .get()
            .into_iter()
            .map(|(id, label)| {
                let checked = picked.contains(&id);
                view! {
                    <li>
                        <label class="check-row">
                            <input
                                type="checkbox"
                                data-testid="focus-option"
                                prop:checked=checked
                                on:change=move |_| practice.handle(SessionEvent::ToggleFocus(id), state)
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

#[component]
fn DepthNotes() -> impl IntoView {
    let practice = expect_context::<Practice>();
    let state = use_board();
    let focus = Memo::new(move |_| {
        state.structure.track();
        let picked = practice
            .session
            .with(|s| s.as_ref().map(|s| s.focus().to_vec()).unwrap_or_default());
        state.with_editor(|e| {
            live_focus(&picked, e.board())
                .into_iter()
                .filter_map(|id| e.board().component(id).map(|c| (id, c.label.clone())))
                .collect::<Vec<_>>()
        })
    });
    let cards = move || {
        focus
            .get()
            .into_iter()
            .map(|(id, label)| {
                view! { <ComponentNote id=id field=NoteField::Details label=format!("{label}: details") /> }
            })
            .collect_view()
    };
    view! {
        <section class="phase-panel" aria-label="Depth" data-testid="depth-notes">
            <h2 class="panel-title">"Depth"</h2>
            <p class="hint">"For each focus component: data model, API, how it scales, and why this choice over the alternatives."</p>
            {cards}
        </section>
    }
}

#[component]
fn FailureNotes() -> impl IntoView {
    let components = board_components();
    let cards = move || {
        components
            .get()
            .into_iter()
            .map(|(id, label)| {
                view! { <ComponentNote id=id field=NoteField::Failure label=format!("{label}: when it fails") /> }
            })
            .collect_view()
    };
    view! {
        <section class="phase-panel" aria-label="Failure modes" data-testid="failure-notes">
            <h2 class="panel-title">"Failure modes"</h2>
            <p class="hint">"For each part: what happens when it fails, how you notice, and what takes over."</p>
            {cards}
        </section>
    }
}

/// The interviewer's follow-up, once it has been put, with the answer note.
#[component]
fn CurveballCard() -> impl IntoView {
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
