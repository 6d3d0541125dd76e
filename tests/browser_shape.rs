//! Shaping a box in a real browser: corner handles resize it, the inspector's swatches
//! paint it and its size fields resize it from the keyboard; all survive a reload.

mod support;

use support::app::App;
use support::{browser_lock, Key};

fn shape_size(app: &App, id: &str) -> (f64, f64) {
    let v = app.js(&format!(
        "const r = document.querySelector('[data-testid=node][data-id=\"{id}\"] .shape')\
         .getBoundingClientRect(); return [r.width, r.height];"
    ));
    (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
}

fn hue(app: &App, id: &str) -> String {
    app.driver
        .find(&format!("[data-testid=node][data-id=\"{id}\"]"))
        .attr("style")
        .unwrap_or_default()
}

#[test]
fn a_box_is_resized_by_its_handle_and_painted_from_the_inspector_and_both_are_saved() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Service");
    let id = app.nodes()[0].0.clone();
    app.driver.click_at(app.node_center(&id));
    app.wait_for("resize handles", || {
        app.count("[data-testid=resize-handle]") == 4
    });
    let (w0, h0) = shape_size(&app, &id);
    let handle = app
        .driver
        .find("[data-testid=resize-handle][data-corner=se]")
        .center();
    app.driver
        .drag(handle, (handle.0 + 80.0, handle.1 + 40.0), 8);
    app.wait_for("a bigger box", || {
        let (w, h) = shape_size(&app, &id);
        (w - (w0 + 80.0)).abs() < 2.0 && (h - (h0 + 40.0)).abs() < 2.0
    });
    // One undo step brings the old size back; redo the resize.
    app.driver.press_keys(&[Key::Ctrl, Key::Char('z')]);
    app.wait_for("the old size", || {
        (shape_size(&app, &id).0 - w0).abs() < 1.0
    });
    app.driver.press_keys(&[Key::Ctrl, Key::Char('y')]);
    app.wait_for("the new size again", || {
        (shape_size(&app, &id).0 - (w0 + 80.0)).abs() < 2.0
    });

    // Paint it teal, then set its width from the keyboard. Each swatch shows its
    // own colour.
    let shown = app.js("return new Set([...document.querySelectorAll('.swatch')]\
         .map(b => getComputedStyle(b).backgroundColor)).size");
    assert_eq!(shown, serde_json::json!(9), "nine distinct swatch colours");
    let before = hue(&app, &id);
    app.driver.find(".swatch[aria-label=teal]").click();
    app.wait_for("the teal swatch pressed", || {
        app.driver
            .find(".swatch[aria-label=teal]")
            .attr("aria-pressed")
            .as_deref()
            == Some("true")
    });
    app.wait_for("the box in teal", || hue(&app, &id).contains("--h: 175"));
    assert_ne!(before, hue(&app, &id));
    let width = app.driver.find(".size-field input");
    width.click();
    app.driver.press_keys(&[Key::Ctrl, Key::Char('a')]);
    app.driver.type_text("320");
    app.driver.press_keys(&[Key::Tab]);
    app.wait_for("320 wide", || (shape_size(&app, &id).0 - 320.0).abs() < 2.0);

    app.wait_saved(1);
    app.reload();
    app.wait_for("the box after reload", || app.nodes().len() == 1);
    let id = app.nodes()[0].0.clone();
    assert!((shape_size(&app, &id).0 - 320.0).abs() < 2.0);
    assert!(hue(&app, &id).contains("--h: 175"), "{}", hue(&app, &id));
    app.check_page();
}

#[test]
fn alt_drag_leaves_the_box_and_drags_a_copy() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Cache");
    let original = app.nodes()[0].0.clone();
    let at = app.node_center(&original);
    let before = app.node_position(&original);
    app.driver
        .drag_holding(&[Key::Alt], at, (at.0 + 30.0, at.1 + 160.0), 8);
    app.wait_for("a copy", || app.nodes().len() == 2);
    assert_eq!(app.node_position(&original), before, "the original stays");
    let copy = app
        .nodes()
        .into_iter()
        .map(|n| n.0)
        .find(|id| *id != original)
        .unwrap();
    let moved = app.node_position(&copy);
    assert!((moved.0 - before.0 - 30.0).abs() < 2.0 && (moved.1 - before.1 - 160.0).abs() < 2.0);
    app.driver.press_keys(&[Key::Ctrl, Key::Char('z')]);
    app.wait_for("undo removes the copy in one step", || {
        app.nodes().len() == 1
    });
    app.check_page();
}
