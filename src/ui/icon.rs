//! A component kind's icon as a small inline SVG.

use crate::core::diagram::ComponentKind;
use leptos::prelude::*;

/// The kind's 16x16 stroke icon, decorative (hidden from assistive tech).
#[component]
pub fn KindIcon(kind: ComponentKind) -> impl IntoView {
    view! {
        <svg class="kind-icon" viewBox="0 0 16 16" width="18" height="18" aria-hidden="true">
            <path d=kind.icon() />
        </svg>
    }
}

/// Toolbar glyphs as 16x16 stroke paths (no font or emoji dependence).
pub mod glyph {
    /// Curved arrow left.
    pub const UNDO: &str = "M5.5 3L2.5 6l3 3 M2.5 6h7a4 4 0 0 1 0 8H7";
    /// Curved arrow right.
    pub const REDO: &str = "M10.5 3l3 3-3 3 M13.5 6h-7a4 4 0 0 0 0 8H9";
    /// Pointer.
    pub const SELECT: &str = "M3 2l9.5 6-4.2 1 2.4 4.6-1.8.9-2.4-4.6L3 12.5z";
    /// Open hand.
    pub const HAND: &str = "M5 8V3.5a1 1 0 0 1 2 0V7 M7 7V2.5a1 1 0 0 1 2 0V7 M9 7V3.5a1 1 0 0 1 2 0V8 M11 8V5.5a1 1 0 0 1 2 0V10a4.5 4.5 0 0 1-4.5 4.5h-1A4.5 4.5 0 0 1 4 12l-1.8-3a1 1 0 0 1 1.7-1L5 9.5";
    /// Two boxes joined by an arrow.
    pub const CONNECT: &str =
        "M1.5 5.5h4v5h-4z M10.5 5.5h4v5h-4z M5.5 8h4.5 M8.5 6.5L10 8l-1.5 1.5";
    /// Two overlapping squares.
    pub const DUPLICATE: &str = "M5.5 5.5h8v8h-8z M10.5 5.5v-3h-8v8h3";
    /// Bin.
    pub const DELETE: &str =
        "M2.5 4h11 M6 4V2.5h4V4 M4 4l.8 9.5h6.4L12 4 M6.7 6.5v4.5 M9.3 6.5v4.5";
    /// Minus.
    pub const ZOOM_OUT: &str = "M3.5 8h9";
    /// Plus.
    pub const ZOOM_IN: &str = "M3.5 8h9 M8 3.5v9";
    /// Four corners.
    pub const FIT: &str = "M2 6V2h4 M10 2h4v4 M14 10v4h-4 M6 14H2v-4";
}

/// A toolbar glyph, decorative.
#[component]
pub fn Glyph(path: &'static str) -> impl IntoView {
    view! {
        <svg class="glyph" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d=path />
        </svg>
    }
}
