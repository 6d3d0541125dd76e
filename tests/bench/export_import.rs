//! Export and import benchmark: a board of 1,000 components and 2,000 arrows exported
//! to each format and imported back, natively in release. Budgets: SVG and JSON
//! export at most 50 ms each, import at most 100 ms. Also: opening one of 20 stored
//! boards of that size through the worker protocol, the whole round trip (no budget;
//! the planning is off the main thread, but the app pays the encoding and decoding).
//!
//! Also: importing a generated Excalidraw scene of 1,000 elements (300 labelled
//! boxes, 300 arrows, half bound and half found by where their ends lie, 100 free
//! texts) and a Mermaid flowchart of 300 nodes and 300 links, as the worker does.
//! Budget: the scene at most 200 ms. And, with no budget, the board's own Excalidraw
//! export read back (about 5,000 elements).
//!
//! Run with `./dev.sh bench` or `cargo bench --bench export_import`.

use breadthfirst::core::check::Vocabulary;
use breadthfirst::core::editor::Viewport;
use breadthfirst::core::export::document::{to_document, Record};
use breadthfirst::core::export::excalidraw::to_excalidraw;
use breadthfirst::core::export::markdown::debrief;
use breadthfirst::core::export::mermaid::to_mermaid;
use breadthfirst::core::export::svg::to_svg;
use breadthfirst::core::import::import;
use breadthfirst::core::persist::{self, shelf};
use breadthfirst::core::protocol::{self, Envelope, Reply, Request, WorkerMessage};
use serde_json::{json, Value};
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
        timeline: None,
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

    let vocabulary = Vocabulary::bundled();
    let scene = excalidraw_scene();
    bench("import Excalidraw", Some(200.0), || {
        let imported = import("big.excalidraw", &scene, &vocabulary).expect("the scene imports");
        assert_eq!(imported.report.components, BOXES);
        assert_eq!(imported.report.arrows, BOXES);
        scene.len()
    });
    // The board's own Excalidraw export: 1,000 shapes, their texts, 2,000 bound arrows.
    let exported = to_excalidraw(&board);
    bench("import own export", None, || {
        let imported = import("board.excalidraw", &exported, &vocabulary).expect("it imports");
        assert_eq!(imported.board.arrows().len(), board.arrows().len());
        exported.len()
    });
    let flowchart = mermaid_flowchart();
    bench("import Mermaid", None, || {
        let imported = import("big.mmd", &flowchart, &vocabulary).expect("the chart imports");
        assert_eq!(imported.report.components, BOXES);
        flowchart.len()
    });

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

/// Boxes in the generated scene and flowchart.
const BOXES: usize = 300;

/// Technologies the generated labels name, so every label goes through the vocabulary.
const NAMES: [&str; 6] = ["Redis", "Kafka", "Postgres", "Order service", "Nginx", "S3"];

/// 1,000 elements: [`BOXES`] rectangles with bound text, [`BOXES`] arrows (each box
/// to the next; even ones bound, odd ones only drawn from inside one box to inside
/// the next), 100 free texts.
fn excalidraw_scene() -> String {
    let mut elements: Vec<Value> = Vec::new();
    let at = |i: usize| (((i % 20) * 240) as f64, ((i / 20) * 160) as f64);
    for i in 0..BOXES {
        let (x, y) = at(i);
        let text = format!("{} {i}", NAMES[i % NAMES.len()]);
        elements.push(json!({"id": format!("r{i}"), "type": "rectangle", "x": x, "y": y,
            "width": 160, "height": 80, "boundElements": [{"id": format!("t{i}"), "type": "text"}]}));
        elements.push(json!({"id": format!("t{i}"), "type": "text", "x": x + 20.0, "y": y + 30.0,
            "width": 120, "height": 20, "text": text, "originalText": text, "containerId": format!("r{i}")}));
    }
    for i in 0..BOXES {
        let (j, (x, y)) = ((i + 1) % BOXES, at(i));
        let (to_x, to_y) = at(j);
        let (sx, sy) = (x + 80.0, y + 40.0);
        let mut arrow = json!({"id": format!("a{i}"), "type": "arrow", "x": sx, "y": sy,
            "points": [[0, 0], [to_x + 80.0 - sx, to_y + 40.0 - sy]], "endArrowhead": "arrow"});
        if i % 2 == 0 {
            arrow["startBinding"] = json!({"elementId": format!("r{i}")});
            arrow["endBinding"] = json!({"elementId": format!("r{j}")});
        }
        elements.push(arrow);
    }
    for i in 0..100 {
        elements.push(
            json!({"id": format!("n{i}"), "type": "text", "x": -400, "y": i * 30,
            "width": 200, "height": 20, "text": format!("note {i}")}),
        );
    }
    assert_eq!(elements.len(), 1000);
    json!({"type": "excalidraw", "version": 2, "elements": elements}).to_string()
}

/// [`BOXES`] nodes in a chain with a branch every tenth node.
fn mermaid_flowchart() -> String {
    let mut text = String::from("flowchart LR\n");
    for i in 0..BOXES {
        text.push_str(&format!("  n{i}[\"{} {i}\"]\n", NAMES[i % NAMES.len()]));
    }
    for i in 0..BOXES {
        let j = if i % 10 == 9 {
            i.saturating_sub(5)
        } else {
            (i + 1) % BOXES
        };
        text.push_str(&format!("  n{i} -->|step {i}| n{j}\n"));
    }
    text
}
