//! Keyboard-only use, selection by rectangle, pan and zoom, palette drop, the outline
//! and inspector, accessible names and the dark theme, in headless Chromium.

mod support;

use serde_json::{json, Value};
use support::app::App;
use support::{browser_lock, Key};

/// The client rect of the canvas: [left, top, width, height].
fn canvas_rect(app: &App) -> Vec<f64> {
    let v = app.js(
        "const r = document.querySelector('[data-testid=canvas]').getBoundingClientRect(); \
         return [r.left, r.top, r.width, r.height];",
    );
    serde_json::from_value(v).unwrap()
}

fn zoom_text(app: &App) -> String {
    app.driver.find("button[aria-label=\"Reset zoom\"]").text()
}

fn selected_ids(app: &App) -> Vec<String> {
    let v = app.js(
        "return [...document.querySelectorAll('[data-testid=node][aria-pressed=true]')]\
         .map(n => n.dataset.id)",
    );
    serde_json::from_value(v).unwrap()
}

/// Presses Tab until the focused element matches `css`, as a keyboard user moves
/// through the page; fails if it never does.
fn tab_to(app: &App, css: &str) {
    for _ in 0..150 {
        let focused = app.driver.execute(
            "return document.activeElement.matches(arguments[0]);",
            vec![json!(css)],
        );
        if focused == json!(true) {
            return app.check_page();
        }
        app.driver.press_keys(&[Key::Tab]);
    }
    panic!("Tab never reached {css}");
}

fn active_element(app: &App) -> Value {
    app.js("const a = document.activeElement; return [a.dataset.testid || a.tagName, a.dataset.id || null];")
}

#[test]
fn the_keyboard_alone_adds_renames_moves_and_connects_components() {
    let _lock = browser_lock();
    let app = App::open();
    // Tab order is the browser's; Tab to the palette's first button.
    tab_to(&app, "button[aria-label=\"Client\"]");
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("a client", || app.count("[data-testid=node]") == 1);
    let client = app.nodes()[0].0.clone();
    app.wait_for("focus on the new client", || {
        active_element(&app) == json!(["node", client])
    });
    let before = app.node_position(&client);
    for _ in 0..3 {
        app.driver.press_keys(&[Key::ArrowRight]);
    }
    app.driver.press_keys(&[Key::Shift, Key::ArrowDown]);
    app.wait_for("the nudges", || {
        let p = app.node_position(&client);
        (p.0 - before.0 - 30.0).abs() < 0.5 && (p.1 - before.1 - 50.0).abs() < 0.5
    });
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the rename field", || app.count("input.inline-edit") == 1);
    app.driver.press_keys(&[Key::Ctrl, Key::Char('a')]);
    app.driver.type_text("Browser");
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the new name", || app.nodes()[0].2.contains("Browser"));

    tab_to(&app, "button[aria-label=\"API gateway\"]");
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("a gateway", || app.count("[data-testid=node]") == 2);
    let gateway = app.nodes()[1].0.clone();
    // The inspector's "Connect to" picker, driven by keys.
    tab_to(&app, ".inspector .field-row select");
    app.driver.type_text("Browser");
    tab_to(&app, ".inspector .field-row button");
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("a keyboard arrow", || app.count("[data-testid=edge]") == 1);
    assert_eq!(app.edges(), vec![(gateway, client)]);
}

/// The ids of the components whose boxes `keep` accepts, given each box's screen
/// (left, top, right, bottom).
fn nodes_where(app: &App, ids: &[String], keep: impl Fn([f64; 4]) -> bool) -> Vec<String> {
    let mut chosen: Vec<String> = ids
        .iter()
        .filter(|id| {
            let r = app.driver.execute(
                "const r = document.querySelector(`[data-testid=node][data-id=\"${arguments[0]}\"] .shape`)\
                 .getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];",
                vec![json!(id)],
            );
            keep([0, 1, 2, 3].map(|i| r[i].as_f64().unwrap()))
        })
        .cloned()
        .collect();
    chosen.sort();
    chosen
}

fn wait_selected(app: &App, want: &[String]) {
    app.wait_for("the band's selection", || {
        let mut got = selected_ids(app);
        got.sort();
        got == want
    });
}

#[test]
fn dragging_a_rectangle_selects_what_it_contains_and_with_ctrl_what_it_touches() {
    let _lock = browser_lock();
    let app = App::open();
    for name in ["Service", "Worker", "Cache", "Monitoring"] {
        app.add(name);
    }
    app.driver.press_keys(&[Key::Escape]);
    let canvas = canvas_rect(&app);
    let start = (canvas[0] + 6.0, canvas[1] + 6.0);
    let ids: Vec<String> = app.nodes().into_iter().map(|n| n.0).collect();

    // A band from the top-left corner to the centre of the box furthest from it:
    // that box is only touched, others may be wholly inside.
    let far = ids
        .iter()
        .max_by(|a, b| {
            let (ca, cb) = (app.node_center(a), app.node_center(b));
            (ca.0 + ca.1).total_cmp(&(cb.0 + cb.1))
        })
        .unwrap()
        .clone();
    let end = app.node_center(&far);
    let inside = nodes_where(&app, &ids, |[_, _, r, b]| r <= end.0 && b <= end.1);
    let touched = nodes_where(&app, &ids, |[l, t, _, _]| l < end.0 && t < end.1);
    assert!(!inside.contains(&far) && touched.contains(&far));
    assert!(
        !inside.is_empty(),
        "some box lies wholly inside: {touched:?}"
    );

    // A plain band takes only the boxes wholly inside it.
    app.driver.drag(start, end, 10);
    wait_selected(&app, &inside);
    assert_eq!(app.count("rect.band"), 0, "the band is gone after release");

    // With Ctrl it takes every box it touches.
    app.driver.press_keys(&[Key::Escape]);
    app.driver.drag_holding(&[Key::Ctrl], start, end, 10);
    wait_selected(&app, &touched);
}

#[test]
fn wheel_pans_ctrl_wheel_and_keys_zoom_and_fit_shows_everything() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("CDN");
    let id = app.nodes()[0].0.clone();
    let before = app.node_position(&id);
    let canvas = canvas_rect(&app);
    // The mouse wheel over the canvas, with Ctrl held or not.
    let wheel = |dy: f64, ctrl: bool| {
        let keys: &[Key] = if ctrl { &[Key::Ctrl] } else { &[] };
        let at = (canvas[0] + 100.0, canvas[1] + 100.0);
        app.driver.wheel_at(keys, at, (0.0, dy));
    };
    wheel(120.0, false);
    app.wait_for("the wheel to pan", || {
        (app.node_position(&id).1 - (before.1 - 120.0)).abs() < 0.5
    });
    assert_eq!(zoom_text(&app), "100%");
    wheel(-100.0, true);
    app.wait_for("ctrl+wheel to zoom in", || zoom_text(&app) != "100%");
    app.driver.press_keys(&[Key::Escape]);
    // Click empty board, so the keys go to the board.
    app.driver.click_at((canvas[0] + 6.0, canvas[1] + 6.0));
    app.driver.press_keys(&[Key::Shift, Key::Char('0')]);
    app.wait_for("Shift+0 to reset", || zoom_text(&app) == "100%");
    app.driver.press_keys(&[Key::Char('+')]);
    app.wait_for("+ to zoom in", || zoom_text(&app) == "120%");
    app.driver.press_keys(&[Key::Char('-')]);
    app.wait_for("- to zoom out", || zoom_text(&app) == "100%");
    // Pan the CDN far away, then fit: it must be inside the canvas again.
    for _ in 0..10 {
        wheel(400.0, false);
    }
    // Far off screen and not selected, it is not mounted at all.
    let culled = || app.count(&format!("[data-testid=node][data-id=\"{id}\"]")) == 0;
    app.wait_for("the CDN to scroll out and be unmounted", culled);
    app.driver
        .find("button[aria-label=\"Zoom to fit\"]")
        .click();
    app.wait_for("fit to bring it back", || {
        if culled() {
            return false;
        }
        let p = app.node_position(&id);
        p.0 > canvas[0] && p.1 > canvas[1] && p.1 < canvas[1] + canvas[3]
    });
}

#[test]
fn space_drag_pans_the_view_without_moving_the_component() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Worker");
    let id = app.nodes()[0].0.clone();
    let saved = || {
        app.js(
            "try { return JSON.parse(localStorage.getItem('breadthfirst.board'))\
             .board.components[0].x; } catch (e) { return null; }",
        )
    };
    app.wait_for("the first save", || saved().is_number());
    let world_x = saved();
    let before = app.node_position(&id);
    let c = app.node_center(&id);
    app.driver
        .drag_holding(&[Key::Space], c, (c.0 + 90.0, c.1 + 40.0), 1);
    app.driver.release_actions();
    app.wait_for("the view to pan", || {
        let p = app.node_position(&id);
        (p.0 - before.0 - 90.0).abs() < 1.0 && (p.1 - before.1 - 40.0).abs() < 1.0
    });
    std::thread::sleep(std::time::Duration::from_millis(700));
    assert_eq!(saved(), world_x, "the component itself did not move");
    assert!(!app
        .driver
        .find("button[aria-label=\"Undo\"]")
        .prop("disabled")
        .as_bool()
        .unwrap());
}

/// Drags the palette button named `name` with the mouse and drops it at `at`.
fn drag_from_palette(app: &App, name: &str, at: (f64, f64)) {
    let from = app
        .driver
        .find(&format!("button[aria-label=\"{name}\"]"))
        .center();
    app.driver.drag(from, at, 10);
}

#[test]
fn dropping_a_palette_item_on_the_canvas_adds_it_where_it_was_dropped() {
    let _lock = browser_lock();
    let app = App::open();
    let canvas = canvas_rect(&app);
    let at = (canvas[0] + 160.0, canvas[1] + 120.0);
    drag_from_palette(&app, "Message queue", at);
    app.wait_for("the dropped queue", || app.count("[data-testid=node]") == 1);
    let node = &app.nodes()[0];
    assert_eq!(node.1, "message_queue");
    let c = app.node_center(&node.0);
    assert!(
        (c.0 - at.0).abs() < 2.0 && (c.1 - at.1).abs() < 2.0,
        "centred on the drop point: {c:?} vs {at:?}"
    );
    // A second drop on the same spot lands beside it, not on top.
    drag_from_palette(&app, "Worker", at);
    app.wait_for("the dropped worker", || {
        app.count("[data-testid=node]") == 2
    });
    let rects = app.js(
        "return [...document.querySelectorAll('[data-testid=node] .shape')].map(s => { \
         const r = s.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })",
    );
    let r: Vec<Vec<f64>> = serde_json::from_value(rects).unwrap();
    let overlap = r[0][0] < r[1][2] && r[1][0] < r[0][2] && r[0][1] < r[1][3] && r[1][1] < r[0][3];
    assert!(!overlap, "{r:?}");
}

#[test]
fn the_outline_lists_everything_and_its_inspector_edits_the_selection() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Client");
    app.add("SQL database");
    let ids: Vec<String> = app.nodes().into_iter().map(|n| n.0).collect();
    app.driver.press_keys(&[Key::Escape]);
    let rows = app.driver.find_all(".outline-row");
    assert_eq!(rows.len(), 2);
    rows[1].click();
    app.wait_for("the database to be selected", || {
        selected_ids(&app) == vec![ids[1].clone()]
    });
    let name = app.driver.find(".inspector input[type=text]");
    name.clear();
    name.send_keys("Orders DB\n");
    // Tab away, as a user leaves the field.
    app.driver.press_keys(&[Key::Tab]);
    app.wait_for("the inspector rename", || {
        app.nodes()[1].2.contains("Orders DB")
    });
    assert!(app.driver.find(".outline").text().contains("Orders DB"));
    app.driver.find(".inspector button.danger").click();
    app.wait_for("the delete", || app.count("[data-testid=node]") == 1);
    assert_eq!(app.driver.find_all(".outline-row").len(), 1);
}

#[test]
fn every_control_and_component_has_an_accessible_name() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Load balancer");
    app.add("Service");
    let unnamed = app.js(
        "return [...document.querySelectorAll('button, input, select, [data-testid=node], [data-testid=canvas]')]\
         .filter(e => !((e.getAttribute('aria-label') || '').trim() || e.textContent.trim() \
           || (e.labels && e.labels.length)))\
         .map(e => e.outerHTML.slice(0, 80))",
    );
    assert_eq!(unnamed, json!([]));
    let labels = app.js(
        "return [...document.querySelectorAll('[data-testid=node]')].map(n => n.getAttribute('aria-label'))",
    );
    assert_eq!(labels, json!(["Load balancer", "Service"]));
}

#[test]
fn the_dark_theme_follows_the_system_setting() {
    let _lock = browser_lock();
    let app = App::open();
    let background = || {
        app.js("return getComputedStyle(document.querySelector('[data-testid=canvas]')).backgroundColor")
    };
    let light = background();
    app.driver.cdp(
        "Emulation.setEmulatedMedia",
        json!({
            "features": [{"name": "prefers-color-scheme", "value": "dark"}]
        }),
    );
    app.add("Cache");
    app.add("Service");
    app.wait_for("dark colours", || background() != light);
    let channels: Vec<f64> = background()
        .as_str()
        .unwrap()
        .trim_start_matches("rgb(")
        .trim_end_matches(')')
        .split(',')
        .map(|c| c.trim().parse().unwrap())
        .collect();
    assert!(
        channels.iter().all(|c| *c < 60.0),
        "dark canvas: {channels:?}"
    );
    app.screenshot("dark.png");
}
