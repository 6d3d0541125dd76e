//! Rebuilds a board from a current-version JSON value, field by field with defaults,
//! so that old, hand-edited and damaged files still open.

use super::{LoadBoardError, Restored, MAX_ELEMENTS};
use crate::core::diagram::{
    normalize_label, normalize_note, normalize_text, Arrow, ArrowId, Board, Colour, Component,
    ComponentId, ComponentKind, Rect, MAX_COORDINATE,
};
use crate::core::editor::Viewport;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Smallest and largest accepted component side.
const SIDE_RANGE: (f64, f64) = (16.0, 4000.0);
/// Saved ids above this are renumbered, so fresh ids never run out.
const MAX_SAVED_ID: u32 = 1 << 30;

/// Something restore fixed. Each is safe: nothing the user drew is invented.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repair {
    /// An entry of `components` was not an object and was skipped.
    SkippedComponent {
        /// Position in the saved list.
        index: usize,
    },
    /// An entry of `arrows` was not an object or had no ends, and was skipped.
    SkippedArrow {
        /// Position in the saved list.
        index: usize,
    },
    /// A component had an unknown kind and became a generic box.
    UnknownKind {
        /// The saved kind.
        kind: String,
    },
    /// A component had a colour this app does not know and wears its kind's.
    UnknownColour {
        /// The saved colour.
        colour: String,
    },
    /// A component's group was not a usable number: it is no longer grouped.
    DroppedGroup {
        /// Which component.
        id: ComponentId,
    },
    /// A component had a missing, repeated or invalid id and got a new one.
    RenumberedComponent {
        /// The id it got.
        id: ComponentId,
    },
    /// An arrow had a missing, repeated or invalid id and got a new one.
    RenumberedArrow {
        /// The id it got.
        id: ArrowId,
    },
    /// A component's position or size was not a usable number and was reset.
    FixedGeometry {
        /// Which component.
        id: ComponentId,
    },
    /// An arrow pointed at a component that does not exist (or at free text, a sticky
    /// note or a frame, which take no arrows) and was dropped.
    DroppedDanglingArrow {
        /// The arrow's saved id, if it had one.
        id: Option<u64>,
    },
    /// An arrow from a component to itself was dropped.
    DroppedSelfArrow {
        /// The arrow's saved id, if it had one.
        id: Option<u64>,
    },
    /// A second arrow with the same source and target was dropped.
    DroppedDuplicateArrow {
        /// The arrow's saved id, if it had one.
        id: Option<u64>,
    },
    /// The saved viewport was damaged and was reset.
    FixedViewport,
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Repair::SkippedComponent { index } => {
                write!(f, "skipped unreadable component #{}", index + 1)
            }
            Repair::SkippedArrow { index } => write!(f, "skipped unreadable arrow #{}", index + 1),
            Repair::UnknownKind { kind } => {
                write!(f, "unknown component kind \"{kind}\" shown as a box")
            }
            Repair::UnknownColour { colour } => {
                write!(f, "unknown colour \"{colour}\" shown in the kind's colour")
            }
            Repair::DroppedGroup { id } => write!(f, "ungrouped component {id} (damaged group)"),
            Repair::RenumberedComponent { id } => write!(f, "gave component {id} a new id"),
            Repair::RenumberedArrow { id } => write!(f, "gave arrow {id} a new id"),
            Repair::FixedGeometry { id } => {
                write!(f, "reset the position or size of component {id}")
            }
            Repair::DroppedDanglingArrow { .. } => {
                f.write_str("dropped an arrow to a missing component")
            }
            Repair::DroppedSelfArrow { .. } => {
                f.write_str("dropped an arrow from a component to itself")
            }
            Repair::DroppedDuplicateArrow { .. } => f.write_str("dropped a repeated arrow"),
            Repair::FixedViewport => f.write_str("reset the view position"),
        }
    }
}

/// Restores a current-version document.
pub(super) fn restore(value: &Value) -> Result<Restored, LoadBoardError> {
    let malformed = |reason: &str| LoadBoardError::Malformed {
        reason: reason.to_string(),
    };
    let board = value
        .get("board")
        .and_then(Value::as_object)
        .ok_or_else(|| malformed("it has no board"))?;
    let components =
        list(board, "components").map_err(|_| malformed("components is not a list"))?;
    let arrows = list(board, "arrows").map_err(|_| malformed("arrows is not a list"))?;
    let count = components.len() + arrows.len();
    if count > MAX_ELEMENTS {
        return Err(LoadBoardError::TooManyElements { count });
    }

    let mut repairs = Vec::new();
    let mut ids = IdAllocator::new(components, arrows);
    let (components, id_map) = restore_components(components, &mut ids, &mut repairs);
    let arrows = restore_arrows(arrows, &id_map, &mut ids, &mut repairs);
    let viewport = restore_viewport(value.get("viewport"), &mut repairs);
    Ok(Restored {
        board: Board::from_parts(components, arrows),
        viewport,
        repairs,
    })
}

fn list<'a>(board: &'a Map<String, Value>, key: &str) -> Result<&'a [Value], ()> {
    match board.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(()),
    }
}

/// Hands out ids: keeps valid unique saved ids, gives fresh ones above every saved id.
struct IdAllocator {
    used: HashSet<u32>,
    next: u32,
}

impl IdAllocator {
    fn new(components: &[Value], arrows: &[Value]) -> Self {
        let max = components
            .iter()
            .chain(arrows)
            .filter_map(saved_id)
            .max()
            .unwrap_or(0);
        IdAllocator {
            used: HashSet::new(),
            next: max.saturating_add(1),
        }
    }

    /// The saved id if usable and unused, else a fresh one (second value: renumbered).
    fn claim(&mut self, saved: Option<u32>) -> (u32, bool) {
        if let Some(id) = saved.filter(|id| !self.used.contains(id)) {
            self.used.insert(id);
            return (id, false);
        }
        while self.used.contains(&self.next) {
            self.next = self.next.saturating_add(1);
        }
        let id = self.next;
        self.used.insert(id);
        self.next = self.next.saturating_add(1);
        (id, true)
    }
}

fn saved_id(value: &Value) -> Option<u32> {
    value
        .get("id")
        .and_then(Value::as_u64)
        .filter(|id| *id >= 1)
        .and_then(|id| u32::try_from(id).ok())
        .filter(|id| *id <= MAX_SAVED_ID)
}

fn restore_components(
    saved: &[Value],
    ids: &mut IdAllocator,
    repairs: &mut Vec<Repair>,
) -> (Vec<Component>, HashMap<u32, ComponentId>) {
    let mut components = Vec::with_capacity(saved.len());
    // Saved id -> restored id; the first component with a saved id owns it for arrows.
    let mut id_map = HashMap::new();
    for (index, value) in saved.iter().enumerate() {
        let Some(record) = value.as_object() else {
            repairs.push(Repair::SkippedComponent { index });
            continue;
        };
        let saved_id = saved_id(value);
        let (raw, renumbered) = ids.claim(saved_id);
        let id = ComponentId(raw);
        if renumbered {
            repairs.push(Repair::RenumberedComponent { id });
        }
        let kind_text = record.get("kind").and_then(Value::as_str).unwrap_or("");
        let kind = ComponentKind::from_id(kind_text).unwrap_or_else(|| {
            repairs.push(Repair::UnknownKind {
                kind: kind_text.chars().take(40).collect(),
            });
            ComponentKind::Generic
        });
        // Arrows join parts only: an arrow saved to a note or frame finds no end.
        if let Some(saved) = saved_id.filter(|_| kind.is_part()) {
            id_map.entry(saved).or_insert(id);
        }
        let label = record
            .get("label")
            .and_then(Value::as_str)
            .map(|l| normalize_text(l, kind.max_label_chars()))
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| kind.display_name().to_string());
        let (rect, fixed) = restore_rect(record);
        if fixed {
            repairs.push(Repair::FixedGeometry { id });
        }
        let note = |key: &str| {
            record
                .get(key)
                .and_then(Value::as_str)
                .map(|text| normalize_note(text.trim()))
                .unwrap_or_default()
        };
        let colour = match record.get("colour") {
            None | Some(Value::Null) => None,
            Some(saved) => {
                let found = saved.as_str().and_then(Colour::from_name);
                if found.is_none() {
                    let text = saved
                        .as_str()
                        .map_or_else(|| saved.to_string(), String::from);
                    repairs.push(Repair::UnknownColour {
                        colour: text.chars().take(40).collect(),
                    });
                }
                found
            }
        };
        let group = match record.get("group") {
            None | Some(Value::Null) => None,
            Some(saved) => {
                let valid = saved
                    .as_u64()
                    .filter(|g| (1..=u64::from(MAX_SAVED_ID)).contains(g));
                if valid.is_none() {
                    repairs.push(Repair::DroppedGroup { id });
                }
                valid.and_then(|g| u32::try_from(g).ok())
            }
        };
        components.push(Component {
            id,
            kind,
            label,
            rect,
            details: note("details"),
            failure: note("failure"),
            colour,
            group,
        });
    }
    (components, id_map)
}

fn restore_rect(record: &Map<String, Value>) -> (Rect, bool) {
    let (default_w, default_h) = Board::COMPONENT_SIZE;
    let mut fixed = false;
    let mut number = |key: &str, default: f64, valid: &dyn Fn(f64) -> bool| match record
        .get(key)
        .and_then(Value::as_f64)
    {
        Some(v) if v.is_finite() && valid(v) => v,
        _ => {
            fixed = true;
            default
        }
    };
    let position = |v: f64| v.abs() <= MAX_COORDINATE;
    let side = |v: f64| (SIDE_RANGE.0..=SIDE_RANGE.1).contains(&v);
    let rect = Rect::new(
        number("x", 0.0, &position),
        number("y", 0.0, &position),
        number("w", default_w, &side),
        number("h", default_h, &side),
    );
    (rect, fixed)
}

fn restore_arrows(
    saved: &[Value],
    id_map: &HashMap<u32, ComponentId>,
    ids: &mut IdAllocator,
    repairs: &mut Vec<Repair>,
) -> Vec<Arrow> {
    let mut arrows = Vec::with_capacity(saved.len());
    let mut pairs = HashSet::new();
    for (index, value) in saved.iter().enumerate() {
        let Some(record) = value.as_object() else {
            repairs.push(Repair::SkippedArrow { index });
            continue;
        };
        let raw_id = record.get("id").and_then(Value::as_u64);
        let end = |key: &str| {
            record
                .get(key)
                .and_then(Value::as_u64)
                .and_then(|v| u32::try_from(v).ok())
                .and_then(|v| id_map.get(&v).copied())
        };
        let (Some(from), Some(to)) = (end("from"), end("to")) else {
            repairs.push(Repair::DroppedDanglingArrow { id: raw_id });
            continue;
        };
        if from == to {
            repairs.push(Repair::DroppedSelfArrow { id: raw_id });
            continue;
        }
        if !pairs.insert((from, to)) {
            repairs.push(Repair::DroppedDuplicateArrow { id: raw_id });
            continue;
        }
        let (raw, renumbered) = ids.claim(saved_id(value));
        let id = ArrowId(raw);
        if renumbered {
            repairs.push(Repair::RenumberedArrow { id });
        }
        let label = record
            .get("label")
            .and_then(Value::as_str)
            .map(normalize_label)
            .unwrap_or_default();
        let straight = record
            .get("straight")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        arrows.push(Arrow {
            id,
            from,
            to,
            label,
            straight,
        });
    }
    arrows
}

fn restore_viewport(saved: Option<&Value>, repairs: &mut Vec<Repair>) -> Viewport {
    let Some(saved) = saved else {
        return Viewport::default();
    };
    let field = |key: &str| saved.get(key).and_then(Value::as_f64);
    match (field("x"), field("y"), field("zoom")) {
        (Some(x), Some(y), Some(zoom)) => {
            let viewport = Viewport { x, y, zoom };
            let clean = viewport.sanitized();
            if clean != viewport {
                repairs.push(Repair::FixedViewport);
            }
            clean
        }
        _ => {
            repairs.push(Repair::FixedViewport);
            Viewport::default()
        }
    }
}
