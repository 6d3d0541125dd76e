//! Plane geometry in world units (one unit is one CSS pixel at zoom 1).

use serde::{Deserialize, Serialize};

/// A point or a vector.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// Horizontal coordinate, growing rightwards.
    pub x: f64,
    /// Vertical coordinate, growing downwards.
    pub y: f64,
}

/// A width and a height.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Size {
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// An axis-aligned rectangle given by its top-left corner and size (w, h >= 0).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// Largest absolute world coordinate accepted anywhere (commands and restore alike).
pub const MAX_COORDINATE: f64 = 1e7;

impl Point {
    /// Builds a point.
    pub const fn new(x: f64, y: f64) -> Self {
        Point { x, y }
    }

    /// Euclidean distance to another point.
    pub fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    /// Whether both coordinates are finite numbers.
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }

    /// Whether both coordinates are finite and within [`MAX_COORDINATE`].
    pub fn in_range(self) -> bool {
        self.x.abs() <= MAX_COORDINATE && self.y.abs() <= MAX_COORDINATE
    }
}

impl Size {
    /// Builds a size.
    pub const fn new(w: f64, h: f64) -> Self {
        Size { w, h }
    }
}

impl Rect {
    /// Builds a rectangle.
    pub const fn new(x: f64, y: f64, w: f64, h: f64) -> Self {
        Rect { x, y, w, h }
    }

    /// The rectangle spanned by two corner points, in any order.
    pub fn from_corners(a: Point, b: Point) -> Self {
        Rect::new(
            a.x.min(b.x),
            a.y.min(b.y),
            (a.x - b.x).abs(),
            (a.y - b.y).abs(),
        )
    }

    /// Centre point.
    pub fn center(&self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// Whether the point lies inside or on the border.
    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.x && p.x <= self.right() && p.y >= self.y && p.y <= self.bottom()
    }

    /// Whether `other` lies wholly inside this rectangle (borders included).
    pub fn contains_rect(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    /// Whether the two rectangles overlap (touching edges do not count).
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// The rectangle grown by `d` on every side.
    pub fn inflate(&self, d: f64) -> Rect {
        Rect::new(self.x - d, self.y - d, self.w + 2.0 * d, self.h + 2.0 * d)
    }

    /// Smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Rect::new(
            x,
            y,
            self.right().max(other.right()) - x,
            self.bottom().max(other.bottom()) - y,
        )
    }

    /// Where the ray from the centre towards `target` leaves the rectangle.
    pub fn border_point(&self, target: Point) -> Point {
        let c = self.center();
        let (dx, dy) = (target.x - c.x, target.y - c.y);
        if dx == 0.0 && dy == 0.0 {
            return c;
        }
        let half_w = self.w / 2.0;
        let half_h = self.h / 2.0;
        // Scale the direction so that it just touches the nearer pair of sides.
        let tx = if dx == 0.0 {
            f64::INFINITY
        } else {
            half_w / dx.abs()
        };
        let ty = if dy == 0.0 {
            f64::INFINITY
        } else {
            half_h / dy.abs()
        };
        let t = tx.min(ty);
        Point::new(c.x + dx * t, c.y + dy * t)
    }

    /// Bounding box of many rectangles, `None` for none.
    pub fn bounds<I: IntoIterator<Item = Rect>>(rects: I) -> Option<Rect> {
        rects.into_iter().reduce(|a, b| a.union(&b))
    }
}

/// Start and end of a straight arrow from one box to another, on their borders with a
/// small gap so the arrow head stays visible.
pub fn arrow_endpoints(from: &Rect, to: &Rect) -> (Point, Point) {
    const GAP: f64 = 3.0;
    let start = from.border_point(to.center());
    let end = to.border_point(from.center());
    let len = start.distance(end);
    if len <= 2.0 * GAP {
        return (start, end);
    }
    let (ux, uy) = ((end.x - start.x) / len, (end.y - start.y) / len);
    (
        Point::new(start.x + ux * GAP, start.y + uy * GAP),
        Point::new(end.x - ux * GAP, end.y - uy * GAP),
    )
}

/// The part of the segment from `a` to `b` inside `r` (borders excluded), as the
/// parameters `t0 < t1` in 0..=1 along it; `None` when it misses or only touches.
pub fn clip_segment(a: Point, b: Point, r: &Rect) -> Option<(f64, f64)> {
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (start, delta, lo, hi) in [
        (a.x, b.x - a.x, r.x, r.right()),
        (a.y, b.y - a.y, r.y, r.bottom()),
    ] {
        if delta == 0.0 {
            if start <= lo || start >= hi {
                return None;
            }
            continue;
        }
        let (u, v) = ((lo - start) / delta, (hi - start) / delta);
        t0 = t0.max(u.min(v));
        t1 = t1.min(u.max(v));
    }
    ((t1 - t0) * a.distance(b) > 1e-6).then_some((t0, t1))
}
