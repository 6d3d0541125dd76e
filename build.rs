//! Turns prompts/*.toml into the library the web app fetches on demand, in the line
//! format described in `src/core/prompt/bundle.rs` (no TOML parser or per-type
//! deserializers ship): `$OUT_DIR/prompts/index.txt`, what the library's cards show of
//! every prompt, and `$OUT_DIR/prompts/<id>.txt`, one whole prompt each, fetched when
//! it is practised. A file that does not parse is carried in the index with its error,
//! for the library and tests to report by file name. It also turns the checker's vocabulary (`prompts/vocabulary/`) into the
//! JSON document `$OUT_DIR/vocabulary.json` (see `src/core/check/vocabulary.rs`).
//! Native builds read the same files at run time (`src/core/prompt/source.rs`).

use std::path::Path;

#[path = "src/core/prompt/flatten.rs"]
mod flatten;
// Natively, the library reads prompts/ with the same code (and more of it).
#[allow(dead_code)]
#[path = "src/core/prompt/source.rs"]
mod source;

fn main() {
    println!("cargo:rerun-if-changed=prompts");
    println!("cargo:rerun-if-changed=src/core/prompt/flatten.rs");
    println!("cargo:rerun-if-changed=src/core/prompt/source.rs");
    let rerun = |p: &Path| println!("cargo:rerun-if-changed={}", p.display());
    let (index, prompts) = source::split(Path::new("prompts"), rerun);
    // The checker cannot run without its vocabulary: a file that does not parse
    // fails the build, with the parser's message.
    println!("cargo:rerun-if-changed=prompts/vocabulary");
    let vocabulary = source::vocabulary(Path::new("prompts/vocabulary"), rerun)
        .unwrap_or_else(|e| panic!("{e}"));
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let library = Path::new(&out).join("prompts");
    // Afresh, so a prompt removed from the sources is not served from an old build.
    let _ = std::fs::remove_dir_all(&library);
    std::fs::create_dir_all(&library).expect("create the prompts folder");
    std::fs::write(library.join("index.txt"), index).expect("write the index");
    for (id, entry) in prompts {
        std::fs::write(library.join(format!("{id}.txt")), entry).expect("write a prompt");
    }
    std::fs::write(Path::new(&out).join("vocabulary.json"), vocabulary)
        .expect("write vocabulary.json");
}
