//! The viewport: which part of the infinite board the canvas shows, and how large.

use crate::core::diagram::{Point, Rect, Size};
use serde::{Deserialize, Serialize};

/// Maps world coordinates to screen (canvas) coordinates:
/// `screen = (world - origin) * zoom`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Viewport {
    /// World x at the canvas's left edge.
    pub x: f64,
    /// World y at the canvas's top edge.
    pub y: f64,
    /// Scale factor, within [`Viewport::MIN_ZOOM`, `Viewport::MAX_ZOOM`].
    pub zoom: f64,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport {
            x: 0.0,
            y: 0.0,
            zoom: 1.0,
        }
    }
}

impl Viewport {
    /// Smallest zoom.
    pub const MIN_ZOOM: f64 = 0.1;
    /// Largest zoom.
    pub const MAX_ZOOM: f64 = 4.0;
    /// Factor of one zoom step (+/- keys, buttons).
    pub const STEP: f64 = 1.2;

    /// Screen position of a world point.
    pub fn to_screen(&self, world: Point) -> Point {
        Point::new(
            (world.x - self.x) * self.zoom,
            (world.y - self.y) * self.zoom,
        )
    }

    /// World position of a screen point.
    pub fn to_world(&self, screen: Point) -> Point {
        Point::new(screen.x / self.zoom + self.x, screen.y / self.zoom + self.y)
    }

    /// Zooms by `factor`, keeping the world point under `anchor` (screen) in place.
    pub fn zoom_at(&mut self, factor: f64, anchor: Point) {
        if !factor.is_finite() || factor <= 0.0 || !anchor.is_finite() {
            return;
        }
        let world = self.to_world(anchor);
        self.zoom = (self.zoom * factor).clamp(Self::MIN_ZOOM, Self::MAX_ZOOM);
        self.x = world.x - anchor.x / self.zoom;
        self.y = world.y - anchor.y / self.zoom;
    }

    /// Moves the view by a screen-space vector (content follows the pointer).
    pub fn pan_by(&mut self, dx: f64, dy: f64) {
        if dx.is_finite() && dy.is_finite() {
            self.x -= dx / self.zoom;
            self.y -= dy / self.zoom;
        }
    }

    /// Shows `bounds` whole and centred in a canvas of `screen`, zooming out as needed
    /// but never in past 100%.
    pub fn fit(&mut self, bounds: Rect, screen: Size) {
        const MARGIN: f64 = 48.0;
        let avail_w = (screen.w - 2.0 * MARGIN).max(1.0);
        let avail_h = (screen.h - 2.0 * MARGIN).max(1.0);
        let zoom = (avail_w / bounds.w.max(1.0))
            .min(avail_h / bounds.h.max(1.0))
            .clamp(Self::MIN_ZOOM, 1.0);
        let c = bounds.center();
        self.zoom = zoom;
        self.x = c.x - screen.w / 2.0 / zoom;
        self.y = c.y - screen.h / 2.0 / zoom;
    }

    /// The world rectangle a canvas of `screen` shows.
    pub fn visible(&self, screen: Size) -> Rect {
        Rect::new(self.x, self.y, screen.w / self.zoom, screen.h / self.zoom)
    }

    /// Pans the least needed for `rect` to be fully visible with a margin; centres it
    /// when it is larger than the view. Zoom is kept.
    pub fn reveal(&mut self, rect: Rect, screen: Size) {
        const MARGIN: f64 = 32.0;
        let view = self.visible(screen);
        let m = MARGIN / self.zoom;
        let axis = |start: f64, len: f64, lo: f64, size: f64| -> f64 {
            if len + 2.0 * m > size {
                lo + len / 2.0 - size / 2.0
            } else if lo - m < start {
                lo - m
            } else if lo + len + m > start + size {
                lo + len + m - size
            } else {
                start
            }
        };
        self.x = axis(view.x, rect.w, rect.x, view.w);
        self.y = axis(view.y, rect.h, rect.y, view.h);
    }

    /// The world point at the centre of a canvas of `screen`.
    pub fn center(&self, screen: Size) -> Point {
        self.to_world(Point::new(screen.w / 2.0, screen.h / 2.0))
    }

    /// A usable viewport from possibly damaged numbers.
    pub fn sanitized(self) -> Viewport {
        let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
        let zoom = if self.zoom.is_finite() && self.zoom > 0.0 {
            self.zoom.clamp(Self::MIN_ZOOM, Self::MAX_ZOOM)
        } else {
            1.0
        };
        Viewport {
            x: finite(self.x),
            y: finite(self.y),
            zoom,
        }
    }
}
