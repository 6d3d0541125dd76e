//! Export and import in headless Chromium: every "Export …" button downloads a
//! well-formed file named after the prompt and the day, "Copy Mermaid" fills the
//! clipboard, and importing restores a board (button or drop) while a bad file leaves
//! the board alone and says why.

mod common;
mod support;

use breadthfirst::core::editor::Viewport;
use breadthfirst::core::export::document::{to_document, Record};
use breadthfirst::core::persist;
use breadthfirst::core::prompt::catalog;
use breadthfirst::core::session::Session;
use common::fixture_text;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;
use support::app::App;
use support::downloads::{download_dir, downloaded};
use support::{browser_lock, Key};

/// Opens the app on a saved board, practising the URL shortener freely, with
/// downloads going to a fresh folder.
fn open_with_board(downloads: &Path) -> App {
    let app = App::open();
    app.driver.execute(
        "localStorage.setItem('breadthfirst.board', arguments[0]); return null;",
        vec![json!(fixture_text("complete-url-shortener.json"))],
    );
    app.reload();
    app.wait_for("the saved board", || app.count("[data-testid=node]") == 8);
    app.choose_prompt("url-shortener", false);
    app.allow_downloads(downloads);
    app
}

/// Opens the Export menu and clicks the item named `name`.
fn export(app: &App, name: &str) {
    app.driver.find(".export-menu summary").click();
    app.click_text(".export-menu [data-export]", name);
}

fn notice(app: &App) -> String {
    app.notice()
}

#[test]
fn every_export_button_downloads_a_well_formed_file() {
    let _lock = browser_lock();
    let dir = download_dir("exports");
    let app = open_with_board(&dir);
    let day = app.js(
        "const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') \
         + '-' + String(d.getDate()).padStart(2, '0');",
    );
    let stem = format!("url-shortener-{}", day.as_str().unwrap());
    let board = persist::from_json(&fixture_text("complete-url-shortener.json"))
        .unwrap()
        .board;

    app.driver.find(".export-menu summary").click();
    app.wait_for("the open menu", || {
        app.driver.find(".export-menu .menu").is_displayed()
    });
    app.screenshot("export-menu-open.png");
    app.driver.find(".export-menu summary").click();

    export(&app, "Export SVG");
    let svg = String::from_utf8(downloaded(&dir, &format!("{stem}.svg"))).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(svg.matches("<g transform=").count(), 8);
    assert!(notice(&app).contains(&format!("Exported {stem}.svg")));

    export(&app, "Export PNG");
    let png = downloaded(&dir, &format!("{stem}.png"));
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let svg_width: f64 = svg
        .split("width=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(f64::from(width), (svg_width * 2.0).round(), "drawn at 2x");

    export(&app, "Export JSON");
    let json_text = String::from_utf8(downloaded(&dir, &format!("{stem}.json"))).unwrap();
    let doc: Value = serde_json::from_str(&json_text).unwrap();
    assert_eq!(doc["format"], json!("breadthfirst"));
    assert_eq!(doc["prompt"], json!("url-shortener"));
    assert!(doc["check"]["items"]
        .as_array()
        .is_some_and(|i| !i.is_empty()));
    assert_eq!(persist::from_json(&json_text).unwrap().board, board);

    export(&app, "Export Mermaid");
    let mermaid = String::from_utf8(downloaded(&dir, &format!("{stem}.mmd"))).unwrap();
    assert!(mermaid.starts_with("flowchart LR\n"));
    assert_eq!(mermaid.matches("-->").count(), board.arrows().len());

    export(&app, "Export Excalidraw");
    let scene: Value =
        serde_json::from_slice(&downloaded(&dir, &format!("{stem}.excalidraw"))).unwrap();
    assert_eq!(scene["type"], json!("excalidraw"));
    assert_eq!(scene["version"], json!(2));

    export(&app, "Export Markdown");
    let md = String::from_utf8(downloaded(&dir, &format!("{stem}.md"))).unwrap();
    assert!(md.starts_with("# Debrief: Design a URL shortener"), "{md}");
    assert!(md.contains("## Checklist"));

    // Copying needs the clipboard permission a user grants by using the page.
    app.driver.cdp(
        "Browser.grantPermissions",
        json!({
            "origin": app.server.url().trim_end_matches('/'),
            "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]
        }),
    );
    export(&app, "Copy Mermaid");
    app.wait_for("the copy notice", || {
        notice(&app).contains("copied to the clipboard")
    });
    let copied = app.driver.execute_async(
        "const done = arguments[arguments.length - 1]; \
         navigator.clipboard.readText().then(done, e => done('error: ' + e));",
        vec![],
    );
    assert_eq!(copied.as_str(), Some(mermaid.as_str()));
    app.screenshot("export-menu.png");
    let errors = app.page_errors();
    assert!(errors.is_empty(), "{errors:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Hands `text` to the import as a file named `name`: chosen in the Import button's
/// file picker, or dropped on the canvas.
///
/// WebDriver cannot drive the OS file picker or an OS drag of a file, so the picker
/// is the standard WebDriver way (Element Send Keys of the file's path on its
/// `<input type=file>`), and the drop is Chromium's own input pipeline for drags
/// (DevTools `Input.dispatchDragEvent` through chromedriver, trusted events carrying
/// the file), at the canvas centre.
fn import(app: &App, name: &str, text: &str, drop: bool) {
    if !drop {
        return app.import_file(name, text);
    }
    let path = support::unique_temp_dir("breadthfirst-import").join(name);
    std::fs::write(&path, text).unwrap();
    let at = app.driver.find("[data-testid=canvas]").center();
    app.driver.drop_files(at, &[path.to_str().unwrap()]);
}

#[test]
fn import_restores_a_board_and_a_bad_file_changes_nothing() {
    let _lock = browser_lock();
    let dir = download_dir("imports");
    let app = open_with_board(&dir);
    let before = app.nodes();

    for (name, text, says) in [
        ("notes.txt", "just some notes", "not valid JSON"),
        (
            "future.json",
            "{\"format\":\"breadthfirst\",\"version\":99}",
            "99",
        ),
        (
            "other.json",
            "{\"format\":\"excalidraw\",\"version\":2}",
            "not a Breadthfirst",
        ),
    ] {
        import(&app, name, text, false);
        app.wait_for(&format!("the refusal of {name}"), || {
            notice(&app).contains(&format!("Could not import {name}"))
        });
        let message = notice(&app);
        assert!(message.contains(says), "{name}: {message}");
        assert!(message.contains("The board is unchanged."), "{message}");
        assert_eq!(app.nodes(), before, "{name} left the board alone");
    }

    // A good file, dropped on the canvas, replaces the board; Undo brings it back.
    import(
        &app,
        "narrow.json",
        &fixture_text("deep-but-narrow-notifications.json"),
        true,
    );
    app.wait_for("the imported board", || {
        app.count("[data-testid=node]") == 4
    });
    assert!(notice(&app).contains("Imported narrow.json"));
    app.driver.find("[data-testid=canvas]").click();
    app.driver.press_keys(&[Key::Ctrl, Key::Char('z')]);
    app.wait_for("undo to bring the old board back", || app.nodes() == before);

    // Through the button, with repairs named.
    let damaged = fixture_text("v1-damaged.json");
    import(&app, "damaged.json", &damaged, false);
    app.wait_for("the repaired import", || {
        notice(&app).contains("Imported damaged.json, with")
    });
    let expected = persist::from_json(&damaged).unwrap().board;
    assert_eq!(app.count("[data-testid=node]"), expected.components().len());

    // An exported file names its prompt: importing it outside a session practises it.
    let mut doc: Value =
        serde_json::from_str(&fixture_text("deep-but-narrow-notifications.json")).unwrap();
    doc["prompt"] = json!("notification-system");
    let title = breadthfirst::core::prompt::catalog()
        .into_iter()
        .find(|p| p.id == "notification-system")
        .unwrap()
        .title;
    import(&app, "notifications.json", &doc.to_string(), false);
    app.wait_for("the prompt of the imported file", || {
        notice(&app).contains(&format!("Practising {title}."))
    });
    assert!(app.driver.find(".prompt-panel").text().contains(&title));
    let errors = app.page_errors();
    assert!(errors.is_empty(), "{errors:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_imported_file_brings_back_its_finished_session_and_claims() {
    let _lock = browser_lock();
    let app = App::open();
    let prompt = catalog()
        .into_iter()
        .find(|p| p.id == "notification-system")
        .unwrap();
    let session = common::reviewed_session();
    let claims: BTreeSet<String> = ["flow:fanout".to_string()].into();
    let text = to_document(
        &common::fixture("deep-but-narrow-notifications.json"),
        &Viewport::default(),
        &Record {
            prompt: Some(&prompt),
            session: Some(&session),
            timeline: None,
            report: None,
            claims: &claims,
            date: "2026-11-22",
        },
    );
    import(&app, "practice.json", &text, false);
    app.wait_for("the session and its review back", || {
        app.js("return localStorage.getItem('breadthfirst.session') !== null") == json!(true)
            && app.count("[data-testid=review] [data-testid=coverage]") == 1
    });
    assert!(notice(&app).contains("Its timed session's review is back too."));
    assert!(
        app.driver
            .find("[data-testid=review] h2")
            .text()
            .starts_with("Review"),
        "the review of the imported session"
    );
    assert_eq!(
        app.js("return localStorage.getItem('breadthfirst.claims.notification-system')"),
        json!("flow:fanout")
    );
    let stored: Session = serde_json::from_str(
        app.js("return localStorage.getItem('breadthfirst.session')")
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(stored, session);
    let errors = app.page_errors();
    assert!(errors.is_empty(), "{errors:?}");
}
