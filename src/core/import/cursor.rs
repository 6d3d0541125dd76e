//! Reading one line of a Mermaid flowchart: node ids, shape labels, and links
//! (`-->`, `---`, `-.->`, `==>`, `--x`, `--o`, `<-->`, `~~~`, with `-- text -->` or
//! `-->|text|`), each error at its column.

use super::label::clean;
use super::ImportError;

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

/// Reads the characters of one line.
pub(super) struct Cursor {
    /// The line's characters.
    pub chars: Vec<char>,
    /// Where reading is.
    pub at: usize,
    /// The line's 1-based number.
    pub line: usize,
}

impl Cursor {
    pub(super) fn done(&self) -> bool {
        self.at >= self.chars.len()
    }

    pub(super) fn peek(&self, s: &str) -> bool {
        (self.at..)
            .zip(s.chars())
            .all(|(i, ch)| self.chars.get(i) == Some(&ch))
    }

    pub(super) fn eat(&mut self, s: &str) -> bool {
        let found = self.peek(s);
        if found {
            self.at += s.chars().count();
        }
        found
    }

    pub(super) fn spaces(&mut self) {
        while self.chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
            self.at += 1;
        }
    }

    /// A run of letters only (a keyword candidate).
    pub(super) fn word(&mut self) -> String {
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
    pub(super) fn id(&mut self) -> String {
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
    pub(super) fn until(&mut self, closes: &[&str], opened: usize) -> Result<String, ImportError> {
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
    pub(super) fn label(&mut self, closes: &[&str], opened: usize) -> Result<String, ImportError> {
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
    pub(super) fn link(&mut self) -> Result<(String, Link), ImportError> {
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

    pub(super) fn error(&self, reason: &str) -> ImportError {
        self.error_at(self.at, reason)
    }

    pub(super) fn error_at(&self, at: usize, reason: &str) -> ImportError {
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
