//! The statements of a Mermaid flowchart, one line at a time: node chains
//! (`A[Label] -->|text| B & C --> D`), `subgraph … end`, and the styling and
//! interaction lines, which are counted and skipped. Errors carry the line and column.

use super::cursor::{Cursor, Link};
use super::label::{shape_data, unquote};
use super::ImportError;
use std::collections::HashMap;

/// A node as written.
pub(super) struct Node {
    /// Its id.
    pub id: String,
    /// Its label (the id when it has none), with `<br>` as a line break.
    pub label: String,
    /// Drawn as a cylinder (`[(…)]`, `@{ shape: cyl }`): a store.
    pub store: bool,
    /// Given a shape somewhere, not only named in a link.
    pub shaped: bool,
}

/// Everything a flowchart says.
#[derive(Default)]
pub(super) struct Flowchart {
    /// Nodes in order of first mention.
    pub nodes: Vec<Node>,
    /// Links: (from, to, label, how), as node indexes.
    pub links: Vec<(usize, usize, String, Link)>,
    /// Subgraph titles and ids, in order.
    pub subgraphs: Vec<(String, String)>,
    /// `classDef`, `class`, `style`, `linkStyle` and `click` lines.
    pub styling: usize,
    index: HashMap<String, usize>,
    depth: usize,
}

/// Openings of node shapes and their closings, longest first. `true`: a store.
const SHAPES: [(&str, &[&str], bool); 13] = [
    ("(((", &[")))"], false),
    ("[(", &[")]"], true),
    ("[[", &["]]"], false),
    ("[/", &["/]", "\\]"], false),
    ("[\\", &["\\]", "/]"], false),
    ("((", &["))"], false),
    ("([", &["])"], false),
    ("{{", &["}}"], false),
    ("[", &["]"], false),
    ("(", &[")"], false),
    ("{", &["}"], false),
    (">", &["]"], false),
    ("@{", &["}"], false),
];

/// Statement keywords whose line is skipped and counted as styling.
const STYLING: [&str; 5] = ["classDef", "class", "style", "linkStyle", "click"];

impl Flowchart {
    /// Reads one line (`number` is 1-based; `text` holds no line break).
    pub fn line(&mut self, number: usize, text: &str) -> Result<(), ImportError> {
        let mut c = Cursor {
            chars: text.chars().collect(),
            at: 0,
            line: number,
        };
        loop {
            c.spaces();
            if c.eat(";") {
                continue;
            }
            if c.done() {
                return Ok(());
            }
            let word = c.word();
            match word.as_str() {
                "subgraph" => return self.subgraph(&mut c),
                "end" => {
                    if self.depth == 0 {
                        return Err(c.error_at(c.at - 3, "\"end\" closes no subgraph"));
                    }
                    self.depth -= 1;
                }
                w if STYLING.contains(&w) => {
                    self.styling += 1;
                    return Ok(());
                }
                "direction" | "accTitle" | "accDescr" => return Ok(()),
                _ => {
                    c.at -= word.chars().count();
                    self.chain(&mut c)?;
                }
            }
        }
    }

    /// Fails when a subgraph is still open at the end of the text.
    pub fn finish(&self, last_line: usize) -> Result<(), ImportError> {
        if self.depth > 0 {
            return Err(ImportError::Mermaid {
                line: last_line,
                column: 1,
                reason: format!("{} subgraph(s) not closed by \"end\"", self.depth),
            });
        }
        Ok(())
    }

    fn subgraph(&mut self, c: &mut Cursor) -> Result<(), ImportError> {
        self.depth += 1;
        c.spaces();
        let id = c.id();
        c.spaces();
        let rest: String = c.chars[c.at..].iter().collect();
        let title = match rest.trim() {
            "" => id.clone(),
            t if t.starts_with('[') && t.ends_with(']') => unquote(&t[1..t.len() - 1]),
            t => unquote(&format!("{id} {t}")),
        };
        self.subgraphs.push((title, id));
        Ok(())
    }

    /// `group (link group)*`.
    fn chain(&mut self, c: &mut Cursor) -> Result<(), ImportError> {
        let mut left = self.group(c)?;
        loop {
            c.spaces();
            if c.done() || c.peek(";") {
                return Ok(());
            }
            let (label, how) = c.link()?;
            c.spaces();
            if c.done() || c.peek(";") {
                return Err(c.error("a node is missing after the link"));
            }
            let right = self.group(c)?;
            for &from in &left {
                for &to in &right {
                    self.links.push((from, to, label.clone(), how));
                }
            }
            left = right;
        }
    }

    /// `node (& node)*`.
    fn group(&mut self, c: &mut Cursor) -> Result<Vec<usize>, ImportError> {
        let mut nodes = vec![self.node(c)?];
        loop {
            let at = c.at;
            c.spaces();
            if !c.eat("&") {
                c.at = at;
                return Ok(nodes);
            }
            c.spaces();
            nodes.push(self.node(c)?);
        }
    }

    /// `id`, `id<open>label<close>`, each with an optional `:::class`.
    fn node(&mut self, c: &mut Cursor) -> Result<usize, ImportError> {
        let id = c.id();
        if id.is_empty() {
            return Err(c.error("a node id is expected here"));
        }
        let index = match self.index.get(&id) {
            Some(&i) => i,
            None => {
                self.index.insert(id.clone(), self.nodes.len());
                self.nodes.push(Node {
                    label: id.clone(),
                    id,
                    store: false,
                    shaped: false,
                });
                self.nodes.len() - 1
            }
        };
        if let Some(&(open, closes, store)) = SHAPES.iter().find(|(open, ..)| c.peek(open)) {
            let start = c.at;
            c.at += open.chars().count();
            let node = &mut self.nodes[index];
            if open == "@{" {
                let body = c.until(closes, start)?;
                let (label, store) = shape_data(&body);
                node.label = label.unwrap_or_else(|| node.id.clone());
                node.store = store;
            } else {
                node.label = c.label(closes, start)?;
                node.store = store;
            }
            node.shaped = true;
        }
        if c.eat(":::") {
            c.id();
        }
        Ok(index)
    }
}
