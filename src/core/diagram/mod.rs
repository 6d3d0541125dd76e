//! The diagram model: typed components, directed arrows, geometry, commands, history.
//!
//! Invariants kept by [`Board::apply`], the only way a board changes:
//! ids are unique across components and arrows, every arrow joins two distinct existing
//! components, no two arrows share the same (from, to) pair, coordinates are finite,
//! and arrows join parts only (never free text, sticky notes or frames).
//! Arrows are routed (elbow by default, straight on request) by pure functions of the
//! board (`route`, `layout`), so the canvas and the exports draw the same lines.

mod board;
mod box_index;
mod colour;
mod command;
mod far;
mod geometry;
mod history;
mod kind;
mod label;
mod layout;
mod layouts;
mod patch;
mod placement;
mod ports;
mod route;
mod route_grid;
mod shape;
mod text;

pub use board::{Arrow, ArrowId, Board, Component, ComponentId, NoteField};
pub use box_index::BoxIndex;
pub use colour::Colour;
pub use command::{Applied, Command, EditError};
pub use far::{far_view, FarBoxes, FarView, FAR_ZOOM};
pub use geometry::{arrow_endpoints, clip_segment, Point, Rect, Size, MAX_COORDINATE};
pub use history::History;
pub use kind::{ComponentKind, Shape};
pub use label::{
    caption_text, fit_size, label_layout, LabelLayout, CAPTION_PX, FRAME_TITLE_HEIGHT, LABEL_LEFT,
    LABEL_PX, MAX_FIT_WIDTH, MAX_NAME_LINES, MAX_TEXT_LINES,
};
pub use layout::{arrow_label_size, path_data, place_label, ArrowLayout, ARROW_LABEL_PX};
pub use layouts::{layout_arrows, layout_arrows_once, ArrowLayouts};
pub use patch::Patch;
pub use placement::free_spot;
pub use route::{crossings, elbow_route, facing_sides, straight_route, End, Port, Side, CLEARANCE};
pub use shape::shape_outline;
pub use text::{
    escape_markup, fit_text, normalize_label, normalize_note, normalize_text, text_width,
    wrap_text, wrap_words, MAX_LABEL_CHARS, MAX_NOTE_CHARS, MAX_TEXT_CHARS,
};
