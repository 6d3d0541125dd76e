//! The evaluation corpus (`tests/checker_corpus/<prompt>/*.json`) read and checked:
//! shared by the corpus benchmark and the native test that asserts every band.

use breadthfirst::core::check::{check_with, Report, Vocabulary};
use breadthfirst::core::persist;
use breadthfirst::core::prompt::catalog;
use serde_json::Value;
use std::path::Path;

/// One corpus board, what its author expects, and its report.
pub struct Case {
    /// Prompt id (the folder).
    pub prompt: String,
    /// Board name (the file stem: complete, alternative, deep-narrow, ...).
    pub name: String,
    /// The author's band: good, half, narrow or adversary.
    pub band: String,
    /// Lowest found-on-board percent the author expects.
    pub min: u32,
    /// Highest found-on-board percent the author expects.
    pub max: u32,
    /// The check of the board against its prompt (free practice, no claims).
    pub report: Report,
}

/// Every corpus board, checked, in folder and file order; and the problems met
/// (a folder without a prompt, an unreadable board).
pub fn cases() -> (Vec<Case>, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/checker_corpus");
    let prompts = catalog();
    let vocabulary = Vocabulary::bundled();
    let mut cases = Vec::new();
    let mut problems = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.sort();
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        let id = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let Some(prompt) = prompts.iter().find(|p| p.id == id) else {
            problems.push(format!("{id}: no such prompt"));
            continue;
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|f| f.extension().is_some_and(|e| e == "json"));
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let name = file
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let board = match persist::from_json(&text) {
                Ok(restored) => restored.board,
                Err(e) => {
                    problems.push(format!("{id}/{name}: unreadable ({e})"));
                    continue;
                }
            };
            let expected: Value = serde_json::from_str(&text).unwrap_or_default();
            let expected = &expected["expected"];
            cases.push(Case {
                prompt: id.clone(),
                name,
                band: expected["band"].as_str().unwrap_or("?").to_string(),
                min: expected["min_found_percent"].as_u64().unwrap_or(0) as u32,
                max: expected["max_found_percent"].as_u64().unwrap_or(100) as u32,
                report: check_with(&board, prompt, &[], &vocabulary),
            });
        }
    }
    (cases, problems)
}
