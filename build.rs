//! Bundles prompts/*.toml into one text document (`$OUT_DIR/prompts.txt`, the line
//! format described in `src/core/prompt/bundle.rs`) so the app reads its prompt library
//! without shipping a TOML parser or per-type deserializers. A file that does not parse
//! is carried through with its error, for the catalog loader and tests to report by
//! file name. It also turns the checker's vocabulary (`prompts/vocabulary/`) into the
//! JSON document `$OUT_DIR/vocabulary.json` (see `src/core/check/vocabulary.rs`).

use std::path::Path;

#[path = "src/core/prompt/flatten.rs"]
mod flatten;

fn main() {
    let dir = Path::new("prompts");
    println!("cargo:rerun-if-changed=prompts");
    println!("cargo:rerun-if-changed=src/core/prompt/flatten.rs");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut bundle = String::new();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match std::fs::read_to_string(&path) {
            Ok(text) => flatten::write_entry(&mut bundle, &file, &text),
            Err(e) => flatten::write_error(&mut bundle, &file, &e.to_string()),
        }
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("prompts.txt"), bundle).expect("write prompts.txt");
    std::fs::write(Path::new(&out).join("vocabulary.json"), vocabulary())
        .expect("write vocabulary.json");
}

/// The checker's vocabulary (`prompts/vocabulary/*.toml`, each a table of lists) as
/// one JSON object: every file's lists merged by name. A file that does not parse
/// fails the build, with the parser's message: the checker cannot run without it.
fn vocabulary() -> String {
    let dir = Path::new("prompts/vocabulary");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "toml"));
    files.sort();
    let mut merged = toml::Table::new();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("read a vocabulary file");
        let table: toml::Table = text
            .parse()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
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
    serde_json::to_string(&merged).expect("a TOML table is JSON")
}
