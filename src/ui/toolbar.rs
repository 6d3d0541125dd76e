//! The top bar: history, tools, zoom and selection actions.

use super::canvas::measure_canvas;
use super::icon::{glyph, Glyph};
use super::state::use_board;
use crate::core::decimal::Decimal;
use crate::core::editor::{Action, Tool};
use leptos::prelude::*;

/// A toolbar button that dispatches an action.
#[component]
fn ActionButton(
    label: &'static str,
    shortcut: &'static str,
    action: Action,
    glyph: &'static str,
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
            <Glyph path=glyph />
        </button>
    }
}

/// The app's top bar.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = use_board();
    let library = expect_context::<super::library::Library>();
    let no_undo = Signal::derive(move || !state.can_undo.get());
    let no_redo = Signal::derive(move || !state.can_redo.get());
    let nothing_selected = Signal::derive(move || state.selection.with(|s| s.is_empty()));
    let fewer_than_two = Signal::derive(move || state.selection.with(|s| s.components().len() < 2));
    let zoom_text = move || format!("{}%", Decimal::places(state.viewport.get().zoom * 100.0, 0));
    let tool_button =
        move |tool: Tool, label: &'static str, key: &'static str, glyph: &'static str| {
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
                    <Glyph path=glyph />
                </button>
            }
        };
    view! {
        <header class="toolbar">
            <h1 class="brand">"Breadthfirst"</h1>
            <button
                type="button"
                class="tool-button prompts-button"
                aria-label="Prompts"
                title="Choose a design prompt"
                on:click=move |_| library.open.set(true)
            >
                "Prompts"
            </button>
            <super::review::CheckButton />
            <div class="tool-group" role="group" aria-label="History">
                <ActionButton label="Undo" shortcut="Ctrl+Z" action=Action::Undo glyph=glyph::UNDO disabled=no_undo />
                <ActionButton label="Redo" shortcut="Ctrl+Shift+Z" action=Action::Redo glyph=glyph::REDO disabled=no_redo />
            </div>
            <div class="tool-group" role="group" aria-label="Tools">
                {tool_button(Tool::Select, "Select tool", "V", glyph::SELECT)}
                {tool_button(Tool::Hand, "Hand tool", "H or hold Space", glyph::HAND)}
            </div>
            <div class="tool-group" role="group" aria-label="Selection">
                <ActionButton label="Connect selected" shortcut="C" action=Action::ConnectSelection glyph=glyph::CONNECT disabled=fewer_than_two />
                <ActionButton label="Duplicate" shortcut="Ctrl+D" action=Action::DuplicateSelection glyph=glyph::DUPLICATE disabled=nothing_selected />
                <ActionButton label="Delete" shortcut="Delete" action=Action::DeleteSelection glyph=glyph::DELETE disabled=nothing_selected />
            </div>
            <div class="tool-group" role="group" aria-label="Zoom">
                <ActionButton label="Zoom out" shortcut="-" action=Action::ZoomOut glyph=glyph::ZOOM_OUT />
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
                <ActionButton label="Zoom in" shortcut="+" action=Action::ZoomIn glyph=glyph::ZOOM_IN />
                <ActionButton label="Zoom to fit" shortcut="Shift+1" action=Action::ZoomToFit glyph=glyph::FIT />
            </div>
            <super::practice::SessionBar />
        </header>
    }
}
