//! A timed session in headless Chromium under a controlled clock: `Date.now` is
//! patched before the app loads to add an offset the test moves forward.

mod support;

use serde_json::json;
use support::app::App;
use support::browser_lock;

const MIN: f64 = 60_000.0;

/// Makes `Date.now` return real time plus `sessionStorage['test.clock-offset']`, for
/// every page the browser loads from now on, then reloads the app under it.
fn with_controlled_clock(app: &App) {
    app.driver.command(
        "POST",
        "/goog/cdp/execute",
        Some(json!({"cmd": "Page.addScriptToEvaluateOnNewDocument", "params": {"source":
            "(() => { const real = Date.now.bind(Date); \
              Date.now = () => real() + Number(sessionStorage.getItem('test.clock-offset') || 0); })();"
        }})),
    );
    app.reload();
}

fn advance(app: &App, ms: f64) {
    app.driver.execute(
        "const k = 'test.clock-offset'; \
         sessionStorage.setItem(k, String(Number(sessionStorage.getItem(k) || 0) + arguments[0]));",
        vec![json!(ms)],
    );
}

fn phase(app: &App) -> String {
    app.driver.find("[data-testid=phase]").text()
}

fn timer(app: &App) -> String {
    app.driver.find("[data-testid=timer]").text()
}

fn click_button(app: &App, name: &str) {
    app.driver.execute(
        "[...document.querySelectorAll('.session-bar button')].find(b => b.textContent.trim() === arguments[0]).click();",
        vec![json!(name)],
    );
}

#[test]
fn a_timed_session_enforces_breadth_and_resumes_after_a_reload() {
    let _lock = browser_lock();
    let app = App::open();
    with_controlled_clock(&app);
    app.driver.find("button[aria-label=\"Prompts\"]").click();
    app.wait_for("the cards", || app.count("[data-testid=prompt-card]") > 0);
    app.driver
        .find("[data-prompt=\"url-shortener\"] .card-actions button:not(.secondary)")
        .click();
    app.wait_for("the session bar", || app.count("[data-testid=phase]") == 1);
    assert_eq!(phase(&app), "Requirements");
    app.wait_for("a 5-minute countdown", || {
        let t = timer(&app);
        t == "05:00" || t == "04:59"
    });

    click_button(&app, "Next phase");
    app.wait_for("Breadth", || phase(&app) == "Breadth");
    // An empty board cannot leave Breadth early; the app says what is missing.
    click_button(&app, "Next phase");
    app.wait_for("the gate's message", || {
        app.driver
            .find(".notice")
            .text()
            .contains("at least 5 components")
    });
    assert_eq!(phase(&app), "Breadth");

    // Pause stops the clock.
    click_button(&app, "Pause");
    app.wait_for("Resume to be offered", || {
        app.driver.find(".session-bar").text().contains("Resume")
    });
    let frozen = timer(&app);
    advance(&app, 3.0 * MIN);
    std::thread::sleep(std::time::Duration::from_millis(600));
    assert_eq!(timer(&app), frozen, "a paused timer stands still");
    click_button(&app, "Resume");

    // A reload resumes the session where it was.
    app.reload();
    app.wait_for("the resumed session", || {
        app.count("[data-testid=phase]") == 1 && phase(&app) == "Breadth"
    });

    // Breadth ends by itself at its limit (9 minutes by default).
    advance(&app, 9.0 * MIN);
    app.wait_for("Breadth to end by itself", || phase(&app) == "Focus");
    assert!(app.driver.find(".notice").text().contains("breadth map"));
    let map = app.js("return localStorage.getItem('breadthfirst.breadth-map') !== null");
    assert_eq!(map, json!(true), "the breadth map is kept");

    for expected in ["Depth", "Failure modes", "Review"] {
        click_button(&app, "Next phase");
        app.wait_for(expected, || phase(&app) == expected);
    }
    app.wait_for("the timing summary", || {
        app.driver.find(".outline").text().contains("Timing")
    });
    let breadth_row = app.js(
        "const row = [...document.querySelectorAll('.timing tbody tr')] \
           .find(r => r.cells[0].textContent === 'Breadth'); \
         return row ? [...row.cells].map(c => c.textContent) : null;",
    );
    assert_eq!(
        breadth_row,
        json!(["Breadth", "9", "9"]),
        "planned and actual minutes"
    );
    let errors = app.page_errors();
    assert!(errors.is_empty(), "{errors:?}");
}
