//! Touch in a real browser, through WebDriver touch input: one finger drags a box,
//! two fingers pinch-zoom and pan the view, a long press opens the box's actions.

mod support;

use support::app::App;
use support::browser_lock;

fn zoom_text(app: &App) -> u32 {
    app.driver
        .find(".zoom-level")
        .text()
        .trim_end_matches('%')
        .parse()
        .unwrap()
}

#[test]
fn a_finger_drags_a_box_and_two_fingers_pinch_zoom_and_pan() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Service");
    let id = app.nodes()[0].0.clone();
    let at = app.node_center(&id);
    let before = app.node_position(&id);
    app.driver.touch_drag(at, (at.0 + 80.0, at.1 + 50.0), 8);
    app.wait_moved_by(&id, before, (80.0, 50.0));
    assert_eq!(zoom_text(&app), 100);

    // Spread two fingers from 100 to 200 px apart on empty board: zoom 200%.
    let canvas = app.driver.find("[data-testid=canvas]").center();
    let centre = (canvas.0 - 200.0, canvas.1 + 120.0);
    let box_before = app.node_position(&id);
    app.driver.pinch(centre, 100.0, 200.0, (0.0, 0.0), 10);
    app.wait_for("200% zoom", || zoom_text(&app) == 200);
    assert_eq!(app.nodes().len(), 1, "a pinch adds nothing");
    // The box moved away from the pinch centre, twice as far as it was.
    let box_after = app.node_position(&id);
    let (dx0, dx1) = (box_before.0 - centre.0, box_after.0 - centre.0);
    assert!((dx1 - 2.0 * dx0).abs() < 4.0, "{dx0} -> {dx1}");

    // Two fingers moving together pan: the box follows them.
    let before_pan = app.node_position(&id);
    app.driver.pinch(centre, 150.0, 150.0, (60.0, -40.0), 10);
    app.wait_moved_by(&id, before_pan, (60.0, -40.0));
    assert_eq!(zoom_text(&app), 200);
    app.check_page();
}

#[test]
fn a_long_press_on_a_box_selects_it_and_opens_its_actions() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Cache");
    app.add("Worker");
    let id = app.nodes()[0].0.clone();
    let before = app.node_position(&id);
    app.driver.long_press(app.node_center(&id), 900);
    app.wait_for("the box selected", || {
        app.driver
            .find(&format!("[data-testid=node][data-id=\"{id}\"]"))
            .attr("aria-pressed")
            .as_deref()
            == Some("true")
    });
    app.wait_for("focus in its name field", || {
        app.js("return document.activeElement.closest('.inspector') !== null")
            == serde_json::json!(true)
    });
    assert_eq!(app.node_position(&id), before, "a long press moves nothing");
    app.check_page();
}

#[test]
fn a_pen_draws_an_arrow_from_a_selected_box_handle() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Service");
    app.add("Cache");
    let nodes = app.nodes();
    let (service, cache) = (nodes[0].0.clone(), nodes[1].0.clone());
    // A tap of the pen selects the service, which shows its handles.
    let at = app.node_center(&service);
    app.driver.pen_drag(at, at, 1);
    app.wait_for("handles to show", || {
        app.count(&format!("[data-testid=handle][data-id=\"{service}\"]")) > 0
    });
    let handle = app
        .driver
        .find(&format!("[data-testid=handle][data-id=\"{service}\"]"))
        .center();
    app.driver.pen_drag(handle, app.node_center(&cache), 8);
    app.wait_for("an arrow", || app.count("[data-testid=edge]") == 1);
    assert_eq!(app.edges(), vec![(service, cache)]);
    app.check_page();
}
