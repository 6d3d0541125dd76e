//! Issue 17 in headless Chromium, as a user: a timed session on a controlled clock
//! records how the board grew (surviving a reload), and the Review replays it: the
//! scrubber and the arrow keys go to the board of each moment, Space plays and
//! pauses, the phases are marked, and the strip says when each checklist component
//! first appeared.

mod support;

use breadthfirst::core::session::Timeline;
use serde_json::Value;
use support::app::App;
use support::downloads::{download_dir, downloaded};
use support::{browser_lock, sorted, Key};

const MIN: f64 = 60_000.0;

/// Board changes in the timeline the history keeps in IndexedDB for the session
/// being practised (-1 when there is none yet).
fn stored_board_changes(app: &App) -> i64 {
    app.driver
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const open = indexedDB.open('breadthfirst-history'); \
             open.onerror = () => done(-1); \
             open.onsuccess = () => { \
               const db = open.result; \
               if (!db.objectStoreNames.contains('timelines')) { db.close(); return done(-1); } \
               const all = db.transaction('timelines').objectStore('timelines').getAll(); \
               all.onsuccess = () => { db.close(); \
                 done(all.result.length ? JSON.parse(all.result[0]).filter(e => e.event.board).length : -1); }; \
               all.onerror = () => { db.close(); done(-1); }; }",
            vec![],
        )
        .as_i64()
        .unwrap_or(-1)
}

#[test]
fn the_review_replays_the_board_of_any_moment_of_the_session() {
    let _lock = browser_lock();
    let app = App::open();
    app.with_controlled_clock();
    app.choose_prompt("url-shortener", true);
    app.next_phase_to("Breadth");

    // Minute 0 of Breadth: two boxes; a reload keeps what was recorded.
    app.add("Client");
    app.add("Load balancer");
    app.wait_for("the timeline kept in IndexedDB", || {
        stored_board_changes(&app) == 2
    });
    app.reload();
    app.wait_for("the board back", || app.count("[data-testid=node]") == 2);
    app.advance_clock(MIN);
    app.add("Service");
    app.add("Cache");
    app.advance_clock(MIN);
    app.add("NoSQL store");
    app.advance_clock(9.0 * MIN);
    app.focus_to_review();

    // The replay ends on the final board.
    app.wait_for("the replay", || {
        app.count("[data-testid=replay-scrubber]") == 1
    });
    let all = sorted(&["Client", "Load balancer", "Service", "Cache", "NoSQL store"]);
    app.wait_for("the final board replayed", || app.replayed() == all);
    // Phases and the curveball are marked.
    let marks =
        app.js("return [...document.querySelectorAll('.replay-mark')].map(m => m.textContent)");
    for label in ["Breadth", "Focus", "Depth", "Failure modes", "Curveball"] {
        assert!(
            marks
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m.as_str().unwrap_or_default().contains(label)),
            "{label} in {marks}"
        );
    }

    // The curveball's notice is dismissed, as a user would to see what it covers.
    app.dismiss_notice();
    // Home: the empty board of the start; the arrows step one change at a time.
    app.driver.find("[data-testid=replay-scrubber]").click();
    app.driver.press_keys(&[Key::Home]);
    app.wait_for("the start", || app.replayed().is_empty());
    assert!(
        app.replay_readout().starts_with("0:00"),
        "{}",
        app.replay_readout()
    );
    app.driver.press_keys(&[Key::ArrowRight]);
    app.driver.press_keys(&[Key::ArrowRight]);
    app.wait_for("two boxes", || {
        app.replayed() == sorted(&["Client", "Load balancer"])
    });
    assert!(
        app.replay_readout().ends_with("Breadth"),
        "{}",
        app.replay_readout()
    );
    app.driver.press_keys(&[Key::ArrowRight]);
    app.driver.press_keys(&[Key::ArrowRight]);
    app.wait_for("four boxes, a minute later", || {
        app.replayed() == sorted(&["Client", "Load balancer", "Service", "Cache"])
    });
    app.driver.press_keys(&[Key::ArrowLeft]);
    app.wait_for("back one change", || app.replayed().len() == 3);
    app.screenshot("replay.png");

    // Space plays from here and pauses; the position moves on.
    let before = app.replay_readout();
    app.driver.press_keys(&[Key::Space]);
    app.wait_for("playing", || {
        app.driver.find("[data-testid=replay-play]").text() == "Pause"
    });
    app.wait_for("the position to move", || app.replay_readout() != before);
    app.driver.press_keys(&[Key::Space]);
    app.wait_for("paused", || {
        app.driver.find("[data-testid=replay-play]").text() == "Play"
    });
    // The Play button, at 8x, reaches the end and stops there.
    app.driver.press_keys(&[Key::End]);
    app.wait_for("the end", || app.replayed() == all);

    // When each component first appeared: found by the check on the replayed board.
    app.wait_for("the appearance strip", || {
        app.count("[data-testid=replay-appearance]") >= 3
    });
    let strip = app.driver.find("[data-testid=replay-appearances]").text();
    assert!(strip.contains("Breadth"), "{strip}");
    // A click on one goes to its moment.
    app.driver.find("[data-testid=replay-appearance]").click();
    app.wait_for("the first appearance's board", || {
        let n = app.replayed().len();
        n > 0 && n < 5
    });
    // Space on that focused button presses it (the same moment again); it does not
    // start the replay, whose Space is for the scrubber and the panel.
    let there = app.replay_readout();
    app.driver.press_keys(&[Key::Space]);
    std::thread::sleep(std::time::Duration::from_millis(400));
    assert_eq!(app.driver.find("[data-testid=replay-play]").text(), "Play");
    assert_eq!(app.replay_readout(), there);

    // The attempt keeps it: opened from the history, it replays there too.
    app.open_history("Attempts");
    app.wait_for("the attempt listed", || {
        app.count("[data-testid=attempt]") == 1
    });
    app.click_text("[data-testid=attempt] button", "Open");
    app.wait_for("the attempt's replay", || {
        app.count("dialog.history[open] [data-testid=replay-scrubber]") == 1
    });
    app.wait_for("its final board", || {
        app.count("dialog.history[open] [data-testid=replay-board] .node") == 5
    });
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("the history closed", || {
        app.count("dialog.history[open]") == 0
    });

    // The exported JSON file carries the timeline, which replays to the final board.
    let dir = download_dir("replay");
    app.allow_downloads(&dir);
    app.driver.find(".export-menu summary").click();
    app.click_text(".export-menu [data-export]", "Export JSON");
    let file: Value = serde_json::from_slice(&downloaded(&dir, ".json")).unwrap();
    frames_downloaded(&app, &dir);
    let timeline: Timeline = serde_json::from_value(file["timeline"].clone()).unwrap();
    let names: Vec<String> = timeline
        .board()
        .components()
        .iter()
        .map(|c| c.label.clone())
        .collect();
    assert_eq!(
        sorted(&names.iter().map(String::as_str).collect::<Vec<_>>()),
        all
    );
    app.check_page();
}

/// Share the replay → "PNG frames (ZIP)": an archive of equal-sized PNG frames in
/// time order in one folder, the first the empty board and the last the final one,
/// with a README.
fn frames_downloaded(app: &App, dir: &std::path::Path) {
    let started = std::time::Instant::now();
    app.click_text(".replay-share button", "PNG frames (ZIP)");
    app.wait_for("the frames drawn", || {
        app.driver
            .find(".replay-share [role=status]")
            .text()
            .starts_with("Downloaded")
            || started.elapsed().as_secs() > 8
    });
    let status = || app.driver.find(".replay-share [role=status]").text();
    while !status().starts_with("Downloaded") {
        assert!(started.elapsed().as_secs() < 120, "{}", status());
        assert!(status().starts_with("Drawing frame"), "{}", status());
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    eprintln!("frames: {} in {:?}", status(), started.elapsed());
    let bytes = downloaded(dir, ".zip");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    let folder = names[0].split('/').next().unwrap().to_string();
    assert!(
        folder.starts_with("url-shortener-replay-frames-"),
        "{folder}"
    );
    let frames: Vec<&String> = names.iter().filter(|n| n.ends_with(".png")).collect();
    assert!(
        frames.len() > 10 && frames.len() <= 240,
        "{} frames",
        frames.len()
    );
    assert!(
        names.iter().any(|n| n.ends_with("/README.txt")),
        "{names:?}"
    );
    let mut sorted_frames = frames.clone();
    sorted_frames.sort();
    assert_eq!(sorted_frames, frames, "frames stored in time order");
    // Every frame a PNG of one size (the IHDR chunk's width and height).
    let mut read = |name: &str| {
        let mut file = archive.by_name(name).unwrap();
        let mut png = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut png).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{name}");
        png
    };
    let size = |png: &[u8]| (png[16..20].to_vec(), png[20..24].to_vec());
    let first = read(frames[0]);
    let last = read(frames[frames.len() - 1]);
    for name in &frames[1..frames.len() - 1] {
        assert_eq!(size(&read(name)), size(&first), "{name}");
    }
    assert_eq!(size(&last), size(&first));
    assert_ne!(
        first, last,
        "the board grew between the first frame and the last"
    );
}
