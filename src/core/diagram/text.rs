//! Label text: normalisation and a deterministic width estimate.
//!
//! The core knows no fonts. Widths are approximated from character classes of a
//! typical sans-serif face, which is good enough to truncate labels and size label
//! backgrounds identically on the canvas, in tests and in exports.

/// Longest label kept, in characters.
pub const MAX_LABEL_CHARS: usize = 80;
/// Longest note kept (component details, failure notes, session notes), in characters.
pub const MAX_NOTE_CHARS: usize = 4000;

/// Trims a label, folds runs of white space (newlines included) into one space and
/// cuts it to [`MAX_LABEL_CHARS`], never leaving a space at the cut: normalising a
/// normalised label changes nothing.
pub fn normalize_label(raw: &str) -> String {
    let folded = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = folded.chars().take(MAX_LABEL_CHARS).collect();
    match cut.strip_suffix(' ') {
        Some(trimmed) => trimmed.to_string(),
        None => cut,
    }
}

/// Keeps a note's lines (with Windows line ends made plain) and cuts it to
/// [`MAX_NOTE_CHARS`]. It does not trim: notes saved while they are typed would lose
/// the space just typed. Committed notes trim first (see `Command::SetNote`).
pub fn normalize_note(raw: &str) -> String {
    raw.replace("\r\n", "\n")
        .chars()
        .take(MAX_NOTE_CHARS)
        .collect()
}

/// `text` with `& < > " '` escaped, safe in HTML or SVG element content and in quoted
/// attributes.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Font size of component labels, in board units.
pub const LABEL_PX: f64 = 13.0;
/// Left inset of a component's label: room for its icon.
pub const LABEL_LEFT: f64 = 34.0;

/// Where a component's name goes inside its box; shared by the canvas and exports.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelLayout {
    /// The name in one or two lines fitted to the box.
    pub lines: Vec<String>,
    /// Whether the kind's name is shown under a one-line name that does not say it.
    pub caption: bool,
    /// Centre of the text, from the box's left edge.
    pub x: f64,
    /// Baseline of the first line, from the box's top edge.
    pub top: f64,
    /// Distance between baselines.
    pub line_height: f64,
}

/// Lays out `label` in a `w` x `h` box of a kind named `kind_name`.
pub fn label_layout(label: &str, kind_name: &str, w: f64, h: f64) -> LabelLayout {
    let lines = wrap_text(label, (w - LABEL_LEFT - 10.0).max(20.0), LABEL_PX, 2);
    let caption = lines.len() == 1 && label != kind_name;
    let line_height = LABEL_PX * 1.25;
    let total = if caption {
        line_height + 11.0
    } else {
        line_height * lines.len() as f64
    };
    LabelLayout {
        lines,
        caption,
        x: (w + LABEL_LEFT - 10.0) / 2.0,
        top: h / 2.0 - total / 2.0 + LABEL_PX * 0.9,
        line_height,
    }
}

/// Approximate rendered width of `text` at `font_px`.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(|c| char_em(c) * font_px).sum()
}

/// `text` cut with an ellipsis to fit `max_width` at `font_px`; unchanged if it fits.
pub fn fit_text(text: &str, max_width: f64, font_px: f64) -> String {
    if text_width(text, font_px) <= max_width {
        return text.to_string();
    }
    let budget = max_width - char_em('…') * font_px;
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        used += char_em(c) * font_px;
        if used > budget {
            break;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' | 'f' | 't' => 0.3,
        ' ' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' => 0.36,
        'm' | 'w' | 'M' | 'W' | '@' => 0.86,
        'A'..='Z' => 0.66,
        c if c.is_ascii() => 0.55,
        // CJK and other wide scripts.
        c if (c as u32) >= 0x2E80 => 1.0,
        _ => 0.6,
    }
}

/// Word-wraps `text` into at most `max_lines` lines of `max_width`; the last line is cut
/// with an ellipsis when the text does not fit. Words longer than a line are cut too.
pub fn wrap_text(text: &str, max_width: f64, font_px: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, font_px) <= max_width {
            current = candidate;
            continue;
        }
        if lines.len() + 1 == max_lines {
            // Last line: take what fits of the rest.
            let rest: Vec<&str> = std::iter::once(word).chain(words).collect();
            let tail = if current.is_empty() {
                rest.join(" ")
            } else {
                format!("{current} {}", rest.join(" "))
            };
            lines.push(fit_text(&tail, max_width, font_px));
            return lines;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        current = fit_text(word, max_width, font_px);
    }
    if !current.is_empty() && lines.len() < max_lines.max(1) {
        lines.push(current);
    }
    lines
}
