//! The checklist engine: a board held against a prompt's checklist and against general
//! design hygiene, offline and deterministic.
//!
//! Every item says why it matters and, when found, which components satisfied it.
//! Items come from the prompt (components, flows, failure modes, depth) and from
//! generic rules ([`hygiene`]). Status on the board is computed here; what the user
//! claims to have covered out loud is kept apart and never counted as found
//! ([`Report::coverage`]). What a box is comes from its kind and its name (read
//! through the [`vocabulary`]); its notes are evidence of depth and failure handling,
//! never of identity. Each expected component is played by one box ([`assign`]).
//! Annotations (free text, sticky notes, frames) are left out where the check starts.

pub mod assign;
pub mod claims;
mod graph;
mod hygiene;
mod prompt_items;
pub mod vocabulary;
pub mod words;

pub use graph::Graph;
pub use vocabulary::Vocabulary;

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

    /// Coverage of one category, or with `None` of the prompt's checklist: every
    /// scored item but hygiene. Hygiene is counted in its own category only: its rules
    /// catch mistakes, and a board of four boxes makes none of them, so counting
    /// them in the score would flatter the smallest boards.
    pub fn coverage(&self, category: Option<Category>, claims: &BTreeSet<String>) -> Coverage {
        let mut c = Coverage::default();
        for item in &self.items {
            let counted = match category {
                Some(k) => k == item.category,
                None => item.category != Category::Hygiene,
            };
            if item.advice || !counted {
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
    check_with(board, prompt, focus, &Vocabulary::bundled())
}

/// [`check`] with a vocabulary already read (the bundled one, or a test's).
pub fn check_with(
    board: &Board,
    prompt: &Prompt,
    focus: &[ComponentId],
    vocabulary: &Vocabulary,
) -> Report {
    // Free text, sticky notes and frames are not parts of the design: the check sees
    // only parts, so no rule counts a note as an unconnected box.
    let parts = board.parts_only();
    let graph = Graph::new(&parts, vocabulary);
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

/// Most characters of a note quoted in a message.
const QUOTED: usize = 90;

/// A note quoted for a message, cut at a word boundary with "…" when long.
fn quote(note: &str) -> String {
    let flat = note.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= QUOTED {
        return format!("\"{flat}\"");
    }
    let cut: String = flat.chars().take(QUOTED).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("\"{cut}…\"")
}
