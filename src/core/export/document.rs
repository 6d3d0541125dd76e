//! The app's own file: the saved-board envelope of `persist` (so importing it is
//! loading a save), plus what was practised: the prompt, the session with its notes
//! and timings, the claims, and the checklist results. Importing reads the board and
//! viewport; the rest is a record for the user and for later versions.

use crate::core::check::{Report, Status};
use crate::core::diagram::Board;
use crate::core::editor::Viewport;
use crate::core::persist;
use crate::core::prompt::Prompt;
use crate::core::session::{Phase, Session};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

/// What was practised on a board: what the JSON file records beside the board, and
/// what the Markdown debrief is written from.
#[derive(Clone, Copy, Debug)]
pub struct Record<'a> {
    /// The prompt practised, if any.
    pub prompt: Option<&'a Prompt>,
    /// The timed session, if any.
    pub session: Option<&'a Session>,
    /// The session's timeline, as JSON, if the history had one.
    pub timeline: Option<&'a str>,
    /// The checklist report, if a prompt was chosen.
    pub report: Option<&'a Report>,
    /// Item keys claimed as covered out loud.
    pub claims: &'a BTreeSet<String>,
    /// The day of the export, `yyyy-mm-dd`.
    pub date: &'a str,
}

/// The board, viewport and record as pretty-printed JSON.
pub fn to_document(board: &Board, viewport: &Viewport, record: &Record) -> String {
    let saved = persist::to_json(board, viewport);
    let mut doc: Map<String, Value> = serde_json::from_str(&saved).unwrap_or_default();
    doc.insert("exported".into(), json!(record.date));
    doc.insert("prompt".into(), json!(record.prompt.map(|p| &p.id)));
    if let Some(session) = record.session {
        doc.insert(
            "session".into(),
            serde_json::to_value(session).unwrap_or(Value::Null),
        );
    }
    if let Some(timeline) = record
        .timeline
        .and_then(|t| serde_json::from_str::<Value>(t).ok())
    {
        doc.insert("timeline".into(), timeline);
    }
    doc.insert("claims".into(), json!(record.claims));
    if let Some(report) = record.report {
        let coverage = report.coverage(None, record.claims);
        let items: Vec<Value> = report
            .items
            .iter()
            .map(|i| {
                json!({
                    "key": i.key,
                    "category": i.category.id(),
                    "title": i.title,
                    "status": Report::status(i, record.claims).id(),
                    "advice": i.advice,
                    "components": i.components,
                    "detail": i.detail,
                })
            })
            .collect();
        doc.insert(
            "check".into(),
            json!({
                "found_percent": coverage.found_percent(),
                "claimed_percent": coverage.claimed_percent(),
                "missed": report.items.iter().filter(|i| !i.advice && Report::status(i, record.claims) == Status::Missed).count(),
                "items": items,
            }),
        );
    }
    serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or(saved)
}

/// What an exported file says of the practice behind it, for an import to bring back.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Practice {
    /// The prompt id (empty when the file names none).
    pub prompt: String,
    /// The timed session, when it is a finished one (in Review) for that prompt.
    pub session: Option<Session>,
    /// The item keys claimed as covered out loud.
    pub claims: Vec<String>,
}

/// Reads the practice an exported file records; fields are empty where the file has
/// nothing (or is not JSON).
pub fn practice_of(text: &str) -> Practice {
    let doc: Value = serde_json::from_str(text).unwrap_or_default();
    let prompt = doc["prompt"].as_str().unwrap_or_default().to_string();
    let session = serde_json::from_value::<Session>(doc["session"].clone())
        .ok()
        .filter(|s| s.prompt_id == prompt && s.phase() == Phase::Review);
    let claims = doc["claims"]
        .as_array()
        .map(|keys| {
            keys.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    Practice {
        prompt,
        session,
        claims,
    }
}
