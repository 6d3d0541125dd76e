//! The inline text field for renaming a component or labelling an arrow.

use super::canvas::focus_component;
use super::state::{use_board, EditTarget};
use crate::core::decimal::dec;
use crate::core::diagram::{Command, ComponentKind, Rect, FRAME_TITLE_HEIGHT};
use crate::core::editor::{Action, Direction};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;

/// Shows a text field over the edited element while `editing` is set.
#[component]
pub fn InlineEditor() -> impl IntoView {
    let state = use_board();
    move || {
        state
            .editing
            .get()
            .map(|target| view! { <EditField target=target /> })
    }
}

#[component]
fn EditField(target: EditTarget) -> impl IntoView {
    let state = use_board();
    let input = NodeRef::<leptos::html::Input>::new();
    // Plain shared state, not a reactive value: the field's blur fires once more as
    // it is removed, after this component (and anything it owns) is disposed.
    let done = Rc::new(Cell::new(false));
    // The world box the field covers, and its starting text.
    let start = state.with_editor(|e| {
        let board = e.board();
        match target {
            EditTarget::Component(id) => board.component(id).map(|c| {
                let r = c.rect;
                // A frame's title is edited where it is drawn, along the top edge.
                let rect = match c.kind {
                    ComponentKind::Frame => Rect::new(r.x, r.y, r.w.min(280.0), FRAME_TITLE_HEIGHT),
                    _ => r,
                };
                (rect, c.label.clone(), c.kind)
            }),
            EditTarget::Arrow(id) => board.arrow(id).map(|a| {
                // Over the label, where the route has room for it.
                let at = state.arrow(id).layout.with_untracked(|l| l.anchor());
                let (mx, my) = (at.x, at.y);
                (
                    Rect::new(mx - 80.0, my - 14.0, 160.0, 28.0),
                    a.label.clone(),
                    ComponentKind::Generic,
                )
            }),
        }
    });
    let Some((rect, text, kind)) = start else {
        state.editing.set(None);
        return None;
    };
    // `refocus`: give focus back to the renamed box (not when another field opens).
    let finish = move |commit: bool, refocus: bool| {
        if done.replace(true) {
            return;
        }
        if commit {
            let value = input
                .try_get_untracked()
                .flatten()
                .map(|el| el.value())
                .unwrap_or_default();
            let command = match target {
                EditTarget::Component(id) => Command::RenameComponent { id, label: value },
                EditTarget::Arrow(id) => Command::LabelArrow { id, label: value },
            };
            let _ = state.dispatch(Action::Apply(command));
        }
        state.editing.set(None);
        if let (EditTarget::Component(id), true) = (target, refocus) {
            focus_component(id);
        }
    };
    let finish_on_blur = finish.clone();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
            el.select();
        }
    });
    // Placed over the box or arrow it edits, through the CSSOM (the content security
    // policy forbids inline style attributes).
    let at = move || {
        let v = state.viewport.get();
        (
            v,
            v.to_screen(crate::core::diagram::Point::new(rect.x, rect.y)),
        )
    };
    let px = |n: f64| format!("{}px", dec(n));
    let name = match (target, kind) {
        (EditTarget::Arrow(_), _) => "Arrow label",
        (_, ComponentKind::Frame) => "Frame title",
        (_, ComponentKind::Text | ComponentKind::Sticky) => "Note text",
        _ => "Component name",
    };
    Some(view! {
        <input
            node_ref=input
            class="inline-edit"
            type="text"
            aria-label=name
            placeholder=match target {
                EditTarget::Component(_) => "Name",
                EditTarget::Arrow(_) => "What flows? (writes, events...)",
            }
            maxlength=kind.max_label_chars().to_string()
            value=text
            style:left=move || px(at().1.x)
            style:top=move || px(at().1.y)
            style:width=move || px(rect.w * at().0.zoom)
            style:height=move || px(rect.h * at().0.zoom)
            style:font-size=move || px((13.0 * at().0.zoom).max(11.0))
            on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                // Ctrl+Arrow while naming a box: keep the name, grow the next box.
                key if (ev.ctrl_key() || ev.meta_key()) && !ev.shift_key() && !ev.alt_key() => {
                    if let (EditTarget::Component(_), Some(dir)) = (target, Direction::of_key(key)) {
                        ev.prevent_default();
                        finish(true, false);
                        state.grow_and_name(dir);
                    }
                }
                "Enter" => {
                    ev.prevent_default();
                    finish(true, true);
                }
                "Escape" => {
                    ev.prevent_default();
                    finish(false, true);
                }
                _ => {}
            }
            on:blur=move |_| finish_on_blur(true, true)
            on:pointerdown=move |ev: web_sys::PointerEvent| ev.stop_propagation()
        />
    })
}
