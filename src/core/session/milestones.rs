//! Breadth discipline, timed: when the board first showed where requests come in,
//! where data lives, and every part connected. Watched during Requirements and
//! Breadth only (what the first minutes are for); a milestone not reached by the end
//! of Breadth stays unset.

use crate::core::diagram::Board;
use serde::{Deserialize, Serialize};

/// Session milliseconds (pauses excluded, from the start) at which each milestone was
/// first reached, if it was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Milestones {
    /// A client, load balancer, gateway or other entry point was on the board.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_ms: Option<f64>,
    /// A database, cache, store or index was on the board.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store_ms: Option<f64>,
    /// At least two parts, and every part with an arrow in or out (watched on boards
    /// of up to [`WATCHED_PARTS`] parts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connected_ms: Option<f64>,
}

impl Milestones {
    /// Whether every milestone is reached (nothing left to watch).
    pub fn complete(&self) -> bool {
        self.entry_ms.is_some() && self.store_ms.is_some() && self.connected_ms.is_some()
    }

    /// Sets the milestones `board` reaches now, at session time `at_ms`; true if one
    /// was newly reached.
    pub fn observe(&mut self, board: &Board, at_ms: f64) -> bool {
        let before = *self;
        let mut parts = 0;
        let (mut entry, mut store) = (false, false);
        for c in board.components().iter().filter(|c| c.kind.is_part()) {
            parts += 1;
            entry |= c.kind.is_entry_point();
            store |= c.kind.is_data_store();
        }
        if entry && self.entry_ms.is_none() {
            self.entry_ms = Some(at_ms);
        }
        if store && self.store_ms.is_none() {
            self.store_ms = Some(at_ms);
        }
        let watched = (2..=WATCHED_PARTS).contains(&parts);
        if self.connected_ms.is_none() && watched && all_connected(board) {
            self.connected_ms = Some(at_ms);
        }
        *self != before
    }
}

/// Most parts the connectivity milestone is watched on: it scans each part's arrows
/// (as the breadth gate does), four times a second; a breadth map is far smaller.
pub const WATCHED_PARTS: usize = 1_000;

/// Whether every part has an arrow in or out (stops at the first that has none).
fn all_connected(board: &Board) -> bool {
    board
        .components()
        .iter()
        .filter(|c| c.kind.is_part())
        .all(|c| board.arrows_of(c.id).next().is_some())
}
