//! Bundles prompts/*.toml into one text document (`$OUT_DIR/prompts.txt`, the line
//! format described in `src/core/prompt/bundle.rs`) so the app reads its prompt library
//! without shipping a TOML parser or per-type deserializers. A file that does not parse
//! is carried through with its error, for the catalog loader and tests to report by
//! file name. It also turns the checker's vocabulary (`prompts/vocabulary/`) into the
//! JSON document `$OUT_DIR/vocabulary.json` (see `src/core/check/vocabulary.rs`).
//! Native builds read the same files at run time (`src/core/prompt/source.rs`).

use std::path::Path;

#[path = "src/core/prompt/flatten.rs"]
mod flatten;
#[path = "src/core/prompt/source.rs"]
mod source;

fn main() {
    println!("cargo:rerun-if-changed=prompts");
    println!("cargo:rerun-if-changed=src/core/prompt/flatten.rs");
    println!("cargo:rerun-if-changed=src/core/prompt/source.rs");
    let rerun = |p: &Path| println!("cargo:rerun-if-changed={}", p.display());
    let bundle = source::bundle(Path::new("prompts"), rerun);
    // The checker cannot run without its vocabulary: a file that does not parse
    // fails the build, with the parser's message.
    println!("cargo:rerun-if-changed=prompts/vocabulary");
    let vocabulary = source::vocabulary(Path::new("prompts/vocabulary"), rerun)
        .unwrap_or_else(|e| panic!("{e}"));
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("prompts.txt"), bundle).expect("write prompts.txt");
    std::fs::write(Path::new(&out).join("vocabulary.json"), vocabulary)
        .expect("write vocabulary.json");
}
