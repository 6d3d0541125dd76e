//! Reading the prompt sources (`prompts/*.toml` and `prompts/vocabulary/*.toml`) from
//! disk. The build script compiles this file with `#[path]` to write what the web app
//! fetches; native builds (tests, benches) read the same files at run time, so editing
//! a prompt needs no rebuild to be tested. Needs the `toml` crate, which ships in
//! neither wasm module.

use std::path::{Path, PathBuf};

/// The files with `extension` directly in `dir`, sorted by name.
pub fn files_in(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == extension))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Every prompt file in `dir` flattened into one bundle document, in file-name order;
/// `seen` is told each file read.
pub fn bundle(dir: &Path, mut seen: impl FnMut(&Path)) -> String {
    let mut bundle = String::new();
    for path in files_in(dir, "toml") {
        seen(&path);
        entry(&mut bundle, &path);
    }
    bundle
}

/// Appends one prompt file's bundle entry: its fields, or why it cannot be read.
pub fn entry(out: &mut String, path: &Path) {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match std::fs::read_to_string(path) {
        Ok(text) => super::flatten::write_entry(out, &file, &text),
        Err(e) => super::flatten::write_error(out, &file, &e.to_string()),
    }
}

/// The checker's vocabulary (`dir/*.toml`, each a table of lists) as one JSON object:
/// every file's lists merged by name; `seen` is told each file read. A file that does
/// not parse is an error naming it.
pub fn vocabulary(dir: &Path, mut seen: impl FnMut(&Path)) -> Result<String, String> {
    let mut merged = toml::Table::new();
    for path in files_in(dir, "toml") {
        seen(&path);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let table: toml::Table = text
            .parse()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        for (key, value) in table {
            match (merged.get_mut(&key), value) {
                (Some(toml::Value::Array(list)), toml::Value::Array(more)) => list.extend(more),
                (_, value) => {
                    merged.insert(key, value);
                }
            }
        }
    }
    // A technology's "what" is for the file's reviewers: the checker says what a box
    // is by its kinds, so the worker does not download the descriptions.
    if let Some(toml::Value::Array(technologies)) = merged.get_mut("technology") {
        for t in technologies.iter_mut() {
            if let toml::Value::Table(t) = t {
                t.remove("what");
            }
        }
    }
    serde_json::to_string(&merged).map_err(|e| e.to_string())
}

/// The fields of a prompt the library's index carries: what a card shows and the
/// filter reads. Everything else is in the prompt's own file.
pub const INDEX_FIELDS: [&str; 6] = ["id", "title", "difficulty", "category", "tags", "statement"];

/// The library split for fetching on demand: the index (one entry per file with the
/// [`INDEX_FIELDS`] only, or the file's error) and each readable prompt's whole entry
/// by file stem (its id when valid); `seen` is told each file read.
pub fn split(dir: &Path, mut seen: impl FnMut(&Path)) -> (String, Vec<(String, String)>) {
    let mut index = String::new();
    let mut prompts = Vec::new();
    for path in files_in(dir, "toml") {
        seen(&path);
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let table = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| text.parse::<toml::Table>().map_err(|e| e.to_string()));
        match table {
            Ok(mut table) => {
                let mut whole = String::new();
                super::flatten::write_entry(&mut whole, &file, &table.to_string());
                let stem = file.trim_end_matches(".toml").to_string();
                prompts.push((stem, whole));
                table.retain(|key, _| INDEX_FIELDS.contains(&key));
                super::flatten::write_entry(&mut index, &file, &table.to_string());
            }
            Err(e) => super::flatten::write_error(&mut index, &file, &e),
        }
    }
    (index, prompts)
}
