//! Durable storage in headless Chromium: two tabs on one board (a stale tab never
//! overwrites the newer save, and the user chooses), and a full storage quota (a
//! banner, one-click download, nothing in memory lost, saving resumes).

mod support;

use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};
use support::app::App;
use support::browser_lock;

/// Labels of the components in the saved board.
fn saved_labels(app: &App) -> Value {
    app.js(
        "try { return JSON.parse(localStorage.getItem('breadthfirst.board'))\
         .board.components.map(c => c.label); } catch (e) { return null; }",
    )
}

fn banner_text(app: &App) -> String {
    app.js(
        "const b = document.querySelector('[data-testid=save-banner]'); return b ? b.textContent : '';",
    )
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[test]
fn a_stale_tab_never_overwrites_a_newer_save_and_the_user_chooses() {
    let _lock = browser_lock();
    let app = App::open();
    app.add("Service");
    app.wait_saved(1);
    let (first, second) = app.second_tab(1);
    app.add("Cache");
    app.wait_saved(2);

    // The first tab hears of it and stops saving before it writes anything.
    app.switch_to(&first);
    app.wait_for("the conflict banner", || {
        banner_text(&app).contains("changed in another tab")
    });
    app.add("Worker");
    std::thread::sleep(Duration::from_millis(900));
    assert_eq!(
        saved_labels(&app),
        json!(["Service", "Cache"]),
        "the stale tab's change is not written over the newer save"
    );
    assert!(app
        .driver
        .find("[data-testid=save-status]")
        .text()
        .contains("changed in another tab"));
    app.screenshot("two-tabs-conflict.png");

    // Keeping this tab's version is a choice the user makes.
    app.click_banner_button("Keep this tab's version");
    app.wait_for("this tab's board saved", || {
        saved_labels(&app) == json!(["Service", "Worker"])
    });
    assert_eq!(banner_text(&app), "");

    // The other tab is now the stale one; it loads the newer version.
    app.switch_to(&second);
    app.wait_for("the second tab's banner", || {
        banner_text(&app).contains("changed in another tab")
    });
    app.click_banner_button("Load the newer version");
    app.wait_for("the newer board in the second tab", || {
        app.count("[data-testid=node]") == 2 && app.nodes().iter().any(|n| n.2.contains("Worker"))
    });
    assert_eq!(banner_text(&app), "");
    let errors = app.page_errors();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn a_full_storage_keeps_the_work_offers_a_download_and_resumes() {
    let _lock = browser_lock();
    let app = App::open();
    let downloads = std::env::temp_dir().join(format!("breadthfirst-quota-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&downloads);
    std::fs::create_dir_all(&downloads).unwrap();
    app.driver.cdp(
        "Browser.setDownloadBehavior",
        json!({
            "behavior": "allow", "downloadPath": downloads.to_str().unwrap()
        }),
    );
    app.add("Service");
    app.wait_saved(1);
    // Fill the origin's storage until not even one more character fits.
    let filled = app.js("let size = 1 << 20, i = 0; \
         while (size >= 1) { \
           try { localStorage.setItem('filler.' + i, 'x'.repeat(size)); i++; } \
           catch (e) { size = Math.floor(size / 2); } \
         } return i;");
    assert!(filled.as_u64().unwrap() > 0);

    app.add("Cache");
    app.wait_for("the storage-full banner", || {
        banner_text(&app).contains("browser storage is full")
    });
    assert_eq!(
        saved_labels(&app),
        json!(["Service"]),
        "the old save is intact"
    );
    assert_eq!(
        app.count("[data-testid=node]"),
        2,
        "nothing in memory is dropped"
    );
    app.screenshot("storage-full.png");

    app.click_banner_button("Download this board");
    let start = Instant::now();
    let file = loop {
        let found = std::fs::read_dir(&downloads)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "json"));
        if let Some(path) = found.filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > 0)) {
            break path;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no download");
        std::thread::sleep(Duration::from_millis(50));
    };
    let text = std::fs::read_to_string(&file).unwrap();
    let board = breadthfirst::core::persist::from_json(&text).unwrap().board;
    assert_eq!(
        board.components().len(),
        2,
        "the download has the unsaved change"
    );
    assert!(file_name_of(&file).starts_with("breadthfirst-board-"));

    // Space is freed: the next change saves and the banner goes.
    app.js("Object.keys(localStorage).filter(k => k.startsWith('filler.')).forEach(k => localStorage.removeItem(k)); return null;");
    app.add("Worker");
    app.wait_saved(3);
    app.wait_for("the banner to go", || banner_text(&app).is_empty());
    let errors = app.page_errors();
    assert!(errors.is_empty(), "{errors:?}");
    let _ = std::fs::remove_dir_all(&downloads);
}

fn file_name_of(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}
