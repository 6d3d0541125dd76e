//! Arrow layouts kept up to date as a board changes, for the canvas.
//!
//! [`ArrowLayouts::sync`] re-lays only what a change can affect: arrows whose record
//! changed, arrows touching a box that moved (or came or went), and arrows whose drawn
//! extent meets where such a box was or is now. Each layout comes from
//! [`layout_arrow`], the function the exports use; an arrow left alone keeps the layout
//! it had, which is what a full layout gives unless a box moved out of the way of a
//! detour that never came near it.

use super::board::{ArrowId, Board, ComponentId};
use super::box_index::BoxIndex;
use super::geometry::Rect;
use super::layout::{layout_arrow, ArrowLayout};
use super::route::CLEARANCE;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Beyond this many moved boxes, every arrow is laid out again.
const MANY_MOVES: usize = 64;

/// What an arrow was laid out from, and the result.
#[derive(Clone, Debug)]
struct Entry {
    from: ComponentId,
    to: ComponentId,
    straight: bool,
    label: String,
    layout: ArrowLayout,
    bounds: Rect,
}

/// The layouts of a board's arrows and the box index they were made with.
#[derive(Clone, Debug, Default)]
pub struct ArrowLayouts {
    index: BoxIndex,
    entries: HashMap<ArrowId, Entry>,
}

impl ArrowLayouts {
    /// The layout of an arrow, once synced.
    pub fn layout(&self, id: ArrowId) -> Option<&ArrowLayout> {
        self.entries.get(&id).map(|e| &e.layout)
    }

    /// The extent of an arrow's route and label, once synced.
    pub fn bounds(&self, id: ArrowId) -> Option<Rect> {
        self.entries.get(&id).map(|e| e.bounds)
    }

    /// Brings the layouts in line with `board`; returns the arrows whose layout changed
    /// (new arrows included), in paint order.
    pub fn sync(&mut self, board: &Board) -> Vec<ArrowId> {
        let mut dirty: Vec<Rect> = Vec::new();
        let mut moved: HashSet<ComponentId> = HashSet::default();
        for c in board.components() {
            let old = self.index.rect(c.id);
            if old == Some(c.rect) {
                continue;
            }
            dirty.extend(old);
            dirty.push(c.rect);
            moved.insert(c.id);
            self.index.insert(c.id, c.rect);
        }
        if self.index.len() != board.components().len() {
            let live: HashSet<_> = board.components().iter().map(|c| c.id).collect();
            let gone: Vec<_> = self.index.ids().filter(|id| !live.contains(id)).collect();
            for id in gone {
                dirty.extend(self.index.remove(id));
            }
        }
        let everything = dirty.len() > 2 * MANY_MOVES;
        let dirty: Vec<Rect> = dirty.iter().map(|r| r.inflate(CLEARANCE)).collect();
        let mut changed = Vec::new();
        for a in board.arrows() {
            let stale = self.entries.get(&a.id).is_none_or(|e| {
                everything
                    || (e.from, e.to, e.straight) != (a.from, a.to, a.straight)
                    || e.label != a.label
                    || moved.contains(&a.from)
                    || moved.contains(&a.to)
                    || dirty.iter().any(|r| r.intersects(&e.bounds))
            });
            if !stale {
                continue;
            }
            let layout = layout_arrow(&self.index, a).unwrap_or_default();
            if self.entries.get(&a.id).is_none_or(|e| e.layout != layout) {
                changed.push(a.id);
            }
            let bounds = layout.bounds().inflate(1.0);
            let entry = Entry {
                from: a.from,
                to: a.to,
                straight: a.straight,
                label: a.label.clone(),
                layout,
                bounds,
            };
            self.entries.insert(a.id, entry);
        }
        if self.entries.len() != board.arrows().len() {
            let live: HashSet<_> = board.arrows().iter().map(|a| a.id).collect();
            self.entries.retain(|id, _| live.contains(id));
        }
        changed
    }
}
