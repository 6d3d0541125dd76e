//! Arrow layouts: [`ArrowLayouts`] keeps them up to date as a board changes (the
//! canvas syncs it on every change), and [`layout_arrows_once`] lays out a whole board
//! in one pass (the exports, in the worker). Both make each step with the same
//! functions ([`pick`], [`route`], [`label`]), so the exports draw what the canvas
//! shows; the one pass needs none of the bookkeeping of a sync (maps by id, sets of
//! moved boxes, sides left), which keeps that out of the worker. [`layout_arrows`] is
//! one sync from nothing, for the app's own figures: the app carries the sync anyway.
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
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Beyond this many moved boxes, every arrow is laid out again.
const MANY_MOVES: usize = 64;

/// The sides an elbow arrow leaves and enters by, and the simple shape between their
/// middles when it meets no box; `None` for a straight arrow or one with an end
/// missing.
type First = Option<([Side; 2], Option<Vec<Point>>)>;

/// Every arrow of `board` with both ends, in paint order, with its layout: one sync of
/// [`ArrowLayouts`] from nothing (for the app, which has the sync for the canvas; the
/// same as [`layout_arrows_once`]).
pub fn layout_arrows(board: &Board) -> Vec<(&Arrow, ArrowLayout)> {
    let mut layouts = ArrowLayouts::default();
    layouts.sync(board);
    let mut out = Vec::with_capacity(board.arrows().len());
    for a in board.arrows() {
        match layouts.layout(a.id) {
            Some(layout) if !layout.points.is_empty() => out.push((a, layout.clone())),
            _ => {}
        }
    }
    out
}

/// Every arrow of `board` with both ends, in paint order, with its layout: what
/// [`ArrowLayouts`] holds once synced with `board`, made in one pass (for the exports,
/// which need no sync).
pub fn layout_arrows_once(board: &Board) -> Vec<(&Arrow, ArrowLayout)> {
    let index = BoxIndex::of_board(board);
    let mut sides = SideGroups::default();
    let arrows = board.arrows();
    // Positions in `arrows` by arrow id, for the labels' order and their mates.
    let mut by_id: Vec<(ArrowId, usize)> = Vec::with_capacity(arrows.len());
    let mut firsts = Vec::with_capacity(arrows.len());
    for (k, a) in arrows.iter().enumerate() {
        by_id.insert(by_id.partition_point(|x| x.0 < a.id), (a.id, k));
        firsts.push(pick(&index, &mut sides, a));
    }
    let mut layouts = Vec::with_capacity(arrows.len());
    for (a, first) in arrows.iter().zip(&firsts) {
        let points = route(&index, &sides, a.id, [a.from, a.to], first);
        layouts.push(ArrowLayout {
            points,
            label: None,
        });
    }
    for &(id, k) in &by_id {
        let (a, points) = (&arrows[k], &layouts[k].points);
        let keys = keys([a.from, a.to], &firsts[k]);
        let placed = |m: ArrowId| {
            let i = by_id.partition_point(|x| x.0 < m);
            layouts[by_id[i].1].label
        };
        layouts[k].label = label(&index, &sides, (id, &a.label), points, keys, &placed);
    }
    let mut out = Vec::with_capacity(arrows.len());
    for (a, layout) in arrows.iter().zip(layouts) {
        if !layout.points.is_empty() {
            out.push((a, layout));
        }
    }
    out
}

/// The sides of arrow `ends` that it shares with other arrows.
fn keys([from, to]: [ComponentId; 2], first: &First) -> Option<[SideKey; 2]> {
    let [s, t] = first.as_ref()?.0;
    Some([(from, s), (to, t)])
}

/// Picks the sides elbow arrow `a` leaves and enters by and files it under them in
/// `sides`; its route is left for [`route`].
fn pick(index: &BoxIndex, sides: &mut SideGroups, a: &Arrow) -> First {
    match (index.rect(a.from), index.rect(a.to)) {
        (Some(f), Some(t)) if !a.straight => {
            let (picked, shape) = pick_sides(index, (a.from, f), (a.to, t));
            sides.join((a.from, picked[0]), a.id, t.center());
            sides.join((a.to, picked[1]), a.id, f.center());
            Some((picked, shape))
        }
        _ => None,
    }
}

/// The route of arrow `id` between boxes `ends`: from its ports (the simple shape that
/// picked its sides when both sides are its own and it met no box), or straight; empty
/// when an end is missing.
fn route(
    index: &BoxIndex,
    sides: &SideGroups,
    id: ArrowId,
    ends: [ComponentId; 2],
    first: &First,
) -> Vec<Point> {
    let [from, to] = ends;
    let (Some(f), Some(r)) = (index.rect(from), index.rect(to)) else {
        return Vec::new();
    };
    let Some(([s, t], shape)) = first else {
        return straight_route(&f, &r);
    };
    let ports = [sides.port((from, *s), id), sides.port((to, *t), id)];
    match shape {
        Some(shape) if ports[0].of == 1 && ports[1].of == 1 => shape.clone(),
        _ => {
            let end = |id, rect, port| End { id, rect, port };
            elbow_route(index, end(from, f, ports[0]), end(to, r, ports[1]))
        }
    }
}

/// The label box of arrow `id` labelled `text` on route `points`, clear of the labels
/// already `placed` of the arrows before it that share a side `keys` with it; `None`
/// for an unlabeled or unrouted arrow.
fn label(
    index: &BoxIndex,
    sides: &SideGroups,
    (id, text): (ArrowId, &str),
    points: &[Point],
    keys: Option<[SideKey; 2]>,
    placed: &dyn Fn(ArrowId) -> Option<Rect>,
) -> Option<Rect> {
    if text.is_empty() || points.is_empty() {
        return None;
    }
    // Plain loops, not iterator chains: each chain costs the app code.
    let mut avoid: Vec<Rect> = Vec::new();
    if let Some(keys) = keys {
        for k in keys {
            for &(_, m) in sides.members(k) {
                if m < id {
                    avoid.extend(placed(m));
                }
            }
        }
    }
    Some(place_label(index, points, arrow_label_size(text), &avoid))
}

/// What an arrow was laid out from, and the result.
#[derive(Clone, Debug)]
struct Entry {
    /// The arrow's record as laid out.
    arrow: Arrow,
    first: First,
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
        keys([self.arrow.from, self.arrow.to], &self.first)
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
        // Plain loops, not iterator chains: each chain costs the app code.
        if self.index.len() != board.components().len() {
            let mut live = HashSet::default();
            for c in board.components() {
                live.insert(c.id);
            }
            let mut gone = Vec::new();
            for id in self.index.ids() {
                if !live.contains(&id) {
                    gone.push(id);
                }
            }
            for id in gone {
                dirty.extend(self.index.remove(id));
            }
        }
        let everything = dirty.len() > 2 * MANY_MOVES;
        for r in &mut dirty {
            *r = r.inflate(MAX_CLEARANCE);
        }
        let mut stale = Vec::new();
        for a in board.arrows() {
            let is_stale = self.entries.get(&a.id).is_none_or(|e| {
                everything
                    || e.arrow != *a
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
            let mut live = HashSet::default();
            for a in board.arrows() {
                live.insert(a.id);
            }
            let mut gone = Vec::new();
            for id in self.entries.keys() {
                if !live.contains(id) {
                    gone.push(*id);
                }
            }
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
        let entry = Entry {
            arrow: a.clone(),
            first: pick(&self.index, &mut self.sides, a),
            layout: old.map(|e| e.layout).unwrap_or_default(),
            bounds: Rect::default(),
            reach: Rect::default(),
        };
        self.entries.insert(a.id, entry);
    }

    /// Routes arrow `id` from its ports; returns whether the route changed.
    fn route_from_ports(&mut self, id: ArrowId) -> bool {
        let Some(e) = self.entries.get(&id) else {
            return false;
        };
        let ends = [e.arrow.from, e.arrow.to];
        let points = route(&self.index, &self.sides, id, ends, &e.first);
        let e = self.entries.get_mut(&id).expect("looked up above");
        std::mem::replace(&mut e.layout.points, points) != e.layout.points
    }

    /// Places arrow `id`'s label clear of the labels of the arrows before it that share
    /// a side with it; returns whether it moved.
    fn place_label(&mut self, id: ArrowId) -> bool {
        let Some(e) = self.entries.get(&id) else {
            return false;
        };
        let placed = |m: ArrowId| self.entries.get(&m).and_then(|o| o.layout.label);
        let text = (id, e.arrow.label.as_str());
        let label = label(
            &self.index,
            &self.sides,
            text,
            &e.layout.points,
            e.keys(),
            &placed,
        );
        let ends = [e.arrow.from, e.arrow.to].map(|c| self.index.rect(c));
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
