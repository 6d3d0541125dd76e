//! Messages between the app and the checklist worker, as JSON text. The check runs in
//! a web worker so its code is not part of the app's first load and never competes
//! with a drag frame; [`answer`] is the whole of the worker's logic, testable natively.

use super::{check, Report};
use crate::core::diagram::ComponentId;
use crate::core::persist;
use crate::core::prompt::Prompt;
use serde::{Deserialize, Serialize};

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
}

/// The report, or why there is none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckResponse {
    /// The request's sequence number (0 when the request could not be read).
    pub seq: u64,
    /// The report.
    pub report: Option<Report>,
    /// Why there is no report.
    pub error: Option<String>,
}

/// The worker's answer to one request, both as JSON text.
pub fn answer(request: &str, prompts: &[Prompt]) -> String {
    let response = match serde_json::from_str::<CheckRequest>(request) {
        Err(e) => failure(0, format!("the request could not be read ({e})")),
        Ok(req) => match (
            prompts.iter().find(|p| p.id == req.prompt),
            persist::from_json(&req.board),
        ) {
            (None, _) => failure(
                req.seq,
                format!("no prompt \"{}\" in the library", req.prompt),
            ),
            (_, Err(e)) => failure(req.seq, format!("the board could not be read: {e}")),
            (Some(p), Ok(restored)) => CheckResponse {
                seq: req.seq,
                report: Some(check(&restored.board, p, &req.focus)),
                error: None,
            },
        },
    };
    serde_json::to_string(&response).unwrap_or_else(|e| {
        format!("{{\"seq\":0,\"report\":null,\"error\":\"the report could not be written ({e})\"}}")
    })
}

fn failure(seq: u64, error: String) -> CheckResponse {
    CheckResponse {
        seq,
        report: None,
        error: Some(error),
    }
}
