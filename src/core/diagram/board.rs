//! The board: components and arrows as flat records.

use super::colour::Colour;
use super::geometry::{Point, Rect};
use super::kind::ComponentKind;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Identifies a component within its board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ComponentId(pub u32);

/// Identifies an arrow within its board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArrowId(pub u32);

impl fmt::Display for ComponentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for ArrowId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A typed box on the board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Component {
    /// Unique id.
    pub id: ComponentId,
    /// What it is.
    pub kind: ComponentKind,
    /// Name shown in the box.
    pub label: String,
    /// Position and size in world units.
    #[serde(flatten)]
    pub rect: Rect,
    /// Depth notes: data model, API, scaling, why this choice.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub details: String,
    /// What happens when it fails: detection, mitigation, redundancy.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub failure: String,
    /// A palette colour chosen instead of the kind's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<Colour>,
    /// The group it belongs to (Ctrl+G): grouped boxes are selected and moved as one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<u32>,
}

/// Which of a component's notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteField {
    /// [`Component::details`].
    Details,
    /// [`Component::failure`].
    Failure,
}

impl Component {
    /// The colour it is drawn in, as (hue in degrees, saturation in percent): its
    /// palette colour, else its kind's.
    pub fn hue_saturation(&self) -> (u16, u8) {
        self.colour
            .map_or_else(|| self.kind.colour(), Colour::hue_saturation)
    }

    /// One of its notes.
    pub fn note(&self, field: NoteField) -> &str {
        match field {
            NoteField::Details => &self.details,
            NoteField::Failure => &self.failure,
        }
    }

    pub(super) fn note_mut(&mut self, field: NoteField) -> &mut String {
        match field {
            NoteField::Details => &mut self.details,
            NoteField::Failure => &mut self.failure,
        }
    }
}

/// A directed data flow from one component to another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Arrow {
    /// Unique id.
    pub id: ArrowId,
    /// Where data comes from.
    pub from: ComponentId,
    /// Where data goes.
    pub to: ComponentId,
    /// What flows ("writes", "events"); empty for none.
    #[serde(default)]
    pub label: String,
    /// Drawn as one straight line instead of an elbow route (boards saved before
    /// the choice existed load as elbow).
    #[serde(default, skip_serializing_if = "is_false")]
    pub straight: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Components and arrows, in paint order (later is on top). Two boards are equal when
/// their components and arrows are: the next id to hand out is bookkeeping.
#[derive(Clone, Debug, Default)]
pub struct Board {
    pub(super) components: Vec<Component>,
    pub(super) arrows: Vec<Arrow>,
    pub(super) next_id: u32,
}

impl PartialEq for Board {
    fn eq(&self, other: &Self) -> bool {
        self.components == other.components && self.arrows == other.arrows
    }
}

impl Board {
    /// Default size of a new component.
    pub const COMPONENT_SIZE: (f64, f64) = (152.0, 64.0);
    /// Default size of a new frame (one added around a selection surrounds it instead).
    pub const FRAME_SIZE: (f64, f64) = (320.0, 200.0);
    /// Space a frame put around a selection keeps beside it; above it, room for the
    /// title too.
    pub const FRAME_MARGIN: f64 = 24.0;

    /// The size a new element of `kind` starts at.
    pub fn new_size(kind: ComponentKind) -> (f64, f64) {
        match kind {
            ComponentKind::Frame => Board::FRAME_SIZE,
            ComponentKind::Sticky => (168.0, 112.0),
            ComponentKind::Text => (152.0, 32.0),
            _ => Board::COMPONENT_SIZE,
        }
    }
    /// Smallest a box can be resized to.
    pub const MIN_SIZE: (f64, f64) = (56.0, 32.0);
    /// Largest a box can be resized to.
    pub const MAX_SIZE: (f64, f64) = (4000.0, 4000.0);

    /// An empty board.
    pub fn new() -> Self {
        Board::default()
    }

    /// Builds a board from records that already satisfy the board's invariants
    /// (unique ids, arrows between distinct existing components). Used by restore,
    /// which repairs data before calling this.
    pub(crate) fn from_parts(components: Vec<Component>, arrows: Vec<Arrow>) -> Self {
        // Group ids come from the same counter: a new group must not join an old one.
        let max_id = components
            .iter()
            .flat_map(|c| [Some(c.id.0), c.group])
            .flatten()
            .chain(arrows.iter().map(|a| a.id.0))
            .max();
        Board {
            components,
            arrows,
            next_id: max_id.map_or(1, |m| m.saturating_add(1)),
        }
    }

    /// The component `id` and every other member of its group, if it has one.
    pub fn with_group(&self, id: ComponentId) -> Vec<ComponentId> {
        let group = self.component(id).and_then(|c| c.group);
        match group {
            None => vec![id],
            Some(g) => self
                .components
                .iter()
                .filter(|c| c.group == Some(g))
                .map(|c| c.id)
                .collect(),
        }
    }

    /// The components `keep` accepts, and the arrows between them.
    pub fn subset(&self, keep: impl Fn(ComponentId) -> bool) -> Board {
        let components: Vec<Component> = self
            .components
            .iter()
            .filter(|c| keep(c.id))
            .cloned()
            .collect();
        let arrows = self
            .arrows
            .iter()
            .filter(|a| keep(a.from) && keep(a.to))
            .cloned()
            .collect();
        Board::from_parts(components, arrows)
    }

    /// Components in paint order.
    pub fn components(&self) -> &[Component] {
        &self.components
    }

    /// Arrows in paint order.
    pub fn arrows(&self) -> &[Arrow] {
        &self.arrows
    }

    /// Whether the board has no components (and so no arrows).
    pub fn is_empty(&self) -> bool {
        self.components.is_empty()
    }

    /// The component with this id.
    pub fn component(&self, id: ComponentId) -> Option<&Component> {
        self.components.iter().find(|c| c.id == id)
    }

    /// The arrow with this id.
    pub fn arrow(&self, id: ArrowId) -> Option<&Arrow> {
        self.arrows.iter().find(|a| a.id == id)
    }

    /// The arrow from `from` to `to`, if any.
    pub fn arrow_between(&self, from: ComponentId, to: ComponentId) -> Option<&Arrow> {
        self.arrows.iter().find(|a| a.from == from && a.to == to)
    }

    /// Arrows touching a component, either end.
    pub fn arrows_of(&self, id: ComponentId) -> impl Iterator<Item = &Arrow> {
        self.arrows
            .iter()
            .filter(move |a| a.from == id || a.to == id)
    }

    /// The topmost component under a world point.
    pub fn component_at(&self, p: Point) -> Option<&Component> {
        self.components.iter().rev().find(|c| c.rect.contains(p))
    }

    /// The parts of the system (no free text, sticky notes or frames) and every arrow
    /// (arrows join parts only); the board itself, uncopied, when it holds no
    /// annotations.
    pub fn parts_only(&self) -> std::borrow::Cow<'_, Board> {
        if self.components.iter().all(|c| c.kind.is_part()) {
            return std::borrow::Cow::Borrowed(self);
        }
        let parts = self.components.iter().filter(|c| c.kind.is_part());
        std::borrow::Cow::Owned(Board::from_parts(
            parts.cloned().collect(),
            self.arrows.clone(),
        ))
    }

    /// What a move of `frame` carries along: the frame and every other element lying
    /// wholly inside it. Just `frame` for anything but a frame.
    pub fn framed(&self, frame: ComponentId) -> Vec<ComponentId> {
        let Some(f) = self.component(frame) else {
            return Vec::new();
        };
        let mut ids = vec![frame];
        for c in &self.components {
            if f.kind == ComponentKind::Frame && c.id != frame && f.rect.contains_rect(&c.rect) {
                ids.push(c.id);
            }
        }
        ids
    }

    /// The smallest frame wholly containing `c` (never `c` itself), which exports
    /// treat as its group.
    pub fn frame_of(&self, c: &Component) -> Option<&Component> {
        self.components
            .iter()
            .filter(|f| {
                f.kind == ComponentKind::Frame && f.id != c.id && f.rect.contains_rect(&c.rect)
            })
            .min_by(|a, b| (a.rect.w * a.rect.h).total_cmp(&(b.rect.w * b.rect.h)))
    }

    /// Bounding box of all components.
    pub fn bounds(&self) -> Option<Rect> {
        Rect::bounds(self.components.iter().map(|c| c.rect))
    }

    pub(super) fn component_mut(&mut self, id: ComponentId) -> Option<&mut Component> {
        self.components.iter_mut().find(|c| c.id == id)
    }

    pub(super) fn arrow_mut(&mut self, id: ArrowId) -> Option<&mut Arrow> {
        self.arrows.iter_mut().find(|a| a.id == id)
    }

    /// A fresh id, unique across components and arrows. Counts up; if the counter ever
    /// reaches the top of the range, falls back to the smallest unused id.
    pub(super) fn take_id(&mut self) -> u32 {
        let id = self.next_id.max(1);
        if id < u32::MAX {
            self.next_id = id + 1;
            return id;
        }
        let used: std::collections::HashSet<u32> = self
            .components
            .iter()
            .map(|c| c.id.0)
            .chain(self.arrows.iter().map(|a| a.id.0))
            .collect();
        (1..u32::MAX)
            .find(|i| !used.contains(i))
            .unwrap_or(u32::MAX)
    }
}

impl Board {
    /// Every broken invariant, as sentences; empty for a sound board. Commands and
    /// restore keep boards sound; this lets tests and importers check it.
    pub fn invariant_violations(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = std::collections::HashSet::new();
        for c in &self.components {
            if !ids.insert(c.id.0) {
                problems.push(format!("id {} is used twice", c.id));
            }
            let r = c.rect;
            if ![r.x, r.y, r.w, r.h].iter().all(|v| v.is_finite()) {
                problems.push(format!("component {} has a non-finite box", c.id));
            }
        }
        let mut pairs = std::collections::HashSet::new();
        for a in &self.arrows {
            if !ids.insert(a.id.0) {
                problems.push(format!("id {} is used twice", a.id));
            }
            let ends = [a.from, a.to].map(|id| self.component(id).map(|c| c.kind.is_part()));
            if ends.contains(&None) {
                problems.push(format!("arrow {} has a missing end", a.id));
            } else if ends.contains(&Some(false)) {
                problems.push(format!("arrow {} joins a frame or note", a.id));
            }
            if a.from == a.to {
                problems.push(format!("arrow {} joins a component to itself", a.id));
            }
            if !pairs.insert((a.from, a.to)) {
                problems.push(format!("arrow {} repeats another arrow", a.id));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn component(id: u32) -> Component {
        Component {
            id: ComponentId(id),
            kind: ComponentKind::Service,
            label: "s".into(),
            rect: Rect::new(0.0, 0.0, 10.0, 10.0),
            details: String::new(),
            failure: String::new(),
            colour: None,
            group: None,
        }
    }

    fn arrow(id: u32, from: u32, to: u32) -> Arrow {
        Arrow {
            id: ArrowId(id),
            from: ComponentId(from),
            to: ComponentId(to),
            label: String::new(),
            straight: false,
        }
    }

    #[test]
    fn a_sound_board_has_no_violations() {
        let board = Board::from_parts(vec![component(1), component(2)], vec![arrow(3, 1, 2)]);
        assert!(board.invariant_violations().is_empty());
    }

    #[test]
    fn every_kind_of_broken_board_is_reported() {
        let mut nan = component(2);
        nan.rect.x = f64::NAN;
        let board = Board {
            components: vec![component(1), nan, component(1)],
            arrows: vec![
                arrow(4, 1, 9),
                arrow(5, 1, 1),
                arrow(6, 1, 2),
                arrow(6, 1, 2),
            ],
            next_id: 10,
        };
        let problems = board.invariant_violations().join("; ");
        for expected in [
            "id 1 is used twice",
            "component 2 has a non-finite box",
            "arrow 4 has a missing end",
            "arrow 5 joins a component to itself",
            "id 6 is used twice",
            "arrow 6 repeats another arrow",
        ] {
            assert!(
                problems.contains(expected),
                "{expected} missing from: {problems}"
            );
        }
    }
}
