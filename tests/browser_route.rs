//! Arrow routing in a real headless Chromium on the release build (issue 14): an
//! elbow arrow goes around a box between its ends, its label is drawn above the boxes,
//! and the arrow can be made straight (one segment) and back.

mod support;

use serde_json::{json, Value};
use support::app::App;
use support::{browser_lock, Key};

/// The route of the arrow's line in viewport pixels: its path's points mapped through
/// the path's screen transform.
const ROUTE: &str = r#"
const path = document.querySelector('[data-testid=edge] .edge-line');
const m = path.getScreenCTM();
const nums = path.getAttribute('d').match(/-?[0-9.]+/g).map(Number);
const out = [];
for (let i = 0; i + 1 < nums.length; i += 2) {
  const p = new DOMPoint(nums[i], nums[i + 1]).matrixTransform(m);
  out.push([p.x, p.y]);
}
return out;
"#;

fn route(app: &App) -> Vec<(f64, f64)> {
    let v = app.js(ROUTE);
    serde_json::from_value::<Vec<(f64, f64)>>(v).expect("route points")
}

/// Client rect [left, top, right, bottom] of the first element matching `css`.
fn client_rect(app: &App, css: &str) -> [f64; 4] {
    let v = app.driver.execute(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect(); \
         return [r.left, r.top, r.right, r.bottom];",
        vec![json!(css)],
    );
    serde_json::from_value(v).expect("a rect")
}

/// Whether the axis-aligned segment from `a` to `b` passes through the inside of `r`.
fn crosses(a: (f64, f64), b: (f64, f64), r: [f64; 4]) -> bool {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    x0 < r[2] && x1 > r[0] && y0 < r[3] && y1 > r[1]
}

#[test]
fn an_elbow_arrow_goes_around_a_box_between_its_ends_and_its_label_shows_above_boxes() {
    let _lock = browser_lock();
    let app = App::open();
    for _ in 0..3 {
        app.add("Service");
    }
    let ids: Vec<String> = app.nodes().into_iter().map(|n| n.0).collect();
    let canvas = client_rect(&app, "[data-testid=canvas]");
    let (cx, cy) = ((canvas[0] + canvas[2]) / 2.0, canvas[1] + 140.0);
    // Three boxes in a row, 280 px apart, dragged there with the pointer.
    for (id, dx) in ids.iter().zip([-280.0, 0.0, 280.0]) {
        app.driver.drag(app.node_center(id), (cx + dx, cy), 10);
    }
    for (id, dx) in ids.iter().zip([-280.0, 0.0, 280.0]) {
        let (x, y) = app.node_center(id);
        assert!(
            (x - (cx + dx)).abs() < 2.0 && (y - cy).abs() < 2.0,
            "{id} at {x},{y}"
        );
    }
    let (left, middle, right) = (&ids[0], &ids[1], &ids[2]);

    // Connect the outer two by dragging the left box's handle onto the right box.
    app.driver.hover(app.node_center(left));
    app.wait_for("handles to show", || {
        app.count(&format!("[data-testid=handle][data-id=\"{left}\"]")) > 0
    });
    let handle = app
        .driver
        .find(&format!("[data-testid=handle][data-id=\"{left}\"]"))
        .center();
    app.driver.drag(handle, app.node_center(right), 8);
    app.wait_for("an arrow", || app.count("[data-testid=edge]") == 1);
    assert_eq!(app.edges(), vec![(left.clone(), right.clone())]);
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the arrow label editor", || {
        app.count("input.inline-edit") == 1
    });
    app.driver.type_text("POST /notify");
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the label", || app.count("[data-testid=edge-label]") == 1);

    // The route bends around the middle box.
    let wall = client_rect(
        &app,
        &format!("[data-testid=node][data-id=\"{middle}\"] .shape"),
    );
    let points = route(&app);
    assert!(points.len() >= 4, "an elbow route: {points:?}");
    for w in points.windows(2) {
        assert!(
            w[0].0 == w[1].0 || w[0].1 == w[1].1 || (w[0].0 - w[1].0).abs() < 0.01,
            "orthogonal segments: {points:?}"
        );
        assert!(
            !crosses(w[0], w[1], wall),
            "segment {w:?} crosses the middle box {wall:?}"
        );
    }

    // The label is drawn over everything: each point of it hits the label.
    let label = client_rect(&app, "[data-testid=edge-label] rect");
    let (lx, ly) = ((label[0] + label[2]) / 2.0, (label[1] + label[3]) / 2.0);
    let probes = [
        (lx, ly),
        (label[0] + 2.0, label[1] + 2.0),
        (label[2] - 2.0, label[3] - 2.0),
    ];
    for (x, y) in probes {
        let hit = app.driver.execute(
            "const e = document.elementFromPoint(arguments[0], arguments[1]); \
             return e && e.closest('[data-testid=edge-label]') !== null;",
            vec![json!(x), json!(y)],
        );
        assert_eq!(hit, Value::Bool(true), "the label is hidden at {x},{y}");
    }
    let text = app.driver.find("[data-testid=edge-label] text").text();
    assert_eq!(text, "POST /notify");

    // Clicking the label selects the arrow; the inspector makes it straight.
    app.driver.click_at((lx, ly));
    app.wait_for("the arrow inspector", || {
        app.count("[data-testid=arrow-route]") == 1
    });
    let toggle = app.driver.find("[data-testid=arrow-route]");
    assert_eq!(toggle.text(), "Straight arrow");
    toggle.click();
    app.wait_for("a straight arrow", || route(&app).len() == 2);
    assert_eq!(
        app.driver.find("[data-testid=arrow-route]").text(),
        "Elbow arrow"
    );
    // Undo brings the elbow back.
    app.driver.press_keys(&[Key::Ctrl, Key::Char('z')]);
    app.wait_for("the elbow route back", || route(&app).len() >= 4);
    app.check_page();
}
