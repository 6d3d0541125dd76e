//! Global keyboard shortcuts, mapped through the core keymap.

use super::canvas::measure_canvas;
use super::clipboard::Clipboard;
use super::practice::Practice;
use super::quick_add::QuickAdd;
use super::shortcuts::Shortcuts;
use super::state::{BoardState, EditTarget};
use crate::browser::dom;
use crate::core::diagram::ComponentId;
use crate::core::editor::{shortcut, Action, KeyCommand, KeyInput, Viewport};
use crate::core::session::Phase;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A Space press on a focused box: the box, and the view when it began. Released
/// without panning, it adds the box to the selection (or takes it out); held for a
/// Space+drag, it only pans.
type SpaceOnBox = StoredValue<Option<(ComponentId, Viewport)>>;

/// What keys open or start beside the board's own actions: the shortcut sheet, the
/// quick-add field and the clipboard's paste.
type Panels = (Shortcuts, QuickAdd, Clipboard);

/// Listens for shortcuts on the window for the app's lifetime.
pub fn install(state: BoardState, practice: Practice, panels: Panels) {
    let space_on_box: SpaceOnBox = StoredValue::new(None);
    let _ = window_event_listener(ev::keydown, move |ev| {
        on_key_down(state, practice, panels, space_on_box, &ev)
    });
    let _ = window_event_listener(ev::keyup, move |ev| {
        if ev.key() == " " {
            state.space_held.set(false);
            if let Some((id, view)) = space_on_box.get_value() {
                space_on_box.set_value(None);
                if state.viewport.get_untracked() == view && !state.dragging.get_untracked() {
                    let _ = state.dispatch(Action::ToggleComponent(id));
                }
            }
        }
    });
    let _ = window_event_listener(ev::blur, move |_| {
        state.space_held.set(false);
        space_on_box.set_value(None);
    });
}

fn on_key_down(
    state: BoardState,
    practice: Practice,
    (shortcuts, quick_add, clipboard): Panels,
    space_on_box: SpaceOnBox,
    ev: &web_sys::KeyboardEvent,
) {
    let Some(target) = ev.target() else { return };
    if !for_board(&target, state) {
        return;
    }
    let key = ev.key();
    // In Review, B goes between the Review page and the board.
    let in_review = practice
        .session
        .with_untracked(|s| s.as_ref().is_some_and(|s| s.phase() == Phase::Review));
    if in_review
        && key.eq_ignore_ascii_case("b")
        && !ev.ctrl_key()
        && !ev.meta_key()
        && !ev.alt_key()
    {
        ev.prevent_default();
        practice.board_in_review.update(|b| *b = !*b);
        return;
    }
    // The Review page covers the board: its keys are not the board's.
    if in_review && !practice.board_in_review.get_untracked() {
        return;
    }
    // On a focused box, Space (released without panning) adds it to the selection
    // or takes it out, and Enter or F2 rename it when nothing else is selected:
    // moving focus never changes the selection by itself.
    if let Some(id) = focused_component(&target) {
        if key == " " && !ev.repeat() {
            space_on_box.set_value(Some((id, state.viewport.get_untracked())));
        }
        let selection = state.selection.get_untracked();
        if matches!(key.as_str(), "Enter" | "F2") && selection.is_empty() {
            ev.prevent_default();
            let _ = state.dispatch(Action::SelectComponent(id));
            state.editing.set(Some(EditTarget::Component(id)));
            return;
        }
    }
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
        // The browser's own copy and paste follow (see `clipboard`): copying marks
        // the clipboard as the board's, pasting reads it.
        Some(KeyCommand::Editor(Action::Paste)) => clipboard.expect_paste(state),
        Some(KeyCommand::Editor(action @ (Action::Copy | Action::Cut))) => {
            let _ = state.dispatch(action);
        }
        Some(KeyCommand::Editor(Action::GrowConnected(dir))) => {
            ev.prevent_default();
            measure_canvas(state);
            state.grow_and_name(dir);
        }
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
        Some(KeyCommand::ShowShortcuts) => {
            ev.prevent_default();
            shortcuts.open.set(true);
        }
        Some(KeyCommand::QuickAdd) => {
            ev.prevent_default();
            measure_canvas(state);
            let centre = state.with_editor(|e| e.viewport().center(e.view_size()));
            quick_add.at.set(Some(centre));
        }
        None => {}
    }
}

/// Whether an event on `target` is the board's: never from a text field, a dialog or
/// a menu, nor while a modal dialog makes the board inert or a name is being typed.
/// Board shortcuts and the clipboard's copy and paste both ask this.
pub fn for_board(target: &web_sys::EventTarget, state: BoardState) -> bool {
    !dom::is_text_field(target)
        && !dom::in_overlay(target)
        && !dom::modal_open()
        && state.editing.get_untracked().is_none()
}

/// The component whose box has keyboard focus, if the event target is one.
fn focused_component(target: &web_sys::EventTarget) -> Option<ComponentId> {
    let el = target.dyn_ref::<web_sys::Element>()?;
    if el.get_attribute("data-hit").as_deref() != Some("component") {
        return None;
    }
    el.get_attribute("data-id")?
        .parse::<u32>()
        .ok()
        .map(ComponentId)
}
