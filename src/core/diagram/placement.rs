//! Finding free space for a new component.

use super::board::Board;
use super::geometry::{Point, Rect, Size};

/// Clearance kept around every component when placing a new one.
const CLEARANCE: f64 = 16.0;
/// Grid step of the search.
const STEP: f64 = 24.0;
/// Rings searched before giving up and placing beside everything.
const MAX_RINGS: i32 = 40;

/// Top-left corner for a box of `size` centred as near `centre` as possible without
/// overlapping (or crowding) any component. Searches rings of grid points outwards;
/// on a full neighbourhood, places the box right of the board's bounds.
pub fn free_spot(board: &Board, centre: Point, size: Size) -> Point {
    let origin = Point::new(
        (centre.x - size.w / 2.0).round(),
        (centre.y - size.h / 2.0).round(),
    );
    let fits = |p: Point| {
        let r = Rect::new(p.x, p.y, size.w, size.h).inflate(CLEARANCE);
        !board.components().iter().any(|c| c.rect.intersects(&r))
    };
    for ring in 0..=MAX_RINGS {
        let mut best: Option<(f64, Point)> = None;
        for (i, j) in ring_cells(ring) {
            let p = Point::new(
                origin.x + f64::from(i) * STEP,
                origin.y + f64::from(j) * STEP,
            );
            if fits(p) {
                let d = p.distance(origin);
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, p));
                }
            }
        }
        if let Some((_, p)) = best {
            return p;
        }
    }
    let bounds = board
        .bounds()
        .unwrap_or(Rect::new(origin.x, origin.y, 0.0, 0.0));
    Point::new(bounds.right() + 2.0 * CLEARANCE + 1.0, origin.y)
}

/// Grid cells on the square ring at Chebyshev distance `ring`, horizontally
/// stretched (boxes are wider than tall, so rows are searched first).
fn ring_cells(ring: i32) -> impl Iterator<Item = (i32, i32)> {
    let r = ring;
    (-r..=r).flat_map(move |i| {
        (-r..=r).filter_map(move |j| (i.abs().max(j.abs()) == r).then_some((i, j)))
    })
}
