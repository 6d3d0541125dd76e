//! Seeking in a replay (issue 17's scrubber, the board part): a 45-minute timeline of
//! 2,000 board changes that grows to 300 components and 450 arrows (adds, moves,
//! renames, notes, arrows), prepared once, then the board at 500 random instants.
//! Prints preparation time and seek p50 / p95 / max against the 16 ms a scrubber
//! frame may take in all (drawing the board comes on top, in the browser), then how
//! long the worker takes to find when each checklist component first appeared (the
//! Review's strip) on that timeline.
//!
//! Run with `cargo bench --bench timeline_seek` (or `./dev.sh bench`).

use breadthfirst::core::prompt::catalog;
use breadthfirst::core::protocol::{handle_replay, ReplayJob, ReplayReply};
use breadthfirst::core::session::Replay;
use growing_timeline::{growing_timeline, seeded, COMPONENTS, SESSION_MS};
use percentiles::summary;
use rand::Rng;
use std::time::Instant;

mod growing_timeline;
mod percentiles;

fn main() {
    let mut rng = seeded();
    let (timeline, board) = growing_timeline(&mut rng);
    let json = serde_json::to_string(&timeline).unwrap_or_default();
    let start = Instant::now();
    let replay = Replay::new(&timeline);
    let prepare = start.elapsed().as_secs_f64() * 1000.0;
    let mut seeks = Vec::new();
    for _ in 0..500 {
        let at = rng.random_range(0.0..SESSION_MS);
        let start = Instant::now();
        let seen = replay.board_at(at);
        seeks.push(start.elapsed().as_secs_f64() * 1000.0);
        assert!(seen.components().len() <= COMPONENTS);
    }
    let (p50, p95, max) = summary(&seeks);
    println!(
        "timeline of {} board changes ({} components, {} arrows at the end; {:.0} KB as JSON)",
        replay.len(),
        board.components().len(),
        board.arrows().len(),
        json.len() as f64 / 1024.0
    );
    println!("prepare the replay: {prepare:.1} ms");
    println!(
        "seek to an instant: p50 {p50:.2} ms, p95 {p95:.2} ms, max {max:.2} ms (a scrubber frame: 16 ms in all; {})",
        if p95 <= 16.0 { "within" } else { "OVER" }
    );
    let prompts = catalog();
    let mut times = Vec::new();
    let mut found = 0;
    for _ in 0..3 {
        let job = ReplayJob::Appearances {
            prompt: "url-shortener".into(),
            timeline: json.clone(),
        };
        let start = Instant::now();
        let reply = handle_replay(job, &prompts);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        if let ReplayReply::Appeared(a) = reply {
            found = a.len();
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "first appearances ({found} components found): best {:.0} ms, median {:.0} ms",
        times[0], times[1]
    );
}
