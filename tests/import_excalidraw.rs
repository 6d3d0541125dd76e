//! Importing Excalidraw scenes: the fixture `tests/fixtures/scene.excalidraw` (bound
//! text, text lying inside a shape, bound and unbound arrows, an arrow drawn
//! backwards, a region, free text (one inside a frame), a line, a drawing, an image, a
//! frame, deleted elements), round trips through the app's own Excalidraw export, and
//! refusals.

mod common;

use common::{fixture_text, flows};

use breadthfirst::core::check::Vocabulary;
use breadthfirst::core::diagram::{Board, ComponentKind, Rect};
use breadthfirst::core::editor::{Action, Editor, Viewport};
use breadthfirst::core::export::excalidraw::to_excalidraw;
use breadthfirst::core::import::{import, ImportError, Imported, Omission, SourceFormat};
use breadthfirst::core::protocol::{handle, Reply, Request};
use serde_json::{json, Value};

fn read(name: &str, text: &str) -> Result<Imported, ImportError> {
    import(name, text, &Vocabulary::bundled())
}

/// (label, kind) of every part of the design (no free text or frame), in order.
fn components(board: &Board) -> Vec<(String, ComponentKind)> {
    board
        .components()
        .iter()
        .filter(|c| c.kind.is_part())
        .map(|c| (c.label.clone(), c.kind))
        .collect()
}

/// (label, kind, rect) of every free text, sticky note and frame, in paint order.
fn annotations(board: &Board) -> Vec<(String, ComponentKind, Rect)> {
    board
        .components()
        .iter()
        .filter(|c| !c.kind.is_part())
        .map(|c| (c.label.clone(), c.kind, c.rect))
        .collect()
}

fn annotation(label: &str, kind: ComponentKind, rect: [f64; 4]) -> (String, ComponentKind, Rect) {
    let [x, y, w, h] = rect;
    (label.into(), kind, Rect::new(x, y, w, h))
}

fn triple(from: &str, to: &str, label: &str) -> (String, String, String) {
    (from.into(), to.into(), label.into())
}

#[test]
fn a_scene_becomes_typed_components_and_labelled_arrows() {
    let imported = read("scene.excalidraw", &fixture_text("scene.excalidraw")).unwrap();
    let board = &imported.board;
    assert!(board.invariant_violations().is_empty());
    assert_eq!(
        components(board),
        vec![
            ("Web client".to_string(), ComponentKind::Client),
            ("Nginx".to_string(), ComponentKind::LoadBalancer),
            ("Order service".to_string(), ComponentKind::Service),
            ("Redis".to_string(), ComponentKind::Cache),
            // Text lying inside the shape, not bound to it; its two lines joined.
            ("Postgres (orders)".to_string(), ComponentKind::SqlDatabase),
            ("Kafka".to_string(), ComponentKind::MessageQueue),
            // Listed in the shape's boundElements only.
            ("Email worker".to_string(), ComponentKind::Worker),
        ]
    );
    let mut found = flows(board);
    found.sort();
    let mut expected = vec![
        triple("Web client", "Nginx", "HTTPS"),
        triple("Nginx", "Order service", ""),
        triple("Order service", "Redis", "reads"),
        triple("Order service", "Kafka", ""),
        // Unbound: both ends lie in shapes.
        triple("Kafka", "Email worker", ""),
        // Drawn from the database with its head at the start.
        triple("Order service", "Postgres (orders)", "writes"),
    ];
    expected.sort();
    assert_eq!(found, expected);
}

#[test]
fn positions_and_sizes_carry_over() {
    let imported = read("scene.excalidraw", &fixture_text("scene.excalidraw")).unwrap();
    let api = imported
        .board
        .components()
        .iter()
        .find(|c| c.label == "Order service")
        .unwrap();
    assert_eq!(
        (api.rect.x, api.rect.y, api.rect.w, api.rect.h),
        (460.0, 200.0, 200.0, 80.0)
    );
}

#[test]
fn free_text_and_frames_come_through_with_their_text_and_place_frames_first() {
    let imported = read("scene.excalidraw", &fixture_text("scene.excalidraw")).unwrap();
    let board = &imported.board;
    use ComponentKind::{Frame, Text};
    assert_eq!(
        annotations(board),
        vec![
            annotation("Backend", Frame, [380.0, -40.0, 760.0, 520.0]),
            // Heights (25) grown to the board's least (32).
            annotation(
                "Notes: p99 < 200 ms",
                Text,
                [0.0, 460.0, 209.00000000000003, 32.0]
            ),
            annotation(
                "TODO: shard by customer",
                Text,
                [0.0, 520.0, 253.00000000000003, 32.0]
            ),
            annotation(
                "Owned by the orders team",
                Text,
                [400.0, 100.0, 264.0, 32.0]
            ),
        ]
    );
    assert_eq!(Board::MIN_SIZE.1, 32.0);
    // The frame, listed first in the scene too, is first in paint order (beneath
    // everything); free text comes after the boxes (above them).
    let kinds: Vec<ComponentKind> = board.components().iter().map(|c| c.kind).collect();
    assert_eq!(kinds[0], Frame);
    assert_eq!(kinds[1..8].iter().filter(|k| k.is_part()).count(), 7);
    assert_eq!(kinds[8..], [Text, Text, Text]);
    assert!(board.invariant_violations().is_empty());
    // The frame carries what lies wholly inside it: the text in it, the order service,
    // the cache and the database, but not the queue across its edge or the notes
    // outside.
    let id = |label: &str| {
        board
            .components()
            .iter()
            .find(|c| c.label == label)
            .unwrap()
            .id
    };
    let frame = board.components()[0].id;
    let mut carried = board.framed(frame);
    carried.sort();
    let mut expected = vec![
        frame,
        id("Owned by the orders team"),
        id("Order service"),
        id("Redis"),
        id("Postgres (orders)"),
    ];
    expected.sort();
    assert_eq!(carried, expected);
    let mut ed = Editor::new(board.clone(), Viewport::default());
    ed.perform(Action::SelectComponent(frame)).unwrap();
    ed.perform(Action::Nudge { dx: 10.0, dy: 20.0 }).unwrap();
    let at = |label: &str| {
        let r = ed.board().component(id(label)).unwrap().rect;
        (r.x, r.y)
    };
    assert_eq!(at("Owned by the orders team"), (410.0, 120.0));
    assert_eq!(at("Order service"), (470.0, 220.0));
    assert_eq!(at("Notes: p99 < 200 ms"), (0.0, 460.0), "outside: left");
    assert_eq!(at("Kafka"), (500.0, 420.0), "across the edge: left");
}

#[test]
fn the_report_counts_what_was_converted_and_what_was_left_out() {
    let imported = read("scene.excalidraw", &fixture_text("scene.excalidraw")).unwrap();
    let report = &imported.report;
    assert_eq!(report.format, SourceFormat::Excalidraw);
    assert_eq!(
        (
            report.components,
            report.arrows,
            report.texts,
            report.frames
        ),
        (7, 6, 3, 1)
    );
    for (what, count) in [
        (Omission::Line, 1),
        (Omission::Image, 1),
        (Omission::Drawing, 1),
        (Omission::Region, 1),
        (Omission::EmptyShape, 1),
        (Omission::LooseArrow, 1),
        (Omission::Unknown, 0),
        (Omission::CutText, 0),
    ] {
        assert_eq!(report.count(what), count, "{what:?}");
    }
    let sentence = report.to_string();
    assert!(
        sentence.starts_with("Imported scene.excalidraw: 7 components, 6 arrows, 3 texts, 1 frame; left out 1 empty shape, "),
        "{sentence}"
    );
    for part in [
        "1 line",
        "1 image",
        "1 freehand drawing",
        "1 shape around others (\"Data tier\")",
    ] {
        assert!(sentence.contains(part), "{part}: {sentence}");
    }
    // What comes through is not said to be left out.
    for gone in ["free text", "frame (", "Notes:", "Backend"] {
        assert!(!sentence.contains(gone), "{gone}: {sentence}");
    }
    // Deleted elements are neither imported nor reported.
    assert!(!sentence.contains("eleted"), "{sentence}");
    assert!(!components(&imported.board)
        .iter()
        .any(|(l, _)| l.contains("Deleted")));
}

#[test]
fn the_apps_own_excalidraw_export_comes_back_with_its_kinds() {
    let board = common::fixture("complete-url-shortener.json");
    let imported = read("board.excalidraw", &to_excalidraw(&board)).unwrap();
    assert_eq!(components(&imported.board), components(&board));
    assert_eq!(flows(&imported.board), flows(&board));
    assert!(imported.report.left_out.is_empty(), "{}", imported.report);
}

#[test]
fn frames_and_free_text_survive_a_round_trip_through_the_apps_export() {
    let board = common::fixture("v2-frames.json");
    let imported = read("frames.excalidraw", &to_excalidraw(&board)).unwrap();
    let of_kind = |b: &Board, kind: ComponentKind| {
        let mut found = annotations(b);
        found.retain(|a| a.1 == kind);
        found
    };
    // Frames first, though the export writes them last; free text where it was.
    let frames = of_kind(&board, ComponentKind::Frame);
    assert_eq!(annotations(&imported.board)[..2], frames);
    let text = &of_kind(&imported.board, ComponentKind::Text)[0];
    assert_eq!(text.0, "Reads go to a replica <later> & maybe a cache");
    let was = of_kind(&board, ComponentKind::Text)[0].2;
    assert_eq!(text.2.center(), was.center());
    // The first frame carries the two boxes inside it.
    let first = imported.board.components()[0].id;
    assert_eq!(imported.board.framed(first).len(), 3);
    assert_eq!((imported.report.texts, imported.report.frames), (1, 2));
    assert!(imported.board.invariant_violations().is_empty());
}

#[test]
fn long_free_text_is_cut_to_what_the_board_keeps_and_unnamed_frames_are_frames() {
    let max = ComponentKind::Text.max_label_chars();
    assert_eq!(max, 400, "the report's wording names the limit");
    let long = "word ".repeat(100);
    let [a, at] = rectangle("a", 0.0, 100.0, "Service A");
    let imported = read(
        "s.excalidraw",
        &scene(json!([
            a,
            at,
            {"id": "t", "type": "text", "x": 0, "y": 300, "width": 900, "height": 100,
             "text": "word word", "originalText": long},
            {"id": "blank", "type": "text", "x": 0, "y": 600, "width": 90, "height": 20, "text": "  "},
            {"id": "f", "type": "magicframe", "x": -50, "y": -50, "width": 300, "height": 200},
            {"id": "g", "type": "frame", "x": 500, "y": 0, "width": 10, "height": 9000, "name": "  Read\npath "},
        ])),
    )
    .unwrap();
    use ComponentKind::{Frame, Text};
    let cut = long.trim()[..max - 1].to_string();
    assert_eq!(cut.chars().count(), max - 1, "no space left at the cut");
    assert_eq!(
        annotations(&imported.board),
        vec![
            annotation("Frame", Frame, [-50.0, -50.0, 300.0, 200.0]),
            // Sides clamped into the board's range.
            annotation("Read path", Frame, [500.0, 0.0, 56.0, 4000.0]),
            annotation(&cut, Text, [0.0, 300.0, 900.0, 100.0]),
        ]
    );
    let report = &imported.report;
    assert_eq!(report.count(Omission::CutText), 1);
    let sentence = report.to_string();
    assert!(
        sentence.ends_with(
            "1 component, 0 arrows, 1 text, 2 frames; left out 1 end of a text over 400 characters (\"word word word word word word word word …\")."
        ),
        "{sentence}"
    );
}
fn scene(elements: Value) -> String {
    json!({"type": "excalidraw", "version": 2, "elements": elements}).to_string()
}

fn rectangle(id: &str, x: f64, w: f64, text: &str) -> [Value; 2] {
    [
        json!({"id": id, "type": "rectangle", "x": x, "y": 0, "width": w, "height": 50,
               "boundElements": [{"id": format!("{id}-t"), "type": "text"}]}),
        json!({"id": format!("{id}-t"), "type": "text", "x": x, "y": 10, "width": 40, "height": 20,
               "text": text, "originalText": text, "containerId": id}),
    ]
}

#[test]
fn sizes_are_clamped_into_the_boards_range_and_negative_sizes_flipped() {
    let [tiny, tiny_text] = rectangle("tiny", 0.0, 2.0, "Tiny");
    let [huge, huge_text] = rectangle("huge", 100.0, 90_000.0, "Huge");
    let flipped =
        json!({"id": "f", "type": "ellipse", "x": 500, "y": 500, "width": -100, "height": -60});
    let flipped_text = json!({"id": "ft", "type": "text", "x": 420, "y": 460, "width": 30, "height": 20, "text": "Flipped"});
    let imported = read(
        "s.excalidraw",
        &scene(json!([
            tiny,
            tiny_text,
            huge,
            huge_text,
            flipped,
            flipped_text
        ])),
    )
    .unwrap();
    let rects: Vec<_> = imported.board.components().iter().map(|c| c.rect).collect();
    assert_eq!(rects[0].w, Board::MIN_SIZE.0);
    assert_eq!(rects[1].w, Board::MAX_SIZE.0);
    assert_eq!(
        (rects[2].x, rects[2].y, rects[2].w, rects[2].h),
        (400.0, 440.0, 100.0, 60.0)
    );
    assert_eq!(imported.board.components()[2].label, "Flipped");
}

#[test]
fn an_arrow_with_heads_at_both_ends_gives_an_arrow_each_way() {
    let [a, at] = rectangle("a", 0.0, 100.0, "Service A");
    let [b, bt] = rectangle("b", 300.0, 100.0, "Service B");
    let arrow = json!({"id": "x", "type": "arrow", "x": 100, "y": 25, "points": [[0, 0], [200, 0]],
        "startBinding": {"elementId": "a"}, "endBinding": {"elementId": "b"},
        "startArrowhead": "arrow", "endArrowhead": "triangle"});
    let imported = read("s.excalidraw", &scene(json!([a, at, b, bt, arrow]))).unwrap();
    assert_eq!(
        flows(&imported.board),
        vec![
            triple("Service A", "Service B", ""),
            triple("Service B", "Service A", "")
        ]
    );
}

#[test]
fn malformed_scenes_are_refused_with_what_is_wrong() {
    let text = fixture_text("scene.excalidraw");
    let truncated = &text[..text.len() / 2];
    match read("scene.excalidraw", truncated) {
        Err(ImportError::NotJson { reason }) => assert!(reason.contains("line"), "{reason}"),
        other => panic!("{other:?}"),
    }
    let wrong = read("x.json", r#"{"type": "tldraw", "elements": []}"#).unwrap_err();
    assert_eq!(
        wrong,
        ImportError::NotExcalidraw {
            found: Some("tldraw".into())
        }
    );
    assert!(wrong
        .to_string()
        .contains("not a Breadthfirst board or an Excalidraw scene"));
    let damaged = read("x.excalidraw", r#"{"type": "excalidraw", "elements": 3}"#).unwrap_err();
    assert!(
        damaged.to_string().contains("\"elements\" is not a list"),
        "{damaged}"
    );
    let nothing = scene(json!([
        {"id": "l", "type": "line", "x": 0, "y": 0},
        {"id": "i", "type": "image", "x": 0, "y": 0},
        {"id": "t", "type": "text", "x": 0, "y": 0, "text": " "}
    ]));
    let empty = read("x.excalidraw", &nothing).unwrap_err();
    assert_eq!(
        empty.to_string(),
        "it has nothing that becomes a component (it holds 1 line, 1 image)"
    );
    // Free text alone is a board of free text.
    let only_text =
        scene(json!([{"id": "t", "type": "text", "x": 0, "y": 0, "text": "Just a note"}]));
    let note = read("x.excalidraw", &only_text).unwrap();
    assert_eq!(
        annotations(&note.board),
        [annotation(
            "Just a note",
            ComponentKind::Text,
            [0.0, 0.0, 56.0, 32.0]
        )]
    );
    assert_eq!(
        note.report.to_string(),
        "Imported x.excalidraw: 0 components, 0 arrows, 1 text."
    );
}

#[test]
fn the_worker_answers_an_import_with_the_saved_board_and_the_report() {
    let request = Request::Import {
        name: "scene.excalidraw".into(),
        text: fixture_text("scene.excalidraw"),
    };
    match handle(request, &[]) {
        Reply::Imported { board, report } => {
            let restored = breadthfirst::core::persist::from_json(&board).unwrap();
            assert!(restored.repairs.is_empty(), "{:?}", restored.repairs);
            assert_eq!(restored.board.components().len(), 11);
            assert_eq!(restored.board.components()[0].kind, ComponentKind::Frame);
            assert!(report.starts_with(
                "Imported scene.excalidraw: 7 components, 6 arrows, 3 texts, 1 frame;"
            ));
        }
        other => panic!("{other:?}"),
    }
    let refused = handle(
        Request::Import {
            name: "scene.excalidraw".into(),
            text: "{\"type\": \"excalidraw\", \"elements\": [".into(),
        },
        &[],
    );
    assert!(matches!(refused, Reply::Failed(why) if why.contains("not valid JSON")));
}

#[test]
fn clipboard_scenes_and_arrows_bound_to_a_boxs_text_are_read() {
    let [a, at] = rectangle("a", 0.0, 100.0, "Client");
    let [b, bt] = rectangle("b", 300.0, 100.0, "DynamoDB");
    // Bound to the text inside the box, not to the box; its points lie on neither.
    let arrow = json!({"id": "x", "type": "arrow", "x": 900, "y": 900, "points": [[0, 0], [10, 400]],
        "startBinding": {"elementId": "a-t"}, "endBinding": {"elementId": "b-t"}});
    let clipboard = json!({"type": "excalidraw/clipboard", "elements": [a, at, b, bt, arrow]});
    let imported = read("pasted.json", &clipboard.to_string()).unwrap();
    assert_eq!(
        flows(&imported.board),
        vec![triple("Client", "DynamoDB", "")]
    );
    assert_eq!(imported.board.components()[1].kind, ComponentKind::KvStore);
}

#[test]
fn an_empty_shape_drawn_inside_a_box_is_decoration_not_a_region() {
    let [a, at] = rectangle("a", 0.0, 100.0, "Client");
    let [b, bt] = rectangle("b", 300.0, 200.0, "Search service");
    let icon =
        json!({"id": "icon", "type": "ellipse", "x": 310, "y": 5, "width": 20, "height": 20});
    // Unbound; it ends inside the icon, which is inside the box.
    let arrow =
        json!({"id": "x", "type": "arrow", "x": 100, "y": 15, "points": [[0, 0], [215, 0]]});
    let imported = read("s.excalidraw", &scene(json!([a, at, b, bt, icon, arrow]))).unwrap();
    assert_eq!(
        flows(&imported.board),
        vec![triple("Client", "Search service", "")]
    );
    assert_eq!(imported.report.count(Omission::EmptyShape), 1);
    assert_eq!(imported.report.count(Omission::Region), 0);
}
