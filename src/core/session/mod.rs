//! A timed practice session: phases in order, each with a wall-clock countdown.
//!
//! Time is passed in as milliseconds since the epoch by the caller; nothing here reads
//! a clock, so a reload resumes from saved state and tests use a fake clock.
//! Invariants: phases only move forward; Breadth is left early only through the gate
//! ([`breadth_gaps`] empty) and ends by itself at its limit; other phases may overrun,
//! and the overrun is shown (negative remaining), never hidden; paused time does not
//! count against a phase.

mod follow_ups;
mod gate;
mod milestones;
mod notes;
mod plan;
mod timeline;

pub use follow_ups::{pick as pick_follow_ups, EstimateAnswer, FollowUpState};
pub use gate::{breadth_gaps, BreadthGap, MIN_BREADTH_COMPONENTS};
pub use milestones::Milestones;
pub use notes::{live_focus, CurveballState, RequirementField, RequirementNotes, MAX_FOCUS};
pub use plan::{Level, Phase, SessionPlan, LENGTHS};
pub use timeline::{
    first_appearances, Happening, Moment, Replay, Timeline, TimelineEntry, TimelineEvent,
    TimelineRecorder, NOTE_PAUSE_MS,
};

use crate::core::decimal::Decimal;
use crate::core::diagram::{normalize_note, Board, ComponentId};
use crate::core::editor::Viewport;
use crate::core::persist;
use serde::{Deserialize, Serialize};

/// Warning lead before Breadth ends by itself, in milliseconds.
pub const BREADTH_WARNING_MS: f64 = 60_000.0;

/// How a phase ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndedBy {
    /// "Next phase".
    User,
    /// Its time ran out (Breadth only).
    TimeUp,
}

/// Planned and actual time of a finished phase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhaseRecord {
    /// Which phase.
    pub phase: Phase,
    /// Planned milliseconds.
    pub planned_ms: f64,
    /// Milliseconds actually spent, pauses excluded.
    pub actual_ms: f64,
    /// How it ended.
    pub ended_by: EndedBy,
}

/// Something that happens to a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionEvent {
    /// Time passed (a timer fired, the tab came back, the page reloaded).
    Tick,
    /// The user asked for the next phase.
    Next,
    /// Pause the clock.
    Pause,
    /// Restart the clock.
    Resume,
    /// The user tried a depth action (detail notes, deep dive, failure note).
    AttemptDepth,
    /// Picks a component to go deep on, or drops it if picked.
    ToggleFocus(ComponentId),
}

/// What handling an event did.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionOutcome {
    /// Nothing changed.
    Nothing,
    /// One minute of Breadth left (said once).
    BreadthEndingSoon,
    /// Moved to the next phase. From Breadth: the caller keeps the board as the
    /// breadth map.
    Advanced {
        /// Phase left.
        from: Phase,
        /// Phase entered.
        to: Phase,
        /// Why.
        by: EndedBy,
    },
    /// Breadth cannot be left yet; the gaps say why.
    GateRefused(Vec<BreadthGap>),
    /// A depth action during Requirements or Breadth was refused (and counted).
    DepthRefused,
    /// Depth action allowed.
    DepthAllowed,
    /// The clock stopped.
    Paused,
    /// The clock restarted.
    Resumed,
    /// The focus list changed.
    FocusChanged,
    /// [`MAX_FOCUS`] components are picked already.
    FocusFull,
    /// Focus cannot be left before a component is picked.
    FocusNeeded,
    /// The interviewer's curveball (index into the prompt's) is put to the candidate.
    CurveballArrived(usize),
    /// The board reached a breadth milestone (saved, said nowhere).
    Milestone,
}

/// The state of one session; serialisable so a reload resumes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Prompt practised.
    pub prompt_id: String,
    /// Chosen plan.
    pub plan: SessionPlan,
    /// When it started, milliseconds since the epoch (0 for sessions saved before it
    /// was kept). It names the session's attempt in the history.
    #[serde(default)]
    pub started_ms: f64,
    phase: Phase,
    phase_started_ms: f64,
    paused_since_ms: Option<f64>,
    paused_in_phase_ms: f64,
    records: Vec<PhaseRecord>,
    depth_refusals: u32,
    gate_refusals: u32,
    warned: bool,
    #[serde(default)]
    requirements: RequirementNotes,
    #[serde(default)]
    focus: Vec<ComponentId>,
    #[serde(default)]
    curveball: Option<CurveballState>,
    #[serde(default)]
    breadth_map: Vec<ComponentId>,
    #[serde(default)]
    milestones: Milestones,
    /// The board when Breadth ended, in the saved format (empty before).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    breadth_board: String,
    /// The worksheet's quantities as written, in the prompt's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    estimates: Vec<EstimateAnswer>,
    /// The follow-ups picked when Breadth ended, one per later phase.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    follow_ups: Vec<FollowUpState>,
}

impl Session {
    /// Starts in Requirements at `now_ms`. One of the prompt's `curveballs` (how many
    /// it has) is picked from the start time, so sessions vary without randomness.
    pub fn start(prompt_id: &str, plan: SessionPlan, now_ms: f64, curveballs: usize) -> Self {
        let curveball = (curveballs > 0).then(|| CurveballState {
            index: ((now_ms.max(0.0) / 1000.0) as u64 % curveballs as u64) as usize,
            shown: false,
            answer: String::new(),
        });
        Session {
            prompt_id: prompt_id.to_string(),
            plan,
            started_ms: now_ms,
            phase: Phase::Requirements,
            phase_started_ms: now_ms,
            paused_since_ms: None,
            paused_in_phase_ms: 0.0,
            records: Vec::new(),
            depth_refusals: 0,
            gate_refusals: 0,
            warned: false,
            requirements: RequirementNotes::default(),
            focus: Vec::new(),
            curveball,
            breadth_map: Vec::new(),
            milestones: Milestones::default(),
            breadth_board: String::new(),
            estimates: Vec::new(),
            follow_ups: Vec::new(),
        }
    }

    /// The worksheet's quantities as written.
    pub fn estimates(&self) -> &[EstimateAnswer] {
        &self.estimates
    }

    /// What was written for estimate `id` (empty if nothing).
    pub fn estimate(&self, id: &str) -> &str {
        self.estimates
            .iter()
            .find(|e| e.id == id)
            .map_or("", |e| e.text.as_str())
    }

    /// Records what was written for estimate `id`; refused (false) in Review, where
    /// the worksheet is held against the references.
    pub fn set_estimate(&mut self, id: &str, text: &str) -> bool {
        if self.phase == Phase::Review {
            return false;
        }
        let text = normalize_note(text);
        match self.estimates.iter_mut().find(|e| e.id == id) {
            Some(e) => e.text = text,
            None => self.estimates.push(EstimateAnswer {
                id: id.to_string(),
                text,
            }),
        }
        true
    }

    /// The follow-ups picked for this session (none before Breadth ends).
    pub fn follow_ups(&self) -> &[FollowUpState] {
        &self.follow_ups
    }

    /// Takes the follow-ups picked when Breadth ended ([`pick_follow_ups`]); refused
    /// (false) once some are set, so a late answer never replaces them.
    pub fn set_follow_ups(&mut self, picked: Vec<FollowUpState>) -> bool {
        if !self.follow_ups.is_empty() || self.phase == Phase::Review {
            return false;
        }
        self.follow_ups = picked;
        true
    }

    /// The follow-up asked in the current phase, with its position in
    /// [`Session::follow_ups`].
    pub fn follow_up_now(&self) -> Option<(usize, &FollowUpState)> {
        self.follow_ups
            .iter()
            .enumerate()
            .find(|(_, f)| f.phase == self.phase)
    }

    /// Records the answer to follow-up `at` (a position in [`Session::follow_ups`]);
    /// refused (false) before its phase and in Review.
    pub fn answer_follow_up(&mut self, at: usize, text: &str) -> bool {
        let now = Phase::ALL.iter().position(|p| *p == self.phase);
        match self.follow_ups.get_mut(at) {
            Some(f)
                if self.phase != Phase::Review
                    && Phase::ALL.iter().position(|p| *p == f.phase) <= now =>
            {
                f.answer(text);
                true
            }
            _ => false,
        }
    }

    /// When the board first had an entry point, a data store and every part
    /// connected, in session time; watched until Breadth ends.
    pub fn milestones(&self) -> Milestones {
        self.milestones
    }

    /// Milliseconds of the whole session so far, pauses excluded.
    pub fn session_ms(&self, now_ms: f64) -> f64 {
        let ended: f64 = self.records.iter().map(|r| r.actual_ms).sum();
        ended + self.elapsed_ms(now_ms)
    }

    /// Components on the board when Breadth ended (empty before), in board order.
    pub fn breadth_map(&self) -> &[ComponentId] {
        &self.breadth_map
    }

    /// The board as it was when Breadth ended, in the saved format (`persist`); `None`
    /// before that, and for sessions saved before snapshots were kept.
    pub fn breadth_board(&self) -> Option<&str> {
        (!self.breadth_board.is_empty()).then_some(self.breadth_board.as_str())
    }

    /// The breadth map as a board: the snapshot kept when Breadth ended, or (sessions
    /// saved before snapshots were kept, or a damaged one) `board`'s components that
    /// were on the map, as they are now. Empty before Breadth ended.
    pub fn breadth_snapshot(&self, board: &Board) -> Board {
        self.breadth_board()
            .and_then(|text| persist::from_json(text).ok())
            .map(|r| r.board)
            .unwrap_or_else(|| board.subset(|id| self.breadth_map.contains(&id)))
    }

    /// Each ended phase as (name, planned minutes, actual minutes), to one decimal.
    pub fn timings(&self) -> impl Iterator<Item = (&'static str, Decimal, Decimal)> + '_ {
        let minutes = |ms: f64| Decimal::places(ms / 60_000.0, 1);
        self.records
            .iter()
            .map(move |r| (r.phase.name(), minutes(r.planned_ms), minutes(r.actual_ms)))
    }

    /// Requirement notes.
    pub fn requirements(&self) -> &RequirementNotes {
        &self.requirements
    }

    /// Replaces one requirement note (allowed in every phase: it is not depth).
    pub fn set_requirement(&mut self, field: RequirementField, text: &str) {
        self.requirements.set(field, text);
    }

    /// Components picked to go deep on, in the order picked (may name deleted ones;
    /// see [`live_focus`]).
    pub fn focus(&self) -> &[ComponentId] {
        &self.focus
    }

    /// The session's curveball, if the prompt has any.
    pub fn curveball(&self) -> Option<&CurveballState> {
        self.curveball.as_ref()
    }

    /// Records the answer to the curveball; refused (false) before it is shown.
    pub fn answer_curveball(&mut self, text: &str) -> bool {
        match &mut self.curveball {
            Some(c) if c.shown => {
                c.answer = normalize_note(text);
                true
            }
            _ => false,
        }
    }

    /// Current phase.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Whether the clock is stopped.
    pub fn is_paused(&self) -> bool {
        self.paused_since_ms.is_some()
    }

    /// Finished phases, in order.
    pub fn records(&self) -> &[PhaseRecord] {
        &self.records
    }

    /// Depth actions refused during Requirements and Breadth.
    pub fn depth_refusals(&self) -> u32 {
        self.depth_refusals
    }

    /// Attempts to leave Breadth that the gate refused.
    pub fn gate_refusals(&self) -> u32 {
        self.gate_refusals
    }

    /// Milliseconds spent in the current phase, pauses excluded, never negative.
    pub fn elapsed_ms(&self, now_ms: f64) -> f64 {
        let until = self.paused_since_ms.unwrap_or(now_ms);
        (until - self.phase_started_ms - self.paused_in_phase_ms).max(0.0)
    }

    /// Milliseconds left in the current phase; negative is an overrun. Review has no
    /// limit and reports 0.
    pub fn remaining_ms(&self, now_ms: f64) -> f64 {
        if self.phase == Phase::Review {
            return 0.0;
        }
        self.plan.millis(self.phase) - self.elapsed_ms(now_ms)
    }

    /// Handles an event at `now_ms`; `board` is read by the breadth gate.
    pub fn handle(&mut self, event: SessionEvent, now_ms: f64, board: &Board) -> SessionOutcome {
        match event {
            SessionEvent::Tick => self.tick(now_ms, board),
            SessionEvent::Next => {
                if self.phase == Phase::Review {
                    return SessionOutcome::Nothing;
                }
                // An empty board (Breadth timed out on it) has nothing to pick.
                if self.phase == Phase::Focus
                    && !board.components().is_empty()
                    && live_focus(&self.focus, board).is_empty()
                {
                    return SessionOutcome::FocusNeeded;
                }
                if self.phase == Phase::Breadth {
                    // Its time ran out before a tick noticed: it ended by itself.
                    if self.remaining_ms(now_ms) <= 0.0 {
                        return self.advance(now_ms, EndedBy::TimeUp, board);
                    }
                    let gaps = breadth_gaps(board);
                    if !gaps.is_empty() {
                        self.gate_refusals += 1;
                        return SessionOutcome::GateRefused(gaps);
                    }
                }
                self.advance(now_ms, EndedBy::User, board)
            }
            SessionEvent::Pause => {
                if self.is_paused() || self.phase == Phase::Review {
                    return SessionOutcome::Nothing;
                }
                self.paused_since_ms = Some(now_ms);
                SessionOutcome::Paused
            }
            SessionEvent::Resume => match self.paused_since_ms.take() {
                Some(since) => {
                    self.paused_in_phase_ms += (now_ms - since).max(0.0);
                    SessionOutcome::Resumed
                }
                None => SessionOutcome::Nothing,
            },
            SessionEvent::AttemptDepth => self.attempt_depth(),
            SessionEvent::ToggleFocus(id) => {
                if !self.phase.allows_depth() {
                    return self.attempt_depth();
                }
                self.focus = live_focus(&self.focus, board);
                if let Some(i) = self.focus.iter().position(|f| *f == id) {
                    self.focus.remove(i);
                } else if self.focus.len() >= MAX_FOCUS {
                    return SessionOutcome::FocusFull;
                } else if board.component(id).is_some() {
                    self.focus.push(id);
                } else {
                    return SessionOutcome::Nothing;
                }
                SessionOutcome::FocusChanged
            }
        }
    }

    fn attempt_depth(&mut self) -> SessionOutcome {
        if self.phase.allows_depth() {
            SessionOutcome::DepthAllowed
        } else {
            self.depth_refusals += 1;
            SessionOutcome::DepthRefused
        }
    }

    fn tick(&mut self, now_ms: f64, board: &Board) -> SessionOutcome {
        if self.is_paused() {
            return SessionOutcome::Nothing;
        }
        let watched = matches!(self.phase, Phase::Requirements | Phase::Breadth)
            && !self.milestones.complete();
        let reached = watched && {
            // A late tick in Breadth counts no later than Breadth's planned end.
            let mut at = self.session_ms(now_ms);
            if self.phase == Phase::Breadth {
                at = at.min(self.plan_until_breadth_end());
            }
            self.milestones.observe(board, at)
        };
        if self.phase != Phase::Breadth {
            return match self.maybe_curveball(now_ms) {
                SessionOutcome::Nothing if reached => SessionOutcome::Milestone,
                outcome => outcome,
            };
        }
        let remaining = self.remaining_ms(now_ms);
        if remaining <= 0.0 {
            return self.advance(now_ms, EndedBy::TimeUp, board);
        }
        if remaining <= BREADTH_WARNING_MS && !self.warned {
            self.warned = true;
            return SessionOutcome::BreadthEndingSoon;
        }
        if reached {
            SessionOutcome::Milestone
        } else {
            SessionOutcome::Nothing
        }
    }

    /// Puts the curveball once: halfway through Depth, or at once in Failure modes if
    /// Depth ended before its halfway point.
    fn maybe_curveball(&mut self, now_ms: f64) -> SessionOutcome {
        let due = match self.phase {
            Phase::Depth => self.elapsed_ms(now_ms) >= self.plan.millis(Phase::Depth) / 2.0,
            Phase::FailureModes => true,
            _ => false,
        };
        match &mut self.curveball {
            Some(c) if due && !c.shown => {
                c.shown = true;
                SessionOutcome::CurveballArrived(c.index)
            }
            _ => SessionOutcome::Nothing,
        }
    }

    /// Planned session time at which Breadth ends (Requirements as spent, plus
    /// Breadth's plan): the latest a milestone may count in Breadth.
    fn plan_until_breadth_end(&self) -> f64 {
        let before: f64 = self.records.iter().map(|r| r.actual_ms).sum();
        before + self.plan.millis(Phase::Breadth)
    }

    fn advance(&mut self, now_ms: f64, by: EndedBy, board: &Board) -> SessionOutcome {
        let from = self.phase;
        if from == Phase::Breadth {
            // The board as Breadth ends counts, however late the tick.
            if !self.milestones.complete() {
                let at = self.session_ms(now_ms).min(self.plan_until_breadth_end());
                self.milestones.observe(board, at);
            }
            self.breadth_map = board.components().iter().map(|c| c.id).collect();
            self.breadth_board = persist::to_json(board, &Viewport::default());
        }
        // A phase that ran out of time counts exactly its plan, however late the
        // tick that noticed it (a background tab, a reload).
        let actual = match by {
            EndedBy::TimeUp => self.plan.millis(from),
            EndedBy::User => self.elapsed_ms(now_ms),
        };
        let ended_at = match by {
            EndedBy::TimeUp => self.phase_started_ms + self.paused_in_phase_ms + actual,
            EndedBy::User => now_ms,
        };
        self.records.push(PhaseRecord {
            phase: from,
            planned_ms: self.plan.millis(from),
            actual_ms: actual,
            ended_by: by,
        });
        self.phase = from.next();
        self.phase_started_ms = ended_at;
        self.paused_since_ms = None;
        self.paused_in_phase_ms = 0.0;
        SessionOutcome::Advanced {
            from,
            to: self.phase,
            by,
        }
    }
}

/// `mm:ss` for a countdown; an overrun shows as `+mm:ss`.
pub fn format_countdown(remaining_ms: f64) -> String {
    let overrun = remaining_ms < 0.0;
    // Count down in whole seconds, rounding up so 00:00 means time is up.
    let secs = if overrun {
        (-remaining_ms / 1000.0).floor() as u64
    } else {
        (remaining_ms / 1000.0).ceil() as u64
    };
    let text = format!("{:02}:{:02}", secs / 60, secs % 60);
    if overrun {
        format!("+{text}")
    } else {
        text
    }
}
