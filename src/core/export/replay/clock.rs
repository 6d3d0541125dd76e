//! The session's clock in a replay: how long it lasted, where each phase began and
//! when the curveball came, in session time (pauses left out), as the Review's replay
//! reads them.

use crate::core::session::{Phase, Session, Timeline, TimelineEvent};

/// A phase beginning.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PhaseStart {
    /// Which phase.
    pub phase: Phase,
    /// Session time it began at, in milliseconds.
    pub at_ms: f64,
}

/// Where each phase began: every finished phase, then the one the session is in
/// (Review, once it is over), in order.
pub fn phase_starts(session: &Session) -> Vec<PhaseStart> {
    let mut at_ms = 0.0;
    let mut starts = Vec::with_capacity(session.records().len() + 1);
    for record in session.records() {
        starts.push(PhaseStart {
            phase: record.phase,
            at_ms,
        });
        at_ms += record.actual_ms;
    }
    starts.push(PhaseStart {
        phase: session.phase(),
        at_ms,
    });
    starts
}

/// The phase at `at_ms`: the last to begin by then.
pub fn phase_at(starts: &[PhaseStart], at_ms: f64) -> Phase {
    starts
        .iter()
        .rev()
        .find(|s| s.at_ms <= at_ms)
        .or(starts.first())
        .map_or(Phase::Requirements, |s| s.phase)
}

/// How long the replay lasts: until the last phase ended or the last entry was made,
/// whichever is later.
pub fn end_ms(session: &Session, timeline: &Timeline) -> f64 {
    let phases: f64 = session.records().iter().map(|r| r.actual_ms).sum();
    phases.max(timeline.end_ms())
}

/// When the curveball was put (empty when it never was).
pub fn curveballs(timeline: &Timeline) -> Vec<f64> {
    timeline
        .entries()
        .iter()
        .filter(|e| matches!(e.event, TimelineEvent::Curveball(_)))
        .map(|e| e.at_ms)
        .collect()
}

/// Something marked under a replay's scrubber: a phase beginning or the curveball.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Session time, in milliseconds.
    pub at_ms: f64,
    /// What happened then ("Breadth", "Curveball", or both joined by " · ").
    pub label: String,
}

/// The marks of a replay lasting `end_ms`: where each phase after the first began
/// (the first begins at the start; one beginning at the end, Review, is the end), and
/// the curveball, in time order. Marks closer than a fiftieth of the session share one
/// label ("Failure modes · Curveball": the curveball comes as Failure modes begins
/// when Depth was short), so their labels never overlap.
pub fn marks(starts: &[PhaseStart], curveballs: &[f64], end_ms: f64) -> Vec<Mark> {
    let phases = starts.iter().skip(1).map(|s| (s.at_ms, s.phase.name()));
    let mut all: Vec<(f64, &str)> = phases
        .chain(curveballs.iter().map(|at| (*at, "Curveball")))
        .filter(|(at, _)| *at < end_ms)
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<Mark> = Vec::new();
    for (at_ms, label) in all {
        match merged.last_mut() {
            Some(last) if at_ms - last.at_ms < end_ms / 50.0 => {
                last.label = format!("{} · {label}", last.label);
            }
            _ => merged.push(Mark {
                at_ms,
                label: label.to_string(),
            }),
        }
    }
    merged
}
