//! A board as a Mermaid `flowchart LR` that pastes into a Markdown ```` ```mermaid ````
//! block and renders there: one node per component (id `n<component id>`, in board
//! order), shaped after its kind's [`Shape`] with Mermaid's classic shape syntax and
//! tinted with its colour through one `classDef` per kind; one edge per arrow.
//!
//! Safe with hostile labels: every text is a double-quoted Mermaid string in which the
//! characters that could end the string, start a comment or directive, open markup or a
//! Markdown string are entity codes (`#34;` for `"`), and line breaks are spaces, so a
//! label may spell anything but never adds a statement. The only markup written is the
//! `<br/>` before a kind's name.
//!
//! A frame becomes a `subgraph` (id `f<frame id>`, its title as the name) holding the
//! parts wholly inside it; a part inside nested frames goes to the smallest. Free
//! text and sticky notes are left out: they are not parts of the flowchart.

use super::hsl_hex;
use crate::core::diagram::{Board, Colour, ComponentKind, Shape};
use std::fmt::Write;

/// Text colour of every node: dark on the light kind tints, also under a dark theme.
const TEXT: &str = "#1d2330";
/// Lightness of a kind's fill and of its outline, as in the SVG export.
const FILL_LIGHTNESS: f64 = 0.95;
const STROKE_LIGHTNESS: f64 = 0.38;

/// The board as Mermaid flowchart text, ending with a newline. An empty board gives a
/// flowchart with no nodes and a comment saying so.
pub fn to_mermaid(board: &Board) -> String {
    let mut out = String::from("flowchart LR\n");
    if !board.components().iter().any(|c| c.kind.is_part()) {
        out.push_str("    %% Empty board: no components yet.\n");
        return out;
    }
    for c in board.components().iter().filter(|c| c.kind.is_part()) {
        let (open, close) = brackets(c.kind.shape());
        let _ = writeln!(
            out,
            "    n{}{open}\"{}\"{close}",
            c.id,
            node_text(&c.label, c.kind)
        );
    }
    subgraphs(&mut out, board);
    for a in board.arrows() {
        if board.component(a.from).is_none() || board.component(a.to).is_none() {
            continue;
        }
        let label = a.label.trim();
        if label.is_empty() {
            let _ = writeln!(out, "    n{} --> n{}", a.from, a.to);
        } else {
            let _ = writeln!(
                out,
                "    n{} -->|\"{}\"| n{}",
                a.from,
                escape_text(label),
                a.to
            );
        }
    }
    // One class per kind and palette colour in use, so boxes keep their colours.
    let paints = std::iter::once(None).chain(Colour::ALL.map(Some));
    for (kind, colour) in ComponentKind::ALL
        .into_iter()
        .flat_map(|k| paints.clone().map(move |c| (k, c)))
    {
        let nodes: Vec<String> = board
            .components()
            .iter()
            .filter(|c| c.kind == kind && c.colour == colour)
            .map(|c| format!("n{}", c.id))
            .collect();
        if nodes.is_empty() {
            continue;
        }
        let (hue, sat) = colour.map_or_else(|| kind.colour(), Colour::hue_saturation);
        let class = match colour {
            None => format!("k_{}", kind.id()),
            Some(c) => format!("k_{}_{}", kind.id(), c.name()),
        };
        let _ = writeln!(
            out,
            "    classDef {class} fill:{},stroke:{},color:{TEXT}{}",
            hsl_hex(hue, sat, FILL_LIGHTNESS),
            hsl_hex(hue, sat, STROKE_LIGHTNESS),
            if kind.shape().is_dashed() {
                ",stroke-dasharray:5 5"
            } else {
                ""
            }
        );
        let _ = writeln!(out, "    class {} {class}", nodes.join(","));
    }
    out
}

/// One `subgraph` per frame holding parts, each part in the smallest frame that
/// wholly contains it.
fn subgraphs(out: &mut String, board: &Board) {
    let all = board.components();
    for f in all.iter().filter(|c| c.kind == ComponentKind::Frame) {
        let mut members = String::new();
        for c in all.iter().filter(|c| c.kind.is_part()) {
            if board.frame_of(c).is_some_and(|home| home.id == f.id) {
                let _ = writeln!(members, "        n{}", c.id);
            }
        }
        if !members.is_empty() {
            let _ = writeln!(
                out,
                "    subgraph f{}[\"{}\"]\n{members}    end",
                f.id,
                escape_text(&f.label)
            );
        }
    }
}

/// `text` as the inside of a double-quoted Mermaid string, on one line.
///
/// `"` (ends the string), `#` (starts an entity code), `%` (comments and `%%{…}%%`
/// directives, which Mermaid finds even inside strings), `&` `<` `>` (markup), the
/// backtick (Markdown strings, code fences) and `:` (Mermaid's `style`/`classDef`
/// clean-up reads `…:#…;` anywhere on a line) become decimal entity codes (`#34;`).
/// Line breaks, other white space and control characters become spaces; a space right
/// after "direction" is `#32;`, as Mermaid reads any line holding `direction TB` as a
/// direction statement.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '#' | '%' | '&' | '<' | '>' | '`' | ':' => {
                let _ = write!(out, "#{};", u32::from(c));
            }
            c if c.is_whitespace() || c.is_control() || c == '\u{feff}' => {
                let after_direction = out.len() >= 9
                    && out.as_bytes()[out.len() - 9..].eq_ignore_ascii_case(b"direction");
                out.push_str(if after_direction { "#32;" } else { " " });
            }
            c => out.push(c),
        }
    }
    out
}

/// The node's text: its label, and the kind's name on a second line when the label
/// does not say it. An empty label is the kind's name.
fn node_text(label: &str, kind: ComponentKind) -> String {
    let label = label.trim();
    let name = kind.display_name();
    if label.is_empty() || label == name {
        escape_text(name)
    } else {
        format!("{}<br/>{}", escape_text(label), escape_text(name))
    }
}

/// Mermaid's opening and closing brackets for the closest shape to `shape`.
fn brackets(shape: Shape) -> (&'static str, &'static str) {
    match shape {
        Shape::RoundedRect | Shape::DashedRect => ("(", ")"),
        Shape::Rect => ("[", "]"),
        // Cut corners: the hexagon is the nearest polygon Mermaid has.
        Shape::Hexagon | Shape::Octagon => ("{{", "}}"),
        Shape::Cylinder => ("[(", ")]"),
        // No horizontal cylinder: the subroutine's doubled sides read as a pipe's slots.
        Shape::Pipe => ("[[", "]]"),
        Shape::Stadium => ("([", "])"),
        // Trapezoid wider at the top.
        Shape::Bucket => ("[\\", "/]"),
        Shape::Parallelogram => ("[/", "/]"),
        // The flag ("asymmetric") shape, for a page with a folded corner.
        Shape::Note => (">", "]"),
    }
}
