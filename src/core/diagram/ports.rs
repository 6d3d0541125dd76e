//! Which arrows share each side of each box, in the order their ports take along it.
//!
//! An elbow arrow belongs to two groups: its source's side it leaves by and its
//! target's side it enters by. Members are ordered by where their other box lies along
//! the side (its centre's x for a top or bottom side, its y for a left or right side),
//! ties by arrow id, so that the routes of one side do not cross near the box; the
//! i-th of k members uses [`Port`] `{ at: i, of: k }`.

use super::board::{ArrowId, ComponentId};
use super::geometry::Point;
use super::route::{Port, Side};
use rustc_hash::FxHashMap as HashMap;

/// A box's side.
pub(super) type SideKey = (ComponentId, Side);

/// The arrows on one side, in port order, with the key each is ordered by; and
/// whether an arrow joined or left since [`SideGroups::take_changed`].
#[derive(Clone, Debug, Default)]
struct Group {
    members: Vec<(f64, ArrowId)>,
    changed: bool,
}

/// The groups of arrows sharing a side, and the groups changed since last taken (one
/// map, not two: each map type costs the app code).
#[derive(Clone, Debug, Default)]
pub(super) struct SideGroups {
    groups: HashMap<SideKey, Group>,
    changed: Vec<SideKey>,
}

impl SideGroups {
    /// The group of side `key`, noted as changed.
    fn change(&mut self, key: SideKey) -> &mut Group {
        let group = self.groups.entry(key).or_default();
        if !std::mem::replace(&mut group.changed, true) {
            self.changed.push(key);
        }
        group
    }

    /// Adds arrow `id` to side `key`, its other end's centre being `other`.
    pub fn join(&mut self, key: SideKey, id: ArrowId, other: Point) {
        let at = if key.1.is_horizontal() {
            other.y
        } else {
            other.x
        };
        let members = &mut self.change(key).members;
        let i = members.partition_point(|m| (m.0, m.1) < (at, id));
        members.insert(i, (at, id));
    }

    /// Removes arrow `id` from side `key`.
    pub fn leave(&mut self, key: SideKey, id: ArrowId) {
        self.change(key).members.retain(|m| m.1 != id);
    }

    /// The arrows on side `key`, in port order, with the keys they are ordered by.
    pub fn members(&self, key: SideKey) -> &[(f64, ArrowId)] {
        self.groups.get(&key).map_or(&[], |g| &g.members)
    }

    /// The port arrow `id` uses on side `key`.
    pub fn port(&self, key: SideKey, id: ArrowId) -> Port {
        let members = self.members(key);
        let mut at = 0;
        while at + 1 < members.len() && members[at].1 != id {
            at += 1;
        }
        Port {
            side: key.1,
            at: at as u32,
            of: members.len().max(1) as u32,
        }
    }

    /// Adds to `out` the members of every group an arrow joined or left since the last
    /// call (those whose ports may have moved), forgetting the changes and the emptied
    /// groups.
    pub fn take_changed(&mut self, out: &mut Vec<ArrowId>) {
        for key in std::mem::take(&mut self.changed) {
            let Some(group) = self.groups.get_mut(&key) else {
                continue;
            };
            group.changed = false;
            for m in &group.members {
                out.push(m.1);
            }
            if group.members.is_empty() {
                self.groups.remove(&key);
            }
        }
    }
}
