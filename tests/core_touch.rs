//! Touch, natively: one finger drags like the mouse; two fingers pinch-zoom about
//! their midpoint and pan, abandoning what the first finger began.

mod common;

use breadthfirst::core::diagram::{Board, ComponentKind, Point};
use breadthfirst::core::editor::{Action, Editor, PointerTarget, Viewport};
use common::add_at;

#[test]
fn one_finger_drags_a_box_like_the_mouse() {
    let mut board = Board::new();
    let id = add_at(&mut board, ComponentKind::Cache, (100.0, 100.0), None);
    let mut e = Editor::new(board, Viewport::default());
    let start = e.board().component(id).unwrap().rect;
    let at = e.viewport().to_screen(start.center());
    e.touch_start(7, PointerTarget::Component(id), at);
    e.touch_move(7, Point::new(at.x + 30.0, at.y + 10.0));
    e.touch_move(7, Point::new(at.x + 60.0, at.y + 20.0));
    e.touch_end(7, Point::new(at.x + 60.0, at.y + 20.0));
    let r = e.board().component(id).unwrap().rect;
    assert_eq!((r.x - start.x, r.y - start.y), (60.0, 20.0));
    e.perform(Action::Undo).unwrap();
    assert_eq!(e.board().component(id).unwrap().rect, start, "one step");
}

#[test]
fn spreading_two_fingers_zooms_in_about_their_midpoint_and_moving_both_pans() {
    let mut e = Editor::new(Board::new(), Viewport::default());
    let (a, b) = (Point::new(300.0, 300.0), Point::new(500.0, 300.0));
    let mid = Point::new(400.0, 300.0);
    let under = e.viewport().to_world(mid);
    e.touch_start(1, PointerTarget::Canvas, a);
    e.touch_start(2, PointerTarget::Canvas, b);
    assert!(e.is_pinching());
    // Spread to twice the distance, symmetrically: zoom x2 about the midpoint.
    e.touch_move(1, Point::new(200.0, 300.0));
    e.touch_move(2, Point::new(600.0, 300.0));
    let v = e.viewport();
    assert!((v.zoom - 2.0).abs() < 1e-9, "zoom {}", v.zoom);
    let still = v.to_world(mid);
    assert!(
        still.distance(under) < 1e-6,
        "the midpoint keeps its world point"
    );
    // Both fingers move right by 50: the content follows.
    e.touch_move(1, Point::new(250.0, 300.0));
    e.touch_move(2, Point::new(650.0, 300.0));
    let moved = e.viewport().to_world(Point::new(mid.x + 50.0, mid.y));
    assert!(
        moved.distance(under) < 1e-6,
        "the world point followed the fingers"
    );
    e.touch_end(1, Point::new(250.0, 300.0));
    assert!(e.is_pinching(), "until the last finger lifts");
    e.touch_end(2, Point::new(650.0, 300.0));
    assert!(!e.is_pinching());
}

#[test]
fn a_second_finger_abandons_the_drag_the_first_one_began() {
    let mut board = Board::new();
    let id = add_at(&mut board, ComponentKind::Service, (0.0, 0.0), None);
    let mut e = Editor::new(board, Viewport::default());
    let before = e.board().clone();
    let at = e
        .viewport()
        .to_screen(before.component(id).unwrap().rect.center());
    e.touch_start(1, PointerTarget::Component(id), at);
    e.touch_move(1, Point::new(at.x + 40.0, at.y));
    assert_ne!(e.board(), &before, "dragging");
    e.touch_start(
        2,
        PointerTarget::Canvas,
        Point::new(at.x + 200.0, at.y + 100.0),
    );
    assert_eq!(e.board(), &before, "the drag snapped back");
    e.touch_move(2, Point::new(at.x + 260.0, at.y + 100.0));
    e.touch_end(2, Point::new(at.x + 260.0, at.y + 100.0));
    e.touch_end(1, Point::new(at.x + 40.0, at.y));
    assert_eq!(e.board(), &before, "a pinch never edits the board");
    assert!(!e.can_undo());
}
