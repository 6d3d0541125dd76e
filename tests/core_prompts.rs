//! The prompt library: every bundled file parses and validates, and the validator
//! names the file and what is wrong for each kind of mistake.

use breadthfirst::core::prompt::source::INDEX_FIELDS;
use breadthfirst::core::prompt::{
    card, catalog, catalog_index, catalog_problems, parse_bundle, parse_display_bundle,
    parse_index, Difficulty, Prompt, PromptError, Summary, MIN_CURVEBALLS, MIN_FAILURE_MODES,
};
use std::path::PathBuf;

#[path = "../src/core/prompt/flatten.rs"]
mod flatten;

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

fn example_table() -> toml::Table {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("prompts/url-shortener.toml"),
    )
    .unwrap();
    text.parse().unwrap()
}

/// A bundle of the given files, written the way the build script writes it.
fn bundle(files: &[(&str, String)]) -> String {
    let mut out = String::new();
    for (file, text) in files {
        flatten::write_entry(&mut out, file, text);
    }
    out
}

/// The errors reading one file with `edit` applied to the example prompt.
fn errors_after(edit: impl FnOnce(&mut toml::Table)) -> Vec<PromptError> {
    let mut table = example_table();
    edit(&mut table);
    let (good, bad) = parse_bundle(&bundle(&[("url-shortener.toml", table.to_string())]));
    assert!(good.is_empty(), "the edited prompt should be refused");
    assert_eq!(bad[0].file, "url-shortener.toml");
    bad[0].errors.clone()
}

fn example() -> Prompt {
    let (mut good, bad) = parse_bundle(&bundle(&[(
        "url-shortener.toml",
        example_table().to_string(),
    )]));
    assert!(bad.is_empty(), "{bad:?}");
    good.remove(0)
}

/// The example prompt as the library's index has it.
fn summary() -> Summary {
    let mut table = example_table();
    table.retain(|key, _| INDEX_FIELDS.contains(&key));
    let (mut index, bad) = parse_index(&bundle(&[("url-shortener.toml", table.to_string())]));
    assert!(bad.is_empty(), "{bad:?}");
    index.remove(0)
}

fn nth_table<'t>(table: &'t mut toml::Table, list: &str, index: usize) -> &'t mut toml::Table {
    table[list].as_array_mut().unwrap()[index]
        .as_table_mut()
        .unwrap()
}

#[test]
fn every_prompt_file_parses_and_validates() {
    let files = prompt_files();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).unwrap();
        let (good, bad) = parse_bundle(&bundle(&[(&name, text)]));
        for b in bad {
            for e in b.errors {
                failures.push(format!("{}: {e}", b.file));
            }
        }
        if failures.is_empty() {
            assert_eq!(good.len(), 1, "{name}");
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
fn the_bundle_keeps_every_field_of_the_file() {
    let p = example();
    let table = example_table();
    assert_eq!(p.statement, table["statement"].as_str().unwrap());
    assert_eq!(p.tags.len(), table["tags"].as_array().unwrap().len());
    let components = table["components"].as_array().unwrap();
    assert_eq!(p.components.len(), components.len());
    assert_eq!(p.components[0].id, components[0]["id"].as_str().unwrap());
    assert_eq!(
        p.expectations.l6,
        table["expectations"]["L6"].as_str().unwrap()
    );
    assert_eq!(
        p.failure_modes.len(),
        table["failure_modes"].as_array().unwrap().len()
    );
    assert_eq!(
        p.curveballs[1].why,
        table["curveballs"][1]["why"].as_str().unwrap()
    );
}

#[test]
fn line_breaks_backslashes_and_markers_in_text_survive_the_bundle() {
    let tricky =
        "Line one\nline two\r\n@file evil.toml\n@error no\nback\\slash \\n = \"quoted\" []";
    let mut table = example_table();
    table.insert("statement".into(), tricky.into());
    let (good, bad) = parse_bundle(&bundle(&[("url-shortener.toml", table.to_string())]));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(good[0].statement, tricky);
}

#[test]
fn a_missing_field_is_reported_with_the_file_name_and_path() {
    let errors = errors_after(|t| {
        t.remove("statement");
        nth_table(t, "clarifications", 2).remove("answer");
    });
    assert!(
        errors.contains(&PromptError::MissingField("statement".into())),
        "{errors:?}"
    );
    assert!(
        errors.contains(&PromptError::MissingField("clarifications.2.answer".into())),
        "{errors:?}"
    );
    let text = PromptError::MissingField("statement".into()).to_string();
    assert_eq!(text, "missing field `statement`");
}

#[test]
fn unknown_fields_wrong_shapes_and_bad_words_are_named() {
    let errors = errors_after(|t| {
        t.insert("statment".into(), "typo".into());
        t.insert("tags".into(), "web".into());
        t.insert("difficulty".into(), "extreme".into());
        nth_table(t, "failure_modes", 0).insert("mitigations".into(), "retry".into());
        nth_table(t, "clarifications", 0).insert("kind".into(), "vibes".into());
    });
    let expected = [
        PromptError::UnknownField("statment".into()),
        PromptError::WrongType {
            field: "tags".into(),
            expected: "a list",
        },
        PromptError::WrongType {
            field: "failure_modes.0.mitigations".into(),
            expected: "a list",
        },
        PromptError::BadValue {
            field: "difficulty".into(),
            value: "extreme".into(),
        },
        PromptError::BadValue {
            field: "clarifications.0.kind".into(),
            value: "vibes".into(),
        },
    ];
    for e in &expected {
        assert!(errors.contains(e), "{e:?} not in {errors:?}");
    }
    assert_eq!(errors.len(), expected.len(), "{errors:?}");
}

#[test]
fn an_empty_optional_list_reads_and_an_empty_required_list_is_too_few() {
    let mut table = example_table();
    nth_table(&mut table, "components", 0).insert("synonyms".into(), toml::Value::Array(vec![]));
    let p = parse_bundle(&bundle(&[("url-shortener.toml", table.to_string())])).0;
    assert!(p[0].components[0].synonyms.is_empty());

    let errors = errors_after(|t| {
        t.insert("curveballs".into(), toml::Value::Array(vec![]));
    });
    assert!(
        errors
            .iter()
            .any(|e| e.to_string() == "curveballs has 0 entries; at least 2 are needed"),
        "{errors:?}"
    );
}

#[test]
fn a_file_that_is_not_toml_is_reported_not_fatal() {
    let text = bundle(&[
        (
            "bad.toml",
            "title = \"x\"\nthis line has no equals sign\n".into(),
        ),
        ("url-shortener.toml", example_table().to_string()),
    ]);
    let (good, bad) = parse_bundle(&text);
    assert_eq!(good.len(), 1, "one bad file does not hide the others");
    assert_eq!(bad[0].file, "bad.toml");
    assert!(matches!(&bad[0].errors[0], PromptError::Unreadable(m) if !m.is_empty()));
}

#[test]
fn a_damaged_bundle_is_one_clear_error() {
    let (good, bad) = parse_bundle("title=orphan\n@file x.toml\n");
    assert!(good.is_empty());
    assert_eq!(bad[0].file, "(bundle)");
    assert!(bad[0].errors[0].to_string().contains("before any @file"));
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

    let text = example_table().to_string();
    let (_, bad) = parse_bundle(&bundle(&[
        ("url-shortener.toml", text.clone()),
        ("url-shortener.toml", text),
    ]));
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

#[test]
fn the_app_reads_only_what_it_shows_and_the_same_as_the_full_reader() {
    let files: Vec<(String, String)> = prompt_files()
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read_to_string(p).unwrap())
        })
        .collect();
    let refs: Vec<(&str, String)> = files.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    let text = bundle(&refs);
    let (shown, problems) = parse_display_bundle(&text);
    assert!(problems.is_empty(), "{problems:?}");
    let full = parse_bundle(&text).0;
    assert_eq!(shown.len(), full.len());
    for (s, f) in shown.iter().zip(&full) {
        let mut expected = f.clone();
        expected.components.clear();
        expected.flows.clear();
        expected.deep_dives.clear();
        expected.failure_modes.clear();
        assert_eq!(s, &expected, "{}", f.id);
        assert!(!f.components.is_empty() && !f.failure_modes.is_empty());
    }
    // A misspelt checklist field is still an error for the full reader (tests, worker).
    let mut table = example_table();
    table.insert("failure_mode".into(), toml::Value::Array(vec![]));
    let broken = bundle(&[("url-shortener.toml", table.to_string())]);
    assert_eq!(parse_bundle(&broken).1.len(), 1);
}

#[test]
fn an_empty_filter_matches_every_prompt() {
    for p in catalog_index() {
        assert!(card::matches(&p, ""), "{}", p.id);
        assert!(card::matches(&p, "   "), "{}", p.id);
    }
}

#[test]
fn a_prompt_matches_its_title_ignoring_ascii_case() {
    let prompts = catalog_index();
    let first = &prompts[0];
    assert!(card::matches(first, &first.title.to_ascii_uppercase()));
    assert!(card::matches(first, &first.title.to_ascii_lowercase()));
    let word = first.title.split_whitespace().last().unwrap();
    assert!(card::matches(first, &format!("  {word} ")));
}

#[test]
fn a_prompt_matches_each_of_its_tags() {
    for p in catalog_index() {
        for tag in &p.tags {
            assert!(card::matches(&p, tag), "{}: {tag}", p.id);
            assert!(
                card::matches(&p, &tag.to_ascii_uppercase()),
                "{}: {tag}",
                p.id
            );
        }
    }
}

#[test]
fn a_difficulty_filter_matches_every_prompt_of_that_difficulty_as_a_whole_word() {
    let prompts = catalog_index();
    let hard: Vec<&str> = prompts
        .iter()
        .filter(|p| card::matches(p, " hard "))
        .map(|p| p.id.as_str())
        .collect();
    for p in &prompts {
        if p.difficulty == Difficulty::Hard {
            assert!(hard.contains(&p.id.as_str()), "{}", p.id);
        }
    }
    // The difficulty matches as a whole word only: "Har" is not "Hard".
    let mut easy = summary();
    easy.difficulty = Difficulty::Easy;
    easy.title = "Plain".into();
    easy.tags = vec!["x".into()];
    easy.statement = "Nothing here.".into();
    assert!(card::matches(&easy, "EASY"));
    assert!(!card::matches(&easy, "hard"));
    assert!(!card::matches(&easy, "eas"));
    assert_eq!(card::difficulty_name(Difficulty::Medium), "Medium");
}

#[test]
fn a_prompt_matches_words_of_its_statement() {
    let mut p = summary();
    p.statement = "Design a service that shortens long links.".into();
    assert!(card::matches(&p, "SHORTENS LONG"));
}

#[test]
fn a_filter_no_prompt_holds_matches_none() {
    assert!(catalog_index()
        .iter()
        .all(|p| !card::matches(p, "no prompt has this text")));
}

#[test]
fn the_library_is_sorted_by_title_ignoring_case() {
    let titles: Vec<String> = catalog_index().into_iter().map(|p| p.title).collect();
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| t.to_ascii_lowercase());
    assert_eq!(titles, sorted);
    // The case that mattered: capitals ("RAG", "URL") once sorted first.
    let at = |t: &str| titles.iter().position(|x| x.starts_with(t));
    assert!(at("Design a chat") < at("Design a URL"));
}

#[test]
fn the_web_library_is_an_index_of_card_fields_and_one_file_per_prompt() {
    use breadthfirst::core::prompt::source;
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("prompts");
    let (index, files) = source::split(&dir, |_| {});
    let (summaries, bad) = parse_index(&index);
    assert!(bad.is_empty(), "{bad:?}");
    let prompts = catalog();
    assert_eq!(summaries.len(), prompts.len());
    for (s, p) in summaries.iter().zip(&prompts) {
        let card = (
            &s.id,
            &s.title,
            s.difficulty,
            s.category,
            &s.tags,
            &s.statement,
        );
        assert_eq!(
            card,
            (
                &p.id,
                &p.title,
                p.difficulty,
                p.category,
                &p.tags,
                &p.statement
            )
        );
        // The index carries nothing else: no checklist, no answers.
        assert!(!index.contains(&p.clarifications[0].answer.replace('\n', "\\n")));
        // Each prompt's own file reads as the whole prompt.
        let (_, entry) = files
            .iter()
            .find(|(id, _)| id == &p.id)
            .expect("a file per prompt");
        let (one, bad) = parse_bundle(entry);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(one, vec![p.clone()]);
    }
}

fn stat(prompt: &str, last_day: i64, best: u32, due: bool) -> card::PracticeStat {
    card::PracticeStat {
        prompt: prompt.into(),
        last_day,
        last: String::new(),
        best,
        due,
    }
}

#[test]
fn the_library_filters_by_category_difficulty_tag_and_due_and_sorts() {
    use breadthfirst::core::prompt::card::{arrange, tags, Browse, Order};
    use breadthfirst::core::prompt::Category;
    let index = catalog_index();
    let ids = |shown: Vec<(&Summary, Option<&card::PracticeStat>)>| -> Vec<String> {
        shown.into_iter().map(|(p, _)| p.id.clone()).collect()
    };
    // Every category has prompts; the filters combine.
    for category in Category::ALL {
        let browse = Browse {
            category: Some(category),
            ..Browse::default()
        };
        let shown = arrange(&index, &[], &browse);
        assert!(!shown.is_empty(), "{category:?}");
        assert!(shown.iter().all(|(p, _)| p.category == category));
    }
    let browse = Browse {
        category: Some(Category::Ai),
        difficulty: Some(Difficulty::Hard),
        ..Browse::default()
    };
    let shown = arrange(&index, &[], &browse);
    assert!(shown
        .iter()
        .all(|(p, _)| p.category == Category::Ai && p.difficulty == Difficulty::Hard));
    assert_eq!(
        shown.len(),
        index
            .iter()
            .filter(|p| p.category == Category::Ai && p.difficulty == Difficulty::Hard)
            .count()
    );
    // A tag matches whole, ignoring case; the tag list has each once, sorted.
    let all_tags = tags(&index);
    assert!(all_tags
        .windows(2)
        .all(|w| w[0].to_lowercase() < w[1].to_lowercase()));
    let browse = Browse {
        tag: Some("CACHING".into()),
        ..Browse::default()
    };
    let shown = arrange(&index, &[], &browse);
    assert!(!shown.is_empty());
    assert!(shown
        .iter()
        .all(|(p, _)| p.tags.iter().any(|t| t == "caching")));
    // Due: only prompts the history says have a card due today.
    let stats = vec![
        stat("url-shortener", 100, 80, false),
        stat("chat", 104, 55, true),
        stat("rate-limiter", 90, 95, false),
    ];
    let browse = Browse {
        due: true,
        ..Browse::default()
    };
    assert_eq!(
        ids(arrange(&index, &stats, &browse)),
        vec!["chat".to_string()]
    );
    // Title order ignores case; last practised puts the latest first and the never
    // practised after, by title.
    let by_title = ids(arrange(&index, &stats, &Browse::default()));
    let titles: Vec<String> = by_title
        .iter()
        .map(|id| {
            index
                .iter()
                .find(|p| &p.id == id)
                .unwrap()
                .title
                .to_lowercase()
        })
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]));
    let browse = Browse {
        order: Order::LastPractised,
        ..Browse::default()
    };
    let by_last = ids(arrange(&index, &stats, &browse));
    assert_eq!(by_last[..3], ["chat", "url-shortener", "rate-limiter"]);
    assert_eq!(
        by_last[3..],
        by_title
            .iter()
            .filter(|id| !by_last[..3].contains(id))
            .cloned()
            .collect::<Vec<_>>()[..]
    );
    // Each shown prompt carries what the history says of it.
    let shown = arrange(&index, &stats, &Browse::default());
    let chat = shown.iter().find(|(p, _)| p.id == "chat").unwrap();
    assert_eq!(chat.1.map(|s| s.best), Some(55));
}

#[test]
fn the_unchecked_reader_reads_whole_prompts_and_skips_only_validation() {
    use breadthfirst::core::prompt::parse_bundle_unchecked;
    let text = bundle(&[("url-shortener.toml", example_table().to_string())]);
    assert_eq!(parse_bundle_unchecked(&text).0, parse_bundle(&text).0);
    // A prompt the validator refuses (too few estimates) still reads, whole.
    let mut table = example_table();
    table["estimates"].as_array_mut().unwrap().truncate(1);
    let text = bundle(&[("url-shortener.toml", table.to_string())]);
    assert_eq!(parse_bundle(&text).0.len(), 0);
    let (read, bad) = parse_bundle_unchecked(&text);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(read[0].estimates.len(), 1);
    assert!(!read[0].components.is_empty());
    // What does not read at all is still refused.
    let mut table = example_table();
    table.insert("estimate".into(), toml::Value::Array(vec![]));
    let text = bundle(&[("url-shortener.toml", table.to_string())]);
    assert_eq!(parse_bundle_unchecked(&text).1.len(), 1);
}
