//! The generic breadth gate: what a board needs before leaving Breadth early.
//!
//! It is deliberately prompt-agnostic, so passing it reveals nothing of the prompt's
//! checklist.

use crate::core::diagram::Board;
use std::fmt;

/// Fewest components a breadth map needs.
pub const MIN_BREADTH_COMPONENTS: usize = 5;

/// One reason the board is not yet a breadth map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BreadthGap {
    /// Fewer components than [`MIN_BREADTH_COMPONENTS`].
    TooFewComponents {
        /// How many there are.
        have: usize,
    },
    /// Components with no arrow in or out, by label.
    Unconnected(Vec<String>),
    /// No client, DNS, CDN, load balancer or gateway: where do requests come in?
    NoEntryPoint,
    /// No database, store, cache, object storage or index: where does data live?
    NoDataStore,
}

impl fmt::Display for BreadthGap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BreadthGap::TooFewComponents { have } => write!(
                f,
                "map at least {MIN_BREADTH_COMPONENTS} components (you have {have})"
            ),
            BreadthGap::Unconnected(labels) => {
                write!(
                    f,
                    "connect every component; not yet connected: {}",
                    labels.join(", ")
                )
            }
            BreadthGap::NoEntryPoint => {
                f.write_str("show where requests enter (a client, load balancer or gateway)")
            }
            BreadthGap::NoDataStore => {
                f.write_str("show where data lives (a database, store or cache)")
            }
        }
    }
}

/// Everything the board still lacks; empty means the gate is passed.
pub fn breadth_gaps(board: &Board) -> Vec<BreadthGap> {
    // Notes and frames are not parts of the design.
    let parts = || board.components().iter().filter(|c| c.kind.is_part());
    let mut gaps = Vec::new();
    let n = parts().count();
    if n < MIN_BREADTH_COMPONENTS {
        gaps.push(BreadthGap::TooFewComponents { have: n });
    }
    let unconnected: Vec<String> = parts()
        .filter(|c| board.arrows_of(c.id).next().is_none())
        .map(|c| c.label.clone())
        .collect();
    if !unconnected.is_empty() {
        gaps.push(BreadthGap::Unconnected(unconnected));
    }
    if !parts().any(|c| c.kind.is_entry_point()) {
        gaps.push(BreadthGap::NoEntryPoint);
    }
    if !parts().any(|c| c.kind.is_data_store()) {
        gaps.push(BreadthGap::NoDataStore);
    }
    gaps
}
