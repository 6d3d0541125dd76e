//! The system clipboard. Copying boxes (Ctrl+C, Ctrl+X) marks the clipboard as the
//! board's own and puts their names on it as text; pasting (Ctrl+V) then takes the
//! board's copied boxes when the mark is there, and otherwise reads the text as
//! another app's diagram, a Mermaid flowchart or an Excalidraw drawing, which the
//! worker converts and the board takes in beside what is there, selected, as one
//! undoable step, with the worker's report of what was left out.
//!
//! The keys only start the browser's own copy and paste (the keymap's actions run
//! from these events), so the clipboard's contents are read where the browser
//! offers them. Should a browser send no paste event, the board's own paste runs.

use super::canvas::measure_canvas;
use super::export::Importer;
use super::state::BoardState;
use crate::core::diagram::Applied;
use crate::core::editor::Action;
use gloo_timers::callback::Timeout;
use leptos::ev;
use leptos::prelude::*;

/// The clipboard type that marks boxes copied on the board.
const OURS: &str = "application/x-breadthfirst";

/// What the paste reports is read from.
const PASTED: &str = "the pasted text";

/// Ctrl+V's paste, waiting for the browser's paste event.
#[derive(Clone, Copy)]
pub struct Clipboard {
    pending: StoredValue<bool>,
}

impl Clipboard {
    /// Ctrl+V was pressed on the board: the paste event decides what to paste; when
    /// none comes, the board's own copied boxes are pasted.
    pub fn expect_paste(self, state: BoardState) {
        self.pending.set_value(true);
        Timeout::new(0, move || {
            if self.pending.get_value() {
                self.pending.set_value(false);
                let _ = state.dispatch(Action::Paste);
            }
        })
        .forget();
    }
}

/// Whether the board (`keyboard::for_board`), and not text selected on the page, has
/// the clipboard's attention.
fn for_board(target: Option<web_sys::EventTarget>, state: BoardState) -> bool {
    let text_selected = web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_some_and(|s| !s.is_collapsed());
    !text_selected && target.is_some_and(|t| super::keyboard::for_board(&t, state))
}

/// Listens for copy, cut and paste on the window for the app's lifetime.
pub fn install(state: BoardState, importer: Importer) -> Clipboard {
    let clipboard = Clipboard {
        pending: StoredValue::new(false),
    };
    let mark = move |ev: web_sys::ClipboardEvent| {
        if !for_board(ev.target(), state) {
            return;
        }
        let names = state.with_editor(|e| {
            let ids = e.selection().components();
            e.board()
                .components()
                .iter()
                .filter(|c| ids.contains(&c.id))
                .map(|c| c.label.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        });
        if let (false, Some(data)) = (names.is_empty(), ev.clipboard_data()) {
            ev.prevent_default();
            let _ = data.set_data(OURS, "boxes");
            let _ = data.set_data("text/plain", &names);
        }
    };
    let _ = window_event_listener(ev::copy, mark);
    let _ = window_event_listener(ev::cut, mark);
    let _ = window_event_listener(ev::paste, move |ev| {
        if !for_board(ev.target(), state) {
            return;
        }
        ev.prevent_default();
        clipboard.pending.set_value(false);
        let data = ev.clipboard_data();
        let ours = data
            .as_ref()
            .is_some_and(|d| d.types().includes(&OURS.into(), 0));
        let text = data
            .and_then(|d| d.get_data("text/plain").ok())
            .unwrap_or_default();
        if ours || text.trim().is_empty() {
            let _ = state.dispatch(Action::Paste);
            return;
        }
        leptos::task::spawn_local(async move {
            let read = importer.read_foreign(PASTED.into(), text).await;
            measure_canvas(state);
            let notice = match read {
                Ok((board, mut report)) => match state.dispatch(Action::InsertBoard(board)) {
                    Ok(_) => {
                        report.push_str(" Undo (Ctrl+Z) takes it away again.");
                        report
                    }
                    Err(e) => format!("Could not paste: {e}. The board is unchanged."),
                },
                // Not another app's diagram: the board's own copied boxes, if any.
                Err(why) => match state.dispatch(Action::Paste) {
                    Ok(Applied::Unchanged) => format!(
                        "Nothing to paste: the clipboard holds text that is neither a Mermaid flowchart nor an Excalidraw drawing ({why})."
                    ),
                    _ => return,
                },
            };
            state.notice.set(Some(notice));
        });
    });
    clipboard
}
