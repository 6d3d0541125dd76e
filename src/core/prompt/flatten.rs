//! Writes prompt files in the bundle's line format (see `bundle.rs` for the format and
//! its reader). This file needs the `toml` crate, so it is in native builds only:
//! `build.rs` compiles it with `#[path]`.

/// Appends the entry for one prompt file: its fields, or why it cannot be read.
pub fn write_entry(out: &mut String, file: &str, text: &str) {
    let mut fields = String::new();
    let flattened = text
        .parse::<toml::Table>()
        .map_err(|e| e.to_string())
        .and_then(|table| write_table(&mut fields, "", &table));
    match flattened {
        Ok(()) => {
            write_header(out, file);
            out.push_str(&fields);
        }
        Err(error) => write_error(out, file, &error),
    }
}

/// Appends the entry for a prompt file that cannot be used at all, with why.
pub fn write_error(out: &mut String, file: &str, error: &str) {
    write_header(out, file);
    out.push_str("@error ");
    out.push_str(&escape(error));
    out.push('\n');
}

fn write_header(out: &mut String, file: &str) {
    out.push_str("@file ");
    out.push_str(&escape(file));
    out.push('\n');
}

fn write_table(out: &mut String, prefix: &str, table: &toml::Table) -> Result<(), String> {
    for (key, value) in table {
        let plain = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !plain {
            return Err(format!(
                "key \"{key}\" is not a plain name (letters, digits, _ or -)"
            ));
        }
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        write_value(out, &path, value)?;
    }
    Ok(())
}

fn write_value(out: &mut String, path: &str, value: &toml::Value) -> Result<(), String> {
    match value {
        toml::Value::Table(table) => write_table(out, path, table),
        toml::Value::Array(items) if items.is_empty() => {
            out.push_str(path);
            out.push_str("[]\n");
            Ok(())
        }
        toml::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                write_value(out, &format!("{path}.{i}"), item)?;
            }
            Ok(())
        }
        toml::Value::String(text) => {
            write_line(out, path, text);
            Ok(())
        }
        other => {
            write_line(out, path, &other.to_string());
            Ok(())
        }
    }
}

fn write_line(out: &mut String, path: &str, text: &str) {
    out.push_str(path);
    out.push('=');
    out.push_str(&escape(text));
    out.push('\n');
}

/// Backslash-escapes what would break a line: the backslash itself, `\n` and `\r`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}
