//! The app shell in headless Chromium at 1280x720, acting as a user: dialogs keep the
//! board's keys to themselves and give focus back; every prompt card is reachable by
//! pointer and by Tab; keyboard-only selection never follows focus; inline edits
//! finish cleanly on Enter and Escape; a timed session opens a fresh board and its
//! Review takes the main area, with B going to the board and back.

mod support;

use serde_json::json;
use support::app::App;
use support::server::TRAP_SCRIPT;
use support::{browser_lock, Key};

/// The app with a 1280x720 viewport, the smallest screen the product is laid out for.
fn small_app() -> App {
    let app = App::open();
    let resize = |w: u32, h: u32| {
        app.driver.block(
            "resizing the window",
            app.driver.client().set_window_size(w, h),
        )
    };
    resize(1280, 720);
    // The window's own frame takes some of its height: add it back.
    let frame = app
        .js("return outerHeight - innerHeight")
        .as_u64()
        .unwrap_or(0) as u32;
    resize(1280, 720 + frame);
    assert_eq!(
        app.js("return [innerWidth, innerHeight]"),
        json!([1280, 720])
    );
    app
}

fn active(app: &App) -> String {
    app.js("const a = document.activeElement; \
         return a ? (a.getAttribute('aria-label') || a.textContent.trim()) : '';")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn selected(app: &App) -> usize {
    app.count("[data-testid=node].selected")
}

#[test]
fn a_dialog_keeps_the_boards_keys_and_gives_focus_back_on_escape() {
    let _lock = browser_lock();
    let app = small_app();
    app.add("Service");
    let id = app.nodes()[0].0.clone();
    app.driver.click_at(app.node_center(&id));
    assert_eq!(selected(&app), 1);
    let before = app.node_position(&id);
    app.driver.find("button[aria-label=\"Boards\"]").click();
    app.wait_for("the Boards dialog", || {
        app.count("dialog.boards[open] [data-testid=boards]") == 1
    });
    assert_eq!(
        app.js("return document.querySelector('dialog.boards').getAttribute('aria-labelledby')"),
        json!("boards-title"),
        "the dialog is named by its title"
    );
    // Keys that edit the board do nothing while the dialog is up.
    app.driver.press_keys(&[Key::Delete]);
    app.driver.press_keys(&[Key::ArrowRight]);
    app.driver.press_keys(&[Key::Ctrl, Key::Char('z')]);
    app.driver.press_keys(&[Key::Char('c')]);
    assert_eq!(
        app.count("[data-testid=node]"),
        1,
        "Delete did not reach the board"
    );
    assert_eq!(app.node_position(&id), before, "arrows did not nudge");
    // Tab never reaches the page behind the dialog: it cycles through the dialog
    // (and, natively, the browser's own controls, which headless shows as none).
    for _ in 0..12 {
        app.driver.press_keys(&[Key::Tab]);
        let inside = app.js("const a = document.activeElement; \
             return !a || a === document.body || !!a.closest('dialog[open]');");
        assert_eq!(
            inside,
            json!(true),
            "focus reached the page behind the dialog: {}",
            active(&app)
        );
    }
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("the dialog to close", || app.count("dialog[open]") == 0);
    assert_eq!(active(&app), "Boards", "focus is back on the opener");
    assert_eq!(app.count("[data-testid=node]"), 1);
}

#[test]
fn every_prompt_card_is_reachable_by_pointer_and_by_tab_at_1280_by_720() {
    let _lock = browser_lock();
    let app = small_app();
    app.driver.find("button[aria-label=\"Prompts\"]").click();
    app.wait_for("the cards", || app.count("[data-testid=prompt-card]") > 10);
    let cards = app.count("[data-testid=prompt-card]");
    // The list scrolls inside the dialog; the dialog fits the window.
    let fits = app.js(
        "const r = document.querySelector('dialog.library').getBoundingClientRect(); \
         return r.top >= 0 && r.bottom <= innerHeight;",
    );
    assert_eq!(fits, json!(true), "the dialog fits the window");
    // By Tab: every card's two buttons, in order, the last one included.
    let last = app.js(
        "const c = [...document.querySelectorAll('[data-testid=prompt-card]')].pop(); \
         return c.querySelector('.secondary').getAttribute('aria-label');",
    );
    let mut reached = false;
    for _ in 0..(cards * 2 + 12) {
        app.driver.press_keys(&[Key::Tab]);
        if json!(active(&app)) == last {
            reached = true;
            break;
        }
    }
    assert!(
        reached,
        "Tab reaches the last card's Free practice ({last})"
    );
    let place = app.js("const b = document.activeElement.getBoundingClientRect(); \
         const list = document.querySelector('.library-cards').getBoundingClientRect(); \
         return [b.top, b.bottom, list.top, list.bottom, innerHeight];");
    let at = |i: usize| place[i].as_f64().unwrap();
    assert!(
        at(0) >= at(2) - 1.0 && at(1) <= at(3) + 1.0 && at(3) <= at(4),
        "the focused button is scrolled into view: {place}"
    );
    // By pointer: the last card's button takes a real click.
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the library to close", || app.count("dialog[open]") == 0);
    app.wait_for("the prompt panel", || app.count(".prompt-panel") == 1);
}

#[test]
fn focus_alone_never_selects_space_adds_and_inline_edits_finish_cleanly() {
    let _lock = browser_lock();
    let app = small_app();
    app.add("Client");
    app.add("Service");
    // Adding selects the new box; start from nothing selected.
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("nothing selected", || selected(&app) == 0);
    let ids: Vec<String> = app.nodes().into_iter().map(|n| n.0).collect();
    let focus_node = |id: &str| {
        for _ in 0..60 {
            app.driver.press_keys(&[Key::Tab]);
            let on = app.js("return document.activeElement.dataset.id || ''");
            if on == json!(id) {
                return;
            }
        }
        panic!("Tab never reached component {id}");
    };
    focus_node(&ids[0]);
    assert_eq!(selected(&app), 0, "focus does not select");
    app.driver.press_keys(&[Key::Space]);
    app.wait_for("the first box selected", || selected(&app) == 1);
    focus_node(&ids[1]);
    assert_eq!(selected(&app), 1, "moving focus kept the selection");
    app.driver.press_keys(&[Key::Space]);
    app.wait_for("both selected", || selected(&app) == 2);
    app.driver.press_keys(&[Key::Char('c')]);
    app.wait_for("an arrow between them", || {
        app.count("[data-testid=edge]") == 1
    });
    assert_eq!(app.edges(), vec![(ids[0].clone(), ids[1].clone())]);
    // With nothing selected, Enter on the focused box renames it; Enter commits,
    // Escape cancels, and neither leaves an error behind (the guard checks every
    // wait).
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("the selection cleared", || selected(&app) == 0);
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the rename field", || app.count("input.inline-edit") == 1);
    app.driver.press_keys(&[Key::Ctrl, Key::Char('a')]);
    app.driver.type_text("Order service");
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the field to close", || app.count("input.inline-edit") == 0);
    assert!(app.nodes()[1].2.contains("Order service"));
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the field again", || app.count("input.inline-edit") == 1);
    app.driver.type_text("thrown away");
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("the field to close on Escape", || {
        app.count("input.inline-edit") == 0
    });
    assert!(app.nodes()[1].2.contains("Order service"));
    // From the outline: Enter selects the arrow's row, Enter again labels it.
    let row = app.with_text(".outline-row", "Client → Order service");
    row.click();
    app.wait_for("the arrow selected", || {
        app.count("[data-testid=edge].selected") == 1
    });
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the label field", || app.count("input.inline-edit") == 1);
    app.driver.type_text("orders");
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the label on the arrow", || {
        app.driver
            .find("[data-testid=edge]")
            .attr("aria-label")
            .is_some_and(|name| name.ends_with(": orders"))
    });
    // Fields are named after their component.
    assert_eq!(
        app.count("textarea[aria-label=\"Order service: When it fails\"]"),
        0,
        "an arrow is selected, not the box"
    );
    app.driver.click_at(app.node_center(&ids[1]));
    app.wait_for("the failure note named after its box", || {
        app.count("textarea[aria-label=\"Order service: When it fails\"]") == 1
    });
}

#[test]
fn a_timed_session_opens_a_fresh_board_and_its_review_takes_the_main_area() {
    let _lock = browser_lock();
    let app = small_app();
    app.add("Cache");
    app.wait_saved(1);
    let before = app.js("return document.title");
    // Starting a session on a board with work on it opens a new board.
    app.driver.find("button[aria-label=\"Prompts\"]").click();
    app.wait_for("the cards", || app.count("[data-testid=prompt-card]") > 0);
    app.js("window.__before_reload = true; return null;");
    app.driver
        .find("[data-prompt=\"url-shortener\"] .card-actions button:not(.secondary)")
        .click();
    app.wait_for("the new board", || {
        app.js("return window.__before_reload === undefined") == json!(true)
            && app.count("[data-testid=phase]") == 1
    });
    assert_eq!(app.count("[data-testid=node]"), 0, "a fresh board");
    assert_ne!(app.js("return document.title"), before);
    // The old board is kept in Boards.
    app.driver.find("button[aria-label=\"Boards\"]").click();
    app.wait_for("the list", || {
        app.count("[data-testid=boards] [data-rename]") == 2
    });
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("the dialog to close", || app.count("dialog[open]") == 0);
    // Through every phase to Review, waiting for each.
    let phase = || app.driver.find("[data-testid=phase]").text();
    for (now, next) in [
        ("Requirements", "Breadth"),
        ("Breadth", "Focus"),
        ("Focus", "Depth"),
        ("Depth", "Failure modes"),
        ("Failure modes", "Review"),
    ] {
        app.wait_for(now, || phase() == now);
        if now == "Breadth" {
            for kind in [
                "Client",
                "Load balancer",
                "Service",
                "Cache",
                "SQL database",
            ] {
                app.add(kind);
            }
            // Select all in board order and connect them in a chain.
            app.driver.press_keys(&[Key::Ctrl, Key::Char('a')]);
            app.driver.press_keys(&[Key::Char('c')]);
            app.wait_for("the chain", || app.count("[data-testid=edge]") == 4);
        }
        if now == "Focus" {
            app.driver.find("[data-testid=focus-option]").click();
        }
        app.click_text(".session-bar button", "Next phase");
        app.wait_for(next, || phase() == next);
    }
    app.wait_for("the Review page", || app.count("[data-testid=review]") == 1);
    app.wait_for("the checklist", || {
        app.count("[data-testid=review] [data-testid=check-item]") > 5
    });
    let figures = app.js(
        "const m = document.querySelector('[data-testid=breadth-map]').getBoundingClientRect(); \
         const f = document.querySelector('[data-testid=final-board]').getBoundingClientRect(); \
         return [Math.round(m.width), Math.round(f.width), Math.abs(m.top - f.top) < 2];",
    );
    assert_eq!(figures[2], json!(true), "side by side: {figures}");
    assert!(
        figures[0].as_f64().unwrap() > 400.0,
        "readable size: {figures}"
    );
    app.screenshot("shell-review-1280.png");
    // A claim toggles by pointer and by keyboard, and keeps its focus.
    let claim = "[data-testid=review] input[data-claim]";
    let key = app.driver.find(claim).attr("data-claim").unwrap();
    app.driver.find(claim).click();
    app.wait_for("the claim counted apart", || {
        app.driver
            .find("[data-testid=review] [data-testid=coverage]")
            .text()
            .contains("claimed out loud")
    });
    app.driver.press_keys(&[Key::Space]);
    app.wait_for("the claim taken back", || {
        !app.driver
            .find("[data-testid=review] [data-testid=coverage]")
            .text()
            .contains("claimed out loud")
    });
    assert_eq!(
        app.js("return document.activeElement.dataset.claim || null"),
        json!(key),
        "focus stays on the checkbox"
    );
    // B goes to the board and back; the board behind the Review is inert, and the
    // toolbar's board buttons wait too.
    assert_eq!(
        app.js("return document.querySelector('.workspace').inert"),
        json!(true)
    );
    for name in ["Undo", "Delete", "Select tool", "Zoom in", "Reset zoom"] {
        assert_eq!(
            app.driver
                .find(&format!("button[aria-label=\"{name}\"]"))
                .prop("disabled"),
            json!(true),
            "{name} waits while the Review covers the board"
        );
    }
    app.driver.press_keys(&[Key::Char('b')]);
    app.wait_for("the board", || app.count("[data-testid=review]") == 0);
    app.driver.press_keys(&[Key::Char('b')]);
    app.wait_for("the Review again", || {
        app.count("[data-testid=review]") == 1
    });
    // And by pointer: the Review's button, then the session bar's.
    app.click_text("[data-testid=review] button", "Back to the board (B)");
    app.wait_for("the board by pointer", || {
        app.count("[data-testid=review]") == 0
    });
    app.click_text(".session-bar button", "Back to the review (B)");
    app.wait_for("the Review by pointer", || {
        app.count("[data-testid=review]") == 1
    });
}

#[test]
fn the_export_menu_keeps_the_boards_keys_too() {
    let _lock = browser_lock();
    let app = small_app();
    app.add("Cache");
    let id = app.nodes()[0].0.clone();
    app.driver.click_at(app.node_center(&id));
    app.driver.find(".export-menu summary").click();
    app.wait_for("the menu", || app.count(".export-menu[open]") == 1);
    app.driver.press_keys(&[Key::Delete]);
    app.driver.press_keys(&[Key::Ctrl, Key::Char('d')]);
    assert_eq!(app.count("[data-testid=node]"), 1, "the board kept its box");
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("the menu to close", || app.count(".export-menu[open]") == 0);
}

#[test]
fn a_crash_shows_what_happened_and_a_reload_brings_the_board_back() {
    let _lock = browser_lock();
    let app = small_app();
    app.add("Service");
    app.wait_saved(1);
    assert_eq!(
        app.count("#crash:not([hidden])"),
        0,
        "no crash card at rest"
    );
    // What a WebAssembly trap is to the page: an uncaught RuntimeError.
    app.expect_page_error("RuntimeError");
    // Thrown from a same-origin script, as the app's own module would: an error thrown
    // by an injected WebDriver script reaches the page muted, and the content security
    // policy refuses inline and blob scripts.
    app.js(&format!(
        "const s = document.createElement('script'); s.src = '{TRAP_SCRIPT}'; \
         document.body.append(s); return null;"
    ));
    app.wait_for("the crash card", || app.count("#crash:not([hidden])") == 1);
    let card = app.driver.find("#crash").text();
    assert!(card.contains("Something went wrong"), "{card}");
    assert!(card.contains("unreachable"), "the error is shown: {card}");
    app.js("window.__before_reload = true; return null;");
    app.click_text("#crash button", "Reload");
    app.wait_for("the app back", || {
        app.js("return window.__before_reload === undefined") == json!(true)
            && app.count("[data-testid=node]") == 1
    });
    assert_eq!(app.count("#crash:not([hidden])"), 0);
}

#[test]
fn the_content_security_policy_allows_no_inline_code_and_no_other_origin() {
    let _lock = browser_lock();
    let app = small_app();
    app.add("Cache");
    let policy =
        app.js("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content");
    let policy = policy.as_str().expect("a policy in the page");
    for directive in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "connect-src 'self'",
        // The think-aloud recording plays from the page's own blobs.
        "media-src 'self' blob:",
        "object-src 'none'",
    ] {
        assert!(policy.contains(directive), "{directive}: {policy}");
    }
    assert!(
        !policy.contains("unsafe-inline") && !policy.contains("http"),
        "{policy}"
    );
    // The app's own colours and placement go through the CSSOM, which the policy allows.
    let hue = app.js(
        "return getComputedStyle(document.querySelector('[data-testid=node]')).getPropertyValue('--h')",
    );
    assert!(!hue.as_str().unwrap_or_default().trim().is_empty(), "{hue}");
    // An inline style attribute is refused, and the refusal is a page error.
    app.expect_page_error("Content Security Policy");
    let applied = app.js(
        "const el = document.createElement('p'); el.setAttribute('style', 'color: rgb(1, 2, 3)'); \
         document.body.append(el); const c = getComputedStyle(el).color; el.remove(); return c;",
    );
    assert_ne!(
        applied,
        json!("rgb(1, 2, 3)"),
        "the inline style was applied"
    );
}
