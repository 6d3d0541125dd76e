//! What is selected. View state: never part of history.

use crate::core::diagram::{ArrowId, Board, ComponentId};

/// Selected components and arrows, each in the order they were selected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    components: Vec<ComponentId>,
    arrows: Vec<ArrowId>,
}

impl Selection {
    /// Selected components, oldest first.
    pub fn components(&self) -> &[ComponentId] {
        &self.components
    }

    /// Selected arrows, oldest first.
    pub fn arrows(&self) -> &[ArrowId] {
        &self.arrows
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.components.is_empty() && self.arrows.is_empty()
    }

    /// Whether this component is selected.
    pub fn has_component(&self, id: ComponentId) -> bool {
        self.components.contains(&id)
    }

    /// Whether this arrow is selected.
    pub fn has_arrow(&self, id: ArrowId) -> bool {
        self.arrows.contains(&id)
    }

    /// Selection of exactly one component.
    pub fn only_component(id: ComponentId) -> Self {
        Selection {
            components: vec![id],
            arrows: Vec::new(),
        }
    }

    /// Selection of exactly one arrow.
    pub fn only_arrow(id: ArrowId) -> Self {
        Selection {
            components: Vec::new(),
            arrows: vec![id],
        }
    }

    /// Selection of these components.
    pub fn of_components(ids: Vec<ComponentId>) -> Self {
        Selection {
            components: ids,
            arrows: Vec::new(),
        }
    }

    /// Adds a component, or removes it if present.
    pub fn toggle_component(&mut self, id: ComponentId) {
        toggle(&mut self.components, id);
    }

    /// Adds an arrow, or removes it if present.
    pub fn toggle_arrow(&mut self, id: ArrowId) {
        toggle(&mut self.arrows, id);
    }

    /// Adds a component if absent.
    pub fn add_component(&mut self, id: ComponentId) {
        if !self.components.contains(&id) {
            self.components.push(id);
        }
    }

    /// The single selected component, if exactly one thing is selected.
    pub fn single_component(&self) -> Option<ComponentId> {
        match (self.components.as_slice(), self.arrows.is_empty()) {
            ([id], true) => Some(*id),
            _ => None,
        }
    }

    /// The single selected arrow, if exactly one thing is selected.
    pub fn single_arrow(&self) -> Option<ArrowId> {
        match (self.arrows.as_slice(), self.components.is_empty()) {
            ([id], true) => Some(*id),
            _ => None,
        }
    }

    /// Drops ids that no longer exist on `board` (after undo or delete).
    pub fn retain_existing(&mut self, board: &Board) {
        self.components.retain(|id| board.component(*id).is_some());
        self.arrows.retain(|id| board.arrow(*id).is_some());
    }
}

fn toggle<T: PartialEq>(items: &mut Vec<T>, item: T) {
    if let Some(i) = items.iter().position(|x| *x == item) {
        items.remove(i);
    } else {
        items.push(item);
    }
}
