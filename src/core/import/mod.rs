//! Imports of what users already drew elsewhere: Excalidraw scenes and Mermaid
//! flowcharts, turned into a board and a report of what was converted and what was
//! left out.
//!
//! Invariants: an import either gives a board that satisfies every board invariant
//! (unique ids, arrows between two distinct existing components, no repeated arrow,
//! finite coordinates in range, sizes within [`Board::MIN_SIZE`] and
//! [`Board::MAX_SIZE`]) or a typed
//! [`ImportError`] that names what is wrong; nothing half-read is ever returned. The
//! code runs in the worker (`Request::Import`), so it is not in the app's first load.

mod cursor;
mod draft;
mod excalidraw;
mod flowchart;
mod label;
mod layout;
mod mermaid;
mod report;

pub use report::{ImportReport, LeftOut, Omission, SourceFormat};

use crate::core::check::Vocabulary;
use crate::core::diagram::{Board, ComponentKind};
use crate::core::persist::{MAX_BYTES, MAX_ELEMENTS};
use std::fmt;

/// The label and kind of a box named `text`, as the quick-add field makes it: the
/// kind from the technology catalogue ("redis cache" is a cache, "kafka" a message
/// queue) or a box; the label as typed, trimmed, with a capital first letter (ASCII
/// only: Unicode's case tables would weigh 7 KB in the worker for one letter).
pub fn name_component(text: &str, vocabulary: &Vocabulary) -> (String, ComponentKind) {
    let (mut label, kind) = draft::Draft::name(text.trim(), false, vocabulary);
    if let Some(first) = label.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    (label, kind)
}

/// A board read from another app's file, with what the conversion did.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The board, satisfying every board invariant.
    pub board: Board,
    /// What was converted and what was left out.
    pub report: ImportReport,
}

/// Why a file could not be imported. Nothing is changed by a refused import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_BYTES`].
    TooLarge {
        /// Size in bytes.
        bytes: usize,
    },
    /// Meant as JSON (an Excalidraw scene) but not parseable.
    NotJson {
        /// The parser's message, with line and column.
        reason: String,
    },
    /// JSON, but neither a Breadthfirst board nor an Excalidraw scene.
    NotExcalidraw {
        /// The document's `type`, if it has one.
        found: Option<String>,
    },
    /// An Excalidraw scene whose structure is wrong (e.g. `elements` not a list).
    Malformed {
        /// What is wrong.
        reason: String,
    },
    /// Text that is not a Mermaid flowchart, or a Markdown file with none.
    NotMermaid {
        /// What was expected instead.
        reason: String,
    },
    /// A Mermaid flowchart with a syntax error.
    Mermaid {
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters).
        column: usize,
        /// What is wrong there.
        reason: String,
    },
    /// Nothing in the file becomes a component.
    NoComponents {
        /// What the file held instead, as the report words it ("2 lines, 1 image").
        held: String,
    },
    /// More than [`MAX_ELEMENTS`] components and arrows.
    TooManyElements {
        /// How many the conversion gave.
        count: usize,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "the file is {} bytes; the limit is {} MB",
                bytes,
                MAX_BYTES / 1_048_576
            ),
            ImportError::NotJson { reason } => write!(f, "the file is not valid JSON ({reason})"),
            ImportError::NotExcalidraw { found: None } => f.write_str(
                "the file is JSON but not a Breadthfirst board or an Excalidraw scene (it has no \"type\")",
            ),
            ImportError::NotExcalidraw { found: Some(kind) } => write!(
                f,
                "the file is JSON but not a Breadthfirst board or an Excalidraw scene (its \"type\" is \"{}\")",
                kind.chars().take(40).collect::<String>()
            ),
            ImportError::Malformed { reason } => {
                write!(f, "the Excalidraw scene is damaged: {reason}")
            }
            ImportError::NotMermaid { reason } => {
                write!(f, "the text is not a Mermaid flowchart: {reason}")
            }
            ImportError::Mermaid {
                line,
                column,
                reason,
            } => write!(
                f,
                "the Mermaid flowchart has an error at line {line}, column {column}: {reason}"
            ),
            ImportError::NoComponents { held } if held.is_empty() => {
                f.write_str("it has nothing that becomes a component")
            }
            ImportError::NoComponents { held } => write!(
                f,
                "it has nothing that becomes a component (it holds {held})"
            ),
            ImportError::TooManyElements { count } => write!(
                f,
                "it gives {count} components and arrows; the limit is {MAX_ELEMENTS}"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads an Excalidraw scene or a Mermaid flowchart (or a Markdown file holding one),
/// guessing each component's kind from its name through the checker's `vocabulary`.
/// The format: a `.excalidraw` file or JSON text is a scene; a `.mmd`, `.mermaid` or
/// Markdown file, or text that starts like a flowchart, is Mermaid; anything else is
/// refused as not JSON (the app sends here what it could not read as its own file).
pub fn import(name: &str, text: &str, vocabulary: &Vocabulary) -> Result<Imported, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let lower = name.to_ascii_lowercase();
    let has = |exts: &[&str]| exts.iter().any(|ext| lower.ends_with(ext));
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let markdown = has(&[".md", ".markdown"]);
    let (format, draft) =
        if has(&[".mmd", ".mermaid"]) || markdown || mermaid::looks_like_mermaid(body) {
            (
                SourceFormat::Mermaid,
                mermaid::read(body, markdown, vocabulary)?,
            )
        } else {
            (
                SourceFormat::Excalidraw,
                excalidraw::read(body, vocabulary)?,
            )
        };
    draft.finish(name, format)
}

/// A size clamped to what the board takes ([`Board::MIN_SIZE`] to
/// [`Board::MAX_SIZE`]); a side that is not a number is the default one.
fn clamp_size(w: f64, h: f64) -> (f64, f64) {
    let side = |v: f64, default: f64, min: f64, max: f64| {
        if v.is_finite() {
            v.clamp(min, max)
        } else {
            default
        }
    };
    let ((min_w, min_h), (max_w, max_h)) = (Board::MIN_SIZE, Board::MAX_SIZE);
    let (default_w, default_h) = Board::COMPONENT_SIZE;
    (
        side(w, default_w, min_w, max_w),
        side(h, default_h, min_h, max_h),
    )
}
