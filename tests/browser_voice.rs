//! Issue 17's think-aloud recording in headless Chromium with a fake microphone
//! (`--use-fake-device-for-media-stream`): chosen when the session starts, it
//! records into IndexedDB chunk by chunk, shows a live level meter, survives a
//! reload (a new segment; what was recorded is kept), pauses with the session,
//! stops at Review, where it is listed with the replay, has the duration it was
//! recorded for, and can be deleted. A refused microphone says so and the session
//! goes on without audio.

mod support;

use serde_json::{json, Value};
use std::time::{Duration, Instant};
use support::app::App;
use support::{browser_lock, Key};

const MIN: f64 = 60_000.0;
const FAKE_MICROPHONE: &str = "--use-fake-device-for-media-stream";
const ALLOW_MICROPHONE: &str = "--use-fake-ui-for-media-stream";

fn indicator(app: &App) -> String {
    app.js(
        "const i = document.querySelector('[data-testid=recording-indicator]'); \
         return i ? i.dataset.state : '';",
    )
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// Starts a timed session on the URL shortener with "Record my voice" ticked.
fn start_with_voice(app: &App) {
    app.driver.find("button[aria-label=\"Prompts\"]").click();
    app.wait_for("the prompt cards", || {
        app.count("[data-testid=prompt-card]") > 0
    });
    app.driver.find(".think-aloud input").click();
    app.driver
        .find("[data-prompt=\"url-shortener\"] .card-actions button:not(.secondary)")
        .click();
    app.wait_for("the library to close", || {
        app.count("dialog.library[open]") == 0
    });
}

/// What IndexedDB holds of the recordings: the metadata and the audio chunks' keys.
fn stored(app: &App) -> Value {
    app.driver.execute_async(
        "const done = arguments[arguments.length - 1]; \
         const open = indexedDB.open('breadthfirst-history'); \
         open.onerror = () => done(null); \
         open.onsuccess = () => { const db = open.result; \
           if (!db.objectStoreNames.contains('audio')) { db.close(); return done(null); } \
           const t = db.transaction(['audio', 'recordings']); \
           const keys = t.objectStore('audio').getAllKeys(); \
           const meta = t.objectStore('recordings').getAll(); \
           t.oncomplete = () => { db.close(); \
             done({ keys: keys.result, meta: meta.result.map(m => JSON.parse(m)) }); }; }",
        vec![],
    )
}

/// The duration the browser finds in segment `n`'s audio, put together from its
/// chunks as the Review does (seconds).
fn audio_seconds(app: &App, n: usize) -> f64 {
    app.driver
        .execute_async(
            "const done = arguments[arguments.length - 1]; const n = arguments[0]; \
             const open = indexedDB.open('breadthfirst-history'); \
             open.onsuccess = () => { const db = open.result; \
               const meta = db.transaction('recordings').objectStore('recordings').getAll(); \
               meta.onsuccess = () => { const rec = JSON.parse(meta.result[0]); \
                 const seg = String(n).padStart(3, '0'); \
                 const range = IDBKeyRange.bound(rec.id + '/' + seg + '/', rec.id + '/' + seg + '/~'); \
                 const chunks = db.transaction('audio').objectStore('audio').getAll(range); \
                 chunks.onsuccess = () => { db.close(); \
                   const blob = new Blob(chunks.result, { type: rec.segments[n].mime }); \
                   const a = new Audio(URL.createObjectURL(blob)); \
                   a.onloadedmetadata = () => { \
                     if (isFinite(a.duration)) return done(a.duration); \
                     a.ontimeupdate = () => { a.ontimeupdate = null; done(a.duration); }; \
                     a.currentTime = 1e101; }; \
                   a.onerror = () => done(-1); }; }; };",
            vec![json!(n)],
        )
        .as_f64()
        .unwrap_or(-1.0)
}

#[test]
fn the_voice_is_recorded_chunk_by_chunk_kept_across_a_reload_and_played_in_review() {
    let _lock = browser_lock();
    let app = App::open_with(&[FAKE_MICROPHONE, ALLOW_MICROPHONE]);
    app.with_controlled_clock();
    start_with_voice(&app);
    app.wait_for("recording", || indicator(&app) == "recording");
    let started = Instant::now();
    // The level meter moves with the fake microphone's tone.
    app.wait_for("a level on the meter", || {
        app.js("const m = document.querySelector('[data-testid=recording-level]'); return m ? m.value : 0;")
            .as_f64()
            .unwrap_or(0.0)
            > 0.0
    });
    // Chunks are stored as they come.
    app.wait_for("three chunks stored", || {
        stored(&app)["keys"].as_array().map_or(0, Vec::len) >= 3
    });
    std::thread::sleep(Duration::from_millis(1_500));
    let before_reload = started.elapsed().as_secs_f64();

    // A reload mid-recording keeps what was recorded and starts a new segment.
    app.reload();
    app.wait_for("recording again", || indicator(&app) == "recording");
    let first = stored(&app)["meta"][0]["segments"][0].clone();
    let recorded = first["duration_ms"].as_f64().unwrap() / 1000.0;
    assert!(
        (recorded - before_reload).abs() <= 1.5,
        "{recorded} s kept of {before_reload} s recorded before the reload"
    );
    let seconds = audio_seconds(&app, 0);
    assert!(
        (seconds - recorded).abs() <= 1.0,
        "the audio lasts {seconds} s; {recorded} s were recorded"
    );

    // It pauses with the session.
    app.click_text(".session-bar button", "Pause");
    app.wait_for("paused", || indicator(&app) == "paused");
    app.click_text(".session-bar button", "Resume");
    app.wait_for("recording after the pause", || {
        indicator(&app) == "recording"
    });
    app.wait_for("the second segment's chunks", || {
        stored(&app)["meta"][0]["segments"]
            .as_array()
            .is_some_and(|s| s.len() == 2 && s[1]["chunks"].as_u64().unwrap_or(0) >= 2)
    });

    // Through to Review, where it stops and sits beside the replay.
    app.next_phase_to("Breadth");
    for name in ["Client", "Load balancer", "Service", "Cache", "NoSQL store"] {
        app.add(name);
    }
    app.advance_clock(9.0 * MIN);
    app.focus_to_review();
    app.wait_for("stopped", || indicator(&app) == "stopped");
    app.wait_for("the voice in the replay", || {
        app.count("[data-testid=replay-voice]") == 1
    });
    let line = app.driver.find("[data-testid=replay-voice]").text();
    assert!(
        line.contains("Your voice:") && line.contains("KB"),
        "{line}"
    );
    if app.count(".notice button[aria-label=Dismiss]") == 1 {
        app.driver
            .find(".notice button[aria-label=Dismiss]")
            .click();
    }
    app.screenshot("replay-voice.png");

    // Played with the replay: from the start, the first segment sounds; paused, it
    // stops.
    app.driver.find("[data-testid=replay-scrubber]").click();
    app.driver.press_keys(&[Key::Home]);
    app.driver.press_keys(&[Key::Space]);
    app.wait_for("the voice playing", || {
        app.driver
            .find("[data-testid=replay-voice]")
            .attr("data-playing")
            == Some("true".into())
    });
    app.driver.press_keys(&[Key::Space]);
    app.wait_for("the voice stopped", || {
        app.driver
            .find("[data-testid=replay-voice]")
            .attr("data-playing")
            == Some("false".into())
    });

    // History's Your data lists it with its size, beside the storage the site uses.
    app.open_history("Your data");
    app.wait_for("the recording listed", || {
        app.count("[data-testid=recording-row]") == 1
    });
    let row = app.driver.find("[data-testid=recording-row]").text();
    assert!(row.contains("KB") && row.contains("Delete"), "{row}");
    let used = app.driver.find(".recordings .hint").text();
    assert!(used.contains("This site uses"), "{used}");
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("the history closed", || {
        app.count("dialog.history[open]") == 0
    });

    // Deleted on request: the audio and its record are gone.
    app.click_text("[data-testid=replay-voice] button", "Delete recording");
    app.driver.accept_dialog();
    app.wait_for("the recording deleted", || {
        app.count("[data-testid=replay-voice]") == 0
    });
    let left = stored(&app);
    assert_eq!(left["keys"], json!([]), "{left}");
    assert_eq!(left["meta"], json!([]), "{left}");
    app.check_page();
}

#[test]
fn a_refused_microphone_is_said_and_the_session_goes_on_without_audio() {
    let _lock = browser_lock();
    let app = App::open_with(&[FAKE_MICROPHONE]);
    app.driver.cdp(
        "Browser.setPermission",
        json!({"permission": {"name": "microphone"}, "setting": "denied"}),
    );
    start_with_voice(&app);
    app.wait_for("the refusal", || indicator(&app) == "failed");
    app.wait_for("the message", || {
        app.notice().contains("Microphone access was refused")
    });
    // The session goes on.
    app.next_phase_to("Breadth");
    app.add("Client");
    let none = stored(&app);
    assert!(
        none.is_null() || none["keys"] == json!([]),
        "nothing recorded: {none}"
    );
    app.check_page();
}
