//! Saved boards: round trips, typed load errors, repairs and v1 fixtures.

use breadthfirst::core::diagram::{
    Applied, ArrowId, Board, Command, ComponentId, ComponentKind, NoteField, Point, Rect,
};
use breadthfirst::core::editor::Viewport;
use breadthfirst::core::persist::{
    self, LoadBoardError, Repair, Restored, FORMAT, MAX_BYTES, MAX_ELEMENTS, VERSION,
};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::path::Path;

fn add(board: &mut Board, kind: ComponentKind, x: f64, y: f64, label: &str) -> ComponentId {
    match board.apply(Command::AddComponent {
        kind,
        at: Point::new(x, y),
        label: Some(label.to_string()),
    }) {
        Ok(Applied::Added(id)) => id,
        other => panic!("{other:?}"),
    }
}

fn connect(board: &mut Board, from: ComponentId, to: ComponentId, label: &str) -> ArrowId {
    match board.apply(Command::ConnectComponents {
        from,
        to,
        label: label.to_string(),
    }) {
        Ok(Applied::Connected(id)) => id,
        other => panic!("{other:?}"),
    }
}

fn sample_board() -> Board {
    let mut board = Board::new();
    let client = add(
        &mut board,
        ComponentKind::Client,
        0.0,
        0.0,
        "Browser \"web\"",
    );
    let lb = add(&mut board, ComponentKind::LoadBalancer, 240.0, -12.5, "");
    let api = add(
        &mut board,
        ComponentKind::Service,
        480.0,
        0.0,
        "<script>alert('x')</script>",
    );
    let db = add(
        &mut board,
        ComponentKind::SqlDatabase,
        480.0,
        200.0,
        "Заказы 数据库 🚀",
    );
    let queue = add(
        &mut board,
        ComponentKind::MessageQueue,
        720.0,
        200.0,
        "a\\b",
    );
    let generic = add(&mut board, ComponentKind::Generic, -300.0, 400.0, "Box");
    board
        .apply(Command::MoveComponents {
            ids: vec![generic],
            by: Point::new(0.25, -0.75),
        })
        .unwrap();
    connect(&mut board, client, lb, "HTTPS \"GET\"");
    connect(&mut board, lb, api, "");
    connect(&mut board, api, db, "writes → <b>rows</b>");
    connect(&mut board, api, queue, "events");
    connect(&mut board, queue, generic, "ünïcödé");
    for (id, field, text) in [
        (
            api,
            NoteField::Details,
            "POST /links {url} -> 201 {code}\nid: base62(counter)",
        ),
        (
            db,
            NoteField::Failure,
            "Primary fails: promote the replica; \"quoted\" <b>",
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
    board
}

fn all_ids(board: &Board) -> Vec<u32> {
    board
        .components()
        .iter()
        .map(|c| c.id.0)
        .chain(board.arrows().iter().map(|a| a.id.0))
        .collect()
}

fn assert_invariants(board: &Board) {
    assert_eq!(board.invariant_violations(), Vec::<String>::new());
}

/// A v1 document with these component and arrow lists and a clean viewport.
fn doc(components: Value, arrows: Value) -> String {
    json!({
        "format": "breadthfirst",
        "version": 1,
        "board": { "components": components, "arrows": arrows },
        "viewport": { "x": 0, "y": 0, "zoom": 1 }
    })
    .to_string()
}

fn comp(id: u64, kind: &str, x: f64, y: f64) -> Value {
    json!({ "id": id, "kind": kind, "label": format!("C{id}"), "x": x, "y": y, "w": 152, "h": 64 })
}

fn arrow(id: u64, from: u64, to: u64) -> Value {
    json!({ "id": id, "from": from, "to": to, "label": "" })
}

fn load(text: &str) -> Restored {
    let restored = persist::from_json(text).unwrap_or_else(|e| panic!("load failed: {e:?}"));
    assert_invariants(&restored.board);
    restored
}

fn err(text: &str) -> LoadBoardError {
    match persist::from_json(text) {
        Ok(r) => panic!("expected an error, loaded {r:?}"),
        Err(e) => e,
    }
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------- round trip

#[test]
fn a_board_survives_a_round_trip_unchanged_and_without_repairs() {
    let board = sample_board();
    let viewport = Viewport {
        x: -120.5,
        y: 33.25,
        zoom: 1.5,
    };
    let text = persist::to_json(&board, &viewport);
    let restored = load(&text);
    assert_eq!(restored.repairs, Vec::<Repair>::new());
    assert_eq!(restored.board.components(), board.components());
    assert_eq!(restored.board.arrows(), board.arrows());
    assert_eq!(restored.board, board);
    assert_eq!(restored.viewport, viewport);
    // And the restored board saves to the same text.
    assert_eq!(persist::to_json(&restored.board, &restored.viewport), text);
}

#[test]
fn notes_are_saved_only_when_written_and_read_back_trimmed_and_capped() {
    let text = persist::to_json(&sample_board(), &Viewport::default());
    let value: Value = serde_json::from_str(&text).unwrap();
    let components = value["board"]["components"].as_array().unwrap();
    let with_details = components
        .iter()
        .filter(|c| c.get("details").is_some())
        .count();
    let with_failure = components
        .iter()
        .filter(|c| c.get("failure").is_some())
        .count();
    assert_eq!(
        (with_details, with_failure),
        (1, 1),
        "empty notes are not written"
    );

    let mut c = comp(1, "cache", 0.0, 0.0);
    c["details"] = json!(format!("  {}  ", "x".repeat(5000)));
    c["failure"] = json!(42);
    let restored = load(&doc(json!([c]), json!([])));
    let only = &restored.board.components()[0];
    assert_eq!(
        only.details.chars().count(),
        breadthfirst::core::diagram::MAX_NOTE_CHARS
    );
    assert_eq!(
        only.failure, "",
        "a note of the wrong type is dropped, the component kept"
    );
}

#[test]
fn saved_json_carries_the_format_tag_and_version() {
    let text = persist::to_json(&sample_board(), &Viewport::default());
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], FORMAT);
    assert_eq!(value["version"], VERSION);
    assert_eq!(value["board"]["components"].as_array().unwrap().len(), 6);
    assert_eq!(value["board"]["arrows"].as_array().unwrap().len(), 5);
    assert_eq!(value["board"]["components"][1]["kind"], "load_balancer");
    assert_eq!(value["board"]["components"][5]["kind"], "box");
}

#[test]
fn an_empty_board_round_trips() {
    let restored = load(&persist::to_json(&Board::new(), &Viewport::default()));
    assert!(restored.board.is_empty());
    assert!(restored.board.arrows().is_empty());
    assert_eq!(restored.viewport, Viewport::default());
    assert!(restored.repairs.is_empty());
}

#[test]
fn saving_a_damaged_viewport_writes_a_sanitised_one() {
    let damaged = Viewport {
        x: f64::NAN,
        y: 7.0,
        zoom: f64::INFINITY,
    };
    let restored = load(&persist::to_json(&sample_board(), &damaged));
    assert!(restored.repairs.is_empty(), "{:?}", restored.repairs);
    assert_eq!(restored.viewport, damaged.sanitized());
}

#[test]
fn a_restored_board_gives_the_next_component_an_unused_id() {
    let board = sample_board();
    let mut restored = load(&persist::to_json(&board, &Viewport::default())).board;
    let before: HashSet<u32> = all_ids(&board).into_iter().collect();
    let id = add(&mut restored, ComponentKind::Cache, 0.0, 600.0, "new");
    assert!(!before.contains(&id.0), "id {id} was already used");
    let a = connect(&mut restored, id, ComponentId(1), "");
    assert!(!before.contains(&a.0) && a.0 != id.0);
    assert_invariants(&restored);
}

#[test]
fn a_restored_board_with_high_saved_ids_continues_above_them() {
    let text = doc(
        json!([comp(500, "service", 0.0, 0.0), comp(7, "cache", 300.0, 0.0)]),
        json!([arrow(900, 500, 7)]),
    );
    let mut board = load(&text).board;
    let id = add(&mut board, ComponentKind::Worker, 0.0, 300.0, "");
    assert!(id.0 > 900, "got {id}");
    assert_invariants(&board);
}

// ---------------------------------------------------------------- typed errors

#[test]
fn empty_and_truncated_text_is_not_json() {
    assert!(matches!(err(""), LoadBoardError::NotJson { .. }));
    assert!(matches!(err("{"), LoadBoardError::NotJson { .. }));
    assert!(matches!(
        err("not json at all"),
        LoadBoardError::NotJson { .. }
    ));
    let LoadBoardError::NotJson { reason } = err("{") else {
        unreachable!()
    };
    assert!(!reason.is_empty());
}

#[test]
fn json_that_is_not_a_breadthfirst_envelope_is_refused() {
    assert_eq!(err("[]"), LoadBoardError::NotBreadthfirst);
    assert_eq!(err("42"), LoadBoardError::NotBreadthfirst);
    assert_eq!(err("null"), LoadBoardError::NotBreadthfirst);
    assert_eq!(
        err(r#"{"format":"excalidraw"}"#),
        LoadBoardError::NotBreadthfirst
    );
    assert_eq!(
        err(r#"{"type":"excalidraw","version":2,"elements":[]}"#),
        LoadBoardError::NotBreadthfirst
    );
    assert_eq!(
        err(r#"{"version":1,"board":{}}"#),
        LoadBoardError::NotBreadthfirst
    );
}

#[test]
fn a_missing_zero_or_non_numeric_version_is_missing_version() {
    for version in [
        None,
        Some(json!(0)),
        Some(json!("1")),
        Some(json!(-1)),
        Some(json!(null)),
    ] {
        let mut value = json!({ "format": "breadthfirst", "board": {} });
        if let Some(v) = version.clone() {
            value["version"] = v;
        }
        assert_eq!(
            err(&value.to_string()),
            LoadBoardError::MissingVersion,
            "version {version:?}"
        );
    }
}

#[test]
fn a_newer_version_is_refused_with_both_versions_named() {
    let text = r#"{"format":"breadthfirst","version":3,"board":{}}"#;
    let e = err(text);
    assert_eq!(
        e,
        LoadBoardError::VersionTooNew {
            found: 3,
            supported: 2
        }
    );
    let message = e.to_string();
    assert!(message.contains('3') && message.contains('2'), "{message}");
}

#[test]
fn a_document_without_a_board_is_malformed() {
    for text in [
        r#"{"format":"breadthfirst","version":1}"#,
        r#"{"format":"breadthfirst","version":1,"board":[]}"#,
        r#"{"format":"breadthfirst","version":1,"board":{"components":"lots"}}"#,
        r#"{"format":"breadthfirst","version":1,"board":{"arrows":{}}}"#,
    ] {
        assert!(
            matches!(err(text), LoadBoardError::Malformed { .. }),
            "{text}"
        );
    }
}

#[test]
fn text_over_the_size_limit_is_too_large() {
    let text = format!(
        r#"{{"format":"breadthfirst","version":1,"board":{{}},"pad":"{}"}}"#,
        "x".repeat(MAX_BYTES)
    );
    assert_eq!(err(&text), LoadBoardError::TooLarge { bytes: text.len() });
}

#[test]
fn more_than_max_elements_is_refused() {
    let components: Vec<Value> = (0..=MAX_ELEMENTS).map(|_| json!({})).collect();
    assert_eq!(components.len(), 20_001);
    let text = doc(Value::Array(components), json!([]));
    assert!(text.len() <= MAX_BYTES);
    assert_eq!(
        err(&text),
        LoadBoardError::TooManyElements { count: 20_001 }
    );

    let components: Vec<Value> = (0..10_000).map(|_| json!({})).collect();
    let arrows: Vec<Value> = (0..10_001).map(|_| json!({})).collect();
    let text = doc(Value::Array(components), Value::Array(arrows));
    assert_eq!(
        err(&text),
        LoadBoardError::TooManyElements { count: 20_001 }
    );
}

#[test]
fn exactly_max_elements_loads() {
    let components: Vec<Value> = (0..MAX_ELEMENTS).map(|_| json!(0)).collect();
    let restored = load(&doc(Value::Array(components), json!([])));
    assert!(restored.board.is_empty());
    assert_eq!(restored.repairs.len(), MAX_ELEMENTS);
}

#[test]
fn deeply_nested_arrays_are_an_error_not_a_panic() {
    let open = "[".repeat(10_000);
    assert!(persist::from_json(&open).is_err());
    let balanced = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(persist::from_json(&balanced).is_err());
    let inside = format!(
        r#"{{"format":"breadthfirst","version":1,"board":{{"components":{}{}}}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert!(persist::from_json(&inside).is_err());
}

// ---------------------------------------------------------------- repairs

#[test]
fn restoring_a_file_with_a_dangling_arrow_drops_the_arrow() {
    let text = doc(
        json!([comp(1, "client", 0.0, 0.0), comp(2, "service", 300.0, 0.0)]),
        json!([arrow(3, 1, 2), arrow(4, 1, 9), {"id": 5, "from": 2}]),
    );
    let r = load(&text);
    assert_eq!(
        r.repairs,
        vec![
            Repair::DroppedDanglingArrow { id: Some(4) },
            Repair::DroppedDanglingArrow { id: Some(5) },
        ]
    );
    assert_eq!(r.board.arrows().len(), 1);
    assert_eq!(r.board.arrows()[0].id, ArrowId(3));
}

#[test]
fn restoring_a_file_with_a_self_arrow_drops_the_arrow() {
    let text = doc(
        json!([comp(1, "client", 0.0, 0.0), comp(2, "service", 300.0, 0.0)]),
        json!([arrow(3, 2, 2), arrow(4, 2, 1)]),
    );
    let r = load(&text);
    assert_eq!(r.repairs, vec![Repair::DroppedSelfArrow { id: Some(3) }]);
    assert_eq!(r.board.arrows().len(), 1);
    assert_eq!(r.board.arrows()[0].id, ArrowId(4));
}

#[test]
fn restoring_a_file_with_a_repeated_arrow_keeps_the_first() {
    let text = doc(
        json!([comp(1, "client", 0.0, 0.0), comp(2, "service", 300.0, 0.0)]),
        json!([
            {"id": 3, "from": 1, "to": 2, "label": "first"},
            {"id": 4, "from": 1, "to": 2, "label": "second"},
            arrow(5, 2, 1)
        ]),
    );
    let r = load(&text);
    assert_eq!(
        r.repairs,
        vec![Repair::DroppedDuplicateArrow { id: Some(4) }]
    );
    assert_eq!(r.board.arrows().len(), 2);
    let kept = r
        .board
        .arrow_between(ComponentId(1), ComponentId(2))
        .unwrap();
    assert_eq!((kept.id, kept.label.as_str()), (ArrowId(3), "first"));
}

#[test]
fn restoring_duplicate_component_ids_renumbers_the_second_and_arrows_attach_to_the_first() {
    let text = doc(
        json!([
            {"id": 1, "kind": "client", "label": "First", "x": 0, "y": 0, "w": 152, "h": 64},
            {"id": 1, "kind": "cache", "label": "Second", "x": 300, "y": 0, "w": 152, "h": 64},
            comp(2, "service", 600.0, 0.0)
        ]),
        json!([arrow(5, 1, 2)]),
    );
    let r = load(&text);
    assert_eq!(
        r.repairs,
        vec![Repair::RenumberedComponent { id: ComponentId(6) }]
    );
    let labels: Vec<_> = r
        .board
        .components()
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(labels, ["First", "Second", "C2"]);
    let second = r.board.components()[1].clone();
    assert_eq!(second.id, ComponentId(6));
    assert_eq!(second.kind, ComponentKind::Cache);
    let a = &r.board.arrows()[0];
    assert_eq!(r.board.component(a.from).unwrap().label, "First");
    assert_eq!(a.to, ComponentId(2));
}

#[test]
fn restoring_an_arrow_whose_id_collides_with_a_component_renumbers_the_arrow() {
    let text = doc(
        json!([comp(1, "client", 0.0, 0.0), comp(2, "service", 300.0, 0.0)]),
        json!([arrow(2, 1, 2), arrow(1, 2, 1)]),
    );
    let r = load(&text);
    assert_eq!(
        r.repairs,
        vec![
            Repair::RenumberedArrow { id: ArrowId(3) },
            Repair::RenumberedArrow { id: ArrowId(4) },
        ]
    );
    let a = r
        .board
        .arrow_between(ComponentId(1), ComponentId(2))
        .unwrap();
    assert_eq!(a.id, ArrowId(3));
}

#[test]
fn restoring_components_and_arrows_without_ids_gives_them_fresh_ones() {
    let text = doc(
        json!([
            {"kind": "client", "x": 0, "y": 0, "w": 152, "h": 64},
            comp(3, "service", 300.0, 0.0),
            {"id": 0, "kind": "cache", "x": 600, "y": 0, "w": 152, "h": 64}
        ]),
        json!([{"from": 3, "to": 3}, {"from": 3, "to": 99}]),
    );
    let r = load(&text);
    assert_eq!(
        r.repairs,
        vec![
            Repair::RenumberedComponent { id: ComponentId(4) },
            Repair::RenumberedComponent { id: ComponentId(5) },
            Repair::DroppedSelfArrow { id: None },
            Repair::DroppedDanglingArrow { id: None },
        ]
    );
    assert_eq!(r.board.components()[0].label, "Client");
}

#[test]
fn restoring_an_unknown_kind_gives_a_generic_box() {
    let text = doc(
        json!([
            {"id": 1, "kind": "quantum_computer", "x": 0, "y": 0, "w": 152, "h": 64},
            {"id": 2, "kind": "Cache", "label": "Sessions", "x": 300, "y": 0, "w": 152, "h": 64},
            {"id": 3, "x": 600, "y": 0, "w": 152, "h": 64}
        ]),
        json!([arrow(4, 1, 2)]),
    );
    let r = load(&text);
    assert_eq!(
        r.repairs,
        vec![
            Repair::UnknownKind {
                kind: "quantum_computer".into()
            },
            Repair::UnknownKind {
                kind: "Cache".into()
            },
            Repair::UnknownKind {
                kind: String::new()
            },
        ]
    );
    for c in r.board.components() {
        assert_eq!(c.kind, ComponentKind::Generic);
    }
    assert_eq!(r.board.components()[0].label, "Box");
    assert_eq!(r.board.components()[1].label, "Sessions");
    assert_eq!(r.board.arrows().len(), 1);
}

#[test]
fn restoring_a_non_numeric_or_missing_position_resets_it_to_zero() {
    let text = doc(
        json!([
            {"id": 1, "kind": "client", "x": "12", "y": 40, "w": 152, "h": 64},
            {"id": 2, "kind": "client", "y": 40, "w": 152, "h": 64},
            {"id": 3, "kind": "client", "x": 1e12, "y": null, "w": 152, "h": 64}
        ]),
        json!([]),
    );
    let r = load(&text);
    assert_eq!(
        r.repairs,
        vec![
            Repair::FixedGeometry { id: ComponentId(1) },
            Repair::FixedGeometry { id: ComponentId(2) },
            Repair::FixedGeometry { id: ComponentId(3) },
        ]
    );
    let c = r.board.components();
    assert_eq!((c[0].rect.x, c[0].rect.y), (0.0, 40.0));
    assert_eq!((c[1].rect.x, c[1].rect.y), (0.0, 40.0));
    assert_eq!((c[2].rect.x, c[2].rect.y), (0.0, 0.0));
}

#[test]
fn restoring_a_huge_negative_or_missing_size_resets_it_to_the_default() {
    let (w, h) = Board::COMPONENT_SIZE;
    let text = doc(
        json!([
            {"id": 1, "kind": "client", "x": 0, "y": 0, "w": 1e9, "h": 64},
            {"id": 2, "kind": "client", "x": 0, "y": 100, "w": -152, "h": 64},
            {"id": 3, "kind": "client", "x": 0, "y": 200, "w": 0, "h": -1},
            {"id": 4, "kind": "client", "x": 0, "y": 300}
        ]),
        json!([]),
    );
    let r = load(&text);
    let fixed: Vec<_> = (1..=4)
        .map(|i| Repair::FixedGeometry { id: ComponentId(i) })
        .collect();
    assert_eq!(r.repairs, fixed);
    let c = r.board.components();
    assert_eq!(c[0].rect, Rect::new(0.0, 0.0, w, 64.0));
    assert_eq!(c[1].rect, Rect::new(0.0, 100.0, w, 64.0));
    assert_eq!(c[2].rect, Rect::new(0.0, 200.0, w, h));
    assert_eq!(c[3].rect, Rect::new(0.0, 300.0, w, h));
}

#[test]
fn restoring_skips_entries_that_are_not_objects() {
    let text = doc(
        json!([
            comp(1, "client", 0.0, 0.0),
            "box",
            7,
            null,
            comp(2, "cache", 300.0, 0.0)
        ]),
        json!([[1, 2], arrow(3, 1, 2), "1->2"]),
    );
    let r = load(&text);
    assert_eq!(
        r.repairs,
        vec![
            Repair::SkippedComponent { index: 1 },
            Repair::SkippedComponent { index: 2 },
            Repair::SkippedComponent { index: 3 },
            Repair::SkippedArrow { index: 0 },
            Repair::SkippedArrow { index: 2 },
        ]
    );
    assert_eq!(r.board.components().len(), 2);
    assert_eq!(r.board.arrows().len(), 1);
}

fn with_viewport(viewport: Option<Value>) -> String {
    let mut value = json!({
        "format": "breadthfirst",
        "version": 1,
        "board": { "components": [comp(1, "client", 0.0, 0.0)] }
    });
    if let Some(v) = viewport {
        value["viewport"] = v;
    }
    value.to_string()
}

#[test]
fn restoring_a_viewport_with_zero_zoom_resets_the_zoom() {
    let r = load(&with_viewport(Some(json!({"x": 10, "y": -20, "zoom": 0}))));
    assert_eq!(r.repairs, vec![Repair::FixedViewport]);
    assert_eq!(
        r.viewport,
        Viewport {
            x: 10.0,
            y: -20.0,
            zoom: 1.0
        }
    );
}

#[test]
fn restoring_a_viewport_with_an_out_of_range_zoom_clamps_it() {
    let r = load(&with_viewport(Some(json!({"x": 0, "y": 0, "zoom": 50}))));
    assert_eq!(r.repairs, vec![Repair::FixedViewport]);
    assert_eq!(r.viewport.zoom, Viewport::MAX_ZOOM);
    let r = load(&with_viewport(Some(json!({"x": 0, "y": 0, "zoom": 0.001}))));
    assert_eq!(r.repairs, vec![Repair::FixedViewport]);
    assert_eq!(r.viewport.zoom, Viewport::MIN_ZOOM);
}

#[test]
fn restoring_a_viewport_with_a_missing_or_bad_field_resets_it() {
    for viewport in [
        json!({"x": 5, "zoom": 2}),
        json!({"x": 5, "y": "6", "zoom": 2}),
        json!("centre"),
        json!(null),
    ] {
        let r = load(&with_viewport(Some(viewport.clone())));
        assert_eq!(r.repairs, vec![Repair::FixedViewport], "{viewport}");
        assert_eq!(r.viewport, Viewport::default(), "{viewport}");
    }
}

#[test]
fn restoring_without_a_viewport_uses_the_default_silently() {
    let r = load(&with_viewport(None));
    assert!(r.repairs.is_empty());
    assert_eq!(r.viewport, Viewport::default());
}

#[test]
fn restoring_normalises_labels_with_newlines() {
    let text = doc(
        json!([
            {"id": 1, "kind": "client", "label": "Mobile\n\n  app\t", "x": 0, "y": 0, "w": 152, "h": 64},
            {"id": 2, "kind": "cache", "label": " \n ", "x": 300, "y": 0, "w": 152, "h": 64},
            {"id": 3, "kind": "service", "label": "x".repeat(200), "x": 600, "y": 0, "w": 152, "h": 64}
        ]),
        json!([{"id": 4, "from": 1, "to": 2, "label": "reads\r\nwrites"}]),
    );
    let r = load(&text);
    assert!(r.repairs.is_empty(), "{:?}", r.repairs);
    let c = r.board.components();
    assert_eq!(c[0].label, "Mobile app");
    assert_eq!(c[1].label, "Cache");
    assert_eq!(c[2].label.chars().count(), 80);
    assert_eq!(r.board.arrows()[0].label, "reads writes");
}

#[test]
fn missing_or_null_component_and_arrow_lists_restore_an_empty_board() {
    for board in [json!({}), json!({"components": null, "arrows": null})] {
        let text = json!({"format": "breadthfirst", "version": 1, "board": board}).to_string();
        let r = load(&text);
        assert!(r.board.is_empty());
        assert!(r.repairs.is_empty());
    }
}

#[test]
fn repairs_and_errors_explain_themselves() {
    for repair in [
        Repair::SkippedComponent { index: 0 },
        Repair::UnknownKind { kind: "x".into() },
        Repair::FixedGeometry { id: ComponentId(3) },
        Repair::DroppedDanglingArrow { id: None },
        Repair::FixedViewport,
    ] {
        assert!(!repair.to_string().is_empty());
    }
    assert!(LoadBoardError::TooLarge { bytes: 6 << 20 }
        .to_string()
        .contains("MB"));
    assert!(LoadBoardError::TooManyElements { count: 10_001 }
        .to_string()
        .contains("10001"));
}

// ---------------------------------------------------------------- fixtures

#[test]
fn the_v1_board_fixture_loads_without_repairs() {
    let r = load(&fixture("v1-board.json"));
    assert!(r.repairs.is_empty(), "{:?}", r.repairs);
    assert_eq!(r.board.components().len(), 4);
    assert_eq!(r.board.arrows().len(), 3);
    let kinds: Vec<_> = r.board.components().iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            ComponentKind::Client,
            ComponentKind::LoadBalancer,
            ComponentKind::Service,
            ComponentKind::SqlDatabase
        ]
    );
    assert_eq!(
        r.board.components()[3].rect,
        Rect::new(480.0, 160.0, 152.0, 80.0)
    );
    assert_eq!(r.board.components()[2].label, "Orders API");
    let writes = r
        .board
        .arrow_between(ComponentId(3), ComponentId(4))
        .unwrap();
    assert_eq!((writes.id, writes.label.as_str()), (ArrowId(7), "writes"));
    assert_eq!(
        r.viewport,
        Viewport {
            x: -40.0,
            y: -60.5,
            zoom: 1.25
        }
    );
    // Saving and loading again changes nothing.
    let again = load(&persist::to_json(&r.board, &r.viewport));
    assert!(again.repairs.is_empty());
    assert_eq!(again.board, r.board);
}

#[test]
fn the_v1_damaged_fixture_loads_with_the_expected_repairs() {
    let r = load(&fixture("v1-damaged.json"));
    assert_eq!(
        r.repairs,
        vec![
            Repair::UnknownKind {
                kind: "quantum_db".into()
            },
            Repair::RenumberedComponent {
                id: ComponentId(14)
            },
            Repair::FixedGeometry {
                id: ComponentId(14)
            },
            Repair::SkippedComponent { index: 3 },
            Repair::FixedGeometry { id: ComponentId(4) },
            Repair::DroppedDanglingArrow { id: Some(11) },
            Repair::DroppedSelfArrow { id: Some(12) },
            Repair::DroppedDuplicateArrow { id: Some(13) },
            Repair::RenumberedArrow { id: ArrowId(15) },
            Repair::SkippedArrow { index: 5 },
            Repair::FixedViewport,
        ]
    );
    let b = &r.board;
    let ids: Vec<_> = b.components().iter().map(|c| c.id.0).collect();
    assert_eq!(ids, [1, 2, 14, 4]);
    assert_eq!(b.component(ComponentId(1)).unwrap().label, "Web app");
    let ledger = b.component(ComponentId(2)).unwrap();
    assert_eq!(
        (ledger.kind, ledger.label.as_str()),
        (ComponentKind::Generic, "Ledger")
    );
    let cache = b.component(ComponentId(14)).unwrap();
    assert_eq!(cache.kind, ComponentKind::Cache);
    assert_eq!(cache.label, "Cache");
    assert_eq!(cache.rect, Rect::new(0.0, 0.0, 152.0, 64.0));
    assert_eq!(b.component(ComponentId(4)).unwrap().rect.w, 152.0);
    let arrows: Vec<_> = b
        .arrows()
        .iter()
        .map(|a| (a.id.0, a.from.0, a.to.0, a.label.as_str()))
        .collect();
    assert_eq!(arrows, [(10, 1, 2, "HTTPS calls"), (15, 4, 1, "")]);
    assert_eq!(
        r.viewport,
        Viewport {
            x: 10.0,
            y: 20.0,
            zoom: 1.0
        }
    );
    let mut board = r.board.clone();
    let next = add(&mut board, ComponentKind::Dns, 0.0, 500.0, "");
    assert_eq!(next, ComponentId(16));
}

#[test]
fn a_restored_board_with_ids_at_the_top_of_the_range_never_hands_out_a_used_id() {
    // Second component is renumbered to u32::MAX, the last id there is.
    let text = doc(
        json!([
            comp(4_294_967_294, "client", 0.0, 0.0),
            comp(4_294_967_294, "cache", 300.0, 0.0)
        ]),
        json!([]),
    );
    let mut board = load(&text).board;
    for i in 0..3 {
        let result = board.apply(Command::AddComponent {
            kind: ComponentKind::Worker,
            at: Point::new(0.0, 200.0 * f64::from(i + 1)),
            label: None,
        });
        if result.is_ok() {
            assert_invariants(&board);
        }
    }
}

#[test]
fn a_file_with_an_id_at_the_top_of_the_range_loads_with_unique_ids_and_does_not_hang() {
    let text = r#"{"format":"breadthfirst","version":1,"board":{"components":[{"id":4294967294,"kind":"client"},{"kind":"client"},{"kind":"client"}]}}"#;
    let restored = breadthfirst::core::persist::from_json(text).expect("loads");
    let ids: std::collections::HashSet<_> =
        restored.board.components().iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), 3);
}
