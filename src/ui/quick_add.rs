//! The quick-add field, opened with `/` or a double-click on empty board: type
//! "redis cache" or "kafka", press Enter, and a box of the right kind with that name
//! appears there. The kind comes from the check's technology catalogue, in the
//! worker; if the worker cannot answer, the box is added as a plain box with the name
//! typed, so nothing typed is lost.

use super::canvas::focus_component;
use super::state::{use_board, BoardState};
use super::worker::Worker;
use crate::browser::worker::refusal;
use crate::core::decimal::dec;
use crate::core::diagram::{Applied, ComponentKind, Point, MAX_LABEL_CHARS};
use crate::core::editor::Action;
use crate::core::protocol::{Reply, Request};
use leptos::prelude::*;

/// Where the quick-add field is open (a world point), if it is; in context.
#[derive(Clone, Copy)]
pub struct QuickAdd {
    /// The centre of the box to add, while the field is open.
    pub at: RwSignal<Option<Point>>,
}

impl QuickAdd {
    /// A closed field.
    pub fn new() -> Self {
        QuickAdd {
            at: RwSignal::new(None),
        }
    }
}

impl Default for QuickAdd {
    fn default() -> Self {
        QuickAdd::new()
    }
}

/// The field, over the canvas while it is open.
#[component]
pub fn QuickAddField() -> impl IntoView {
    let quick = expect_context::<QuickAdd>();
    move || quick.at.get().map(|at| view! { <Field at=at /> })
}

#[component]
fn Field(at: Point) -> impl IntoView {
    let quick = expect_context::<QuickAdd>();
    let worker = expect_context::<Worker>();
    let state = use_board();
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    let submit = move || {
        let text = input
            .get_untracked()
            .map(|el| el.value())
            .unwrap_or_default();
        quick.at.set(None);
        if text.trim().is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let (label, kind, note) = match worker.call(Request::Name { text: text.clone() }).await
            {
                Ok(Reply::Named { label, kind }) => (label, kind, None),
                other => (text, ComponentKind::Generic, Some(refusal(other))),
            };
            add_named(state, at, label, kind);
            if let Some(why) = note {
                state.notice.set(Some(format!(
                    "Added as a plain box: the kind could not be looked up ({why})."
                )));
            }
        });
    };
    let screen = move || state.viewport.get().to_screen(at);
    view! {
        <input
            node_ref=input
            class="quick-add"
            type="text"
            aria-label="Quick add: name a component"
            placeholder="redis cache, kafka, postgres…"
            maxlength=MAX_LABEL_CHARS.to_string()
            style:left=move || format!("{}px", dec(screen().x - 110.0))
            style:top=move || format!("{}px", dec(screen().y - 17.0))
            on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                "Enter" => {
                    ev.prevent_default();
                    submit();
                }
                "Escape" => {
                    ev.prevent_default();
                    quick.at.set(None);
                }
                _ => {}
            }
            on:blur=move |_| quick.at.set(None)
            on:pointerdown=move |ev: web_sys::PointerEvent| ev.stop_propagation()
        />
    }
}

/// Adds a box of `kind` named `label` in the free space nearest `at`, selected and
/// focused: one undo step.
fn add_named(state: BoardState, at: Point, label: String, kind: ComponentKind) {
    if let Ok(Applied::Added(id)) = state.dispatch(Action::AddNamed { kind, at, label }) {
        focus_component(id);
    }
}
