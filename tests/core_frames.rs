//! Free text, sticky notes and frames: annotations on the board that are not parts of
//! the design. They take no arrows and no kind changes, the check never sees them, a
//! frame carries what lies inside it, and they are saved, restored and exported.

mod common;

use breadthfirst::core::check::check;
use breadthfirst::core::diagram::{
    label_layout, Applied, Board, Command, ComponentId, ComponentKind, EditError, Point, Rect,
};
use breadthfirst::core::editor::{
    Action, Button, Editor, Modifiers, PointerTarget, Selection, Viewport,
};
use breadthfirst::core::export::document::Record;
use breadthfirst::core::export::markdown::debrief;
use breadthfirst::core::export::{excalidraw::to_excalidraw, mermaid::to_mermaid, svg::to_svg};
use breadthfirst::core::persist::{from_json, to_json, Repair};
use breadthfirst::core::prompt::catalog;
use common::{add_at, connect, fixture, fixture_text};

const K: [ComponentKind; 3] = ComponentKind::ANNOTATIONS;

fn rect(board: &Board, id: ComponentId) -> Rect {
    board.component(id).expect("exists").rect
}

fn resize(board: &mut Board, id: ComponentId, r: Rect) {
    board
        .apply(Command::ResizeComponent { id, rect: r })
        .unwrap();
}

#[test]
fn text_sticky_notes_and_frames_are_not_parts_and_keep_their_ids() {
    assert!(ComponentKind::ALL.iter().all(|k| k.is_part()));
    for (kind, id) in K.into_iter().zip(["text", "sticky", "frame"]) {
        assert!(!kind.is_part(), "{kind:?}");
        assert_eq!(kind.id(), id);
        assert_eq!(ComponentKind::from_id(id), Some(kind));
    }
    let names: Vec<_> = K.map(ComponentKind::display_name).to_vec();
    assert_eq!(names, ["Text", "Sticky note", "Frame"]);
}

#[test]
fn arrows_to_or_from_notes_and_frames_are_refused_and_change_nothing() {
    let mut board = Board::new();
    let service = add_at(&mut board, ComponentKind::Service, (0.0, 0.0), None);
    let cache = add_at(&mut board, ComponentKind::Cache, (300.0, 0.0), None);
    for kind in K {
        let note = add_at(&mut board, kind, (0.0, 300.0), None);
        let before = board.clone();
        for (from, to) in [(service, note), (note, service)] {
            let err = board
                .apply(Command::ConnectComponents {
                    from,
                    to,
                    label: String::new(),
                })
                .unwrap_err();
            assert_eq!(err, EditError::NotAPart);
            assert_eq!(err.to_string(), "frames and notes cannot have arrows");
        }
        assert_eq!(board, before);
    }
    // Parts still connect.
    connect(&mut board, service, cache);
    assert!(board.invariant_violations().is_empty());
}

#[test]
fn a_kind_change_never_turns_a_part_into_a_note_or_frame_or_back() {
    let mut board = Board::new();
    let service = add_at(&mut board, ComponentKind::Service, (0.0, 0.0), None);
    let sticky = add_at(&mut board, ComponentKind::Sticky, (0.0, 200.0), None);
    let before = board.clone();
    for (id, kind) in [
        (service, ComponentKind::Frame),
        (service, ComponentKind::Text),
        (sticky, ComponentKind::Service),
        (sticky, ComponentKind::Frame),
    ] {
        assert_eq!(
            board.apply(Command::ChangeKind { id, kind }),
            Err(EditError::KindChangeRefused),
            "{kind:?}"
        );
    }
    assert_eq!(board, before);
    assert_eq!(
        board.apply(Command::ChangeKind {
            id: service,
            kind: ComponentKind::Cache
        }),
        Ok(Applied::Changed)
    );
}

#[test]
fn notes_keep_longer_text_than_names_and_lay_out_without_icon_or_kind_line() {
    let long = "word ".repeat(70);
    let mut board = Board::new();
    let sticky = add_at(&mut board, ComponentKind::Sticky, (0.0, 0.0), Some(&long));
    let service = add_at(
        &mut board,
        ComponentKind::Service,
        (0.0, 400.0),
        Some(&long),
    );
    let kept = |id| board.component(id).unwrap().label.chars().count();
    assert_eq!(kept(sticky), long.trim().chars().count());
    assert!((79..=80).contains(&kept(service)), "{}", kept(service));
    for kind in [ComponentKind::Text, ComponentKind::Sticky] {
        let l = label_layout("Cache the hot orders first", kind, 200.0, 100.0);
        assert!(!l.caption && l.start, "{kind:?}");
        assert!(
            l.x < 20.0,
            "{kind:?} starts at the left, not beside an icon: {}",
            l.x
        );
    }
    let part = label_layout("Orders API", ComponentKind::Service, 200.0, 64.0);
    assert!(part.caption && !part.start);
    let title = label_layout("Write path", ComponentKind::Frame, 400.0, 300.0);
    assert_eq!(title.lines, ["Write path"]);
    assert!(title.top < 30.0, "the title is at the top: {}", title.top);
}

/// A frame at (0,0) 400x300 holding A wholly, B across its edge, C outside, and D
/// where the frame ends up but not inside it at the start.
fn framed_board() -> (Editor, [ComponentId; 5]) {
    let mut board = Board::new();
    let frame = add_at(
        &mut board,
        ComponentKind::Frame,
        (0.0, 0.0),
        Some("Write path"),
    );
    resize(&mut board, frame, Rect::new(0.0, 0.0, 400.0, 300.0));
    let a = add_at(&mut board, ComponentKind::Service, (40.0, 60.0), None);
    let b = add_at(&mut board, ComponentKind::Cache, (330.0, 60.0), None);
    let c = add_at(&mut board, ComponentKind::Client, (600.0, 60.0), None);
    let d = add_at(&mut board, ComponentKind::Sticky, (150.0, 420.0), None);
    (Editor::new(board, Viewport::default()), [frame, a, b, c, d])
}

#[test]
fn dragging_a_frame_carries_what_was_wholly_inside_it_in_one_undo_step() {
    let (mut ed, [frame, a, b, c, d]) = framed_board();
    let before = ed.board().clone();
    // Press on the frame's title strip and drag by (100, 200) in steps.
    let start = ed.viewport().to_screen(Point::new(20.0, 12.0));
    ed.pointer_down(
        PointerTarget::Component(frame),
        start,
        Button::Primary,
        Modifiers::default(),
    );
    for i in 1..=5 {
        let t = f64::from(i) / 5.0;
        ed.pointer_move(Point::new(start.x + 100.0 * t, start.y + 200.0 * t));
    }
    ed.pointer_up(Point::new(start.x + 100.0, start.y + 200.0))
        .unwrap();
    let moved = |id| {
        let (now, was) = (rect(ed.board(), id), rect(&before, id));
        (now.x - was.x, now.y - was.y)
    };
    assert_eq!(moved(frame), (100.0, 200.0));
    assert_eq!(moved(a), (100.0, 200.0), "wholly inside: carried");
    assert_eq!(moved(b), (0.0, 0.0), "across the edge: left");
    assert_eq!(moved(c), (0.0, 0.0), "outside: left");
    assert_eq!(moved(d), (0.0, 0.0), "passed over on the way: left");
    assert_eq!(
        ed.selection().components(),
        [frame],
        "the selection stays the frame"
    );
    ed.perform(Action::Undo).unwrap();
    assert_eq!(*ed.board(), before, "one undo step puts everything back");
    assert!(!ed.can_undo());
}

#[test]
fn nudging_a_frame_carries_its_contents_too() {
    let (mut ed, [frame, a, b, ..]) = framed_board();
    let (fa, aa, ba) = (
        rect(ed.board(), frame),
        rect(ed.board(), a),
        rect(ed.board(), b),
    );
    ed.perform(Action::SelectComponent(frame)).unwrap();
    ed.perform(Action::Nudge { dx: 10.0, dy: 0.0 }).unwrap();
    assert_eq!(rect(ed.board(), frame).x, fa.x + 10.0);
    assert_eq!(rect(ed.board(), a).x, aa.x + 10.0);
    assert_eq!(rect(ed.board(), b).x, ba.x);
}

#[test]
fn a_frame_added_with_boxes_selected_surrounds_them_with_a_margin() {
    let mut board = Board::new();
    let a = add_at(&mut board, ComponentKind::Service, (100.0, 100.0), None);
    let b = add_at(&mut board, ComponentKind::SqlDatabase, (400.0, 300.0), None);
    let mut ed = Editor::new(board, Viewport::default());
    let (ra, rb) = (rect(ed.board(), a), rect(ed.board(), b));
    ed.set_selection(Selection::of_components(vec![a, b]));
    let Ok(Applied::Added(frame)) = ed.perform(Action::AddComponent {
        kind: ComponentKind::Frame,
        at: None,
    }) else {
        panic!("no frame added");
    };
    let f = rect(ed.board(), frame);
    let m = Board::FRAME_MARGIN;
    assert_eq!(f.x, ra.x - m);
    assert_eq!(f.right(), rb.right() + m);
    assert_eq!(f.bottom(), rb.bottom() + m);
    assert!(f.y < ra.y - m, "room above for the title: {f:?}");
    assert_eq!(ed.board().framed(frame), [frame, a, b]);
    assert_eq!(ed.selection().components(), [frame]);
    ed.perform(Action::Undo).unwrap();
    assert!(
        ed.board().component(frame).is_none(),
        "adding it was one step"
    );
    // With nothing selected, a frame gets its default size.
    let Ok(Applied::Added(alone)) = ed.perform(Action::AddComponent {
        kind: ComponentKind::Frame,
        at: None,
    }) else {
        panic!("no frame added");
    };
    let r = rect(ed.board(), alone);
    assert_eq!((r.w, r.h), Board::FRAME_SIZE);
}

#[test]
fn the_check_reports_the_same_with_or_without_notes_and_frames() {
    let plain = fixture("complete-url-shortener.json");
    let mut annotated = plain.clone();
    let bounds = plain.bounds().unwrap();
    for (kind, label, at) in [
        (
            ComponentKind::Frame,
            "Read path",
            (bounds.x - 30.0, bounds.y - 60.0),
        ),
        (
            ComponentKind::Sticky,
            "Redis? Postgres? Ask about the cache",
            (bounds.right() + 200.0, 0.0),
        ),
        (
            ComponentKind::Text,
            "Load balancer, CDN, database",
            (bounds.x, bounds.bottom() + 200.0),
        ),
    ] {
        add_at(&mut annotated, kind, at, Some(label));
    }
    let frame = annotated
        .components()
        .iter()
        .find(|c| c.kind == ComponentKind::Frame)
        .unwrap()
        .id;
    resize(&mut annotated, frame, bounds.inflate(40.0));
    assert_eq!(annotated.components().len(), plain.components().len() + 3);
    let prompt = catalog()
        .into_iter()
        .find(|p| p.id == "url-shortener")
        .expect("prompt");
    let (with, without) = (check(&annotated, &prompt, &[]), check(&plain, &prompt, &[]));
    assert!(!without.items.is_empty());
    assert_eq!(with, without);
}

#[test]
fn the_frames_fixture_restores_cleanly_and_round_trips() {
    let text = fixture_text("v2-frames.json");
    let restored = from_json(&text).unwrap();
    assert!(restored.repairs.is_empty(), "{:?}", restored.repairs);
    let board = &restored.board;
    let kind = |id| board.component(ComponentId(id)).unwrap().kind;
    assert_eq!([4, 5, 6, 7].map(kind), [K[2], K[0], K[1], K[2]]);
    let sticky = &board.component(ComponentId(6)).unwrap().label;
    assert!(
        sticky.chars().count() > 80 && sticky.ends_with("order events."),
        "{sticky}"
    );
    assert_eq!(board.framed(ComponentId(4)), [4, 2, 3].map(ComponentId));
    let again = from_json(&to_json(board, &restored.viewport)).unwrap();
    assert_eq!(again.board, *board);
    assert_eq!(again.viewport, restored.viewport);
    // Version 1 boards still migrate, and hold parts only.
    let v1 = from_json(&fixture_text("v1-board.json")).unwrap();
    assert!(!v1.board.is_empty());
    assert!(v1.board.components().iter().all(|c| c.kind.is_part()));
}

#[test]
fn a_saved_arrow_to_a_note_is_dropped_with_a_repair() {
    let text = r#"{"format":"breadthfirst","version":2,"board":{"components":[
        {"id":1,"kind":"service","label":"A","x":0,"y":0,"w":152,"h":64},
        {"id":2,"kind":"sticky","label":"note","x":300,"y":0,"w":152,"h":64}],
        "arrows":[{"id":3,"from":1,"to":2}]}}"#;
    let restored = from_json(text).unwrap();
    assert!(restored.board.arrows().is_empty());
    assert_eq!(
        restored.repairs,
        [Repair::DroppedDanglingArrow { id: Some(3) }]
    );
    assert!(restored.board.invariant_violations().is_empty());
}

#[test]
fn exports_draw_frames_beneath_and_keep_notes_escaped() {
    let board = fixture("v2-frames.json");
    let svg = to_svg(&board, None);
    let title = svg
        .find(">Write path</tspan>")
        .expect("frame title in the SVG");
    let first_arrow = svg.find("marker-end").expect("an arrow");
    assert!(title < first_arrow, "frames come before the arrows");
    assert!(
        svg.contains("&lt;later&gt;") && svg.contains("&amp; maybe"),
        "text escaped: {svg}"
    );
    assert!(svg.contains("&quot;100 ms&quot;"), "sticky escaped");
    assert!(!svg.contains("<later>"));

    let mermaid = to_mermaid(&board);
    assert!(
        mermaid.contains("    subgraph f4[\"Write path\"]\n        n2\n        n3\n    end\n"),
        "{mermaid}"
    );
    assert!(
        !mermaid.contains("f7"),
        "an empty frame is no subgraph: {mermaid}"
    );
    for note in ["n5", "n6", "replica"] {
        assert!(!mermaid.contains(note), "{note} in {mermaid}");
    }

    let scene: serde_json::Value = serde_json::from_str(&to_excalidraw(&board)).unwrap();
    let elements = scene["elements"].as_array().unwrap();
    let by_id = |id: &str| elements.iter().find(|e| e["id"] == id).unwrap();
    assert_eq!(by_id("c4")["type"], "frame");
    assert_eq!(by_id("c4")["name"], "Write path");
    for child in ["c2", "c2-text", "c3", "c3-text"] {
        assert_eq!(by_id(child)["frameId"], "c4", "{child}");
    }
    assert!(by_id("c1")["frameId"].is_null());
    assert_eq!(by_id("c5")["type"], "text");
    assert!(by_id("c5")["text"].as_str().unwrap().contains("<later>"));
    assert_eq!(by_id("c6")["type"], "rectangle");
    assert_eq!(by_id("c6-text")["containerId"], "c6");
    let position = |id: &str| elements.iter().position(|e| e["id"] == id).unwrap();
    assert!(
        position("c2") < position("c4"),
        "children before their frame"
    );

    let claims = std::collections::BTreeSet::new();
    let record = Record {
        prompt: None,
        session: None,
        timeline: None,
        report: None,
        claims: &claims,
        date: "2026-01-01",
    };
    let md = debrief(&board, &record);
    assert!(
        md.contains("3 components, 2 arrows."),
        "notes are not counted: {md}"
    );
    assert!(md.contains("## Groups on the board\n\n- **Write path**: Orders API, Orders DB\n- **Region B**: nothing inside\n"), "{md}");
    let notes = md.find("## Notes on the board").expect("notes section");
    assert!(
        md[notes..].contains("- Reads go to a replica \\<later\\> \\& maybe a cache\n"),
        "{md}"
    );
    assert!(md[notes..].contains("\"100 ms\""), "{md}");
}

/// Writes the fixture's SVG export to `FRAMES_SVG` when set, to look at it rendered.
#[test]
fn the_frames_fixture_exports_an_svg_to_look_at() {
    let svg = to_svg(&fixture("v2-frames.json"), Some("#ffffff"));
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    if let Some(path) = std::env::var_os("FRAMES_SVG") {
        std::fs::write(path, &svg).unwrap();
    }
}
