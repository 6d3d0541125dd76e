//! Arrow layouts kept up to date as a board changes: the canvas syncs them on every
//! change, and [`layout_arrows`](super::layout_arrows) is one sync from nothing, so the
//! exports draw what the canvas shows.
//!
//! A layout is made in three steps. First each elbow arrow's sides are picked without
//! routing it: those of the best simple shape between the middles of its boxes' facing
//! sides ([`pick_sides`]). Then arrows sharing a side get ports spread along it
//! ([`SideGroups`]) and every arrow is routed once, from its ports (an arrow with both
//! sides to itself keeps the simple shape when it met no box). Last, labels are placed
//! in arrow id order, each clear of the labels of the arrows sharing a side with it
//! that come before it.
//!
//! [`ArrowLayouts::sync`] re-does only what a change can affect: it routes again the
//! arrows whose record changed, that touch a box that moved (or came or went), or
//! whose drawn extent meets where such a box was or is now; then every arrow of a side
//! an arrow joined or left; then the labels of those arrows and, when a label moved,
//! of the later arrows sharing a side with it. An arrow left alone keeps the layout it
//! had, which is what a full layout gives unless a box moved out of the way of a detour
//! that never came near it.

use super::board::{Arrow, ArrowId, Board, ComponentId};
use super::box_index::BoxIndex;
use super::geometry::{Point, Rect};
use super::layout::{arrow_label_size, place_label, ArrowLayout};
use super::ports::{SideGroups, SideKey};
use super::route::{elbow_route, pick_sides, straight_route, End, Side, MAX_CLEARANCE};
use std::collections::{HashMap, HashSet};

/// Beyond this many moved boxes, every arrow is laid out again.
const MANY_MOVES: usize = 64;

/// What an arrow was laid out from, and the result.
#[derive(Clone, Debug)]
struct Entry {
    from: ComponentId,
    to: ComponentId,
    straight: bool,
    label: String,
    /// The sides an elbow arrow leaves and enters by, and the simple shape between
    /// their middles when it meets no box; `None` for a straight arrow or one with an
    /// end missing.
    first: Option<([Side; 2], Option<Vec<Point>>)>,
    layout: ArrowLayout,
    /// The extent of the layout.
    bounds: Rect,
    /// Where a box coming or going can change the layout: the bounds and the two
    /// boxes' joint extent (where the simple shapes that pick its sides run).
    reach: Rect,
}

impl Entry {
    /// The sides it shares with other arrows.
    fn keys(&self) -> Option<[SideKey; 2]> {
        let [s, t] = self.first.as_ref()?.0;
        Some([(self.from, s), (self.to, t)])
    }
}

/// The layouts of a board's arrows and the box index they were made with.
#[derive(Clone, Debug, Default)]
pub struct ArrowLayouts {
    index: BoxIndex,
    entries: HashMap<ArrowId, Entry>,
    sides: SideGroups,
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
    /// (new arrows included), in id order.
    pub fn sync(&mut self, board: &Board) -> Vec<ArrowId> {
        let mut dirty: Vec<Rect> = Vec::new();
        let mut moved: HashSet<ComponentId> = HashSet::new();
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
        let dirty: Vec<Rect> = dirty.iter().map(|r| r.inflate(MAX_CLEARANCE)).collect();
        let mut stale = Vec::new();
        for a in board.arrows() {
            let is_stale = self.entries.get(&a.id).is_none_or(|e| {
                everything
                    || (e.from, e.to, e.straight) != (a.from, a.to, a.straight)
                    || e.label != a.label
                    || moved.contains(&a.from)
                    || moved.contains(&a.to)
                    || dirty.iter().any(|r| r.intersects(&e.reach))
            });
            if is_stale {
                self.route_first(a);
                stale.push(a.id);
            }
        }
        if self.entries.len() != board.arrows().len() {
            let live: HashSet<_> = board.arrows().iter().map(|a| a.id).collect();
            let gone: Vec<ArrowId> = self
                .entries
                .keys()
                .filter(|id| !live.contains(id))
                .copied()
                .collect();
            for id in gone {
                if let Some(keys) = self.entries.remove(&id).and_then(|e| e.keys()) {
                    for k in keys {
                        self.sides.leave(k, id);
                    }
                }
            }
        }
        self.sides.take_changed(&mut stale);
        // Sorted sets as sorted vectors: a BTreeSet would add kilobytes to the app.
        let (mut changed, mut labels) = (Vec::new(), Vec::new());
        for id in stale {
            if add(&mut labels, id) && self.route_from_ports(id) {
                add(&mut changed, id);
            }
        }
        // Labels in id order: `labels` is kept in descending order, smallest last.
        labels.reverse();
        while let Some(id) = labels.pop() {
            if self.place_label(id) {
                add(&mut changed, id);
                if let Some(keys) = self.entries.get(&id).and_then(Entry::keys) {
                    for k in keys {
                        for &(_, m) in self.sides.members(k) {
                            let i = labels.partition_point(|x| *x > m);
                            if m > id && labels.get(i) != Some(&m) {
                                labels.insert(i, m);
                            }
                        }
                    }
                }
            }
        }
        changed
    }

    /// Picks the sides `a` leaves and enters by and files it under them; its route is
    /// left for [`Self::route_from_ports`].
    fn route_first(&mut self, a: &Arrow) {
        let old = self.entries.remove(&a.id);
        if let Some(keys) = old.as_ref().and_then(Entry::keys) {
            for k in keys {
                self.sides.leave(k, a.id);
            }
        }
        let ends = (self.index.rect(a.from), self.index.rect(a.to));
        let first = match ends {
            (Some(f), Some(t)) if !a.straight => {
                let (sides, shape) = pick_sides(&self.index, (a.from, f), (a.to, t));
                self.sides.join((a.from, sides[0]), a.id, t.center());
                self.sides.join((a.to, sides[1]), a.id, f.center());
                Some((sides, shape))
            }
            _ => None,
        };
        let entry = Entry {
            from: a.from,
            to: a.to,
            straight: a.straight,
            label: a.label.clone(),
            first,
            layout: old.map(|e| e.layout).unwrap_or_default(),
            bounds: Rect::default(),
            reach: Rect::default(),
        };
        self.entries.insert(a.id, entry);
    }

    /// Routes arrow `id` from its ports (the simple shape that picked its sides when
    /// both sides are its own and it met no box); returns whether the route changed.
    fn route_from_ports(&mut self, id: ArrowId) -> bool {
        let Some(e) = self.entries.get(&id) else {
            return false;
        };
        let ends = (self.index.rect(e.from), self.index.rect(e.to));
        let points = match (&e.first, e.keys(), ends) {
            (Some((_, first)), Some([s, t]), (Some(f), Some(r))) => {
                let ports = [self.sides.port(s, id), self.sides.port(t, id)];
                match first {
                    Some(shape) if ports[0].of == 1 && ports[1].of == 1 => shape.clone(),
                    _ => {
                        let end = |id, rect, port| End { id, rect, port };
                        let (from, to) = (end(e.from, f, ports[0]), end(e.to, r, ports[1]));
                        elbow_route(&self.index, from, to)
                    }
                }
            }
            (_, _, (Some(f), Some(r))) => straight_route(&f, &r),
            _ => Vec::new(),
        };
        let e = self.entries.get_mut(&id).expect("looked up above");
        std::mem::replace(&mut e.layout.points, points) != e.layout.points
    }

    /// Places arrow `id`'s label clear of the labels of the arrows before it that share
    /// a side with it; returns whether it moved.
    fn place_label(&mut self, id: ArrowId) -> bool {
        let Some(e) = self.entries.get(&id) else {
            return false;
        };
        let label = (!e.label.is_empty() && !e.layout.points.is_empty()).then(|| {
            // Plain loops, not iterator chains: each chain costs the app code.
            let mut avoid: Vec<Rect> = Vec::new();
            if let Some(keys) = e.keys() {
                for k in keys {
                    for &(_, m) in self.sides.members(k) {
                        if m < id {
                            avoid.extend(self.entries.get(&m).and_then(|o| o.layout.label));
                        }
                    }
                }
            }
            let size = arrow_label_size(&e.label);
            place_label(&self.index, &e.layout.points, size, &avoid)
        });
        let ends = [e.from, e.to].map(|c| self.index.rect(c));
        let e = self.entries.get_mut(&id).expect("looked up above");
        let moved = std::mem::replace(&mut e.layout.label, label) != e.layout.label;
        e.bounds = e.layout.bounds().inflate(1.0);
        let grow = |r: Rect, end: Option<Rect>| end.map_or(r, |end| r.union(&end));
        e.reach = grow(grow(e.bounds, ends[0]), ends[1]);
        moved
    }
}

/// Adds `id` to the ascending `ids` unless there; returns whether it was added.
fn add(ids: &mut Vec<ArrowId>, id: ArrowId) -> bool {
    let i = ids.partition_point(|x| *x < id);
    let new = ids.get(i) != Some(&id);
    if new {
        ids.insert(i, id);
    }
    new
}
