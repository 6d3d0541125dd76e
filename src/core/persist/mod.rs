//! Saved boards: a versioned JSON envelope, typed load errors, migrations, repair.
//!
//! Format: `{"format": "breadthfirst", "version": N, "board": {...}, "viewport": {...}}`.
//! Loading parses to a JSON value, refuses a foreign format or a newer version with a
//! typed error, migrates one version at a time, then restores field by field with
//! defaults, repairing what is safe to repair and reporting each repair. Every format
//! change bumps [`VERSION`], adds a step to `MIGRATIONS` and a fixture under tests/.

mod restore;
pub mod shelf;

pub use restore::Repair;

use crate::core::diagram::{
    fit_size, normalize_label, Arrow, Board, Component, ComponentKind, Size,
};
use crate::core::editor::Viewport;
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// The `format` tag of every Breadthfirst file.
pub const FORMAT: &str = "breadthfirst";
/// The version this build writes and the newest it reads.
pub const VERSION: u64 = 2;
/// Largest file accepted, in bytes.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Most components plus arrows accepted: twice the largest board the canvas is
/// budgeted for (4,000 components and 6,000 arrows stay smooth to drag).
pub const MAX_ELEMENTS: usize = 20_000;

/// A board restored from saved data, with what had to be repaired.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    /// The board, satisfying every board invariant.
    pub board: Board,
    /// The saved viewport (default if absent or damaged).
    pub viewport: Viewport,
    /// Repairs made, empty for a clean file.
    pub repairs: Vec<Repair>,
}

/// Why saved data could not be loaded. The data itself is never touched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadBoardError {
    /// Larger than [`MAX_BYTES`].
    TooLarge {
        /// Size in bytes.
        bytes: usize,
    },
    /// Not parseable as JSON.
    NotJson {
        /// The parser's message, with line and column.
        reason: String,
    },
    /// JSON, but not a Breadthfirst file.
    NotBreadthfirst,
    /// No usable `version` field.
    MissingVersion,
    /// Written by a newer Breadthfirst.
    VersionTooNew {
        /// Version in the file.
        found: u64,
        /// Newest version this build reads.
        supported: u64,
    },
    /// A migration step failed.
    MigrationFailed {
        /// Version the failing step started from.
        from: u64,
        /// What went wrong.
        reason: String,
    },
    /// The structure is wrong beyond repair (e.g. no board).
    Malformed {
        /// What is wrong.
        reason: String,
    },
    /// More than [`MAX_ELEMENTS`] components and arrows.
    TooManyElements {
        /// How many the file has.
        count: usize,
    },
}

/// "the file is 6.2 MB; the limit is 5 MB", for a file of `bytes` over `limit`.
pub(crate) fn too_large(f: &mut fmt::Formatter<'_>, bytes: usize, limit: usize) -> fmt::Result {
    write!(
        f,
        "the file is {} MB; the limit is {} MB",
        crate::core::decimal::Decimal::places(bytes as f64 / 1_048_576.0, 1),
        limit / 1_048_576
    )
}

impl fmt::Display for LoadBoardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadBoardError::TooLarge { bytes } => too_large(f, *bytes, MAX_BYTES),
            LoadBoardError::NotJson { reason } => write!(f, "the data is not valid JSON ({reason})"),
            LoadBoardError::NotBreadthfirst => f.write_str("the data is not a Breadthfirst board"),
            LoadBoardError::MissingVersion => f.write_str("the data has no format version"),
            LoadBoardError::VersionTooNew { found, supported } => write!(
                f,
                "the board was saved by a newer Breadthfirst (format {found}; this app reads up to {supported})"
            ),
            LoadBoardError::MigrationFailed { from, reason } => {
                write!(f, "upgrading the board from format {from} failed: {reason}")
            }
            LoadBoardError::Malformed { reason } => write!(f, "the board is damaged: {reason}"),
            LoadBoardError::TooManyElements { count } => write!(
                f,
                "the board has {count} elements; the limit is {MAX_ELEMENTS}"
            ),
        }
    }
}

impl std::error::Error for LoadBoardError {}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u64,
    board: BoardRecord<'a>,
    viewport: Viewport,
}

#[derive(Serialize)]
struct BoardRecord<'a> {
    components: &'a [Component],
    arrows: &'a [Arrow],
}

/// Serialises a board and viewport in the current format.
pub fn to_json(board: &Board, viewport: &Viewport) -> String {
    let envelope = Envelope {
        format: FORMAT,
        version: VERSION,
        board: BoardRecord {
            components: board.components(),
            arrows: board.arrows(),
        },
        viewport: viewport.sanitized(),
    };
    // Serialising plain structs with finite numbers cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Loads saved data of any supported version, repairing what is safe to repair.
pub fn from_json(text: &str) -> Result<Restored, LoadBoardError> {
    if text.len() > MAX_BYTES {
        return Err(LoadBoardError::TooLarge { bytes: text.len() });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| LoadBoardError::NotJson {
        reason: e.to_string(),
    })?;
    let version = check_envelope(&value)?;
    let value = migrate(value, version)?;
    restore::restore(&value)
}

fn check_envelope(value: &Value) -> Result<u64, LoadBoardError> {
    let object = value.as_object().ok_or(LoadBoardError::NotBreadthfirst)?;
    if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(LoadBoardError::NotBreadthfirst);
    }
    let version = object
        .get("version")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or(LoadBoardError::MissingVersion)?;
    if version > VERSION {
        return Err(LoadBoardError::VersionTooNew {
            found: version,
            supported: VERSION,
        });
    }
    Ok(version)
}

/// One migration: turns a document of version N into version N + 1.
type Migration = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[i]` upgrades version `i + 1` to `i + 2`.
const MIGRATIONS: &[Migration] = &[grow_boxes_to_fit_names];

/// Version 2: components may carry a palette `colour`, and a box is as big as its
/// name needs (see [`fit_size`]). Version 1 boxes are grown about their centres as a
/// rename grows them now, so old boards show every name whole. Entries too damaged
/// to read are left for restore to repair.
fn grow_boxes_to_fit_names(mut value: Value) -> Result<Value, String> {
    let Some(components) = value
        .pointer_mut("/board/components")
        .and_then(Value::as_array_mut)
    else {
        return Ok(value);
    };
    for record in components.iter_mut().filter_map(Value::as_object_mut) {
        // An unknown kind is restored as a generic box: fit it as one.
        let kind = record
            .get("kind")
            .and_then(Value::as_str)
            .map(|k| ComponentKind::from_id(k).unwrap_or(ComponentKind::Generic));
        let label = record
            .get("label")
            .and_then(Value::as_str)
            .map(normalize_label);
        let [x, y, w, h] = ["x", "y", "w", "h"].map(|k| record.get(k).and_then(Value::as_f64));
        let (Some(kind), Some(label), Some(x), Some(y), Some(w), Some(h)) =
            (kind, label, x, y, w, h)
        else {
            continue;
        };
        if label.is_empty() || ![x, y, w, h].iter().all(|v| v.is_finite()) || w <= 0.0 || h <= 0.0 {
            continue;
        }
        let fit = fit_size(&label, kind, Size::new(w, h));
        if fit != Size::new(w, h) {
            record.insert("x".into(), (x - (fit.w - w) / 2.0).into());
            record.insert("y".into(), (y - (fit.h - h) / 2.0).into());
            record.insert("w".into(), fit.w.into());
            record.insert("h".into(), fit.h.into());
        }
    }
    Ok(value)
}

fn migrate(mut value: Value, from: u64) -> Result<Value, LoadBoardError> {
    for version in from..VERSION {
        let step = usize::try_from(version - 1)
            .ok()
            .and_then(|i| MIGRATIONS.get(i))
            .ok_or_else(|| LoadBoardError::MigrationFailed {
                from: version,
                reason: "no migration step".into(),
            })?;
        value = step(value).map_err(|reason| LoadBoardError::MigrationFailed {
            from: version,
            reason,
        })?;
    }
    Ok(value)
}
