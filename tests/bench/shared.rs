//! What the benchmarks share: the board (1,000 components of every kind with notes on
//! some, and 2,000 arrows) and the summary of timings they print.

use breadthfirst::core::diagram::{Board, Command, ComponentId, ComponentKind, NoteField, Point};

/// Components on the board.
pub const COMPONENTS: usize = 1000;
/// Arrows on the board.
pub const ARROWS: usize = 2000;

/// Kinds cycle through every kind; arrows join each component to the next two in a
/// ring (2,000 arrows), so paths are long and every component is on one.
pub fn big_board() -> Board {
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

/// Min, median, p95 and max of timings in milliseconds.
pub fn quantiles(mut times: Vec<f64>) -> [f64; 4] {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    [at(0.0), at(0.5), at(0.95), at(1.0)]
}

/// "min 1.00 ms, median 1.20 ms, p95 1.50 ms, max 2.00 ms".
pub fn describe(q: [f64; 4]) -> String {
    format!(
        "min {:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        q[0], q[1], q[2], q[3]
    )
}
