//! Checklist benchmark: a board of 1,000 components and 2,000 arrows checked against
//! every bundled prompt, natively in release. Prints min, median, p95 and max of one
//! full check (every item and hygiene rule); the budget is 5 ms. The worker reads the
//! checker's vocabulary once when it starts, so that read is timed apart.
//!
//! Run with `./dev.sh bench` or `cargo bench --bench check_engine`.

use breadthfirst::core::check::{check_with, Vocabulary};
use breadthfirst::core::prompt::catalog;
use shared::{big_board, describe, quantiles};
use std::time::Instant;

mod shared;

const RUNS: usize = 60;
const BUDGET_MS: f64 = 5.0;

fn main() {
    let board = big_board();
    let prompts = catalog();
    println!(
        "checking a board of {} components and {} arrows against {} prompts, {RUNS} runs each",
        board.components().len(),
        board.arrows().len(),
        prompts.len()
    );
    let mut reads = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        std::hint::black_box(Vocabulary::bundled());
        reads.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "reading the vocabulary (once per worker): {}",
        describe(quantiles(reads))
    );
    let vocabulary = Vocabulary::bundled();
    let mut times = Vec::with_capacity(RUNS * prompts.len());
    let mut items = 0;
    for p in &prompts {
        for _ in 0..RUNS {
            let start = Instant::now();
            let report = check_with(&board, p, &[], &vocabulary);
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            items = items.max(report.items.len());
        }
    }
    let q = quantiles(times);
    println!(
        "one check: {} (budget {BUDGET_MS} ms; up to {items} items)",
        describe(q)
    );
    if q[2] > BUDGET_MS {
        println!("OVER BUDGET: p95 {:.2} ms > {BUDGET_MS} ms", q[2]);
    }
}
