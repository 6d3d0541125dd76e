//! The history file: every attempt (with its board and session), card and journal
//! entry in one versioned JSON document, `{"format": "breadthfirst-history",
//! "version": 1, ...}`. Reading it refuses what is not one with a typed error, and
//! repairs what it can: a record that cannot be read is left out and counted, a
//! duplicate id keeps its first record, an attempt whose board is missing keeps its
//! scores and opens with an empty board.

use super::attempt::{Attempt, AttemptBody};
use super::cards::Card;
use super::journal::JournalEntry;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeSet;
use std::fmt;

/// The `format` field.
pub const FORMAT: &str = "breadthfirst-history";
/// The version this build writes and reads up to.
pub const VERSION: u64 = 1;
/// Largest file accepted, in bytes (500 attempts with their boards fit many times).
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// Everything the history holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// Attempts, each with its body if it has one.
    pub attempts: Vec<(Attempt, Option<AttemptBody>)>,
    /// Cards.
    pub cards: Vec<Card>,
    /// Journal entries.
    pub journal: Vec<JournalEntry>,
}

/// Why a history file could not be read. Nothing stored is touched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryFileError {
    /// Larger than [`MAX_BYTES`].
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// Not JSON.
    NotJson {
        /// The parser's message, with line and column.
        reason: String,
    },
    /// A board file, not a history file.
    BoardFile,
    /// JSON, but not a history file.
    NotHistory,
    /// No usable version.
    MissingVersion,
    /// Written by a newer Breadthfirst.
    VersionTooNew {
        /// The file's version.
        found: u64,
        /// The newest this build reads.
        supported: u64,
    },
}

impl fmt::Display for HistoryFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HistoryFileError::TooLarge { bytes } => {
                crate::core::persist::too_large(f, *bytes, MAX_BYTES)
            }
            HistoryFileError::NotJson { reason } => {
                write!(f, "the file is not valid JSON ({reason})")
            }
            HistoryFileError::BoardFile => f.write_str(
                "this is a board file, not a history file: open it with Import on the board",
            ),
            HistoryFileError::NotHistory => {
                f.write_str("the file is not a Breadthfirst history export")
            }
            HistoryFileError::MissingVersion => f.write_str("the file has no format version"),
            HistoryFileError::VersionTooNew { found, supported } => write!(
                f,
                "the history was exported by a newer Breadthfirst (format {found}; this app reads up to {supported})"
            ),
        }
    }
}

impl std::error::Error for HistoryFileError {}

/// What reading had to repair.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HistoryRepairs {
    /// Records left out because they could not be read, per list.
    pub unreadable: Vec<(&'static str, usize)>,
    /// Records left out because an earlier one had the same id.
    pub duplicates: usize,
    /// Attempts whose board and session could not be read (their scores are kept).
    pub bodiless: usize,
}

impl HistoryRepairs {
    /// Whether nothing was repaired.
    pub fn is_empty(&self) -> bool {
        self.unreadable.is_empty() && self.duplicates == 0 && self.bodiless == 0
    }
}

impl fmt::Display for HistoryRepairs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = self
            .unreadable
            .iter()
            .map(|(list, n)| {
                let records = if *n == 1 { "record" } else { "records" };
                format!("{n} unreadable {records} left out of the {list}")
            })
            .collect();
        match self.duplicates {
            0 => {}
            1 => parts.push("1 duplicate left out".into()),
            n => parts.push(format!("{n} duplicates left out")),
        }
        match self.bodiless {
            0 => {}
            1 => parts.push("1 attempt kept without its board".into()),
            n => parts.push(format!("{n} attempts kept without their board")),
        }
        f.write_str(&parts.join("; "))
    }
}

/// The file as written.
#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    exported: &'a str,
    attempts: Vec<AttemptOut<'a>>,
    cards: &'a [Card],
    journal: &'a [JournalEntry],
}

/// One attempt in the file: what the lists show, and its board and session.
#[derive(Serialize)]
struct AttemptOut<'a> {
    attempt: &'a Attempt,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a AttemptBody>,
}

/// The file as read: each record kept as text until it is read on its own, so one
/// damaged record is left out rather than failing the file.
#[derive(Deserialize)]
struct FileIn {
    #[serde(default)]
    attempts: Vec<Box<RawValue>>,
    #[serde(default)]
    cards: Vec<Box<RawValue>>,
    #[serde(default)]
    journal: Vec<Box<RawValue>>,
}

#[derive(Deserialize)]
struct AttemptIn {
    attempt: Attempt,
    #[serde(default)]
    body: Option<Box<RawValue>>,
}

/// The history as a file; `exported` is a date or time to record in it.
pub fn to_history_json(history: &History, exported: &str) -> String {
    let doc = FileOut {
        format: FORMAT,
        version: VERSION,
        exported,
        attempts: history
            .attempts
            .iter()
            .map(|(attempt, body)| AttemptOut {
                attempt,
                body: body.as_ref(),
            })
            .collect(),
        cards: &history.cards,
        journal: &history.journal,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// The version a file says it is, if it says one.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u64>,
}

/// Reads a history file, repairing what is safe to repair.
pub fn from_history_json(text: &str) -> Result<(History, HistoryRepairs), HistoryFileError> {
    if text.len() > MAX_BYTES {
        return Err(HistoryFileError::TooLarge { bytes: text.len() });
    }
    serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(|e| HistoryFileError::NotJson {
        reason: e.to_string(),
    })?;
    let header: Header = serde_json::from_str(text).map_err(|_| HistoryFileError::NotHistory)?;
    match header.format.as_deref() {
        Some(FORMAT) => {}
        Some(crate::core::persist::FORMAT) => return Err(HistoryFileError::BoardFile),
        _ => return Err(HistoryFileError::NotHistory),
    }
    let version = header
        .version
        .filter(|v| *v >= 1)
        .ok_or(HistoryFileError::MissingVersion)?;
    if version > VERSION {
        return Err(HistoryFileError::VersionTooNew {
            found: version,
            supported: VERSION,
        });
    }
    let file: FileIn = serde_json::from_str(text).map_err(|_| HistoryFileError::NotHistory)?;
    let mut repairs = HistoryRepairs::default();
    let records: Vec<AttemptIn> = list(&file.attempts, "attempts", &mut repairs);
    let records = unique(records, |r| r.attempt.id.clone(), &mut repairs);
    let mut attempts = Vec::new();
    for r in records {
        let body = r
            .body
            .and_then(|b| serde_json::from_str::<AttemptBody>(b.get()).ok())
            .filter(|b| b.id == r.attempt.id);
        if body.is_none() {
            repairs.bodiless += 1;
        }
        attempts.push((r.attempt, body));
    }
    let cards = unique(
        list(&file.cards, "cards", &mut repairs),
        |c: &Card| c.id.clone(),
        &mut repairs,
    );
    let journal = unique(
        list(&file.journal, "journal entries", &mut repairs),
        |e: &JournalEntry| e.id.clone(),
        &mut repairs,
    );
    Ok((
        History {
            attempts,
            cards,
            journal,
        },
        repairs,
    ))
}

/// The records of a list that read, counting those that do not.
fn list<T: DeserializeOwned>(
    items: &[Box<RawValue>],
    name: &'static str,
    repairs: &mut HistoryRepairs,
) -> Vec<T> {
    let mut out = Vec::new();
    let mut bad = 0;
    for item in items {
        match serde_json::from_str(item.get()) {
            Ok(record) => out.push(record),
            Err(_) => bad += 1,
        }
    }
    if bad > 0 {
        repairs.unreadable.push((name, bad));
    }
    out
}
/// The records with the first of each id.
fn unique<T>(records: Vec<T>, id: impl Fn(&T) -> String, repairs: &mut HistoryRepairs) -> Vec<T> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(records.len());
    for r in records {
        if seen.insert(id(&r)) {
            out.push(r);
        } else {
            repairs.duplicates += 1;
        }
    }
    out
}
