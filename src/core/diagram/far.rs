//! The far view: zoomed out below [`FAR_ZOOM`], names are too small to read and a
//! board of thousands of boxes would mount thousands of elements, so the canvas
//! draws it as a handful of paths instead: each colour's boxes, the frames and
//! the arrows' routes, in world coordinates (a pan or a zoom redraws nothing).

use super::board::Board;
use super::kind::ComponentKind;
use super::layout::{path_data, ArrowLayout};
use crate::core::decimal::dec;
use std::fmt::Write;

/// Below this zoom the canvas shows the far view (13 px names would be under 4 px).
pub const FAR_ZOOM: f64 = 0.3;

/// One colour's boxes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FarBoxes {
    /// Hue and saturation, as `Component::hue_saturation` gives them.
    pub colour: (u16, u8),
    /// Their outlines as rectangles, SVG path data.
    pub path: String,
}

/// The board as a few paths.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FarView {
    /// Boxes (parts and sticky notes) grouped by colour, in the order colours first
    /// appear on the board.
    pub boxes: Vec<FarBoxes>,
    /// The frames' outlines.
    pub frames: String,
    /// Every arrow's route.
    pub arrows: String,
}

/// The far view of `board`, its arrows drawn along `routes`. Free text has no
/// outline to draw.
pub fn far_view<'a>(board: &Board, routes: impl Iterator<Item = &'a ArrowLayout>) -> FarView {
    let mut view = FarView::default();
    for c in board.components() {
        let path = match c.kind {
            ComponentKind::Text => continue,
            ComponentKind::Frame => &mut view.frames,
            _ => {
                let colour = c.hue_saturation();
                let at = match view.boxes.iter().position(|b| b.colour == colour) {
                    Some(i) => i,
                    None => {
                        view.boxes.push(FarBoxes {
                            colour,
                            path: String::new(),
                        });
                        view.boxes.len() - 1
                    }
                };
                &mut view.boxes[at].path
            }
        };
        let r = c.rect;
        let _ = write!(
            path,
            "M{} {}h{}v{}h-{}z",
            dec(r.x),
            dec(r.y),
            dec(r.w),
            dec(r.h),
            dec(r.w)
        );
    }
    for layout in routes {
        view.arrows.push_str(&path_data(&layout.points));
    }
    view
}
