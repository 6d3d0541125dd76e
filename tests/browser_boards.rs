//! Many boards in headless Chromium: the Boards dialog creates, opens, renames,
//! duplicates and deletes boards (with undo), each keeping its own prompt; backups are
//! listed and restored; and a tab whose board another tab put away keeps its version
//! without losing the other board.

mod support;

use breadthfirst::core::prompt::catalog;
use serde_json::{json, Value};
use std::time::Duration;
use support::app::App;
use support::{browser_lock, Key};

fn open_boards(app: &App) {
    app.driver.find("button[aria-label=\"Boards\"]").click();
    app.wait_for("the boards list", || {
        app.count("[data-testid=boards] [data-rename]") > 0
    });
}

/// Names in the list, in order.
fn names(app: &App) -> Vec<String> {
    let v = app.js(
        "return [...document.querySelectorAll('[data-testid=boards] [data-rename]')].map(i => i.value)",
    );
    v.as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect()
}

/// Clicks the dialog button whose accessible name is `name`.
fn click(app: &App, name: &str) {
    // "New board" is named by its text; the others by labels naming their board.
    let css = if name == "New board" {
        "[data-testid=boards] button[data-new]".to_string()
    } else {
        format!("[data-testid=boards] button[aria-label=\"{name}\"]")
    };
    app.driver.find(&css).click();
}

/// Clicks a button that reloads the page, and waits for the app to come back.
fn click_and_reload(app: &App, name: &str) {
    app.js("window.__before_reload = true; return null;");
    click(app, name);
    app.wait_for("the page to reload", || {
        app.js("return window.__before_reload === undefined && !!document.querySelector('[data-testid=canvas]')")
            == json!(true)
    });
}

fn labels(app: &App) -> Vec<String> {
    let mut labels: Vec<String> = app.nodes().into_iter().map(|n| n.2).collect();
    labels.sort();
    labels
}

fn title(app: &App) -> String {
    app.js("return document.title")
        .as_str()
        .unwrap()
        .to_string()
}

/// Renames the board listed at `index` as a user does: click its name, select the
/// text, type the new name, press Enter.
fn rename(app: &App, index: usize, name: &str) {
    app.driver.find_all("[data-testid=boards] [data-rename]")[index].click();
    app.driver.press_keys(&[Key::Ctrl, Key::Char('a')]);
    app.driver.type_text(name);
    app.driver.press_keys(&[Key::Enter]);
}

fn keys_with(app: &App, prefix: &str) -> Value {
    app.driver.execute(
        "return Object.keys(localStorage).filter(k => k.startsWith(arguments[0])).sort()",
        vec![json!(prefix)],
    )
}

#[test]
fn boards_are_created_opened_renamed_duplicated_deleted_and_restored() {
    let _lock = browser_lock();
    let app = App::open();
    let prompt = catalog()[0].clone();
    app.choose_prompt(&prompt.id, false);
    app.add("Service");
    app.add("Cache");
    app.wait_saved(2);

    // The first board is listed as it is, and can be renamed.
    open_boards(&app);
    assert_eq!(names(&app), vec!["My board"]);
    assert!(app
        .driver
        .find("[data-testid=boards]")
        .text()
        .contains("Open now"));
    rename(&app, 0, "  URL   shortener ");
    app.wait_for("the new title", || {
        title(&app) == "URL shortener · Breadthfirst"
    });

    // A new board: the page reloads onto an empty board; the first is put away whole.
    click_and_reload(&app, "New board");
    assert_eq!(app.count("[data-testid=node]"), 0);
    assert_eq!(title(&app), "Board 2 · Breadthfirst");
    assert_eq!(
        app.count(".prompt-panel"),
        0,
        "a new board has no prompt yet"
    );
    assert_eq!(
        keys_with(&app, "breadthfirst.boards.1."),
        json!([
            "breadthfirst.boards.1.backup.0",
            "breadthfirst.boards.1.board",
            "breadthfirst.boards.1.prompt"
        ])
    );
    app.add("Message queue");
    app.wait_saved(1);

    // Back to the first: its board and prompt return.
    open_boards(&app);
    assert_eq!(names(&app), vec!["Board 2", "URL shortener"]);
    app.screenshot("boards-dialog.png");
    click_and_reload(&app, "Open URL shortener");
    assert_eq!(labels(&app), vec!["Cache", "Service"]);
    app.wait_for("the prompt panel", || app.count(".prompt-panel") == 1);
    assert!(app
        .driver
        .find(".prompt-panel")
        .text()
        .contains(&prompt.title));

    // Duplicate the open board, and open the copy. The list says what each practises.
    open_boards(&app);
    let list = app.driver.find("[data-testid=boards]").text();
    assert!(list.contains(&prompt.title), "{list}");
    click(&app, "Duplicate URL shortener");
    app.wait_for("the copy in the list", || {
        names(&app) == vec!["Board 2", "URL shortener", "URL shortener (copy)"]
    });
    click_and_reload(&app, "Open URL shortener (copy)");
    assert_eq!(labels(&app), vec!["Cache", "Service"]);

    // Delete Board 2, undo, delete again.
    open_boards(&app);
    click(&app, "Delete Board 2");
    app.wait_for("Board 2 to go", || {
        names(&app) == vec!["URL shortener", "URL shortener (copy)"]
    });
    assert_eq!(keys_with(&app, "breadthfirst.boards.2."), json!([]));
    assert_eq!(
        app.js("return document.activeElement.hasAttribute('data-undo')"),
        json!(true),
        "focus is on Undo after a delete"
    );
    app.driver.find("[data-testid=boards] [data-undo]").click();
    app.wait_for("Board 2 back", || names(&app).len() == 3);
    assert_eq!(
        app.js("return !!document.activeElement.closest('dialog[open]')"),
        json!(true),
        "focus stays in the dialog when Undo goes away"
    );
    assert_eq!(
        keys_with(&app, "breadthfirst.boards.2."),
        json!([
            "breadthfirst.boards.2.backup.0",
            "breadthfirst.boards.2.board"
        ])
    );
    click(&app, "Delete Board 2");
    app.wait_for("Board 2 to go again", || names(&app).len() == 2);

    // The board that loaded is kept as a backup; restoring it is one undoable step.
    assert!(app.count("[data-testid=boards] [data-restore]") >= 1);
    app.driver
        .find("[data-testid=boards] [data-new]")
        .send_keys(&Key::Escape.value());
    app.wait_for("the dialog to close on Escape", || {
        app.count("[data-testid=boards]") == 0
    });
    app.add("SQL database");
    app.wait_saved(3);
    open_boards(&app);
    app.driver
        .find("[data-testid=boards] [data-restore]")
        .click();
    app.wait_for("the backup restored", || {
        labels(&app) == vec!["Cache", "Service"]
    });
    app.wait_saved(2);
    app.driver.find("[data-testid=canvas]").click();
    app.driver.press_keys(&[Key::Ctrl, Key::Char('z')]);
    app.wait_for("undo to bring the change back", || labels(&app).len() == 3);
    let errors = app.page_errors();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn a_tab_whose_board_was_put_away_keeps_its_version_without_losing_the_other() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Service");
    app.wait_saved(1);
    let (first, _) = app.second_tab(1);
    // The second tab opens a new board and draws on it.
    open_boards(&app);
    click_and_reload(&app, "New board");
    app.add("Message queue");
    app.wait_saved(1);

    // The first tab was changed under it: it is told, and keeps its version.
    app.switch_to(&first);
    app.wait_for("the conflict banner", || {
        app.count("[data-testid=save-banner]") == 1
    });
    app.add("Cache");
    app.click_banner_button("Keep this tab's version");
    app.wait_saved(2);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        app.js("return localStorage.getItem('breadthfirst.open').split('\\t')[0]"),
        json!("1"),
        "this tab's board is the open one again"
    );
    let other = app.js(
        "return JSON.parse(localStorage.getItem('breadthfirst.boards.2.board'))\
         .board.components.map(c => c.label)",
    );
    assert_eq!(
        other,
        json!(["Message queue"]),
        "the other board is put away, whole"
    );
    open_boards(&app);
    assert_eq!(names(&app), vec!["Board 2", "My board"]);
    let errors = app.page_errors();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn a_save_damaged_outside_the_app_is_restored_from_its_backup() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Service");
    app.add("Cache");
    app.wait_saved(2);
    // The board that loads is the backup; then the save is damaged behind the app.
    app.reload();
    app.js("localStorage.setItem('breadthfirst.board', '{\"format\": \"breadthfirst\", \"vers'); return null;");
    app.reload();
    app.wait_for("the storage banner", || {
        app.count("[data-testid=storage-banner]") == 1
    });
    let banner = app.driver.find("[data-testid=storage-banner]").text();
    assert!(banner.contains("Boards lists its backups"), "{banner}");
    assert_eq!(app.count("[data-testid=node]"), 0);
    open_boards(&app);
    app.driver
        .find("[data-testid=boards] [data-restore]")
        .click();
    app.wait_for("the backup on the board", || {
        labels(&app) == vec!["Cache", "Service"]
    });
    app.wait_saved(2);
    let errors = app.page_errors();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn a_stale_tab_does_not_write_its_prompt_or_session_either() {
    let _lock = browser_lock();
    let app = App::open();
    // This tab's board stays empty, so a timed session starts on it in place.
    let (first, _) = app.second_tab(0);
    app.add("Cache");
    app.wait_saved(1);
    app.switch_to(&first);
    app.wait_for("the conflict banner", || {
        app.count("[data-testid=save-banner]") == 1
    });
    let prompt = catalog()[0].clone();
    app.choose_prompt(&prompt.id, true);
    std::thread::sleep(Duration::from_millis(500));
    let stored = app.js(
        "return [localStorage.getItem('breadthfirst.prompt'), localStorage.getItem('breadthfirst.session')]",
    );
    assert_eq!(stored, json!([null, null]), "the stale tab wrote nothing");
    // Keeping this tab's version writes every part of it.
    app.click_banner_button("Keep this tab's version");
    app.wait_saved(0);
    app.wait_for("the prompt and session saved", || {
        app.js("return localStorage.getItem('breadthfirst.prompt')") == json!(prompt.id)
            && app.js("return localStorage.getItem('breadthfirst.session') !== null") == json!(true)
    });
    let errors = app.page_errors();
    assert!(errors.is_empty(), "{errors:?}");
}
