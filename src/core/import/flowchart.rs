//! The statements of a Mermaid flowchart, one line at a time: node chains
//! (`A[Label] -->|text| B & C --> D`), `subgraph … end`, and the styling and
//! interaction lines, which are counted and skipped. Errors carry the line and column.

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

/// How a link is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Link {
    /// From the left node to the right one (also an open link, `---`).
    Forward,
    /// Arrowheads at both ends (`<-->`).
    Both,
    /// Invisible (`~~~`): a layout hint.
    Invisible,
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

/// Reads the characters of one line.
struct Cursor {
    chars: Vec<char>,
    at: usize,
    line: usize,
}

impl Cursor {
    fn done(&self) -> bool {
        self.at >= self.chars.len()
    }

    fn peek(&self, s: &str) -> bool {
        (self.at..)
            .zip(s.chars())
            .all(|(i, ch)| self.chars.get(i) == Some(&ch))
    }

    fn eat(&mut self, s: &str) -> bool {
        let found = self.peek(s);
        if found {
            self.at += s.chars().count();
        }
        found
    }

    fn spaces(&mut self) {
        while self.chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
            self.at += 1;
        }
    }

    /// A run of letters only (a keyword candidate).
    fn word(&mut self) -> String {
        let start = self.at;
        while self
            .chars
            .get(self.at)
            .is_some_and(char::is_ascii_alphabetic)
        {
            self.at += 1;
        }
        let word: String = self.chars[start..self.at].iter().collect();
        // A keyword stands alone: "classes" or "end_point" are node ids.
        if self.chars.get(self.at).is_some_and(|&c| is_id(c)) {
            self.at = start;
            return String::new();
        }
        word
    }

    /// A node id: letters, digits and `_`, with `-` inside when a letter or digit
    /// follows it (`api-gw`, but `A-->B` is A).
    fn id(&mut self) -> String {
        let start = self.at;
        while let Some(&c) = self.chars.get(self.at) {
            let dash = c == '-'
                && self.at > start
                && self.chars.get(self.at + 1).is_some_and(|&n| is_id(n));
            if !(is_id(c) || dash) {
                break;
            }
            self.at += 1;
        }
        self.chars[start..self.at].iter().collect()
    }

    /// The text up to the first of `closes`, which is eaten.
    fn until(&mut self, closes: &[&str], opened: usize) -> Result<String, ImportError> {
        let start = self.at;
        while !self.done() {
            if let Some(close) = closes.iter().find(|close| self.peek(close)) {
                let text = self.chars[start..self.at].iter().collect();
                self.at += close.chars().count();
                return Ok(text);
            }
            self.at += 1;
        }
        Err(self.error_at(
            opened,
            &format!("the shape is not closed by \"{}\"", closes[0]),
        ))
    }

    /// A node label: quoted (`"…"`, which may hold brackets) or plain, then one of
    /// `closes`.
    fn label(&mut self, closes: &[&str], opened: usize) -> Result<String, ImportError> {
        self.spaces();
        if self.peek("\"") {
            let quote = self.at;
            self.at += 1;
            let text = self.until(&["\""], quote)?;
            self.spaces();
            if let Some(close) = closes.iter().find(|close| self.peek(close)) {
                self.at += close.chars().count();
                return Ok(clean(&text));
            }
            return Err(self.error(&format!(
                "\"{}\" is expected after the quoted label",
                closes[0]
            )));
        }
        Ok(clean(&self.until(closes, opened)?))
    }

    /// A link (`-->`, `---`, `-.->`, `==>`, `--x`, `<-->`, `~~~`, `-- text -->`,
    /// `-->|text|`) and its label.
    fn link(&mut self) -> Result<(String, Link), ImportError> {
        let start = self.at;
        let back = self.eat("<");
        let body_start = self.at;
        let mut text = String::new();
        if self.eat("~~~") {
            while self.eat("~") {}
            return Ok((self.pipe_label()?, Link::Invisible));
        }
        let (line, dots) = match self.chars.get(self.at) {
            Some('-') => ('-', self.chars.get(self.at + 1) == Some(&'.')),
            Some('=') => ('=', false),
            _ => {
                return Err(self.error_at(
                    start,
                    "a link such as \"-->\" is expected between two nodes",
                ))
            }
        };
        if dots {
            // -.-  -.->  -..->  or the text form -. text .->
            self.at += 1;
            let dot_run = self.run('.');
            if self.eat("-") {
                // A closed dotted link.
            } else if dot_run == 1 {
                text = self.until(&[".-"], start).map_err(|_| {
                    self.error_at(start, "the link text after \"-.\" is not closed by \".->\"")
                })?;
            } else {
                return Err(self.error_at(start, "a dotted link is written \"-.->\""));
            }
        } else {
            let run = self.run(line);
            if run < 2 {
                let end = (self.at + 1).min(self.chars.len());
                let written: String = self.chars[body_start..end].iter().collect();
                return Err(self.error_at(
                    start,
                    &format!(
                        "\"{}\" is not a Mermaid link; write \"{line}{line}>\"",
                        written.trim()
                    ),
                ));
            }
            if run == 2 && !self.head_here() {
                let pair = if line == '-' { "--" } else { "==" };
                text = self.until(&[pair], start).map_err(|_| {
                    self.error_at(
                        start,
                        &format!("the link text after \"{pair}\" is not closed by \"{pair}>\""),
                    )
                })?;
                self.run(line);
            }
        }
        let head = self.head_here();
        if head {
            self.at += 1;
        }
        let piped = self.pipe_label()?;
        let label = if piped.is_empty() {
            clean(&text)
        } else {
            piped
        };
        Ok((
            label,
            if back && head {
                Link::Both
            } else {
                Link::Forward
            },
        ))
    }

    /// Whether an arrowhead (`>`, or `x`/`o` not starting a node id) is next.
    fn head_here(&self) -> bool {
        match self.chars.get(self.at) {
            Some('>') => true,
            Some('x' | 'o') => !self.chars.get(self.at + 1).is_some_and(|&c| is_id(c)),
            _ => false,
        }
    }

    /// `|text|` after a link, if there.
    fn pipe_label(&mut self) -> Result<String, ImportError> {
        let at = self.at;
        self.spaces();
        if !self.peek("|") {
            self.at = at;
            return Ok(String::new());
        }
        let open = self.at;
        self.at += 1;
        let text = self
            .until(&["|"], open)
            .map_err(|_| self.error_at(open, "the link label is not closed by \"|\""))?;
        Ok(clean(&text))
    }

    /// Eats a run of `c`; how many.
    fn run(&mut self, c: char) -> usize {
        let start = self.at;
        while self.chars.get(self.at) == Some(&c) {
            self.at += 1;
        }
        self.at - start
    }

    fn error(&self, reason: &str) -> ImportError {
        self.error_at(self.at, reason)
    }

    fn error_at(&self, at: usize, reason: &str) -> ImportError {
        ImportError::Mermaid {
            line: self.line,
            column: at + 1,
            reason: reason.to_string(),
        }
    }
}

/// Letters, digits, `_`, and any character outside ASCII (Mermaid takes "Bücher"
/// as an id; ASCII rules keep the Unicode tables out of the worker).
fn is_id(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii()
}

/// The label and store flag of `@{ shape: cyl, label: "Orders" }`.
fn shape_data(body: &str) -> (Option<String>, bool) {
    let mut label = None;
    let mut store = false;
    for part in body.split(',') {
        let Some((key, value)) = part.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "label" => label = Some(clean(value)),
            "shape" => {
                store = matches!(
                    unquote(value).as_str(),
                    "cyl" | "cylinder" | "database" | "db" | "h-cyl" | "das" | "lin-cyl"
                )
            }
            _ => {}
        }
    }
    (label, store)
}

/// A label's text: quotes and Markdown-string backticks off, `<br>` a line break,
/// entity codes (`#34;`, `#quot;`) decoded.
pub(super) fn clean(raw: &str) -> String {
    let text = unquote(raw);
    let text = text.trim_matches('`');
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = strip_break(rest) {
            out.push('\n');
            rest = after;
            continue;
        }
        if c == '#' {
            if let Some((code, after)) = rest[1..].split_once(';') {
                if let Some(ch) = entity(code) {
                    out.push(ch);
                    rest = after;
                    continue;
                }
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out.trim().to_string()
}

fn unquote(raw: &str) -> String {
    let t = raw.trim();
    t.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(t)
        .to_string()
}

/// The text after a `<br>`, `<br/>` or `<br />` at the start of `s`.
fn strip_break(s: &str) -> Option<&str> {
    let head = s.get(..3)?;
    if !head.eq_ignore_ascii_case("<br") {
        return None;
    }
    let rest = s[3..].trim_start();
    rest.strip_prefix("/>").or_else(|| rest.strip_prefix('>'))
}

/// The character of an entity code's name or decimal number.
fn entity(code: &str) -> Option<char> {
    match code {
        "quot" => Some('"'),
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "nbsp" => Some(' '),
        _ if code.len() <= 7 && !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()) => {
            code.parse().ok().and_then(char::from_u32)
        }
        _ => None,
    }
}
