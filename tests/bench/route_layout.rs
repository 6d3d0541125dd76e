//! Arrow layout benchmark, natively in release: laying out every arrow of the drag
//! benchmark's board (1,000 components, 1,500 neighbour arrows) and of the export
//! benchmark's board (2,000 arrows in a ring, many passing behind other boxes, some
//! across the whole board), in one pass as the exports do (`layout_arrows_once`) and
//! as the canvas's first sync (`layout_arrows`), and one drag step as the canvas does
//! it: one box moved, `ArrowLayouts::sync` re-laying what the move can affect.
//!
//! Run with `cargo bench --bench route_layout` (also part of `./dev.sh bench`).

use breadthfirst::core::diagram::{
    layout_arrows, layout_arrows_once, ArrowLayouts, Command, Point,
};
use shared::{describe, quantiles};
use std::time::Instant;

mod drag_board;
mod shared;

fn time(runs: usize, mut f: impl FnMut() -> usize) -> ([f64; 4], usize) {
    let mut out = 0;
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            out = f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    (quantiles(times), out)
}

fn main() {
    let board = drag_board::big_board();
    let (q, n) = time(20, || layout_arrows_once(&board).len());
    println!(
        "one-pass layout of all {n} arrows (drag board):   {}",
        describe(q)
    );
    let (q, n) = time(20, || layout_arrows(&board).len());
    println!(
        "first sync of all {n} arrows (drag board):        {}",
        describe(q)
    );
    let ring = shared::big_board();
    let (q, n) = time(10, || layout_arrows_once(&ring).len());
    println!(
        "one-pass layout of all {n} arrows (export board): {}",
        describe(q)
    );
    let (q, n) = time(10, || layout_arrows(&ring).len());
    println!(
        "first sync of all {n} arrows (export board):      {}",
        describe(q)
    );

    // One drag: the box the browser benchmark drags, moved as it moves it.
    let mut board = board;
    let dragged = board.components()[drag_board::COMPONENTS / 2 + 20].id;
    let mut live = ArrowLayouts::default();
    live.sync(&board);
    let (mut times, mut relaid) = (Vec::new(), 0);
    for i in 0..300 {
        let by = Point::new(1.5, if i % 60 < 30 { 1.0 } else { -1.0 });
        board
            .apply(Command::MoveComponents {
                ids: vec![dragged],
                by,
            })
            .unwrap();
        let start = Instant::now();
        relaid += live.sync(&board).len();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "one drag step (sync after a move):                {} ({:.1} arrows changed per step)",
        describe(quantiles(times)),
        relaid as f64 / 300.0
    );
}
