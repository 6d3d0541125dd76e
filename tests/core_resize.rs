//! Pointer gestures that reshape the board, natively: resizing a box by its corner
//! handles (the opposite corner stays, sizes stay within limits, a whole drag is one
//! undo step, Escape puts it back) and Alt+drag, which moves copies.

mod common;

use breadthfirst::core::diagram::{Applied, Board, ComponentId, ComponentKind, Point, Rect};
use breadthfirst::core::editor::{
    Action, Button, Corner, Editor, Modifiers, PointerTarget, Selection, Viewport,
};
use common::add_at;

fn editor() -> (Editor, ComponentId) {
    let mut board = Board::new();
    let id = add_at(&mut board, ComponentKind::Service, (100.0, 100.0), None);
    (Editor::new(board, Viewport::default()), id)
}

fn rect(e: &Editor, id: ComponentId) -> Rect {
    e.board().component(id).unwrap().rect
}

/// Drags `corner` of `id` by (dx, dy) screen pixels in a few steps, without releasing.
fn drag_corner(e: &mut Editor, id: ComponentId, corner: Corner, dx: f64, dy: f64) -> Point {
    let r = rect(e, id);
    let at = match corner {
        Corner::TopLeft => Point::new(r.x, r.y),
        Corner::TopRight => Point::new(r.right(), r.y),
        Corner::BottomRight => Point::new(r.right(), r.bottom()),
        Corner::BottomLeft => Point::new(r.x, r.bottom()),
    };
    let screen = e.viewport().to_screen(at);
    e.pointer_down(
        PointerTarget::Resize(id, corner),
        screen,
        Button::Primary,
        Modifiers::default(),
    );
    for i in 1..=4 {
        let f = f64::from(i) / 4.0;
        e.pointer_move(Point::new(screen.x + dx * f, screen.y + dy * f));
    }
    Point::new(screen.x + dx, screen.y + dy)
}

#[test]
fn each_corner_moves_its_own_edges_and_the_opposite_corner_stays() {
    for corner in Corner::ALL {
        let (mut e, id) = editor();
        let start = rect(&e, id);
        let end = drag_corner(&mut e, id, corner, 40.0, 30.0);
        assert_eq!(e.pointer_up(end), Ok(Applied::Changed), "{corner:?}");
        let r = rect(&e, id);
        let expected = match corner {
            Corner::BottomRight => Rect::new(start.x, start.y, start.w + 40.0, start.h + 30.0),
            Corner::TopLeft => Rect::new(
                start.x + 40.0,
                start.y + 30.0,
                start.w - 40.0,
                start.h - 30.0,
            ),
            Corner::TopRight => Rect::new(start.x, start.y + 30.0, start.w + 40.0, start.h - 30.0),
            Corner::BottomLeft => {
                Rect::new(start.x + 40.0, start.y, start.w - 40.0, start.h + 30.0)
            }
        };
        assert_eq!(r, expected, "{corner:?}");
        assert_eq!(e.selection(), &Selection::only_component(id));
    }
}

#[test]
fn shrinking_past_the_smallest_size_stops_there_with_the_opposite_corner_kept() {
    let (mut e, id) = editor();
    let start = rect(&e, id);
    let end = drag_corner(&mut e, id, Corner::TopLeft, 500.0, 500.0);
    e.pointer_up(end).unwrap();
    let (min_w, min_h) = Board::MIN_SIZE;
    assert_eq!(
        rect(&e, id),
        Rect::new(start.right() - min_w, start.bottom() - min_h, min_w, min_h)
    );
}

#[test]
fn a_whole_resize_is_one_undo_step_and_escape_puts_it_back() {
    let (mut e, id) = editor();
    let start = rect(&e, id);
    let end = drag_corner(&mut e, id, Corner::BottomRight, 120.0, 60.0);
    e.pointer_up(end).unwrap();
    assert_ne!(rect(&e, id), start);
    e.perform(Action::Undo).unwrap();
    assert_eq!(rect(&e, id), start, "one step");
    assert!(!e.can_undo());

    drag_corner(&mut e, id, Corner::BottomRight, 120.0, 60.0);
    assert_ne!(rect(&e, id), start, "follows the pointer while dragging");
    e.perform(Action::Cancel).unwrap();
    assert_eq!(rect(&e, id), start, "Escape restores it");
    assert!(!e.can_undo(), "a cancelled resize leaves no step");
}

#[test]
fn resizing_at_another_zoom_follows_the_pointer_in_world_units() {
    let (mut e, id) = editor();
    e.perform(Action::ZoomIn).unwrap();
    let zoom = e.viewport().zoom;
    assert!(zoom > 1.0);
    let start = rect(&e, id);
    let end = drag_corner(&mut e, id, Corner::BottomRight, 50.0, 0.0);
    e.pointer_up(end).unwrap();
    let grown = rect(&e, id).w - start.w;
    assert!((grown - 50.0 / zoom).abs() < 1e-6, "{grown} at zoom {zoom}");
}

#[test]
fn alt_drag_moves_copies_and_leaves_the_originals_in_one_undo_step() {
    let mut board = Board::new();
    let a = add_at(&mut board, ComponentKind::Service, (0.0, 0.0), None);
    let b = add_at(&mut board, ComponentKind::Cache, (300.0, 0.0), None);
    common::connect(&mut board, a, b);
    let mut e = Editor::new(board, Viewport::default());
    let before = e.board().clone();
    e.set_selection(Selection::of_components(vec![a, b]));
    let alt = Modifiers {
        alt: true,
        ..Modifiers::default()
    };
    let at = e.viewport().to_screen(rect(&e, a).center());
    e.pointer_down(PointerTarget::Component(a), at, Button::Primary, alt);
    e.pointer_move(Point::new(at.x + 20.0, at.y + 100.0));
    let end = Point::new(at.x + 40.0, at.y + 200.0);
    assert_eq!(e.pointer_up(end), Ok(Applied::Changed));
    // The originals stay; two copies and the arrow between them moved.
    assert_eq!(rect(&e, a), before.component(a).unwrap().rect);
    assert_eq!(rect(&e, b), before.component(b).unwrap().rect);
    assert_eq!(e.board().components().len(), 4);
    assert_eq!(e.board().arrows().len(), 2);
    let copies = e.selection().components().to_vec();
    assert_eq!(copies.len(), 2);
    for (copy, original) in copies.iter().zip([a, b]) {
        let (r, o) = (rect(&e, *copy), rect(&e, original));
        assert_eq!((r.x - o.x, r.y - o.y), (40.0, 200.0));
    }
    assert!(e.board().arrow_between(copies[0], copies[1]).is_some());
    e.perform(Action::Undo).unwrap();
    assert_eq!(e.board(), &before, "one step");

    // An Alt+click without a drag copies nothing.
    e.pointer_down(PointerTarget::Component(a), at, Button::Primary, alt);
    assert_eq!(e.pointer_up(at), Ok(Applied::Unchanged));
    assert_eq!(e.board(), &before);
}
