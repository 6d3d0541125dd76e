//! What the canvas mounts: the elements that meet the visible area (grown by a
//! margin), in paint order. Everything else is left out of the page entirely, so a
//! board of thousands of boxes costs the page only what is on screen.
//!
//! The last selected component and arrow stay mounted wherever they are: keyboard
//! focus lives on them, and a nudge or a rename must not drop it.

use super::Selection;
use crate::core::diagram::{ArrowId, Board, ComponentId, ComponentKind, Rect};

/// Screen pixels mounted beyond each edge of the canvas, so a short pan shows what
/// is already there.
pub const CULL_MARGIN_PX: f64 = 160.0;

/// An arrow's identity for rendering: a reversed arrow is a new view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ArrowKey {
    /// Arrow id.
    pub id: ArrowId,
    /// Source component.
    pub from: ComponentId,
    /// Target component.
    pub to: ComponentId,
}

/// The elements to mount, each list in paint order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OnScreen {
    /// Frames (drawn beneath everything).
    pub frames: Vec<ComponentId>,
    /// Every other component: parts, free text, sticky notes.
    pub boxes: Vec<ComponentId>,
    /// Arrows.
    pub arrows: Vec<ArrowKey>,
}

/// The elements of `board` that meet `area` (world coordinates; none in the far
/// view), plus the last selected component and arrow. An arrow's extent comes from
/// `arrow_bounds` (its route and label); an arrow not laid out yet is mounted.
pub fn on_screen(
    board: &Board,
    area: Option<Rect>,
    selection: &Selection,
    arrow_bounds: impl Fn(ArrowId) -> Option<Rect>,
) -> OnScreen {
    let kept_component = selection.components().last().copied();
    let kept_arrow = selection.arrows().last().copied();
    let mut shown = OnScreen::default();
    for c in board.components() {
        if Some(c.id) == kept_component || area.is_some_and(|area| c.rect.intersects(&area)) {
            let list = if c.kind == ComponentKind::Frame {
                &mut shown.frames
            } else {
                &mut shown.boxes
            };
            list.push(c.id);
        }
    }
    for a in board.arrows() {
        let meets = area.is_some_and(|area| arrow_bounds(a.id).is_none_or(|b| b.intersects(&area)));
        if meets || Some(a.id) == kept_arrow {
            shown.arrows.push(ArrowKey {
                id: a.id,
                from: a.from,
                to: a.to,
            });
        }
    }
    shown
}
