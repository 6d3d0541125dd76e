//! Keyboard shortcuts, as data: a key press maps to an [`Action`] or a UI command.
//!
//! Ctrl and Cmd are treated alike on every platform, so macOS users get Cmd+Z and
//! everyone else Ctrl+Z without sniffing the platform.

use super::{Action, Tool};

/// A key press as the browser reports it (`KeyboardEvent.key`).
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyInput<'a> {
    /// The `key` value: "z", "Z", "Delete", "ArrowLeft", "+", ...
    pub key: &'a str,
    /// Shift held.
    pub shift: bool,
    /// Ctrl or Cmd held.
    pub primary: bool,
    /// Alt / Option held.
    pub alt: bool,
}

/// What a shortcut asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyCommand {
    /// An editor action.
    Editor(Action),
    /// Start renaming the selected component or labelling the selected arrow.
    StartRename,
}

/// World units moved by an arrow key, and with Shift.
pub const NUDGE: (f64, f64) = (10.0, 50.0);

/// The command bound to a key press, if any. Call only when focus is not in a text field.
pub fn shortcut(k: KeyInput<'_>) -> Option<KeyCommand> {
    use Action as A;
    let key = k.key;
    let lower = key.to_ascii_lowercase();
    let act = |a: Action| Some(KeyCommand::Editor(a));
    if k.alt {
        return None;
    }
    if k.primary {
        return match (lower.as_str(), k.shift) {
            ("z", false) => act(A::Undo),
            ("z", true) | ("y", false) => act(A::Redo),
            ("a", false) => act(A::SelectAll),
            ("d", false) => act(A::DuplicateSelection),
            ("c", false) => act(A::Copy),
            ("x", false) => act(A::Cut),
            ("v", false) => act(A::Paste),
            ("=" | "+", _) => act(A::ZoomIn),
            ("-" | "_", _) => act(A::ZoomOut),
            ("0", false) => act(A::ZoomReset),
            _ => None,
        };
    }
    let step = if k.shift { NUDGE.1 } else { NUDGE.0 };
    match key {
        "Delete" | "Backspace" => act(A::DeleteSelection),
        "Escape" => act(A::Cancel),
        "Enter" | "F2" => Some(KeyCommand::StartRename),
        "ArrowLeft" => act(A::Nudge { dx: -step, dy: 0.0 }),
        "ArrowRight" => act(A::Nudge { dx: step, dy: 0.0 }),
        "ArrowUp" => act(A::Nudge { dx: 0.0, dy: -step }),
        "ArrowDown" => act(A::Nudge { dx: 0.0, dy: step }),
        "+" | "=" => act(A::ZoomIn),
        "-" | "_" => act(A::ZoomOut),
        // Shift+1, Shift+2 and Shift+0 as on most layouts (US "@", UK and German
        // '"'), and the digits with Shift reported.
        "!" => act(A::ZoomToFit),
        "@" | "\"" => act(A::ZoomToSelection),
        ")" => act(A::ZoomReset),
        "1" if k.shift => act(A::ZoomToFit),
        "2" if k.shift => act(A::ZoomToSelection),
        "0" if k.shift => act(A::ZoomReset),
        _ => match (lower.as_str(), k.shift) {
            ("c", false) => act(A::ConnectSelection),
            ("h", false) => act(A::SetTool(Tool::Hand)),
            ("v", false) => act(A::SetTool(Tool::Select)),
            _ => None,
        },
    }
}
