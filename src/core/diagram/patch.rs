//! What one step changed on a board, small enough to keep thousands of (issue 17's
//! timeline): the components and arrows that are new or changed, those removed, and
//! the paint order when the step changed it otherwise than by adding on top.
//! Applying a step's patch to the board before it gives exactly the board after it.

use super::board::{Arrow, ArrowId, Board, Component, ComponentId};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::hash::Hash;

/// The change from one board to another.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Patch {
    /// Components new or changed, in the later board's paint order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub put: Vec<Component>,
    /// Components removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<ComponentId>,
    /// Arrows new or changed, in the later board's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub put_arrows: Vec<Arrow>,
    /// Arrows removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed_arrows: Vec<ArrowId>,
    /// The whole paint order of components, when it differs from keeping the order
    /// and adding new ones on top.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Vec<ComponentId>>,
    /// The same for arrows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrow_order: Option<Vec<ArrowId>>,
}

impl Patch {
    /// Whether it changes nothing.
    pub fn is_empty(&self) -> bool {
        *self == Patch::default()
    }

    /// The patch that turns `before` into `after`.
    pub fn between(before: &Board, after: &Board) -> Patch {
        let (put, removed, order) = changes(&before.components, &after.components, |c| c.id);
        let (put_arrows, removed_arrows, arrow_order) =
            changes(&before.arrows, &after.arrows, |a| a.id);
        Patch {
            put,
            removed,
            put_arrows,
            removed_arrows,
            order,
            arrow_order,
        }
    }

    /// Applies the patch to `board` (the board it was taken from gives the board it
    /// was taken to).
    pub fn apply(&self, board: &Board) -> Board {
        let components = patched(
            &board.components,
            &self.put,
            &self.removed,
            self.order.as_deref(),
            |c| c.id,
        );
        let arrows = patched(
            &board.arrows,
            &self.put_arrows,
            &self.removed_arrows,
            self.arrow_order.as_deref(),
            |a| a.id,
        );
        Board::from_parts(components, arrows)
    }
}

/// The records of `after` that are new or differ from `before`'s, the ids of
/// `before` that are gone, and the full order when patching would not give it.
/// Linear in the boards' sizes (ids are looked up by hash).
fn changes<T: Clone + PartialEq, I: Copy + Eq + Hash>(
    before: &[T],
    after: &[T],
    id: impl Fn(&T) -> I,
) -> (Vec<T>, Vec<I>, Option<Vec<I>>) {
    let old: FxHashMap<I, &T> = before.iter().map(|b| (id(b), b)).collect();
    let new: FxHashMap<I, &T> = after.iter().map(|a| (id(a), a)).collect();
    let put: Vec<T> = after
        .iter()
        .filter(|a| old.get(&id(a)).is_none_or(|b| b != a))
        .cloned()
        .collect();
    let removed: Vec<I> = before
        .iter()
        .map(&id)
        .filter(|i| !new.contains_key(i))
        .collect();
    let wanted: Vec<I> = after.iter().map(&id).collect();
    let order = (patched(before, &put, &removed, None, &id)
        .iter()
        .map(&id)
        .collect::<Vec<I>>()
        != wanted)
        .then_some(wanted);
    (put, removed, order)
}

/// `list` with `removed` taken out, `put` replacing records of the same id in place
/// and the rest of `put` added at the end, then in `order` if given.
fn patched<T: Clone, I: Copy + Eq + Hash>(
    list: &[T],
    put: &[T],
    removed: &[I],
    order: Option<&[I]>,
    id: impl Fn(&T) -> I,
) -> Vec<T> {
    let gone: FxHashSet<I> = removed.iter().copied().collect();
    let replaced: FxHashMap<I, &T> = put.iter().map(|p| (id(p), p)).collect();
    let mut out: Vec<T> = list
        .iter()
        .filter(|r| !gone.contains(&id(r)))
        .map(|r| replaced.get(&id(r)).copied().unwrap_or(r).clone())
        .collect();
    let present: FxHashSet<I> = out.iter().map(&id).collect();
    out.extend(put.iter().filter(|p| !present.contains(&id(p))).cloned());
    if let Some(order) = order {
        let mut by: FxHashMap<I, T> = out.into_iter().map(|r| (id(&r), r)).collect();
        out = order.iter().filter_map(|i| by.remove(i)).collect();
    }
    out
}
