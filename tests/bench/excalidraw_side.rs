//! The drag benchmark on Excalidraw 0.18, for issue 14's side-by-side budgets: the
//! board of `drag_frames` (components in a grid of 40 columns, arrows between
//! neighbours labelled "data") at 1,000, 2,000 and 4,000 components, exported by our
//! own Excalidraw export (`to_excalidraw`: shapes with bound text, arrows bound at both
//! ends with bound labels), shown in Excalidraw in the same headless Chromium (a fresh
//! browser for each size), and the shape `drag_frames` drags dragged twice by 300
//! synthetic pointer moves: once one move per animation frame, for the frame intervals
//! and the main thread's busy time, and once each move after the last is done, for the
//! work per move (see [`DRAG_SCRIPT`] for why). Prints the time to load and draw the
//! scene, p50/p95/max of both, the DOM element count, the JS heap and the renderer
//! memory ([`renderer`]).
//!
//! Run with `./dev.sh bench excalidraw` (it installs Excalidraw into .tools/excalidraw
//! and bundles tests/bench/excalidraw/ there first). `EXCALIDRAW_SIZE=1000` runs one
//! size; `EXCALIDRAW_SCREENSHOTS=DIR` saves the view before and after the first drag.

#[path = "../support/mod.rs"]
mod support;

// The boards `drag_frames` drags.
mod drag_board;
mod percentiles;
mod renderer;
mod script_result;

use breadthfirst::core::export::excalidraw::to_excalidraw;
use percentiles::summary;
use script_result::numbers;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::{Duration, Instant};
use support::{Driver, StaticServer};

/// Components and arrows of each board: `drag_frames`' board, then twice and four
/// times as large.
const SIZES: [(usize, usize); 3] = [(1000, 1500), (2000, 3000), (4000, 6000)];
const MOVES: usize = 300;
/// One frame at 60 Hz. rAF timestamps are quantised to 0.1 ms around it, so a frame
/// counts as late only past 5% over (as in `drag_frames`).
const FRAME_MS: f64 = 16.7;

/// The bundled page: `$EXCALIDRAW_PAGE`, else `.tools/excalidraw/page`.
fn page_dir() -> PathBuf {
    let dir = std::env::var_os("EXCALIDRAW_PAGE")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".tools/excalidraw/page")
        });
    assert!(
        dir.join("page.js").is_file(),
        "{} has no page.js: run ./dev.sh bench excalidraw (it installs Excalidraw and bundles the page)",
        dir.display()
    );
    dir
}

/// One drag of the shape with this id on Excalidraw's interactive canvas, in two
/// calls: `press` presses at the client coordinates of the shape's centre (Excalidraw
/// hit-tests its own scene there) and returns the time until the main thread is idle
/// and what the press selected; `moves` sends MOVES synthetic pointer moves, 1.5 px
/// each (times `dir`: 1 right, -1 left), releases, and returns the frame intervals,
/// the time of each dispatch and how far the shape moved.
///
/// Excalidraw does not handle a move when it is dispatched: its window listener keeps
/// the event for a requestAnimationFrame callback of the next frame, which moves the
/// shape and asks React to render; React renders in a task of its own after that frame,
/// and its effects draw the canvases. So with `settle` false the moves come one per
/// animation frame, as `drag_frames` sends them, for the frame intervals; and with
/// `settle` true each move waits until the last one is done, for its work in three
/// parts: the dispatch (the canvas's own pointermove handler); the deferred handler in
/// the next frame (from a rAF callback queued just before the dispatch, to this
/// script's own queued just after it); and the rest until the main thread is idle
/// (`window.__idle`: a message posted to the page comes back at once twice in a row),
/// which takes in React's render and commit, the canvas drawing and that frame's style,
/// layout and paint. (Paced, Excalidraw at 1,000 shapes leaves the main thread no idle
/// moment to time a move's end by.)
const DRAG_SCRIPT: &str = r#"
const done = arguments[arguments.length - 1];
const [phase, id, moves, settle, dir] = arguments;
const api = window.__excalidraw;
const canvas = document.querySelector('canvas.excalidraw__canvas.interactive');
const element = () => api.getSceneElements().find(e => e.id === id);
const frame = () => new Promise(r => requestAnimationFrame(r));
const ev = (type, b) => new PointerEvent(type, { bubbles: true, cancelable: true, composed: true,
  pointerId: 1, pointerType: 'mouse', isPrimary: true, clientX: window.__drag.x,
  clientY: window.__drag.y, button: 0, buttons: b });
async function press() {
  // A copy: Excalidraw moves an element by changing it in place.
  const start = { ...element() };
  const state = api.getAppState();
  const zoom = state.zoom.value;
  window.__drag = { start,
    x: (start.x + start.width / 2 + state.scrollX) * zoom + state.offsetLeft,
    y: (start.y + start.height / 2 + state.scrollY) * zoom + state.offsetTop };
  await frame(); await frame();
  await window.__idle();
  const t0 = performance.now();
  canvas.dispatchEvent(ev('pointerdown', 1));
  const press = (await window.__idle()) - t0;
  done({ press, selected: Object.keys(api.getAppState().selectedElementIds) });
}
async function drag() {
  const at = window.__drag;
  const frames = [], dispatch = [], handler = [], render = [];
  const move = () => {
    at.x += 1.5 * dir; at.y += (dispatch.length % 60 < 30) ? 1 : -1;
    const t0 = performance.now();
    canvas.dispatchEvent(ev('pointermove', 1));
    dispatch.push(performance.now() - t0);
  };
  let last = await frame();
  for (let i = 0; i < moves; i++) {
    if (!settle) {
      move();
      const ts = await frame();
      frames.push(ts - last);
      last = ts;
      continue;
    }
    await frame();
    const times = {};
    requestAnimationFrame(() => { times.before = performance.now(); });
    move();
    await frame();
    const handled = performance.now();
    const idle = await window.__idle();
    handler.push(handled - times.before);
    render.push(idle - handled);
  }
  canvas.dispatchEvent(ev('pointerup', 0));
  await window.__idle();
  const end = element();
  done({ frames, dispatch, handler, render, dx: end.x - at.start.x, dy: end.y - at.start.y });
}
(phase === 'press' ? press : drag)();
"#;

/// One board in a fresh browser: load, drag, measure, print.
fn bench(server: &StaticServer, components: usize, arrows: usize) {
    // The board drag_frames drags, frames included.
    let board = drag_board::grid_board(components, arrows, true);
    let scene: Value = serde_json::from_str(&to_excalidraw(&board)).expect("our export is JSON");
    let elements = scene["elements"].clone();
    let count = elements.as_array().map_or(0, Vec::len);
    // The component drag_frames drags, where it shows it: 500 px right of and 250 px
    // below the view's top left corner, at zoom 1.
    let target = board
        .component(drag_board::dragged(&board))
        .expect("the dragged box");
    let (scroll_x, scroll_y) = (500.0 - target.rect.x, 250.0 - target.rect.y);
    let id = format!("c{}", target.id);

    let driver = Driver::start();
    // A settled drag on the largest board takes minutes.
    driver.command("POST", "timeouts", Some(json!({ "script": 900_000 })));
    let started = Instant::now();
    driver.goto(&server.url());
    driver.wait_until("Excalidraw to mount", Duration::from_secs(60), || {
        driver.execute("return !!window.__excalidraw", vec![]) == json!(true)
    });
    let ready = started.elapsed().as_secs_f64() * 1000.0;
    let drawn = driver.execute_async(
        "const done = arguments[arguments.length - 1];\
         window.__loadScene(arguments[0], arguments[1], arguments[2]).then(done);",
        vec![elements, json!(scroll_x), json!(scroll_y)],
    );
    let drawn = drawn.as_f64().expect("__loadScene's time");
    let shown = driver.execute(
        "return window.__excalidraw.getSceneElements().length",
        vec![],
    );
    assert_eq!(
        shown.as_u64(),
        Some(count as u64),
        "Excalidraw shows another number of elements than the scene has"
    );
    std::thread::sleep(Duration::from_millis(500));
    let shots = std::env::var_os("EXCALIDRAW_SCREENSHOTS").map(PathBuf::from);
    let shoot = |when: &str| {
        if let Some(dir) = &shots {
            driver.screenshot(&dir.join(format!("excalidraw-{components}-{when}.png")));
        }
    };
    shoot("before");

    // Paced, one move per frame, as drag_frames drags: the frame intervals.
    let pressed = press(&driver, &id);
    let busy = renderer::main_thread_ms(&driver);
    let paced = drag(&driver, &id, false, 1.0);
    let busy = renderer::main_thread_ms(&driver) - busy;
    shoot("after");
    // Nothing came from anywhere but the local server (fonts included).
    let foreign = driver.execute(
        "return performance.getEntriesByType('resource').map(e => e.name)\
           .filter(n => !n.startsWith(location.origin));",
        vec![],
    );
    assert_eq!(foreign, json!([]), "the page fetched from elsewhere");
    std::thread::sleep(Duration::from_millis(500));
    let dom = driver.execute("return document.getElementsByTagName('*').length", vec![]);
    let heap = renderer::js_heap_mb(&driver);
    let memory = renderer::renderer_memory(&driver);
    driver.cdp("HeapProfiler.collectGarbage", json!({}));
    std::thread::sleep(Duration::from_millis(500));
    let heap_gc = renderer::js_heap_mb(&driver);
    let memory_gc = renderer::renderer_memory(&driver);
    // Settled, each move after the last is done, back to the left: the work per move.
    let pressed_again = press(&driver, &id);
    let settled = drag(&driver, &id, true, -1.0);

    let frames = numbers(&paced, "frames");
    let (h, r) = (numbers(&settled, "handler"), numbers(&settled, "render"));
    let dispatch = numbers(&settled, "dispatch");
    let work: Vec<f64> = (0..dispatch.len())
        .map(|i| dispatch[i] + h[i] + r[i])
        .collect();
    let (w50, w95, wmax) = summary(&work);
    let (d50, d95, _) = summary(&dispatch);
    let (h50, h95, _) = summary(&h);
    let (r50, r95, _) = summary(&r);
    let (f50, f95, fmax) = summary(&frames);
    let late = frames.iter().filter(|f| **f > FRAME_MS * 1.05).count();
    println!(
        "\nExcalidraw, {components} components and {arrows} arrows ({count} elements with the bound texts)"
    );
    println!(
        "  load: page ready {ready:.0} ms, then the scene restored and drawn {drawn:.0} ms: {:.0} ms",
        ready + drawn
    );
    println!("  press (select): {pressed:.0} ms, then {pressed_again:.0} ms");
    println!(
        "  drag, {MOVES} pointer moves one per animation frame (the shape moved {}, {} px):",
        paced["dx"], paced["dy"]
    );
    println!("    frame interval (rAF):     p50 {f50:6.2} ms  p95 {f95:6.2} ms  max {fmax:6.2} ms  ({late} of {} late)", frames.len());
    println!(
        "    main thread busy (DevTools TaskDuration, moves and release): {busy:.0} ms, {:.2} ms a move",
        busy / MOVES as f64
    );
    println!(
        "  drag, {MOVES} moves each after the last is done (the shape moved {}, {} px):",
        settled["dx"], settled["dy"]
    );
    println!(
        "    main-thread work per move: p50 {w50:6.2} ms  p95 {w95:6.2} ms  max {wmax:6.2} ms"
    );
    println!("      dispatch (canvas):       p50 {d50:6.2} ms  p95 {d95:6.2} ms");
    println!("      handler (next frame):    p50 {h50:6.2} ms  p95 {h95:6.2} ms");
    println!("      render until idle:       p50 {r50:6.2} ms  p95 {r95:6.2} ms");
    println!("  DOM elements: {dom}");
    println!("  JS heap: {heap:.1} MB ({heap_gc:.1} MB after a full GC)");
    println!(
        "  renderer memory (PSS): {}; after a full GC {:.1} MB, the largest {:.1} MB",
        memory.describe(),
        memory_gc.total_mb(),
        memory_gc.largest_mb()
    );
}

/// Presses the shape `id` ([`DRAG_SCRIPT`]), panicking unless that selected it alone,
/// and returns the time of the press.
fn press(driver: &Driver, id: &str) -> f64 {
    let result = driver.execute_async(DRAG_SCRIPT, vec![json!("press"), json!(id)]);
    assert_eq!(
        result["selected"],
        json!([id]),
        "the press did not select the shape alone: {}",
        result["selected"]
    );
    result["press"].as_f64().unwrap_or(f64::NAN)
}

/// Drags the pressed shape `id` ([`DRAG_SCRIPT`]) and releases it; panics unless it
/// moved more than 100 px the way it went.
fn drag(driver: &Driver, id: &str, settle: bool, dir: f64) -> Value {
    let args = vec![
        json!("moves"),
        json!(id),
        json!(MOVES),
        json!(settle),
        json!(dir),
    ];
    let result = driver.execute_async(DRAG_SCRIPT, args);
    let dx = result["dx"].as_f64().unwrap_or(0.0);
    assert!(
        dx * dir > 100.0,
        "the shape did not move (dx {dx}, dy {})",
        result["dy"]
    );
    result
}

fn main() {
    let server = StaticServer::start(&page_dir());
    let only: Option<usize> = std::env::var("EXCALIDRAW_SIZE")
        .ok()
        .and_then(|s| s.parse().ok());
    for (components, arrows) in SIZES {
        if only.is_none_or(|n| n == components) {
            bench(&server, components, arrows);
        }
    }
}
