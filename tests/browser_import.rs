//! Importing other apps' files in headless Chromium, through the real file input: an
//! Excalidraw scene (its free text and frame included) and a Mermaid flowchart replace
//! the board (one step Ctrl+Z undoes) and the notice reports what was converted and
//! left out; a malformed file
//! leaves the board alone and says what is wrong. Ctrl+V pastes boxes copied on the
//! board, and adds a Mermaid flowchart copied as text beside them.

mod common;
mod support;

use common::fixture_text;

use support::app::App;
use support::{browser_lock, Key};

#[test]
fn excalidraw_and_mermaid_files_import_with_a_report_and_bad_ones_change_nothing() {
    let _lock = browser_lock();
    let app = App::open();
    let input = app.driver.find("input[type=file]");
    let accept = input.attr("accept").unwrap_or_default();
    for ext in [".json", ".excalidraw", ".mmd", ".mermaid", ".md"] {
        assert!(accept.split(',').any(|a| a == ext), "{ext} in {accept}");
    }
    let label = input.attr("aria-label").unwrap_or_default();
    assert!(
        label.contains("Excalidraw") && label.contains("Mermaid"),
        "{label}"
    );

    app.add("Service");
    let before = app.nodes();

    app.import_file("scene.excalidraw", &fixture_text("scene.excalidraw"));
    app.wait_for("the imported scene", || {
        app.count("[data-testid=node]") == 7
    });
    app.wait_for("the scene's report", || {
        app.notice().contains("Imported scene.excalidraw")
    });
    let notice = app.notice();
    assert!(
        notice.starts_with(
            "Imported scene.excalidraw: 7 components, 6 arrows, 3 texts, 1 frame; left out 1 empty shape"
        ),
        "{notice}"
    );
    // Free text and the frame come through as free text and a frame.
    assert_eq!(app.count("[data-testid=text][data-kind=text]"), 3);
    assert_eq!(app.count("[data-testid=frame]"), 1);
    assert!(notice.contains("Undo (Ctrl+Z)"), "{notice}");
    assert_eq!(app.edges().len(), 6);
    let kinds: Vec<String> = app.nodes().into_iter().map(|(_, kind, _)| kind).collect();
    for kind in [
        "client",
        "load_balancer",
        "cache",
        "sql_database",
        "message_queue",
        "worker",
    ] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }

    // One step: Undo brings the board before the import back.
    app.driver.find("[data-testid=canvas]").click();
    app.driver.press_keys(&[Key::Ctrl, Key::Char('z')]);
    app.wait_for("undo to bring the old board back", || app.nodes() == before);

    app.import_file("flowchart.mmd", &fixture_text("flowchart.mmd"));
    app.wait_for("the imported flowchart", || {
        app.count("[data-testid=node]") == 14
    });
    app.wait_for("the flowchart's report", || {
        app.notice()
            .contains("Imported flowchart.mmd: 14 components, 14 arrows")
    });
    assert!(
        app.notice().contains("1 subgraph (\"Payments\""),
        "{}",
        app.notice()
    );
    let imported = app.nodes();

    // Malformed files: the board stays as it is and the notice says what is wrong.
    let scene = fixture_text("scene.excalidraw");
    for (name, text, says) in [
        (
            "bad.mmd",
            "flowchart TD\n  a[A] --> b[B]\n  b -> c\n".to_string(),
            "line 3, column 5",
        ),
        (
            "cut.excalidraw",
            scene[..scene.len() / 3].to_string(),
            "not valid JSON",
        ),
        (
            "other.json",
            "{\"type\": \"tldraw\"}".to_string(),
            "not a Breadthfirst board or an Excalidraw scene",
        ),
    ] {
        app.import_file(name, &text);
        app.wait_for(&format!("the refusal of {name}"), || {
            app.notice().contains(&format!("Could not import {name}"))
        });
        let notice = app.notice();
        assert!(notice.contains(says), "{name}: {notice}");
        assert!(notice.contains("The board is unchanged."), "{notice}");
        assert_eq!(app.nodes(), imported, "{name} left the board alone");
    }
    let errors = app.page_errors();
    assert!(errors.is_empty(), "{errors:?}");
}

/// Copies `text` to the system clipboard the way a user does: typed into a text
/// field (a box's Details note), selected with Ctrl+A and copied with Ctrl+C.
fn copy_text_from_a_note(app: &App, text: &str) {
    let note = app.driver.find("textarea[data-note=details]");
    note.click();
    app.driver.type_text(text);
    app.driver.press_keys(&[Key::Ctrl, Key::Char('a')]);
    app.driver.press_keys(&[Key::Ctrl, Key::Char('c')]);
}

/// Clicks empty board, so the keys go to the board.
fn focus_the_board(app: &App) {
    let canvas = app.driver.find("[data-testid=canvas]");
    let (x, y) = canvas.center();
    app.driver.click_at((x + 200.0, y + 150.0));
}

#[test]
fn ctrl_v_pastes_copied_boxes_and_a_mermaid_flowchart_copied_from_elsewhere() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Service");
    // Copied on the board, pasted on the board: the boxes, beside the originals.
    app.driver.press_keys(&[Key::Ctrl, Key::Char('c')]);
    app.driver.press_keys(&[Key::Ctrl, Key::Char('v')]);
    app.wait_for("the copy to be pasted", || {
        app.count("[data-testid=node]") == 2
    });

    // Mermaid text copied from a text field (as from another app or a document):
    // the pasted box is selected, so its note is in the panel.
    copy_text_from_a_note(
        &app,
        "flowchart LR\n  web[Browser] --> api[Orders API]\n  api -->|writes| db[(Postgres)]\n  api -.-> q[[Kafka]]",
    );
    focus_the_board(&app);
    let before = app.nodes();
    app.driver.press_keys(&[Key::Ctrl, Key::Char('v')]);
    app.wait_for("the flowchart to be pasted beside the boxes", || {
        app.count("[data-testid=node]") == before.len() + 4
    });
    app.wait_for("the paste's report", || {
        app.notice().contains("Imported the pasted text")
    });
    let notice = app.notice();
    assert!(notice.contains("4 components, 3 arrows"), "{notice}");
    assert!(notice.contains("Undo (Ctrl+Z)"), "{notice}");
    let names: Vec<String> = app.nodes().into_iter().map(|(_, _, name)| name).collect();
    for name in [
        "Browser (Client)",
        "Postgres (SQL database)",
        "Kafka (Message queue)",
    ] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
    assert!(app.edges().len() >= 3);
    // The pasted boxes are selected; the earlier ones are still there.
    let selected = app.count("[data-testid=node][aria-pressed=true]");
    assert_eq!(selected, 4);

    // One undo takes the whole paste away.
    app.driver.press_keys(&[Key::Ctrl, Key::Char('z')]);
    app.wait_for("undo to take the paste away", || app.nodes() == before);
    app.check_page();
}
