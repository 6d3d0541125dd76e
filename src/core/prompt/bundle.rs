//! The prompt bundle: every prompt file flattened into one line-based text document,
//! written by the build script and read here.
//!
//! ```text
//! @file url-shortener.toml          one entry per file, in file-name order
//! id=url-shortener                  a text at a dotted path
//! clarifications.0.kind=functional  list items are numbered from 0
//! components.1.synonyms[]           an empty list
//! @file broken.toml
//! @error expected `=` at line 3     a file that could not be flattened, with why
//! ```
//!
//! Values escape `\` as `\\`, a newline as `\n` and a carriage return as `\r`.
//! Reading a prompt takes each field it knows out of the entry; whatever is missing,
//! of the wrong shape, or left over is reported by path, all at once. The format keeps
//! the per-type deserializer code of a general-purpose parser out of the web app.

use super::PromptError;

/// One file's entry: its fields, or why the build could not flatten it.
pub(super) struct Entry<'a> {
    /// File name under prompts/.
    pub file: String,
    /// The fields, or the build's error.
    pub body: Result<Fields<'a>, String>,
}

/// Splits a bundle into entries. Text before the first `@file` line is an error.
pub(super) fn entries(bundle: &str) -> Result<Vec<Entry<'_>>, String> {
    let mut entries: Vec<Entry> = Vec::new();
    for (number, line) in bundle.lines().enumerate() {
        if let Some(file) = line.strip_prefix("@file ") {
            entries.push(Entry {
                file: unescape(file),
                body: Ok(Fields::default()),
            });
            continue;
        }
        let Some(entry) = entries.last_mut() else {
            return Err(format!("line {} comes before any @file line", number + 1));
        };
        let Ok(fields) = &mut entry.body else {
            continue;
        };
        if let Some(error) = line.strip_prefix("@error ") {
            entry.body = Err(unescape(error));
        } else if let Some((path, value)) = line.split_once('=') {
            fields.values.insert(path, Some(value));
        } else if let Some(path) = line.strip_suffix("[]") {
            fields.values.insert(path, None);
        } else if !line.is_empty() {
            return Err(format!("line {} is not a field: {line}", number + 1));
        }
    }
    Ok(entries)
}

/// The fields of one prompt, by dotted path (`None` marks an empty list), and the
/// problems found while reading them.
#[derive(Default)]
pub(super) struct Fields<'a> {
    values: Paths<'a>,
    errors: Vec<PromptError>,
}

/// Values by path, in file order. A prompt has a few hundred fields, so a list
/// searched in order is fast enough, and it keeps a map's code out of the app.
#[derive(Default)]
struct Paths<'a>(Vec<(&'a str, Option<&'a str>)>);

impl<'a> Paths<'a> {
    fn insert(&mut self, path: &'a str, value: Option<&'a str>) {
        match self.0.iter_mut().find(|(p, _)| *p == path) {
            Some(slot) => slot.1 = value,
            None => self.0.push((path, value)),
        }
    }

    fn get(&self, path: &str) -> Option<&Option<&'a str>> {
        self.0.iter().find(|(p, _)| *p == path).map(|(_, v)| v)
    }

    fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    fn remove(&mut self, path: &str) -> Option<Option<&'a str>> {
        let i = self.0.iter().position(|(p, _)| *p == path)?;
        Some(self.0.remove(i).1)
    }

    fn keys(&self) -> impl Iterator<Item = &&'a str> {
        self.0.iter().map(|(p, _)| p)
    }
}

impl<'a> Fields<'a> {
    /// Reads a value with `read`; every field not taken is reported as unknown.
    pub fn read<T>(
        mut self,
        read: impl FnOnce(&mut Scope<'_, 'a>) -> T,
    ) -> Result<T, Vec<PromptError>> {
        let value = read(&mut Scope {
            fields: &mut self,
            prefix: String::new(),
        });
        let mut errors = self.errors;
        errors.extend(
            self.values
                .keys()
                .map(|path| PromptError::UnknownField(path.to_string())),
        );
        if errors.is_empty() {
            Ok(value)
        } else {
            Err(errors)
        }
    }

    /// Whether anything lives at or under `path`.
    fn has(&self, path: &str) -> bool {
        self.values.contains_key(path) || self.first_under(path).is_some()
    }

    fn first_under(&self, path: &str) -> Option<&'a str> {
        let prefix = format!("{path}.");
        self.values
            .keys()
            .find(|key| key.starts_with(&prefix))
            .copied()
    }

    /// Removes everything under `path`, after reporting it as the wrong shape.
    fn drop_under(&mut self, path: &str) {
        while let Some(key) = self.first_under(path) {
            self.values.remove(key);
        }
    }
}

/// A view of the fields under one path prefix, for reading one table.
pub(super) struct Scope<'f, 'a> {
    fields: &'f mut Fields<'a>,
    prefix: String,
}

impl Scope<'_, '_> {
    fn path(&self, name: &str) -> String {
        if self.prefix.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.prefix)
        }
    }

    fn wrong_type(&mut self, path: String, expected: &'static str) {
        self.fields.drop_under(&path);
        self.fields.values.remove(path.as_str());
        self.fields.errors.push(PromptError::WrongType {
            field: path,
            expected,
        });
    }

    /// Drops everything at or under `name`, unread and unreported.
    pub fn skip(&mut self, name: &str) {
        let path = self.path(name);
        self.fields.drop_under(&path);
        self.fields.values.remove(path.as_str());
    }

    /// A required text.
    pub fn text(&mut self, name: &str) -> String {
        let path = self.path(name);
        self.text_at(path)
    }

    fn text_at(&mut self, path: String) -> String {
        match self.fields.values.remove(path.as_str()) {
            Some(Some(value)) => unescape(value),
            Some(None) => {
                self.wrong_type(path, "text");
                String::new()
            }
            None if self.fields.has(&path) => {
                self.wrong_type(path, "text");
                String::new()
            }
            None => {
                self.fields.errors.push(PromptError::MissingField(path));
                String::new()
            }
        }
    }

    /// A required text that must be one of a fixed set of words.
    pub fn choice<T: Copy>(&mut self, name: &str, parse: fn(&str) -> Option<T>, fallback: T) -> T {
        let path = self.path(name);
        let known = self.fields.errors.len();
        let text = self.text_at(path.clone());
        match parse(&text) {
            Some(value) => value,
            None => {
                // A missing or misshapen field is reported once, by `text_at`.
                if self.fields.errors.len() == known {
                    self.fields.errors.push(PromptError::BadValue {
                        field: path,
                        value: text,
                    });
                }
                fallback
            }
        }
    }

    /// An optional text.
    pub fn optional_text(&mut self, name: &str) -> Option<String> {
        self.fields.has(&self.path(name)).then(|| self.text(name))
    }

    /// An optional text that must be one of a fixed set of words; `fallback` when absent.
    pub fn optional_choice<T: Copy>(
        &mut self,
        name: &str,
        parse: fn(&str) -> Option<T>,
        fallback: T,
    ) -> T {
        if self.fields.has(&self.path(name)) {
            self.choice(name, parse, fallback)
        } else {
            fallback
        }
    }

    /// A required table.
    pub fn table<T>(&mut self, name: &str, read: impl FnOnce(&mut Scope) -> T) -> T {
        let path = self.path(name);
        if let Some(Some(_)) = self.fields.values.get(path.as_str()) {
            self.wrong_type(path.clone(), "a table");
        } else if !self.fields.has(&path) {
            self.fields
                .errors
                .push(PromptError::MissingField(path.clone()));
        }
        read(&mut Scope {
            fields: self.fields,
            prefix: path,
        })
    }

    /// A list whose items are read with `read`; `required` lists must be present.
    pub fn list<T>(
        &mut self,
        name: &str,
        required: bool,
        mut read: impl FnMut(&mut Scope) -> T,
    ) -> Vec<T> {
        let path = self.path(name);
        match self.fields.values.get(path.as_str()) {
            Some(None) => {
                self.fields.values.remove(path.as_str());
                return Vec::new();
            }
            Some(Some(_)) => {
                self.wrong_type(path, "a list");
                return Vec::new();
            }
            None => {}
        }
        let mut items = Vec::new();
        while self.fields.has(&format!("{path}.{}", items.len())) {
            let item = read(&mut Scope {
                fields: self.fields,
                prefix: format!("{path}.{}", items.len()),
            });
            items.push(item);
        }
        if items.is_empty() && required {
            self.fields
                .errors
                .push(PromptError::MissingField(path.clone()));
        }
        if self.fields.has(&path) {
            // Keys under the list that are not numbered items in order.
            self.wrong_type(path, "a list numbered from 0");
        }
        items
    }

    /// A list of texts.
    pub fn texts(&mut self, name: &str, required: bool) -> Vec<String> {
        self.list(name, required, |item| item.text_at(item.prefix.clone()))
    }
}

/// Reverses the writer's escapes; an unknown escape is kept as written.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}
