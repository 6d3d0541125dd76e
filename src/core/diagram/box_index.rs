//! A uniform-grid index of component boxes, so routing and label placement look only
//! at boxes near a route instead of every box on the board.
//!
//! Invariants: each id is held once with its current rectangle; an id sits (with its
//! rectangle) in every cell its rectangle touches, or in the `wide` list when it spans
//! too many cells.

use super::board::{Board, ComponentId};
use super::geometry::Rect;
use rustc_hash::FxHashMap as HashMap;

/// Side of one grid cell, in world units (a few default-sized boxes).
const CELL: f64 = 256.0;
/// Boxes covering more cells than this go to the `wide` list.
const MAX_BOX_CELLS: i64 = 64;
/// Queries covering more cells than this look at every box instead.
const MAX_QUERY_CELLS: i64 = 2048;

/// Component rectangles bucketed by grid cell.
#[derive(Clone, Debug, Default)]
pub struct BoxIndex {
    rects: HashMap<ComponentId, Rect>,
    cells: HashMap<(i32, i32), Vec<(ComponentId, Rect)>>,
    wide: Vec<(ComponentId, Rect)>,
}

/// The cell range a rectangle touches, or `None` when it covers more than `limit`
/// cells.
fn span(r: &Rect, limit: i64) -> Option<(i32, i32, i32, i32)> {
    let cell = |v: f64| (v / CELL).floor().clamp(-1e9, 1e9) as i64;
    let (x0, x1, y0, y1) = (cell(r.x), cell(r.right()), cell(r.y), cell(r.bottom()));
    if (x1 - x0 + 1) * (y1 - y0 + 1) > limit {
        return None;
    }
    Some((x0 as i32, x1 as i32, y0 as i32, y1 as i32))
}

impl BoxIndex {
    /// An index of every component of `board`.
    pub fn of_board(board: &Board) -> Self {
        let mut index = BoxIndex::default();
        for c in board.components() {
            index.insert(c.id, c.rect);
        }
        index
    }

    /// Number of boxes held.
    pub fn len(&self) -> usize {
        self.rects.len()
    }

    /// Whether it holds no box.
    pub fn is_empty(&self) -> bool {
        self.rects.is_empty()
    }

    /// The rectangle held for `id`.
    pub fn rect(&self, id: ComponentId) -> Option<Rect> {
        self.rects.get(&id).copied()
    }

    /// Every id held, in no particular order.
    pub fn ids(&self) -> impl Iterator<Item = ComponentId> + '_ {
        self.rects.keys().copied()
    }

    /// Adds `id` at `rect`, or moves it there.
    pub fn insert(&mut self, id: ComponentId, rect: Rect) {
        self.remove(id);
        self.rects.insert(id, rect);
        match span(&rect, MAX_BOX_CELLS) {
            Some((x0, x1, y0, y1)) => {
                for cx in x0..=x1 {
                    for cy in y0..=y1 {
                        self.cells.entry((cx, cy)).or_default().push((id, rect));
                    }
                }
            }
            None => self.wide.push((id, rect)),
        }
    }

    /// Drops `id`; returns the rectangle it had.
    pub fn remove(&mut self, id: ComponentId) -> Option<Rect> {
        let rect = self.rects.remove(&id)?;
        match span(&rect, MAX_BOX_CELLS) {
            Some((x0, x1, y0, y1)) => {
                for cx in x0..=x1 {
                    for cy in y0..=y1 {
                        if let Some(list) = self.cells.get_mut(&(cx, cy)) {
                            list.retain(|other| other.0 != id);
                            if list.is_empty() {
                                self.cells.remove(&(cx, cy));
                            }
                        }
                    }
                }
            }
            None => self.wide.retain(|other| other.0 != id),
        }
        Some(rect)
    }

    /// Boxes whose rectangle overlaps `area` (touching counts), each once, in no
    /// particular order (what is built on them must not depend on it). A box is taken
    /// from the first cell (leftmost, then topmost) it shares with the area, so no set
    /// is needed to take it once.
    pub fn query(&self, area: &Rect) -> Vec<(ComponentId, Rect)> {
        let touches = |r: &Rect| {
            r.x <= area.right()
                && area.x <= r.right()
                && r.y <= area.bottom()
                && area.y <= r.bottom()
        };
        // Plain loops, not iterator chains: each chain costs the app code.
        let mut out: Vec<(ComponentId, Rect)> = Vec::new();
        match span(area, MAX_QUERY_CELLS) {
            Some((x0, x1, y0, y1)) => {
                for &(id, r) in &self.wide {
                    if touches(&r) {
                        out.push((id, r));
                    }
                }
                for cx in x0..=x1 {
                    for cy in y0..=y1 {
                        let Some(list) = self.cells.get(&(cx, cy)) else {
                            continue;
                        };
                        for &(id, r) in list {
                            let first = span(&r, MAX_BOX_CELLS)
                                .is_some_and(|(bx, _, by, _)| (bx.max(x0), by.max(y0)) == (cx, cy));
                            if first && touches(&r) {
                                out.push((id, r));
                            }
                        }
                    }
                }
            }
            None => {
                for (&id, &r) in &self.rects {
                    if touches(&r) {
                        out.push((id, r));
                    }
                }
            }
        }
        out
    }
}
