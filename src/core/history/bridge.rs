//! The typed seam between the app and its history module (a second wasm module,
//! fetched on first use, sharing the page): one request enum the app sends, answered
//! by a promise that resolves when it is done or rejects with why (for the user), and
//! one message enum the history module sends unasked. JSON text on both sides, like
//! the worker's protocol.

use crate::core::prompt::card::PracticeStat;
use crate::core::session::{Moment, Session};
use serde::{Deserialize, Serialize};

/// A tab of the history dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HistoryView {
    /// Cards due today, first.
    Due,
    /// Charts and tables across attempts.
    Progress,
    /// Every attempt.
    Attempts,
    /// The real-interview journal.
    Journal,
    /// Export, import, delete everything.
    Data,
}

impl HistoryView {
    /// Every tab, in order.
    pub const ALL: [HistoryView; 5] = [
        HistoryView::Due,
        HistoryView::Progress,
        HistoryView::Attempts,
        HistoryView::Journal,
        HistoryView::Data,
    ];

    /// The tab's name.
    pub fn name(self) -> &'static str {
        match self {
            HistoryView::Due => "Due today",
            HistoryView::Progress => "Progress",
            HistoryView::Attempts => "Attempts",
            HistoryView::Journal => "Interview journal",
            HistoryView::Data => "Your data",
        }
    }

    /// Stable id (`data-tab`).
    pub fn id(self) -> &'static str {
        match self {
            HistoryView::Due => "due",
            HistoryView::Progress => "progress",
            HistoryView::Attempts => "attempts",
            HistoryView::Journal => "journal",
            HistoryView::Data => "data",
        }
    }
}

/// What a finished session, or a free-practice check, is recorded from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordJob {
    /// Prompt id.
    pub prompt: String,
    /// The final board, in the saved format.
    pub board: String,
    /// The session as the app saves it (JSON of [`Session`]) for a timed attempt;
    /// none for a free-practice check.
    pub session: Option<String>,
    /// Item keys claimed as said out loud, one per line (as the app stores them).
    pub claims: String,
    /// When: the session's start, or the moment a free check is saved (ms since the
    /// epoch).
    pub at_ms: u64,
}

/// The app's requests (externally tagged, as every message of this seam: the
/// lightest form for serde to read and write, which matters in the first load).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToHistory {
    /// Open the history dialog on a tab.
    Open {
        /// Which tab.
        view: HistoryView,
    },
    /// Record (or update: same session, same id) an attempt.
    Record(RecordJob),
    /// Draw the cards due today into the element with this id (the library's).
    ShowDue {
        /// The element's id.
        slot: String,
    },
    /// Draw how an attempt compares with the previous one at the same prompt into
    /// the element with this id (the Review's).
    ShowCompare {
        /// The element's id.
        slot: String,
        /// The attempt (`t<start ms>`).
        attempt: String,
    },
    /// Draw the Review's worksheet against the references and the follow-ups with
    /// model answers into the element with this id.
    ShowInterview {
        /// The element's id.
        slot: String,
        /// The session, as the app saves it (JSON).
        session: String,
    },
    /// Draw the Review's replay of how the board grew (a scrubber, phase marks, and
    /// when each checklist component first appeared) into the element with this id.
    ShowReplay {
        /// The element's id.
        slot: String,
        /// The session, as the app saves it (JSON); its timeline is the history's.
        session: String,
    },
    /// Record a moment of a timed session in its timeline (kept in IndexedDB, and
    /// with the attempt when the session reaches Review).
    Moment {
        /// The session's attempt id ([`session_attempt_id`]).
        attempt: String,
        /// Session time, pauses left out.
        at_ms: f64,
        /// What happened.
        moment: Moment,
    },
    /// The think-aloud recorder of the session being practised.
    Voice(VoiceCommand),
    /// Answer with a session's timeline as JSON (for the exported file).
    TimelineOf {
        /// The session's attempt id.
        attempt: String,
    },
    /// Send the practice each prompt had ([`ToApp::Stats`]), now and whenever it
    /// changes: the library's cards show it.
    Stats,
    /// Bring the card of an item (a follow-up question, say) due today: "practise
    /// this again".
    Remember {
        /// Prompt id.
        prompt: String,
        /// The item's key (`follow-up:<digest>`).
        key: String,
    },
}

/// What the history module asks of the app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToApp {
    /// Start a timed session of this prompt (Retry).
    Retry {
        /// Prompt id.
        prompt: String,
    },
    /// The history is deleted; delete the boards and settings too, and save nothing
    /// more (the page reloads when the user has read what was removed).
    ForgetAll,
    /// The practice each prompt had, for the library's cards.
    Stats(Vec<PracticeStat>),
    /// Something the user should know now (a timeline that could not be saved).
    Notice(String),
}

/// What the app asks of the think-aloud recorder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum VoiceCommand {
    /// Ask for the microphone and record a new segment of `attempt`'s recording
    /// from `at_ms` of session time, showing the recorder in the element `slot`.
    Start {
        /// The session's attempt id.
        attempt: String,
        /// The prompt practised.
        prompt: String,
        /// Session time now.
        at_ms: f64,
        /// The element the recorder shows itself in.
        slot: String,
    },
    /// The session paused.
    Pause,
    /// The session goes on.
    Resume,
    /// The session ended (Review, or ended early): stop and keep what was recorded.
    Stop,
}

/// The attempt id a timed session records under.
pub fn session_attempt_id(session: &Session) -> String {
    super::attempt_id(true, session.started_ms)
}
