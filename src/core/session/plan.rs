//! Phases and how a session's minutes are split between them.

use serde::{Deserialize, Serialize};

/// A session phase, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Clarify requirements and estimate.
    Requirements,
    /// Map the whole system: boxes, names, arrows only.
    Breadth,
    /// Pick one or two components to go deep on.
    Focus,
    /// Details per component.
    Depth,
    /// What happens when each part fails.
    FailureModes,
    /// Check against the checklist and debrief. Untimed.
    Review,
}

impl Phase {
    /// Every phase in order.
    pub const ALL: [Phase; 6] = [
        Phase::Requirements,
        Phase::Breadth,
        Phase::Focus,
        Phase::Depth,
        Phase::FailureModes,
        Phase::Review,
    ];

    /// Display name (also the `data-testid="phase"` text).
    pub fn name(self) -> &'static str {
        match self {
            Phase::Requirements => "Requirements",
            Phase::Breadth => "Breadth",
            Phase::Focus => "Focus",
            Phase::Depth => "Depth",
            Phase::FailureModes => "Failure modes",
            Phase::Review => "Review",
        }
    }

    /// The phase after this one (Review is last).
    pub fn next(self) -> Phase {
        let i = Phase::ALL.iter().position(|p| *p == self).unwrap_or(5);
        Phase::ALL[(i + 1).min(5)]
    }

    /// Whether depth work (component details, deep dives, failure notes) is allowed.
    pub fn allows_depth(self) -> bool {
        !matches!(self, Phase::Requirements | Phase::Breadth)
    }
}

/// The level practised; it shifts time between requirements, depth and failure modes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    /// Mid-level: more time on requirements.
    L4,
    /// Senior.
    L5,
    /// Staff: more time on failure modes and trade-offs.
    L6,
}

/// Length, level and breadth minutes a user chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionPlan {
    /// 30, 45 or 60.
    pub total_minutes: u32,
    /// Level practised.
    pub level: Level,
    /// Breadth minutes, 8 to 10.
    pub breadth_minutes: u32,
    /// Record the microphone while practising (think aloud); off unless chosen.
    #[serde(default)]
    pub think_aloud: bool,
}

impl Default for SessionPlan {
    fn default() -> Self {
        SessionPlan {
            total_minutes: 45,
            level: Level::L5,
            breadth_minutes: 9,
            think_aloud: false,
        }
    }
}

/// Session lengths offered.
pub const LENGTHS: [u32; 3] = [30, 45, 60];

impl SessionPlan {
    /// A plan with the inputs clamped to what is offered.
    pub fn new(total_minutes: u32, level: Level, breadth_minutes: u32) -> Self {
        let total_minutes = *LENGTHS
            .iter()
            .min_by_key(|l| l.abs_diff(total_minutes))
            .unwrap_or(&45);
        SessionPlan {
            total_minutes,
            level,
            breadth_minutes: breadth_minutes.clamp(8, 10),
            think_aloud: false,
        }
    }

    /// Planned minutes of a timed phase (Review: 0, it is untimed). The timed phases
    /// add up to `total_minutes`.
    pub fn minutes(&self, phase: Phase) -> u32 {
        let total = self.total_minutes;
        let (requirements_at_45, failure_share) = match self.level {
            Level::L4 => (6, 0.38),
            Level::L5 => (5, 0.42),
            Level::L6 => (4, 0.47),
        };
        let requirements = ((requirements_at_45 * total) as f64 / 45.0)
            .round()
            .max(3.0) as u32;
        let focus = if total <= 30 { 1 } else { 2 };
        let rest = total.saturating_sub(requirements + self.breadth_minutes + focus);
        let failure = (rest as f64 * failure_share).round() as u32;
        match phase {
            Phase::Requirements => requirements,
            Phase::Breadth => self.breadth_minutes,
            Phase::Focus => focus,
            Phase::Depth => rest - failure,
            Phase::FailureModes => failure,
            Phase::Review => 0,
        }
    }

    /// Planned milliseconds of a phase.
    pub fn millis(&self, phase: Phase) -> f64 {
        f64::from(self.minutes(phase)) * 60_000.0
    }
}
