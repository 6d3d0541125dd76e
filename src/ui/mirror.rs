//! Per-element signals mirrored from the editor.
//!
//! Each component and arrow gets its own signals for its data and for the flags the
//! view needs (selected, hovered). The mirror diffs in plain Rust and sets a signal
//! only when its value changes, so a click or a drag wakes the handful of views it
//! concerns instead of every view on the board. It also says which elements are on
//! screen: only those are mounted.

use crate::core::diagram::{
    far_view, ArrowId, ArrowLayout, ArrowLayouts, Board, Component, ComponentId, FarView, Rect,
};
use crate::core::editor::{on_screen, OnScreen, Selection};
use leptos::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Signals of one component.
#[derive(Clone)]
pub struct ComponentSignals {
    /// The component's record.
    pub data: ArcRwSignal<Component>,
    /// Whether it is selected.
    pub selected: ArcRwSignal<bool>,
    /// Whether the pointer is over it.
    pub hovered: ArcRwSignal<bool>,
}

/// Signals of one arrow.
#[derive(Clone)]
pub struct ArrowSignals {
    /// The arrow's label.
    pub label: ArcRwSignal<String>,
    /// Whether it is drawn straight (else routed in elbows).
    pub straight: ArcRwSignal<bool>,
    /// Its route and label box.
    pub layout: ArcRwSignal<ArrowLayout>,
    /// Whether it is selected.
    pub selected: ArcRwSignal<bool>,
}

impl ComponentSignals {
    fn new(c: &Component) -> Self {
        ComponentSignals {
            data: ArcRwSignal::new(c.clone()),
            selected: ArcRwSignal::new(false),
            hovered: ArcRwSignal::new(false),
        }
    }
}

impl ArrowSignals {
    fn new(label: &str, straight: bool) -> Self {
        ArrowSignals {
            label: ArcRwSignal::new(label.to_string()),
            straight: ArcRwSignal::new(straight),
            layout: ArcRwSignal::new(ArrowLayout::default()),
            selected: ArcRwSignal::new(false),
        }
    }
}

/// The store of per-element signals and the state they were last synced to.
#[derive(Default)]
pub struct Mirror {
    components: HashMap<ComponentId, ComponentSignals>,
    arrows: HashMap<ArrowId, ArrowSignals>,
    layouts: ArrowLayouts,
    selection: Selection,
    hovered: Option<ComponentId>,
    shown_for: Option<(u64, Option<Rect>)>,
    shown: OnScreen,
}

/// Clears the flags of ids only in `old` and sets those in `new`.
fn flip_flags<'a, K: PartialEq>(
    old: &[K],
    new: &[K],
    flag: impl Fn(&K) -> Option<&'a ArcRwSignal<bool>>,
) {
    for id in old {
        if let Some(f) = flag(id) {
            set(f, new.contains(id));
        }
    }
    for id in new {
        if let Some(f) = flag(id) {
            set(f, true);
        }
    }
}

fn set<T: PartialEq + Send + Sync + 'static>(signal: &ArcRwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

impl Mirror {
    /// Signals of a component, if it exists.
    pub fn component(&self, id: ComponentId) -> Option<ComponentSignals> {
        self.components.get(&id).cloned()
    }

    /// Signals of an arrow, if it exists.
    pub fn arrow(&self, id: ArrowId) -> Option<ArrowSignals> {
        self.arrows.get(&id).cloned()
    }

    /// Mirrors component records and arrow labels; returns whether anything but
    /// geometry changed (ids, kinds, labels, arrows).
    pub fn sync_board(&mut self, board: &Board) -> bool {
        let mut structural = false;
        for c in board.components() {
            match self.components.get(&c.id) {
                Some(s) => {
                    let (same, same_but_rect) = s.data.with_untracked(|v| {
                        let same_but_rect = v.kind == c.kind
                            && v.label == c.label
                            && v.details == c.details
                            && v.failure == c.failure;
                        (v == c, same_but_rect)
                    });
                    if !same {
                        structural |= !same_but_rect;
                        s.data.set(c.clone());
                    }
                }
                None => {
                    structural = true;
                    self.components.insert(c.id, ComponentSignals::new(c));
                }
            }
        }
        for a in board.arrows() {
            match self.arrows.get(&a.id) {
                Some(s) => {
                    if s.label.with_untracked(|l| *l != a.label) {
                        structural = true;
                        s.label.set(a.label.clone());
                    }
                    if s.straight.get_untracked() != a.straight {
                        s.straight.set(a.straight);
                    }
                }
                None => {
                    structural = true;
                    let signals = ArrowSignals::new(&a.label, a.straight);
                    self.arrows.insert(a.id, signals);
                }
            }
        }
        if self.components.len() != board.components().len() {
            structural = true;
            let live: HashSet<_> = board.components().iter().map(|c| c.id).collect();
            self.components.retain(|id, _| live.contains(id));
        }
        if self.arrows.len() != board.arrows().len() {
            structural = true;
            let live: HashSet<_> = board.arrows().iter().map(|a| a.id).collect();
            self.arrows.retain(|id, _| live.contains(id));
        }
        // Only the arrows a change can reroute are laid out again.
        for id in self.layouts.sync(board) {
            if let (Some(s), Some(layout)) = (self.arrows.get(&id), self.layouts.layout(id)) {
                s.layout.set(layout.clone());
            }
        }
        structural
    }

    /// Sets the selected flags that differ from `selection`; returns whether any did.
    pub fn sync_selection(&mut self, selection: &Selection) -> bool {
        if self.selection == *selection {
            return false;
        }
        let old = std::mem::replace(&mut self.selection, selection.clone());
        let components = |id: &ComponentId| self.components.get(id).map(|s| &s.selected);
        flip_flags(old.components(), selection.components(), components);
        let arrows = |id: &ArrowId| self.arrows.get(id).map(|s| &s.selected);
        flip_flags(old.arrows(), selection.arrows(), arrows);
        true
    }

    /// Moves the hover flag.
    pub fn set_hovered(&mut self, id: Option<ComponentId>) {
        if self.hovered == id {
            return;
        }
        if let Some(s) = self.hovered.and_then(|old| self.components.get(&old)) {
            set(&s.hovered, false);
        }
        if let Some(s) = id.and_then(|new| self.components.get(&new)) {
            set(&s.hovered, true);
        }
        self.hovered = id;
    }

    /// What is on screen in `area`, when it differs from what it was at the last call;
    /// skips the work when neither the board revision, the area nor (with `force`) the
    /// selection changed.
    pub fn sync_on_screen(
        &mut self,
        board: &Board,
        revision: u64,
        area: Option<Rect>,
        force: bool,
    ) -> Option<&OnScreen> {
        if !force && self.shown_for == Some((revision, area)) {
            return None;
        }
        self.shown_for = Some((revision, area));
        let shown = on_screen(board, area, &self.selection, |id| self.layouts.bounds(id));
        if shown == self.shown {
            return None;
        }
        self.shown = shown;
        Some(&self.shown)
    }

    /// The far view of `board`, its arrows along their current layouts.
    pub fn far_view(&self, board: &Board) -> FarView {
        let routes = board
            .arrows()
            .iter()
            .filter_map(|a| self.layouts.layout(a.id));
        far_view(board, routes)
    }
}
