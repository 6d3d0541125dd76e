//! The typed protocol between the app and its worker. The worker runs the check, the
//! exports, the Boards planner and the reading of imported files, so their code is not
//! in the app's first load and never competes with a drag frame.
//!
//! One request enum and one reply enum, one variant per job: [`Request`] and
//! [`Reply`] for the app's jobs, [`replay::ReplayJob`] and [`replay::ReplayReply`] for
//! the history module's replay jobs (so the app reads no code of theirs). A request
//! goes in an [`Envelope`] with an id; the worker answers with a
//! [`WorkerMessage::Reply`] carrying the same id (and says [`WorkerMessage::Ready`]
//! once it listens). Both directions are JSON through [`encode`] and [`decode`].
//! [`handle`] and [`replay::handle_replay`] are the whole of the worker's logic,
//! testable natively.

pub mod replay;

pub use replay::{
    handle_replay, handle_replay_with, Appearance, ReplayFrame, ReplayJob, ReplayReply,
};

use crate::core::check::{check_with, Report, Vocabulary};
use crate::core::diagram::{ComponentId, ComponentKind};
use crate::core::editor::Viewport;
use crate::core::estimate::{assess, Assessment};
use crate::core::export::document::{practice_of, to_document, Practice, Record};
use crate::core::export::excalidraw::to_excalidraw;
use crate::core::export::markdown::debrief;
use crate::core::export::mermaid::to_mermaid;
use crate::core::export::replay::ReplayFormat;
use crate::core::export::svg::to_svg;
use crate::core::import::{import, name_component};
use crate::core::persist::shelf::{plan, Plan, ShelfRequest};
use crate::core::persist::{self, Restored};
use crate::core::prompt::{Prompt, Summary};
use crate::core::session::Session;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

impl Request {
    /// The prompt this request needs whole (a check; an export that names one).
    pub fn prompt(&self) -> Option<&str> {
        match self {
            Request::Check(job) => Some(&job.prompt),
            Request::Export(job) if !job.prompt.is_empty() => Some(&job.prompt),
            _ => None,
        }
    }

    /// Whether it needs the library's index (the titles of every prompt).
    pub fn needs_index(&self) -> bool {
        matches!(self, Request::PlanBoards(_))
    }
}

/// A job for the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Hold a board against a prompt's checklist.
    Check(CheckJob),
    /// Write a board in another format.
    Export(ExportJob),
    /// Plan a Boards dialog action over a snapshot of storage.
    PlanBoards(ShelfRequest),
    /// Read back the practice an imported file records.
    ReadPractice {
        /// The file's text.
        file: String,
    },
    /// Read another app's file (an Excalidraw scene, a Mermaid flowchart) as a board.
    Import {
        /// The file's name (its extension tells the format; the report names it).
        name: String,
        /// The file's text.
        text: String,
    },
    /// Name a new box from what the user typed in the quick-add field ("redis cache",
    /// "kafka"): its label and the kind the technology catalogue says it is.
    Name {
        /// What was typed.
        text: String,
    },
    /// Evaluate a worksheet entry ("100e6 links / month") and, given the prompt's
    /// reference expression, compare it with that.
    Estimate {
        /// What was typed.
        text: String,
        /// The reference expression, in Review.
        reference: Option<String>,
    },
}

/// "Check this board against this prompt."
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckJob {
    /// Prompt id.
    pub prompt: String,
    /// The board in the app's saved format (`persist::to_json`).
    pub board: String,
    /// In a timed session's Review, the session: its focus picks are checked for
    /// depth.
    pub session: Option<Session>,
}

/// "Write this board as a file."
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportJob {
    /// The format.
    pub format: ExportFormat,
    /// The prompt practised (empty for none): names the file, and the JSON file and
    /// the debrief carry its checklist.
    pub prompt: String,
    /// The board in the app's saved format (`persist::to_json`).
    pub board: String,
    /// Item keys claimed as covered out loud.
    pub claims: Vec<String>,
    /// The timed session, if any.
    pub session: Option<Session>,
    /// Today, `yyyy-mm-dd`, for the file name and the debrief.
    pub date: String,
    /// A picture without a background.
    pub transparent: bool,
    /// The session's timeline as JSON (which the history keeps): the JSON file
    /// carries it.
    #[serde(default)]
    pub timeline: Option<String>,
}

/// The formats a board exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportFormat {
    /// A standalone SVG picture.
    Svg,
    /// The SVG, which the app rasterises to PNG.
    Png,
    /// The app's own file: board, prompt, session, claims, check.
    Json,
    /// A Mermaid flowchart.
    Mermaid,
    /// An Excalidraw scene.
    Excalidraw,
    /// The Markdown debrief.
    Markdown,
    /// A session's replay as an animated SVG (`Request::ExportReplay` only; not in
    /// [`ExportFormat::ALL`], the board's formats).
    ReplaySvg,
    /// A session's replay as an HTML page (`Request::ExportReplay` only).
    ReplayHtml,
}

impl From<ReplayFormat> for ExportFormat {
    fn from(format: ReplayFormat) -> ExportFormat {
        match format {
            ReplayFormat::AnimatedSvg => ExportFormat::ReplaySvg,
            ReplayFormat::Html => ExportFormat::ReplayHtml,
        }
    }
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Svg,
        ExportFormat::Png,
        ExportFormat::Json,
        ExportFormat::Mermaid,
        ExportFormat::Excalidraw,
        ExportFormat::Markdown,
    ];

    /// Stable id (`data-export` in the menu).
    pub fn id(self) -> &'static str {
        match self {
            ExportFormat::Svg => "svg",
            ExportFormat::Png => "png",
            ExportFormat::Json => "json",
            ExportFormat::Mermaid => "mermaid",
            ExportFormat::Excalidraw => "excalidraw",
            ExportFormat::Markdown => "markdown",
            ExportFormat::ReplaySvg => "replay-svg",
            ExportFormat::ReplayHtml => "replay-html",
        }
    }

    /// The name shown in menus ("SVG").
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Svg => "SVG",
            ExportFormat::Png => "PNG",
            ExportFormat::Json => "JSON",
            ExportFormat::Mermaid => "Mermaid",
            ExportFormat::Excalidraw => "Excalidraw",
            ExportFormat::Markdown => "Markdown",
            ExportFormat::ReplaySvg => ReplayFormat::AnimatedSvg.name(),
            ExportFormat::ReplayHtml => ReplayFormat::Html.name(),
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Svg => "svg",
            ExportFormat::Png => "png",
            ExportFormat::Json => "json",
            ExportFormat::Mermaid => "mmd",
            ExportFormat::Excalidraw => "excalidraw",
            ExportFormat::Markdown => "md",
            ExportFormat::ReplaySvg => ReplayFormat::AnimatedSvg.extension(),
            ExportFormat::ReplayHtml => ReplayFormat::Html.extension(),
        }
    }

    /// The MIME type of the file the user gets.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Svg => "image/svg+xml",
            ExportFormat::Png => "image/png",
            ExportFormat::Json | ExportFormat::Excalidraw => "application/json",
            ExportFormat::Mermaid => "text/plain",
            ExportFormat::Markdown => "text/markdown",
            ExportFormat::ReplaySvg => ReplayFormat::AnimatedSvg.mime(),
            ExportFormat::ReplayHtml => ReplayFormat::Html.mime(),
        }
    }

    /// Whether it can be copied as text (Mermaid, Markdown).
    pub fn copyable(self) -> bool {
        matches!(self, ExportFormat::Mermaid | ExportFormat::Markdown)
    }
}

/// The worker's answer to one request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The check's report.
    Checked(Report),
    /// A written file.
    Exported(ExportFile),
    /// A Boards plan.
    Planned(Plan),
    /// The practice an imported file records.
    Practice(Box<Practice>),
    /// Another app's file read as a board.
    Imported {
        /// The board in the app's saved format (`persist::to_json`), which the app
        /// reads back as it reads its own files.
        board: String,
        /// What was converted and left out, as the sentence the app shows: written
        /// here so that the report's wording is not in the app's first load.
        report: String,
    },
    /// A quick-added box's label and kind.
    Named {
        /// The label, first letter capitalised.
        label: String,
        /// Its kind (a generic box when nothing says what it is).
        kind: ComponentKind,
    },
    /// A worksheet entry evaluated (and compared).
    Estimated(Assessment),
    /// Why the job could not be done, for the user ("the board could not be read:
    /// ...").
    Failed(String),
}

/// A file to hand to the user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportFile {
    /// The format it was written in.
    pub format: ExportFormat,
    /// `<prompt>-<yyyy-mm-dd>.<ext>` (a replay: `<prompt>-replay-<yyyy-mm-dd>.<ext>`).
    pub name: String,
    /// The content (for PNG, the SVG to rasterise).
    pub content: String,
}

/// A request with its id, to the worker: a [`Request`], or a [`ReplayJob`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<R = Request> {
    /// Chosen by the sender; the reply carries it back.
    pub id: u64,
    /// The job.
    pub request: R,
}

/// What the worker says: a [`Reply`] to a [`Request`], a [`ReplayReply`] to a
/// [`ReplayJob`].
// A message lives for one send and is never stored: boxing the reply buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WorkerMessage<P = Reply> {
    /// It listens now: requests sent before this would be lost.
    Ready,
    /// The answer to the request with this id.
    Reply {
        /// The request's id.
        id: u64,
        /// The answer.
        reply: P,
    },
    /// A request it could not read (so it cannot say whose): why.
    Unreadable(String),
}

/// A worker's answer that may be a refusal.
pub trait Answer {
    /// Why the job could not be done, when it could not.
    fn failure(self) -> Option<String>;
}

impl Answer for Reply {
    fn failure(self) -> Option<String> {
        match self {
            Reply::Failed(why) => Some(why),
            _ => None,
        }
    }
}

/// A message that could not be read or written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolError(pub String);

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a worker message could not be read ({})", self.0)
    }
}

impl std::error::Error for ProtocolError {}

/// A message as the text that crosses the seam.
pub fn encode<T: Serialize>(message: &T) -> Result<String, ProtocolError> {
    serde_json::to_string(message).map_err(|e| ProtocolError(e.to_string()))
}

/// A message read back from [`encode`]'s text.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, ProtocolError> {
    serde_json::from_str(text).map_err(|e| ProtocolError(e.to_string()))
}

/// Does one job with `prompts` as the whole library (the index made from them).
/// Reads the checker's vocabulary for this job alone: a worker reads it once and
/// calls [`handle_with`].
pub fn handle(request: Request, prompts: &[Prompt]) -> Reply {
    let index: Vec<Summary> = prompts.iter().map(Summary::of).collect();
    handle_with(request, prompts, &index, &Vocabulary::bundled())
}

/// [`handle`] with the checker's vocabulary already read.
pub fn handle_with(
    request: Request,
    prompts: &[Prompt],
    index: &[Summary],
    vocabulary: &Vocabulary,
) -> Reply {
    match request {
        Request::Check(job) => check_board(&job, prompts, vocabulary),
        Request::Export(job) => export(&job, prompts, vocabulary),
        Request::PlanBoards(shelf) => {
            let titles: Vec<(&str, &str)> = index
                .iter()
                .map(|p| (p.id.as_str(), p.title.as_str()))
                .collect();
            Reply::Planned(plan(&shelf, &titles))
        }
        Request::ReadPractice { file } => Reply::Practice(Box::new(practice_of(&file))),
        Request::Import { name, text } => match import(&name, &text, vocabulary) {
            Ok(imported) => Reply::Imported {
                board: persist::to_json(&imported.board, &Viewport::default()),
                report: imported.report.to_string(),
            },
            Err(e) => Reply::Failed(e.to_string()),
        },
        Request::Name { text } => {
            let (label, kind) = name_component(&text, vocabulary);
            Reply::Named { label, kind }
        }
        Request::Estimate { text, reference } => {
            Reply::Estimated(assess(&text, reference.as_deref()))
        }
    }
}

fn check_board(job: &CheckJob, prompts: &[Prompt], vocabulary: &Vocabulary) -> Reply {
    let Some(prompt) = prompts.iter().find(|p| p.id == job.prompt) else {
        // The worker fetches the prompt a check names; it is missing when that failed.
        return Reply::Failed(format!(
            "the prompt \"{}\" could not be loaded; check again to retry",
            job.prompt
        ));
    };
    let restored = match persist::from_json(&job.board) {
        Ok(restored) => restored,
        Err(e) => return Reply::Failed(format!("the board could not be read: {e}")),
    };
    let focus = focus(job.session.as_ref());
    Reply::Checked(check_with(&restored.board, prompt, focus, vocabulary))
}

/// The focus picks of a session (none in free practice).
fn focus(session: Option<&Session>) -> &[ComponentId] {
    session.map_or(&[], |s| s.focus())
}

/// Writes an export. It never fails for want of the prompt: it is then the board
/// alone. Only the JSON file and the debrief check the board.
fn export(job: &ExportJob, prompts: &[Prompt], vocabulary: &Vocabulary) -> Reply {
    let restored: Restored = match persist::from_json(&job.board) {
        Ok(restored) => restored,
        Err(e) => return Reply::Failed(format!("the board could not be read: {e}")),
    };
    let board = &restored.board;
    let prompt = prompts.iter().find(|p| p.id == job.prompt);
    let claims: BTreeSet<String> = job.claims.iter().cloned().collect();
    let background = (!job.transparent).then_some("#ffffff");
    let report = || prompt.map(|p| check_with(board, p, focus(job.session.as_ref()), vocabulary));
    let record = |report| Record {
        prompt,
        session: job.session.as_ref(),
        timeline: job.timeline.as_deref(),
        report,
        claims: &claims,
        date: &job.date,
    };
    let content = match job.format {
        ExportFormat::ReplaySvg | ExportFormat::ReplayHtml => {
            return Reply::Failed(
                "a replay is made from a timed session, not from the board alone".into(),
            )
        }
        ExportFormat::Svg | ExportFormat::Png => to_svg(board, background),
        ExportFormat::Json => to_document(board, &restored.viewport, &record(report().as_ref())),
        ExportFormat::Mermaid => to_mermaid(board),
        ExportFormat::Excalidraw => to_excalidraw(board),
        ExportFormat::Markdown => debrief(board, &record(report().as_ref())),
    };
    let stem = if job.prompt.is_empty() {
        "board"
    } else {
        job.prompt.as_str()
    };
    Reply::Exported(ExportFile {
        format: job.format,
        name: file_name(stem, &job.date, job.format.extension()),
        content,
    })
}

/// `<stem>-<date>.<ext>`, with anything but letters, digits, `-` and `_` in the stem
/// replaced, so it is a safe file name everywhere.
pub fn file_name(stem: &str, date: &str, ext: &str) -> String {
    format!("{}.{ext}", base_name(stem, date))
}

/// `<stem>-<date>` (`<stem>` when there is no date), made safe as [`file_name`]
/// makes it: a file name without its extension, or a folder's.
pub fn base_name(stem: &str, date: &str) -> String {
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
        clean(stem)
    } else {
        format!("{}-{}", clean(stem), clean(date))
    }
}
