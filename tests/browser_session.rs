//! A timed session in headless Chromium under a controlled clock: `Date.now` is
//! patched before the app loads to add an offset the test moves forward.

mod support;

use serde_json::json;
use support::app::App;
use support::{browser_lock, Key};

const MIN: f64 = 60_000.0;

fn phase(app: &App) -> String {
    app.driver.find("[data-testid=phase]").text()
}

fn timer(app: &App) -> String {
    app.driver.find("[data-testid=timer]").text()
}

/// Clicks the session bar's button named `name`.
fn click_button(app: &App, name: &str) {
    app.click_text(".session-bar button", name);
}

#[test]
fn a_timed_session_enforces_breadth_and_resumes_after_a_reload() {
    let _lock = browser_lock();
    let app = App::open();
    app.with_controlled_clock();
    app.choose_prompt("url-shortener", true);
    app.wait_for("the session bar", || app.count("[data-testid=phase]") == 1);
    assert_eq!(phase(&app), "Requirements");
    app.wait_for("a 5-minute countdown", || {
        let t = timer(&app);
        t == "05:00" || t == "04:59"
    });

    // Requirement notes are typed into their own fields and kept with the session.
    app.driver
        .find("[data-testid=requirements-notes] textarea")
        .send_keys("Shorten URLs; redirect in under 50 ms");

    click_button(&app, "Next phase");
    app.wait_for("Breadth", || phase(&app) == "Breadth");
    app.screenshot("session-breadth.png");

    // Depth is locked in Breadth: typing a component detail is refused and counted.
    app.add("Service");
    app.wait_for("the inspector", || {
        app.count("textarea[data-note=details]") == 1
    });
    let details = app.driver.find("textarea[data-note=details]");
    details.click();
    app.driver.type_text("cache everything");
    app.wait_for("the depth nudge", || {
        app.driver.find(".notice").text().contains("Breadth first")
    });
    assert_eq!(
        details.prop("value"),
        json!(""),
        "the refused note was not written"
    );
    app.screenshot("session-breadth-refused.png");
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
    app.advance_clock(3.0 * MIN);
    std::thread::sleep(std::time::Duration::from_millis(600));
    assert_eq!(timer(&app), frozen, "a paused timer stands still");
    click_button(&app, "Resume");

    // A reload resumes the session where it was.
    app.reload();
    app.wait_for("the resumed session", || {
        app.count("[data-testid=phase]") == 1 && phase(&app) == "Breadth"
    });

    // Breadth ends by itself at its limit (9 minutes by default).
    app.advance_clock(9.0 * MIN);
    app.wait_for("Breadth to end by itself", || phase(&app) == "Focus");
    assert!(app.driver.find(".notice").text().contains("breadth map"));
    let map = app.js(
        "return JSON.parse(JSON.parse(localStorage.getItem('breadthfirst.session')).breadth_board)\
           .board.components.length",
    );
    assert_eq!(map, json!(1), "the breadth map is kept with the session");

    // Focus cannot be left before a component is picked.
    click_button(&app, "Next phase");
    app.wait_for("the focus nudge", || {
        app.driver
            .find(".notice")
            .text()
            .contains("Pick one or two")
    });
    assert_eq!(phase(&app), "Focus");
    app.driver.find("[data-testid=focus-option]").click();
    click_button(&app, "Next phase");
    app.wait_for("Depth", || phase(&app) == "Depth");

    // Depth: the focus component's details are open now.
    let details = app.driver.find("[data-testid=depth-notes] textarea");
    details.click();
    app.driver
        .type_text("Stateless; scale out behind the load balancer");
    // Tab away, as a user leaves the field.
    app.driver.press_keys(&[Key::Tab]);
    // Halfway through Depth (17 minutes by default) the interviewer's curveball comes.
    assert_eq!(app.count("[data-testid=curveball]"), 0);
    app.advance_clock(8.6 * MIN);
    app.wait_for("the curveball", || {
        app.count("[data-testid=curveball]") == 1
    });
    app.driver
        .find("[data-testid=curveball] textarea")
        .send_keys("Add a second region");
    app.screenshot("session-depth.png");

    // Everything written survives a reload.
    app.wait_for("the details to be saved", || {
        app.js("return (localStorage.getItem('breadthfirst.board') || '').includes('Stateless')")
            == json!(true)
    });
    app.reload();
    app.wait_for("the resumed Depth phase", || {
        app.count("[data-testid=phase]") == 1 && phase(&app) == "Depth"
    });
    app.wait_for("the kept notes", || {
        app.count("[data-testid=curveball] textarea") == 1
            && app
                .driver
                .find("[data-testid=curveball] textarea")
                .prop("value")
                == json!("Add a second region")
            && app
                .driver
                .find("[data-testid=depth-notes] textarea")
                .prop("value")
                == json!("Stateless; scale out behind the load balancer")
    });

    click_button(&app, "Next phase");
    app.wait_for("Failure modes", || phase(&app) == "Failure modes");
    assert_eq!(app.count("[data-testid=failure-notes] textarea"), 1);
    click_button(&app, "Next phase");
    app.wait_for("Review", || phase(&app) == "Review");
    // Review holds the board against the checklist by itself.
    app.wait_for("the check in Review", || {
        app.count("[data-testid=coverage]") == 1 && app.count("[data-testid=check-item]") > 0
    });
    assert!(app
        .driver
        .find("[data-testid=breadth-map]")
        .text()
        .contains("When Breadth ended: 1 component, 0 arrows"));
    assert_eq!(
        app.count("[data-testid=final-board] svg .node"),
        1,
        "the final board is drawn beside the map"
    );
    app.screenshot("session-review.png");
    app.wait_for("the timing summary", || {
        app.count("[data-testid=review] .timing") == 1
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
    assert!(app
        .driver
        .find("[data-testid=review]")
        .text()
        .contains("Depth attempts refused during breadth: 1"));
    let saved = app.js(
        "return JSON.parse(localStorage.getItem('breadthfirst.session')).requirements.functional",
    );
    assert_eq!(saved, json!("Shorten URLs; redirect in under 50 ms"));
    // Ending a session discards its notes, so it asks first; "Cancel" keeps it.
    click_button(&app, "End session");
    app.driver.dismiss_dialog();
    assert_eq!(
        app.count("[data-testid=phase]"),
        1,
        "cancelled: the session stays"
    );
    click_button(&app, "End session");
    app.driver.accept_dialog();
    app.wait_for("the session to end", || {
        app.count("[data-testid=phase]") == 0
    });
    assert_eq!(app.count("[data-testid=node]"), 1, "the board stays");
    assert!(
        app.driver
            .find("[data-testid=node] .note-mark")
            .is_displayed(),
        "a component with notes is marked on the board"
    );
    let errors = app.page_errors();
    assert!(errors.is_empty(), "{errors:?}");
}
