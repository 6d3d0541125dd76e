//! Fuzzing the importer: valid files (the fixtures and an export) mutated at random,
//! thousands of times, must each give a typed error or a sound board, never a panic,
//! and whatever loads must save and load again unchanged. Deterministic: a failure
//! names its seed. `FUZZ_ITERATIONS=200000 cargo test --release --test import_fuzz`
//! runs longer.

mod common;

use breadthfirst::core::check::Vocabulary;
use breadthfirst::core::diagram::Board;
use breadthfirst::core::import::import;
use breadthfirst::core::persist::{self, MAX_ELEMENTS};
use common::Rng;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// Valid documents to start from: the fixtures whose name ends with one of `exts`.
fn fixtures(exts: &[&str]) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut docs: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| exts.iter().any(|ext| p.to_string_lossy().ends_with(ext)))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    docs.sort();
    docs
}

/// The Breadthfirst files to start from.
fn corpus() -> Vec<String> {
    fixtures(&[".json"])
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

/// Replacements that have broken parsers before: wrong types, huge and odd numbers,
/// deep nesting, markup.
const SPLICES: [&str; 16] = [
    "1e999",
    "-1e999",
    "\"NaN\"",
    "null",
    "true",
    "[]",
    "{}",
    "-0",
    "18446744073709551616",
    "4294967295",
    "\"<script>alert(1)</script>\"",
    "\"\\u0000\\ud800\"",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "{\"id\":1,\"kind\":\"cache\"}",
    "\"components\":",
    ",",
];

fn mutate(doc: &str, rng: &mut Rng) -> String {
    let mut bytes = doc.as_bytes().to_vec();
    for _ in 0..=rng.below(3) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            // Truncate.
            0 => bytes.truncate(at),
            // Overwrite a byte (may break UTF-8 too).
            1 if at < bytes.len() => bytes[at] = b" {}[]\":,0123456789-eE.\\nul"[rng.below(26)],
            // Delete a run.
            2 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            // Duplicate a run.
            3 => {
                let end = (at + rng.below(256)).min(bytes.len());
                let run = bytes[at..end].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, run);
            }
            // Splice in a hostile value.
            _ => {
                let splice = SPLICES[rng.below(SPLICES.len())].as_bytes();
                let end = (at + rng.below(8)).min(bytes.len());
                bytes.splice(at..end, splice.iter().copied());
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn assert_sound(board: &Board, context: &str) {
    let problems = board.invariant_violations();
    assert!(problems.is_empty(), "{context}: {problems:?}");
    assert!(
        board.components().len() + board.arrows().len() <= MAX_ELEMENTS,
        "{context}"
    );
    for c in board.components() {
        let r = c.rect;
        assert!(
            [r.x, r.y, r.w, r.h].iter().all(|v| v.is_finite()),
            "{context}: {r:?}"
        );
    }
}

#[test]
fn mutated_files_give_a_typed_error_or_a_sound_board_never_a_panic() {
    let iterations: u64 = std::env::var("FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4000);
    let docs = corpus();
    let (mut loaded, mut refused) = (0, 0);
    for seed in 1..=iterations {
        let mut rng = Rng::new(seed);
        let doc = &docs[rng.below(docs.len())];
        let text = mutate(doc, &mut rng);
        let context = format!("seed {seed}");
        let result = catch_unwind(AssertUnwindSafe(|| persist::from_json(&text)))
            .unwrap_or_else(|_| panic!("{context}: the importer panicked on {text:?}"));
        match result {
            Err(e) => {
                assert!(!e.to_string().is_empty(), "{context}");
                refused += 1;
            }
            Ok(restored) => {
                assert_sound(&restored.board, &context);
                let again =
                    persist::from_json(&persist::to_json(&restored.board, &restored.viewport))
                        .unwrap_or_else(|e| panic!("{context}: saving what loaded broke it: {e}"));
                assert_eq!(again.board, restored.board, "{context}");
                assert!(again.repairs.is_empty(), "{context}: {:?}", again.repairs);
                loaded += 1;
            }
        }
    }
    // Both outcomes are exercised, or the mutations are too weak or too strong.
    assert!(loaded > iterations / 20, "loaded {loaded} of {iterations}");
    assert!(
        refused > iterations / 20,
        "refused {refused} of {iterations}"
    );
    println!(
        "{iterations} mutated files: {loaded} loaded sound, {refused} refused with a typed error"
    );
}

#[test]
fn truncated_and_mutated_excalidraw_and_mermaid_files_never_panic_the_import() {
    let docs = fixtures(&[".excalidraw", ".mmd", ".md"]);
    assert!(
        docs.len() >= 3,
        "{:?}",
        docs.iter().map(|d| &d.0).collect::<Vec<_>>()
    );
    let vocabulary = Vocabulary::bundled();
    let (mut loaded, mut refused) = (0, 0);
    let mut attempt = |name: &str, text: &str, context: &str| {
        let result = catch_unwind(AssertUnwindSafe(|| import(name, text, &vocabulary)))
            .unwrap_or_else(|_| panic!("{context}: the import panicked on {text:?}"));
        match result {
            Ok(imported) => {
                assert_sound(&imported.board, context);
                // What the worker hands the app loads with no repair.
                let saved = persist::to_json(&imported.board, &Default::default());
                let again = persist::from_json(&saved).unwrap();
                assert!(again.repairs.is_empty(), "{context}: {:?}", again.repairs);
                loaded += 1;
            }
            Err(e) => {
                assert!(!e.to_string().is_empty(), "{context}");
                refused += 1;
            }
        }
    };
    // Every truncation at a character boundary, in steps.
    for (name, text) in &docs {
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(7).collect();
        for cut in cuts {
            attempt(name, &text[..cut], &format!("{name} cut at {cut}"));
        }
    }
    for seed in 1..=2000u64 {
        let mut rng = Rng::new(seed);
        let (name, text) = &docs[rng.below(docs.len())];
        attempt(
            name,
            &mutate(text, &mut rng),
            &format!("{name} seed {seed}"),
        );
    }
    assert!(
        loaded > 100 && refused > 100,
        "loaded {loaded}, refused {refused}"
    );
}
