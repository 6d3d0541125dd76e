//! Messages between the app and the checklist worker. The check runs in a web worker
//! so its code is not part of the app's first load and never competes with a drag
//! frame. The worker also writes the report's HTML (`html::report_html`), so the app
//! only shows text: a request is JSON, an answer is `<seq>\n<html>` or
//! `<seq>\n!<why>`. [`answer`] is the whole of the worker's logic, testable natively.

use super::{check, html::breadth_html, html::report_html};
use crate::core::diagram::ComponentId;
use crate::core::persist;
use crate::core::prompt::Prompt;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// "Check this board against this prompt."
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckRequest {
    /// Sequence number; the answer carries it back so stale answers can be dropped.
    pub seq: u64,
    /// Prompt id.
    pub prompt: String,
    /// Components picked for depth (empty in free practice).
    pub focus: Vec<ComponentId>,
    /// The board in the app's saved format (`persist::to_json`).
    pub board: String,
    /// Item keys claimed as covered out loud (see [`claims_from_text`]).
    pub claims: Vec<String>,
    /// In a session's Review: the components on the board when Breadth ended.
    #[serde(default)]
    pub breadth_map: Option<Vec<ComponentId>>,
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
    match persist::from_json(&req.board) {
        Err(e) => format!("{}\n!the board could not be read: {e}", req.seq),
        Ok(restored) => {
            let board = &restored.board;
            let report = check(board, prompt, &req.focus);
            let claims: BTreeSet<String> = req.claims.into_iter().collect();
            let mut html = String::new();
            if let Some(map) = &req.breadth_map {
                html.push_str(&breadth_html(board, map));
            }
            html.push_str(&report_html(&report, &claims));
            format!("{}\n{html}", req.seq)
        }
    }
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
