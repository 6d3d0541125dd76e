//! A component's name inside its box: where its lines and the kind line go, and how
//! big a box must be to show them. One layout for the canvas, the Review's figures
//! and the exports, so what you see is what you export.
//!
//! Annotations lay out differently: free text and sticky notes have no icon and no
//! kind line and read from the top left, up to [`MAX_TEXT_LINES`] lines; a frame's
//! title is one line along its top edge.

use super::geometry::{Rect, Size};
use super::kind::{ComponentKind, Shape};
use super::text::{fit_text, text_width, wrap_text, wrap_words};

/// Font size of component names, in board units.
pub const LABEL_PX: f64 = 13.0;
/// Font size of the kind line under a name.
pub const CAPTION_PX: f64 = 10.0;
/// Left inset of a component's name: room for its icon.
pub const LABEL_LEFT: f64 = 34.0;
/// Most lines a name is given before it is cut with an ellipsis.
pub const MAX_NAME_LINES: usize = 6;
/// Most lines free text or a sticky note shows.
pub const MAX_TEXT_LINES: usize = 24;
/// Height of the strip along a frame's top edge that holds its title.
pub const FRAME_TITLE_HEIGHT: f64 = 26.0;
/// Widest a box grows to fit its name; past it the box grows taller.
pub const MAX_FIT_WIDTH: f64 = 264.0;
/// Distance between the baselines of a name's lines.
const LINE_HEIGHT: f64 = LABEL_PX * 1.2;
/// What the kind line adds under the name.
const CAPTION_HEIGHT: f64 = 12.5;
/// Blank space kept between the text and the outline, left and right ...
const PAD: f64 = 6.0;
/// ... and above and below (a line's height already has some).
const PAD_Y: f64 = 2.0;
/// Space a box grown to fit keeps above and below its text, beyond [`PAD_Y`].
const ROOMY: f64 = 5.0;
/// Names are drawn semi-bold in the system's UI font: their estimated width is
/// widened by this much, so a name fits even in one of the widest such fonts
/// (DejaVu Sans Bold, common on Linux) and has room to spare in the others.
const BOLD: f64 = 1.22;
/// Steps in which a box widens to fit its name.
const WIDEN_STEP: f64 = 8.0;

/// Where a component's name goes inside its box.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelLayout {
    /// The name in lines fitted to the box (the last cut with "…" if it had to be).
    pub lines: Vec<String>,
    /// Whether the kind's name is shown under the name, which does not say it.
    pub caption: bool,
    /// Centre of the text, from the box's left edge.
    pub x: f64,
    /// Baseline of the first line, from the box's top edge.
    pub top: f64,
    /// Distance between baselines.
    pub line_height: f64,
    /// Baseline of the kind line, from the box's top edge.
    pub caption_y: f64,
    /// Whether the lines start at `x` (notes and frame titles) instead of being
    /// centred on it.
    pub start: bool,
}

/// The room a `w` x `h` box of `kind` leaves for text: the text area from the box's
/// top-left corner (for parts, what the outline of their shape leaves beside the icon).
fn text_area(kind: ComponentKind, w: f64, h: f64) -> Rect {
    let note = |inset: f64| {
        Rect::new(
            inset,
            inset,
            (w - 2.0 * inset).max(LABEL_PX),
            (h - 2.0 * inset).max(0.0),
        )
    };
    let (l, r, t, b) = match (kind, kind.shape()) {
        (ComponentKind::Text, _) => return note(PAD),
        (ComponentKind::Sticky, _) => {
            let inset = 2.0 * PAD;
            return Rect::new(
                inset,
                inset,
                (w - 2.0 * inset - 14.0).max(LABEL_PX),
                (h - 2.0 * inset).max(0.0),
            );
        }
        (ComponentKind::Frame, _) => {
            return Rect::new(10.0, 0.0, (w - 20.0).max(LABEL_PX), FRAME_TITLE_HEIGHT)
        }
        (_, shape) => outline_insets(shape, w, h),
    };
    let left = LABEL_LEFT.max(l + PAD);
    let top = t + PAD_Y;
    Rect::new(
        left,
        top,
        (w - left - r - PAD).max(LABEL_PX),
        (h - top - b - PAD_Y).max(0.0),
    )
}

/// (left, right, top, bottom) the outline of `shape` takes in a `w` x `h` box.
fn outline_insets(shape: Shape, w: f64, h: f64) -> (f64, f64, f64, f64) {
    match shape {
        Shape::RoundedRect | Shape::DashedRect | Shape::Rect => (0.0, 0.0, 0.0, 0.0),
        Shape::Hexagon => {
            let k = (w / 4.0).min(16.0) * 0.6;
            (k, k, 0.0, 0.0)
        }
        Shape::Cylinder => (0.0, 0.0, 2.0 * (h / 6.0).min(8.0), 0.0),
        Shape::Pipe => (0.0, 2.0 * (w / 8.0).min(10.0), 0.0, 0.0),
        Shape::Stadium => {
            let k = h / 2.0 * 0.45;
            (k, k, 0.0, 0.0)
        }
        Shape::Bucket => (0.0, 12.0_f64.min(w / 6.0), 0.0, 0.0),
        Shape::Parallelogram => (0.0, 14.0_f64.min(w / 6.0), 0.0, 0.0),
        Shape::Note => (0.0, 14.0, 0.0, 0.0),
        Shape::Octagon => {
            let c = 12.0_f64.min(h / 4.0) * 0.5;
            (0.0, c, 0.0, 0.0)
        }
    }
}

/// Most lines a box of `kind` shows.
fn max_lines(kind: ComponentKind) -> usize {
    match kind {
        ComponentKind::Frame => 1,
        ComponentKind::Text | ComponentKind::Sticky => MAX_TEXT_LINES,
        _ => MAX_NAME_LINES,
    }
}

/// Whether the kind line is wanted: the name does not already say the kind.
fn wants_caption(label: &str, kind: ComponentKind) -> bool {
    kind.is_part() && !label.trim().eq_ignore_ascii_case(kind.display_name())
}

/// Lays out `label` in a `w` x `h` box of `kind`: as many lines as the box holds (up
/// to [`MAX_NAME_LINES`]), long words broken, and the kind line under the name when
/// the name does not say it. Centred in the room the shape's outline leaves.
pub fn label_layout(label: &str, kind: ComponentKind, w: f64, h: f64) -> LabelLayout {
    let area = text_area(kind, w, h);
    let start = !kind.is_part();
    let mut caption = wants_caption(label, kind);
    let room = |caption: bool| {
        let free = area.h - if caption { CAPTION_HEIGHT } else { 0.0 };
        (free / LINE_HEIGHT).floor()
    };
    // A box too low for a name and the kind line keeps the name.
    if caption && room(true) < 1.0 {
        caption = false;
    }
    let max_lines = room(caption).clamp(1.0, max_lines(kind) as f64) as usize;
    let lines = wrap_text(label, area.w, LABEL_PX * BOLD, max_lines);
    let block = lines.len() as f64 * LINE_HEIGHT + if caption { CAPTION_HEIGHT } else { 0.0 };
    // Notes read from the top; names and frame titles sit in the middle of their room.
    let free = if start && kind != ComponentKind::Frame {
        0.0
    } else {
        area.h - block
    };
    let top = area.y + free / 2.0 + LABEL_PX * 0.9;
    LabelLayout {
        caption_y: top + (lines.len() as f64 - 1.0) * LINE_HEIGHT + CAPTION_HEIGHT + 1.0,
        lines,
        caption,
        x: if start { area.x } else { area.x + area.w / 2.0 },
        top,
        line_height: LINE_HEIGHT,
        start,
    }
}

/// The kind's name as the kind line shows it in a box `w` wide (cut with "…" only in
/// a box narrower than a new one).
pub fn caption_text(kind: ComponentKind, w: f64, h: f64) -> String {
    let area = text_area(kind, w, h);
    fit_text(kind.display_name(), area.w, CAPTION_PX)
}

/// The size a box of `kind` needs to show `label` whole, starting from `size`: wider
/// first, in steps, until the name takes at most two lines with no word broken (and
/// the kind line fits), up to [`MAX_FIT_WIDTH`]; then taller, for up to
/// [`MAX_NAME_LINES`] lines. Never smaller than `size`.
pub fn fit_size(label: &str, kind: ComponentKind, size: Size) -> Size {
    // A frame is sized by what it holds, never by its title.
    if kind == ComponentKind::Frame {
        return size;
    }
    let caption = wants_caption(label, kind);
    let widest = MAX_FIT_WIDTH.max(size.w);
    let longest_word = label
        .split_whitespace()
        .map(|word| text_width(word, LABEL_PX * BOLD))
        .fold(0.0, f64::max);
    let mut w = size.w;
    loop {
        // The height this width needs; a taller stadium or hexagon leaves less width
        // for text, so settle the two together.
        let (mut h, mut lines, mut caption_fits) = (size.h, 0, true);
        for _ in 0..4 {
            let area = text_area(kind, w, h);
            lines = wrap_words(label, area.w, LABEL_PX * BOLD)
                .len()
                .clamp(1, max_lines(kind));
            caption_fits = !caption || text_width(kind.display_name(), CAPTION_PX) <= area.w;
            let needed = lines as f64 * LINE_HEIGHT + if caption { CAPTION_HEIGHT } else { 0.0 };
            // What the outline takes above and below the text area, at this height.
            let outline = h - area.h;
            let taller = size.h.max((needed + outline + 2.0 * ROOMY).ceil());
            if taller <= h {
                break;
            }
            h = taller;
        }
        // A word is broken across lines only when the widest box cannot hold it.
        let words_fit = longest_word <= text_area(kind, w, h).w;
        if (lines <= 2 && h <= size.h && caption_fits && words_fit) || w >= widest {
            return Size::new(w, h);
        }
        w = (w + WIDEN_STEP).min(widest);
    }
}
