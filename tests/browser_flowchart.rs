//! Mapping at the speed of speech in a real browser: Ctrl+Arrow grows a connected box
//! and opens its name, Alt+Arrow walks the arrows, Ctrl+Shift+Arrow aligns, `?` shows
//! every shortcut. Real keys and pointer input through WebDriver.

mod support;

use support::app::App;
use support::{browser_lock, Key};

/// The id of the only node whose text contains `text`.
fn node_named(app: &App, text: &str) -> String {
    let found: Vec<_> = app
        .nodes()
        .into_iter()
        .filter(|n| n.2.contains(text))
        .collect();
    assert_eq!(found.len(), 1, "one node named {text}: {found:?}");
    found[0].0.clone()
}

fn selected(app: &App) -> Vec<String> {
    app.nodes()
        .into_iter()
        .map(|n| n.0)
        .filter(|id| {
            app.driver
                .find(&format!("[data-testid=node][data-id=\"{id}\"]"))
                .attr("aria-pressed")
                .as_deref()
                == Some("true")
        })
        .collect()
}

#[test]
fn ctrl_arrow_grows_a_named_chain_and_alt_arrow_walks_it() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Service");
    let first = app.nodes()[0].0.clone();
    app.driver.click_at(app.node_center(&first));
    app.driver.press_keys(&[Key::Ctrl, Key::ArrowRight]);
    app.wait_for("the new box's name field", || {
        app.count("input.inline-edit") == 1
    });
    app.driver.type_text("Shortener API");
    // Ctrl+Arrow inside the name field keeps the name and grows the next box.
    app.driver.press_keys(&[Key::Ctrl, Key::ArrowRight]);
    app.wait_for("a third box", || app.nodes().len() == 3);
    app.wait_for("its name field", || app.count("input.inline-edit") == 1);
    app.driver.type_text("Link store");
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("the editor to close", || {
        app.count("input.inline-edit") == 0
    });

    let api = node_named(&app, "Shortener API");
    let store = node_named(&app, "Link store");
    let kinds: Vec<String> = app.nodes().into_iter().map(|n| n.1).collect();
    assert_eq!(
        kinds,
        ["service", "service", "service"],
        "the source's kind"
    );
    let mut edges = app.edges();
    edges.sort();
    let mut expected = vec![(first.clone(), api.clone()), (api.clone(), store.clone())];
    expected.sort();
    assert_eq!(edges, expected);
    let (x0, y0) = app.node_position(&first);
    let (x1, y1) = app.node_position(&api);
    let (x2, y2) = app.node_position(&store);
    assert!(x0 < x1 && x1 < x2, "left to right: {x0} {x1} {x2}");
    assert!(
        (y0 - y1).abs() < 1.0 && (y1 - y2).abs() < 1.0,
        "one row: {y0} {y1} {y2}"
    );

    // The last box is selected; Alt+Arrow walks back along the arrows.
    assert_eq!(selected(&app), std::slice::from_ref(&store));
    app.driver.press_keys(&[Key::Alt, Key::ArrowLeft]);
    app.wait_for("the middle box selected", || {
        selected(&app) == [api.clone()]
    });
    app.driver.press_keys(&[Key::Alt, Key::ArrowLeft]);
    app.wait_for("the first box selected", || {
        selected(&app) == [first.clone()]
    });
    // Nothing is connected further left: the selection stays.
    app.driver.press_keys(&[Key::Alt, Key::ArrowLeft]);
    assert_eq!(selected(&app), std::slice::from_ref(&first));
    assert_eq!(app.nodes().len(), 3, "walking adds nothing");
    app.check_page();
}

#[test]
fn ctrl_shift_arrow_aligns_the_selected_boxes() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Cache");
    app.add("Worker");
    let ids: Vec<String> = app.nodes().into_iter().map(|n| n.0).collect();
    // Move the second box down and right by dragging it.
    let (cx, cy) = app.node_center(&ids[1]);
    app.driver.drag((cx, cy), (cx + 60.0, cy + 140.0), 6);
    let (_, ya) = app.node_position(&ids[0]);
    let (_, yb) = app.node_position(&ids[1]);
    assert!((ya - yb).abs() > 20.0, "apart first: {ya} {yb}");
    app.driver.click_at(app.node_center(&ids[0]));
    app.driver
        .click_at_holding(&[Key::Shift], app.node_center(&ids[1]));
    app.wait_for("both selected", || selected(&app).len() == 2);
    app.driver
        .press_keys(&[Key::Ctrl, Key::Shift, Key::ArrowUp]);
    app.wait_for("top edges aligned", || {
        let (_, a) = app.node_position(&ids[0]);
        let (_, b) = app.node_position(&ids[1]);
        (a - b).abs() < 0.5
    });
    let (_, top) = app.node_position(&ids[1]);
    assert!((top - ya.min(yb)).abs() < 0.5, "on the higher edge");
    app.driver.press_keys(&[Key::Ctrl, Key::Char('z')]);
    app.wait_for("undo in one step", || {
        (app.node_position(&ids[1]).1 - yb).abs() < 0.5
    });
    app.check_page();
}

#[test]
fn question_mark_and_the_status_bar_open_the_shortcut_sheet() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Service");
    let id = app.nodes()[0].0.clone();
    app.driver.click_at(app.node_center(&id));
    app.driver.press_keys(&[Key::Shift, Key::Char('?')]);
    app.wait_for("the sheet", || {
        app.count("dialog.shortcut-sheet[open]") == 1
    });
    let text = app.driver.find("dialog.shortcut-sheet").text();
    for line in [
        "Ctrl+Arrow",
        "Add a connected box",
        "Shift+2",
        "Zoom to the selection",
    ] {
        assert!(text.contains(line), "{line} missing from:\n{text}");
    }
    // Keys stay in the dialog: Delete does not delete the selected box behind it.
    app.driver.press_keys(&[Key::Delete]);
    assert_eq!(app.nodes().len(), 1);
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("the sheet to close", || {
        app.count("dialog.shortcut-sheet[open]") == 0
    });
    app.driver
        .find("button[aria-label=\"Keyboard shortcuts\"]")
        .click();
    app.wait_for("the sheet from the status bar", || {
        app.count("dialog.shortcut-sheet[open]") == 1
    });
    app.driver
        .find("dialog.shortcut-sheet button[aria-label=\"Close\"]")
        .click();
    app.wait_for("closed again", || {
        app.count("dialog.shortcut-sheet[open]") == 0
    });
    app.check_page();
}

#[test]
fn quick_add_turns_a_typed_name_into_a_box_of_the_right_kind() {
    let _lock = browser_lock();
    let app = App::open();
    // "/" opens the field; the catalogue gives the kind.
    app.driver.press_keys(&[Key::Char('/')]);
    app.wait_for("the quick-add field", || app.count("input.quick-add") == 1);
    app.driver.type_text("redis cache");
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("a cache named Redis cache", || {
        app.nodes()
            .iter()
            .any(|n| n.1 == "cache" && n.2.starts_with("Redis cache"))
    });
    assert_eq!(app.count("input.quick-add"), 0);
    let cache = node_named(&app, "Redis cache");
    assert_eq!(
        selected(&app),
        std::slice::from_ref(&cache),
        "the new box is selected"
    );

    // A double-click on empty board opens it there.
    let canvas = app.driver.find("[data-testid=canvas]").center();
    let spot = (canvas.0 - 250.0, canvas.1 + 150.0);
    app.driver.double_click_at(spot);
    app.wait_for("the field again", || app.count("input.quick-add") == 1);
    app.driver.type_text("kafka");
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("a message queue named Kafka", || {
        app.nodes()
            .iter()
            .any(|n| n.1 == "message_queue" && n.2.starts_with("Kafka"))
    });
    let kafka = node_named(&app, "Kafka");
    let (x, y) = app.node_center(&kafka);
    assert!(
        (x - spot.0).abs() < 120.0 && (y - spot.1).abs() < 80.0,
        "near the double-click: {x},{y}"
    );

    // Escape closes it and adds nothing; so does an empty name.
    app.driver.press_keys(&[Key::Char('/')]);
    app.wait_for("the field a third time", || {
        app.count("input.quick-add") == 1
    });
    app.driver.type_text("postgres");
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("the field closed", || app.count("input.quick-add") == 0);
    app.driver.press_keys(&[Key::Char('/')]);
    app.wait_for("the field once more", || app.count("input.quick-add") == 1);
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for("closed on an empty name", || {
        app.count("input.quick-add") == 0
    });
    assert_eq!(app.nodes().len(), 2);
    app.check_page();
}

#[test]
fn ctrl_g_groups_boxes_that_are_then_selected_together_and_ctrl_shift_g_ungroups() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Cache");
    app.add("Worker");
    app.add("Service");
    let ids: Vec<String> = app.nodes().into_iter().map(|n| n.0).collect();
    app.driver.click_at(app.node_center(&ids[0]));
    app.driver
        .click_at_holding(&[Key::Shift], app.node_center(&ids[1]));
    app.wait_for("two selected", || selected(&app).len() == 2);
    app.driver.press_keys(&[Key::Ctrl, Key::Char('g')]);
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("nothing selected", || selected(&app).is_empty());
    app.driver.click_at(app.node_center(&ids[1]));
    app.wait_for("the group selected by one click", || {
        let mut s = selected(&app);
        s.sort();
        let mut want = vec![ids[0].clone(), ids[1].clone()];
        want.sort();
        s == want
    });
    app.driver
        .press_keys(&[Key::Ctrl, Key::Shift, Key::Char('g')]);
    app.driver.press_keys(&[Key::Escape]);
    app.driver.click_at(app.node_center(&ids[1]));
    app.wait_for("one box after ungrouping", || {
        selected(&app) == [ids[1].clone()]
    });
    app.check_page();
}
