//! Pointer gestures as a state machine: press, drag, release.
//!
//! Positions arrive in screen (canvas) pixels and are converted with the viewport, so
//! hit slop and the drag threshold stay the same at every zoom. A whole drag is one
//! history step.

use super::{Editor, Selection, Tool};
use crate::core::diagram::{Applied, ArrowId, Board, Command, ComponentId, EditError, Point, Rect};

/// What the pointer went down on, as the UI's hit test saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointerTarget {
    /// Empty canvas.
    Canvas,
    /// A component's body.
    Component(ComponentId),
    /// A component's connection handle.
    Handle(ComponentId),
    /// An arrow.
    Arrow(ArrowId),
    /// One of a selected component's resize handles.
    Resize(ComponentId, Corner),
}

/// A corner of a box, where its resize handles are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Corner {
    /// Top left.
    TopLeft,
    /// Top right.
    TopRight,
    /// Bottom left.
    BottomLeft,
    /// Bottom right.
    BottomRight,
}

impl Corner {
    /// All four, clockwise from the top left.
    pub const ALL: [Corner; 4] = [
        Corner::TopLeft,
        Corner::TopRight,
        Corner::BottomRight,
        Corner::BottomLeft,
    ];

    /// Its short name ("nw", "ne", "se", "sw"), as the canvas marks handles.
    pub fn code(self) -> &'static str {
        match self {
            Corner::TopLeft => "nw",
            Corner::TopRight => "ne",
            Corner::BottomRight => "se",
            Corner::BottomLeft => "sw",
        }
    }

    /// The corner a short name stands for.
    pub fn from_code(code: &str) -> Option<Corner> {
        Corner::ALL.into_iter().find(|c| c.code() == code)
    }

    /// Whether dragging it moves the left edge, and the top edge.
    fn moves_left_top(self) -> (bool, bool) {
        match self {
            Corner::TopLeft => (true, true),
            Corner::TopRight => (false, true),
            Corner::BottomRight => (false, false),
            Corner::BottomLeft => (true, false),
        }
    }

    /// The box `start` resized by dragging this corner by `by`; the opposite corner
    /// stays put and the size stays within the board's limits.
    pub fn resize(self, start: Rect, by: Point) -> Rect {
        let (left, top) = self.moves_left_top();
        let (min, max) = (Board::MIN_SIZE, Board::MAX_SIZE);
        let w = (if left { start.w - by.x } else { start.w + by.x }).clamp(min.0, max.0);
        let h = (if top { start.h - by.y } else { start.h + by.y }).clamp(min.1, max.1);
        let x = if left { start.right() - w } else { start.x };
        let y = if top { start.bottom() - h } else { start.y };
        Rect::new(x, y, w, h)
    }
}

/// Which button was pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Button {
    /// Left button, touch or pen.
    Primary,
    /// Wheel button: always pans.
    Middle,
    /// Right button: ignored (context menu).
    Secondary,
}

/// Modifier keys held during a pointer event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Modifiers {
    /// Shift: add to / toggle in the selection.
    pub shift: bool,
    /// Ctrl, or Cmd on macOS.
    pub primary: bool,
    /// Alt / Option.
    pub alt: bool,
    /// Space held: the pointer pans.
    pub space: bool,
}

/// Screen pixels the pointer must travel before a press becomes a drag.
const DRAG_THRESHOLD: f64 = 3.0;

#[derive(Clone, Debug, Default, PartialEq)]
pub(super) enum Gesture {
    #[default]
    Idle,
    /// Pressed on a component, not moved far enough to drag yet.
    Pressed {
        target: ComponentId,
        start: Point,
        last_world: Point,
        select_only_on_release: bool,
        /// Alt was held: the drag moves copies and leaves the originals.
        duplicate: bool,
    },
    /// Dragging `ids`: the selection, and what selected frames held at the start.
    Moving {
        last_world: Point,
        ids: Vec<ComponentId>,
    },
    Connecting {
        from: ComponentId,
        pointer: Point,
    },
    /// A selection band: it selects the components it wholly contains, or with
    /// `touch` (Ctrl/Cmd held at the press) every one it touches, added to `base`.
    /// Cancelling it restores `before`, the selection at the press.
    Selecting {
        start: Point,
        current: Point,
        base: Selection,
        touch: bool,
        before: Selection,
    },
    Panning {
        last: Point,
    },
    /// Two fingers zoom and pan the view (see `touch`).
    Pinching,
    /// Dragging a resize handle: the box as it was and where the press was (world).
    Resizing {
        id: ComponentId,
        corner: Corner,
        start: Rect,
        press: Point,
    },
}

impl Gesture {
    pub(super) fn is_idle(&self) -> bool {
        matches!(self, Gesture::Idle)
    }
}

impl Editor {
    /// A pointer went down at `screen` on `target`.
    pub fn pointer_down(
        &mut self,
        target: PointerTarget,
        screen: Point,
        button: Button,
        mods: Modifiers,
    ) {
        if !screen.is_finite() || button == Button::Secondary {
            return;
        }
        if !self.gesture.is_idle() {
            self.cancel_gesture();
        }
        if button == Button::Middle || mods.space || self.tool == Tool::Hand {
            self.gesture = Gesture::Panning { last: screen };
            return;
        }
        let world = self.viewport.to_world(screen);
        match target {
            PointerTarget::Handle(from) if self.board.component(from).is_some() => {
                self.gesture = Gesture::Connecting {
                    from,
                    pointer: world,
                };
            }
            PointerTarget::Resize(id, corner) => {
                if let Some(c) = self.board.component(id) {
                    let start = c.rect;
                    self.selection = Selection::only_component(id);
                    self.history.begin_gesture(&self.board);
                    self.gesture = Gesture::Resizing {
                        id,
                        corner,
                        start,
                        press: world,
                    };
                }
            }
            PointerTarget::Component(id) if self.board.component(id).is_some() => {
                let mut select_only_on_release = false;
                // A grouped box brings its group: they are selected as one.
                let group = self.board.with_group(id);
                if mods.shift {
                    let adding = !self.selection.has_component(id);
                    for member in &group {
                        if adding != self.selection.has_component(*member) {
                            self.selection.toggle_component(*member);
                        }
                    }
                    if !adding {
                        return;
                    }
                } else if group.iter().all(|m| self.selection.has_component(*m)) {
                    // Keep a multi-selection for dragging; a plain click narrows it.
                    select_only_on_release = self.selection.components().len() > group.len()
                        || !self.selection.arrows().is_empty();
                } else {
                    self.selection = Selection::of_components(group);
                }
                self.gesture = Gesture::Pressed {
                    target: id,
                    start: screen,
                    last_world: world,
                    select_only_on_release,
                    duplicate: mods.alt,
                };
            }
            PointerTarget::Arrow(id) if self.board.arrow(id).is_some() => {
                if mods.shift {
                    self.selection.toggle_arrow(id);
                } else {
                    self.selection = Selection::only_arrow(id);
                }
            }
            _ => {
                let base = if mods.shift {
                    self.selection.clone()
                } else {
                    Selection::default()
                };
                let before = std::mem::replace(&mut self.selection, base.clone());
                self.gesture = Gesture::Selecting {
                    start: world,
                    current: world,
                    base,
                    touch: mods.primary,
                    before,
                };
            }
        }
    }

    /// The pointer moved to `screen`.
    pub fn pointer_move(&mut self, screen: Point) {
        if !screen.is_finite() {
            return;
        }
        let world = self.viewport.to_world(screen);
        match &mut self.gesture {
            // A pinch moves by fingers (`touch_move`), not by one pointer.
            Gesture::Idle | Gesture::Pinching => {}
            Gesture::Pressed {
                start,
                last_world,
                duplicate,
                ..
            } => {
                if start.distance(screen) >= DRAG_THRESHOLD {
                    let (from, duplicate) = (*last_world, *duplicate);
                    self.history.begin_gesture(&self.board);
                    if duplicate {
                        // Alt+drag: the copies (selected, arrows between them kept)
                        // move; the whole drag is one undo step.
                        let (components, arrows) = self.copy_of_selection();
                        let _ = self.insert(components, arrows, Point::new(0.0, 0.0));
                    }
                    let ids = self.carried();
                    self.gesture = Gesture::Moving {
                        last_world: from,
                        ids,
                    };
                    self.drag_to(world);
                }
            }
            Gesture::Moving { .. } => self.drag_to(world),
            Gesture::Connecting { pointer, .. } => *pointer = world,
            Gesture::Selecting {
                start,
                current,
                base,
                touch,
                ..
            } => {
                *current = world;
                let band = Rect::from_corners(*start, world);
                let mut selection = base.clone();
                let mut groups: Vec<u32> = Vec::new();
                for c in self.board.components() {
                    let taken = if *touch {
                        c.rect.intersects(&band)
                    } else {
                        band.contains_rect(&c.rect)
                    };
                    if taken {
                        selection.add_component(c.id);
                        if let Some(g) = c.group.filter(|g| !groups.contains(g)) {
                            groups.push(g);
                        }
                    }
                }
                // A group any of whose boxes is taken comes whole.
                if !groups.is_empty() {
                    for c in self.board.components() {
                        if c.group.is_some_and(|g| groups.contains(&g)) {
                            selection.add_component(c.id);
                        }
                    }
                }
                self.selection = selection;
            }
            Gesture::Resizing {
                id,
                corner,
                start,
                press,
            } => {
                let by = Point::new(world.x - press.x, world.y - press.y);
                let rect = corner.resize(*start, by);
                let id = *id;
                // Inside a gesture: history records the whole resize when it ends.
                if let Ok(applied) = self.board.apply(Command::ResizeComponent { id, rect }) {
                    if applied.changed() {
                        self.revision += 1;
                    }
                }
            }
            Gesture::Panning { last } => {
                let (dx, dy) = (screen.x - last.x, screen.y - last.y);
                *last = screen;
                self.viewport.pan_by(dx, dy);
            }
        }
    }

    /// The pointer was released at `screen`. A refused connection is returned as an
    /// error for the UI to explain; the board is unchanged then.
    pub fn pointer_up(&mut self, screen: Point) -> Result<Applied, EditError> {
        if screen.is_finite() {
            self.pointer_move(screen);
        }
        match std::mem::take(&mut self.gesture) {
            Gesture::Pressed {
                target,
                select_only_on_release: true,
                ..
            } => {
                self.selection = Selection::of_components(self.board.with_group(target));
                Ok(Applied::Unchanged)
            }
            Gesture::Moving { .. } | Gesture::Resizing { .. } => {
                Ok(if self.history.end_gesture(&self.board) {
                    Applied::Changed
                } else {
                    Applied::Unchanged
                })
            }
            Gesture::Connecting { from, pointer } => {
                let Some(to) = self.connect_target(from, pointer) else {
                    return Ok(Applied::Unchanged);
                };
                let applied = self.perform(super::Action::Apply(Command::ConnectComponents {
                    from,
                    to,
                    label: String::new(),
                }))?;
                if let Applied::Connected(id) = applied {
                    self.selection = Selection::only_arrow(id);
                }
                Ok(applied)
            }
            _ => Ok(Applied::Unchanged),
        }
    }

    /// Abandons the gesture in progress entirely: a drag snaps back, a selection band
    /// leaves the selection as it was before the press.
    pub fn cancel_gesture(&mut self) {
        match std::mem::take(&mut self.gesture) {
            Gesture::Moving { .. } | Gesture::Resizing { .. } => {
                if let Some(start) = self.history.cancel_gesture() {
                    if start != self.board {
                        self.board = start;
                        self.revision += 1;
                    }
                }
            }
            Gesture::Selecting { before, .. } => self.selection = before,
            _ => {}
        }
    }

    /// The arrow being drawn: source, pointer (world) and the component it would
    /// connect to if released now.
    pub fn connection_preview(&self) -> Option<(ComponentId, Point, Option<ComponentId>)> {
        match self.gesture {
            Gesture::Connecting { from, pointer } => {
                Some((from, pointer, self.connect_target(from, pointer)))
            }
            _ => None,
        }
    }

    /// The selection rectangle being drawn, in world coordinates.
    pub fn selection_band(&self) -> Option<Rect> {
        match &self.gesture {
            Gesture::Selecting { start, current, .. } => Some(Rect::from_corners(*start, *current)),
            _ => None,
        }
    }

    /// Whether a drag (move, pan, connect or band) is in progress.
    pub fn is_dragging(&self) -> bool {
        !matches!(self.gesture, Gesture::Idle | Gesture::Pressed { .. })
    }

    /// Whether the view is being panned by a drag.
    pub fn is_panning(&self) -> bool {
        matches!(self.gesture, Gesture::Panning { .. })
    }

    fn connect_target(&self, from: ComponentId, pointer: Point) -> Option<ComponentId> {
        self.board
            .components()
            .iter()
            .rev()
            .find(|c| c.kind.is_part() && c.rect.contains(pointer))
            .map(|c| c.id)
            .filter(|id| *id != from)
    }

    /// What a drag of the selection moves: the selected elements and, for each
    /// selected frame, everything wholly inside it now (so what the frame passes over
    /// on the way is not picked up).
    pub(super) fn carried(&self) -> Vec<ComponentId> {
        // An element in two selected frames is listed twice: moves take a set.
        let mut ids = Vec::new();
        for &id in self.selection.components() {
            ids.extend(self.board.framed(id));
        }
        ids
    }

    fn drag_to(&mut self, world: Point) {
        let Gesture::Moving { last_world, ids } = &mut self.gesture else {
            return;
        };
        let by = Point::new(world.x - last_world.x, world.y - last_world.y);
        *last_world = world;
        let ids = ids.clone();
        // Inside a gesture: history records the whole drag when it ends.
        if let Ok(applied) = self.board.apply(Command::MoveComponents { ids, by }) {
            if applied.changed() {
                self.revision += 1;
            }
        }
    }
}
