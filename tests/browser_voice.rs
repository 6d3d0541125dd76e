//! Issue 17's think-aloud recording in headless Chromium with a fake microphone
//! (`--use-fake-device-for-media-stream`), in one timed session on a controlled
//! clock: chosen when the session starts, it records into IndexedDB chunk by chunk,
//! shows a live level meter, survives a reload (a new segment; what was recorded is
//! kept, with the duration it was recorded for), pauses with the session and stops
//! at Review, where the replay goes to three moments with the boards of those
//! moments, the voice plays along, the transcript is there or says why not, and the
//! recording can be deleted. A refused microphone says so and the session goes on
//! without audio. A transcript made on the device is shown beside the replay (with a
//! stand-in for the browser's on-device recognition, which this machine lacks).

mod support;

use serde_json::{json, Value};
use std::time::{Duration, Instant};
use support::app::App;
use support::downloads::{download_dir, downloaded};
use support::{browser_lock, sorted, Key};

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

    // The board grows over three minutes of Breadth, then on to Review, where the
    // recorder stops and sits beside the replay.
    app.next_phase_to("Breadth");
    app.add("Client");
    app.add("Load balancer");
    app.advance_clock(MIN);
    app.add("Service");
    app.add("Cache");
    app.advance_clock(MIN);
    app.add("NoSQL store");
    app.advance_clock(MIN);
    app.advance_clock(6.0 * MIN);
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
    app.dismiss_notice();
    app.screenshot("replay-voice.png");

    // The transcript: made only by recognition on this device. This browser says
    // whether it has that for the page's language; the Review says the same.
    let available = app.driver.execute_async(
        "const done = arguments[arguments.length - 1]; \
         const R = window.SpeechRecognition; \
         if (!R || !R.available) return done('unsupported'); \
         R.available({ langs: [navigator.language || 'en-US'], processLocally: true }) \
           .then(done, () => done('unavailable'));",
        vec![],
    );
    let transcript = app.driver.find("[data-testid=replay-transcript]").text();
    let expected = match available.as_str().unwrap_or_default() {
        "available" => "no words were recognised",
        "downloadable" | "downloading" => "Install the speech model",
        "unsupported" => "offers no speech recognition that stays on this device",
        _ => "cannot turn",
    };
    assert!(
        transcript.contains(expected),
        "{available}: {transcript} (expected {expected})"
    );

    // The replay at three moments: the start, a minute into Breadth, and the end.
    app.driver.find("[data-testid=replay-scrubber]").click();
    app.driver.press_keys(&[Key::Home]);
    app.wait_for("the empty board of the start", || app.replayed().is_empty());
    for _ in 0..4 {
        app.driver.press_keys(&[Key::ArrowRight]);
    }
    app.wait_for("the board a minute into Breadth", || {
        app.replayed() == sorted(&["Client", "Load balancer", "Service", "Cache"])
    });
    assert!(
        app.replay_readout().ends_with("Breadth"),
        "{}",
        app.replay_readout()
    );
    app.driver.press_keys(&[Key::End]);
    app.wait_for("the final board", || {
        app.replayed() == sorted(&["Client", "Load balancer", "Service", "Cache", "NoSQL store"])
    });

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

    // Shared with the voice: the HTML page carries the audio (read without playing
    // it: no page error).
    let dir = download_dir("voice");
    app.allow_downloads(&dir);
    app.click_text(".replay-share label", "Put my voice in the HTML page");
    app.click_text(".replay-share button", "HTML page");
    let page = String::from_utf8(downloaded(&dir, ".html")).unwrap();
    assert!(page.contains("\"mime\":\"audio/"), "no clip in the page");

    // History's Your data lists it with its size, beside the storage the site uses,
    // and deletes it: the Review and the status bar stop showing it.
    app.open_history("Your data");
    app.wait_for("the recording listed", || {
        app.count("[data-testid=recording-row]") == 1
    });
    let row = app.driver.find("[data-testid=recording-row]").text();
    assert!(row.contains("KB") && row.contains("Delete"), "{row}");
    let used = app.driver.find(".recordings .hint").text();
    assert!(used.contains("This site uses"), "{used}");
    app.click_text("[data-testid=recording-row] button", "Delete");
    app.driver.accept_dialog();
    app.wait_for("the list empty", || {
        app.count("[data-testid=recording-row]") == 0
            && app
                .driver
                .find(".recordings")
                .text()
                .contains("No voice recordings.")
    });
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("the history closed", || {
        app.count("dialog.history[open]") == 0
    });
    app.wait_for("the Review without the voice", || {
        app.count("[data-testid=replay-voice]") == 0 && indicator(&app) == "off"
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

/// A stand-in for the browser's on-device speech recognition (the draft Web Speech
/// API's `SpeechRecognition` with `processLocally`, `available` and `start(track)`),
/// which this machine's Chromium has only as a model to download: it says two lines
/// a second and a half apart once started on a track with `processLocally` set, and
/// refuses to start otherwise, as a page must never fall back to a speech service.
const ON_DEVICE_STAND_IN: &str = "(() => { \
  const said = ['we start with the clients and one API', 'then a cache in front of the store']; \
  class StandIn { \
    constructor() { this.processLocally = false; this.lang = ''; this.continuous = false; \
      this.interimResults = true; this.onresult = null; this.onend = null; this.onerror = null; } \
    start(track) { \
      if (this.processLocally !== true) throw new Error('only on the device'); \
      if (!(track instanceof MediaStreamTrack)) throw new Error('the recorder track'); \
      window.standInStarts = (window.standInStarts || 0) + 1; \
      let n = 0; \
      this.timer = setInterval(() => { \
        if (n >= said.length) return; \
        const result = [{ transcript: said[n++] }]; result.isFinal = true; \
        this.onresult && this.onresult({ resultIndex: 0, results: [result] }); }, 1500); } \
    stop() { clearInterval(this.timer); setTimeout(() => this.onend && this.onend(), 0); } \
    abort() { this.stop(); } \
    static available(o) { \
      return Promise.resolve(o && o.processLocally === true ? 'available' : 'unavailable'); } \
    static install() { return Promise.resolve(true); } \
  } \
  window.SpeechRecognition = StandIn; })();";

#[test]
fn a_transcript_made_on_the_device_is_kept_and_shown_beside_the_replay() {
    let _lock = browser_lock();
    let app = App::open_with(&[FAKE_MICROPHONE, ALLOW_MICROPHONE]);
    app.driver.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": ON_DEVICE_STAND_IN }),
    );
    app.with_controlled_clock();
    start_with_voice(&app);
    app.wait_for("recording", || indicator(&app) == "recording");
    // Both lines recognised and kept with the recording as they come.
    app.wait_for("two lines kept", || {
        stored(&app)["meta"][0]["transcript"]["lines"]
            .as_array()
            .is_some_and(|l| l.len() == 2)
    });
    let kept = stored(&app)["meta"][0]["transcript"].clone();
    assert_eq!(kept["speech"], json!("OnDevice"), "{kept}");
    assert_eq!(
        kept["lines"][1]["text"],
        json!("then a cache in front of the store")
    );
    let (first, second) = (
        kept["lines"][0]["to_ms"].as_f64().unwrap(),
        kept["lines"][1]["to_ms"].as_f64().unwrap(),
    );
    assert!(
        (1_000.0..=2_500.0).contains(&(second - first)),
        "said 1.5 s apart, kept {first} and {second}"
    );

    app.next_phase_to("Breadth");
    app.add("Client");
    app.advance_clock(9.0 * MIN);
    app.focus_to_review();
    app.wait_for("the transcript", || {
        app.count("[data-testid=replay-transcript] .transcript-line") == 2
    });
    let text = app.driver.find("[data-testid=replay-transcript]").text();
    assert!(
        text.contains("What you said") && text.contains("we start with the clients and one API"),
        "{text}"
    );
    // The replay ends after the last line: it is the current one.
    let current = || {
        app.js(
            "const c = document.querySelector('[data-testid=replay-transcript] li[aria-current]'); \
             return c ? c.textContent : '';",
        )
        .as_str()
        .unwrap_or_default()
        .to_string()
    };
    assert!(current().contains("then a cache"), "{}", current());
    // A click on the first line takes the replay to when it was said.
    app.driver
        .find("[data-testid=replay-transcript] .transcript-line")
        .click();
    app.wait_for("the first line current", || {
        current().contains("we start with the clients")
    });
    assert!(
        app.replay_readout().starts_with("0:0"),
        "{}",
        app.replay_readout()
    );
    app.dismiss_notice();
    app.screenshot("replay-transcript.png");

    // Deleted from the Review: the voice and its transcript go.
    app.click_text("[data-testid=replay-voice] button", "Delete recording");
    app.driver.accept_dialog();
    app.wait_for("the recording deleted", || {
        app.count("[data-testid=replay-voice]") == 0
            && app.count("[data-testid=replay-transcript]") == 0
    });
    assert_eq!(stored(&app)["meta"], json!([]));
    app.check_page();
}
