//! Writing a session's replay (issue 17, "Share a replay"): the 45-minute timeline of
//! 2,000 board changes growing to 300 components and about 450 arrows that the other
//! replay benches use, made into versions (every board's arrows laid out again when a
//! box moved, came or went), then written as the animated SVG and as the HTML page.
//! Prints each step's time (the best and the median of five runs) and the files'
//! sizes.
//!
//! Run with `cargo bench --bench replay_export` (or `./dev.sh bench`).

use breadthfirst::core::export::replay::{
    frame_svg, frame_times, to_animated_svg, to_html_replay, SessionReplay, Versions,
};
use breadthfirst::core::session::{Session, SessionPlan};
use growing_timeline::{growing_timeline, seeded, SESSION_MS};
use serde_json::json;
use std::time::Instant;

mod growing_timeline;

const RUNS: usize = 5;

/// The best and the median of `values`, in milliseconds.
fn best_median(values: &mut [f64]) -> (f64, f64) {
    values.sort_by(f64::total_cmp);
    (values[0], values[values.len() / 2])
}

fn main() {
    let (timeline, board) = growing_timeline(&mut seeded());
    // A finished session, as a saved one reads back, beside its timeline.
    let mut value = serde_json::to_value(Session::start(
        "url-shortener",
        SessionPlan::default(),
        0.0,
        2,
    ))
    .unwrap_or_default();
    value["phase"] = json!("review");
    value["records"] = json!([
        {"phase": "requirements", "planned_ms": 300000.0, "actual_ms": 300000.0, "ended_by": "user"},
        {"phase": "breadth", "planned_ms": 540000.0, "actual_ms": SESSION_MS - 300000.0, "ended_by": "user"}
    ]);
    let session: Session = serde_json::from_value(value).expect("a session");

    let (mut versions, mut svgs, mut pages) = (Vec::new(), Vec::new(), Vec::new());
    let mut frames = Vec::new();
    let mut sizes = (0, 0, 0);
    let mut frame_bytes = (0, 0, 0);
    for _ in 0..RUNS {
        let start = Instant::now();
        let made = Versions::of(&timeline);
        versions.push(start.elapsed().as_secs_f64() * 1000.0);
        let replay = SessionReplay::of(&session, &timeline).expect("a replay");
        let start = Instant::now();
        let svg = to_animated_svg(&replay, "URL shortener");
        svgs.push(start.elapsed().as_secs_f64() * 1000.0);
        let start = Instant::now();
        let page = to_html_replay(&replay, "URL shortener", &[]).unwrap_or_default();
        pages.push(start.elapsed().as_secs_f64() * 1000.0);
        sizes = (made.list.len(), svg.len(), page.len());
        let start = Instant::now();
        let stills: Vec<String> = frame_times(replay.end_ms)
            .into_iter()
            .map(|at| frame_svg(&replay, "URL shortener", at))
            .collect();
        frames.push(start.elapsed().as_secs_f64() * 1000.0);
        frame_bytes = (
            stills.len(),
            stills.iter().map(String::len).sum::<usize>(),
            stills.iter().map(String::len).max().unwrap_or(0),
        );
    }
    println!(
        "timeline of {} board changes ({} components, {} arrows at the end): {} versions",
        timeline.entries().len(),
        board.components().len(),
        board.arrows().len(),
        sizes.0
    );
    for (what, times) in [
        ("versions (layouts included)", &mut versions),
        ("animated SVG from versions", &mut svgs),
        ("HTML page from versions", &mut pages),
        ("still frames from versions", &mut frames),
    ] {
        let (best, median) = best_median(times);
        println!("{what}: best {best:.0} ms, median {median:.0} ms");
    }
    println!(
        "animated SVG {:.1} MB, HTML page {:.1} MB",
        sizes.1 as f64 / 1e6,
        sizes.2 as f64 / 1e6
    );
    println!(
        "{} still frames: {:.1} MB in all, the largest {:.0} KB (the worker's one reply)",
        frame_bytes.0,
        frame_bytes.1 as f64 / 1e6,
        frame_bytes.2 as f64 / 1e3
    );
}
