//! Touch: one finger works as the mouse's left button; a second finger turns the
//! gesture into a pinch, where the distance between the fingers zooms about their
//! midpoint and moving both pans, as in every map and whiteboard app.

use super::gesture::Gesture;
use super::{Button, Editor, Modifiers, PointerTarget};
use crate::core::diagram::Point;

/// The fingers on the canvas: pointer id and last position (screen pixels).
pub(super) type Fingers = Vec<(i32, Point)>;

impl Editor {
    /// A finger touched the canvas on `target`.
    pub fn touch_start(&mut self, id: i32, target: PointerTarget, screen: Point) {
        if !screen.is_finite() {
            return;
        }
        self.fingers.retain(|(f, _)| *f != id);
        self.fingers.push((id, screen));
        match self.fingers.len() {
            1 => self.pointer_down(target, screen, Button::Primary, Modifiers::default()),
            2 => {
                // Whatever the first finger began (a drag, a band) is abandoned.
                self.cancel_gesture();
                self.gesture = Gesture::Pinching;
            }
            // A third finger changes nothing.
            _ => {}
        }
    }

    /// A finger moved.
    pub fn touch_move(&mut self, id: i32, screen: Point) {
        if !screen.is_finite() {
            return;
        }
        let Some(index) = self.fingers.iter().position(|(f, _)| *f == id) else {
            return;
        };
        if !matches!(self.gesture, Gesture::Pinching) {
            self.fingers[index].1 = screen;
            if self.fingers.len() == 1 {
                self.pointer_move(screen);
            }
            return;
        }
        if index > 1 {
            return;
        }
        let (a, b) = (self.fingers[0].1, self.fingers[1].1);
        self.fingers[index].1 = screen;
        let (a2, b2) = (self.fingers[0].1, self.fingers[1].1);
        let mid = |p: Point, q: Point| Point::new((p.x + q.x) / 2.0, (p.y + q.y) / 2.0);
        let (m, m2) = (mid(a, b), mid(a2, b2));
        let (d, d2) = (a.distance(b), a2.distance(b2));
        self.viewport.pan_by(m2.x - m.x, m2.y - m.y);
        if d > 1.0 && d2 > 1.0 {
            self.viewport.zoom_at(d2 / d, m2);
        }
    }

    /// A finger left the canvas (lifted or cancelled).
    pub fn touch_end(&mut self, id: i32, screen: Point) {
        let Some(index) = self.fingers.iter().position(|(f, _)| *f == id) else {
            return;
        };
        self.fingers.remove(index);
        if matches!(self.gesture, Gesture::Pinching) {
            // The pinch is over; the finger still down starts nothing until lifted.
            if self.fingers.is_empty() {
                self.gesture = Gesture::Idle;
            }
            return;
        }
        if self.fingers.is_empty() {
            let _ = self.pointer_up(screen);
        }
    }

    /// Whether two fingers are pinching the view.
    pub fn is_pinching(&self) -> bool {
        matches!(self.gesture, Gesture::Pinching)
    }
}

impl Editor {
    /// A finger's touch was cancelled by the browser: what it began is abandoned.
    pub fn touch_cancel(&mut self, id: i32) {
        self.fingers.retain(|(f, _)| *f != id);
        if self.fingers.is_empty() {
            self.cancel_gesture();
        }
    }
}
