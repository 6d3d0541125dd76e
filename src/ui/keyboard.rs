//! Global keyboard shortcuts, mapped through the core keymap.

use super::canvas::measure_canvas;
use super::state::{BoardState, EditTarget};
use crate::browser::dom;
use crate::core::editor::{shortcut, KeyCommand, KeyInput};
use leptos::ev;
use leptos::prelude::*;

/// Listens for shortcuts on the window for the app's lifetime.
pub fn install(state: BoardState) {
    let _ = window_event_listener(ev::keydown, move |ev| on_key_down(state, &ev));
    let _ = window_event_listener(ev::keyup, move |ev| {
        if ev.key() == " " {
            state.space_held.set(false);
        }
    });
    let _ = window_event_listener(ev::blur, move |_| state.space_held.set(false));
}

fn on_key_down(state: BoardState, ev: &web_sys::KeyboardEvent) {
    let Some(target) = ev.target() else { return };
    if dom::is_text_field(&target) || state.editing.get_untracked().is_some() {
        return;
    }
    let key = ev.key();
    let on_control = dom::is_control(&target);
    if key == " " && !on_control {
        ev.prevent_default();
        if !state.space_held.get_untracked() {
            state.space_held.set(true);
        }
        return;
    }
    if on_control && (key == "Enter" || key == " ") {
        return;
    }
    let input = KeyInput {
        key: &key,
        shift: ev.shift_key(),
        primary: ev.ctrl_key() || ev.meta_key(),
        alt: ev.alt_key(),
    };
    match shortcut(input) {
        Some(KeyCommand::Editor(action)) => {
            ev.prevent_default();
            measure_canvas(state);
            let _ = state.dispatch(action);
        }
        Some(KeyCommand::StartRename) => {
            let selection = state.selection.get_untracked();
            let target = selection
                .single_component()
                .map(EditTarget::Component)
                .or_else(|| selection.single_arrow().map(EditTarget::Arrow));
            if target.is_some() {
                ev.prevent_default();
                state.editing.set(target);
            }
        }
        None => {}
    }
}
