//! Enforces the layering rule of `src/core`: pure Rust only. No web crate (leptos,
//! web-sys, js-sys, wasm-bindgen, gloo-timers), no clock, no randomness.

use std::fs;
use std::path::{Path, PathBuf};

/// Crates that must never be referenced from the core.
const FORBIDDEN_CRATES: &[&str] = &[
    "leptos",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo_timers",
    "rand",
    "rand_core",
    "rand_chacha",
    "getrandom",
    "fastrand",
    "oorandom",
];

/// Clock types from `std::time` that would make the core non-deterministic.
const FORBIDDEN_CLOCKS: &[&str] = &["SystemTime", "Instant"];

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Byte offsets where `word` occurs as a whole identifier in `code`.
fn word_positions(code: &str, word: &str) -> Vec<usize> {
    code.match_indices(word)
        .map(|(i, _)| i)
        .filter(|&i| {
            let before_ok = code[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !is_ident_char(c));
            let after_ok = code[i + word.len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_ident_char(c));
            before_ok && after_ok
        })
        .collect()
}

fn ends_with_word(text: &str, word: &str) -> bool {
    text.ends_with(word)
        && text[..text.len() - word.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !is_ident_char(c))
}

/// Why one line of code (comments already removed) breaks the rule, if it does.
fn line_violation(code: &str) -> Option<String> {
    for krate in FORBIDDEN_CRATES {
        for i in word_positions(code, krate) {
            let before = code[..i].trim_end();
            let before = before.strip_suffix("::").unwrap_or(before).trim_end();
            let after = code[i + krate.len()..].trim_start();
            let extern_crate = before
                .strip_suffix("crate")
                .map(str::trim_end)
                .is_some_and(|b| ends_with_word(b, "extern"));
            if after.starts_with("::") || ends_with_word(before, "use") || extern_crate {
                return Some(format!("references crate `{krate}`"));
            }
        }
    }
    for clock in FORBIDDEN_CLOCKS {
        let named = !word_positions(code, clock).is_empty();
        let from_std_time = code.contains("std::time") || code.contains("core::time");
        let called = code.contains(&format!("{clock}::"));
        if named && (from_std_time || called) {
            return Some(format!("uses the clock `std::time::{clock}`"));
        }
    }
    None
}

/// Every violation in a source text, as (1-based line number, reason).
fn violations(source: &str) -> Vec<(usize, String)> {
    source
        .lines()
        .enumerate()
        .filter_map(|(n, line)| {
            let code = line.find("//").map_or(line, |i| &line[..i]);
            line_violation(code).map(|why| (n + 1, why))
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn core_files() -> Vec<PathBuf> {
    let core = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join("core");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    files.sort();
    files
}

#[test]
fn no_file_under_src_core_references_a_web_crate_a_clock_or_randomness() {
    let files = core_files();
    assert!(
        files.len() >= 10,
        "expected at least 10 .rs files under src/core, found {}: {files:?}",
        files.len()
    );
    let mut problems = Vec::new();
    for file in &files {
        let source = fs::read_to_string(file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        for (line, why) in violations(&source) {
            problems.push(format!("{}:{line}: {why}", file.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "src/core must stay pure:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_walk_finds_files_in_nested_core_modules() {
    let files = core_files();
    for expected in [
        "diagram/board.rs",
        "editor/gesture.rs",
        "persist/restore.rs",
    ] {
        assert!(
            files
                .iter()
                .any(|f| f.to_string_lossy().replace('\\', "/").ends_with(expected)),
            "walk missed {expected}"
        );
    }
}

#[test]
fn the_checker_flags_a_leptos_prelude_import_with_its_line_number() {
    let source = "use serde::Serialize;\nuse leptos::prelude::*;\n";
    let found = violations(source);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 2);
    assert!(found[0].1.contains("leptos"), "{found:?}");
}

#[test]
fn the_checker_flags_every_forbidden_form() {
    let bad = [
        "use web_sys;",
        "let w = web_sys::window();",
        "extern crate js_sys;",
        "use wasm_bindgen::prelude::*;",
        "    gloo_timers::callback::Timeout::new(1, f);",
        "use ::leptos::prelude::*;",
        "use std::time::Instant;",
        "use std::time::{Duration, SystemTime};",
        "let now = std::time::SystemTime::now();",
        "let t = Instant::now();",
        "use rand::Rng;",
        "let x = rand::random::<u8>();",
        "use getrandom::getrandom;",
    ];
    for line in bad {
        assert_eq!(violations(line).len(), 1, "not flagged: {line}");
    }
}

#[test]
fn the_checker_ignores_comments_and_lookalike_names() {
    let fine = [
        "// use leptos::prelude::*;",
        "/// Nothing here imports leptos, web-sys or js-sys.",
        "//! Invariant: nothing under core imports wasm_bindgen.",
        "let x = 1; // leptos::view! would go here",
        "let operand = brand::new();",
        "use my_leptos::thing;",
        "let leptos_like = 3;",
        "use std::time::Duration;",
        "let instant_replay = 1;",
    ];
    for line in fine {
        assert!(violations(line).is_empty(), "wrongly flagged: {line}");
    }
}
