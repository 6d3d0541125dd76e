//! The text of Mermaid labels: quotes and Markdown-string backticks off, `<br>` a
//! line break, entity codes decoded; and the data of `@{ … }` shapes.

/// The label and store flag of `@{ shape: cyl, label: "Orders" }`.
pub(super) fn shape_data(body: &str) -> (Option<String>, bool) {
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

pub(super) fn unquote(raw: &str) -> String {
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
