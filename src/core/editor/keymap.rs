//! Keyboard shortcuts, as data: a key press maps to an [`Action`] or a UI command.
//!
//! Ctrl and Cmd are treated alike on every platform, so macOS users get Cmd+Z and
//! everyone else Ctrl+Z without sniffing the platform.

use super::{Action, Direction, Tool};

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
    /// Show the shortcut sheet ([`SHEET`]).
    ShowShortcuts,
    /// Open the quick-add field, where a typed name becomes a box of the right kind.
    QuickAdd,
}

/// World units moved by an arrow key, and with Shift.
pub const NUDGE: (f64, f64) = (10.0, 50.0);

/// The command bound to a key press, if any. Call only when focus is not in a text field.
pub fn shortcut(k: KeyInput<'_>) -> Option<KeyCommand> {
    use Action as A;
    let key = k.key;
    let lower = key.to_ascii_lowercase();
    let act = |a: Action| Some(KeyCommand::Editor(a));
    let dir = Direction::of_key(key);
    if k.alt {
        // Alt+Arrow walks between connected boxes (flowchart keys).
        return match dir {
            Some(d) if !k.primary && !k.shift => act(A::StepToConnected(d)),
            _ => None,
        };
    }
    if let (true, Some(d)) = (k.primary, dir) {
        // Ctrl+Arrow grows a connected box; with Shift it aligns the selection.
        return act(if k.shift {
            A::Align(d)
        } else {
            A::GrowConnected(d)
        });
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
            ("g", false) => act(A::Group),
            ("g", true) => act(A::Ungroup),
            _ => None,
        };
    }
    let step = if k.shift { NUDGE.1 } else { NUDGE.0 };
    match key {
        "Delete" | "Backspace" => act(A::DeleteSelection),
        "Escape" => act(A::Cancel),
        "Enter" | "F2" => Some(KeyCommand::StartRename),
        "?" => Some(KeyCommand::ShowShortcuts),
        "/" => Some(KeyCommand::QuickAdd),
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

/// One line of the shortcut sheet (`?`).
#[derive(Clone, Copy, Debug)]
pub struct SheetLine {
    /// The keys or gestures as shown, each one way to do it ("Ctrl+Z", "Shift+Arrow").
    pub keys: &'static [&'static str],
    /// What they do.
    pub what: &'static str,
    /// A key press that does it, so a test keeps the sheet and the keymap in step
    /// (`None` for pointer gestures and keys handled outside the keymap).
    pub example: Option<KeyInput<'static>>,
}

const fn key(
    key: &'static str,
    shift: bool,
    primary: bool,
    alt: bool,
) -> Option<KeyInput<'static>> {
    Some(KeyInput {
        key,
        shift,
        primary,
        alt,
    })
}

const fn line(
    keys: &'static [&'static str],
    what: &'static str,
    example: Option<KeyInput<'static>>,
) -> SheetLine {
    SheetLine {
        keys,
        what,
        example,
    }
}

/// The shortcut sheet: titled sections of [`SheetLine`]s. Ctrl is Cmd on macOS.
pub const SHEET: &[(&str, &[SheetLine])] = &[
    (
        "Map",
        &[
            line(
                &["Ctrl+Arrow"],
                "Add a connected box on that side and name it",
                key("ArrowRight", false, true, false),
            ),
            line(
                &["Alt+Arrow"],
                "Go to the connected box that way",
                key("ArrowDown", false, false, true),
            ),
            line(
                &["Enter", "F2"],
                "Rename the box, label the arrow",
                key("Enter", false, false, false),
            ),
            line(
                &["C"],
                "Connect the selected boxes, first to second",
                key("c", false, false, false),
            ),
            line(
                &["/", "Double-click"],
                "Quick add: type \"redis cache\" or \"kafka\", get the right kind",
                key("/", false, false, false),
            ),
            line(&["Drag a dot"], "Draw an arrow to another box", None),
            line(
                &["Ctrl+D", "Alt+drag"],
                "Duplicate",
                key("d", false, true, false),
            ),
            line(
                &["Ctrl+C", "Ctrl+V"],
                "Copy, paste",
                key("v", false, true, false),
            ),
            line(
                &["Delete"],
                "Delete (with its arrows)",
                key("Delete", false, false, false),
            ),
        ],
    ),
    (
        "Select and arrange",
        &[
            line(
                &["Ctrl+A"],
                "Select everything",
                key("a", false, true, false),
            ),
            line(&["Shift+click"], "Add to the selection", None),
            line(&["Drag"], "On empty board: select the boxes inside", None),
            line(&["Ctrl+drag"], "Select every box the band touches", None),
            line(
                &["Space"],
                "On a focused box: add it to the selection",
                None,
            ),
            line(
                &["Arrow", "Shift+Arrow"],
                "Nudge 10 px, 50 px",
                key("ArrowLeft", true, false, false),
            ),
            line(
                &["Ctrl+Shift+Arrow"],
                "Align the selected boxes on that edge",
                key("ArrowUp", true, true, false),
            ),
            line(
                &["Ctrl+G", "Ctrl+Shift+G"],
                "Group, ungroup: a group moves as one",
                key("g", false, true, false),
            ),
            line(
                &["Escape"],
                "Cancel a gesture, clear the selection",
                key("Escape", false, false, false),
            ),
        ],
    ),
    (
        "View",
        &[
            line(&["Scroll", "Space+drag"], "Pan", None),
            line(
                &["H", "V"],
                "Hand tool, select tool",
                key("h", false, false, false),
            ),
            line(
                &["Ctrl+scroll", "+", "-"],
                "Zoom",
                key("+", false, false, false),
            ),
            line(&["Shift+1"], "Fit everything", key("!", true, false, false)),
            line(
                &["Shift+2"],
                "Zoom to the selection",
                key("@", true, false, false),
            ),
            line(&["Shift+0"], "100%", key(")", true, false, false)),
        ],
    ),
    (
        "History and help",
        &[
            line(&["Ctrl+Z"], "Undo", key("z", false, true, false)),
            line(
                &["Ctrl+Shift+Z", "Ctrl+Y"],
                "Redo",
                key("y", false, true, false),
            ),
            line(&["?"], "This sheet", key("?", true, false, false)),
        ],
    ),
];
