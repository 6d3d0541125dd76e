//! A standalone SVG of a board that looks like the canvas: the kind's outline and
//! colours, icon, label (and kind caption), routed arrows with heads, and arrow labels
//! above the boxes, all laid out by `layout_arrows_once` as on the canvas. Fits the
//! content with a margin. Frames are drawn first, beneath everything (a dashed tinted
//! outline with the title at its top left); free text has no outline and sticky notes
//! no icon. Safe to open anywhere: every text is escaped, and the
//! document has no script, no `foreignObject`, no event attributes and no external
//! references (only the in-document arrowhead marker `#head`).
//!
//! The board is drawn as [`pieces`] (each component, route and arrow label, by
//! [`Layer`]), so the session replay (`export::replay`) draws every version of its
//! boards with the same functions.

use crate::core::decimal::dec;
use crate::core::diagram::{
    caption_text, escape_markup, label_layout, layout_arrows_once, shape_outline, ArrowLayout,
    Board, Component, ComponentKind, Rect, ARROW_LABEL_PX, CAPTION_PX, LABEL_PX,
};
use std::fmt::Write;

/// Space around the content, in board units.
pub const MARGIN: f64 = 24.0;

/// The layers a board is drawn in, bottom to top, as on the canvas: frames beneath
/// everything, arrow routes under the boxes, arrow labels above them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layer {
    /// Frames.
    Frames,
    /// Arrow routes, with their heads.
    Routes,
    /// Every component but frames.
    Boxes,
    /// Arrow labels.
    Labels,
}

impl Layer {
    /// Every layer, bottom to top.
    pub const ALL: [Layer; 4] = [Layer::Frames, Layer::Routes, Layer::Boxes, Layer::Labels];

    /// The layer a component is drawn in.
    pub fn of(c: &Component) -> Layer {
        if c.kind == ComponentKind::Frame {
            Layer::Frames
        } else {
            Layer::Boxes
        }
    }

    /// Its position in [`Layer::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One drawn element of a board: a component, an arrow's route or an arrow's label.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// The layer it is drawn in.
    pub layer: Layer,
    /// The component's or the arrow's id.
    pub id: u32,
    /// Its SVG markup (a standalone fragment, every text escaped).
    pub markup: String,
}

/// Every piece of `board`, in paint order: what [`to_svg`] draws, one piece at a time.
pub fn pieces(board: &Board) -> Vec<Piece> {
    let arrows = layout_arrows_once(board);
    let mut out = Vec::with_capacity(board.components().len() + 2 * arrows.len());
    let boxes = |layer| {
        board
            .components()
            .iter()
            .filter(move |c| Layer::of(c) == layer)
            .map(move |c| Piece {
                layer,
                id: c.id.0,
                markup: drawn(|m| component(m, c)),
            })
    };
    out.extend(boxes(Layer::Frames));
    out.extend(arrows.iter().map(|(a, layout)| Piece {
        layer: Layer::Routes,
        id: a.id.0,
        markup: drawn(|m| route(m, layout)),
    }));
    out.extend(boxes(Layer::Boxes));
    out.extend(arrows.iter().filter_map(|(a, layout)| {
        let r = layout.label?;
        Some(Piece {
            layer: Layer::Labels,
            id: a.id.0,
            markup: drawn(|m| arrow_label(m, &a.label, &r)),
        })
    }));
    out
}

/// What `draw` writes, as a string of its own.
pub(crate) fn drawn(draw: impl FnOnce(&mut String)) -> String {
    let mut out = String::new();
    draw(&mut out);
    out
}

/// The board as an SVG document. `background` fills the whole picture (`None`:
/// transparent).
pub fn to_svg(board: &Board, background: Option<&str>) -> String {
    let area = board
        .bounds()
        .unwrap_or_else(|| Rect::new(0.0, 0.0, 0.0, 0.0))
        .inflate(MARGIN);
    let mut out = String::new();
    open(&mut out, &area);
    out.push_str(ARROWHEAD);
    if let Some(fill) = background {
        fill_area(&mut out, &area, fill);
    }
    for piece in pieces(board) {
        out.push_str(&piece.markup);
    }
    out.push_str("</svg>");
    out
}

/// The in-document arrowhead (the only id, so `#head` is the only reference).
pub(crate) const ARROWHEAD: &str =
    "<defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" \
    markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" \
    fill=\"#5b6472\"/></marker></defs>";

/// The `<svg>` start tag, framed on `area`.
pub(crate) fn open(out: &mut String, area: &Rect) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"{x} {y} {w} {h}\" \
         font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\">",
        x = dec(area.x),
        y = dec(area.y),
        w = dec(area.w),
        h = dec(area.h),
    );
}

/// A rectangle filling `area` with `fill` (escaped).
pub(crate) fn fill_area(out: &mut String, area: &Rect, fill: &str) {
    let _ = write!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
        dec(area.x),
        dec(area.y),
        dec(area.w),
        dec(area.h),
        escape_markup(fill)
    );
}

/// An arrow's route, with its head.
pub(crate) fn route(out: &mut String, layout: &ArrowLayout) {
    let _ = write!(
        out,
        "<path d=\"{}\" stroke=\"#5b6472\" stroke-width=\"1.5\" fill=\"none\" stroke-linejoin=\"round\" marker-end=\"url(#head)\"/>",
        layout.path()
    );
}

/// An arrow's label: `text` (escaped) in its box `r`.
pub(crate) fn arrow_label(out: &mut String, text: &str, r: &Rect) {
    let _ = write!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"#ffffff\" stroke=\"#d5d9e0\"/>\
         <text x=\"{}\" y=\"{}\" font-size=\"{ARROW_LABEL_PX}\" text-anchor=\"middle\" fill=\"#3b4250\">{}</text>",
        dec(r.x),
        dec(r.y),
        dec(r.w),
        dec(r.h),
        dec(r.center().x),
        dec(r.center().y + ARROW_LABEL_PX * 0.35),
        escape_markup(text)
    );
}

/// A component: outline, icon, label and caption (every text escaped).
pub(crate) fn component(out: &mut String, c: &Component) {
    let (w, h) = (c.rect.w, c.rect.h);
    let (hue, sat) = c.hue_saturation();
    let stroke = format!("hsl({hue} {sat}% 38%)");
    let (body, detail) = shape_outline(c.kind.shape(), w, h);
    let _ = write!(
        out,
        "<g transform=\"translate({} {})\">",
        dec(c.rect.x),
        dec(c.rect.y),
    );
    // Free text has no outline; a frame's tint is lighter than a box's.
    if c.kind != ComponentKind::Text {
        let _ = write!(
            out,
            "<path d=\"{body}\" fill=\"hsl({hue} {sat}% {}%)\" stroke=\"{stroke}\" stroke-width=\"1.5\"{}/>",
            if c.kind == ComponentKind::Frame { 97 } else if c.kind == ComponentKind::Sticky { 88 } else { 95 },
            if c.kind.shape().is_dashed() { " stroke-dasharray=\"6 4\"" } else { "" }
        );
    }
    if let Some(d) = detail {
        let _ = write!(
            out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1.5\"/>"
        );
    }
    if c.kind.is_part() {
        let _ = write!(
            out,
            "<path transform=\"translate(10 {})\" d=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1.5\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
            dec(h / 2.0 - 8.0),
            c.kind.icon()
        );
    }
    let layout = label_layout(&c.label, c.kind, w, h);
    let x = dec(layout.x);
    let _ =
        write!(
        out,
        "<text text-anchor=\"{}\" font-size=\"{LABEL_PX}\" font-weight=\"{}\" fill=\"#1d2330\">",
        if layout.start { "start" } else { "middle" },
        if c.kind.is_part() || c.kind == ComponentKind::Frame { 550 } else { 400 },
    );
    for (i, line) in layout.lines.iter().enumerate() {
        let _ = write!(
            out,
            "<tspan x=\"{x}\" y=\"{}\">{}</tspan>",
            dec(layout.top + layout.line_height * i as f64),
            escape_markup(line)
        );
    }
    if layout.caption {
        let _ = write!(
            out,
            "<tspan x=\"{x}\" y=\"{}\" font-size=\"{CAPTION_PX}\" font-weight=\"400\" fill=\"#6b7280\">{}</tspan>",
            dec(layout.caption_y),
            escape_markup(&caption_text(c.kind, w, h))
        );
    }
    out.push_str("</text></g>");
}
