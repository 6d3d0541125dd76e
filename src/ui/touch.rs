//! Touch on the canvas: fingers go to the editor's touch gestures (one finger drags,
//! two pinch and pan), and a long press on a box selects it and takes focus to the
//! panel's fields and actions for it (its context actions: name, kind, colour, size,
//! arrows, notes, delete).

use super::state::BoardState;
use crate::browser::dom;
use crate::core::diagram::Point;
use crate::core::editor::{Action, PointerTarget};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// How long a still finger makes a long press.
const LONG_PRESS_MS: u32 = 550;
/// How far (screen pixels) a finger may wander and still be a long press.
const LONG_PRESS_SLOP: f64 = 8.0;

/// The long press being timed: where it began, and its timer.
type Pending = StoredValue<Option<(Point, Timeout)>, LocalStorage>;

/// Touch input for the canvas.
#[derive(Clone, Copy)]
pub struct Touch {
    state: BoardState,
    pending: Pending,
    /// A long press fired and its finger is still down.
    pressed_long: StoredValue<bool>,
}

impl Touch {
    /// Touch handling for the board in `state`.
    pub fn new(state: BoardState) -> Self {
        Touch {
            state,
            pending: StoredValue::new_local(None),
            pressed_long: StoredValue::new(false),
        }
    }

    /// A finger went down on `target` at `at` (canvas pixels).
    pub fn start(self, id: i32, target: PointerTarget, at: Point) {
        self.cancel_long_press();
        self.state.touch_start(id, target, at);
        if let PointerTarget::Component(component) = target {
            let (state, pressed_long) = (self.state, self.pressed_long);
            let timer = Timeout::new(LONG_PRESS_MS, move || {
                // The finger stayed: no drag; the box and its actions instead.
                state.touch_cancel(id);
                let _ = state.dispatch(Action::SelectComponent(component));
                pressed_long.set_value(true);
                dom::after_render(|| dom::focus(".inspector input[type=text]"));
            });
            self.pending.set_value(Some((at, timer)));
        }
    }

    /// A finger moved.
    pub fn moved(self, id: i32, at: Point) {
        let wandered = self.pending.with_value(|p| {
            p.as_ref()
                .is_some_and(|(from, _)| from.distance(at) > LONG_PRESS_SLOP)
        });
        if wandered {
            self.cancel_long_press();
        }
        self.state.touch_move(id, at);
    }

    /// A finger lifted. After a long press, focus goes to the panel's fields for
    /// the box, once the tap's own focus change (to the box) is over.
    pub fn end(self, id: i32, at: Point) {
        self.cancel_long_press();
        self.state.touch_end(id, at);
        if self.pressed_long.get_value() {
            self.pressed_long.set_value(false);
            Timeout::new(0, || dom::focus(".inspector input[type=text]")).forget();
        }
    }

    /// The browser took the touch over.
    pub fn cancel(self, id: i32) {
        self.cancel_long_press();
        self.state.touch_cancel(id);
    }

    fn cancel_long_press(self) {
        if let Some((_, timer)) = self.pending.try_update_value(Option::take).flatten() {
            timer.cancel();
        }
    }
}
