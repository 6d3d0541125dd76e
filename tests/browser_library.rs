//! The prompt library in headless Chromium: cards, filter, free practice, reload.

mod support;

use breadthfirst::core::prompt::{catalog, catalog_index};
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
