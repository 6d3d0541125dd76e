//! The prompt library: every bundled file parses and validates, and the validator
//! names the file and what is wrong for each kind of mistake.

use breadthfirst::core::prompt::{
    catalog, catalog_problems, parse_bundle, Prompt, PromptError, MIN_CURVEBALLS, MIN_FAILURE_MODES,
};
use std::path::PathBuf;

fn prompt_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("prompts");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("prompts/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

fn example() -> Prompt {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("prompts/url-shortener.toml"),
    )
    .unwrap();
    toml::from_str(&text).unwrap()
}

#[test]
fn every_prompt_file_parses_and_validates() {
    let files = prompt_files();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).unwrap();
        match toml::from_str::<Prompt>(&text) {
            Err(e) => failures.push(format!("{name}: cannot be read: {e}")),
            Ok(p) => {
                if let Err(errors) = p.validate(&name) {
                    for e in errors {
                        failures.push(format!("{name}: {e}"));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "bad prompt files:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_bundled_catalog_holds_every_file_with_no_problems() {
    let problems: Vec<String> = catalog_problems()
        .into_iter()
        .map(|b| format!("{}: {:?}", b.file, b.errors))
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(catalog().len(), prompt_files().len());
    let ids: std::collections::HashSet<_> = catalog().into_iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), prompt_files().len(), "ids are unique");
}

#[test]
fn a_missing_field_is_reported_with_the_file_name() {
    let mut value = serde_json::to_value(example()).unwrap();
    value.as_object_mut().unwrap().remove("statement");
    let bundle = serde_json::json!([{ "file": "broken.toml", "prompt": value }]).to_string();
    let (good, bad) = parse_bundle(&bundle);
    assert!(good.is_empty());
    assert_eq!(bad[0].file, "broken.toml");
    assert!(matches!(&bad[0].errors[0], PromptError::Unreadable(m) if m.contains("statement")));
}

#[test]
fn a_file_that_is_not_toml_is_reported_not_fatal() {
    let bundle = serde_json::json!([
        { "file": "bad.toml", "prompt": null, "error": "expected `=` at line 3" },
        { "file": "url-shortener.toml", "prompt": serde_json::to_value(example()).unwrap() }
    ])
    .to_string();
    let (good, bad) = parse_bundle(&bundle);
    assert_eq!(good.len(), 1, "one bad file does not hide the others");
    assert_eq!(bad[0].file, "bad.toml");
}

#[test]
fn duplicate_ids_unknown_kinds_undeclared_components_and_too_few_items_are_named() {
    let original = example();
    let mut p = original.clone();
    p.components[0].kinds.push("mainframe".into());
    p.flows[0].path.push("nowhere".into());
    p.failure_modes.truncate(MIN_FAILURE_MODES - 1);
    p.curveballs.truncate(MIN_CURVEBALLS - 1);
    let errors = p.validate("url-shortener.toml").unwrap_err();
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let all = text.join("\n");
    assert!(
        all.contains("unknown component kind \"mainframe\""),
        "{all}"
    );
    assert!(all.contains("undeclared component \"nowhere\""), "{all}");
    assert!(
        all.contains("failure_modes has 3 entries; at least 4"),
        "{all}"
    );
    assert!(
        all.contains("curveballs has 1 entries; at least 2"),
        "{all}"
    );

    let bundle = serde_json::json!([
        { "file": "url-shortener.toml", "prompt": serde_json::to_value(&original).unwrap() },
        { "file": "url-shortener.toml", "prompt": serde_json::to_value(&original).unwrap() }
    ])
    .to_string();
    let (_, bad) = parse_bundle(&bundle);
    assert_eq!(
        bad[0].errors,
        vec![PromptError::DuplicateId("url-shortener".into())]
    );

    let errors = original.validate("other-name.toml").unwrap_err();
    assert_eq!(
        errors,
        vec![PromptError::IdNotFileName {
            id: "url-shortener".into()
        }]
    );
}
