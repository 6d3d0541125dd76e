//! What an import converted and what it left out, as data; its `Display` is the
//! sentence the app shows ("Imported scene.excalidraw: 12 components, 9 arrows, 3
//! texts, 1 frame; left out 1 shape around others ("Data tier"), 2 lines, 1
//! image."). Free text and frames are counted apart from the components, which are
//! the parts of the design.

use std::fmt;

/// The format a board was imported from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// An Excalidraw scene.
    Excalidraw,
    /// A Mermaid flowchart.
    Mermaid,
}

/// Something an import could not carry over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Omission {
    /// The end of a free text longer than the board keeps
    /// (`ComponentKind::max_label_chars`: 400 characters).
    CutText,
    /// A shape with no text that no arrow joins.
    EmptyShape,
    /// A labelled shape drawn around other shapes (a region).
    Region,
    /// An Excalidraw line (not an arrow).
    Line,
    /// A freehand drawing.
    Drawing,
    /// An image.
    Image,
    /// An embedded web page or iframe.
    Embed,
    /// An element of a type this import does not know.
    Unknown,
    /// An arrow that does not join two boxes.
    LooseArrow,
    /// An arrow from a box to itself.
    SelfArrow,
    /// A second arrow between the same two boxes in the same direction.
    RepeatedArrow,
    /// A Mermaid invisible link (`~~~`), a layout hint.
    InvisibleLink,
    /// A Mermaid subgraph (its nodes are kept).
    Subgraph,
    /// A Mermaid styling or interaction line (`classDef`, `class`, `style`,
    /// `linkStyle`, `click`).
    Styling,
}

impl Omission {
    /// The noun, singular or plural.
    fn noun(self, count: usize) -> &'static str {
        let (one, many) = match self {
            Omission::CutText => (
                "end of a text over 400 characters",
                "ends of texts over 400 characters",
            ),
            Omission::EmptyShape => ("empty shape", "empty shapes"),
            Omission::Region => ("shape around others", "shapes around others"),
            Omission::Line => ("line", "lines"),
            Omission::Drawing => ("freehand drawing", "freehand drawings"),
            Omission::Image => ("image", "images"),
            Omission::Embed => ("embed", "embeds"),
            Omission::Unknown => ("element of another type", "elements of other types"),
            Omission::LooseArrow => (
                "arrow not joining two boxes",
                "arrows not joining two boxes",
            ),
            Omission::SelfArrow => ("arrow from a box to itself", "arrows from a box to itself"),
            Omission::RepeatedArrow => ("repeated arrow", "repeated arrows"),
            Omission::InvisibleLink => ("invisible link", "invisible links"),
            Omission::Subgraph => ("subgraph", "subgraphs"),
            Omission::Styling => ("styling line", "styling lines"),
        };
        if count == 1 {
            one
        } else {
            many
        }
    }
}

/// Most texts quoted per omission in the sentence.
const SAMPLES: usize = 3;
/// Longest quoted text, in characters.
const SAMPLE_CHARS: usize = 40;

/// One kind of thing left out: how many, and the texts of the first few.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// What was left out.
    pub what: Omission,
    /// How many.
    pub count: usize,
    /// The texts (or names) of the first few that have one, each on one line.
    pub samples: Vec<String>,
}

/// What an import converted and what it left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportReport {
    /// The file's name.
    pub source: String,
    /// Its format.
    pub format: SourceFormat,
    /// Components made (parts of the design: free text and frames are not counted).
    pub components: usize,
    /// Arrows made.
    pub arrows: usize,
    /// Free texts made.
    pub texts: usize,
    /// Frames made.
    pub frames: usize,
    /// What was left out, in [`Omission`] order.
    pub left_out: Vec<LeftOut>,
}

impl ImportReport {
    /// How many of `what` were left out.
    pub fn count(&self, what: Omission) -> usize {
        self.left_out
            .iter()
            .find(|l| l.what == what)
            .map_or(0, |l| l.count)
    }

    /// The left-out part of the sentence ("2 lines, 3 images"), empty
    /// when nothing was.
    pub fn left_out_text(&self) -> String {
        let parts: Vec<String> = self
            .left_out
            .iter()
            .map(|l| {
                let mut notes: Vec<String> = l.samples.iter().map(|s| format!("\"{s}\"")).collect();
                if !notes.is_empty() && l.samples.len() < l.count {
                    notes.push("…".into());
                }
                if l.what == Omission::Subgraph {
                    let whose = if l.count == 1 { "its" } else { "their" };
                    notes.push(format!("{whose} nodes are kept"));
                }
                let noun = l.what.noun(l.count);
                if notes.is_empty() {
                    format!("{} {noun}", l.count)
                } else {
                    format!("{} {noun} ({})", l.count, notes.join(", "))
                }
            })
            .collect();
        parts.join(", ")
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        write!(
            f,
            "Imported {}: {}, {}",
            self.source,
            plural(self.components, "component", "components"),
            plural(self.arrows, "arrow", "arrows")
        )?;
        if self.texts > 0 {
            write!(f, ", {}", plural(self.texts, "text", "texts"))?;
        }
        if self.frames > 0 {
            write!(f, ", {}", plural(self.frames, "frame", "frames"))?;
        }
        if !self.left_out.is_empty() {
            write!(f, "; left out {}", self.left_out_text())?;
        }
        f.write_str(".")
    }
}

/// Adds one `what` to `left_out`, quoting `sample` among the first few.
pub(super) fn note(left_out: &mut Vec<LeftOut>, what: Omission, sample: Option<&str>) {
    let at = match left_out.binary_search_by(|l| l.what.cmp(&what)) {
        Ok(at) => at,
        Err(at) => {
            left_out.insert(
                at,
                LeftOut {
                    what,
                    count: 0,
                    samples: Vec::new(),
                },
            );
            at
        }
    };
    let entry = &mut left_out[at];
    entry.count += 1;
    let sample = sample.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "));
    if let Some(sample) = sample.filter(|s| !s.is_empty()) {
        if entry.samples.len() < SAMPLES {
            let mut cut: String = sample.chars().take(SAMPLE_CHARS).collect();
            if cut.len() < sample.len() {
                cut.push('…');
            }
            entry.samples.push(cut);
        }
    }
}
