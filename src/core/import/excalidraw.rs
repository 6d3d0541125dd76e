//! An Excalidraw scene (`{"type": "excalidraw", "elements": [...]}`, or what
//! Excalidraw puts on the clipboard) read into a draft board.
//!
//! Rectangles, ellipses and diamonds with text become components: text bound to the
//! shape (its `containerId`, or the shape's `boundElements`), else text lying inside
//! it (the smallest shape around the text's centre). Arrows become arrows between the
//! shapes their ends are bound to (`startBinding`/`endBinding`) or lie on, labelled
//! with their bound text; an arrow drawn with its head at the start points the other
//! way, one with two heads gives an arrow each way. Text bound to nothing and lying
//! in no shape stays free text, at its place; frames stay frames, with their names.
//! Deleted elements are skipped; a shape drawn around a labelled shape is a region
//! and is left out, like lines, drawings, images and embeds, each counted with its
//! text. A shape with no text becomes a box only when an arrow joins it to another.

use super::draft::Draft;
use super::report::Omission;
use super::{clamp_size, ImportError};
use crate::core::check::Vocabulary;
use crate::core::diagram::{ComponentId, Point, Rect};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// How far outside a shape an unbound arrow's end may lie and still touch it.
const TOUCH: f64 = 12.0;

type Object = Map<String, Value>;

/// A live (not deleted) element.
struct Element<'a> {
    id: &'a str,
    kind: &'a str,
    value: &'a Object,
}

/// Which shapes have text, and which are regions (drawn around a labelled shape).
struct Fit<'f> {
    labelled: &'f [bool],
    region: &'f [bool],
}

/// Where a text element belongs.
enum Owner {
    /// The shape (index into the shapes) it names.
    Shape(usize),
    /// The arrow (index into the elements) it labels.
    Arrow(usize),
    /// Nothing: free text.
    Free,
}

/// Reads a scene. Fails on text that is not JSON, JSON that is not a scene, or a
/// scene whose `elements` is not a list.
pub(super) fn read(text: &str, vocabulary: &Vocabulary) -> Result<Draft, ImportError> {
    let doc: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        reason: e.to_string(),
    })?;
    let scene = doc
        .as_object()
        .ok_or(ImportError::NotExcalidraw { found: None })?;
    match scene.get("type").and_then(Value::as_str) {
        Some("excalidraw" | "excalidraw/clipboard") => {}
        found => {
            return Err(ImportError::NotExcalidraw {
                found: found.map(String::from),
            })
        }
    }
    let items: &[Value] = match scene.get("elements") {
        None | Some(Value::Null) => &[],
        Some(Value::Array(items)) => items,
        Some(_) => {
            return Err(ImportError::Malformed {
                reason: "\"elements\" is not a list".into(),
            })
        }
    };
    let mut draft = Draft::default();
    let mut elements = Vec::with_capacity(items.len());
    for item in items {
        let Some(value) = item.as_object() else {
            draft.leave_out(Omission::Unknown, None);
            continue;
        };
        if value.get("isDeleted").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        elements.push(Element {
            id: value.get("id").and_then(Value::as_str).unwrap_or(""),
            kind: value.get("type").and_then(Value::as_str).unwrap_or(""),
            value,
        });
    }
    Scene::new(&elements).convert(&mut draft, vocabulary);
    Ok(draft)
}

/// The scene's elements, indexed.
struct Scene<'a> {
    elements: &'a [Element<'a>],
    /// Element index by id (the first element with an id owns it).
    by_id: HashMap<&'a str, usize>,
    /// Element indexes of the rectangles, ellipses and diamonds.
    shapes: Vec<usize>,
    /// Their boxes, in the same order.
    rects: Vec<Rect>,
    /// Shape index by element index.
    shape_of: Vec<Option<usize>>,
}

impl<'a> Scene<'a> {
    fn new(elements: &'a [Element<'a>]) -> Self {
        let mut by_id = HashMap::new();
        for (i, e) in elements.iter().enumerate() {
            if !e.id.is_empty() {
                by_id.entry(e.id).or_insert(i);
            }
        }
        let shapes: Vec<usize> = (0..elements.len())
            .filter(|&i| matches!(elements[i].kind, "rectangle" | "ellipse" | "diamond"))
            .collect();
        let rects: Vec<Rect> = shapes.iter().map(|&i| rect(elements[i].value)).collect();
        let mut shape_of = vec![None; elements.len()];
        for (s, &e) in shapes.iter().enumerate() {
            shape_of[e] = Some(s);
        }
        Scene {
            elements,
            by_id,
            shapes,
            rects,
            shape_of,
        }
    }

    fn convert(&self, draft: &mut Draft, vocabulary: &Vocabulary) {
        let shape_of = &self.shape_of;
        // Text ids listed in a container's boundElements, for texts that lost their
        // containerId.
        let mut listed: HashMap<&str, usize> = HashMap::new();
        for (i, e) in self.elements.iter().enumerate() {
            for bound in list(e.value, "boundElements") {
                if bound.get("type").and_then(Value::as_str) == Some("text") {
                    if let Some(id) = bound.get("id").and_then(Value::as_str) {
                        listed.entry(id).or_insert(i);
                    }
                }
            }
        }
        let mut shape_text: Vec<Vec<&str>> = vec![Vec::new(); self.shapes.len()];
        let mut arrow_text: Vec<Vec<&str>> = vec![Vec::new(); self.elements.len()];
        // Free text, added after the shapes (above them).
        let mut free: Vec<(&str, Rect)> = Vec::new();
        for e in self.elements.iter().filter(|e| e.kind == "text") {
            let content = text_of(e.value);
            let at = rect(e.value);
            let container = e
                .value
                .get("containerId")
                .and_then(Value::as_str)
                .and_then(|id| self.by_id.get(id))
                .or_else(|| listed.get(e.id))
                .copied();
            let owner = match container.map(|c| (c, shape_of[c])) {
                Some((_, Some(s))) => Owner::Shape(s),
                Some((c, None)) if self.elements[c].kind == "arrow" => Owner::Arrow(c),
                _ => self
                    .innermost(at.center(), 0.0, |_| true)
                    .map_or(Owner::Free, Owner::Shape),
            };
            match owner {
                Owner::Shape(s) => shape_text[s].push(content),
                Owner::Arrow(a) => arrow_text[a].push(content),
                Owner::Free => free.push((content, at)),
            }
        }
        let labelled: Vec<bool> = shape_text
            .iter()
            .map(|texts| texts.iter().any(|t| !t.trim().is_empty()))
            .collect();
        // A shape around a labelled one is a region (an unlabelled shape inside a box
        // is decoration, and leaves the box a component).
        let region: Vec<bool> = (0..self.shapes.len())
            .map(|s| {
                let outer = &self.rects[s];
                (0..self.shapes.len()).any(|t| {
                    let inner = &self.rects[t];
                    s != t && labelled[t] && outer.contains_rect(inner) && area(inner) < area(outer)
                })
            })
            .collect();
        let fit = Fit {
            labelled: &labelled,
            region: &region,
        };
        // Each arrow's ends, as shapes.
        let arrows: Vec<(usize, Option<usize>, Option<usize>)> = (0..self.elements.len())
            .filter(|&i| self.elements[i].kind == "arrow")
            .map(|i| (i, self.end(i, true, &fit), self.end(i, false, &fit)))
            .collect();
        let mut joined = vec![false; self.shapes.len()];
        for &(_, from, to) in &arrows {
            if let (Some(from), Some(to)) = (from, to) {
                joined[from] = true;
                joined[to] = true;
            }
        }
        let mut ids: Vec<Option<ComponentId>> = vec![None; self.shapes.len()];
        for (s, texts) in shape_text.iter().enumerate() {
            let label = texts.join("\n");
            if region[s] {
                draft.leave_out(Omission::Region, Some(&label));
            } else if label.trim().is_empty() && !joined[s] {
                draft.leave_out(Omission::EmptyShape, None);
            } else {
                let rect = self.rects[s];
                let (name, kind) = Draft::name(&label, false, vocabulary);
                ids[s] = Some(draft.component(name, kind, rect));
            }
        }
        for (content, rect) in free {
            draft.text(content, rect);
        }
        for e in self.elements {
            match e.kind {
                "line" | "draw" => draft.leave_out(Omission::Line, None),
                "freedraw" => draft.leave_out(Omission::Drawing, None),
                "image" => draft.leave_out(Omission::Image, None),
                "frame" | "magicframe" => draft.frame(
                    e.value.get("name").and_then(Value::as_str).unwrap_or(""),
                    rect(e.value),
                ),
                "iframe" | "embeddable" => draft.leave_out(Omission::Embed, None),
                "arrow" | "text" | "rectangle" | "ellipse" | "diamond" | "selection" => {}
                _ => draft.leave_out(Omission::Unknown, None),
            }
        }
        for (i, from, to) in arrows {
            let label = arrow_text[i].join(" ");
            let ends = (from.and_then(|s| ids[s]), to.and_then(|s| ids[s]));
            let (Some(from), Some(to)) = ends else {
                draft.leave_out(Omission::LooseArrow, Some(&label));
                continue;
            };
            let head =
                |key: &str| !matches!(self.elements[i].value.get(key), None | Some(Value::Null));
            let (start, end) = (head("startArrowhead"), head("endArrowhead"));
            if !start || end {
                draft.arrow(from, to, &label);
            }
            if start {
                draft.arrow(to, from, &label);
            }
        }
    }

    /// The shape one end of arrow `i` is bound to (through its binding, or a text
    /// bound inside the shape), else the one its end point lies on: the smallest
    /// labelled one, else the smallest that is not a region.
    fn end(&self, i: usize, start: bool, fit: &Fit) -> Option<usize> {
        let value = self.elements[i].value;
        let key = if start { "startBinding" } else { "endBinding" };
        let bound = value
            .get(key)
            .and_then(|b| b.get("elementId"))
            .and_then(Value::as_str)
            .and_then(|id| self.by_id.get(id).copied());
        if let Some(mut target) = bound {
            if self.elements[target].kind == "text" {
                let container = self.elements[target].value.get("containerId");
                if let Some(c) = container
                    .and_then(Value::as_str)
                    .and_then(|id| self.by_id.get(id))
                {
                    target = *c;
                }
            }
            if let Some(s) = self.shape_of[target] {
                return Some(s);
            }
        }
        let points = list(value, "points");
        let point = if start { points.first() } else { points.last() }?;
        let (dx, dy) = (point.get(0)?.as_f64()?, point.get(1)?.as_f64()?);
        let at = |key: &str| value.get(key).and_then(Value::as_f64).unwrap_or(0.0);
        let p = Point::new(at("x") + dx, at("y") + dy);
        self.innermost(p, TOUCH, |s| fit.labelled[s] && !fit.region[s])
            .or_else(|| self.innermost(p, TOUCH, |s| !fit.region[s]))
    }

    /// The smallest shape that `keep` takes whose box, grown by `margin`, holds `p`.
    fn innermost(&self, p: Point, margin: f64, keep: impl Fn(usize) -> bool) -> Option<usize> {
        (0..self.shapes.len())
            .filter(|&s| keep(s) && self.rects[s].inflate(margin).contains(p))
            .min_by(|&a, &b| area(&self.rects[a]).total_cmp(&area(&self.rects[b])))
    }
}

/// A list field, empty when absent or not a list.
fn list<'v>(value: &'v Object, key: &str) -> &'v [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// A text element's words as typed (before Excalidraw wrapped them to its box).
fn text_of(value: &Object) -> &str {
    ["originalText", "text"]
        .iter()
        .filter_map(|key| value.get(*key).and_then(Value::as_str))
        .find(|t| !t.trim().is_empty())
        .unwrap_or("")
}

/// An element's box: negative sizes flipped, sides clamped to what the board takes.
fn rect(value: &Object) -> Rect {
    let number = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_f64)
            .filter(|v| v.is_finite())
    };
    let (mut x, mut y) = (number("x").unwrap_or(0.0), number("y").unwrap_or(0.0));
    let (mut w, mut h) = (
        number("width").unwrap_or(0.0),
        number("height").unwrap_or(0.0),
    );
    if w < 0.0 {
        x += w;
        w = -w;
    }
    if h < 0.0 {
        y += h;
        h = -h;
    }
    let (w, h) = clamp_size(w, h);
    Rect::new(x, y, w, h)
}

fn area(r: &Rect) -> f64 {
    r.w * r.h
}
