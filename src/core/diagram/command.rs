//! Commands: the only way a board changes.
//!
//! [`Board::apply`] validates a command completely before touching the board, so a
//! refused command leaves the board exactly as it was.

use super::board::{Arrow, ArrowId, Board, Component, ComponentId, NoteField};
use super::colour::Colour;
use super::geometry::{Point, Rect, Size};
use super::kind::ComponentKind;
use super::label::fit_size;
use super::text::{normalize_label, normalize_note, normalize_text};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// An edit to a board, named verb-object.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Adds a component with its top-left corner at `at`; `label` defaults to the kind's name.
    AddComponent {
        /// What to add.
        kind: ComponentKind,
        /// Top-left corner.
        at: Point,
        /// Optional label.
        label: Option<String>,
    },
    /// Moves components by a vector.
    MoveComponents {
        /// Components to move.
        ids: Vec<ComponentId>,
        /// How far.
        by: Point,
    },
    /// Renames a component; an empty label falls back to the kind's name.
    RenameComponent {
        /// Which component.
        id: ComponentId,
        /// New label.
        label: String,
    },
    /// Replaces one of a component's notes (trimmed, cut to [`super::MAX_NOTE_CHARS`]).
    SetNote {
        /// Which component.
        id: ComponentId,
        /// Which note.
        field: NoteField,
        /// New text; empty clears it.
        text: String,
    },
    /// Changes what a component is.
    ChangeKind {
        /// Which component.
        id: ComponentId,
        /// New kind.
        kind: ComponentKind,
    },
    /// Gives a component a new position and size (a resize); the size is kept within
    /// [`Board::MIN_SIZE`] and [`Board::MAX_SIZE`].
    ResizeComponent {
        /// Which component.
        id: ComponentId,
        /// Its new box.
        rect: Rect,
    },
    /// Paints components in a palette colour, or back in their kind's (`None`).
    SetColour {
        /// Which components.
        ids: Vec<ComponentId>,
        /// The colour.
        colour: Option<Colour>,
    },
    /// Puts two or more components in a new group (leaving any group they were in).
    Group {
        /// Which components.
        ids: Vec<ComponentId>,
    },
    /// Takes components out of their groups.
    Ungroup {
        /// Which components.
        ids: Vec<ComponentId>,
    },
    /// Draws a directed arrow.
    ConnectComponents {
        /// Source.
        from: ComponentId,
        /// Destination.
        to: ComponentId,
        /// Label, may be empty.
        label: String,
    },
    /// Sets an arrow's label (empty removes it).
    LabelArrow {
        /// Which arrow.
        id: ArrowId,
        /// New label.
        label: String,
    },
    /// Draws an arrow as one straight line (`true`) or as an elbow route (`false`).
    SetArrowStraight {
        /// Which arrow.
        id: ArrowId,
        /// Straight or elbow.
        straight: bool,
    },
    /// Swaps an arrow's direction.
    ReverseArrow {
        /// Which arrow.
        id: ArrowId,
    },
    /// Deletes components (with every arrow attached to them) and arrows.
    DeleteElements {
        /// Components to delete.
        components: Vec<ComponentId>,
        /// Arrows to delete.
        arrows: Vec<ArrowId>,
    },
    /// Inserts copies of components and the arrows among them, shifted by `offset`,
    /// under fresh ids. Arrows whose ends are not both in the copy are skipped.
    InsertCopies {
        /// Components to copy (need not be on this board).
        components: Vec<Component>,
        /// Arrows among them.
        arrows: Vec<Arrow>,
        /// Shift applied to every copy.
        offset: Point,
    },
}

/// What a successful command did.
#[derive(Clone, Debug, PartialEq)]
pub enum Applied {
    /// The board did not change (e.g. a rename to the same label).
    Unchanged,
    /// The board changed.
    Changed,
    /// A component was added.
    Added(ComponentId),
    /// An arrow was drawn.
    Connected(ArrowId),
    /// Copies were inserted; ids in the order of the command's components.
    Inserted(Vec<ComponentId>),
}

impl Applied {
    /// Whether the board changed.
    pub fn changed(&self) -> bool {
        !matches!(self, Applied::Unchanged)
    }
}

/// Why a command was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// No component has this id.
    UnknownComponent(ComponentId),
    /// No arrow has this id.
    UnknownArrow(ArrowId),
    /// An arrow from a component to itself.
    SelfArrow,
    /// The same directed arrow exists already.
    DuplicateArrow(ArrowId),
    /// A coordinate was NaN, infinite, or beyond [`super::MAX_COORDINATE`].
    CoordinateOutOfRange,
    /// Connecting the selection needs at least two selected components.
    NeedTwoComponents,
    /// An arrow to or from free text, a sticky note or a frame.
    NotAPart,
    /// A kind change between a part and an annotation (or between annotations).
    KindChangeRefused,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::UnknownComponent(id) => write!(f, "component {id} does not exist"),
            EditError::UnknownArrow(id) => write!(f, "arrow {id} does not exist"),
            EditError::SelfArrow => f.write_str("an arrow needs two different components"),
            EditError::DuplicateArrow(_) => f.write_str("those components are already connected"),
            EditError::CoordinateOutOfRange => {
                f.write_str("that position is too far out on the board")
            }
            EditError::NeedTwoComponents => {
                f.write_str("select the source, then shift-select the target, to connect them")
            }
            EditError::NotAPart => f.write_str("frames and notes cannot have arrows"),
            EditError::KindChangeRefused => {
                f.write_str("a frame or note stays what it is; a component cannot become one")
            }
        }
    }
}

impl std::error::Error for EditError {}

impl Board {
    /// Applies a command: the one way a board changes.
    pub fn apply(&mut self, command: Command) -> Result<Applied, EditError> {
        match command {
            Command::AddComponent { kind, at, label } => {
                if !at.in_range() {
                    return Err(EditError::CoordinateOutOfRange);
                }
                let id = ComponentId(self.take_id());
                let (w, h) = Board::new_size(kind);
                let label = label
                    .map(|l| normalize_text(&l, kind.max_label_chars()))
                    .filter(|l| !l.is_empty())
                    .unwrap_or_else(|| kind.display_name().to_string());
                // A new box keeps its corner and grows right and down to fit its name.
                let fit = fit_size(&label, kind, Size::new(w, h));
                self.components.push(Component {
                    id,
                    kind,
                    label,
                    rect: Rect::new(at.x, at.y, fit.w, fit.h),
                    details: String::new(),
                    failure: String::new(),
                    colour: None,
                    group: None,
                });
                Ok(Applied::Added(id))
            }
            Command::MoveComponents { ids, by } => {
                if !by.is_finite() {
                    return Err(EditError::CoordinateOutOfRange);
                }
                self.require_components(&ids)?;
                if ids.is_empty() || (by.x == 0.0 && by.y == 0.0) {
                    return Ok(Applied::Unchanged);
                }
                let ids: rustc_hash::FxHashSet<_> = ids.into_iter().collect();
                let out_of_range = self.components.iter().any(|c| {
                    ids.contains(&c.id) && !Point::new(c.rect.x + by.x, c.rect.y + by.y).in_range()
                });
                if out_of_range {
                    return Err(EditError::CoordinateOutOfRange);
                }
                for c in self.components.iter_mut().filter(|c| ids.contains(&c.id)) {
                    c.rect.x += by.x;
                    c.rect.y += by.y;
                }
                Ok(Applied::Changed)
            }
            Command::RenameComponent { id, label } => {
                let c = self
                    .component_mut(id)
                    .ok_or(EditError::UnknownComponent(id))?;
                let mut label = normalize_text(&label, c.kind.max_label_chars());
                if label.is_empty() {
                    label = c.kind.display_name().to_string();
                }
                let renamed = replace(&mut c.label, label);
                Ok(either(renamed, grow_to_fit(c)))
            }
            Command::SetNote { id, field, text } => {
                let c = self
                    .component_mut(id)
                    .ok_or(EditError::UnknownComponent(id))?;
                Ok(replace(c.note_mut(field), normalize_note(text.trim())))
            }
            Command::ChangeKind { id, kind } => {
                let c = self
                    .component_mut(id)
                    .ok_or(EditError::UnknownComponent(id))?;
                // Parts change among parts; an annotation stays what it is.
                if !c.kind.is_part() || !kind.is_part() {
                    return if c.kind == kind {
                        Ok(Applied::Unchanged)
                    } else {
                        Err(EditError::KindChangeRefused)
                    };
                }
                // A label that was just the old kind's name follows the kind.
                if c.label == c.kind.display_name() {
                    c.label = kind.display_name().to_string();
                }
                let changed = replace(&mut c.kind, kind);
                Ok(either(changed, grow_to_fit(c)))
            }
            Command::ResizeComponent { id, rect } => {
                let corner = Point::new(rect.x, rect.y);
                let valid = corner.is_finite()
                    && corner.in_range()
                    && rect.w.is_finite()
                    && rect.h.is_finite();
                if !valid {
                    return Err(EditError::CoordinateOutOfRange);
                }
                let c = self
                    .component_mut(id)
                    .ok_or(EditError::UnknownComponent(id))?;
                let (min, max) = (Board::MIN_SIZE, Board::MAX_SIZE);
                let rect = Rect::new(
                    rect.x,
                    rect.y,
                    rect.w.clamp(min.0, max.0),
                    rect.h.clamp(min.1, max.1),
                );
                Ok(replace(&mut c.rect, rect))
            }
            Command::SetColour { ids, colour } => {
                self.require_components(&ids)?;
                let mut applied = Applied::Unchanged;
                for c in self.components.iter_mut().filter(|c| ids.contains(&c.id)) {
                    applied = either(applied, replace(&mut c.colour, colour));
                }
                Ok(applied)
            }
            Command::Group { ids } => {
                self.require_components(&ids)?;
                if ids.len() < 2 {
                    return Ok(Applied::Unchanged);
                }
                let group = Some(self.take_id());
                for c in self.components.iter_mut().filter(|c| ids.contains(&c.id)) {
                    c.group = group;
                }
                Ok(Applied::Changed)
            }
            Command::Ungroup { ids } => {
                self.require_components(&ids)?;
                let mut applied = Applied::Unchanged;
                for c in self.components.iter_mut().filter(|c| ids.contains(&c.id)) {
                    applied = either(applied, replace(&mut c.group, None));
                }
                Ok(applied)
            }
            Command::ConnectComponents { from, to, label } => {
                self.require_components(&[from, to])?;
                if !self.is_part(from) || !self.is_part(to) {
                    return Err(EditError::NotAPart);
                }
                if from == to {
                    return Err(EditError::SelfArrow);
                }
                if let Some(existing) = self.arrow_between(from, to) {
                    return Err(EditError::DuplicateArrow(existing.id));
                }
                let id = ArrowId(self.take_id());
                self.arrows.push(Arrow {
                    id,
                    from,
                    to,
                    label: normalize_label(&label),
                    straight: false,
                });
                Ok(Applied::Connected(id))
            }
            Command::LabelArrow { id, label } => {
                let a = self.arrow_mut(id).ok_or(EditError::UnknownArrow(id))?;
                Ok(replace(&mut a.label, normalize_label(&label)))
            }
            Command::SetArrowStraight { id, straight } => {
                let a = self.arrow_mut(id).ok_or(EditError::UnknownArrow(id))?;
                Ok(replace(&mut a.straight, straight))
            }
            Command::ReverseArrow { id } => {
                let a = self.arrow(id).ok_or(EditError::UnknownArrow(id))?;
                let (from, to) = (a.from, a.to);
                if let Some(existing) = self.arrow_between(to, from) {
                    return Err(EditError::DuplicateArrow(existing.id));
                }
                if let Some(a) = self.arrow_mut(id) {
                    a.from = to;
                    a.to = from;
                }
                Ok(Applied::Changed)
            }
            Command::DeleteElements { components, arrows } => {
                self.require_components(&components)?;
                if let Some(missing) = arrows.iter().find(|id| self.arrow(**id).is_none()) {
                    return Err(EditError::UnknownArrow(*missing));
                }
                if components.is_empty() && arrows.is_empty() {
                    return Ok(Applied::Unchanged);
                }
                let components: HashSet<_> = components.into_iter().collect();
                let arrows: HashSet<_> = arrows.into_iter().collect();
                self.components.retain(|c| !components.contains(&c.id));
                self.arrows.retain(|a| {
                    !arrows.contains(&a.id)
                        && !components.contains(&a.from)
                        && !components.contains(&a.to)
                });
                Ok(Applied::Changed)
            }
            Command::InsertCopies {
                components,
                arrows,
                offset,
            } => self.insert_copies(components, arrows, offset),
        }
    }

    fn insert_copies(
        &mut self,
        components: Vec<Component>,
        arrows: Vec<Arrow>,
        offset: Point,
    ) -> Result<Applied, EditError> {
        let shifted = |c: &Component| Point::new(c.rect.x + offset.x, c.rect.y + offset.y);
        if !offset.is_finite() || components.iter().any(|c| !shifted(c).in_range()) {
            return Err(EditError::CoordinateOutOfRange);
        }
        let mut new_ids = HashMap::new();
        // Copies of a group make a group of their own.
        let mut new_groups = HashMap::new();
        let mut inserted = Vec::with_capacity(components.len());
        for mut c in components {
            let id = ComponentId(self.take_id());
            new_ids.insert(c.id, id);
            c.id = id;
            c.group = c
                .group
                .map(|g| *new_groups.entry(g).or_insert_with(|| self.take_id()));
            c.rect.x += offset.x;
            c.rect.y += offset.y;
            c.label = normalize_text(&c.label, c.kind.max_label_chars());
            self.components.push(c);
            inserted.push(id);
        }
        for a in arrows {
            let (Some(&from), Some(&to)) = (new_ids.get(&a.from), new_ids.get(&a.to)) else {
                continue;
            };
            if from == to
                || !self.is_part(from)
                || !self.is_part(to)
                || self.arrow_between(from, to).is_some()
            {
                continue;
            }
            let id = ArrowId(self.take_id());
            self.arrows.push(Arrow {
                id,
                from,
                to,
                label: normalize_label(&a.label),
                straight: a.straight,
            });
        }
        Ok(Applied::Inserted(inserted))
    }

    fn is_part(&self, id: ComponentId) -> bool {
        self.component(id).is_some_and(|c| c.kind.is_part())
    }

    fn require_components(&self, ids: &[ComponentId]) -> Result<(), EditError> {
        match ids.iter().find(|id| self.component(**id).is_none()) {
            Some(id) => Err(EditError::UnknownComponent(*id)),
            None => Ok(()),
        }
    }
}

/// Stores `value` in `slot`, reporting whether anything changed.
/// Changed if either step changed the board.
fn either(a: Applied, b: Applied) -> Applied {
    if a.changed() || b.changed() {
        Applied::Changed
    } else {
        Applied::Unchanged
    }
}

/// Grows a box about its centre to fit its name and kind line (see [`fit_size`]).
fn grow_to_fit(c: &mut Component) -> Applied {
    let fit = fit_size(&c.label, c.kind, Size::new(c.rect.w, c.rect.h));
    let (dw, dh) = (fit.w - c.rect.w, fit.h - c.rect.h);
    if dw == 0.0 && dh == 0.0 {
        return Applied::Unchanged;
    }
    c.rect = Rect::new(c.rect.x - dw / 2.0, c.rect.y - dh / 2.0, fit.w, fit.h);
    Applied::Changed
}

fn replace<T: PartialEq>(slot: &mut T, value: T) -> Applied {
    if *slot == value {
        Applied::Unchanged
    } else {
        *slot = value;
        Applied::Changed
    }
}
