//! What the candidate writes during a session besides the board: requirement notes,
//! the components picked for depth, and the answer to the interviewer's curveball.

use crate::core::diagram::{normalize_note, Board, ComponentId};
use serde::{Deserialize, Serialize};

/// Most components one goes deep on in one interview.
pub const MAX_FOCUS: usize = 2;

/// Which requirement note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequirementField {
    /// What the system must do.
    Functional,
    /// Latency, availability, consistency, durability, cost.
    NonFunctional,
    /// Back-of-the-envelope numbers.
    Estimates,
}

impl RequirementField {
    /// Every field, in display order.
    pub const ALL: [RequirementField; 3] = [
        RequirementField::Functional,
        RequirementField::NonFunctional,
        RequirementField::Estimates,
    ];

    /// Its key in the session's timeline.
    pub fn id(self) -> &'static str {
        match self {
            RequirementField::Functional => "functional",
            RequirementField::NonFunctional => "non_functional",
            RequirementField::Estimates => "estimates",
        }
    }

    /// Field label.
    pub fn name(self) -> &'static str {
        match self {
            RequirementField::Functional => "Functional requirements",
            RequirementField::NonFunctional => "Non-functional requirements",
            RequirementField::Estimates => "Estimates",
        }
    }

    /// A hint of what goes in it.
    pub fn hint(self) -> &'static str {
        match self {
            RequirementField::Functional => "What must it do? Which features are in scope?",
            RequirementField::NonFunctional => {
                "Latency, availability, consistency, durability, cost"
            }
            RequirementField::Estimates => {
                "Users, requests per second, storage per year, bandwidth"
            }
        }
    }
}

/// Notes taken while clarifying requirements.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RequirementNotes {
    /// Functional requirements.
    pub functional: String,
    /// Non-functional requirements.
    pub non_functional: String,
    /// Estimates.
    pub estimates: String,
}

impl RequirementNotes {
    /// One note.
    pub fn get(&self, field: RequirementField) -> &str {
        match field {
            RequirementField::Functional => &self.functional,
            RequirementField::NonFunctional => &self.non_functional,
            RequirementField::Estimates => &self.estimates,
        }
    }

    /// Replaces one note (length-capped; not trimmed, as it is saved while typed).
    pub fn set(&mut self, field: RequirementField, text: &str) {
        let slot = match field {
            RequirementField::Functional => &mut self.functional,
            RequirementField::NonFunctional => &mut self.non_functional,
            RequirementField::Estimates => &mut self.estimates,
        };
        *slot = normalize_note(text);
    }
}

/// The interviewer's curveball of this session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurveballState {
    /// Index into the prompt's curveballs.
    pub index: usize,
    /// Whether it has been put to the candidate.
    pub shown: bool,
    /// The candidate's answer.
    #[serde(default)]
    pub answer: String,
}

/// The focus components that still exist on `board`, in the order picked.
pub fn live_focus(focus: &[ComponentId], board: &Board) -> Vec<ComponentId> {
    focus
        .iter()
        .copied()
        .filter(|id| board.component(*id).is_some())
        .collect()
}
