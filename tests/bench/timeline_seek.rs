//! Seeking in a replay (issue 17's scrubber, the board part): a 45-minute timeline of
//! 2,000 board changes that grows to 300 components and 450 arrows (adds, moves,
//! renames, notes, arrows), prepared once, then the board at 500 random instants.
//! Prints preparation time and seek p50 / p95 / max against the 16 ms a scrubber
//! frame may take in all (drawing the board comes on top, in the browser).
//!
//! Run with `cargo bench --bench timeline_seek` (or `./dev.sh bench`).

use breadthfirst::core::diagram::{Board, Command, ComponentKind, NoteField, Point};
use breadthfirst::core::session::{Replay, Timeline};
use percentiles::summary;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::time::Instant;

mod percentiles;

const CHANGES: usize = 2_000;
const COMPONENTS: usize = 300;
const SESSION_MS: f64 = 45.0 * 60_000.0;

fn main() {
    let mut rng = StdRng::seed_from_u64(17);
    let mut board = Board::new();
    let mut timeline = Timeline::default();
    for step in 0..CHANGES {
        let before = board.clone();
        let ids: Vec<_> = board.components().iter().map(|c| c.id).collect();
        let command = if ids.len() < COMPONENTS && (step % 6 == 0 || ids.len() < 2) {
            Command::AddComponent {
                kind: ComponentKind::Service,
                at: Point::new(
                    rng.random_range(0.0..6_000.0),
                    rng.random_range(0.0..4_000.0),
                ),
                label: Some(format!("service {step}")),
            }
        } else {
            let id = ids[rng.random_range(0..ids.len())];
            match rng.random_range(0..4) {
                0 => Command::MoveComponents {
                    ids: vec![id],
                    by: Point::new(rng.random_range(-50.0..50.0), rng.random_range(-50.0..50.0)),
                },
                1 => Command::RenameComponent {
                    id,
                    label: format!("renamed {step}"),
                },
                2 => Command::SetNote {
                    id,
                    field: NoteField::Details,
                    text: format!("details written at step {step}"),
                },
                _ => Command::ConnectComponents {
                    from: id,
                    to: ids[rng.random_range(0..ids.len())],
                    label: String::new(),
                },
            }
        };
        let _ = board.apply(command);
        let at = SESSION_MS * step as f64 / CHANGES as f64;
        timeline.record_board(at, &before, &board);
    }
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
}
