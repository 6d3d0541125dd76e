//! Label text: normalisation and a deterministic width estimate.
//!
//! The core knows no fonts. Widths are approximated from character classes of a
//! typical sans-serif face, which is good enough to truncate labels and size label
//! backgrounds identically on the canvas, in tests and in exports.

/// Longest label kept, in characters.
pub const MAX_LABEL_CHARS: usize = 80;
/// Longest text kept in free text and sticky notes, in characters.
pub const MAX_TEXT_CHARS: usize = 400;
/// Longest note kept (component details, failure notes, session notes), in characters.
pub const MAX_NOTE_CHARS: usize = 4000;

/// Trims a label, folds runs of white space (newlines included) into one space and
/// cuts it to [`MAX_LABEL_CHARS`], never leaving a space at the cut: normalising a
/// normalised label changes nothing.
pub fn normalize_label(raw: &str) -> String {
    normalize_text(raw, MAX_LABEL_CHARS)
}

/// [`normalize_label`] cut to `max` characters instead (free text and sticky notes
/// keep [`MAX_TEXT_CHARS`]: see `ComponentKind::max_label_chars`).
pub fn normalize_text(raw: &str, max: usize) -> String {
    let folded = one_line(raw);
    let cut: String = folded.chars().take(max).collect();
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

/// Word-wraps `text` into lines of at most `max_width` at `font_px`, as many as it
/// takes. A word longer than a line is broken across lines (as CSS's
/// `overflow-wrap: anywhere` does), so no line is wider than `max_width` unless a
/// single character is. Runs of white space become one space.
pub fn wrap_words(text: &str, max_width: f64, font_px: f64) -> Vec<String> {
    wrap_ranges(text, max_width, font_px)
        .into_iter()
        .map(|(start, end)| one_line(&text[start..end]))
        .collect()
}

/// [`wrap_words`] kept to `max_lines` lines (at least one): when the text needs more,
/// the last line holds what fits of the rest, cut with an ellipsis.
pub fn wrap_text(text: &str, max_width: f64, font_px: f64, max_lines: usize) -> Vec<String> {
    let ranges = wrap_ranges(text, max_width, font_px);
    let keep = max_lines.max(1);
    if ranges.len() <= keep {
        return ranges
            .into_iter()
            .map(|(s, e)| one_line(&text[s..e]))
            .collect();
    }
    let mut lines: Vec<String> = ranges[..keep - 1]
        .iter()
        .map(|&(s, e)| one_line(&text[s..e]))
        .collect();
    let rest = one_line(&text[ranges[keep - 1].0..]);
    lines.push(fit_text(&rest, max_width, font_px));
    lines
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The byte ranges of `text` that [`wrap_words`] puts on each line.
fn wrap_ranges(text: &str, max_width: f64, font_px: f64) -> Vec<(usize, usize)> {
    let space = char_em(' ') * font_px;
    let mut lines = Vec::new();
    // The open line: where it starts, where it ends so far, and its width.
    let mut open: Option<(usize, usize)> = None;
    let mut used = 0.0;
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| !c.is_whitespace()) {
        let start = text.len() - rest.len() + at;
        let word_len = text[start..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - start);
        let end = start + word_len;
        rest = &text[end..];
        let width = text_width(&text[start..end], font_px);
        match open {
            Some((s, _)) if used + space + width <= max_width => {
                open = Some((s, end));
                used += space + width;
                continue;
            }
            Some(line) => lines.push(line),
            None => {}
        }
        // The word starts a line, broken where it is wider than one.
        let mut from = start;
        used = 0.0;
        for (i, c) in text[start..end].char_indices() {
            let w = char_em(c) * font_px;
            if start + i > from && used + w > max_width {
                lines.push((from, start + i));
                from = start + i;
                used = 0.0;
            }
            used += w;
        }
        open = Some((from, end));
    }
    lines.extend(open);
    lines
}
