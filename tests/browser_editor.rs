//! The whiteboard in a real headless Chromium, on the optimized release build in dist/.
//!
//! Each test gets a fresh browser profile (so empty localStorage) and drives the app
//! with WebDriver pointer and key actions, as a user would.

mod support;

use serde_json::json;
use std::time::Duration;
use support::app::App;
use support::{browser_lock, Key};

#[test]
fn the_optimized_build_mounts_with_palette_canvas_and_no_page_errors() {
    let _lock = browser_lock();
    let app = App::open();
    for name in [
        "Client",
        "DNS",
        "CDN",
        "Load balancer",
        "API gateway",
        "Service",
        "Worker",
        "SQL database",
        "NoSQL store",
        "Cache",
        "Message queue",
        "Object storage",
        "Search index",
        "Scheduler",
        "Monitoring",
        "External service",
        "Box",
    ] {
        assert_eq!(
            app.count(&format!("button[aria-label=\"{name}\"]")),
            1,
            "palette button {name}"
        );
    }
    assert_eq!(app.count("[data-testid=node]"), 0);
    app.screenshot("empty.png");
    let errors = app.page_errors();
    assert!(errors.is_empty(), "page errors: {errors:?}");
}

#[test]
fn clicking_palette_buttons_adds_labelled_components_that_do_not_overlap() {
    let _lock = browser_lock();
    let app = App::open();
    for name in [
        "Client",
        "Load balancer",
        "Service",
        "Cache",
        "SQL database",
    ] {
        app.add(name);
    }
    let nodes = app.nodes();
    let kinds: Vec<&str> = nodes.iter().map(|n| n.1.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "client",
            "load_balancer",
            "service",
            "cache",
            "sql_database"
        ]
    );
    assert!(nodes[1].2.contains("Load balancer"));
    let rects = app.js(
        "return [...document.querySelectorAll('[data-testid=node] .shape')].map(s => { \
         const r = s.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })",
    );
    let rects: Vec<Vec<f64>> = serde_json::from_value(rects).unwrap();
    for (i, a) in rects.iter().enumerate() {
        for b in &rects[i + 1..] {
            let overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
            assert!(!overlap, "components overlap: {a:?} {b:?}");
        }
    }
}

#[test]
fn dragging_a_handle_onto_another_component_draws_an_arrow() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Service");
    app.add("Cache");
    let nodes = app.nodes();
    let (service, cache) = (nodes[0].0.clone(), nodes[1].0.clone());
    // Hover the service so its handles show, then drag its handle onto the cache.
    app.driver.hover(app.node_center(&service));
    app.wait_for("handles to show", || {
        app.count(&format!("[data-testid=handle][data-id=\"{service}\"]")) > 0
    });
    let handle = app
        .driver
        .find(&format!("[data-testid=handle][data-id=\"{service}\"]"))
        .center();
    app.driver.drag(handle, app.node_center(&cache), 8);
    app.wait_for("an arrow", || app.count("[data-testid=edge]") == 1);
    assert_eq!(app.edges(), vec![(service.clone(), cache.clone())]);
    // The same drag again is refused with a message, not a second arrow.
    app.driver.hover(app.node_center(&service));
    let handle = app
        .driver
        .find(&format!("[data-testid=handle][data-id=\"{service}\"]"))
        .center();
    app.driver.drag(handle, app.node_center(&cache), 8);
    app.wait_for("a notice", || {
        app.driver
            .find(".notice")
            .text()
            .contains("already connected")
    });
    assert_eq!(app.count("[data-testid=edge]"), 1);
}

#[test]
fn double_click_renames_a_component_and_enter_renames_by_keyboard() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Cache");
    let id = app.nodes()[0].0.clone();
    app.driver.double_click_at(app.node_center(&id));
    app.wait_for("the inline editor", || app.count("input.inline-edit") == 1);
    app.driver.press_keys(&[Key::Ctrl, Key::Char('a')]);
    app.driver.type_text("Redis");
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the label to change", || app.nodes()[0].2.contains("Redis"));
    assert_eq!(app.count("input.inline-edit"), 0);
    // Focus is back on the component: Enter starts a rename again.
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the inline editor again", || {
        app.count("input.inline-edit") == 1
    });
    app.driver.type_text("Session cache");
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the second label", || {
        app.nodes()[0].2.contains("Session cache")
    });
    // Escape abandons an edit.
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the inline editor a third time", || {
        app.count("input.inline-edit") == 1
    });
    app.driver.type_text("Nope");
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("the editor to close", || {
        app.count("input.inline-edit") == 0
    });
    assert!(app.nodes()[0].2.contains("Session cache"));
}

#[test]
fn delete_removes_the_selection_with_its_arrows_and_undo_redo_work_by_keyboard() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Client");
    app.add("Service");
    let nodes = app.nodes();
    let (client, service) = (nodes[0].0.clone(), nodes[1].0.clone());
    // Keyboard connect: select client, shift-select service, press C.
    app.driver.click_at(app.node_center(&client));
    app.driver
        .click_at_holding(&[Key::Shift], app.node_center(&service));
    app.driver.press_keys(&[Key::Char('c')]);
    app.wait_for("a keyboard arrow", || app.count("[data-testid=edge]") == 1);
    assert_eq!(app.edges(), vec![(client.clone(), service.clone())]);

    // Select the service alone and delete it: its arrow goes too.
    app.driver.click_at(app.node_center(&service));
    app.driver.press_keys(&[Key::Delete]);
    app.wait_for("the service to go", || app.count("[data-testid=node]") == 1);
    assert_eq!(app.count("[data-testid=edge]"), 0);

    app.driver.press_keys(&[Key::Ctrl, Key::Char('z')]);
    app.wait_for("undo to restore it", || {
        app.count("[data-testid=node]") == 2
    });
    assert_eq!(app.count("[data-testid=edge]"), 1);

    // Selection changes do not clear redo.
    app.driver.press_keys(&[Key::Ctrl, Key::Char('z')]);
    app.wait_for("undo of the arrow", || app.count("[data-testid=edge]") == 0);
    app.driver.click_at(app.node_center(&client));
    app.driver
        .press_keys(&[Key::Ctrl, Key::Shift, Key::Char('z')]);
    app.wait_for("redo of the arrow", || app.count("[data-testid=edge]") == 1);
    app.driver.press_keys(&[Key::Ctrl, Key::Char('y')]);
    app.wait_for("redo of the delete", || {
        app.count("[data-testid=node]") == 1
    });
    assert_eq!(app.count("[data-testid=edge]"), 0);
}

#[test]
fn a_drag_moves_a_component_and_is_undone_in_one_step() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Worker");
    let id = app.nodes()[0].0.clone();
    let start = app.node_position(&id);
    let c = app.node_center(&id);
    app.driver.drag(c, (c.0 + 120.0, c.1 + 80.0), 12);
    app.wait_moved_by(&id, start, (120.0, 80.0));
    app.driver.press_keys(&[Key::Ctrl, Key::Char('z')]);
    app.wait_for("one undo to put it back", || {
        let p = app.node_position(&id);
        (p.0 - start.0).abs() < 1.0 && (p.1 - start.1).abs() < 1.0
    });
    // The add is a separate, earlier step.
    assert_eq!(app.count("[data-testid=node]"), 1);
}

#[test]
fn a_reload_restores_components_labels_arrows_and_viewport() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Client");
    app.add("API gateway");
    let nodes = app.nodes();
    let (client, gateway) = (nodes[0].0.clone(), nodes[1].0.clone());
    app.driver.hover(app.node_center(&client));
    let handle = app
        .driver
        .find(&format!("[data-testid=handle][data-id=\"{client}\"]"))
        .center();
    app.driver.drag(handle, app.node_center(&gateway), 6);
    app.wait_for("an arrow", || app.count("[data-testid=edge]") == 1);
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the arrow label editor", || {
        app.count("input.inline-edit") == 1
    });
    app.driver.type_text("HTTPS");
    app.driver.press_keys(&[Key::Enter]);
    app.driver.click_at(app.node_center(&gateway));
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the rename editor", || app.count("input.inline-edit") == 1);
    app.driver.press_keys(&[Key::Ctrl, Key::Char('a')]);
    app.driver.type_text("Edge API");
    app.driver.press_keys(&[Key::Enter]);
    // Zoom out once so the viewport is not the default.
    app.driver.find("button[aria-label=\"Zoom out\"]").click();
    app.wait_saved(2);
    let before_nodes = app.nodes();
    let before_pos = app.node_position(&gateway);
    let before_zoom = app.driver.find("button[aria-label=\"Reset zoom\"]").text();
    std::thread::sleep(Duration::from_millis(600));

    app.reload();
    app.wait_for("the components back", || {
        app.count("[data-testid=node]") == 2
    });
    assert_eq!(app.nodes(), before_nodes);
    assert!(app.nodes()[1].2.contains("Edge API"));
    assert_eq!(app.edges(), vec![(client, gateway.clone())]);
    // The label is drawn in the layer above the boxes, and named on the arrow.
    assert!(app
        .driver
        .find("[data-testid=edge-label]")
        .text()
        .contains("HTTPS"));
    let named = app.driver.find("[data-testid=edge]").attr("aria-label");
    assert!(named.is_some_and(|n| n.ends_with(": HTTPS")));
    assert_eq!(
        app.driver.find("button[aria-label=\"Reset zoom\"]").text(),
        before_zoom
    );
    let after_pos = app.node_position(&gateway);
    assert!(
        (after_pos.0 - before_pos.0).abs() < 0.5 && (after_pos.1 - before_pos.1).abs() < 0.5,
        "viewport moved: {before_pos:?} -> {after_pos:?}"
    );
}

#[test]
fn damaged_stored_data_is_kept_aside_and_reported_not_overwritten() {
    let _lock = browser_lock();
    let app = App::open();
    // Write from another page of the same origin, as a newer app version would.
    // The detour page's own 404, and its browser's look for an icon it does not
    // declare, are expected, and only they.
    for missing in ["/no-such-page", "/favicon.ico"] {
        app.expect_page_error(&format!(
            "{missing} - Failed to load resource: the server responded with a status of 404"
        ));
    }
    app.driver
        .goto(&format!("{}no-such-page", app.server.url()));
    app.js("localStorage.setItem('breadthfirst.board', '{\"format\":\"breadthfirst\",\"version\":99}')");
    app.reload();
    app.wait_for("the banner", || {
        app.count("[data-testid=storage-banner]") == 1
    });
    let banner = app.driver.find("[data-testid=storage-banner]").text();
    assert!(banner.contains("newer Breadthfirst"), "banner: {banner}");
    let rescued = app.js(
        "return Object.keys(localStorage).filter(k => k.startsWith('breadthfirst.rescued.'))\
         .map(k => localStorage.getItem(k))",
    );
    assert_eq!(
        rescued,
        json!(["{\"format\":\"breadthfirst\",\"version\":99}"])
    );
    // The app still works.
    app.add("Service");
    app.wait_saved(1);
    let errors = app.page_errors();
    assert!(errors.is_empty(), "page errors: {errors:?}");
}
