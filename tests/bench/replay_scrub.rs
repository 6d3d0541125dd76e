//! Scrubbing the Review's replay (issue 17) in headless Chromium on the release
//! build: a finished 45-minute session whose timeline has 2,000 board changes
//! growing to 300 components, opened in Review; the scrubber is moved to 200 random
//! positions through its own input events, each timed from the event until the
//! replayed board is in the DOM with style and layout done. Prints p50 / p95 / max
//! against the 16 ms budget.
//!
//! Run with `cargo bench --bench replay_scrub` (or `./dev.sh bench`, which builds
//! dist/ first).

#[path = "../support/mod.rs"]
mod support;

use breadthfirst::core::editor::Viewport;
use breadthfirst::core::history::bridge::session_attempt_id;
use breadthfirst::core::persist;
use breadthfirst::core::session::{Session, SessionPlan};
use growing_timeline::{growing_timeline, seeded, SESSION_MS};
use percentiles::summary;
use script_result::numbers;
use serde_json::json;
use std::time::{Duration, Instant};
use support::{dist_dir, Driver, StaticServer};

mod growing_timeline;
mod percentiles;
mod script_result;

const POSITIONS: usize = 200;
const BUDGET_MS: f64 = 16.0;

/// Moves the scrubber to each position (given as fractions of its range), one per
/// animation frame, timing each from the input event to the figure laid out.
const SCRUB_SCRIPT: &str = r#"
const done = arguments[arguments.length - 1];
const fractions = arguments[0];
const input = document.querySelector('[data-testid=replay-scrubber]');
const max = Number(input.max);
const drain = () => new Promise(resolve => {
  let depth = 0;
  const tick = () => (++depth < 64 ? queueMicrotask(tick) : resolve());
  queueMicrotask(tick);
});
const times = [], sizes = [];
let i = 0;
async function step() {
  if (i >= fractions.length) { done({ times, sizes }); return; }
  const t0 = performance.now();
  input.value = String(Math.round(fractions[i] * max));
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await drain();
  const figure = document.querySelector('[data-testid=replay-board]');
  figure.getBoundingClientRect();
  times.push(performance.now() - t0);
  sizes.push(figure.querySelectorAll('.node').length);
  i++;
  requestAnimationFrame(() => step());
}
requestAnimationFrame(() => requestAnimationFrame(() => step()));
"#;

fn main() {
    let mut rng = seeded();
    let (timeline, board) = growing_timeline(&mut rng);
    let mut session = serde_json::to_value(Session::start(
        "url-shortener",
        SessionPlan::default(),
        1_700_000_000_000.0,
        3,
    ))
    .expect("a session");
    session["phase"] = json!("review");
    let minutes = [5.0, 10.0, 3.0, 15.0, 12.0];
    let phases = ["requirements", "breadth", "focus", "depth", "failure_modes"];
    session["records"] = phases
        .iter()
        .zip(minutes)
        .map(|(phase, m)| {
            json!({"phase": phase, "planned_ms": m * 60_000.0, "actual_ms": m * 60_000.0, "ended_by": "user"})
        })
        .collect();
    assert_eq!(minutes.iter().sum::<f64>() * 60_000.0, SESSION_MS);

    let server = StaticServer::start(&dist_dir());
    let driver = Driver::start();
    driver.goto(&format!("{}seed", server.url()));
    driver.execute(
        "localStorage.setItem('breadthfirst.board', arguments[0]); \
         localStorage.setItem('breadthfirst.session', arguments[1]); \
         localStorage.setItem('breadthfirst.prompt', 'url-shortener');",
        vec![
            json!(persist::to_json(&board, &Viewport::default())),
            json!(session.to_string()),
        ],
    );
    driver.goto(&server.url());
    // The Review loads the history module, which makes its database; the timeline is
    // then put where the history keeps a session's timeline, and the page reloaded.
    let session: Session = serde_json::from_value(session).expect("a session");
    let deadline = Instant::now() + Duration::from_secs(90);
    while driver.execute(
        "return document.querySelector('.replay-slot .hint') !== null",
        vec![],
    ) != json!(true)
    {
        assert!(Instant::now() < deadline, "the Review did not show");
        std::thread::sleep(Duration::from_millis(100));
    }
    let stored = driver.execute_async(
        "const done = arguments[arguments.length - 1]; \
         const open = indexedDB.open('breadthfirst-history'); \
         open.onsuccess = () => { const db = open.result; \
           const t = db.transaction('timelines', 'readwrite'); \
           t.objectStore('timelines').put(arguments[1], arguments[0]); \
           t.oncomplete = () => { db.close(); done(true); }; t.onerror = () => done(false); }; \
         open.onerror = () => done(false);",
        vec![
            json!(session_attempt_id(&session)),
            json!(serde_json::to_string(&timeline).expect("the timeline")),
        ],
    );
    assert_eq!(stored, json!(true), "the timeline could not be stored");
    driver.goto(&server.url());
    let ready = || {
        driver.execute(
            "const f = document.querySelector('[data-testid=replay-board]'); \
             return !!document.querySelector('[data-testid=replay-scrubber]') && !!f && f.querySelectorAll('.node').length",
            vec![],
        )
    };
    while ready().as_u64().unwrap_or(0) == 0 {
        assert!(
            Instant::now() < deadline,
            "the replay did not show in 90 s: {:?}",
            driver.browser_log()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    println!(
        "replay of {} board changes ({} components at the end), {POSITIONS} scrubber positions each",
        timeline.entries().len(),
        board.components().len()
    );
    // Dragging the thumb from start to end, then clicking anywhere on the track.
    let sweep: Vec<f64> = (1..=POSITIONS)
        .map(|i| i as f64 / POSITIONS as f64)
        .collect();
    let jumps: Vec<f64> = (0..POSITIONS)
        .map(|_| rand::Rng::random_range(&mut rng, 0.0..1.0))
        .collect();
    for (what, fractions, budget) in [
        ("dragging the thumb", sweep, Some(BUDGET_MS)),
        ("jumping to random positions", jumps, None),
    ] {
        let result = driver.execute_async(SCRUB_SCRIPT, vec![json!(fractions)]);
        let (times, sizes) = (numbers(&result, "times"), numbers(&result, "sizes"));
        let largest = sizes.iter().copied().fold(0.0, f64::max);
        assert!(
            largest > 200.0,
            "the replayed boards stayed small: {sizes:?}"
        );
        let (p50, p95, max) = summary(&times);
        let verdict = match budget {
            Some(b) if p95 <= b => format!(" (budget p95 <= {b} ms: within)"),
            Some(b) => format!(" (budget p95 <= {b} ms: OVER)"),
            None => String::new(),
        };
        println!(
            "{what}: render a position p50 {p50:.1} ms, p95 {p95:.1} ms, max {max:.1} ms{verdict}"
        );
    }
    frames(&driver);
}

/// Share the replay → "PNG frames (ZIP)" on this board: how long until the archive
/// is downloaded (the worker's still frames, each drawn as PNG in turn, zipped), and
/// its size.
fn frames(driver: &Driver) {
    let dir = support::unique_temp_dir("frames-bench");
    driver.cdp(
        "Browser.setDownloadBehavior",
        json!({"behavior": "allow", "downloadPath": dir.to_str().expect("a path")}),
    );
    let status = || {
        driver
            .execute(
                "const s = document.querySelector('.replay-share [role=status]'); \
                 return s ? s.textContent : '';",
                vec![],
            )
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let button = driver
        .find_all(".replay-share button")
        .into_iter()
        .find(|b| b.text() == "PNG frames (ZIP)")
        .expect("the PNG frames button");
    let start = Instant::now();
    button.click();
    while !status().starts_with("Downloaded") {
        assert!(
            start.elapsed() < Duration::from_secs(600) && !status().contains("could not"),
            "{}",
            status()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let took = start.elapsed();
    // The browser writes the file after the page hands it over.
    let zip = || {
        std::fs::read_dir(&dir)
            .ok()?
            .filter_map(Result::ok)
            .find(|e| e.path().extension().is_some_and(|x| x == "zip"))
            .and_then(|e| e.metadata().ok())
            .map(|m| m.len())
    };
    let written = Instant::now();
    while zip().is_none() && written.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(100));
    }
    let zip = zip().expect("the archive downloaded");
    println!(
        "PNG frames of this replay: {} in {:.1} s, the archive {:.1} MB",
        status(),
        took.as_secs_f64(),
        zip as f64 / 1e6
    );
}
