//! Closing or reloading a tab never loses an edit without asking: with everything
//! saved the page goes at once; with an edit that cannot be saved (another tab saved
//! a newer version) the browser asks first (`beforeunload`), and staying keeps the
//! edit on screen. The reload is the browser's own (DevTools `Page.reload`, as the
//! reload button does), and the question is the browser's own dialog, seen through
//! the DevTools protocol.

mod support;

use serde_json::json;
use support::app::App;
use support::browser_lock;
use support::cdp::Cdp;

const DIALOG: &str = "Page.javascriptDialogOpening";
const LOADED: &str = "Page.loadEventFired";

#[test]
fn a_tab_asks_before_it_closes_only_when_an_edit_is_not_saved() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Service");
    app.wait_saved(1);

    // Everything saved: the reload goes ahead without a question.
    let tab = app.driver.window();
    let mut cdp = Cdp::connect(&app.driver, &tab);
    cdp.call("Page.enable", json!({}));
    cdp.call("Page.reload", json!({}));
    let (first, _) = cdp.first_event(&[DIALOG, LOADED]);
    assert_eq!(first, LOADED, "a saved tab reloads without asking");
    app.wait_for("the page to mount again", || {
        app.count("[data-testid=node]") == 1
    });

    // Another tab saves a newer version; this tab's next edit cannot be saved.
    let (first_tab, _second) = app.second_tab(1);
    app.add("Cache");
    app.wait_saved(2);
    app.switch_to(&first_tab);
    app.wait_for("the conflict banner", || {
        app.count("[data-testid=save-banner]") == 1
    });
    app.add("Worker");
    assert_eq!(app.count("[data-testid=node]"), 2);

    cdp.call("Page.reload", json!({}));
    let (first, dialog) = cdp.first_event(&[DIALOG, LOADED]);
    assert_eq!(
        first, DIALOG,
        "a tab with an unsaved edit asks before it goes"
    );
    assert_eq!(dialog["type"], json!("beforeunload"));
    // The user stays: the edit is still there.
    cdp.call("Page.handleJavaScriptDialog", json!({"accept": false}));
    assert_eq!(app.count("[data-testid=node]"), 2);
    assert!(app
        .driver
        .find("[data-testid=save-status]")
        .text()
        .contains("changed in another tab"));

    // Asked again, the user leaves: the page reloads on the stored version.
    cdp.call("Page.reload", json!({}));
    let (first, _) = cdp.first_event(&[DIALOG, LOADED]);
    assert_eq!(first, DIALOG);
    cdp.call("Page.handleJavaScriptDialog", json!({"accept": true}));
    cdp.first_event(&[LOADED]);
    app.wait_for("the stored version", || {
        app.count("[data-testid=node]") == 2
            && app.driver.find("[data-testid=save-status]").text() == "Saved in this browser"
    });
}
