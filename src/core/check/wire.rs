//! Messages between the app and the checklist worker. The check runs in a web worker
//! so its code is not part of the app's first load and never competes with a drag
//! frame. The worker also writes the report's HTML (`html::report_html`), so the app
//! only shows text: a request is JSON, an answer is `<seq>\n<html>` or
//! `<seq>\n!<why>`. [`answer`] is the whole of the worker's logic, testable natively.

use super::check;
use super::html::{breadth_html, report_html, timing_html};
use crate::core::persist;
use crate::core::prompt::Prompt;
use crate::core::session::Session;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// "Check this board against this prompt."
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckRequest {
    /// Sequence number; the answer carries it back so stale answers can be dropped.
    pub seq: u64,
    /// Prompt id.
    pub prompt: String,
    /// The board in the app's saved format (`persist::to_json`).
    pub board: String,
    /// Item keys claimed as covered out loud (see [`claims_from_text`]).
    pub claims: Vec<String>,
    /// In a timed session's Review, the session: its focus picks are checked for
    /// depth, and the answer adds its timings and the breadth map beside the board.
    #[serde(default)]
    pub session: Option<Session>,
}

/// The worker's answer to one request: `<seq>\n<html>`, or `<seq>\n!<why>`.
pub fn answer(request: &str, prompts: &[Prompt]) -> String {
    let req = match serde_json::from_str::<CheckRequest>(request) {
        Ok(req) => req,
        Err(e) => return format!("0\n!the request could not be read ({e})"),
    };
    let Some(prompt) = prompts.iter().find(|p| p.id == req.prompt) else {
        return format!("{}\n!no prompt \"{}\" in the library", req.seq, req.prompt);
    };
    let board = match persist::from_json(&req.board) {
        Ok(restored) => restored.board,
        Err(e) => return format!("{}\n!the board could not be read: {e}", req.seq),
    };
    let focus = req.session.as_ref().map_or(&[][..], |s| s.focus());
    let report = check(&board, prompt, focus);
    let claims: BTreeSet<String> = req.claims.into_iter().collect();
    let mut html = String::new();
    if let Some(session) = &req.session {
        html.push_str(&timing_html(session));
        // The snapshot when there is one; else (sessions saved before snapshots
        // were kept) the map's components as they are now.
        let map = session.breadth_map();
        let snapshot = session
            .breadth_board()
            .and_then(|text| persist::from_json(text).ok())
            .map(|r| r.board)
            .unwrap_or_else(|| board.subset(|id| map.contains(&id)));
        html.push_str(&breadth_html(&snapshot, &board));
    }
    html.push_str(&report_html(&report, &claims));
    format!("{}\n{html}", req.seq)
}

/// Reads an answer: its sequence number and the HTML, or why there is none.
pub fn read_answer(text: &str) -> (u64, Result<&str, &str>) {
    let (seq, body) = text.split_once('\n').unwrap_or(("0", "!an empty answer"));
    let seq = seq.parse().unwrap_or(0);
    match body.strip_prefix('!') {
        Some(why) => (seq, Err(why)),
        None => (seq, Ok(body)),
    }
}

/// Claims as stored: one item key per line.
pub fn claims_from_text(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// Claims with `key` added, or removed if it was there, as stored text.
pub fn toggle_claim(text: &str, key: &str) -> String {
    let mut claims = claims_from_text(text);
    match claims.iter().position(|k| k == key) {
        Some(i) => {
            claims.remove(i);
        }
        None => claims.push(key.to_string()),
    }
    claims.join("\n")
}
