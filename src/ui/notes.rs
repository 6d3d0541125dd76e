//! Text areas for a component's notes (details, failure) and for session notes.
//!
//! Component notes are depth work: in Requirements and Breadth of a timed session they
//! are read-only, and typing into one is refused with a nudge and counted (once per
//! visit to the field, so a held key is one attempt).

use super::practice::Practice;
use super::state::use_board;
use crate::core::diagram::{Command, ComponentId, NoteField, MAX_NOTE_CHARS};
use crate::core::editor::Action;
use leptos::prelude::*;

/// Label and hint of a component note.
pub fn note_text(field: NoteField) -> (&'static str, &'static str) {
    match field {
        NoteField::Details => ("Details", "Data model, API, scaling, why this choice"),
        NoteField::Failure => (
            "When it fails",
            "How is it detected? What takes over: replica, failover, retry with backoff, queue...",
        ),
    }
}

/// One of a component's notes, saved to the board (one undo step) when the field is left.
#[component]
pub fn ComponentNote(
    id: ComponentId,
    field: NoteField,
    /// Label override (the Depth and Failure panels name the component instead).
    #[prop(optional)]
    label: Option<String>,
    /// Whether the field's accessible name adds its component's name ("Redis:
    /// Details"), where the visible label does not say it.
    #[prop(optional)]
    named: bool,
) -> impl IntoView {
    let state = use_board();
    let practice = expect_context::<Practice>();
    let data = RwSignal::from(state.component(id).data);
    let (name, hint) = note_text(field);
    // Named after its component where several are listed.
    let label = label.unwrap_or_else(|| name.to_string());
    let shown = label.clone();
    let accessible = move || {
        if named {
            data.with(|c| format!("{}: {shown}", c.label))
        } else {
            shown.clone()
        }
    };
    let locked = move || practice.depth_locked();
    // One refused attempt per visit to the field.
    let refused_this_visit = StoredValue::new(false);
    let attempt = move || {
        if locked() && !refused_this_visit.get_value() {
            refused_this_visit.set_value(true);
            practice.allow_depth(state);
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        let edits =
            key.chars().count() == 1 || matches!(key.as_str(), "Backspace" | "Delete" | "Enter");
        if edits && !ev.ctrl_key() && !ev.meta_key() {
            attempt();
        }
    };
    view! {
        <label class="field note-field" class:locked=locked>
            <span>
                {label.clone()}
                {move || locked().then(|| view! { <span class="lock-hint">" (unlocks in Depth)"</span> })}
            </span>
            <textarea
                rows="3"
                placeholder=hint
                maxlength=MAX_NOTE_CHARS.to_string()
                readonly=locked
                aria-label=accessible
                data-note=match field {
                    NoteField::Details => "details",
                    NoteField::Failure => "failure",
                }
                prop:value=move || data.with(|c| c.note(field).to_string())
                on:focus=move |_| refused_this_visit.set_value(false)
                on:keydown=on_keydown
                on:paste=move |_| attempt()
                on:change=move |ev| {
                    if practice.allow_depth(state) {
                        let text = event_target_value(&ev);
                        let _ = state.dispatch(Action::Apply(Command::SetNote { id, field, text }));
                    }
                }
            ></textarea>
        </label>
    }
}

/// A free-text session note saved as it is typed.
#[component]
pub fn SessionNote<R, W>(
    /// Visible label.
    label: &'static str,
    /// What goes in it.
    hint: &'static str,
    /// Current text.
    read: R,
    /// Stores new text.
    write: W,
) -> impl IntoView
where
    R: Fn() -> String + Send + Sync + 'static,
    W: Fn(String) + 'static,
{
    view! {
        <label class="field note-field">
            <span>{label}</span>
            <textarea
                rows="3"
                placeholder=hint
                maxlength=MAX_NOTE_CHARS.to_string()
                prop:value=read
                on:input=move |ev| write(event_target_value(&ev))
            ></textarea>
        </label>
    }
}
