//! The editor: a board with history, selection, viewport and pointer gestures.
//!
//! Every user intent is an [`Action`] handled by [`Editor::perform`] or a pointer event
//! handled in `gesture`; both end in [`Board::apply`]. Board changes bump
//! [`Editor::revision`]; selection and viewport changes never touch history.

mod cull;
mod flowchart;
mod gesture;
mod keymap;
mod selection;
mod touch;
mod viewport;

pub use cull::{on_screen, ArrowKey, OnScreen, CULL_MARGIN_PX};
pub use flowchart::Direction;
pub use gesture::{Button, Corner, Modifiers, PointerTarget};
pub use keymap::{shortcut, KeyCommand, KeyInput, SheetLine, NUDGE, SHEET};
pub use selection::Selection;
pub use viewport::Viewport;

use crate::core::diagram::{
    free_spot, Applied, Arrow, Board, Command, Component, ComponentId, ComponentKind, EditError,
    History, Point, Rect, Size, FAR_ZOOM,
};
use gesture::Gesture;

/// How a primary-button drag on empty canvas behaves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tool {
    /// Drag on empty canvas draws a selection rectangle.
    #[default]
    Select,
    /// Drag anywhere pans.
    Hand,
}

/// A user intent that is not a pointer gesture.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A raw board command (rename, label, kind change, ...), recorded in history.
    Apply(Command),
    /// Adds a component: centred on `at` (world) or, with `None`, in free space near the
    /// view centre; never on top of another component. Selects it. A frame added with
    /// `None` while components are selected surrounds them instead.
    AddComponent {
        /// Kind to add.
        kind: ComponentKind,
        /// Desired centre in world coordinates.
        at: Option<Point>,
    },
    /// Adds a component named `label` (the quick-add field), as `AddComponent` places
    /// and selects one.
    AddNamed {
        /// Kind to add.
        kind: ComponentKind,
        /// Desired centre in world coordinates.
        at: Point,
        /// Its name.
        label: String,
    },
    /// Steps back in history.
    Undo,
    /// Steps forward in history.
    Redo,
    /// Selects every component and arrow.
    SelectAll,
    /// Selects one component only.
    SelectComponent(ComponentId),
    /// Selects exactly these components (ids not on the board are skipped).
    SelectComponents(Vec<ComponentId>),
    /// Adds a component to the selection (last, for connecting in order), or takes
    /// it out if it is in.
    ToggleComponent(ComponentId),
    /// Selects one arrow only.
    SelectArrow(crate::core::diagram::ArrowId),
    /// Pans so the component is in view (zoom unchanged).
    RevealComponent(ComponentId),
    /// Cancels a gesture in progress, else clears the selection.
    Cancel,
    /// Deletes selected components (with their arrows) and selected arrows.
    DeleteSelection,
    /// Copies the selection in place, offset, and selects the copies.
    DuplicateSelection,
    /// Copies selected components and the arrows among them to the editor's clipboard.
    Copy,
    /// Copy, then delete.
    Cut,
    /// Inserts the clipboard, offset from the originals, and selects it.
    Paste,
    /// Moves selected components.
    Nudge {
        /// World x step.
        dx: f64,
        /// World y step.
        dy: f64,
    },
    /// Connects selected components in selection order (first to second, second to third...).
    ConnectSelection,
    /// Zooms in one step around the canvas centre.
    ZoomIn,
    /// Zooms out one step around the canvas centre.
    ZoomOut,
    /// Back to 100%, keeping the centre.
    ZoomReset,
    /// Shows every component.
    ZoomToFit,
    /// Shows the selected components (and both ends of selected arrows); with
    /// nothing selected, every component.
    ZoomToSelection,
    /// Zooms by a factor around a screen point (wheel, pinch).
    ZoomAt {
        /// Multiplier.
        factor: f64,
        /// Screen point that stays put.
        anchor: Point,
    },
    /// Pans by a screen vector (wheel, scroll).
    PanBy {
        /// Screen x.
        dx: f64,
        /// Screen y.
        dy: f64,
    },
    /// Switches the drag tool.
    SetTool(Tool),
    /// Replaces the whole board (an import) as one undoable step, and shows all of it.
    ReplaceBoard(Board),
    /// Adds a copy of every element of a board (a Mermaid flowchart or an Excalidraw
    /// drawing pasted from another app) centred in the view, and selects them, as one
    /// undoable step.
    InsertBoard(Board),
    /// With one box selected: adds a box of its kind on that side, connected from it,
    /// and selects it (Ctrl+Arrow).
    GrowConnected(Direction),
    /// With one box selected: selects the connected box that way (Alt+Arrow).
    StepToConnected(Direction),
    /// Lines the selected boxes up on that edge (Ctrl+Shift+Arrow).
    Align(Direction),
    /// Groups the selected boxes (Ctrl+G).
    Group,
    /// Ungroups the selected boxes (Ctrl+Shift+G).
    Ungroup,
}

/// Offset of duplicates and pastes from their originals.
const COPY_OFFSET: f64 = 24.0;

/// All editing state of one board.
#[derive(Clone, Debug)]
pub struct Editor {
    board: Board,
    history: History,
    selection: Selection,
    viewport: Viewport,
    view_size: Size,
    tool: Tool,
    gesture: Gesture,
    fingers: touch::Fingers,
    clipboard: Option<(Vec<Component>, Vec<Arrow>)>,
    pastes: u32,
    revision: u64,
}

impl Default for Editor {
    fn default() -> Self {
        Editor::new(Board::new(), Viewport::default())
    }
}

impl Editor {
    /// An editor over `board` with an empty history.
    pub fn new(board: Board, viewport: Viewport) -> Self {
        Editor {
            board,
            history: History::default(),
            selection: Selection::default(),
            viewport: viewport.sanitized(),
            view_size: Size::new(1024.0, 768.0),
            tool: Tool::Select,
            gesture: Gesture::Idle,
            fingers: Vec::new(),
            clipboard: None,
            pastes: 0,
            revision: 0,
        }
    }

    /// The board.
    pub fn board(&self) -> &Board {
        &self.board
    }

    /// The selection.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The viewport.
    pub fn viewport(&self) -> Viewport {
        self.viewport
    }

    /// The current drag tool.
    pub fn tool(&self) -> Tool {
        self.tool
    }

    /// Counts board changes (including undo and redo); view changes do not count.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether undo would do something.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether redo would do something.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The canvas size in screen pixels.
    pub fn view_size(&self) -> Size {
        self.view_size
    }

    /// The world area the canvas mounts: the visible area grown by
    /// [`CULL_MARGIN_PX`] screen pixels on each side; none in the far view (zoomed
    /// out below [`FAR_ZOOM`]), which draws the board as a few paths.
    pub fn mounted_area(&self) -> Option<Rect> {
        (!self.is_far()).then(|| {
            self.viewport
                .visible(self.view_size)
                .inflate(CULL_MARGIN_PX / self.viewport.zoom)
        })
    }

    /// Whether the view is zoomed out below [`FAR_ZOOM`].
    pub fn is_far(&self) -> bool {
        self.viewport.zoom < FAR_ZOOM
    }

    /// Tells the editor the canvas size in screen pixels.
    pub fn set_view_size(&mut self, size: Size) {
        if size.w.is_finite() && size.h.is_finite() && size.w > 0.0 && size.h > 0.0 {
            self.view_size = size;
        }
    }

    /// Replaces the selection (view state: history is untouched).
    pub fn set_selection(&mut self, mut selection: Selection) {
        selection.retain_existing(&self.board);
        self.selection = selection;
    }

    /// Handles one user intent.
    pub fn perform(&mut self, action: Action) -> Result<Applied, EditError> {
        match action {
            Action::Apply(command) => self.apply(command),
            Action::AddComponent { kind, at } => self.add_component(kind, at, None),
            Action::AddNamed { kind, at, label } => self.add_component(kind, Some(at), Some(label)),
            Action::Undo => Ok(self.step_history(true)),
            Action::Redo => Ok(self.step_history(false)),
            Action::SelectAll => {
                self.selection = Selection::default();
                for c in self.board.components() {
                    self.selection.add_component(c.id);
                }
                for a in self.board.arrows() {
                    self.selection.toggle_arrow(a.id);
                }
                Ok(Applied::Unchanged)
            }
            Action::SelectComponent(id) => {
                self.set_selection(Selection::only_component(id));
                Ok(Applied::Unchanged)
            }
            Action::ToggleComponent(id) => {
                if self.board.component(id).is_some() {
                    let mut selection = self.selection().clone();
                    selection.toggle_component(id);
                    self.set_selection(selection);
                }
                Ok(Applied::Unchanged)
            }
            Action::SelectComponents(ids) => {
                let ids = ids
                    .into_iter()
                    .filter(|id| self.board.component(*id).is_some())
                    .collect();
                self.set_selection(Selection::of_components(ids));
                Ok(Applied::Unchanged)
            }
            Action::SelectArrow(id) => {
                self.set_selection(Selection::only_arrow(id));
                Ok(Applied::Unchanged)
            }
            Action::RevealComponent(id) => {
                let rect = self
                    .board
                    .component(id)
                    .ok_or(EditError::UnknownComponent(id))?
                    .rect;
                self.viewport.reveal(rect, self.view_size);
                Ok(Applied::Unchanged)
            }
            Action::Cancel => {
                if self.gesture.is_idle() {
                    self.selection = Selection::default();
                } else {
                    self.cancel_gesture();
                }
                Ok(Applied::Unchanged)
            }
            Action::DeleteSelection => {
                let command = Command::DeleteElements {
                    components: self.selection.components().to_vec(),
                    arrows: self.selection.arrows().to_vec(),
                };
                let applied = self.apply(command)?;
                self.selection = Selection::default();
                Ok(applied)
            }
            Action::DuplicateSelection => {
                let (components, arrows) = self.copy_of_selection();
                self.insert(components, arrows, Point::new(COPY_OFFSET, COPY_OFFSET))
            }
            Action::Copy => {
                let copy = self.copy_of_selection();
                if !copy.0.is_empty() {
                    self.clipboard = Some(copy);
                    self.pastes = 0;
                }
                Ok(Applied::Unchanged)
            }
            Action::Cut => {
                self.perform(Action::Copy)?;
                self.perform(Action::DeleteSelection)
            }
            Action::Paste => {
                let Some((components, arrows)) = self.clipboard.clone() else {
                    return Ok(Applied::Unchanged);
                };
                self.pastes += 1;
                let offset = COPY_OFFSET * f64::from(self.pastes);
                self.insert(components, arrows, Point::new(offset, offset))
            }
            Action::Nudge { dx, dy } => self.apply(Command::MoveComponents {
                ids: self.carried(),
                by: Point::new(dx, dy),
            }),
            Action::ConnectSelection => self.connect_selection(),
            Action::ZoomIn => self.zoom_centre(Viewport::STEP),
            Action::ZoomOut => self.zoom_centre(1.0 / Viewport::STEP),
            Action::ZoomReset => self.zoom_centre(1.0 / self.viewport.zoom),
            Action::ZoomToFit => {
                if let Some(bounds) = self.board.bounds() {
                    self.viewport.fit(bounds, self.view_size);
                }
                Ok(Applied::Unchanged)
            }
            Action::ZoomToSelection => {
                match self.selection_bounds() {
                    Some(bounds) => self.viewport.fit(bounds, self.view_size),
                    None => return self.perform(Action::ZoomToFit),
                }
                Ok(Applied::Unchanged)
            }
            Action::ZoomAt { factor, anchor } => {
                self.viewport.zoom_at(factor, anchor);
                Ok(Applied::Unchanged)
            }
            Action::PanBy { dx, dy } => {
                self.viewport.pan_by(dx, dy);
                Ok(Applied::Unchanged)
            }
            Action::SetTool(tool) => {
                self.tool = tool;
                Ok(Applied::Unchanged)
            }
            Action::GrowConnected(dir) => self.grow_connected(dir),
            Action::StepToConnected(dir) => Ok(self.step_to_connected(dir)),
            Action::Align(dir) => self.align_selection(dir),
            Action::Group => self.apply(Command::Group {
                ids: self.selection.components().to_vec(),
            }),
            Action::Ungroup => self.apply(Command::Ungroup {
                ids: self.selection.components().to_vec(),
            }),
            Action::ReplaceBoard(board) => {
                if !self.gesture.is_idle() {
                    self.cancel_gesture();
                }
                let applied = self.step(|b| {
                    Ok(if *b == board {
                        Applied::Unchanged
                    } else {
                        *b = board;
                        Applied::Changed
                    })
                })?;
                self.selection = Selection::default();
                let _ = self.perform(Action::ZoomToFit);
                Ok(applied)
            }
            Action::InsertBoard(board) => {
                let Some(bounds) = board.bounds() else {
                    return Ok(Applied::Unchanged);
                };
                if !self.gesture.is_idle() {
                    self.cancel_gesture();
                }
                // In free space nearest the view's centre: never over other boxes.
                let centre = self.viewport.center(self.view_size);
                let at = free_spot(&self.board, centre, Size::new(bounds.w, bounds.h));
                let offset = Point::new(at.x - bounds.x, at.y - bounds.y);
                let placed = Rect::new(at.x, at.y, bounds.w, bounds.h);
                let (components, arrows) = (board.components().to_vec(), board.arrows().to_vec());
                let applied = self.insert(components, arrows, offset)?;
                // What does not fit the view at this zoom is shown whole.
                if !self.viewport.visible(self.view_size).contains_rect(&placed) {
                    let _ = self.perform(Action::ZoomToSelection);
                }
                Ok(applied)
            }
        }
    }

    /// Applies a command as one history step.
    fn apply(&mut self, command: Command) -> Result<Applied, EditError> {
        self.step(|board| board.apply(command))
    }

    /// Runs an edit of one or more commands as one history step. The edit works on a
    /// copy, so a refusal part-way leaves the board as it was.
    fn step(
        &mut self,
        edit: impl FnOnce(&mut Board) -> Result<Applied, EditError>,
    ) -> Result<Applied, EditError> {
        let mut board = self.board.clone();
        let applied = edit(&mut board)?;
        if applied.changed() {
            let before = std::mem::replace(&mut self.board, board);
            self.history.record(before);
            self.revision += 1;
            self.selection.retain_existing(&self.board);
        }
        Ok(applied)
    }

    fn add_component(
        &mut self,
        kind: ComponentKind,
        at: Option<Point>,
        label: Option<String>,
    ) -> Result<Applied, EditError> {
        let (w, h) = Board::new_size(kind);
        let centre = at.unwrap_or_else(|| self.viewport.center(self.view_size));
        if !centre.is_finite() {
            return Err(EditError::CoordinateOutOfRange);
        }
        let around = self
            .selection_bounds()
            .filter(|_| kind == ComponentKind::Frame && at.is_none());
        let spot = free_spot(&self.board, centre, Size::new(w, h));
        let applied = self.apply(Command::AddComponent {
            kind,
            at: spot,
            label,
        })?;
        if let (Applied::Added(id), Some(r)) = (&applied, around) {
            // Frame the selection: a margin all round, and room for the title. Part
            // of the add's history step (recorded before it), so one undo removes it.
            let m = Board::FRAME_MARGIN;
            let top = m + crate::core::diagram::FRAME_TITLE_HEIGHT;
            let rect = Rect::new(r.x - m, r.y - top, r.w + 2.0 * m, r.h + m + top);
            let _ = self.board.apply(Command::ResizeComponent { id: *id, rect });
        }
        if let Applied::Added(id) = applied {
            self.selection = Selection::only_component(id);
        }
        Ok(applied)
    }

    fn step_history(&mut self, back: bool) -> Applied {
        if !self.gesture.is_idle() {
            self.cancel_gesture();
        }
        let step = if back {
            self.history.undo(&self.board)
        } else {
            self.history.redo(&self.board)
        };
        match step {
            Some(board) => {
                self.board = board;
                self.revision += 1;
                self.selection.retain_existing(&self.board);
                Applied::Changed
            }
            None => Applied::Unchanged,
        }
    }

    fn copy_of_selection(&self) -> (Vec<Component>, Vec<Arrow>) {
        let ids = self.selection.components();
        let components: Vec<Component> = self
            .board
            .components()
            .iter()
            .filter(|c| ids.contains(&c.id))
            .cloned()
            .collect();
        let arrows = self
            .board
            .arrows()
            .iter()
            .filter(|a| ids.contains(&a.from) && ids.contains(&a.to))
            .cloned()
            .collect();
        (components, arrows)
    }

    fn insert(
        &mut self,
        components: Vec<Component>,
        arrows: Vec<Arrow>,
        offset: Point,
    ) -> Result<Applied, EditError> {
        if components.is_empty() {
            return Ok(Applied::Unchanged);
        }
        let applied = self.apply(Command::InsertCopies {
            components,
            arrows,
            offset,
        })?;
        if let Applied::Inserted(ids) = &applied {
            self.selection = Selection::of_components(ids.clone());
        }
        Ok(applied)
    }

    fn connect_selection(&mut self) -> Result<Applied, EditError> {
        let ids = self.selection.components().to_vec();
        if ids.len() < 2 {
            return Err(EditError::NeedTwoComponents);
        }
        self.step(|board| {
            let mut changed = false;
            for pair in ids.windows(2) {
                let command = Command::ConnectComponents {
                    from: pair[0],
                    to: pair[1],
                    label: String::new(),
                };
                match board.apply(command) {
                    Ok(_) => changed = true,
                    Err(EditError::DuplicateArrow(_)) if ids.len() > 2 => {}
                    Err(e) => return Err(e),
                }
            }
            Ok(if changed {
                Applied::Changed
            } else {
                Applied::Unchanged
            })
        })
    }

    /// The box around the selected components and both ends of selected arrows.
    fn selection_bounds(&self) -> Option<Rect> {
        let arrow_ends = self
            .selection
            .arrows()
            .iter()
            .filter_map(|id| self.board.arrow(*id).map(|a| [a.from, a.to]));
        let ids = self
            .selection
            .components()
            .iter()
            .copied()
            .chain(arrow_ends.flatten());
        Rect::bounds(ids.filter_map(|id| self.board.component(id).map(|c| c.rect)))
    }

    fn zoom_centre(&mut self, factor: f64) -> Result<Applied, EditError> {
        let anchor = Point::new(self.view_size.w / 2.0, self.view_size.h / 2.0);
        self.viewport.zoom_at(factor, anchor);
        Ok(Applied::Unchanged)
    }
}
