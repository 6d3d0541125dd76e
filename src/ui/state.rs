//! The app's one state context: owns the [`Editor`] and mirrors it into signals.
//!
//! The editor is plain data behind a `StoredValue`; components never mutate it directly
//! but call [`BoardState::dispatch`] (an [`Action`]) or the pointer methods. After each call,
//! `sync` diffs the editor against the signals and sets only what changed: one signal
//! per component, so dragging one box re-renders that box and its arrows, not the board.

use super::mirror::{ArrowSignals, ComponentSignals, Mirror};
use crate::core::diagram::{Applied, ArrowId, ComponentId, EditError, FarView, Point, Rect, Size};
pub use crate::core::editor::ArrowKey;
use crate::core::editor::{
    Action, Button, Direction, Editor, Modifiers, OnScreen, PointerTarget, Selection, Tool,
    Viewport,
};
use leptos::prelude::*;

/// What the inline text field is editing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EditTarget {
    /// A component's label.
    Component(ComponentId),
    /// An arrow's label.
    Arrow(ArrowId),
}

/// A connection being drawn: start and end in world coordinates, and the target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ConnectPreview {
    /// Border point of the source.
    pub start: Point,
    /// Pointer or target border point.
    pub end: Point,
    /// Component the arrow would attach to.
    pub target: Option<ComponentId>,
}

/// Shared board state; `Copy`, so every component can hold it.
#[derive(Clone, Copy)]
pub struct BoardState {
    editor: StoredValue<Editor>,
    mirror: StoredValue<Mirror>,
    synced_revision: StoredValue<Option<u64>>,
    /// Components on screen in paint order, frames left out: the canvas mounts
    /// only these.
    pub component_ids: RwSignal<Vec<ComponentId>>,
    /// Frames on screen in paint order: drawn in their own layer, beneath everything.
    pub frame_ids: RwSignal<Vec<ComponentId>>,
    /// Arrows on screen in paint order.
    pub arrow_keys: RwSignal<Vec<ArrowKey>>,
    /// Whether the board has no element at all (on screen or not).
    pub empty: RwSignal<bool>,
    /// The board as a few paths, while zoomed out below `FAR_ZOOM` (nothing else is
    /// mounted then but the last selected box and arrow).
    pub far: RwSignal<Option<FarView>>,
    /// Bumps on every board change (undo/redo included).
    pub revision: RwSignal<u64>,
    /// Bumps when anything but geometry changes (ids, kinds, labels, notes, arrows):
    /// lists and checks that ignore positions track this, so a drag does not rebuild
    /// them.
    pub structure: RwSignal<u64>,
    /// Current selection.
    pub selection: RwSignal<Selection>,
    /// Current viewport.
    pub viewport: RwSignal<Viewport>,
    /// Canvas size in screen pixels.
    pub view_size: RwSignal<Size>,
    /// Current drag tool.
    pub tool: RwSignal<Tool>,
    /// Whether undo is possible.
    pub can_undo: RwSignal<bool>,
    /// Whether redo is possible.
    pub can_redo: RwSignal<bool>,
    /// Arrow being drawn.
    pub preview: RwSignal<Option<ConnectPreview>>,
    /// Selection rectangle being drawn (world).
    pub band: RwSignal<Option<Rect>>,
    /// Whether a drag is in progress.
    pub dragging: RwSignal<bool>,
    /// Inline text field target.
    pub editing: RwSignal<Option<EditTarget>>,
    /// A short message for the user (refusals, repairs).
    pub notice: RwSignal<Option<String>>,
    /// Space bar held (pans).
    pub space_held: RwSignal<bool>,
}

impl BoardState {
    /// Creates the state around an editor and syncs every signal.
    pub fn new(editor: Editor) -> Self {
        let viewport = editor.viewport();
        let board = BoardState {
            editor: StoredValue::new(editor),
            mirror: StoredValue::new(Mirror::default()),
            synced_revision: StoredValue::new(None),
            component_ids: RwSignal::new(Vec::new()),
            frame_ids: RwSignal::new(Vec::new()),
            arrow_keys: RwSignal::new(Vec::new()),
            empty: RwSignal::new(true),
            far: RwSignal::new(None),
            revision: RwSignal::new(0),
            structure: RwSignal::new(0),
            selection: RwSignal::new(Selection::default()),
            viewport: RwSignal::new(viewport),
            view_size: RwSignal::new(Size::new(1024.0, 768.0)),
            tool: RwSignal::new(Tool::Select),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            preview: RwSignal::new(None),
            band: RwSignal::new(None),
            dragging: RwSignal::new(false),
            editing: RwSignal::new(None),
            notice: RwSignal::new(None),
            space_held: RwSignal::new(false),
        };
        board.sync();
        board
    }

    /// Handles an action; a refusal becomes a notice.
    pub fn dispatch(&self, action: Action) -> Result<Applied, EditError> {
        let result = self.editor.try_update_value(|e| e.perform(action));
        self.sync();
        match result {
            Some(Err(e)) => {
                self.notice.set(Some(capitalise(&e.to_string())));
                Err(e)
            }
            Some(Ok(applied)) => Ok(applied),
            None => Ok(Applied::Unchanged),
        }
    }

    /// Ctrl+Arrow: grows a connected box out of the selected one and opens its name
    /// for typing, so a chain of boxes is named as fast as it is said.
    pub fn grow_and_name(&self, dir: Direction) {
        if let Ok(Applied::Added(id)) = self.dispatch(Action::GrowConnected(dir)) {
            self.editing.set(Some(EditTarget::Component(id)));
        }
    }

    /// Reads the editor without tracking.
    pub fn with_editor<R>(&self, f: impl FnOnce(&Editor) -> R) -> R {
        self.editor.with_value(f)
    }

    /// Tells the editor the canvas size.
    pub fn set_view_size(&self, size: Size) {
        self.editor.update_value(|e| e.set_view_size(size));
        self.sync();
    }

    /// Pointer pressed.
    pub fn pointer_down(&self, target: PointerTarget, at: Point, button: Button, mods: Modifiers) {
        self.editor
            .update_value(|e| e.pointer_down(target, at, button, mods));
        self.sync();
    }

    /// Pointer moved.
    pub fn pointer_move(&self, at: Point) {
        self.editor.update_value(|e| e.pointer_move(at));
        self.sync();
    }

    /// Pointer released.
    pub fn pointer_up(&self, at: Point) {
        let result = self.editor.try_update_value(|e| e.pointer_up(at));
        self.sync();
        if let Some(Err(e)) = result {
            self.notice.set(Some(capitalise(&e.to_string())));
        }
    }

    /// A finger touched the canvas (see `Editor::touch_start`).
    pub fn touch_start(&self, id: i32, target: PointerTarget, at: Point) {
        self.editor.update_value(|e| e.touch_start(id, target, at));
        self.sync();
    }

    /// A finger moved.
    pub fn touch_move(&self, id: i32, at: Point) {
        self.editor.update_value(|e| e.touch_move(id, at));
        self.sync();
    }

    /// A finger lifted.
    pub fn touch_end(&self, id: i32, at: Point) {
        self.editor.update_value(|e| e.touch_end(id, at));
        self.sync();
    }

    /// A finger's touch was cancelled by the browser.
    pub fn touch_cancel(&self, id: i32) {
        self.editor.update_value(|e| e.touch_cancel(id));
        self.sync();
    }

    /// Pointer cancelled (lost capture, touch cancel).
    pub fn pointer_cancel(&self) {
        self.editor.update_value(Editor::cancel_gesture);
        self.sync();
    }

    /// Signals of one component. An unknown id (a view outliving its component for a
    /// moment) gets detached placeholder signals rather than a panic.
    pub fn component(&self, id: ComponentId) -> ComponentSignals {
        self.mirror
            .with_value(|m| m.component(id))
            .unwrap_or_else(|| {
                let placeholder = crate::core::diagram::Component {
                    id,
                    kind: crate::core::diagram::ComponentKind::Generic,
                    label: String::new(),
                    rect: Rect::default(),
                    details: String::new(),
                    failure: String::new(),
                    colour: None,
                    group: None,
                };
                ComponentSignals {
                    data: ArcRwSignal::new(placeholder),
                    selected: ArcRwSignal::new(false),
                    hovered: ArcRwSignal::new(false),
                }
            })
    }

    /// Signals of one arrow (placeholders for an unknown id).
    pub fn arrow(&self, id: ArrowId) -> ArrowSignals {
        self.mirror
            .with_value(|m| m.arrow(id))
            .unwrap_or_else(|| ArrowSignals {
                label: ArcRwSignal::new(String::new()),
                straight: ArcRwSignal::new(false),
                layout: ArcRwSignal::new(Default::default()),
                selected: ArcRwSignal::new(false),
            })
    }

    /// Marks the component under the pointer.
    pub fn set_hovered(&self, id: Option<ComponentId>) {
        self.mirror.update_value(|m| m.set_hovered(id));
    }

    /// Brings every signal in line with the editor, setting only what changed.
    fn sync(&self) {
        self.editor.with_value(|e| {
            let revision = e.revision();
            let board_changed = self.synced_revision.get_value() != Some(revision);
            let area = e.mounted_area();
            self.mirror.update_value(|m| {
                let structural = board_changed && m.sync_board(e.board());
                let selection_changed = m.sync_selection(e.selection());
                if let Some(shown) = m.sync_on_screen(e.board(), revision, area, selection_changed)
                {
                    self.mount(shown);
                }
                if structural {
                    self.structure.update(|s| *s += 1);
                }
                if !e.is_far() {
                    set_if_changed(self.far, &None);
                } else if board_changed || self.far.with_untracked(Option::is_none) {
                    self.far.set(Some(m.far_view(e.board())));
                }
            });
            if board_changed {
                self.synced_revision.set_value(Some(revision));
                set_if_changed(self.empty, &e.board().components().is_empty());
                self.revision.set(revision);
            }
            set_if_changed(self.selection, e.selection());
            set_if_changed(self.viewport, &e.viewport());
            set_if_changed(self.view_size, &e.view_size());
            set_if_changed(self.tool, &e.tool());
            set_if_changed(self.can_undo, &e.can_undo());
            set_if_changed(self.can_redo, &e.can_redo());
            set_if_changed(self.dragging, &e.is_dragging());
            set_if_changed(self.band, &e.selection_band());
            let preview = e.connection_preview().and_then(|(from, pointer, target)| {
                let source = e.board().component(from)?.rect;
                let end_rect = target.and_then(|t| e.board().component(t)).map(|c| c.rect);
                let (start, end) = match end_rect {
                    Some(r) => crate::core::diagram::arrow_endpoints(&source, &r),
                    None => (source.border_point(pointer), pointer),
                };
                Some(ConnectPreview { start, end, target })
            });
            set_if_changed(self.preview, &preview);
        });
    }

    /// Sets the lists the canvas mounts, where they changed.
    fn mount(&self, shown: &OnScreen) {
        set_if_changed(self.frame_ids, &shown.frames);
        set_if_changed(self.component_ids, &shown.boxes);
        set_if_changed(self.arrow_keys, &shown.arrows);
    }
}

fn set_if_changed<T: Clone + PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: &T) {
    if signal.with_untracked(|v| v != value) {
        signal.set(value.clone());
    }
}

/// Capitalises an English message (ASCII case only: Unicode case tables would add
/// kilobytes to the app for messages the app writes itself).
fn capitalise(text: &str) -> String {
    let mut text = text.to_string();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// The board state from context.
pub fn use_board() -> BoardState {
    expect_context::<BoardState>()
}
