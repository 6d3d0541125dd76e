//! The versions of a replay's pieces: each drawn component, arrow route and arrow
//! label of every board of a timeline, with the span of session time it is on the
//! board, in one document order that paints every moment's board as the board export
//! does. Both replays (the animated SVG and the HTML page) are these versions, shown
//! and hidden by time.
//!
//! The timeline is walked once. A change redraws only the components it put and,
//! when it moved, added or removed a box or touched an arrow, lays out every arrow
//! again (`layout_arrows_once`, as the export does) and redraws the routes and labels
//! that moved. A piece whose drawing changed ends its version and starts a new one;
//! one drawn the same keeps its version, so a renamed box's arrows are not repeated.
//!
//! Paint order: within a layer, the versions on the board at any moment must come in
//! that moment's paint order. The live versions of a layer are kept in the current
//! board's order; a new version is put right after the piece below it on the new
//! board, so the live ones stay in order (ended versions are never shown again and may
//! sit anywhere). When the board's order changed (a file read back in another order), the
//! largest set of live pieces already in order keeps its versions and the others
//! start new ones, drawn the same.

use crate::core::diagram::{layout_arrows_once, ArrowId, Board, Patch, Point, Rect};
use crate::core::export::svg::{arrow_label, component, drawn, route, Layer, Piece, MARGIN};
use crate::core::session::{Replay, Timeline, TimelineEvent};
use rustc_hash::{FxHashMap, FxHashSet};

/// One version of a piece: its drawing and when it is on the board.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    /// What is drawn.
    pub piece: Piece,
    /// Session time it appears at, in milliseconds.
    pub from_ms: f64,
    /// Session time it goes at (the change that moved, redrew or removed it);
    /// infinite when it is on the last board.
    pub to_ms: f64,
}

impl Version {
    /// Whether it is on the board at `at_ms` of session time (a version on the last
    /// board stays, even at an infinite time).
    pub fn shown_at(&self, at_ms: f64) -> bool {
        self.from_ms <= at_ms && (at_ms < self.to_ms || self.lasts())
    }

    /// Whether it is on the last board.
    pub fn lasts(&self) -> bool {
        self.to_ms == f64::INFINITY
    }
}

/// Every version of a timeline's pieces, in document order, and the one frame that
/// holds them all.
#[derive(Clone, Debug, PartialEq)]
pub struct Versions {
    /// Bottom to top: a layer's versions, then the next layer's. The versions shown
    /// at any moment are that moment's board's [`pieces`](crate::core::export::svg::pieces),
    /// in the same order.
    pub list: Vec<Version>,
    /// Every box the replay ever shows, with the board export's margin: one frame
    /// for the whole replay ([`Replay::extent`]).
    pub area: Rect,
}

impl Versions {
    /// The versions of `timeline`'s board changes (none when the board never
    /// changed).
    pub fn of(timeline: &Timeline) -> Versions {
        let mut builder = Builder::default();
        for entry in timeline.entries() {
            if let TimelineEvent::Board(patch) = &entry.event {
                builder.step(entry.at_ms, patch);
            }
        }
        let area = Replay::new(timeline)
            .extent()
            .unwrap_or_default()
            .inflate(MARGIN);
        Versions {
            list: builder.finish(),
            area,
        }
    }

    /// The pieces on the board at `at_ms`, in paint order.
    pub fn shown_at(&self, at_ms: f64) -> impl Iterator<Item = &Piece> + '_ {
        self.list
            .iter()
            .filter(move |v| v.shown_at(at_ms))
            .map(|v| &v.piece)
    }
}

/// No version: the end of a layer's list.
const NONE: usize = usize::MAX;

/// A piece's identity: its layer and its component's or arrow's id.
type Key = (Layer, u32);

/// The walk through the timeline.
#[derive(Default)]
struct Builder {
    /// The board after the changes so far.
    board: Board,
    /// Every version made, ended ones included.
    versions: Vec<Version>,
    /// Each version's successor in its layer's document order ([`NONE`] for the
    /// last).
    next: Vec<usize>,
    /// The first version of each layer.
    heads: [Option<usize>; 4],
    /// The version of each piece on the board now.
    live: FxHashMap<Key, usize>,
    /// The pieces on the board now, per layer, in paint order (ids).
    orders: [Vec<u32>; 4],
    /// Each arrow's route now.
    routes: FxHashMap<ArrowId, Vec<Point>>,
    /// Each labelled arrow's label now: its box and text.
    labels: FxHashMap<ArrowId, (Rect, String)>,
}

impl Builder {
    /// Applies one change made at `at_ms`.
    fn step(&mut self, at_ms: f64, patch: &Patch) {
        let after = patch.apply(&self.board);
        // New drawings, by piece; a piece drawn as its live version is left out.
        let mut fresh: FxHashMap<Key, String> = FxHashMap::default();
        for c in &patch.put {
            let key = (Layer::of(c), c.id.0);
            let markup = drawn(|m| component(m, c));
            if self.live_markup(key) != Some(markup.as_str()) {
                fresh.insert(key, markup);
            }
        }
        let mut orders: [Option<Vec<u32>>; 4] = Default::default();
        for layer in [Layer::Frames, Layer::Boxes] {
            let ids = after.components().iter().filter(|c| Layer::of(c) == layer);
            orders[layer.index()] = Some(ids.map(|c| c.id.0).collect());
        }
        if arrows_may_move(&self.board, patch) {
            let (routes, labels) = self.lay_out(&after, &mut fresh);
            orders[Layer::Routes.index()] = Some(routes);
            orders[Layer::Labels.index()] = Some(labels);
        }
        for layer in Layer::ALL {
            if let Some(order) = orders[layer.index()].take() {
                self.settle(layer, order, &mut fresh, at_ms);
            }
        }
        self.board = after;
    }

    /// Lays out `board`'s arrows, draws the routes and labels that moved into
    /// `fresh`, and gives the arrows' order in the route and label layers.
    fn lay_out(
        &mut self,
        board: &Board,
        fresh: &mut FxHashMap<Key, String>,
    ) -> (Vec<u32>, Vec<u32>) {
        let layouts = layout_arrows_once(board);
        let mut routes = FxHashMap::default();
        let mut labels = FxHashMap::default();
        let (mut route_order, mut label_order) = (Vec::new(), Vec::new());
        for (a, layout) in &layouts {
            route_order.push(a.id.0);
            if self.routes.get(&a.id) != Some(&layout.points) {
                fresh.insert((Layer::Routes, a.id.0), drawn(|m| route(m, layout)));
            }
            routes.insert(a.id, layout.points.clone());
            if let Some(r) = layout.label {
                label_order.push(a.id.0);
                let same = matches!(self.labels.get(&a.id), Some((box_, text)) if *box_ == r && *text == a.label);
                if !same {
                    let markup = drawn(|m| arrow_label(m, &a.label, &r));
                    fresh.insert((Layer::Labels, a.id.0), markup);
                }
                labels.insert(a.id, (r, a.label.clone()));
            }
        }
        self.routes = routes;
        self.labels = labels;
        (route_order, label_order)
    }

    /// The drawing of `key`'s live version, if it has one.
    fn live_markup(&self, key: Key) -> Option<&str> {
        let v = *self.live.get(&key)?;
        Some(self.versions[v].piece.markup.as_str())
    }

    /// Makes `layer`'s live versions those of `order` at `at_ms`: ends the versions
    /// of pieces gone, redrawn (in `fresh`) or out of order, and starts new ones,
    /// each right after the piece below it.
    fn settle(
        &mut self,
        layer: Layer,
        order: Vec<u32>,
        fresh: &mut FxHashMap<Key, String>,
        at_ms: f64,
    ) {
        let old = std::mem::take(&mut self.orders[layer.index()]);
        let redrawn = |id: &u32| fresh.contains_key(&(layer, *id));
        if order == old && !order.iter().any(redrawn) {
            self.orders[layer.index()] = old;
            return;
        }
        if order != old {
            // Pieces kept: live and not redrawn. Those outside the longest run
            // already in the old order are drawn again, as they were.
            let was: FxHashMap<u32, usize> =
                old.iter().enumerate().map(|(i, id)| (*id, i)).collect();
            let kept: Vec<u32> = order
                .iter()
                .copied()
                .filter(|id| was.contains_key(id) && !redrawn(id))
                .collect();
            let ranks: Vec<usize> = kept.iter().map(|id| was[id]).collect();
            let in_order = longest_increasing(&ranks);
            for (id, keep) in kept.iter().zip(in_order) {
                if !keep {
                    let markup = self
                        .live_markup((layer, *id))
                        .unwrap_or_default()
                        .to_string();
                    fresh.insert((layer, *id), markup);
                }
            }
            let now: FxHashSet<u32> = order.iter().copied().collect();
            for id in old.iter().filter(|id| !now.contains(id)) {
                self.end((layer, *id), at_ms);
            }
        }
        let mut below: Option<usize> = None;
        for id in &order {
            let key = (layer, *id);
            if let Some(markup) = fresh.remove(&key) {
                self.end(key, at_ms);
                let v = self.start(key, markup, at_ms, below);
                self.live.insert(key, v);
                below = Some(v);
            } else {
                below = self.live.get(&key).copied();
            }
        }
        self.orders[layer.index()] = order;
    }

    /// Ends `key`'s live version (if any) at `at_ms`.
    fn end(&mut self, key: Key, at_ms: f64) {
        if let Some(v) = self.live.remove(&key) {
            self.versions[v].to_ms = at_ms;
        }
    }

    /// A new version of `key` from `at_ms`, put right after `below` in its layer's
    /// document order (first when `None`).
    fn start(&mut self, key: Key, markup: String, at_ms: f64, below: Option<usize>) -> usize {
        let (layer, id) = key;
        let v = self.versions.len();
        self.versions.push(Version {
            piece: Piece { layer, id, markup },
            from_ms: at_ms,
            to_ms: f64::INFINITY,
        });
        let head = &mut self.heads[layer.index()];
        match below {
            Some(b) => {
                self.next.push(self.next[b]);
                self.next[b] = v;
            }
            None => {
                self.next.push(head.unwrap_or(NONE));
                *head = Some(v);
            }
        }
        v
    }

    /// The versions ever shown (a version made and ended at the same instant never
    /// was), layer by layer in document order.
    fn finish(self) -> Vec<Version> {
        let mut out = Vec::with_capacity(self.versions.len());
        let mut versions: Vec<Option<Version>> = self.versions.into_iter().map(Some).collect();
        for head in self.heads {
            let mut at = head.unwrap_or(NONE);
            while at != NONE {
                if let Some(v) = versions[at].take() {
                    if v.from_ms < v.to_ms {
                        out.push(v);
                    }
                }
                at = self.next[at];
            }
        }
        out
    }
}

/// Whether `patch` may move an arrow of `board` or its label: it adds, removes, moves
/// or resizes a box, changes the boxes' order, or touches an arrow. Arrows are laid
/// out from the boxes' ids, places and order and the arrows alone, so a change of
/// names, notes, kinds or colours leaves them where they were.
fn arrows_may_move(board: &Board, patch: &Patch) -> bool {
    !patch.removed.is_empty()
        || patch.order.is_some()
        || !patch.put_arrows.is_empty()
        || !patch.removed_arrows.is_empty()
        || patch.arrow_order.is_some()
        || patch
            .put
            .iter()
            .any(|c| board.component(c.id).is_none_or(|old| old.rect != c.rect))
}

/// Which of `ranks` belong to one longest strictly increasing subsequence.
fn longest_increasing(ranks: &[usize]) -> Vec<bool> {
    // tails[k]: the position of the smallest last rank of an increasing run of k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; ranks.len()];
    for (i, r) in ranks.iter().enumerate() {
        let k = tails.partition_point(|&t| ranks[t] < *r);
        before[i] = k.checked_sub(1).map(|p| tails[p]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut keep = vec![false; ranks.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = before[i];
    }
    keep
}
