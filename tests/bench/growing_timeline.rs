//! The timeline the replay benches seek in: 2,000 board changes over a 45-minute
//! session, growing to 300 components and about 450 arrows (adds, moves, renames,
//! notes, arrows between neighbours), from a fixed seed.

use breadthfirst::core::diagram::{Board, Command, ComponentId, ComponentKind, NoteField, Point};
use breadthfirst::core::session::Timeline;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Board changes in the timeline.
pub const CHANGES: usize = 2_000;
/// Components at the end.
pub const COMPONENTS: usize = 300;
/// The session's length.
pub const SESSION_MS: f64 = 45.0 * 60_000.0;

/// The timeline and the board it ends on.
pub fn growing_timeline(rng: &mut StdRng) -> (Timeline, Board) {
    let mut board = Board::new();
    let mut timeline = Timeline::default();
    for step in 0..CHANGES {
        let before = board.clone();
        let ids: Vec<_> = board.components().iter().map(|c| c.id).collect();
        let command = if ids.len() < COMPONENTS && (step % 6 == 0 || ids.len() < 2) {
            // In free space, as people place boxes: a cell of a 20 x 15 grid, jittered.
            let cell = ids.len();
            Command::AddComponent {
                kind: ComponentKind::Service,
                at: Point::new(
                    (cell % 20) as f64 * 300.0 + rng.random_range(0.0..80.0),
                    (cell / 20) as f64 * 260.0 + rng.random_range(0.0..80.0),
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
                    to: near(&board, id, rng),
                    label: String::new(),
                },
            }
        };
        let _ = board.apply(command);
        let at = SESSION_MS * step as f64 / CHANGES as f64;
        timeline.record_board(at, &before, &board);
    }
    (timeline, board)
}

/// One of the six boxes nearest `id`: people draw arrows to neighbours, not across
/// the whole board.
fn near(board: &Board, id: ComponentId, rng: &mut StdRng) -> ComponentId {
    let at = board
        .component(id)
        .map(|c| c.rect.center())
        .unwrap_or_default();
    let mut others: Vec<(f64, ComponentId)> = board
        .components()
        .iter()
        .filter(|c| c.id != id)
        .map(|c| (c.rect.center().distance(at), c.id))
        .collect();
    others.sort_by(|a, b| a.0.total_cmp(&b.0));
    others.truncate(6);
    others[rng.random_range(0..others.len())].1
}

/// A seeded generator, the same for every bench run.
pub fn seeded() -> StdRng {
    StdRng::seed_from_u64(17)
}
