//! "Check design" in headless Chromium: a board built in free practice is checked in
//! the checklist worker, items show their status, claims count apart, and a covered
//! item highlights its component. No check is offered during a timed session.

mod support;

use serde_json::json;
use support::app::App;
use support::browser_lock;

/// The toolbar button named "Check design", as a JS expression (to read its state).
const CHECK_BUTTON: &str =
    "[...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Check design')";

/// Clicks (WebDriver Element Click) the control matching `css` inside the check item
/// titled `title`.
fn click_in_item(app: &App, title: &str, css: &str) {
    let index = app.driver.execute(
        "return [...document.querySelectorAll('[data-testid=check-item]')] \
         .findIndex(li => li.querySelector('.check-title').textContent === arguments[0]);",
        vec![json!(title)],
    );
    let index = usize::try_from(index.as_i64().unwrap()).expect("the check item is listed");
    app.driver.find_all("[data-testid=check-item]")[index]
        .find(css)
        .click();
}

fn statuses(app: &App) -> serde_json::Value {
    app.js(
        "return [...document.querySelectorAll('[data-testid=check-item]')] \
         .map(li => [li.dataset.category, li.dataset.status, li.querySelector('.check-title').textContent]);",
    )
}

fn status_of(app: &App, title: &str) -> Option<String> {
    statuses(app)
        .as_array()?
        .iter()
        .find(|row| row[2] == json!(title))
        .and_then(|row| row[1].as_str().map(String::from))
}

#[test]
fn check_design_shows_covered_missed_and_claimed_items_with_coverage() {
    let _lock = browser_lock();
    let app = App::open();
    app.check_a_small_board();
    let coverage = app.driver.find("[data-testid=coverage]").text();
    assert!(coverage.contains('%'), "{coverage}");
    let found: u32 = coverage.split('%').next().unwrap().trim().parse().unwrap();
    assert!(
        found > 0 && found < 60,
        "a partial board scores partly: {coverage}"
    );
    assert_eq!(status_of(&app, "Link cache").as_deref(), Some("covered"));
    assert_eq!(status_of(&app, "Link store").as_deref(), Some("missed"));
    let categories = app.js(
        "return [...new Set([...document.querySelectorAll('[data-testid=check-item]')].map(li => li.dataset.category))];",
    );
    for c in ["components", "flows", "depth", "failure", "hygiene"] {
        assert!(
            categories.as_array().unwrap().contains(&json!(c)),
            "{c}: {categories}"
        );
    }

    // Claiming a missed item counts apart from what the board shows.
    click_in_item(&app, "Link store", "input[data-claim]");
    app.wait_for("the claim", || {
        status_of(&app, "Link store").as_deref() == Some("self")
    });
    let coverage = app.driver.find("[data-testid=coverage]").text();
    assert!(coverage.contains("claimed out loud"), "{coverage}");
    assert!(
        coverage.starts_with(&format!("{found}%")),
        "claims never raise the found score: {coverage}"
    );

    // The board changes; the check follows.
    app.add("NoSQL store");
    app.wait_for("the store to be found", || {
        status_of(&app, "Link store").as_deref() == Some("covered")
    });

    // A covered item shows its component on the board.
    click_in_item(&app, "Link cache", "button[data-show]");
    app.wait_for("the cache to be selected", || {
        app.count("[data-testid=node][data-kind=cache].selected") == 1
    });
    app.screenshot("check.png");
    let errors = app.page_errors();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn the_check_is_not_offered_during_a_timed_session() {
    let _lock = browser_lock();
    let app = App::open();
    // Claims from an earlier attempt do not carry into a new session.
    app.js("localStorage.setItem('breadthfirst.claims.url-shortener', 'component:store'); return null;");
    app.choose_prompt("url-shortener", true);
    assert_eq!(
        app.js("return localStorage.getItem('breadthfirst.claims.url-shortener')"),
        json!(null)
    );
    app.wait_for("the session", || app.count("[data-testid=phase]") == 1);
    let disabled = app.js(&format!("return {CHECK_BUTTON}.disabled;"));
    assert_eq!(disabled, json!(true), "no checklist hints during a session");
    assert_eq!(app.count("[data-testid=check-item]"), 0);
}
