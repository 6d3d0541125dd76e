//! A standalone SVG of a board that looks like the canvas: the kind's outline and
//! colours, icon, label (and kind caption), arrows with heads and labels. Fits the
//! content with a margin. Safe to open anywhere: every text is escaped, and the
//! document has no script, no `foreignObject`, no event attributes and no external
//! references (only the in-document arrowhead marker `#head`).

use crate::core::decimal::dec;
use crate::core::diagram::{
    arrow_endpoints, caption_text, escape_markup, label_anchor, label_layout, shape_outline,
    text_width, Board, Component, Rect, Size, CAPTION_PX, LABEL_PX,
};
use std::fmt::Write;

/// Space around the content, in board units.
pub const MARGIN: f64 = 24.0;
/// Arrow label font size, as on the canvas.
const ARROW_LABEL_PX: f64 = 12.0;

/// The board as an SVG document. `background` fills the whole picture (`None`:
/// transparent).
pub fn to_svg(board: &Board, background: Option<&str>) -> String {
    let area = board
        .bounds()
        .unwrap_or_else(|| Rect::new(0.0, 0.0, 0.0, 0.0))
        .inflate(MARGIN);
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"{x} {y} {w} {h}\" \
         font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\">",
        x = dec(area.x),
        y = dec(area.y),
        w = dec(area.w),
        h = dec(area.h),
    );
    // The in-document arrowhead (the only id, so `#head` is the only reference).
    out.push_str(
        "<defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" \
         markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"#5b6472\"/></marker></defs>",
    );
    if let Some(fill) = background {
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
    for a in board.arrows() {
        let (Some(from), Some(to)) = (board.component(a.from), board.component(a.to)) else {
            continue;
        };
        let (s, e) = arrow_endpoints(&from.rect, &to.rect);
        let _ = write!(
            out,
            "<path d=\"M{} {}L{} {}\" stroke=\"#5b6472\" stroke-width=\"1.5\" fill=\"none\" marker-end=\"url(#head)\"/>",
            dec(s.x),
            dec(s.y),
            dec(e.x),
            dec(e.y)
        );
        if !a.label.is_empty() {
            let size = Size::new(
                text_width(&a.label, ARROW_LABEL_PX) + 10.0,
                ARROW_LABEL_PX + 8.0,
            );
            let at = label_anchor(s, e, size);
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"#ffffff\" stroke=\"#d5d9e0\"/>\
                 <text x=\"{}\" y=\"{}\" font-size=\"{ARROW_LABEL_PX}\" text-anchor=\"middle\" fill=\"#3b4250\">{}</text>",
                dec(at.x - size.w / 2.0),
                dec(at.y - size.h / 2.0),
                dec(size.w),
                dec(size.h),
                dec(at.x),
                dec(at.y + ARROW_LABEL_PX * 0.35),
                escape_markup(&a.label)
            );
        }
    }
    for c in board.components() {
        component(&mut out, c);
    }
    out.push_str("</svg>");
    out
}

fn component(out: &mut String, c: &Component) {
    let (w, h) = (c.rect.w, c.rect.h);
    let (hue, sat) = c.hue_saturation();
    let stroke = format!("hsl({hue} {sat}% 38%)");
    let (body, detail) = shape_outline(c.kind.shape(), w, h);
    let _ = write!(
        out,
        "<g transform=\"translate({} {})\"><path d=\"{body}\" fill=\"hsl({hue} {sat}% 95%)\" stroke=\"{stroke}\" stroke-width=\"1.5\"{}/>",
        dec(c.rect.x),
        dec(c.rect.y),
        if c.kind.shape().is_dashed() { " stroke-dasharray=\"6 4\"" } else { "" }
    );
    if let Some(d) = detail {
        let _ = write!(
            out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1.5\"/>"
        );
    }
    let _ = write!(
        out,
        "<path transform=\"translate(10 {})\" d=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1.5\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
        dec(h / 2.0 - 8.0),
        c.kind.icon()
    );
    let layout = label_layout(&c.label, c.kind, w, h);
    let x = dec(layout.x);
    let _ = write!(
        out,
        "<text text-anchor=\"middle\" font-size=\"{LABEL_PX}\" font-weight=\"550\" fill=\"#1d2330\">"
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
