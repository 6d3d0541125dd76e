//! Fuzzing the importer: valid files (the fixtures and an export) mutated at random,
//! thousands of times, must each give a typed error or a sound board, never a panic,
//! and whatever loads must save and load again unchanged. Deterministic: a failure
//! names its seed. `FUZZ_ITERATIONS=200000 cargo test --release --test import_fuzz`
//! runs longer.

mod common;

use breadthfirst::core::diagram::Board;
use breadthfirst::core::persist::{self, MAX_ELEMENTS};
use common::Rng;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// Valid documents to start from.
fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut docs: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    docs.sort();
    docs
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
