//! The boards of the drag benchmarks: components in a grid 200 x 110 apart, arrows
//! between neighbours (each labelled "data"), and frames around blocks of boxes.
//! The standard board has 1,000 components in a 40 x 25 grid and 1,500 arrows.

#![allow(dead_code)]

use breadthfirst::core::diagram::{
    Applied, Board, Command, ComponentId, ComponentKind, Point, Rect,
};

/// Components on the standard board.
pub const COMPONENTS: usize = 1000;
/// Arrows on the standard board.
pub const ARROWS: usize = 1500;

/// Grid pitch, world pixels.
const PITCH: (f64, f64) = (200.0, 110.0);
/// A frame holds a block of this many columns and rows of boxes.
const FRAME_BLOCK: (usize, usize) = (4, 5);

/// The standard board, without frames: 1,000 components, 1,500 arrows.
pub fn big_board() -> Board {
    grid_board(COMPONENTS, ARROWS, false)
}

/// Columns of the grid of `components` boxes: 40 for 1,000, twice that for 4,000
/// (the grid keeps a 16:10 shape).
pub fn columns(components: usize) -> usize {
    (((components as f64) * 1.6).sqrt().round() as usize).max(1)
}

/// `components` boxes in a grid, `arrows` arrows joining right-hand neighbours, then
/// lower neighbours; with `frames`, one frame around each block of 4 x 5 boxes (50
/// frames for 1,000 components), beneath them.
pub fn grid_board(components: usize, arrows: usize, frames: bool) -> Board {
    let mut board = Board::new();
    let cols = columns(components);
    let rows = components.div_ceil(cols);
    if frames {
        for by in (0..rows).step_by(FRAME_BLOCK.1) {
            for bx in (0..cols).step_by(FRAME_BLOCK.0) {
                let at = Point::new(bx as f64 * PITCH.0 - 20.0, by as f64 * PITCH.1 - 30.0);
                let id = add(
                    &mut board,
                    ComponentKind::Frame,
                    at,
                    format!("Zone {bx}.{by}"),
                );
                let w = FRAME_BLOCK.0 as f64 * PITCH.0;
                let h = FRAME_BLOCK.1 as f64 * PITCH.1 + 20.0;
                let rect = Rect::new(at.x, at.y, w, h);
                board
                    .apply(Command::ResizeComponent { id, rect })
                    .expect("resize the frame");
            }
        }
    }
    let mut ids = Vec::new();
    for i in 0..components {
        let kind = ComponentKind::ALL[i % ComponentKind::ALL.len()];
        let at = Point::new((i % cols) as f64 * PITCH.0, (i / cols) as f64 * PITCH.1);
        ids.push(add(
            &mut board,
            kind,
            at,
            format!("{} {i}", kind.display_name()),
        ));
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

fn add(board: &mut Board, kind: ComponentKind, at: Point, label: String) -> ComponentId {
    match board.apply(Command::AddComponent {
        kind,
        at,
        label: Some(label),
    }) {
        Ok(Applied::Added(id)) => id,
        other => panic!("add: {other:?}"),
    }
}

/// The component the benchmarks drag: one row below the middle of the grid.
pub fn dragged(board: &Board) -> ComponentId {
    let parts: Vec<_> = board
        .components()
        .iter()
        .filter(|c| c.kind.is_part())
        .collect();
    parts[parts.len() / 2 + 20].id
}
