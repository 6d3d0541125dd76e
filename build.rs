//! Bundles prompts/*.toml into one text document (`$OUT_DIR/prompts.txt`, the line
//! format described in `src/core/prompt/bundle.rs`) so the app reads its prompt library
//! without shipping a TOML parser or per-type deserializers. A file that does not parse
//! is carried through with its error, for the catalog loader and tests to report by
//! file name.

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
}
