//! Practice history (issue 15): attempts, spaced-repetition cards, the interview
//! journal, the Progress figures and the history file. Pure data and rules; the
//! history module (`ui::history`) stores them in IndexedDB and draws them.

mod attempt;
pub mod bridge;
mod cards;
mod compare;
mod file;
mod journal;
mod library;
mod progress;
pub mod recording;
pub mod transcript;

pub use attempt::{
    attempt_id, Attempt, AttemptBody, AttemptInput, AttemptKind, BreadthMark, CategoryScore,
    CurveballAnswer,
};
pub use cards::{
    cards_after, cards_without, due, follow_up_key, item_face, prompt_grade, remember, Card,
    CardChanges, CardFace, CardSubject, GradedBy,
};
pub use compare::{compare, item_title, previous, Comparison};
pub use file::{
    from_history_json, to_history_json, History, HistoryFileError, HistoryRepairs, FORMAT,
    MAX_BYTES, VERSION,
};
pub use journal::{Diagnosis, JournalEntry, Round, Struggle};
pub use library::{ago, practice_stats};
pub use progress::{advice, Chart, Progress, PromptBest, Series, Weakest, RECENT};

pub use crate::core::calendar::date_of;
use crate::core::repetition::Day;

/// Milliseconds in a day.
const DAY_MS: f64 = 86_400_000.0;

/// The calendar day of `ms` (since the epoch) where the clock is `offset_minutes`
/// ahead of UTC (the negative of JavaScript's `getTimezoneOffset`).
pub fn day_of(ms: f64, offset_minutes: f64) -> Day {
    ((ms + offset_minutes * 60_000.0) / DAY_MS).floor() as Day
}

/// What merging an imported history into the stored one adds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merge {
    /// Records to store: those whose ids are not stored yet.
    pub new: History,
    /// Records left as stored because their ids were there already.
    pub already: usize,
}

/// The records of `incoming` that `stored` lacks (by id); stored ones win.
pub fn merge(stored: &History, incoming: History) -> Merge {
    let mut already = 0;
    let mut keep = |known: bool| {
        already += usize::from(known);
        !known
    };
    let attempts = incoming
        .attempts
        .into_iter()
        .filter(|(a, _)| keep(stored.attempts.iter().any(|(s, _)| s.id == a.id)))
        .collect();
    let cards = incoming
        .cards
        .into_iter()
        .filter(|c| keep(stored.cards.iter().any(|s| s.id == c.id)))
        .collect();
    let journal = incoming
        .journal
        .into_iter()
        .filter(|e| keep(stored.journal.iter().any(|s| s.id == e.id)))
        .collect();
    Merge {
        new: History {
            attempts,
            cards,
            journal,
        },
        already,
    }
}

/// Session milliseconds as `m:ss`.
pub fn clock(ms: f64) -> String {
    let secs = (ms.max(0.0) / 1000.0).round() as u64;
    format!("{}:{:02}", secs / 60, secs % 60)
}
