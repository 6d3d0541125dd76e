//! The board of the drag benchmarks: 1,000 components in a 40 x 25 grid and 1,500
//! arrows between neighbours, each labelled "data".

use breadthfirst::core::diagram::{Board, Command, ComponentId, ComponentKind, Point};

/// Components on the board.
pub const COMPONENTS: usize = 1000;
/// Arrows on the board.
pub const ARROWS: usize = 1500;

/// A 40 x 25 grid; arrows join right-hand neighbours, then lower neighbours, to 1,500.
pub fn big_board() -> Board {
    grid_board(COMPONENTS, ARROWS)
}

/// The same grid with `components` components in rows of 40 and `arrows` arrows
/// (at most about twice `components`), for boards of other sizes.
pub fn grid_board(components: usize, arrows: usize) -> Board {
    let mut board = Board::new();
    let cols = 40;
    let mut ids = Vec::new();
    for i in 0..components {
        let kind = ComponentKind::ALL[i % ComponentKind::ALL.len()];
        let at = Point::new((i % cols) as f64 * 200.0, (i / cols) as f64 * 110.0);
        let applied = board
            .apply(Command::AddComponent {
                kind,
                at,
                label: Some(format!("{} {i}", kind.display_name())),
            })
            .expect("add");
        if let breadthfirst::core::diagram::Applied::Added(id) = applied {
            ids.push(id);
        }
    }
    let mut pairs: Vec<(ComponentId, ComponentId)> = Vec::new();
    for i in 0..components {
        if i % cols + 1 < cols && i + 1 < components {
            pairs.push((ids[i], ids[i + 1]));
        }
    }
    for i in 0..components.saturating_sub(cols) {
        pairs.push((ids[i], ids[i + cols]));
    }
    assert!(
        pairs.len() >= arrows,
        "the grid has too few neighbour pairs"
    );
    for (from, to) in pairs.into_iter().take(arrows) {
        board
            .apply(Command::ConnectComponents {
                from,
                to,
                label: "data".into(),
            })
            .expect("connect");
    }
    board
}
