//! Real keyboard, mouse and wheel input through WebDriver actions: chromedriver
//! turns them into trusted browser input events, as a user's would be.

use std::time::Duration;

use fantoccini::actions::{
    Actions, InputSource, KeyAction, KeyActions, MouseActions, PenActions, PointerAction,
    TouchActions, WheelAction, WheelActions, MOUSE_BUTTON_LEFT,
};
use fantoccini::key::Key as WdKey;

use serde_json::json;

use super::Driver;

/// A key for [`Driver::press_keys`] and the `*_holding` actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character, e.g. `Key::Char('z')`.
    Char(char),
    /// Control modifier.
    Ctrl,
    /// Shift modifier.
    Shift,
    /// Alt modifier.
    Alt,
    /// Meta (Cmd / Windows) modifier.
    Meta,
    /// Delete (forward delete).
    Delete,
    /// Backspace.
    Backspace,
    /// Enter / Return.
    Enter,
    /// Escape.
    Escape,
    /// Tab.
    Tab,
    /// Space bar.
    Space,
    /// Left arrow.
    ArrowLeft,
    /// Right arrow.
    ArrowRight,
    /// Up arrow.
    ArrowUp,
    /// Down arrow.
    ArrowDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Page Up.
    PageUp,
    /// Page Down.
    PageDown,
}

impl Key {
    /// The WebDriver key code point for this key.
    pub fn code(self) -> char {
        let key = match self {
            Key::Char(c) => return c,
            Key::Space => return ' ',
            Key::Ctrl => WdKey::Control,
            Key::Shift => WdKey::Shift,
            Key::Alt => WdKey::Alt,
            Key::Meta => WdKey::Meta,
            Key::Delete => WdKey::Delete,
            Key::Backspace => WdKey::Backspace,
            Key::Enter => WdKey::Enter,
            Key::Escape => WdKey::Escape,
            Key::Tab => WdKey::Tab,
            Key::ArrowLeft => WdKey::Left,
            Key::ArrowUp => WdKey::Up,
            Key::ArrowRight => WdKey::Right,
            Key::ArrowDown => WdKey::Down,
            Key::Home => WdKey::Home,
            Key::End => WdKey::End,
            Key::PageUp => WdKey::PageUp,
            Key::PageDown => WdKey::PageDown,
        };
        key.into()
    }

    /// The key as text for [`super::Element::send_keys`].
    pub fn value(self) -> String {
        self.code().to_string()
    }
}

const NO_WAIT: Duration = Duration::ZERO;

fn keyboard() -> KeyActions {
    KeyActions::new("keyboard".into())
}

fn mouse() -> MouseActions {
    MouseActions::new("mouse".into())
}

/// A pointer move to a viewport point (whole pixels: chromedriver rejects
/// fractions in some versions), taking `ms` milliseconds.
fn move_to(at: (f64, f64), ms: u64) -> PointerAction {
    PointerAction::MoveTo {
        duration: Some(Duration::from_millis(ms)),
        x: at.0.round(),
        y: at.1.round(),
    }
}

/// The mouse actions of a drag from `from` to `to` in `steps` moves of 10 ms.
fn drag_moves(from: (f64, f64), to: (f64, f64), steps: usize) -> Vec<PointerAction> {
    let steps = steps.max(1);
    let mut seq = vec![
        move_to(from, 0),
        PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        },
    ];
    for i in 1..=steps {
        let t = i as f64 / steps as f64;
        let p = (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
        seq.push(move_to(p, 10));
    }
    seq.push(PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    });
    seq
}

fn click_moves(at: (f64, f64), clicks: usize) -> Vec<PointerAction> {
    let mut seq = vec![move_to(at, 0)];
    for _ in 0..clicks {
        seq.push(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        });
        seq.push(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    }
    seq
}

/// `keys` held down around `n` ticks of another device: the key sequence and
/// the number of pauses the other device needs before and after.
fn holding(keys: &[Key], n: usize) -> (KeyActions, usize) {
    let mut seq = keyboard();
    for k in keys {
        seq = seq.then(KeyAction::Down { value: k.code() });
    }
    for _ in 0..n {
        seq = seq.pause(NO_WAIT);
    }
    for k in keys.iter().rev() {
        seq = seq.then(KeyAction::Up { value: k.code() });
    }
    (seq, keys.len())
}

impl Driver {
    fn perform(&self, what: &str, actions: impl Into<Actions>) {
        self.block(what, self.client().perform_actions(actions));
    }

    /// Presses `keys` as one chord: all go down in order, then up in reverse.
    /// `&[Key::Ctrl, Key::Char('z')]` is Ctrl+Z; `&[Key::Delete]` is a single
    /// Delete press. Goes to the focused element.
    pub fn press_keys(&self, keys: &[Key]) {
        let (seq, _) = holding(keys, 0);
        self.perform(&format!("press {keys:?}"), seq);
    }

    /// Types `text` one character at a time into the focused element.
    pub fn type_text(&self, text: &str) {
        let mut seq = keyboard();
        for c in text.chars() {
            seq = seq
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        if !text.is_empty() {
            self.perform(&format!("type {text:?}"), seq);
        }
    }

    /// Runs mouse actions while `keys` are held down.
    fn mouse_holding(&self, what: &str, keys: &[Key], moves: Vec<PointerAction>) {
        let (keys_seq, pad) = holding(keys, moves.len());
        let mut seq = mouse();
        for _ in 0..pad {
            seq = seq.pause(NO_WAIT);
        }
        for m in moves {
            seq = seq.then(m);
        }
        for _ in 0..pad {
            seq = seq.pause(NO_WAIT);
        }
        if keys.is_empty() {
            self.perform(what, seq);
        } else {
            self.perform(what, Actions::from(keys_seq).and(seq));
        }
    }

    /// Mouse drag in viewport coordinates: move to `from`, press the left
    /// button, move to `to` in `steps` (≥ 1) equal moves of 10 ms each, release.
    pub fn drag(&self, from: (f64, f64), to: (f64, f64), steps: usize) {
        self.drag_holding(&[], from, to, steps);
    }

    /// [`Self::drag`] with `keys` held down throughout (e.g. Space to pan).
    pub fn drag_holding(&self, keys: &[Key], from: (f64, f64), to: (f64, f64), steps: usize) {
        let what = format!("drag {from:?} -> {to:?} holding {keys:?}");
        self.mouse_holding(&what, keys, drag_moves(from, to, steps));
    }

    /// Left click at a viewport point.
    pub fn click_at(&self, at: (f64, f64)) {
        self.click_at_holding(&[], at);
    }

    /// Left click at a viewport point with `keys` held (e.g. Shift to extend
    /// a selection).
    pub fn click_at_holding(&self, keys: &[Key], at: (f64, f64)) {
        let what = format!("click at {at:?} holding {keys:?}");
        self.mouse_holding(&what, keys, click_moves(at, 1));
    }

    /// Double left click at a viewport point.
    pub fn double_click_at(&self, at: (f64, f64)) {
        let what = format!("double click at {at:?}");
        self.mouse_holding(&what, &[], click_moves(at, 2));
    }

    /// Moves the mouse to a viewport point without pressing.
    pub fn hover(&self, at: (f64, f64)) {
        self.mouse_holding(&format!("hover {at:?}"), &[], vec![move_to(at, 0)]);
    }

    /// Turns the mouse wheel over a viewport point by `(dx, dy)` pixels, with
    /// `keys` held (e.g. Ctrl to zoom).
    pub fn wheel_at(&self, keys: &[Key], at: (f64, f64), delta: (f64, f64)) {
        let scroll = WheelAction::Scroll {
            duration: None,
            x: at.0.round() as i64,
            y: at.1.round() as i64,
            delta_x: delta.0.round() as i64,
            delta_y: delta.1.round() as i64,
        };
        let what = format!("wheel {delta:?} at {at:?} holding {keys:?}");
        let (keys_seq, pad) = holding(keys, 1);
        let mut seq = WheelActions::new("wheel".into());
        for _ in 0..pad {
            seq = seq.pause(NO_WAIT);
        }
        seq = seq.then(scroll);
        for _ in 0..pad {
            seq = seq.pause(NO_WAIT);
        }
        if keys.is_empty() {
            self.perform(&what, seq);
        } else {
            self.perform(&what, Actions::from(keys_seq).and(seq));
        }
    }

    /// A one-finger touch drag from `from` to `to` in `steps` moves of 10 ms.
    pub fn touch_drag(&self, from: (f64, f64), to: (f64, f64), steps: usize) {
        let mut seq = TouchActions::new("finger".into());
        for m in drag_moves(from, to, steps) {
            seq = seq.then(m);
        }
        self.perform(&format!("touch drag {from:?} -> {to:?}"), seq);
    }

    /// A pen stroke from `from` to `to` in `steps` moves of 10 ms.
    pub fn pen_drag(&self, from: (f64, f64), to: (f64, f64), steps: usize) {
        let mut seq = PenActions::new("pen".into());
        for m in drag_moves(from, to, steps) {
            seq = seq.then(m);
        }
        self.perform(&format!("pen drag {from:?} -> {to:?}"), seq);
    }

    /// A finger held still at `at` for `ms` milliseconds, then lifted.
    pub fn long_press(&self, at: (f64, f64), ms: u64) {
        let seq = TouchActions::new("finger".into())
            .then(move_to(at, 0))
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Pause {
                duration: Duration::from_millis(ms),
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.perform(&format!("long press at {at:?}"), seq);
    }

    /// Two fingers, `from` apart horizontally about `centre`, move `shift` along
    /// and end `to` apart, in `steps` moves of 10 ms: a pinch (zoom) and a
    /// two-finger pan at once.
    pub fn pinch(&self, centre: (f64, f64), from: f64, to: f64, shift: (f64, f64), steps: usize) {
        let finger = |name: &str, side: f64| {
            let start = (centre.0 + side * from / 2.0, centre.1);
            let end = (centre.0 + shift.0 + side * to / 2.0, centre.1 + shift.1);
            let mut seq = TouchActions::new(name.into());
            for m in drag_moves(start, end, steps) {
                seq = seq.then(m);
            }
            seq
        };
        let what = format!("pinch about {centre:?}: {from} -> {to} apart, moved {shift:?}");
        self.perform(
            &what,
            Actions::from(finger("left", -1.0)).and(finger("right", 1.0)),
        );
    }

    /// Releases all pressed keys and buttons (`DELETE /actions`).
    pub fn release_actions(&self) {
        self.block("release actions", self.client().release_actions());
    }
}

/// What a drag carries, for [`Driver::drop_at`].
pub enum DragData<'a> {
    /// Files from disk, by path.
    Files(&'a [&'a str]),
    /// One item of data of a MIME type.
    Item(&'a str, &'a str),
}

impl Driver {
    /// Drops `data` at a viewport point: drag enter, over and drop, as trusted
    /// input events from Chromium's own input pipeline (DevTools
    /// `Input.dispatchDragEvent`, sent through chromedriver). WebDriver actions
    /// cannot carry a drag's data: an OS drag of a file, or an HTML drag whose
    /// payload Chromium's headless mode does not start from pointer actions.
    pub fn drop_at(&self, at: (f64, f64), data: DragData<'_>) {
        let data = match data {
            DragData::Files(paths) => json!({ "items": [], "files": paths }),
            DragData::Item(mime, value) => {
                json!({ "items": [{ "mimeType": mime, "data": value }] })
            }
        };
        let mut data = data;
        // Copy, link or move: whatever the page's dropEffect asks for.
        data["dragOperationsMask"] = json!(1 | 2 | 16);
        for kind in ["dragEnter", "dragOver", "drop"] {
            let params = json!({ "type": kind, "x": at.0, "y": at.1, "data": data });
            self.command(
                "POST",
                "goog/cdp/execute",
                Some(json!({ "cmd": "Input.dispatchDragEvent", "params": params })),
            );
        }
    }

    /// Drops files (by path) at a viewport point; see [`Self::drop_at`].
    pub fn drop_files(&self, at: (f64, f64), paths: &[&str]) {
        self.drop_at(at, DragData::Files(paths));
    }
}
