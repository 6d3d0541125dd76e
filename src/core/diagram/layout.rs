//! Where an arrow is drawn: its route and its label's box. The canvas keeps them with
//! [`ArrowLayouts`](super::ArrowLayouts); the exports make them in one pass with the
//! same steps ([`layout_arrows_once`](super::layout_arrows_once)), so what is seen is
//! what is exported.
//!
//! Labels are drawn above the boxes, centred on the longest stretch of the route that
//! no box covers; a label too long for that stretch (and the arrow head after it) moves
//! beside the line, out until it clears the boxes, unless even its centre would be
//! inside a box. A label overlapping an earlier label of an arrow sharing a side slides
//! along its stretch.

use super::box_index::BoxIndex;
use super::geometry::{clip_segment, Point, Rect, Size};
use super::text::text_width;
use crate::core::decimal::dec;
use std::fmt::Write;

/// Font size of arrow labels, in world units.
pub const ARROW_LABEL_PX: f64 = 12.0;
/// Room kept for the arrow head beside a label on the route's last stretch.
const HEAD_ROOM: f64 = 28.0;

/// An arrow's route and its label's box, in world units.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArrowLayout {
    /// The route, start to end (the end carries the head); at least two points.
    pub points: Vec<Point>,
    /// The label's background box; `None` for an unlabeled arrow.
    pub label: Option<Rect>,
}

impl ArrowLayout {
    /// SVG path data of the route (`M x yL x y...`).
    pub fn path(&self) -> String {
        path_data(&self.points)
    }

    /// Where the label is (or would go): its centre, else the middle of the longest
    /// segment.
    pub fn anchor(&self) -> Point {
        if let Some(r) = self.label {
            return r.center();
        }
        // Plain loops, not iterator chains: each chain costs the app code.
        let (mut longest, mut mid) = (None, Point::default());
        for w in self.points.windows(2) {
            let len = w[0].distance(w[1]);
            if longest.is_none_or(|l| len > l) {
                longest = Some(len);
                mid = Point::new((w[0].x + w[1].x) / 2.0, (w[0].y + w[1].y) / 2.0);
            }
        }
        mid
    }

    /// Smallest rectangle holding the route and the label.
    pub fn bounds(&self) -> Rect {
        let mut out: Option<Rect> = None;
        for r in self.points.iter().map(|p| Rect::new(p.x, p.y, 0.0, 0.0)) {
            out = Some(out.map_or(r, |o| o.union(&r)));
        }
        if let Some(label) = self.label {
            out = Some(out.map_or(label, |o| o.union(&label)));
        }
        out.unwrap_or_default()
    }
}

/// SVG path data of a polyline (`M x yL x y...`), coordinates to hundredths.
pub fn path_data(points: &[Point]) -> String {
    let mut out = String::with_capacity(points.len() * 14);
    for (k, p) in points.iter().enumerate() {
        let _ = write!(
            out,
            "{}{} {}",
            if k == 0 { 'M' } else { 'L' },
            dec(p.x),
            dec(p.y)
        );
    }
    out
}

/// The size of an arrow label's background box.
pub fn arrow_label_size(text: &str) -> Size {
    Size::new(
        text_width(text, ARROW_LABEL_PX) + 10.0,
        ARROW_LABEL_PX + 8.0,
    )
}

/// The box for a label of `size` on the route `points`: centred on the longest stretch
/// no box of `index` covers (the first of equals), or beside the line, clear of the
/// boxes, when it does not fit there. When it would overlap one of the labels `avoid`,
/// it slides along its stretch to the first place clear of them and of every box.
pub fn place_label(index: &BoxIndex, points: &[Point], size: Size, avoid: &[Rect]) -> Rect {
    let at = |c: Point| Rect::new(c.x - size.w / 2.0, c.y - size.h / 2.0, size.w, size.h);
    // (length, start, end, whether it ends at the head)
    let mut best: Option<(f64, Point, Point, bool)> = None;
    let last = points.len().saturating_sub(2);
    for (k, w) in points.windows(2).enumerate() {
        let (a, b) = (w[0], w[1]);
        let len = a.distance(b);
        // The covered parts in order, sorted by insertion (few boxes meet a segment).
        let mut covered: Vec<(f64, f64)> = Vec::new();
        for (_, r) in index.query(&Rect::from_corners(a, b)) {
            if let Some(part) = clip_segment(a, b, &r) {
                covered.insert(covered.partition_point(|c| c.0 < part.0), part);
            }
        }
        let mut free_from = 0.0_f64;
        let mut stretches = Vec::new();
        for (t0, t1) in covered {
            if t0 > free_from {
                stretches.push((free_from, t0));
            }
            free_from = free_from.max(t1);
        }
        if free_from < 1.0 {
            stretches.push((free_from, 1.0));
        }
        for (t0, t1) in stretches {
            let length = (t1 - t0) * len;
            if best.as_ref().is_none_or(|b| length > b.0) {
                let at = |t: f64| Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
                best = Some((length, at(t0), at(t1), k == last && t1 >= 1.0));
            }
        }
    }
    let Some((len, a, b, at_head)) = best else {
        let (a, b) = (points.first().copied(), points.last().copied());
        let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
        return at(Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0));
    };
    let mid = Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
    if len == 0.0 {
        return at(mid);
    }
    let (ux, uy) = ((b.x - a.x) / len, (b.y - a.y) / len);
    let along = size.w * ux.abs() + size.h * uy.abs();
    let head = if at_head { HEAD_ROOM } else { 0.0 };
    let room = len - along - head;
    let base = if room >= 0.0 {
        at(mid)
    } else {
        beside(index, mid, (ux, uy), size, 1.0)
    };
    // Slides along the stretch, the label wholly on it and clear of the arrow head.
    let step = along / 2.0 + 2.0;
    let clear = |r: &Rect| !avoid.iter().any(|o| o.intersects(r));
    if clear(&base) {
        return base;
    }
    for k in 1..=8 {
        let shift = step * ((k + 1) / 2) as f64 * if k % 2 == 1 { 1.0 } else { -1.0 };
        let (lo, hi) = (-room / 2.0 - head / 2.0, room / 2.0 - head / 2.0);
        if shift < lo || shift > hi {
            continue;
        }
        let r = at(Point::new(mid.x + ux * shift, mid.y + uy * shift));
        if clear(&r) && !hits_box(index, &r) {
            return r;
        }
    }
    // Or beside the line, either way.
    for way in [1.0, -1.0] {
        let r = beside(index, mid, (ux, uy), size, way);
        if clear(&r) && !hits_box(index, &r) {
            return r;
        }
    }
    base
}

/// A label's box beside the line through `mid` heading (`ux`, `uy`): above it (left of
/// a vertical one) `way` 1, below (right) `way` -1, moved out until it clears every
/// box, or next to the line when it cannot; on the line when even its centre would be
/// inside a box.
fn beside(index: &BoxIndex, mid: Point, (ux, uy): (f64, f64), size: Size, way: f64) -> Rect {
    let (mut nx, mut ny) = (-uy * way, ux * way);
    if (ny > 0.0 || (ny == 0.0 && nx > 0.0)) == (way > 0.0) {
        (nx, ny) = (-nx, -ny);
    }
    let across = (size.w * nx.abs() + size.h * ny.abs()) / 2.0 + 4.0;
    let at = |d: f64| {
        let c = Point::new(mid.x + nx * d, mid.y + ny * d);
        Rect::new(c.x - size.w / 2.0, c.y - size.h / 2.0, size.w, size.h)
    };
    for k in 0..4 {
        let r = at(across + k as f64 * size.h / 2.0);
        if !hits_box(index, &r) {
            return r;
        }
    }
    // Its centre inside a box (a point meets a box only inside it): on the line.
    let r = at(across);
    if hits_box(index, &Rect::new(r.center().x, r.center().y, 0.0, 0.0)) {
        at(0.0)
    } else {
        r
    }
}

/// Whether `r` overlaps a box of `index` (touching does not count).
fn hits_box(index: &BoxIndex, r: &Rect) -> bool {
    index.query(r).iter().any(|(_, b)| b.intersects(r))
}
