//! The prompt library in headless Chromium: cards, filter, free practice, reload.

mod support;

use breadthfirst::core::prompt::{card, catalog, catalog_index};
use support::app::App;
use support::{browser_lock, Key};

#[test]
fn the_library_lists_every_prompt_filters_and_starts_free_practice() {
    let _lock = browser_lock();
    let app = App::open();
    let prompts = catalog();
    app.driver.find("button[aria-label=\"Prompts\"]").click();
    app.wait_for("the prompt cards", || {
        app.count("[data-testid=prompt-card]") == prompts.len()
    });
    let first = &prompts[0];
    let filter = app.driver.find("input[aria-label=\"Filter prompts\"]");
    filter.send_keys(&first.title);
    app.wait_for("the filter to narrow the list", || {
        app.count("[data-testid=prompt-card]") == 1
    });
    filter.clear();
    filter.send_keys("no prompt has this text");
    app.wait_for("an empty result", || {
        app.count("[data-testid=prompt-card]") == 0
    });
    assert!(app
        .driver
        .find("dialog.library[open]")
        .text()
        .contains("No prompt matches"));
    filter.clear();
    filter.send_keys(&first.title);
    app.wait_for("the card again", || {
        app.count("[data-testid=prompt-card]") == 1
    });
    app.driver
        .find("[data-testid=prompt-card] button.secondary")
        .click();
    app.wait_for("the dialog to close", || {
        app.count("dialog.library[open]") == 0
    });
    assert_eq!(
        app.count("[data-testid=phase]"),
        0,
        "free practice has no timer"
    );
    let panel = app.driver.find(".prompt-panel");
    assert!(panel.text().contains(&first.title));
    // Answers stay hidden until asked for.
    app.driver.find(".prompt-panel summary").click();
    let answer = &first.clarifications[0].answer;
    assert!(!panel.text().contains(answer.as_str()));
    app.driver
        .find(".prompt-panel .clarifications button")
        .click();
    app.wait_for("the revealed answer", || {
        app.driver
            .find(".prompt-panel")
            .text()
            .contains(answer.as_str())
    });
    assert_eq!(
        app.js("return document.activeElement.classList.contains('answer')"),
        serde_json::json!(true),
        "focus follows the button to the answer it revealed"
    );
    // The chosen prompt survives a reload.
    app.reload();
    app.wait_for("the prompt panel after reload", || {
        app.driver
            .find(".prompt-panel")
            .text()
            .contains(&first.title)
    });
    // Escape closes the dialog.
    app.driver.find("button[aria-label=\"Prompts\"]").click();
    app.wait_for("the dialog", || app.count("dialog.library[open]") == 1);
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("the dialog to close on Escape", || {
        app.count("dialog.library[open]") == 0
    });
    let errors = app.page_errors();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn the_prompt_library_is_not_part_of_the_first_load() {
    let dist = support::dist_dir();
    let read = |name: &str| {
        std::fs::read_to_string(dist.join("prompts").join(name))
            .unwrap_or_else(|e| panic!("dist/prompts/{name}: {e}"))
    };
    let (index, problems) = breadthfirst::core::prompt::parse_index(&read("index.txt"));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        index,
        catalog_index(),
        "dist/prompts/index.txt matches prompts/"
    );
    // One file per prompt, each the whole prompt.
    let prompts = catalog();
    for p in &prompts {
        let (one, problems) =
            breadthfirst::core::prompt::parse_bundle(&read(&format!("{}.txt", p.id)));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(one, vec![p.clone()], "dist/prompts/{}.txt", p.id);
    }
    // Neither the app, the checklist worker nor the history module carries prompt
    // text.
    let wasm: Vec<_> = std::fs::read_dir(&dist)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "wasm"))
        .collect();
    assert_eq!(
        wasm.len(),
        3,
        "the app, the checklist worker and the history module: {wasm:?}"
    );
    let needle = prompts[0].statement.as_bytes();
    for file in wasm {
        let bytes = std::fs::read(&file).unwrap();
        let embedded = bytes.windows(needle.len()).any(|w| w == needle);
        assert!(!embedded, "prompt text is embedded in {}", file.display());
    }
}

/// How many prompt files (not the index) the page fetched.
fn prompt_files_fetched(app: &App) -> usize {
    app.driver
        .execute(
            "return performance.getEntriesByType('resource').filter(e => /\\/prompts\\/[a-z0-9-]+\\.txt$/.test(e.name) && !e.name.endsWith('/index.txt')).length",
            vec![],
        )
        .as_u64()
        .unwrap_or(0) as usize
}

/// Picks `option` in the library's select named `name`, from the keyboard.
fn choose(app: &App, name: &str, option: &str) {
    app.driver
        .find(&format!("dialog.library select[aria-label=\"{name}\"]"))
        .click();
    app.driver.type_text(option);
    app.driver.press_keys(&[Key::Enter]);
}

/// The titles of the cards shown.
fn shown(app: &App) -> Vec<String> {
    app.driver
        .find_all("[data-testid=prompt-card] h3")
        .iter()
        .map(|h| h.text())
        .collect()
}

#[test]
fn the_library_browses_by_category_difficulty_tag_and_practice_and_fetches_one_prompt() {
    let _lock = browser_lock();
    let index = catalog_index();
    let app = App::open();
    app.driver.find("button[aria-label=\"Prompts\"]").click();
    app.wait_for("every card", || {
        app.count("[data-testid=prompt-card]") == index.len()
    });
    // Only the index so far: no prompt's own file.
    assert_eq!(app.fetched("/prompts/index.txt"), 1);
    assert_eq!(prompt_files_fetched(&app), 0);

    choose(&app, "Category", "AI and ML");
    let ai: Vec<&str> = index
        .iter()
        .filter(|p| p.category.name() == "AI and ML")
        .map(|p| p.title.as_str())
        .collect();
    app.wait_for("the AI prompts", || shown(&app) == ai);
    choose(&app, "Difficulty", "Hard");
    let hard_ai: Vec<&str> = index
        .iter()
        .filter(|p| {
            p.category.name() == "AI and ML" && card::difficulty_name(p.difficulty) == "Hard"
        })
        .map(|p| p.title.as_str())
        .collect();
    assert!(!hard_ai.is_empty() && hard_ai.len() < ai.len());
    app.wait_for("the hard AI prompts", || shown(&app) == hard_ai);
    assert!(app
        .driver
        .find(".library-count")
        .text()
        .starts_with(&format!("{} of {}", hard_ai.len(), index.len())));
    choose(&app, "Category", "All");
    choose(&app, "Difficulty", "All");
    choose(&app, "Tag", "caching");
    let caching: Vec<&str> = index
        .iter()
        .filter(|p| p.tags.iter().any(|t| t == "caching"))
        .map(|p| p.title.as_str())
        .collect();
    app.wait_for("the caching prompts", || shown(&app) == caching);
    choose(&app, "Tag", "All");
    app.wait_for("every card again", || shown(&app).len() == index.len());
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("the library to close", || {
        app.count("dialog.library[open]") == 0
    });

    // Practising a prompt fetches that prompt's file alone; a saved check makes it
    // "practised today" with its best score.
    app.check_a_small_board();
    assert_eq!(app.fetched("/prompts/url-shortener.txt"), 1);
    assert_eq!(prompt_files_fetched(&app), 1);
    app.click_text(".check-panel button", "Save as an attempt");
    app.wait_for("the attempt saved", || app.notice().contains("attempt"));
    app.driver.find("button[aria-label=\"Prompts\"]").click();
    app.wait_for("the practised card", || {
        app.driver
            .find("[data-prompt=url-shortener] [data-testid=practised]")
            .text()
            .starts_with("Last practised today · best ")
    });
    assert_eq!(
        app.driver
            .find("[data-prompt=chat] [data-testid=practised]")
            .text(),
        "Not practised yet"
    );
    choose(&app, "Sort by", "Last practised");
    app.wait_for("the practised prompt first", || {
        shown(&app).first().map(String::as_str) == Some("Design a URL shortener")
    });
    // Nothing is due today: a first attempt's cards come back tomorrow at the soonest.
    app.driver
        .find("dialog.library .library-browse input[type=checkbox]")
        .click();
    app.wait_for("no due prompt", || {
        app.driver
            .find(".library-count")
            .text()
            .starts_with(&format!("0 of {}", index.len()))
    });
    app.screenshot("library-browse.png");
    app.check_page();
}
