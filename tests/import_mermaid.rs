//! Importing Mermaid flowcharts: the fixture `tests/fixtures/flowchart.mmd` (every
//! node shape, chains, `&`, link texts in both forms, dotted, thick, open and
//! invisible links, a subgraph, comments, front matter and styling lines), a
//! Markdown file with a ```` ```mermaid ```` block, the layout in each direction, a
//! round trip through the app's own Mermaid export, and refusals with their line and
//! column.

mod common;

use common::{assert_no_overlaps, fixture_text, flows};

use breadthfirst::core::check::Vocabulary;
use breadthfirst::core::diagram::{Board, ComponentKind};
use breadthfirst::core::export::mermaid::to_mermaid;
use breadthfirst::core::import::{import, ImportError, Imported, Omission, SourceFormat};

fn read(name: &str, text: &str) -> Result<Imported, ImportError> {
    import(name, text, &Vocabulary::bundled())
}

fn kind_of(board: &Board, label: &str) -> ComponentKind {
    board
        .components()
        .iter()
        .find(|c| c.label == label)
        .unwrap_or_else(|| panic!("no {label:?}"))
        .kind
}

fn has(board: &Board, from: &str, to: &str, label: &str) -> bool {
    flows(board).contains(&(from.into(), to.into(), label.into()))
}

#[test]
fn every_node_shape_becomes_a_component_of_the_kind_its_name_says() {
    let imported = read("flowchart.mmd", &fixture_text("flowchart.mmd")).unwrap();
    let board = &imported.board;
    assert!(board.invariant_violations().is_empty());
    assert_eq!(board.components().len(), 14);
    for (label, kind) in [
        ("Mobile app", ComponentKind::Client),
        ("Edge CDN", ComponentKind::Cdn),
        ("API gateway", ComponentKind::ApiGateway),
        ("Order service", ComponentKind::Service),
        ("Catalog service", ComponentKind::Service),
        // A cylinder is a store, whatever its name.
        ("Orders", ComponentKind::SqlDatabase),
        ("Kafka", ComponentKind::MessageQueue),
        // A quoted label keeps its brackets.
        ("Redis (hot items)", ComponentKind::Cache),
        ("Email worker", ComponentKind::Worker),
        ("Payment gateway", ComponentKind::External),
        // A cylinder whose name says which store.
        ("Elasticsearch", ComponentKind::SearchIndex),
        ("Audit log", ComponentKind::Generic),
    ] {
        assert_eq!(kind_of(board, label), kind, "{label}");
    }
}

#[test]
fn chains_lists_and_every_link_form_become_arrows_with_their_labels() {
    let imported = read("flowchart.mmd", &fixture_text("flowchart.mmd")).unwrap();
    let board = &imported.board;
    for (from, to, label) in [
        ("Mobile app", "Edge CDN", ""),
        ("Edge CDN", "API gateway", ""),
        ("API gateway", "Order service", "places orders"),
        ("API gateway", "Catalog service", "reads the catalog"),
        ("Order service", "Kafka", ""),
        ("Catalog service", "Redis (hot items)", ""),
        ("Kafka", "Email worker", ""),
        ("Kafka", "SMS worker", ""),
        ("Email worker", "Payment gateway", ""),
        ("SMS worker", "Payment gateway", ""),
        ("Catalog service", "Elasticsearch", ""),
        ("Order service", "Ledger DB", ""),
        ("Ledger DB", "Audit log", ""),
    ] {
        assert!(
            has(board, from, to, label),
            "{from} -> {to} {label:?}: {:?}",
            flows(board)
        );
    }
    // The invisible link is a layout hint, not a flow.
    assert!(!has(board, "SMS worker", "Email worker", ""));
    assert_eq!(board.arrows().len(), 14);
}

#[test]
fn the_report_names_subgraphs_invisible_links_and_styling_lines() {
    let imported = read("flowchart.mmd", &fixture_text("flowchart.mmd")).unwrap();
    let report = &imported.report;
    assert_eq!(report.format, SourceFormat::Mermaid);
    assert_eq!(report.count(Omission::Subgraph), 1);
    assert_eq!(report.count(Omission::InvisibleLink), 1);
    assert_eq!(report.count(Omission::Styling), 4);
    assert_eq!(
        report.to_string(),
        "Imported flowchart.mmd: 14 components, 14 arrows; left out 1 invisible link, \
         1 subgraph (\"Payments\", its nodes are kept), 4 styling lines."
    );
}

#[test]
fn the_layout_follows_the_direction_in_layers_without_overlaps() {
    let imported = read("flowchart.mmd", &fixture_text("flowchart.mmd")).unwrap();
    let board = &imported.board;
    let rect = |label: &str| {
        board
            .components()
            .iter()
            .find(|c| c.label == label)
            .unwrap()
            .rect
    };
    // LR: each step of a chain further right.
    let path = [
        "Mobile app",
        "Edge CDN",
        "API gateway",
        "Order service",
        "Kafka",
        "Email worker",
        "Payment gateway",
    ];
    for pair in path.windows(2) {
        assert!(rect(pair[0]).right() < rect(pair[1]).x, "{pair:?}");
    }
    assert_no_overlaps(board);
    for (direction, later) in [("TD", "down"), ("BT", "up"), ("RL", "left")] {
        let text = format!("flowchart {direction}\n  a[Client] --> b[Service] --> c[(Database)]\n");
        let board = read("x.mmd", &text).unwrap().board;
        let r: Vec<_> = board.components().iter().map(|c| c.rect).collect();
        let ok = match later {
            "down" => r[0].bottom() < r[1].y && r[1].bottom() < r[2].y,
            "up" => r[1].bottom() < r[0].y && r[2].bottom() < r[1].y,
            _ => r[1].right() < r[0].x && r[2].right() < r[1].x,
        };
        assert!(ok, "{direction}: {r:?}");
    }
}

#[test]
fn a_cycle_is_laid_out_without_overlaps() {
    let text = "graph LR\n a --> b --> c --> a\n c --> d\n";
    let board = read("x.mmd", text).unwrap().board;
    assert_eq!(board.arrows().len(), 4);
    assert_no_overlaps(&board);
}

#[test]
fn a_markdown_file_imports_its_mermaid_block() {
    let imported = read("design.md", &fixture_text("design.md")).unwrap();
    let board = &imported.board;
    assert_eq!(board.components().len(), 4);
    assert_eq!(kind_of(board, "Postgres"), ComponentKind::SqlDatabase);
    assert_eq!(kind_of(board, "Load balancer"), ComponentKind::LoadBalancer);
    assert!(has(board, "Checkout service", "Postgres", ""));
    let none = read("notes.md", "# Notes\n\nNo diagram here.\n").unwrap_err();
    assert!(none.to_string().contains("no ```mermaid block"), "{none}");
}

#[test]
fn the_apps_own_mermaid_export_comes_back_with_its_kinds_and_labels() {
    let board = common::fixture("complete-url-shortener.json");
    let imported = read("board.mmd", &to_mermaid(&board)).unwrap();
    let pairs = |b: &Board| -> Vec<(String, ComponentKind)> {
        b.components()
            .iter()
            .map(|c| (c.label.clone(), c.kind))
            .collect()
    };
    assert_eq!(pairs(&imported.board), pairs(&board));
    assert_eq!(flows(&imported.board), flows(&board));
}

#[test]
fn the_format_comes_from_the_extension_or_the_text() {
    // Flowchart text under any name (pasted, or saved as .txt) is Mermaid.
    let pasted = read(
        "clipboard.txt",
        "%% pasted\nflowchart TD\n a[Client] --> b[Kafka]\n",
    )
    .unwrap();
    assert_eq!(pasted.report.format, SourceFormat::Mermaid);
    // JSON under any name is a scene.
    let scene = read("scene.json", &fixture_text("scene.excalidraw")).unwrap();
    assert_eq!(scene.report.format, SourceFormat::Excalidraw);
    // Anything else is neither, and is said to be no JSON, as the app says of its own files.
    let notes = read("notes.txt", "just some notes").unwrap_err();
    assert!(notes.to_string().contains("not valid JSON"), "{notes}");
    // "graphQL" is not the start of a flowchart.
    let graphql = read("api.txt", "graphQL notes").unwrap_err();
    assert!(matches!(graphql, ImportError::NotJson { .. }), "{graphql}");
}

fn error_at(text: &str) -> (usize, usize, String) {
    match read("bad.mmd", text) {
        Err(ImportError::Mermaid {
            line,
            column,
            reason,
        }) => (line, column, reason),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_bad_flowchart_is_refused_at_its_line_and_column() {
    let (line, column, reason) = error_at("flowchart LR\n  a[A] --> b[B]\n  b -> c\n");
    assert_eq!((line, column), (3, 5), "{reason}");
    assert!(reason.contains("\"->\" is not a Mermaid link"), "{reason}");
    let (line, column, reason) = error_at("graph TD\n  a --> \n");
    assert_eq!((line, column), (2, 9), "{reason}");
    assert!(reason.contains("node is missing"), "{reason}");
    let (line, _, reason) = error_at("graph TD\n  a[Unclosed --> b\n");
    assert_eq!(line, 2);
    assert!(reason.contains("not closed"), "{reason}");
    let (line, _, reason) = error_at("graph TD\n subgraph one\n a --> b\n");
    assert_eq!(line, 3);
    assert!(reason.contains("not closed by \"end\""), "{reason}");
    let (_, column, _) = error_at("graph XY\n a --> b\n");
    assert_eq!(column, 7);
    let message = read("seq.mmd", "sequenceDiagram\n A->>B: hi\n")
        .unwrap_err()
        .to_string();
    assert!(message.contains("only flowcharts"), "{message}");
    let message = read("bad.mmd", "graph TD\n  a -> b\n")
        .unwrap_err()
        .to_string();
    assert!(message.contains("line 2, column 5"), "{message}");
}

#[test]
fn two_way_dotted_and_thick_texts_crossed_and_circled_links_and_new_shapes_are_read() {
    let text = "flowchart TD\n\
        \x20 a[Web app] <--> b[Chat service]\n\
        \x20 b -. pushes .-> c[Kafka]\n\
        \x20 b == stores ==> d@{ shape: cyl, label: \"Messages\" }\n\
        \x20 c --x e[Worker] ; c --o f[Audit]\n\
        \x20 a--searches-->g[[Search]]\n\
        \x20 subgraph backend [Back end]\n\
        \x20   b\n\
        \x20 end\n\
        \x20 a --> backend\n";
    let imported = read("links.mmd", text).unwrap();
    let board = &imported.board;
    let mut found = flows(board);
    found.sort();
    let mut expected: Vec<(String, String, String)> = [
        ("Web app", "Chat service", ""),
        ("Chat service", "Web app", ""),
        ("Chat service", "Kafka", "pushes"),
        ("Chat service", "Messages", "stores"),
        ("Kafka", "Worker", ""),
        ("Kafka", "Audit", ""),
        ("Web app", "Search", "searches"),
    ]
    .iter()
    .map(|(a, b, l)| (a.to_string(), b.to_string(), l.to_string()))
    .collect();
    expected.sort();
    assert_eq!(found, expected);
    assert_eq!(kind_of(board, "Messages"), ComponentKind::SqlDatabase);
    // A link to the subgraph itself joins no box.
    assert_eq!(imported.report.count(Omission::LooseArrow), 1);
    assert!(!board.components().iter().any(|c| c.label == "backend"));
}
