//! Export and import benchmark: a board of 1,000 components and 2,000 arrows exported
//! to each format and imported back, natively in release. Budgets: SVG and JSON
//! export at most 50 ms each, import at most 100 ms. Also: opening one of 20 stored
//! boards of that size through the worker protocol, the whole round trip (no budget;
//! the planning is off the main thread, but the app pays the encoding and decoding).
//!
//! Run with `./dev.sh bench` or `cargo bench --bench export_import`.

use breadthfirst::core::editor::Viewport;
use breadthfirst::core::export::document::{to_document, Record};
use breadthfirst::core::export::excalidraw::to_excalidraw;
use breadthfirst::core::export::markdown::debrief;
use breadthfirst::core::export::mermaid::to_mermaid;
use breadthfirst::core::export::svg::to_svg;
use breadthfirst::core::persist::{self, shelf};
use breadthfirst::core::protocol::{self, Envelope, Reply, Request, WorkerMessage};
use shared::{big_board, describe, quantiles};
use std::collections::BTreeSet;
use std::time::Instant;

mod shared;

const RUNS: usize = 30;

/// Times `f` over [`RUNS`] runs and prints the summary against `budget_ms` (if any).
fn bench(name: &str, budget_ms: Option<f64>, mut f: impl FnMut() -> usize) {
    let mut bytes = 0;
    let times = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            bytes = f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let q = quantiles(times);
    let budget = budget_ms.map_or(String::new(), |b| format!("; budget {b} ms"));
    println!("{name:<18} {} ({} KB{budget})", describe(q), bytes / 1024);
    if budget_ms.is_some_and(|b| q[2] > b) {
        println!("OVER BUDGET: {name} p95 {:.2} ms", q[2]);
    }
}

fn main() {
    let board = big_board();
    let viewport = Viewport::default();
    let claims = BTreeSet::new();
    let record = Record {
        prompt: None,
        session: None,
        report: None,
        claims: &claims,
        date: "2026-11-22",
    };
    println!(
        "exporting and importing a board of {} components and {} arrows, {RUNS} runs each",
        board.components().len(),
        board.arrows().len()
    );
    bench("export SVG", Some(50.0), || {
        to_svg(&board, Some("#ffffff")).len()
    });
    let json = to_document(&board, &viewport, &record);
    bench("export JSON", Some(50.0), || {
        to_document(&board, &viewport, &record).len()
    });
    bench("import JSON", Some(100.0), || {
        let restored = persist::from_json(&json).expect("the export imports");
        assert_eq!(restored.board.components().len(), board.components().len());
        json.len()
    });
    bench("export Mermaid", None, || to_mermaid(&board).len());
    bench("export Excalidraw", None, || to_excalidraw(&board).len());
    bench("export Markdown", None, || debrief(&board, &record).len());

    // Opening one of 20 stored boards of this size, the round trip the app pays: the
    // request encoded as the app sends it, decoded and planned as the worker does, the
    // reply encoded by the worker and decoded by the app.
    let saved = persist::to_json(&board, &viewport);
    let mut store = vec![("breadthfirst.board".to_string(), saved.clone())];
    for id in 2..=20 {
        store.push((format!("breadthfirst.boards.{id}.board"), saved.clone()));
    }
    let envelope = Envelope {
        id: 1,
        request: Request::PlanBoards(shelf::ShelfRequest {
            action: shelf::BoardsAction::Open,
            id: 7,
            store,
            now: 1_795_356_300_000.0,
            ..Default::default()
        }),
    };
    bench("boards: open 1/20", None, || {
        let sent = protocol::encode(&envelope).expect("the request encodes");
        let received: Envelope = protocol::decode(&sent).expect("the request decodes");
        let reply = WorkerMessage::Reply {
            id: received.id,
            reply: protocol::handle(received.request, &[]),
        };
        let answer = protocol::encode(&reply).expect("the reply encodes");
        match protocol::decode::<WorkerMessage>(&answer).expect("the reply decodes") {
            WorkerMessage::Reply {
                id: 1,
                reply: Reply::Planned(plan),
            } => assert!(plan.reload && plan.error.is_empty()),
            other => panic!("{other:?}"),
        }
        sent.len() + answer.len()
    });
}
