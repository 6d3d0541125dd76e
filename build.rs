//! Bundles prompts/*.toml into one JSON document (`$OUT_DIR/prompts.json`) so the app
//! embeds its prompt library without shipping a TOML parser. A file that does not
//! parse is carried through with its error, for the catalog loader and tests to report
//! by file name.

use std::path::Path;

fn main() {
    let dir = Path::new("prompts");
    println!("cargo:rerun-if-changed=prompts");
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
    let mut bundle = Vec::new();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let parsed = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| text.parse::<toml::Table>().map_err(|e| e.to_string()))
            .and_then(|table| serde_json::to_value(table).map_err(|e| e.to_string()));
        bundle.push(match parsed {
            Ok(prompt) => serde_json::json!({ "file": file, "prompt": prompt }),
            Err(error) => serde_json::json!({ "file": file, "prompt": null, "error": error }),
        });
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let json = serde_json::to_string(&bundle).expect("JSON values serialise");
    std::fs::write(Path::new(&out).join("prompts.json"), json).expect("write prompts.json");
}
