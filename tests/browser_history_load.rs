//! The practice history costs the first load nothing: its module (history.js,
//! history_bg.wasm, history.css) is not fetched by the page until the user first
//! needs it, and then once.

mod support;

use support::app::App;
use support::browser_lock;

#[test]
fn the_history_module_is_fetched_on_first_use_only() {
    let _lock = browser_lock();
    let app = App::open();
    // The board is usable and the library's index came in: the start is over.
    app.wait_for("the prompt library", || {
        app.fetched("/prompts/index.txt") >= 1
    });
    for file in ["/history.js", "/history_bg.wasm", "/history.css"] {
        assert_eq!(app.fetched(file), 0, "{file} was fetched up front");
    }
    app.driver
        .find("button[aria-label='Practice history']")
        .click();
    app.wait_for("the history dialog", || {
        app.count("dialog.history [role=tab]") == 5
    });
    for file in ["/history.js", "/history_bg.wasm", "/history.css"] {
        assert_eq!(app.fetched(file), 1, "{file} fetched once on first use");
    }
    // Closing and opening again fetches nothing more.
    app.driver
        .find("dialog.history button[aria-label=Close]")
        .click();
    app.wait_for("the dialog to close", || {
        app.js("return document.querySelector('dialog.history').open") == serde_json::json!(false)
    });
    app.driver
        .find("button[aria-label='Practice history']")
        .click();
    app.wait_for("the dialog again", || {
        app.js("return document.querySelector('dialog.history').open") == serde_json::json!(true)
    });
    assert_eq!(app.fetched("/history_bg.wasm"), 1);
    app.check_page();
}
