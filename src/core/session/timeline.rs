//! A timed session's timeline (issue 17): every change to the board as one patch
//! (a drag is one entry, made when it ends), the phase changes, the curveball, the
//! focus picks and the note edits, each at its session time (pauses left out). The
//! app reports each [`Moment`]; a [`TimelineRecorder`] (in the history module, which
//! keeps it in IndexedDB) turns them into entries. A [`Replay`] gives the board at
//! any instant, and [`first_appearances`] when each checklist item was first on the
//! board.

use super::Phase;
use crate::core::diagram::{Board, ComponentId, Patch, Rect};
use crate::core::persist;
use serde::{Deserialize, Serialize};

/// Something that happened in a session: as the app reports it (a [`Moment`], the
/// board as its saved JSON) or as the timeline keeps it (a [`TimelineEvent`], the
/// board as what changed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Happening<B> {
    /// The board: now (a moment) or what changed (an event).
    Board(B),
    /// A phase began.
    Phase(Phase),
    /// The curveball (index into the prompt's) was put.
    Curveball(usize),
    /// The components picked for depth, as they are now.
    Focus(Vec<ComponentId>),
    /// A session note was edited: which ("requirements.functional",
    /// "follow_up.0", ...) and its text now.
    Note {
        /// Which note.
        which: String,
        /// Its text.
        text: String,
    },
}

/// What a timeline keeps: the board as the patch of what changed.
pub type TimelineEvent = Happening<Patch>;

/// What the app reports: the board as it is now, in the saved format
/// (`persist::to_json`).
pub type Moment = Happening<String>;

/// One entry: when (milliseconds of session time) and what.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// Session time, pauses left out.
    pub at_ms: f64,
    /// What happened.
    pub event: TimelineEvent,
}

/// The session's entries in time order, from the empty board it started on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timeline {
    entries: Vec<TimelineEntry>,
}

impl Timeline {
    /// Every entry, in order.
    pub fn entries(&self) -> &[TimelineEntry] {
        &self.entries
    }

    /// Adds an entry at `at_ms`; an entry is never earlier than the one before it.
    pub fn push(&mut self, at_ms: f64, event: TimelineEvent) {
        let last = self.entries.last().map_or(0.0, |e| e.at_ms);
        self.entries.push(TimelineEntry {
            at_ms: at_ms.max(last),
            event,
        });
    }

    /// Records the board's change from `before` to `after` at `at_ms` (nothing when
    /// they are equal); whether it did.
    pub fn record_board(&mut self, at_ms: f64, before: &Board, after: &Board) -> bool {
        let patch = Patch::between(before, after);
        if patch.is_empty() {
            return false;
        }
        self.push(at_ms, TimelineEvent::Board(patch));
        true
    }

    /// A note's latest edit replaces the one before it when both are within
    /// `window_ms` and nothing came between: typing is one entry per pause.
    pub fn record_note(&mut self, at_ms: f64, which: &str, text: &str, window_ms: f64) {
        if let Some(TimelineEntry {
            at_ms: last_at,
            event:
                TimelineEvent::Note {
                    which: last,
                    text: kept,
                },
        }) = self.entries.last_mut()
        {
            if last == which && at_ms - *last_at <= window_ms {
                *kept = text.to_string();
                *last_at = at_ms.max(*last_at);
                return;
            }
        }
        self.push(
            at_ms,
            TimelineEvent::Note {
                which: which.to_string(),
                text: text.to_string(),
            },
        );
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The board after every recorded change.
    pub fn board(&self) -> Board {
        let mut board = Board::new();
        for entry in &self.entries {
            if let TimelineEvent::Board(patch) = &entry.event {
                board = patch.apply(&board);
            }
        }
        board
    }

    /// When the last entry happened (0 for none).
    pub fn end_ms(&self) -> f64 {
        self.entries.last().map_or(0.0, |e| e.at_ms)
    }
}

/// Edits of one note closer together than this are one entry (typing is recorded
/// once per pause).
pub const NOTE_PAUSE_MS: f64 = 2_000.0;

/// Turns a session's moments into its timeline, keeping the board it ends on.
#[derive(Clone, Debug, Default)]
pub struct TimelineRecorder {
    timeline: Timeline,
    board: Board,
}

impl TimelineRecorder {
    /// Goes on recording `timeline` (empty for a new session).
    pub fn resume(timeline: Timeline) -> Self {
        let board = timeline.board();
        TimelineRecorder { timeline, board }
    }

    /// The timeline so far.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// Records `moment` at `at_ms` of session time: a board as what changed since
    /// the last one (nothing when nothing did), a note's edits one per pause. Whether
    /// the timeline changed; `Err` when a board cannot be read.
    pub fn record(&mut self, at_ms: f64, moment: Moment) -> Result<bool, String> {
        let event = match moment {
            Moment::Board(text) => {
                let board = persist::from_json(&text)
                    .map_err(|e| format!("the board could not be read: {e}"))?
                    .board;
                let changed = self.timeline.record_board(at_ms, &self.board, &board);
                self.board = board;
                return Ok(changed);
            }
            Moment::Note { which, text } => {
                self.timeline
                    .record_note(at_ms, &which, &text, NOTE_PAUSE_MS);
                return Ok(true);
            }
            Happening::Phase(phase) => Happening::Phase(phase),
            Happening::Curveball(index) => Happening::Curveball(index),
            Happening::Focus(ids) => Happening::Focus(ids),
        };
        self.timeline.push(at_ms, event);
        Ok(true)
    }
}

/// Board entries between two keyframes of a [`Replay`].
const KEYFRAME_EVERY: usize = 64;

/// A timeline made ready to seek: the board after every [`KEYFRAME_EVERY`]th board
/// change is kept, so the board at any instant costs at most that many patches.
#[derive(Clone, Debug)]
pub struct Replay {
    /// (session time, patch) of each board change, in order.
    changes: Vec<(f64, Patch)>,
    /// The board after change `i * KEYFRAME_EVERY + (KEYFRAME_EVERY - 1)`.
    keyframes: Vec<Board>,
}

impl Replay {
    /// Prepares `timeline` for seeking.
    pub fn new(timeline: &Timeline) -> Replay {
        let changes: Vec<(f64, Patch)> = timeline
            .entries
            .iter()
            .filter_map(|e| match &e.event {
                TimelineEvent::Board(p) => Some((e.at_ms, p.clone())),
                _ => None,
            })
            .collect();
        let mut keyframes = Vec::new();
        let mut board = Board::new();
        for (i, (_, patch)) in changes.iter().enumerate() {
            board = patch.apply(&board);
            if (i + 1) % KEYFRAME_EVERY == 0 {
                keyframes.push(board.clone());
            }
        }
        Replay { changes, keyframes }
    }

    /// How many board changes there are.
    pub fn len(&self) -> usize {
        self.changes.len()
    }

    /// Whether the board never changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The board after the first `n` changes.
    pub fn board_after(&self, n: usize) -> Board {
        let n = n.min(self.changes.len());
        let frames = n / KEYFRAME_EVERY;
        let mut board = match frames.checked_sub(1) {
            Some(k) => self.keyframes[k].clone(),
            None => Board::new(),
        };
        for (_, patch) in &self.changes[frames * KEYFRAME_EVERY..n] {
            board = patch.apply(&board);
        }
        board
    }

    /// How many changes had happened by `at_ms` (those at `at_ms` included).
    pub fn changes_by(&self, at_ms: f64) -> usize {
        self.changes.partition_point(|(t, _)| *t <= at_ms)
    }

    /// The board at `at_ms` of session time.
    pub fn board_at(&self, at_ms: f64) -> Board {
        self.board_after(self.changes_by(at_ms))
    }

    /// The area every box of the replay ever covered: one frame for the whole
    /// replay, so the boards of successive moments line up.
    pub fn extent(&self) -> Option<Rect> {
        Rect::bounds(
            self.changes
                .iter()
                .flat_map(|(_, patch)| patch.put.iter().map(|c| c.rect)),
        )
    }

    /// When each change happened.
    pub fn times(&self) -> impl Iterator<Item = f64> + '_ {
        self.changes.iter().map(|(t, _)| *t)
    }
}

/// When each item `found` reports first appeared on the replayed board: (item,
/// session time), in the order they appeared. `found` is asked once per board
/// change (the check, in the app).
pub fn first_appearances(
    replay: &Replay,
    mut found: impl FnMut(&Board) -> Vec<String>,
) -> Vec<(String, f64)> {
    let mut seen: Vec<(String, f64)> = Vec::new();
    let mut board = Board::new();
    for (at, patch) in &replay.changes {
        board = patch.apply(&board);
        for item in found(&board) {
            if !seen.iter().any(|(s, _)| *s == item) {
                seen.push((item, *at));
            }
        }
    }
    seen
}
