//! Messages between the app and the checklist worker. The check runs in a web worker
//! so its code is not part of the app's first load and never competes with a drag
//! frame. The worker also writes the report's HTML (`html::report_html`), so the app
//! only shows text: a request is JSON, an answer is `<seq>\n<html>` or
//! `<seq>\n!<why>`. [`answer`] is the whole of the worker's logic, testable natively.

use super::check;
use super::html::{breadth_html, report_html, timing_html};
use crate::core::diagram::ComponentId;
use crate::core::export::document::{practice_of, to_document, Record};
use crate::core::export::excalidraw::to_excalidraw;
use crate::core::export::markdown::debrief;
use crate::core::export::mermaid::to_mermaid;
use crate::core::export::svg::to_svg;
use crate::core::persist::shelf::{decode_request, encode_plan, plan};
use crate::core::persist::{self, Restored};
use crate::core::prompt::Prompt;
use crate::core::session::Session;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// "Check this board against this prompt."
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
    /// Empty to check; else an export format id (see [`export_answer`]).
    #[serde(default)]
    pub export: String,
    /// Today, `yyyy-mm-dd`, for export file names and the debrief.
    #[serde(default)]
    pub date: String,
    /// A picture export without a background.
    #[serde(default)]
    pub transparent: bool,
    /// A Boards dialog action to plan instead, as `persist::shelf::encode_request`
    /// text (empty for none).
    #[serde(default)]
    pub shelf: String,
    /// An imported file's text, to read back the practice it records instead (see
    /// `export::document::practice_of`); empty for none.
    #[serde(default)]
    pub import: String,
}

/// The worker's answer to one request: `<seq>\n<html>`, `<seq>\n@<export>` (see
/// [`read_export`]), or `<seq>\n!<why>`.
pub fn answer(request: &str, prompts: &[Prompt]) -> String {
    let req = match serde_json::from_str::<CheckRequest>(request) {
        Ok(req) => req,
        Err(e) => return format!("0\n!the request could not be read ({e})"),
    };
    if !req.import.is_empty() {
        return format!("{}\n{}", req.seq, practice_of(&req.import));
    }
    if !req.shelf.is_empty() {
        return match decode_request(&req.shelf) {
            Some(shelf) => {
                let titles: Vec<(&str, &str)> = prompts
                    .iter()
                    .map(|p| (p.id.as_str(), p.title.as_str()))
                    .collect();
                format!("{}\n{}", req.seq, encode_plan(&plan(&shelf, &titles)))
            }
            None => format!("{}\n!the Boards request was damaged", req.seq),
        };
    }
    let prompt = prompts.iter().find(|p| p.id == req.prompt);
    // An export never fails for want of the prompt: it is then the board alone.
    if prompt.is_none() && req.export.is_empty() {
        if prompts.is_empty() {
            return format!(
                "{}\n!the prompt library could not be loaded; check again to retry",
                req.seq
            );
        }
        return format!("{}\n!no prompt \"{}\" in the library", req.seq, req.prompt);
    }
    let restored = match persist::from_json(&req.board) {
        Ok(restored) => restored,
        Err(e) => return format!("{}\n!the board could not be read: {e}", req.seq),
    };
    let board = &restored.board;
    let claims: BTreeSet<String> = req.claims.iter().cloned().collect();
    if !req.export.is_empty() {
        return match export_answer(&req, &restored, prompt, &claims) {
            Some(body) => format!("{}\n@{body}", req.seq),
            None => format!("{}\n!no export format \"{}\"", req.seq, req.export),
        };
    }
    let report = prompt.map(|p| check(board, p, focus(&req)));
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
        html.push_str(&breadth_html(&snapshot, board));
    }
    if let Some(report) = &report {
        html.push_str(&report_html(report, &claims));
    }
    format!("{}\n{html}", req.seq)
}

/// The focus picks of the request's session (none in free practice).
fn focus(req: &CheckRequest) -> &[ComponentId] {
    req.session.as_ref().map_or(&[], |s| s.focus())
}

/// An export as `<file name>\n<mime type>\n<content>`, or `None` for an unknown
/// format. Format ids: `svg`, `png` (the SVG the app rasterises), `json`, `mermaid`,
/// `excalidraw`, `markdown`. Only the JSON file and the debrief check the board.
pub fn export_answer(
    req: &CheckRequest,
    restored: &Restored,
    prompt: Option<&Prompt>,
    claims: &BTreeSet<String>,
) -> Option<String> {
    let board = &restored.board;
    let background = (!req.transparent).then_some("#ffffff");
    let report = || prompt.map(|p| check(board, p, focus(req)));
    let record = |report| Record {
        prompt,
        session: req.session.as_ref(),
        report,
        claims,
        date: &req.date,
    };
    let (ext, mime, content) = match req.export.as_str() {
        "svg" => ("svg", "image/svg+xml", to_svg(board, background)),
        "png" => ("png", "image/png", to_svg(board, background)),
        "json" => (
            "json",
            "application/json",
            to_document(board, &restored.viewport, &record(report().as_ref())),
        ),
        "mermaid" => ("mmd", "text/plain", to_mermaid(board)),
        "excalidraw" => ("excalidraw", "application/json", to_excalidraw(board)),
        "markdown" => (
            "md",
            "text/markdown",
            debrief(board, &record(report().as_ref())),
        ),
        _ => return None,
    };
    let stem = if req.prompt.is_empty() {
        "board"
    } else {
        req.prompt.as_str()
    };
    Some(format!(
        "{}\n{mime}\n{content}",
        file_name(stem, req.date.as_str(), ext)
    ))
}

/// `<stem>-<date>.<ext>`, with anything but letters, digits, `-` and `_` in the stem
/// replaced, so it is a safe file name everywhere.
pub fn file_name(stem: &str, date: &str, ext: &str) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect()
    };
    if date.is_empty() {
        format!("{}.{ext}", clean(stem))
    } else {
        format!("{}-{}.{ext}", clean(stem), clean(date))
    }
}

/// An export answer's body read back: file name, MIME type and content; `None` if
/// the body is a review instead.
pub fn read_export(body: &str) -> Option<(&str, &str, &str)> {
    let mut parts = body.strip_prefix('@')?.splitn(3, '\n');
    Some((parts.next()?, parts.next()?, parts.next().unwrap_or("")))
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
