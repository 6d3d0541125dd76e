//! Excalidraw's flowchart keys, natively: Ctrl+Arrow grows a connected box, Alt+Arrow
//! walks between connected boxes, Ctrl+Shift+Arrow aligns the selection.

mod common;

use breadthfirst::core::diagram::{Applied, Board, Command, ComponentId, ComponentKind, Rect};
use breadthfirst::core::editor::{Action, Direction, Editor, Selection, Viewport};
use common::add_at;

fn editor_with(boxes: &[(ComponentKind, f64, f64)]) -> (Editor, Vec<ComponentId>) {
    let mut board = Board::new();
    let ids = boxes
        .iter()
        .map(|&(kind, x, y)| add_at(&mut board, kind, (x, y), None))
        .collect();
    (Editor::new(board, Viewport::default()), ids)
}

fn rect(e: &Editor, id: ComponentId) -> Rect {
    e.board().component(id).unwrap().rect
}

fn grow(e: &mut Editor, dir: Direction) -> ComponentId {
    match e.perform(Action::GrowConnected(dir)) {
        Ok(Applied::Added(id)) => id,
        other => panic!("{other:?}"),
    }
}

#[test]
fn ctrl_arrow_grows_a_connected_box_of_the_same_kind_on_that_side_and_selects_it() {
    let (mut e, ids) = editor_with(&[(ComponentKind::Service, 0.0, 0.0)]);
    let a = ids[0];
    e.set_selection(Selection::only_component(a));
    let src = rect(&e, a);
    for dir in [
        Direction::Right,
        Direction::Down,
        Direction::Left,
        Direction::Up,
    ] {
        e.set_selection(Selection::only_component(a));
        let b = grow(&mut e, dir);
        let r = rect(&e, b);
        assert_eq!(e.board().component(b).unwrap().kind, ComponentKind::Service);
        assert_eq!(e.selection(), &Selection::only_component(b));
        assert!(
            e.board().arrow_between(a, b).is_some(),
            "{dir:?}: no arrow a -> b"
        );
        let (c, s) = (r.center(), src.center());
        match dir {
            Direction::Right => assert!(r.x > src.right() && c.y == s.y, "{r:?}"),
            Direction::Left => assert!(r.right() < src.x && c.y == s.y, "{r:?}"),
            Direction::Down => assert!(r.y > src.bottom() && c.x == s.x, "{r:?}"),
            Direction::Up => assert!(r.bottom() < src.y && c.x == s.x, "{r:?}"),
        }
    }
    assert_eq!(e.board().components().len(), 5);
}

#[test]
fn siblings_grown_on_one_side_stack_without_overlapping() {
    let (mut e, ids) = editor_with(&[(ComponentKind::MessageQueue, 0.0, 0.0)]);
    let mut grown = Vec::new();
    for _ in 0..5 {
        e.set_selection(Selection::only_component(ids[0]));
        let id = grow(&mut e, Direction::Right);
        grown.push(rect(&e, id));
    }
    for (i, a) in grown.iter().enumerate() {
        assert!(a.x > rect(&e, ids[0]).right());
        for b in &grown[i + 1..] {
            assert!(!a.intersects(b), "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn growing_is_one_undo_step_and_needs_exactly_one_selected_box() {
    let (mut e, ids) = editor_with(&[
        (ComponentKind::Client, 0.0, 0.0),
        (ComponentKind::Cache, 0.0, 300.0),
    ]);
    let before = e.board().clone();
    e.set_selection(Selection::of_components(ids.clone()));
    assert_eq!(
        e.perform(Action::GrowConnected(Direction::Right)),
        Ok(Applied::Unchanged)
    );
    e.set_selection(Selection::default());
    assert_eq!(
        e.perform(Action::GrowConnected(Direction::Right)),
        Ok(Applied::Unchanged)
    );
    e.set_selection(Selection::only_component(ids[0]));
    grow(&mut e, Direction::Right);
    assert_eq!(e.board().arrows().len(), 1);
    e.perform(Action::Undo).unwrap();
    assert_eq!(e.board(), &before);
}

#[test]
fn alt_arrow_walks_to_the_connected_box_that_way_only() {
    // a in the middle; b right (connected), c below (connected, arrow into a),
    // d left (not connected).
    let (mut e, ids) = editor_with(&[
        (ComponentKind::Service, 300.0, 300.0),
        (ComponentKind::Cache, 600.0, 340.0),
        (ComponentKind::SqlDatabase, 320.0, 600.0),
        (ComponentKind::Worker, 0.0, 300.0),
    ]);
    let [a, b, c, d] = ids[..] else { panic!() };
    for (from, to) in [(a, b), (c, a)] {
        e.perform(Action::Apply(Command::ConnectComponents {
            from,
            to,
            label: String::new(),
        }))
        .unwrap();
    }
    let revision = e.revision();
    let walk = |e: &mut Editor, from, dir| {
        e.set_selection(Selection::only_component(from));
        assert_eq!(
            e.perform(Action::StepToConnected(dir)),
            Ok(Applied::Unchanged)
        );
        e.selection().single_component()
    };
    assert_eq!(walk(&mut e, a, Direction::Right), Some(b));
    assert_eq!(
        walk(&mut e, a, Direction::Down),
        Some(c),
        "against the arrow too"
    );
    assert_eq!(
        walk(&mut e, a, Direction::Left),
        Some(a),
        "d is not connected"
    );
    assert_eq!(walk(&mut e, a, Direction::Up), Some(a));
    assert_eq!(walk(&mut e, b, Direction::Left), Some(a));
    assert_eq!(walk(&mut e, c, Direction::Up), Some(a));
    assert_ne!(walk(&mut e, d, Direction::Right), Some(a));
    assert_eq!(e.revision(), revision, "walking never changes the board");
}

#[test]
fn ctrl_shift_arrow_aligns_the_selected_edges_as_one_step() {
    let (mut e, ids) = editor_with(&[
        (ComponentKind::Service, 10.0, 0.0),
        (ComponentKind::Cache, 90.0, 200.0),
        (ComponentKind::Worker, 40.0, 400.0),
    ]);
    e.perform(Action::Apply(Command::RenameComponent {
        id: ids[1],
        label: "A cache with a long name that widens the box".into(),
    }))
    .unwrap();
    let before = e.board().clone();
    e.set_selection(Selection::of_components(ids.clone()));
    for dir in [Direction::Left, Direction::Right] {
        let edges = ids.iter().map(|id| {
            let r = rect(&e, *id);
            if dir == Direction::Left {
                r.x
            } else {
                r.right()
            }
        });
        let line = if dir == Direction::Left {
            edges.fold(f64::MAX, f64::min)
        } else {
            edges.fold(f64::MIN, f64::max)
        };
        assert_eq!(e.perform(Action::Align(dir)), Ok(Applied::Changed));
        for id in &ids {
            let r = rect(&e, *id);
            let edge = if dir == Direction::Left {
                r.x
            } else {
                r.right()
            };
            assert!((edge - line).abs() < 1e-9, "{dir:?}: {r:?} not on {line}");
        }
    }
    // Vertical positions kept; two aligns are two undo steps.
    for id in &ids {
        assert_eq!(rect(&e, *id).y, before.component(*id).unwrap().rect.y);
    }
    e.perform(Action::Undo).unwrap();
    e.perform(Action::Undo).unwrap();
    assert_eq!(e.board(), &before);
    e.set_selection(Selection::only_component(ids[0]));
    assert_eq!(
        e.perform(Action::Align(Direction::Up)),
        Ok(Applied::Unchanged)
    );
}
