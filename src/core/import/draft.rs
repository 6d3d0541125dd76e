//! A board being built by an import: components named and typed, free text and
//! frames, arrows kept only where the board accepts them (two distinct ends, no
//! repeat), everything else noted as left out. Frames come first in paint order,
//! beneath everything, as the board draws them.

use super::report::{note, ImportReport, LeftOut, Omission, SourceFormat};
use super::{ImportError, Imported};
use crate::core::check::words::words;
use crate::core::check::Vocabulary;
use crate::core::diagram::{
    normalize_label, normalize_text, Arrow, ArrowId, Board, Component, ComponentId, ComponentKind,
    Rect, MAX_COORDINATE,
};
use crate::core::persist::MAX_ELEMENTS;
use std::collections::HashSet;

/// Kinds a storage shape (a Mermaid cylinder) may be, when its name says which.
const STORES: [ComponentKind; 5] = [
    ComponentKind::SqlDatabase,
    ComponentKind::KvStore,
    ComponentKind::Cache,
    ComponentKind::ObjectStorage,
    ComponentKind::SearchIndex,
];

/// The components and arrows read so far, and what was left out.
#[derive(Default)]
pub(super) struct Draft {
    /// Frames, apart: they go beneath everything else.
    frames: Vec<Component>,
    /// Everything else, free text included, in paint order.
    components: Vec<Component>,
    /// How many of `components` are free text.
    texts: usize,
    arrows: Vec<Arrow>,
    pairs: HashSet<(ComponentId, ComponentId)>,
    left_out: Vec<LeftOut>,
    last_id: u32,
}

impl Draft {
    /// The label and kind of a component named by `text`: the kind named on the
    /// text's last line, as Breadthfirst's exports write it ("Orders\nSQL
    /// database"); else what the name says through the vocabulary (a `store` shape
    /// prefers a storage kind, and is a SQL database otherwise); else the kind whose
    /// name the label contains ("Order service"); else a box. An empty label is the
    /// kind's name.
    pub fn name(text: &str, store: bool, vocabulary: &Vocabulary) -> (String, ComponentKind) {
        let (label, kind) = name_and_kind(text, store, vocabulary);
        if label.is_empty() {
            (kind.display_name().to_string(), kind)
        } else {
            (label, kind)
        }
    }

    /// Adds a component at `rect` (position clamped into range); a frame goes beneath
    /// everything.
    pub fn component(&mut self, label: String, kind: ComponentKind, rect: Rect) -> ComponentId {
        self.last_id += 1;
        let id = ComponentId(self.last_id);
        let coordinate = |v: f64| {
            if v.is_finite() {
                v.clamp(-MAX_COORDINATE, MAX_COORDINATE)
            } else {
                0.0
            }
        };
        let list = if kind == ComponentKind::Frame {
            &mut self.frames
        } else {
            &mut self.components
        };
        list.push(Component {
            id,
            kind,
            label,
            rect: Rect::new(coordinate(rect.x), coordinate(rect.y), rect.w, rect.h),
            details: String::new(),
            failure: String::new(),
            colour: None,
            group: None,
        });
        id
    }

    /// Adds free text at `rect`, on one line as the board keeps it; text longer than
    /// the board keeps is cut, and the cut noted. Text with no words is dropped.
    pub fn text(&mut self, text: &str, rect: Rect) {
        let max = ComponentKind::Text.max_label_chars();
        let mut label = normalize_text(text, max + 1);
        if label.chars().count() > max {
            self.leave_out(Omission::CutText, Some(text));
            label = normalize_text(&label, max);
        }
        if !label.is_empty() {
            self.component(label, ComponentKind::Text, rect);
            self.texts += 1;
        }
    }

    /// Adds a frame named `name` ("Frame" when it has none) at `rect`.
    pub fn frame(&mut self, name: &str, rect: Rect) {
        let mut label = normalize_label(name);
        if label.is_empty() {
            label = ComponentKind::Frame.display_name().into();
        }
        self.component(label, ComponentKind::Frame, rect);
    }

    /// Adds an arrow, unless it joins a box to itself or repeats one (noted).
    pub fn arrow(&mut self, from: ComponentId, to: ComponentId, label: &str) {
        if from == to {
            return self.leave_out(Omission::SelfArrow, Some(label));
        }
        if !self.pairs.insert((from, to)) {
            return self.leave_out(Omission::RepeatedArrow, Some(label));
        }
        self.last_id += 1;
        self.arrows.push(Arrow {
            id: ArrowId(self.last_id),
            from,
            to,
            label: normalize_label(label),
            // Routed around boxes, as every new arrow is.
            straight: false,
        });
    }

    /// Notes one thing left out, with its text if it has one.
    pub fn leave_out(&mut self, what: Omission, sample: Option<&str>) {
        note(&mut self.left_out, what, sample);
    }

    /// The board (frames first) and its report; refused when nothing became a
    /// component, free text or frame, or the board would be over [`MAX_ELEMENTS`].
    pub fn finish(mut self, source: &str, format: SourceFormat) -> Result<Imported, ImportError> {
        let report = ImportReport {
            source: source.to_string(),
            format,
            components: self.components.len() - self.texts,
            arrows: self.arrows.len(),
            texts: self.texts,
            frames: self.frames.len(),
            left_out: self.left_out,
        };
        self.frames.append(&mut self.components);
        if self.frames.is_empty() {
            return Err(ImportError::NoComponents {
                held: report.left_out_text(),
            });
        }
        let count = self.frames.len() + report.arrows;
        if count > MAX_ELEMENTS {
            return Err(ImportError::TooManyElements { count });
        }
        Ok(Imported {
            board: Board::from_parts(self.frames, self.arrows),
            report,
        })
    }
}

/// The label and kind of a component named by `text` (see [`Draft::name`]).
fn name_and_kind(text: &str, store: bool, vocabulary: &Vocabulary) -> (String, ComponentKind) {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if let [name @ .., last] = lines.as_slice() {
        let named = ComponentKind::ALL
            .into_iter()
            .find(|k| k.display_name().eq_ignore_ascii_case(last));
        if let (Some(kind), false) = (named, name.is_empty()) {
            return (normalize_label(&name.join(" ")), kind);
        }
    }
    let label = normalize_label(&lines.join(" "));
    let label_words = words(&label);
    let kinds: Vec<ComponentKind> = vocabulary
        .named_in(&label_words)
        .into_iter()
        .flat_map(|t| t.kinds.iter().copied())
        .collect();
    let kind = if store {
        kinds
            .iter()
            .copied()
            .find(|k| STORES.contains(k))
            .unwrap_or(ComponentKind::SqlDatabase)
    } else {
        kinds
            .first()
            .copied()
            .or_else(|| kind_named(&label_words))
            .unwrap_or(ComponentKind::Generic)
    };
    (label, kind)
}

/// The kind whose display name the label's words contain ("Order service" is a
/// service), the longest name first.
fn kind_named(label: &[String]) -> Option<ComponentKind> {
    let mut best: Option<(usize, ComponentKind)> = None;
    for kind in ComponentKind::ALL {
        let name = words(kind.display_name());
        let found = !name.is_empty() && label.windows(name.len()).any(|w| w == name.as_slice());
        if found && best.is_none_or(|(len, _)| name.len() > len) {
            best = Some((name.len(), kind));
        }
    }
    best.map(|(_, kind)| kind)
}
