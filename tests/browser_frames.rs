//! Frames, free text and sticky notes in a real browser: a frame added from the
//! palette around two selected boxes, titled in the inline editor and dragged by its
//! title with the boxes inside; text and a sticky note typed into; all kept on reload.

mod support;

use support::app::App;
use support::{browser_lock, Key};

/// Client rect (x, y, width, height) of the first element matching `css`.
fn client_rect(app: &App, css: &str) -> (f64, f64, f64, f64) {
    let v = app.driver.execute(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect(); \
         return [r.x, r.y, r.width, r.height];",
        vec![serde_json::json!(css)],
    );
    let n = |i: usize| v[i].as_f64().unwrap();
    (n(0), n(1), n(2), n(3))
}

/// The lines of an element's label, joined with spaces.
fn shown_text(app: &App, css: &str) -> String {
    let v = app.driver.execute(
        "const el = document.querySelector(arguments[0]); \
         return el ? [...el.querySelectorAll('tspan')].map(t => t.textContent).join(' ') : '';",
        vec![serde_json::json!(css)],
    );
    v.as_str().unwrap_or_default().to_string()
}

fn type_into_inline_editor(app: &App, text: &str) {
    app.wait_for("the inline editor", || app.count("input.inline-edit") == 1);
    app.driver.type_text(text);
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the editor to close", || {
        app.count("input.inline-edit") == 0
    });
}

#[test]
fn a_frame_around_two_boxes_is_titled_and_dragged_by_its_title_with_them() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Service");
    app.add("SQL database");
    let ids: Vec<String> = app.nodes().into_iter().map(|n| n.0).collect();
    app.driver.click_at(app.node_center(&ids[0]));
    app.driver
        .click_at_holding(&[Key::Shift], app.node_center(&ids[1]));
    app.wait_for("both boxes selected", || app.count(".node.selected") == 2);

    app.driver.find("button[aria-label=\"Frame\"]").click();
    app.wait_for("a frame", || app.count("[data-testid=frame]") == 1);
    type_into_inline_editor(&app, "Write path");
    app.wait_for("the title", || {
        shown_text(&app, "[data-testid=frame]") == "Write path"
    });
    // The frame surrounds both boxes, which stay boxes (nodes), not notes.
    let frame = client_rect(&app, "[data-testid=frame] .shape");
    for id in &ids {
        let (x, y, w, h) = client_rect(
            &app,
            &format!("[data-testid=node][data-id=\"{id}\"] .shape"),
        );
        assert!(
            x > frame.0 && y > frame.1 && x + w < frame.0 + frame.2 && y + h < frame.1 + frame.3,
            "box {id} at {:?} is inside the frame {frame:?}",
            (x, y, w, h)
        );
    }
    assert_eq!(app.count("[data-testid=node]"), 2);
    app.screenshot("frames.png");

    // Drag the frame by its title: both boxes come along.
    let before: Vec<(f64, f64)> = ids.iter().map(|id| app.node_position(id)).collect();
    let title = app.driver.find("[data-testid=frame] .label").center();
    app.driver.drag(title, (title.0 + 120.0, title.1 + 80.0), 8);
    app.wait_for("the frame to move", || {
        let now = client_rect(&app, "[data-testid=frame] .shape");
        (now.0 - frame.0 - 120.0).abs() < 2.0 && (now.1 - frame.1 - 80.0).abs() < 2.0
    });
    for (id, was) in ids.iter().zip(&before) {
        let now = app.node_position(id);
        assert!(
            (now.0 - was.0 - 120.0).abs() < 2.0 && (now.1 - was.1 - 80.0).abs() < 2.0,
            "box {id} moved from {was:?} to {now:?}"
        );
    }
    // One undo step puts the frame and both boxes back.
    app.driver.press_keys(&[Key::Ctrl, Key::Char('z')]);
    app.wait_for("everything back", || {
        ids.iter()
            .zip(&before)
            .all(|(id, was)| (app.node_position(id).0 - was.0).abs() < 1.0)
            && (client_rect(&app, "[data-testid=frame] .shape").0 - frame.0).abs() < 1.0
    });
    app.driver.press_keys(&[Key::Ctrl, Key::Char('y')]);

    app.wait_saved(3);
    app.reload();
    app.wait_for("the frame after reload", || {
        app.count("[data-testid=frame]") == 1 && app.count("[data-testid=node]") == 2
    });
    assert_eq!(shown_text(&app, "[data-testid=frame]"), "Write path");
    app.check_page();
}

#[test]
fn text_and_a_sticky_note_are_typed_into_listed_apart_and_kept_on_reload() {
    let _lock = browser_lock();
    let app = App::open();
    app.driver.find("button[aria-label=\"Text\"]").click();
    type_into_inline_editor(&app, "Reads hit the replica");
    app.driver
        .find("button[aria-label=\"Sticky note\"]")
        .click();
    type_into_inline_editor(&app, "Ask about the p99 <budget> & cost");
    let text = "[data-testid=text][data-kind=text]";
    let sticky = "[data-testid=text][data-kind=sticky]";
    app.wait_for("both notes", || {
        shown_text(&app, text) == "Reads hit the replica"
            && shown_text(&app, sticky) == "Ask about the p99 <budget> & cost"
    });
    // Notes are not components: no node, no connection dots, listed but not counted.
    assert_eq!(app.count("[data-testid=node]"), 0);
    assert_eq!(app.count("[data-testid=handle]"), 0);
    assert_eq!(app.driver.find("#outline-components .count").text(), "0");
    assert_eq!(app.count(".outline-row"), 2);
    app.screenshot("notes.png");

    app.wait_saved(2);
    app.reload();
    app.wait_for("both notes after reload", || {
        shown_text(&app, text) == "Reads hit the replica"
            && shown_text(&app, sticky) == "Ask about the p99 <budget> & cost"
    });
    app.check_page();
}
