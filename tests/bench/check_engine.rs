//! Checklist benchmark: a board of 1,000 components and 2,000 arrows checked against
//! every bundled prompt, natively in release. Prints min, median, p95 and max of one
//! full check (every item and hygiene rule); the budget is 5 ms.
//!
//! Run with `./dev.sh bench` or `cargo bench --bench check_engine`.

use breadthfirst::core::check::check;
use breadthfirst::core::diagram::{Board, Command, ComponentId, ComponentKind, NoteField, Point};
use breadthfirst::core::prompt::catalog;
use std::time::Instant;

const COMPONENTS: usize = 1000;
const ARROWS: usize = 2000;
const RUNS: usize = 60;
const BUDGET_MS: f64 = 5.0;

/// Kinds cycle through every kind; arrows join each component to the next two in a
/// ring (2,000 arrows), so paths are long and every component is on one.
fn big_board() -> Board {
    let mut board = Board::new();
    let mut ids: Vec<ComponentId> = Vec::new();
    for i in 0..COMPONENTS {
        let kind = ComponentKind::ALL[i % ComponentKind::ALL.len()];
        let at = Point::new((i % 40) as f64 * 200.0, (i / 40) as f64 * 110.0);
        let label = format!("{} {i}", kind.display_name());
        match board.apply(Command::AddComponent {
            kind,
            at,
            label: Some(label),
        }) {
            Ok(breadthfirst::core::diagram::Applied::Added(id)) => ids.push(id),
            other => panic!("{other:?}"),
        }
        if i % 7 == 0 {
            let id = *ids.last().unwrap();
            for (field, text) in [
                (
                    NoteField::Details,
                    "Partitioned by key; cache-aside reads with a TTL of one hour.",
                ),
                (
                    NoteField::Failure,
                    "Replicas in three zones; clients retry with backoff.",
                ),
            ] {
                board
                    .apply(Command::SetNote {
                        id,
                        field,
                        text: text.into(),
                    })
                    .unwrap();
            }
        }
    }
    let mut added = 0;
    'outer: for step in 1..=2 {
        for i in 0..COMPONENTS {
            if added == ARROWS {
                break 'outer;
            }
            let (from, to) = (ids[i], ids[(i + step) % COMPONENTS]);
            board
                .apply(Command::ConnectComponents {
                    from,
                    to,
                    label: String::new(),
                })
                .unwrap();
            added += 1;
        }
    }
    board
}

fn main() {
    let board = big_board();
    let prompts = catalog();
    println!(
        "checking a board of {} components and {} arrows against {} prompts, {RUNS} runs each",
        board.components().len(),
        board.arrows().len(),
        prompts.len()
    );
    let mut times = Vec::with_capacity(RUNS * prompts.len());
    let mut items = 0;
    for p in &prompts {
        for _ in 0..RUNS {
            let start = Instant::now();
            let report = check(&board, p, &[]);
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            items = items.max(report.items.len());
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "one check: min {:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms (budget {BUDGET_MS} ms; up to {items} items)",
        at(0.0),
        at(0.5),
        at(0.95),
        at(1.0)
    );
    if at(0.95) > BUDGET_MS {
        println!("OVER BUDGET: p95 {:.2} ms > {BUDGET_MS} ms", at(0.95));
    }
}
