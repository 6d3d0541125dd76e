//! A board as an Excalidraw scene: the `.excalidraw` JSON that excalidraw.com opens.
//!
//! Each component becomes a shape (a rectangle, ellipse or diamond, whichever is
//! closest to the kind's outline) in the kind's colours, with its label as text bound
//! to it; each arrow becomes an Excalidraw arrow bound to both of its shapes, with its
//! label as text bound to the arrow. Bindings are written both ways (the shape lists
//! the arrow, the arrow names the shape) so the arrows follow when shapes are moved.
//!
//! Free text becomes a text element (centred on its box), a sticky note a yellow rectangle with its text
//! bound to it, and a frame an Excalidraw `frame` named with its title; what lies
//! wholly inside a frame (the smallest, when frames nest) carries its `frameId`.
//! Frames come last, after their children, as Excalidraw orders them.
//!
//! The output is deterministic: element ids derive from board ids (`c3`, `c3-text`,
//! `a7`, `a7-text`), the numbers Excalidraw would draw at random (`seed`,
//! `versionNonce`) are hashed from those ids, and `updated` is a constant. Labels are
//! data: serde_json escapes them, and nothing else is added to them.

use super::hsl_hex;
use crate::core::diagram::{
    layout_arrows_once, text_width, wrap_words, Arrow, Board, Component, ComponentKind, Point,
    Shape,
};
use serde::{Serialize, Serializer};

/// Font size of component labels (Excalidraw's "small"), unless too wide for the box.
const COMPONENT_FONT_PX: f64 = 16.0;
/// Smallest font size a wide component label is shrunk to.
const MIN_FONT_PX: f64 = 10.0;
/// Excalidraw's padding between a shape's border and its bound text.
const TEXT_PADDING: f64 = 5.0;
/// Font size of arrow labels.
const ARROW_FONT_PX: f64 = 14.0;
/// Excalidraw's font family 2 ("Helvetica", a plain sans-serif that every version of
/// Excalidraw knows), close to the app's own labels.
const FONT_FAMILY: u8 = 2;
/// Excalidraw's unitless line height for [`FONT_FAMILY`].
const LINE_HEIGHT: f64 = 1.15;
/// Distance from an arrow's end to its shape: the gap the routes leave.
const BINDING_GAP: f64 = 3.0;
/// `updated` of every element (2024-01-01T00:00:00Z in milliseconds); no clock is read.
const UPDATED: u64 = 1_704_067_200_000;
/// Arrow colour, as in the SVG export.
const ARROW_COLOUR: &str = "#5b6472";
/// Component label colour, as in the SVG export.
const LABEL_COLOUR: &str = "#1d2330";
/// Arrow label colour, as in the SVG export.
const ARROW_LABEL_COLOUR: &str = "#3b4250";

/// The board as `.excalidraw` JSON text (pretty-printed, like Excalidraw's own files).
/// An empty board gives a valid scene with no elements.
pub fn to_excalidraw(board: &Board) -> String {
    let mut elements = Vec::new();
    for c in board.components() {
        let id = component_id(c);
        let frame = board.frame_of(c).map(component_id);
        let first = elements.len();
        match c.kind {
            ComponentKind::Frame => continue,
            // Free text: a text element of its own, in the lines the board shows.
            ComponentKind::Text => {
                let text = component_text(c);
                let mut e = bound_text(
                    id,
                    "",
                    &text,
                    c.rect.center(),
                    COMPONENT_FONT_PX,
                    LABEL_COLOUR,
                );
                if let Some(t) = &mut e.text {
                    t.container_id = None;
                }
                elements.push(e);
            }
            _ => component(board, c, &id, &mut elements),
        }
        for e in &mut elements[first..] {
            e.frame_id.clone_from(&frame);
        }
    }
    for (a, layout) in layout_arrows_once(board) {
        let Some((from, to)) = ends(board, a) else {
            continue;
        };
        let id = arrow_id(a);
        let label = normalize_newlines(&a.label);
        let label_id = format!("{id}-text");
        let mut element = arrow(&id, &layout.points, &component_id(from), &component_id(to));
        if label.is_empty() {
            elements.push(element);
            continue;
        }
        element.bound_elements = Some(vec![BoundElement::new(&label_id, "text")]);
        elements.push(element);
        elements.push(bound_text(
            label_id,
            &id,
            &label,
            layout.anchor(),
            ARROW_FONT_PX,
            ARROW_LABEL_COLOUR,
        ));
    }
    for f in board
        .components()
        .iter()
        .filter(|c| c.kind == ComponentKind::Frame)
    {
        let r = f.rect;
        let mut e = Element::new(component_id(f), "frame", r.x, r.y, r.w, r.h);
        e.name = Some(f.label.clone());
        e.roughness = 0;
        elements.push(e);
    }
    let scene = Scene {
        kind: "excalidraw",
        version: 2,
        source: "breadthfirst",
        elements,
        app_state: AppState {
            view_background_color: "#ffffff",
            grid_size: None,
        },
        files: Files {},
    };
    serde_json::to_string_pretty(&scene).unwrap_or_default()
}

/// A part (or a sticky note) as its shape and its bound text.
fn component(board: &Board, c: &Component, id: &str, elements: &mut Vec<Element>) {
    let text_id = format!("{id}-text");
    let mut bound = vec![BoundElement::new(&text_id, "text")];
    bound.extend(
        board
            .arrows_of(c.id)
            .filter(|a| ends(board, a).is_some())
            .map(|a| BoundElement::new(&arrow_id(a), "arrow")),
    );
    elements.push(shape(c, id, bound));
    let label = component_text(c);
    let font_px = fitted_font(&label, c.rect.w - 2.0 * TEXT_PADDING);
    elements.push(bound_text(
        text_id,
        id,
        &label,
        c.rect.center(),
        font_px,
        LABEL_COLOUR,
    ));
}

/// Both ends of an arrow, when both exist.
fn ends<'a>(board: &'a Board, a: &Arrow) -> Option<(&'a Component, &'a Component)> {
    Some((board.component(a.from)?, board.component(a.to)?))
}

fn component_id(c: &Component) -> String {
    format!("c{}", c.id)
}

fn arrow_id(a: &Arrow) -> String {
    format!("a{}", a.id)
}

/// The label, and the kind's name on a second line when the label does not say it;
/// a note's text in lines that fit its box.
fn component_text(c: &Component) -> String {
    if !c.kind.is_part() {
        return wrap_words(&c.label, c.rect.w - 4.0 * TEXT_PADDING, COMPONENT_FONT_PX).join("\n");
    }
    let label = normalize_newlines(&c.label);
    let kind = c.kind.display_name();
    if label == kind {
        label
    } else {
        format!("{label}\n{kind}")
    }
}

/// `\r\n` and lone `\r` made `\n`, the only line break Excalidraw splits on.
fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The component's shape, bound to `bound` (its text and its arrows).
fn shape(c: &Component, id: &str, bound: Vec<BoundElement>) -> Element {
    let outline = c.kind.shape();
    let (kind, roundness) = closest_outline(outline);
    let (hue, saturation) = c.hue_saturation();
    let r = c.rect;
    let mut e = Element::new(id.to_string(), kind, r.x, r.y, r.w, r.h);
    e.stroke_color = hsl_hex(hue, saturation, 0.38);
    e.background_color = hsl_hex(hue, saturation, 0.95);
    e.roundness = roundness;
    if outline.is_dashed() {
        e.stroke_style = "dashed";
    }
    e.bound_elements = Some(bound);
    e
}

/// The Excalidraw element type nearest to an outline, and its corner rounding:
/// rounded outlines (cylinders and pipes included) are rounded rectangles, a stadium
/// is an ellipse, a pointy-sided hexagon a diamond, and the rest plain rectangles.
fn closest_outline(shape: Shape) -> (&'static str, Option<Roundness>) {
    match shape {
        Shape::RoundedRect | Shape::DashedRect | Shape::Cylinder | Shape::Pipe => {
            ("rectangle", Some(Roundness::ADAPTIVE))
        }
        Shape::Stadium => ("ellipse", None),
        Shape::Hexagon => ("diamond", None),
        Shape::Rect | Shape::Bucket | Shape::Parallelogram | Shape::Note | Shape::Octagon => {
            ("rectangle", None)
        }
    }
}

/// The largest whole font size, up to [`COMPONENT_FONT_PX`] and down to
/// [`MIN_FONT_PX`], at which every line of `text` fits in `max_width`. Excalidraw keeps
/// a file's text as it is written, so a label wider than its box would stick out.
fn fitted_font(text: &str, max_width: f64) -> f64 {
    let fit = (max_width / widest_line(text, 1.0)).floor();
    if fit.is_nan() {
        return COMPONENT_FONT_PX;
    }
    fit.clamp(MIN_FONT_PX, COMPONENT_FONT_PX)
}

/// Estimated width of the widest line of `text` at `font_px`.
fn widest_line(text: &str, font_px: f64) -> f64 {
    text.split('\n')
        .map(|l| text_width(l, font_px))
        .fold(0.0, f64::max)
}

/// A text element bound to `container`, centred on `centre` (where Excalidraw puts
/// centred, middle-aligned bound text). Its size is estimated with [`text_width`].
fn bound_text(
    id: String,
    container: &str,
    text: &str,
    centre: Point,
    font_px: f64,
    colour: &str,
) -> Element {
    let width = widest_line(text, font_px);
    let height = text.split('\n').count() as f64 * font_px * LINE_HEIGHT;
    let mut e = Element::new(
        id,
        "text",
        centre.x - width / 2.0,
        centre.y - height / 2.0,
        width,
        height,
    );
    e.stroke_color = colour.to_string();
    e.text = Some(TextFields {
        font_size: Num(font_px),
        font_family: FONT_FAMILY,
        text: text.to_string(),
        text_align: "center",
        vertical_align: "middle",
        container_id: Some(container.to_string()),
        original_text: text.to_string(),
        auto_resize: true,
        line_height: Num(LINE_HEIGHT),
    });
    e
}

/// An arrow through `points` (the app's route, so it bends where the canvas's does),
/// bound to the shapes `from` and `to`.
fn arrow(id: &str, points: &[Point], from: &str, to: &str) -> Element {
    let start = points.first().copied().unwrap_or_default();
    let relative: Vec<[Num; 2]> = points
        .iter()
        .map(|p| [Num(p.x - start.x), Num(p.y - start.y)])
        .collect();
    let span = |f: fn(&Point) -> f64| {
        let values = points.iter().map(f);
        values.clone().fold(f64::NEG_INFINITY, f64::max) - values.fold(f64::INFINITY, f64::min)
    };
    let mut e = Element::new(
        id.to_string(),
        "arrow",
        start.x,
        start.y,
        span(|p| p.x),
        span(|p| p.y),
    );
    e.stroke_color = ARROW_COLOUR.to_string();
    e.arrow = Some(ArrowFields {
        points: relative,
        last_committed_point: None,
        start_binding: Binding::to(from),
        end_binding: Binding::to(to),
        start_arrowhead: None,
        end_arrowhead: Some("arrow"),
        elbowed: false,
    });
    e
}

/// A number from 1 to 2^31 - 2 hashed (FNV-1a) from an element id and a salt: stands in
/// for the random `seed` and `versionNonce` Excalidraw would pick. Never 0, which
/// rough.js would take as "pick a random seed".
fn stable_number(id: &str, salt: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in id.bytes().chain([b'#']).chain(salt.bytes()) {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash % 0x7fff_fffe + 1
}

/// A coordinate or size, rounded to hundredths and written without a fraction when it
/// has none (`395`, not `395.0`). Non-finite values are written as 0.
#[derive(Clone, Copy, Debug)]
struct Num(f64);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let v = if self.0.is_finite() {
            (self.0 * 100.0).round() / 100.0
        } else {
            0.0
        };
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            serializer.serialize_i64(v as i64)
        } else {
            serializer.serialize_f64(v)
        }
    }
}

/// The whole file.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Scene {
    #[serde(rename = "type")]
    kind: &'static str,
    version: u8,
    source: &'static str,
    elements: Vec<Element>,
    app_state: AppState,
    files: Files,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AppState {
    view_background_color: &'static str,
    grid_size: Option<u32>,
}

/// Embedded images: none.
#[derive(Serialize)]
struct Files {}

/// The fields every Excalidraw element has, plus those of text or arrows.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Element {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    x: Num,
    y: Num,
    width: Num,
    height: Num,
    angle: Num,
    stroke_color: String,
    background_color: String,
    fill_style: &'static str,
    stroke_width: u8,
    stroke_style: &'static str,
    roughness: u8,
    opacity: u8,
    group_ids: Vec<String>,
    frame_id: Option<String>,
    /// A frame's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    roundness: Option<Roundness>,
    seed: u32,
    version: u32,
    version_nonce: u32,
    is_deleted: bool,
    bound_elements: Option<Vec<BoundElement>>,
    updated: u64,
    link: Option<String>,
    locked: bool,
    #[serde(flatten)]
    text: Option<TextFields>,
    #[serde(flatten)]
    arrow: Option<ArrowFields>,
}

impl Element {
    /// An element in Excalidraw's usual style (solid fill, 2px solid stroke, a little
    /// roughness, opaque), drawn in the label colour on a transparent background.
    fn new(id: String, kind: &'static str, x: f64, y: f64, width: f64, height: f64) -> Self {
        Element {
            seed: stable_number(&id, "seed"),
            version_nonce: stable_number(&id, "nonce"),
            id,
            kind,
            x: Num(x),
            y: Num(y),
            width: Num(width),
            height: Num(height),
            angle: Num(0.0),
            stroke_color: LABEL_COLOUR.to_string(),
            background_color: "transparent".to_string(),
            fill_style: "solid",
            stroke_width: 2,
            stroke_style: "solid",
            roughness: 1,
            opacity: 100,
            group_ids: Vec::new(),
            frame_id: None,
            name: None,
            roundness: None,
            version: 1,
            is_deleted: false,
            bound_elements: None,
            updated: UPDATED,
            link: None,
            locked: false,
            text: None,
            arrow: None,
        }
    }
}

/// Corner rounding.
#[derive(Clone, Copy, Serialize)]
struct Roundness {
    #[serde(rename = "type")]
    kind: u8,
}

impl Roundness {
    /// Excalidraw's adaptive radius (type 3), what its rounded rectangles use.
    const ADAPTIVE: Roundness = Roundness { kind: 3 };
}

/// An entry of `boundElements`: a text or an arrow attached to this element.
#[derive(Serialize)]
struct BoundElement {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
}

impl BoundElement {
    fn new(id: &str, kind: &'static str) -> Self {
        BoundElement {
            id: id.to_string(),
            kind,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TextFields {
    font_size: Num,
    font_family: u8,
    text: String,
    text_align: &'static str,
    vertical_align: &'static str,
    container_id: Option<String>,
    original_text: String,
    auto_resize: bool,
    line_height: Num,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArrowFields {
    points: Vec<[Num; 2]>,
    last_committed_point: Option<[Num; 2]>,
    start_binding: Binding,
    end_binding: Binding,
    start_arrowhead: Option<&'static str>,
    end_arrowhead: Option<&'static str>,
    elbowed: bool,
}

/// Where an arrow end is attached: aimed at the shape's centre (`focus` 0), `gap`
/// away from its border.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Binding {
    element_id: String,
    focus: Num,
    gap: Num,
}

impl Binding {
    fn to(element_id: &str) -> Self {
        Binding {
            element_id: element_id.to_string(),
            focus: Num(0.0),
            gap: Num(BINDING_GAP),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::diagram::{ArrowId, ComponentId, ComponentKind, Rect};

    #[test]
    fn colours_convert_from_hsl() {
        assert_eq!(hsl_hex(0, 100, 0.5), "#ff0000");
        assert_eq!(hsl_hex(120, 100, 0.5), "#00ff00");
        assert_eq!(hsl_hex(240, 100, 0.25), "#000080");
        assert_eq!(hsl_hex(0, 0, 0.95), "#f2f2f2");
        assert_eq!(hsl_hex(300, 100, 0.5), "#ff00ff");
    }

    #[test]
    fn stable_numbers_are_positive_and_differ_by_salt() {
        let seed = stable_number("c1", "seed");
        assert_eq!(seed, stable_number("c1", "seed"));
        assert_ne!(seed, stable_number("c1", "nonce"));
        assert!((1..0x7fff_ffff).contains(&seed));
    }

    /// Boards built through commands or restore never hold line breaks or very long
    /// labels; the exporter keeps such labels exactly anyway, with CR/LF made `\n`.
    #[test]
    fn raw_labels_are_kept_with_line_breaks_normalised() {
        let long = "x".repeat(10_000);
        let raw = format!("a\r\nb\rc\n\"q\" </script> 🚀{long}");
        let component = |id: u32, x: f64| Component {
            id: ComponentId(id),
            kind: ComponentKind::Service,
            label: raw.clone(),
            rect: Rect::new(x, 0.0, 152.0, 64.0),
            details: String::new(),
            failure: String::new(),
            colour: None,
            group: None,
        };
        let arrow = Arrow {
            id: ArrowId(3),
            from: ComponentId(1),
            to: ComponentId(2),
            label: raw.clone(),
            straight: false,
        };
        let board = Board::from_parts(vec![component(1, 0.0), component(2, 300.0)], vec![arrow]);
        let scene: serde_json::Value = serde_json::from_str(&to_excalidraw(&board)).unwrap();
        let expected = format!("a\nb\nc\n\"q\" </script> 🚀{long}");
        let texts: Vec<&serde_json::Value> = scene["elements"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["type"] == "text")
            .collect();
        assert_eq!(texts.len(), 3);
        for t in texts {
            let want = if t["containerId"] == "a3" {
                expected.clone()
            } else {
                format!("{expected}\nService")
            };
            assert_eq!(t["text"], want.as_str());
            assert_eq!(t["originalText"], want.as_str());
        }
    }
}
