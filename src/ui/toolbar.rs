//! The top bar: history, tools, zoom and selection actions.

use super::canvas::measure_canvas;
use super::state::use_board;
use crate::core::editor::{Action, Tool};
use leptos::prelude::*;

/// A toolbar button that dispatches an action.
#[component]
fn ActionButton(
    label: &'static str,
    shortcut: &'static str,
    action: Action,
    #[prop(into)] glyph: String,
    #[prop(optional, into)] disabled: Option<Signal<bool>>,
) -> impl IntoView {
    let state = use_board();
    let title = if shortcut.is_empty() {
        label.to_string()
    } else {
        format!("{label} ({shortcut})")
    };
    view! {
        <button
            type="button"
            class="tool-button"
            aria-label=label
            title=title
            disabled=move || disabled.is_some_and(|d| d.get())
            on:click=move |_| {
                measure_canvas(state);
                let _ = state.dispatch(action.clone());
            }
        >
            {glyph}
        </button>
    }
}

/// The app's top bar.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = use_board();
    let no_undo = Signal::derive(move || !state.can_undo.get());
    let no_redo = Signal::derive(move || !state.can_redo.get());
    let nothing_selected = Signal::derive(move || state.selection.with(|s| s.is_empty()));
    let fewer_than_two =
        Signal::derive(move || state.selection.with(|s| s.components().len() < 2));
    let zoom_text = move || format!("{:.0}%", state.viewport.get().zoom * 100.0);
    let tool_button = move |tool: Tool, label: &'static str, key: &'static str, glyph: &'static str| {
        view! {
            <button
                type="button"
                class="tool-button"
                aria-label=label
                title=format!("{label} ({key})")
                aria-pressed=move || (state.tool.get() == tool).to_string()
                on:click=move |_| {
                    let _ = state.dispatch(Action::SetTool(tool));
                }
            >
                {glyph}
            </button>
        }
    };
    view! {
        <header class="toolbar">
            <h1 class="brand">"Breadthfirst"</h1>
            <div class="tool-group" role="group" aria-label="History">
                <ActionButton label="Undo" shortcut="Ctrl+Z" action=Action::Undo glyph="↶" disabled=no_undo />
                <ActionButton label="Redo" shortcut="Ctrl+Shift+Z" action=Action::Redo glyph="↷" disabled=no_redo />
            </div>
            <div class="tool-group" role="group" aria-label="Tools">
                {tool_button(Tool::Select, "Select tool", "V", "⬚")}
                {tool_button(Tool::Hand, "Hand tool", "H or hold Space", "✋")}
            </div>
            <div class="tool-group" role="group" aria-label="Selection">
                <ActionButton label="Connect selected" shortcut="C" action=Action::ConnectSelection glyph="→" disabled=fewer_than_two />
                <ActionButton label="Duplicate" shortcut="Ctrl+D" action=Action::DuplicateSelection glyph="⧉" disabled=nothing_selected />
                <ActionButton label="Delete" shortcut="Delete" action=Action::DeleteSelection glyph="🗑" disabled=nothing_selected />
            </div>
            <div class="tool-group" role="group" aria-label="Zoom">
                <ActionButton label="Zoom out" shortcut="-" action=Action::ZoomOut glyph="−" />
                <button
                    type="button"
                    class="tool-button zoom-level"
                    aria-label="Reset zoom"
                    title="Reset zoom to 100% (Shift+0)"
                    on:click=move |_| {
                        measure_canvas(state);
                        let _ = state.dispatch(Action::ZoomReset);
                    }
                >
                    {zoom_text}
                </button>
                <ActionButton label="Zoom in" shortcut="+" action=Action::ZoomIn glyph="+" />
                <ActionButton label="Zoom to fit" shortcut="Shift+1" action=Action::ZoomToFit glyph="⤢" />
            </div>
        </header>
    }
}
