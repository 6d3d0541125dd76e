//! Where an arrow is drawn: its route and its label's box. One function,
//! [`layout_arrow`], serves the canvas, the Review's figures and every export, so what
//! is seen is what is exported.
//!
//! Labels are drawn above the boxes, centred on the longest stretch of the route that
//! no box covers; a label too long for that stretch (and the arrow head after it) moves
//! beside the line, unless that would put its centre inside a box.

use super::board::{Arrow, Board};
use super::box_index::BoxIndex;
use super::geometry::{clip_segment, Point, Rect, Size};
use super::route::{elbow_route, straight_route};
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
        let longest = self
            .points
            .windows(2)
            .fold(None::<(f64, Point)>, |best, w| {
                let len = w[0].distance(w[1]);
                let mid = Point::new((w[0].x + w[1].x) / 2.0, (w[0].y + w[1].y) / 2.0);
                match best {
                    Some((l, _)) if l >= len => best,
                    _ => Some((len, mid)),
                }
            });
        longest.map_or_else(Point::default, |(_, mid)| mid)
    }

    /// Smallest rectangle holding the route and the label.
    pub fn bounds(&self) -> Rect {
        let points = self.points.iter().map(|p| Rect::new(p.x, p.y, 0.0, 0.0));
        Rect::bounds(points.chain(self.label)).unwrap_or_default()
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

/// The layout of `arrow` among the boxes of `index`; `None` when an end is missing.
pub fn layout_arrow(index: &BoxIndex, arrow: &Arrow) -> Option<ArrowLayout> {
    let (from, to) = (index.rect(arrow.from)?, index.rect(arrow.to)?);
    let points = if arrow.straight {
        straight_route(&from, &to)
    } else {
        elbow_route(index, (arrow.from, from), (arrow.to, to))
    };
    let label = (!arrow.label.is_empty()).then(|| {
        let size = arrow_label_size(&arrow.label);
        let c = label_anchor(index, &points, size);
        Rect::new(c.x - size.w / 2.0, c.y - size.h / 2.0, size.w, size.h)
    });
    Some(ArrowLayout { points, label })
}

/// Every arrow of `board` with both ends, in paint order, with its layout.
pub fn layout_arrows(board: &Board) -> Vec<(&Arrow, ArrowLayout)> {
    let index = BoxIndex::of_board(board);
    board
        .arrows()
        .iter()
        .filter_map(|a| Some((a, layout_arrow(&index, a)?)))
        .collect()
}

/// Centre for a label of `size` on the route `points`: the middle of the longest
/// stretch no box of `index` covers (the first of equals), moved beside the line when
/// the label does not fit there.
pub fn label_anchor(index: &BoxIndex, points: &[Point], size: Size) -> Point {
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
        return Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
    };
    let mid = Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
    if len == 0.0 {
        return mid;
    }
    let (ux, uy) = ((b.x - a.x) / len, (b.y - a.y) / len);
    let along = size.w * ux.abs() + size.h * uy.abs();
    if len >= along + if at_head { HEAD_ROOM } else { 0.0 } {
        return mid;
    }
    // Beside the line: above it, or left of a vertical one.
    let (mut nx, mut ny) = (-uy, ux);
    if ny > 0.0 || (ny == 0.0 && nx > 0.0) {
        (nx, ny) = (-nx, -ny);
    }
    let across = (size.w * nx.abs() + size.h * ny.abs()) / 2.0 + 4.0;
    let beside = Point::new(mid.x + nx * across, mid.y + ny * across);
    let probe = Rect::new(beside.x, beside.y, 0.0, 0.0);
    let blocked = index.query(&probe).iter().any(|(_, r)| {
        beside.x > r.x && beside.x < r.right() && beside.y > r.y && beside.y < r.bottom()
    });
    if blocked {
        mid
    } else {
        beside
    }
}
