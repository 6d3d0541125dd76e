//! The interviewer's follow-up questions (issue 16): one asked in each phase after
//! Breadth (Focus, Depth, Failure modes), picked when Breadth ends from the prompt's
//! follow-ups of that phase, preferring those about a part the board has; and the
//! worksheet's estimates as the candidate wrote them.

use super::Phase;
use crate::core::diagram::normalize_note;
use crate::core::prompt::{FollowUp, FOLLOW_UP_PHASES};
use serde::{Deserialize, Serialize};

/// A follow-up put to the candidate in this session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUpState {
    /// Index into the prompt's follow-ups.
    pub index: usize,
    /// The phase it is asked in.
    pub phase: Phase,
    /// The name of the box on the candidate's board it is about, if it is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// The candidate's answer.
    #[serde(default)]
    pub answer: String,
}

/// A worksheet quantity as the candidate wrote it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EstimateAnswer {
    /// The prompt's estimate id.
    pub id: String,
    /// The expression typed ("100e6 links / month").
    pub text: String,
}

/// Picks one follow-up per phase after Breadth. Among a phase's follow-ups, those
/// about a component the board has come first (`on_board` pairs a component id of
/// the prompt with the name of the box that plays it), then those about no component,
/// then the rest; `seed` (the session's start) picks within the first group that has
/// any, so sessions vary without randomness. A phase with no follow-up is skipped.
pub fn pick(
    follow_ups: &[FollowUp],
    on_board: &[(String, String)],
    seed: u64,
) -> Vec<FollowUpState> {
    let label = |f: &FollowUp| {
        f.component
            .as_ref()
            .and_then(|c| on_board.iter().find(|(id, _)| id == c))
            .map(|(_, name)| name.clone())
    };
    let mut picked = Vec::new();
    for (phase, _) in FOLLOW_UP_PHASES {
        let of_phase: Vec<usize> = (0..follow_ups.len())
            .filter(|&i| follow_ups[i].phase == phase)
            .collect();
        let groups: [Vec<usize>; 3] = [
            of_phase
                .iter()
                .copied()
                .filter(|&i| label(&follow_ups[i]).is_some())
                .collect(),
            of_phase
                .iter()
                .copied()
                .filter(|&i| follow_ups[i].component.is_none())
                .collect(),
            of_phase.clone(),
        ];
        if let Some(group) = groups.iter().find(|g| !g.is_empty()) {
            let index = group[(seed % group.len() as u64) as usize];
            picked.push(FollowUpState {
                index,
                phase,
                about: label(&follow_ups[index]),
                answer: String::new(),
            });
        }
    }
    picked
}

impl FollowUpState {
    /// Records the answer (length-capped, as notes are).
    pub fn answer(&mut self, text: &str) {
        self.answer = normalize_note(text);
    }
}
