//! The top bar: history, tools, zoom and selection actions.

use super::canvas::measure_canvas;
use super::icon::{glyph, Glyph};
use super::review_page::review_shown;
use super::state::use_board;
use crate::core::decimal::Decimal;
use crate::core::editor::{Action, Tool};
use leptos::prelude::*;

/// A toolbar button: accessible name, shortcut, glyph, and what it does.
struct Button {
    label: &'static str,
    shortcut: &'static str,
    glyph: &'static str,
    does: Does,
}

/// What a toolbar button does, and so when it is disabled or pressed.
#[derive(Clone, Copy, PartialEq)]
enum Does {
    Act(Act),
    Tool(Tool),
}

/// Toolbar actions (their availability differs, so they are named apart).
#[derive(Clone, Copy, PartialEq)]
enum Act {
    Undo,
    Redo,
    Connect,
    Duplicate,
    Delete,
    ZoomOut,
    ZoomIn,
    ZoomToFit,
}

const fn act(label: &'static str, shortcut: &'static str, glyph: &'static str, a: Act) -> Button {
    Button {
        label,
        shortcut,
        glyph,
        does: Does::Act(a),
    }
}

const fn tool(label: &'static str, shortcut: &'static str, glyph: &'static str, t: Tool) -> Button {
    Button {
        label,
        shortcut,
        glyph,
        does: Does::Tool(t),
    }
}

/// The groups of glyph buttons, in order, with their accessible names.
const GROUPS: [(&str, &[Button]); 4] = [
    (
        "History",
        &[
            act("Undo", "Ctrl+Z", glyph::UNDO, Act::Undo),
            act("Redo", "Ctrl+Shift+Z", glyph::REDO, Act::Redo),
        ],
    ),
    (
        "Tools",
        &[
            tool("Select tool", "V", glyph::SELECT, Tool::Select),
            tool("Hand tool", "H or hold Space", glyph::HAND, Tool::Hand),
        ],
    ),
    (
        "Selection",
        &[
            act("Connect selected", "C", glyph::CONNECT, Act::Connect),
            act("Duplicate", "Ctrl+D", glyph::DUPLICATE, Act::Duplicate),
            act("Delete", "Delete", glyph::DELETE, Act::Delete),
        ],
    ),
    (
        "Zoom",
        &[
            act("Zoom out", "-", glyph::ZOOM_OUT, Act::ZoomOut),
            act("Zoom in", "+", glyph::ZOOM_IN, Act::ZoomIn),
            act("Zoom to fit", "Shift+1", glyph::FIT, Act::ZoomToFit),
        ],
    ),
];

impl Act {
    fn action(self) -> Action {
        match self {
            Act::Undo => Action::Undo,
            Act::Redo => Action::Redo,
            Act::Connect => Action::ConnectSelection,
            Act::Duplicate => Action::DuplicateSelection,
            Act::Delete => Action::DeleteSelection,
            Act::ZoomOut => Action::ZoomOut,
            Act::ZoomIn => Action::ZoomIn,
            Act::ZoomToFit => Action::ZoomToFit,
        }
    }
}

/// A group of glyph buttons.
fn group(name: &'static str, buttons: &'static [Button]) -> impl IntoView {
    let state = use_board();
    let practice = expect_context::<super::practice::Practice>();
    let items = buttons
        .iter()
        .map(|b| {
            let does = b.does;
            // The Review page covers the board: its buttons wait, like its keys.
            let disabled = move || {
                review_shown(practice)
                    || match does {
                        Does::Act(Act::Undo) => !state.can_undo.get(),
                        Does::Act(Act::Redo) => !state.can_redo.get(),
                        Does::Act(Act::Connect) => {
                            state.selection.with(|s| s.components().len() < 2)
                        }
                        Does::Act(Act::Duplicate | Act::Delete) => {
                            state.selection.with(|s| s.is_empty())
                        }
                        _ => false,
                    }
            };
            let pressed = move || match does {
                Does::Tool(t) => Some((state.tool.get() == t).to_string()),
                Does::Act(_) => None,
            };
            view! {
                <button
                    type="button"
                    class="tool-button"
                    aria-label=b.label
                    title=format!("{} ({})", b.label, b.shortcut)
                    aria-pressed=pressed
                    disabled=disabled
                    on:click=move |_| {
                        measure_canvas(state);
                        let _ = state.dispatch(match does {
                            Does::Act(a) => a.action(),
                            Does::Tool(t) => Action::SetTool(t),
                        });
                    }
                >
                    <Glyph path=b.glyph />
                </button>
            }
        })
        .collect_view();
    view! { <div class="tool-group" role="group" aria-label=name>{items}</div> }
}

/// The app's top bar.
#[component]
pub fn Toolbar() -> impl IntoView {
    let practice = expect_context::<super::practice::Practice>();
    let state = use_board();
    let library = expect_context::<super::library::Library>();
    let boards = expect_context::<super::boards::Boards>();
    let history = expect_context::<super::history_link::HistoryLink>();
    let zoom_text = move || format!("{}%", Decimal::places(state.viewport.get().zoom * 100.0, 0));
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
            <button
                type="button"
                class="tool-button prompts-button"
                aria-label="Boards"
                title="Your boards and backups"
                on:click=move |_| boards.show()
            >
                "Boards"
            </button>
            <button
                type="button"
                class="tool-button prompts-button"
                aria-label="Practice history"
                title="Cards due today, progress, attempts and your interview journal"
                on:click=move |_| history.open()
            >
                "History"
            </button>
            <super::review::CheckButton />
            <super::export::ExportMenu />
            <super::export::ImportButton />
            {GROUPS.iter().map(|(name, buttons)| group(name, buttons)).collect_view()}
            <button
                type="button"
                class="tool-button zoom-level"
                aria-label="Reset zoom"
                title="Reset zoom to 100% (Shift+0)"
                disabled=move || review_shown(practice)
                on:click=move |_| {
                    measure_canvas(state);
                    let _ = state.dispatch(Action::ZoomReset);
                }
            >
                {zoom_text}
            </button>
            <super::practice::SessionBar />
        </header>
    }
}
