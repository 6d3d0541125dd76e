//! The checklist engine: a board held against a prompt's checklist and against general
//! design hygiene, offline and deterministic.
//!
//! Every item says why it matters and, when found, which components satisfied it.
//! Items come from the prompt (components, flows, failure modes, depth) and from
//! generic rules ([`hygiene`]). Status on the board is computed here; what the user
//! claims to have covered out loud is kept apart and never counted as found
//! ([`Report::coverage`]). Matching is by component kind, or by whole words of a
//! component's label and notes (ASCII case-insensitive; see `words`).

pub mod assign;
pub mod claims;
mod graph;
mod hygiene;
mod prompt_items;
mod words;

pub use graph::Graph;

use crate::core::diagram::{Board, ComponentId};
use crate::core::prompt::Prompt;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// What an item is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Category {
    /// The prompt's expected components.
    Components,
    /// The prompt's data flows.
    Flows,
    /// Details on the components gone deep on.
    Depth,
    /// The prompt's failure-mode questions.
    Failure,
    /// Generic design hygiene, whatever the prompt.
    Hygiene,
}

impl Category {
    /// Every category, in report order.
    pub const ALL: [Category; 5] = [
        Category::Components,
        Category::Flows,
        Category::Depth,
        Category::Failure,
        Category::Hygiene,
    ];

    /// Stable id (`data-category`).
    pub fn id(self) -> &'static str {
        match self {
            Category::Components => "components",
            Category::Flows => "flows",
            Category::Depth => "depth",
            Category::Failure => "failure",
            Category::Hygiene => "hygiene",
        }
    }

    /// Heading.
    pub fn name(self) -> &'static str {
        match self {
            Category::Components => "Components",
            Category::Flows => "Data flows",
            Category::Depth => "Depth",
            Category::Failure => "Failure modes",
            Category::Hygiene => "Design hygiene",
        }
    }
}

/// Where an item stands once the user's claims are taken into account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Found on the board.
    Covered,
    /// Not on the board; the user says it was covered out loud.
    SelfClaimed,
    /// Neither.
    Missed,
}

impl Status {
    /// Stable id (`data-status`).
    pub fn id(self) -> &'static str {
        match self {
            Status::Covered => "covered",
            Status::SelfClaimed => "self",
            Status::Missed => "missed",
        }
    }
}

/// One checklist item and what the board says about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckItem {
    /// Stable key, unique in a report ("component:cache", "hygiene:queue-consumed").
    pub key: String,
    /// Category.
    pub category: Category,
    /// What is checked ("Short-link cache").
    pub title: String,
    /// Why it matters, in one line.
    pub why: String,
    /// Whether the board satisfies it.
    pub found: bool,
    /// Components that satisfied it, or that violate a hygiene rule.
    pub components: Vec<ComponentId>,
    /// How it was decided ("Redis matched the synonym redis").
    pub detail: String,
    /// A soft warning: shown, not scored.
    pub advice: bool,
}

/// Found, claimed and total items of a group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Found on the board.
    pub found: usize,
    /// Claimed out loud (not found).
    pub claimed: usize,
    /// Scored items.
    pub total: usize,
}

impl Coverage {
    /// Percent found on the board, rounded down (0 for an empty group).
    pub fn found_percent(&self) -> u32 {
        percent(self.found, self.total)
    }

    /// Percent claimed out loud, rounded down, counted apart from found.
    pub fn claimed_percent(&self) -> u32 {
        percent(self.claimed, self.total)
    }
}

fn percent(part: usize, total: usize) -> u32 {
    (part * 100).checked_div(total).unwrap_or(0) as u32
}

/// The checked items of one board against one prompt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Items in category order.
    pub items: Vec<CheckItem>,
}

impl Report {
    /// An item's status given the keys the user claims to have covered out loud.
    /// Claims only apply to items not found, and never to hygiene.
    pub fn status(item: &CheckItem, claims: &BTreeSet<String>) -> Status {
        if item.found {
            Status::Covered
        } else if item.category != Category::Hygiene && claims.contains(&item.key) {
            Status::SelfClaimed
        } else {
            Status::Missed
        }
    }

    /// Coverage of one category, or of every scored item with `None`.
    pub fn coverage(&self, category: Option<Category>, claims: &BTreeSet<String>) -> Coverage {
        let mut c = Coverage::default();
        for item in &self.items {
            if item.advice || category.is_some_and(|k| k != item.category) {
                continue;
            }
            c.total += 1;
            match Report::status(item, claims) {
                Status::Covered => c.found += 1,
                Status::SelfClaimed => c.claimed += 1,
                Status::Missed => {}
            }
        }
        c
    }
}

/// Checks `board` against `prompt`. `focus` lists the components picked for depth in
/// a timed session (empty in free practice: the prompt's deep dives are used).
pub fn check(board: &Board, prompt: &Prompt, focus: &[ComponentId]) -> Report {
    let graph = Graph::new(board);
    let mut items = prompt_items::items(&graph, prompt, focus);
    items.extend(hygiene::items(&graph));
    items.sort_by_key(|i| i.category);
    Report { items }
}

/// Most labels a message lists before "and N more".
const LISTED: usize = 5;

/// Labels of components, joined for a message ("Redis, Postgres and 3 more").
fn labels(graph: &Graph, vertices: &[usize]) -> String {
    let mut text = vertices
        .iter()
        .take(LISTED)
        .map(|&v| graph.component(v).label.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if vertices.len() > LISTED {
        text.push_str(&format!(" and {} more", vertices.len() - LISTED));
    }
    text
}

/// Words in a failure note that show redundancy or recovery, whatever the prompt.
pub(crate) const REDUNDANCY_MARKERS: [&str; 22] = [
    "replica",
    "replicas",
    "replicated",
    "replication",
    "failover",
    "standby",
    "redundant",
    "multi az",
    "multi region",
    "retry",
    "retries",
    "backoff",
    "dead letter",
    "dlq",
    "circuit breaker",
    "idempotency",
    "idempotent",
    "instances",
    "cluster",
    "quorum",
    "stateless",
    "autoscaling",
];

/// The first redundancy marker or item mitigation a failure note names.
fn named_mitigation<'m>(note_words: &[String], mitigations: &'m [String]) -> Option<&'m str> {
    mitigations
        .iter()
        .map(String::as_str)
        .find(|m| words::contains_affirmed(note_words, &words::words(m)))
}
