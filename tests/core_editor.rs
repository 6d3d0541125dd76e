//! The editor driven natively: actions, pointer gestures, history, viewport, keymap.

use breadthfirst::core::diagram::{
    Applied, ArrowId, Board, Command, ComponentId, ComponentKind, EditError, NoteField, Point,
    Rect, Size,
};
use breadthfirst::core::editor::{
    shortcut, Action, Button, Direction, Editor, KeyCommand, KeyInput, Modifiers, PointerTarget,
    Selection, Tool, Viewport, SHEET,
};
use std::collections::HashSet;

/// World units an arrow key nudges by, and with Shift (`keymap::NUDGE`, not re-exported).
const NUDGE: (f64, f64) = (10.0, 50.0);

const NONE: Modifiers = Modifiers {
    shift: false,
    primary: false,
    alt: false,
    space: false,
};
const SHIFT: Modifiers = Modifiers {
    shift: true,
    primary: false,
    alt: false,
    space: false,
};

fn add_at(board: &mut Board, kind: ComponentKind, x: f64, y: f64) -> ComponentId {
    match board.apply(Command::AddComponent {
        kind,
        at: Point::new(x, y),
        label: None,
    }) {
        Ok(Applied::Added(id)) => id,
        other => panic!("{other:?}"),
    }
}

/// An editor at zoom 1 over three components: A at (0,0), B at (300,0), C at (0,300),
/// 152x64 each, with a clean history.
fn three() -> (Editor, [ComponentId; 3]) {
    let mut board = Board::new();
    let a = add_at(&mut board, ComponentKind::Client, 0.0, 0.0);
    let b = add_at(&mut board, ComponentKind::Service, 300.0, 0.0);
    let c = add_at(&mut board, ComponentKind::SqlDatabase, 0.0, 300.0);
    (Editor::new(board, Viewport::default()), [a, b, c])
}

fn rect(ed: &Editor, id: ComponentId) -> Rect {
    ed.board().component(id).expect("component exists").rect
}

/// Screen position of a component's centre.
fn screen_centre(ed: &Editor, id: ComponentId) -> Point {
    ed.viewport().to_screen(rect(ed, id).center())
}

fn click(ed: &mut Editor, id: ComponentId, mods: Modifiers) {
    let p = screen_centre(ed, id);
    ed.pointer_down(PointerTarget::Component(id), p, Button::Primary, mods);
    ed.pointer_up(p).expect("click");
}

fn select(ed: &mut Editor, ids: &[ComponentId]) {
    ed.set_selection(Selection::of_components(ids.to_vec()));
}

fn drag_component(ed: &mut Editor, id: ComponentId, by: Point, steps: u32) {
    let start = screen_centre(ed, id);
    ed.pointer_down(PointerTarget::Component(id), start, Button::Primary, NONE);
    for i in 1..=steps {
        let t = f64::from(i) / f64::from(steps);
        ed.pointer_move(Point::new(start.x + by.x * t, start.y + by.y * t));
    }
    ed.pointer_up(Point::new(start.x + by.x, start.y + by.y))
        .expect("drag");
}

fn connect(ed: &mut Editor, from: ComponentId, to: ComponentId) -> ArrowId {
    match ed.perform(Action::Apply(Command::ConnectComponents {
        from,
        to,
        label: String::new(),
    })) {
        Ok(Applied::Connected(id)) => id,
        other => panic!("{other:?}"),
    }
}

fn assert_invariants(board: &Board) {
    assert_eq!(board.invariant_violations(), Vec::<String>::new());
}

fn close(a: Point, b: Point) -> bool {
    a.distance(b) < 1e-9
}

// ---------------------------------------------------------------- adding

#[test]
fn adding_thirty_components_without_a_position_never_overlaps_and_selects_each() {
    let mut ed = Editor::new(Board::new(), Viewport::default());
    ed.set_view_size(Size::new(1000.0, 800.0));
    let centre = Point::new(500.0, 400.0);
    let mut ids = Vec::new();
    for i in 0..30 {
        let kind = ComponentKind::ALL[i % ComponentKind::ALL.len()];
        let applied = ed.perform(Action::AddComponent { kind, at: None });
        let Ok(Applied::Added(id)) = applied else {
            panic!("{applied:?}")
        };
        assert_eq!(ed.selection(), &Selection::only_component(id));
        assert_eq!(ed.board().component(id).unwrap().kind, kind);
        ids.push(id);
    }
    assert_eq!(
        rect(&ed, ids[0]).center(),
        centre,
        "first lands on the view centre"
    );
    for (i, a) in ids.iter().enumerate() {
        let ra = rect(&ed, *a);
        assert!(
            ra.center().distance(centre) < 1000.0,
            "component {i} placed far away at {ra:?}"
        );
        for b in &ids[i + 1..] {
            assert!(!ra.intersects(&rect(&ed, *b)), "{a} overlaps {b}");
        }
    }
    assert_eq!(ed.board().components().len(), 30);
}

#[test]
fn adding_a_component_at_a_point_centres_it_there_or_nearby_when_taken() {
    let (mut ed, [a, ..]) = three();
    let at = rect(&ed, a).center();
    let Ok(Applied::Added(id)) = ed.perform(Action::AddComponent {
        kind: ComponentKind::Cache,
        at: Some(at),
    }) else {
        panic!()
    };
    let placed = rect(&ed, id);
    for c in ed.board().components().iter().filter(|c| c.id != id) {
        assert!(!c.rect.intersects(&placed));
    }
    let Ok(Applied::Added(free)) = ed.perform(Action::AddComponent {
        kind: ComponentKind::Cache,
        at: Some(Point::new(-1000.0, -1000.0)),
    }) else {
        panic!()
    };
    assert_eq!(rect(&ed, free).center(), Point::new(-1000.0, -1000.0));
    assert_eq!(
        ed.perform(Action::AddComponent {
            kind: ComponentKind::Cache,
            at: Some(Point::new(f64::NAN, 0.0)),
        }),
        Err(EditError::CoordinateOutOfRange)
    );
}

// ---------------------------------------------------------------- dragging

#[test]
fn a_whole_drag_is_one_undo_step_and_undo_restores_the_position() {
    let (mut ed, [a, ..]) = three();
    let original = rect(&ed, a);
    drag_component(&mut ed, a, Point::new(100.0, 60.0), 20);
    let moved = rect(&ed, a);
    assert_eq!((moved.x, moved.y), (original.x + 100.0, original.y + 60.0));
    assert!(ed.can_undo());
    ed.perform(Action::Undo).unwrap();
    assert_eq!(rect(&ed, a), original);
    assert!(!ed.can_undo(), "the drag must be a single step");
    ed.perform(Action::Redo).unwrap();
    assert_eq!(rect(&ed, a), moved);
}

#[test]
fn dragging_a_selected_group_moves_every_selected_component() {
    let (mut ed, [a, b, c]) = three();
    select(&mut ed, &[a, b]);
    let (ra, rb, rc) = (rect(&ed, a), rect(&ed, b), rect(&ed, c));
    drag_component(&mut ed, a, Point::new(-40.0, 25.0), 8);
    assert_eq!(rect(&ed, a).x, ra.x - 40.0);
    assert_eq!(rect(&ed, b).x, rb.x - 40.0);
    assert_eq!(rect(&ed, b).y, rb.y + 25.0);
    assert_eq!(rect(&ed, c), rc);
    assert_eq!(ed.selection().components(), &[a, b]);
}

#[test]
fn a_click_without_movement_is_not_a_history_step() {
    let (mut ed, [a, ..]) = three();
    let board = ed.board().clone();
    let revision = ed.revision();
    click(&mut ed, a, NONE);
    assert_eq!(ed.selection(), &Selection::only_component(a));
    assert_eq!(ed.board(), &board);
    assert_eq!(ed.revision(), revision);
    assert!(!ed.can_undo());
}

#[test]
fn a_one_pixel_move_is_below_the_drag_threshold() {
    let (mut ed, [a, ..]) = three();
    let original = rect(&ed, a);
    let p = screen_centre(&ed, a);
    ed.pointer_down(PointerTarget::Component(a), p, Button::Primary, NONE);
    ed.pointer_move(Point::new(p.x + 1.0, p.y));
    assert!(!ed.is_dragging());
    assert_eq!(
        ed.pointer_up(Point::new(p.x + 1.0, p.y)),
        Ok(Applied::Unchanged)
    );
    assert_eq!(rect(&ed, a), original);
    assert!(!ed.can_undo());
}

#[test]
fn a_move_past_the_threshold_moves_by_the_full_distance_from_the_press() {
    let (mut ed, [a, ..]) = three();
    let original = rect(&ed, a);
    let p = screen_centre(&ed, a);
    ed.pointer_down(PointerTarget::Component(a), p, Button::Primary, NONE);
    ed.pointer_move(Point::new(p.x + 1.0, p.y));
    ed.pointer_move(Point::new(p.x + 2.0, p.y));
    ed.pointer_move(Point::new(p.x + 10.0, p.y + 4.0));
    assert!(ed.is_dragging());
    ed.pointer_up(Point::new(p.x + 10.0, p.y + 4.0)).unwrap();
    assert_eq!(rect(&ed, a).x, original.x + 10.0);
    assert_eq!(rect(&ed, a).y, original.y + 4.0);
}

#[test]
fn dragging_at_zoom_two_moves_the_component_by_half_the_screen_distance() {
    let (ed, [a, ..]) = three();
    let mut ed = Editor::new(
        ed.board().clone(),
        Viewport {
            x: -50.0,
            y: -20.0,
            zoom: 2.0,
        },
    );
    let original = rect(&ed, a);
    drag_component(&mut ed, a, Point::new(100.0, -60.0), 10);
    let moved = rect(&ed, a);
    assert!((moved.x - (original.x + 50.0)).abs() < 1e-9, "{moved:?}");
    assert!((moved.y - (original.y - 30.0)).abs() < 1e-9, "{moved:?}");
}

#[test]
fn cancel_during_a_drag_snaps_back_and_records_nothing() {
    let (mut ed, [a, ..]) = three();
    let board = ed.board().clone();
    let p = screen_centre(&ed, a);
    ed.pointer_down(PointerTarget::Component(a), p, Button::Primary, NONE);
    for i in 1..=10 {
        ed.pointer_move(Point::new(p.x + 10.0 * f64::from(i), p.y));
    }
    assert_ne!(ed.board(), &board, "the drag moved the component");
    assert_eq!(ed.perform(Action::Cancel), Ok(Applied::Unchanged));
    assert_eq!(ed.board(), &board);
    assert!(!ed.is_dragging());
    assert!(!ed.can_undo());
    // The release after the cancel does nothing either.
    assert_eq!(
        ed.pointer_up(Point::new(p.x + 150.0, p.y)),
        Ok(Applied::Unchanged)
    );
    assert_eq!(ed.board(), &board);
    assert!(!ed.can_undo());
}

#[test]
fn cancel_when_idle_clears_the_selection() {
    let (mut ed, [a, b, _]) = three();
    select(&mut ed, &[a, b]);
    ed.perform(Action::Cancel).unwrap();
    assert!(ed.selection().is_empty());
}

// ---------------------------------------------------------------- selection by pointer

#[test]
fn shift_click_toggles_a_component_in_the_selection() {
    let (mut ed, [a, b, _]) = three();
    click(&mut ed, a, NONE);
    click(&mut ed, b, SHIFT);
    assert_eq!(ed.selection().components(), &[a, b]);
    click(&mut ed, a, SHIFT);
    assert_eq!(ed.selection().components(), &[b]);
    click(&mut ed, b, SHIFT);
    assert!(ed.selection().is_empty());
}

#[test]
fn clicking_one_of_several_selected_components_narrows_the_selection_on_release() {
    let (mut ed, [a, b, c]) = three();
    select(&mut ed, &[a, b, c]);
    let p = screen_centre(&ed, b);
    ed.pointer_down(PointerTarget::Component(b), p, Button::Primary, NONE);
    assert_eq!(
        ed.selection().components(),
        &[a, b, c],
        "the press keeps the group for dragging"
    );
    ed.pointer_up(p).unwrap();
    assert_eq!(ed.selection(), &Selection::only_component(b));
}

#[test]
fn clicking_an_unselected_component_selects_only_it() {
    let (mut ed, [a, b, c]) = three();
    select(&mut ed, &[a, b]);
    click(&mut ed, c, NONE);
    assert_eq!(ed.selection(), &Selection::only_component(c));
}

#[test]
fn a_rubber_band_selects_what_it_wholly_contains() {
    let (mut ed, [a, b, c]) = three();
    select(&mut ed, &[c]);
    let (ra, rb) = (rect(&ed, a), rect(&ed, b));
    ed.pointer_down(
        PointerTarget::Canvas,
        Point::new(-20.0, -20.0),
        Button::Primary,
        NONE,
    );
    assert!(ed.selection().is_empty(), "a plain band starts afresh");
    // Over all of `a` and half of `b`: `b` is only touched.
    let end = Point::new(rb.center().x, ra.bottom() + 10.0);
    ed.pointer_move(Point::new(200.0, 40.0));
    ed.pointer_move(end);
    assert_eq!(
        ed.selection_band(),
        Some(Rect::from_corners(Point::new(-20.0, -20.0), end))
    );
    ed.pointer_up(end).unwrap();
    assert_eq!(ed.selection().components(), &[a]);
    assert!(ed.selection_band().is_none());
    assert!(!ed.can_undo());
}

#[test]
fn a_rubber_band_with_ctrl_selects_what_it_touches() {
    let (mut ed, [a, b, _c]) = three();
    let (ra, rb) = (rect(&ed, a), rect(&ed, b));
    let ctrl = Modifiers {
        primary: true,
        ..NONE
    };
    ed.pointer_down(
        PointerTarget::Canvas,
        Point::new(-20.0, -20.0),
        Button::Primary,
        ctrl,
    );
    ed.pointer_up(Point::new(rb.center().x, ra.center().y))
        .unwrap();
    assert_eq!(ed.selection().components(), &[a, b]);
}

#[test]
fn escape_during_a_rubber_band_keeps_the_selection_it_started_with() {
    let (mut ed, [a, b, c]) = three();
    select(&mut ed, &[c]);
    ed.pointer_down(
        PointerTarget::Canvas,
        Point::new(-20.0, -20.0),
        Button::Primary,
        NONE,
    );
    ed.pointer_move(Point::new(rect(&ed, b).right() + 20.0, 100.0));
    assert_eq!(ed.selection().components(), &[a, b]);
    ed.cancel_gesture();
    assert_eq!(ed.selection(), &Selection::only_component(c));
    assert!(ed.selection_band().is_none());
}

#[test]
fn a_shift_rubber_band_adds_to_the_existing_selection() {
    let (mut ed, [a, b, c]) = three();
    click(&mut ed, c, NONE);
    ed.pointer_down(
        PointerTarget::Canvas,
        Point::new(-20.0, -20.0),
        Button::Primary,
        SHIFT,
    );
    let below = rect(&ed, a).bottom() + 10.0;
    ed.pointer_up(Point::new(rect(&ed, b).right() + 10.0, below))
        .unwrap();
    let selected: HashSet<_> = ed.selection().components().iter().copied().collect();
    assert_eq!(selected, HashSet::from([a, b, c]));
}

#[test]
fn clicking_an_arrow_selects_it_and_shift_click_toggles_it() {
    let (mut ed, [a, b, c]) = three();
    let ab = connect(&mut ed, a, b);
    let ac = connect(&mut ed, a, c);
    ed.pointer_down(
        PointerTarget::Arrow(ab),
        Point::new(200.0, 32.0),
        Button::Primary,
        NONE,
    );
    ed.pointer_up(Point::new(200.0, 32.0)).unwrap();
    assert_eq!(ed.selection(), &Selection::only_arrow(ab));
    ed.pointer_down(
        PointerTarget::Arrow(ac),
        Point::new(70.0, 200.0),
        Button::Primary,
        SHIFT,
    );
    ed.pointer_up(Point::new(70.0, 200.0)).unwrap();
    assert_eq!(ed.selection().arrows(), &[ab, ac]);
}

// ---------------------------------------------------------------- connecting by handle

fn handle_drag(ed: &mut Editor, from: ComponentId, to_screen: Point) -> Result<Applied, EditError> {
    let r = rect(ed, from);
    let handle = ed.viewport().to_screen(Point::new(r.right(), r.center().y));
    ed.pointer_down(PointerTarget::Handle(from), handle, Button::Primary, NONE);
    ed.pointer_move(Point::new(
        (handle.x + to_screen.x) / 2.0,
        (handle.y + to_screen.y) / 2.0,
    ));
    ed.pointer_move(to_screen);
    ed.pointer_up(to_screen)
}

#[test]
fn a_handle_drag_released_over_another_component_connects_them_and_selects_the_arrow() {
    let (mut ed, [a, b, _]) = three();
    let target = screen_centre(&ed, b);
    let applied = handle_drag(&mut ed, a, target);
    let Ok(Applied::Connected(id)) = applied else {
        panic!("{applied:?}")
    };
    let arrow = ed.board().arrow(id).unwrap();
    assert_eq!((arrow.from, arrow.to), (a, b));
    assert_eq!(ed.selection(), &Selection::only_arrow(id));
    assert!(ed.connection_preview().is_none());
    ed.perform(Action::Undo).unwrap();
    assert!(ed.board().arrows().is_empty());
}

#[test]
fn the_connection_preview_names_the_target_under_the_pointer() {
    let (mut ed, [a, b, _]) = three();
    let r = rect(&ed, a);
    ed.pointer_down(
        PointerTarget::Handle(a),
        Point::new(r.right(), r.center().y),
        Button::Primary,
        NONE,
    );
    ed.pointer_move(Point::new(250.0, 200.0));
    assert_eq!(
        ed.connection_preview(),
        Some((a, Point::new(250.0, 200.0), None))
    );
    let over_b = screen_centre(&ed, b);
    ed.pointer_move(over_b);
    assert_eq!(ed.connection_preview(), Some((a, over_b, Some(b))));
}

#[test]
fn releasing_a_handle_drag_over_empty_canvas_creates_nothing() {
    let (mut ed, [a, ..]) = three();
    let board = ed.board().clone();
    let applied = handle_drag(&mut ed, a, Point::new(900.0, 700.0));
    assert_eq!(applied, Ok(Applied::Unchanged));
    assert_eq!(ed.board(), &board);
    assert!(!ed.can_undo());
}

#[test]
fn releasing_a_handle_drag_over_its_own_component_creates_nothing() {
    let (mut ed, [a, ..]) = three();
    let own = screen_centre(&ed, a);
    assert_eq!(handle_drag(&mut ed, a, own), Ok(Applied::Unchanged));
    assert!(ed.board().arrows().is_empty());
}

#[test]
fn a_handle_drag_onto_an_already_connected_component_is_refused_and_changes_nothing() {
    let (mut ed, [a, b, _]) = three();
    let existing = connect(&mut ed, a, b);
    let board = ed.board().clone();
    let revision = ed.revision();
    let target = screen_centre(&ed, b);
    assert_eq!(
        handle_drag(&mut ed, a, target),
        Err(EditError::DuplicateArrow(existing))
    );
    assert_eq!(ed.board(), &board);
    assert_eq!(ed.revision(), revision);
    assert!(!ed.is_dragging());
}

// ---------------------------------------------------------------- history

#[test]
fn selection_and_viewport_changes_between_undo_and_redo_keep_redo() {
    let (mut ed, [a, b, c]) = three();
    ed.perform(Action::Nudge { dx: 10.0, dy: 0.0 }).unwrap(); // nothing selected
    select(&mut ed, &[a]);
    ed.perform(Action::Nudge { dx: 10.0, dy: 0.0 }).unwrap();
    let after = ed.board().clone();
    ed.perform(Action::Undo).unwrap();
    assert!(ed.can_redo());

    ed.perform(Action::SelectComponent(b)).unwrap();
    click(&mut ed, c, NONE);
    ed.perform(Action::SelectAll).unwrap();
    ed.perform(Action::Cancel).unwrap();
    ed.perform(Action::PanBy {
        dx: 40.0,
        dy: -10.0,
    })
    .unwrap();
    ed.perform(Action::ZoomIn).unwrap();
    ed.perform(Action::ZoomOut).unwrap();
    ed.perform(Action::ZoomAt {
        factor: 1.5,
        anchor: Point::new(10.0, 10.0),
    })
    .unwrap();
    ed.perform(Action::ZoomToFit).unwrap();
    ed.perform(Action::ZoomReset).unwrap();
    ed.perform(Action::SetTool(Tool::Hand)).unwrap();
    ed.set_view_size(Size::new(640.0, 480.0));
    assert!(ed.can_redo(), "view changes must not clear redo");

    assert_eq!(ed.perform(Action::Redo), Ok(Applied::Changed));
    assert_eq!(ed.board(), &after);
}

#[test]
fn a_new_edit_after_undo_clears_redo() {
    let (mut ed, [a, ..]) = three();
    select(&mut ed, &[a]);
    ed.perform(Action::Nudge { dx: 10.0, dy: 0.0 }).unwrap();
    ed.perform(Action::Undo).unwrap();
    assert!(ed.can_redo());
    ed.perform(Action::Nudge { dx: 0.0, dy: 10.0 }).unwrap();
    assert!(!ed.can_redo());
    assert_eq!(ed.perform(Action::Redo), Ok(Applied::Unchanged));
    assert_eq!(rect(&ed, a).x, 0.0);
    assert_eq!(rect(&ed, a).y, 10.0);
}

#[test]
fn undo_and_redo_bump_the_revision_and_selection_changes_do_not() {
    let (mut ed, [a, b, _]) = three();
    let r0 = ed.revision();
    ed.perform(Action::SelectComponent(a)).unwrap();
    click(&mut ed, b, SHIFT);
    ed.perform(Action::SelectAll).unwrap();
    ed.perform(Action::PanBy { dx: 5.0, dy: 5.0 }).unwrap();
    assert_eq!(ed.revision(), r0);

    ed.perform(Action::Nudge { dx: 1.0, dy: 0.0 }).unwrap();
    let r1 = ed.revision();
    assert!(r1 > r0);
    ed.perform(Action::Undo).unwrap();
    let r2 = ed.revision();
    assert!(r2 > r1);
    ed.perform(Action::Redo).unwrap();
    assert!(ed.revision() > r2);
}

#[test]
fn undo_and_redo_with_nothing_to_do_are_unchanged() {
    let (mut ed, _) = three();
    let r = ed.revision();
    assert_eq!(ed.perform(Action::Undo), Ok(Applied::Unchanged));
    assert_eq!(ed.perform(Action::Redo), Ok(Applied::Unchanged));
    assert_eq!(ed.revision(), r);
}

#[test]
fn undo_drops_selected_ids_that_no_longer_exist() {
    let mut ed = Editor::new(Board::new(), Viewport::default());
    let Ok(Applied::Added(id)) = ed.perform(Action::AddComponent {
        kind: ComponentKind::Cache,
        at: None,
    }) else {
        panic!()
    };
    assert!(ed.selection().has_component(id));
    ed.perform(Action::Undo).unwrap();
    assert!(ed.board().is_empty());
    assert!(ed.selection().is_empty());
}

#[test]
fn a_refused_command_is_not_a_history_step() {
    let (mut ed, [a, ..]) = three();
    let r = ed.revision();
    assert_eq!(
        ed.perform(Action::Apply(Command::ConnectComponents {
            from: a,
            to: a,
            label: String::new()
        })),
        Err(EditError::SelfArrow)
    );
    assert!(!ed.can_undo());
    assert_eq!(ed.revision(), r);
}

// ---------------------------------------------------------------- selection actions

#[test]
fn delete_selection_removes_attached_arrows_and_is_undoable() {
    let (mut ed, [a, b, c]) = three();
    let ab = connect(&mut ed, a, b);
    let bc = connect(&mut ed, b, c);
    let ca = connect(&mut ed, c, a);
    let before = ed.board().clone();
    select(&mut ed, &[b]);
    assert_eq!(ed.perform(Action::DeleteSelection), Ok(Applied::Changed));
    assert!(ed.board().component(b).is_none());
    assert!(ed.board().arrow(ab).is_none() && ed.board().arrow(bc).is_none());
    assert!(ed.board().arrow(ca).is_some());
    assert!(ed.selection().is_empty());
    assert_invariants(ed.board());
    ed.perform(Action::Undo).unwrap();
    assert_eq!(ed.board(), &before);
}

#[test]
fn delete_selection_of_an_arrow_keeps_its_components() {
    let (mut ed, [a, b, _]) = three();
    let ab = connect(&mut ed, a, b);
    ed.perform(Action::SelectArrow(ab)).unwrap();
    ed.perform(Action::DeleteSelection).unwrap();
    assert!(ed.board().arrows().is_empty());
    assert_eq!(ed.board().components().len(), 3);
}

#[test]
fn duplicate_selection_copies_components_and_internal_arrows_offset_and_selected() {
    let (mut ed, [a, b, c]) = three();
    connect(&mut ed, a, b);
    connect(&mut ed, b, c);
    select(&mut ed, &[a, b]);
    let applied = ed.perform(Action::DuplicateSelection);
    let Ok(Applied::Inserted(new)) = applied else {
        panic!("{applied:?}")
    };
    assert_eq!(new.len(), 2);
    assert_eq!(ed.selection().components(), new.as_slice());
    for (orig, copy) in [a, b].iter().zip(&new) {
        assert!(![a, b, c].contains(copy));
        let (ro, rc) = (rect(&ed, *orig), rect(&ed, *copy));
        assert!(rc.x > ro.x && rc.y > ro.y, "copy is offset");
        assert_eq!(rc.x - ro.x, rc.y - ro.y);
        assert_eq!(
            ed.board().component(*copy).unwrap().kind,
            ed.board().component(*orig).unwrap().kind
        );
    }
    assert!(ed.board().arrow_between(new[0], new[1]).is_some());
    assert_eq!(ed.board().arrows().len(), 3, "b->c is not internal");
    assert_invariants(ed.board());
    ed.perform(Action::Undo).unwrap();
    assert_eq!(ed.board().components().len(), 3);
}

#[test]
fn duplicate_with_nothing_selected_does_nothing() {
    let (mut ed, _) = three();
    assert_eq!(
        ed.perform(Action::DuplicateSelection),
        Ok(Applied::Unchanged)
    );
    assert!(!ed.can_undo());
}

#[test]
fn copy_then_paste_twice_inserts_two_offset_copies() {
    let (mut ed, [a, b, _]) = three();
    connect(&mut ed, a, b);
    select(&mut ed, &[a, b]);
    let r = ed.revision();
    ed.perform(Action::Copy).unwrap();
    assert_eq!(ed.revision(), r, "copy does not change the board");
    assert_eq!(ed.board().components().len(), 3);

    let Ok(Applied::Inserted(first)) = ed.perform(Action::Paste) else {
        panic!()
    };
    let Ok(Applied::Inserted(second)) = ed.perform(Action::Paste) else {
        panic!()
    };
    assert_eq!(ed.selection().components(), second.as_slice());
    let ra = rect(&ed, a);
    let (r1, r2) = (rect(&ed, first[0]), rect(&ed, second[0]));
    assert!(r1.x > ra.x && r2.x > r1.x, "each paste is offset further");
    assert_eq!(r2.x - r1.x, r1.x - ra.x);
    assert_eq!(ed.board().components().len(), 7);
    assert_eq!(ed.board().arrows().len(), 3);
    assert!(ed.board().arrow_between(first[0], first[1]).is_some());
    assert!(ed.board().arrow_between(second[0], second[1]).is_some());
    assert_invariants(ed.board());
}

#[test]
fn cut_removes_the_selection_and_paste_brings_it_back() {
    let (mut ed, [a, b, c]) = three();
    connect(&mut ed, a, b);
    connect(&mut ed, b, c);
    select(&mut ed, &[a, b]);
    assert_eq!(ed.perform(Action::Cut), Ok(Applied::Changed));
    assert_eq!(ed.board().components().len(), 1);
    assert!(ed.board().arrows().is_empty());
    let Ok(Applied::Inserted(pasted)) = ed.perform(Action::Paste) else {
        panic!()
    };
    assert_eq!(pasted.len(), 2);
    assert_eq!(ed.board().components().len(), 3);
    assert!(ed.board().arrow_between(pasted[0], pasted[1]).is_some());
    assert_eq!(ed.board().arrows().len(), 1);
    assert_invariants(ed.board());
}

#[test]
fn paste_with_an_empty_clipboard_does_nothing() {
    let (mut ed, _) = three();
    ed.perform(Action::Copy).unwrap(); // nothing selected: clipboard stays empty
    assert_eq!(ed.perform(Action::Paste), Ok(Applied::Unchanged));
    assert_eq!(ed.board().components().len(), 3);
}

#[test]
fn nudge_moves_only_the_selected_components_as_one_step() {
    let (mut ed, [a, b, c]) = three();
    select(&mut ed, &[a, c]);
    let (ra, rb, rc) = (rect(&ed, a), rect(&ed, b), rect(&ed, c));
    assert_eq!(
        ed.perform(Action::Nudge {
            dx: -10.0,
            dy: 50.0
        }),
        Ok(Applied::Changed)
    );
    assert_eq!((rect(&ed, a).x, rect(&ed, a).y), (ra.x - 10.0, ra.y + 50.0));
    assert_eq!((rect(&ed, c).x, rect(&ed, c).y), (rc.x - 10.0, rc.y + 50.0));
    assert_eq!(rect(&ed, b), rb);
    ed.perform(Action::Undo).unwrap();
    assert_eq!(rect(&ed, a), ra);
    assert!(!ed.can_undo());
}

#[test]
fn connect_selection_connects_in_selection_order() {
    let (mut ed, [a, b, c]) = three();
    click(&mut ed, c, NONE);
    click(&mut ed, a, SHIFT);
    click(&mut ed, b, SHIFT);
    assert_eq!(ed.perform(Action::ConnectSelection), Ok(Applied::Changed));
    assert!(ed.board().arrow_between(c, a).is_some());
    assert!(ed.board().arrow_between(a, b).is_some());
    assert_eq!(ed.board().arrows().len(), 2);
    ed.perform(Action::Undo).unwrap();
    assert!(ed.board().arrows().is_empty(), "one undo step");
}

#[test]
fn connect_selection_needs_two_components() {
    let (mut ed, [a, ..]) = three();
    assert_eq!(
        ed.perform(Action::ConnectSelection),
        Err(EditError::NeedTwoComponents)
    );
    select(&mut ed, &[a]);
    assert_eq!(
        ed.perform(Action::ConnectSelection),
        Err(EditError::NeedTwoComponents)
    );
    assert!(ed.board().arrows().is_empty());
    assert!(!ed.can_undo());
}

#[test]
fn connect_selection_of_an_already_connected_pair_is_refused() {
    let (mut ed, [a, b, _]) = three();
    let ab = connect(&mut ed, a, b);
    select(&mut ed, &[a, b]);
    let board = ed.board().clone();
    assert_eq!(
        ed.perform(Action::ConnectSelection),
        Err(EditError::DuplicateArrow(ab))
    );
    assert_eq!(ed.board(), &board);
}

#[test]
fn select_all_selects_every_component_and_arrow() {
    let (mut ed, [a, b, c]) = three();
    let ab = connect(&mut ed, a, b);
    let bc = connect(&mut ed, b, c);
    select(&mut ed, &[a]);
    ed.perform(Action::SelectAll).unwrap();
    let comps: HashSet<_> = ed.selection().components().iter().copied().collect();
    let arrows: HashSet<_> = ed.selection().arrows().iter().copied().collect();
    assert_eq!(comps, HashSet::from([a, b, c]));
    assert_eq!(arrows, HashSet::from([ab, bc]));
    // Selecting all twice still selects all (no toggling off).
    ed.perform(Action::SelectAll).unwrap();
    assert_eq!(ed.selection().arrows().len(), 2);
    assert_eq!(ed.selection().components().len(), 3);
}

#[test]
fn set_selection_drops_ids_that_do_not_exist() {
    let (mut ed, [a, ..]) = three();
    ed.set_selection(Selection::of_components(vec![a, ComponentId(999)]));
    assert_eq!(ed.selection(), &Selection::only_component(a));
}

// ---------------------------------------------------------------- panning

fn pan_drag(ed: &mut Editor, target: PointerTarget, button: Button, mods: Modifiers) {
    ed.pointer_down(target, Point::new(100.0, 100.0), button, mods);
    assert!(ed.is_panning());
    ed.pointer_move(Point::new(130.0, 90.0));
    ed.pointer_move(Point::new(160.0, 80.0));
    ed.pointer_up(Point::new(160.0, 80.0)).unwrap();
    assert!(!ed.is_panning());
}

#[test]
fn the_hand_tool_space_and_middle_button_make_a_drag_pan() {
    let cases: [(Tool, Button, Modifiers); 3] = [
        (Tool::Hand, Button::Primary, NONE),
        (
            Tool::Select,
            Button::Primary,
            Modifiers {
                space: true,
                ..NONE
            },
        ),
        (Tool::Select, Button::Middle, NONE),
    ];
    for (tool, button, mods) in cases {
        let (mut ed, [a, ..]) = three();
        ed.perform(Action::SetTool(tool)).unwrap();
        assert_eq!(ed.tool(), tool);
        let board = ed.board().clone();
        let revision = ed.revision();
        pan_drag(&mut ed, PointerTarget::Component(a), button, mods);
        assert_eq!(ed.board(), &board, "{tool:?} {button:?} moved the board");
        assert_eq!(ed.revision(), revision);
        assert!(!ed.can_undo());
        let vp = ed.viewport();
        // Content follows the pointer: the view origin moves the other way.
        assert_eq!(
            (vp.x, vp.y, vp.zoom),
            (-60.0, 20.0, 1.0),
            "{tool:?} {button:?}"
        );
    }
}

#[test]
fn the_secondary_button_is_ignored() {
    let (mut ed, [a, ..]) = three();
    let board = ed.board().clone();
    let p = screen_centre(&ed, a);
    ed.pointer_down(PointerTarget::Component(a), p, Button::Secondary, NONE);
    ed.pointer_move(Point::new(p.x + 50.0, p.y));
    ed.pointer_up(Point::new(p.x + 50.0, p.y)).unwrap();
    assert_eq!(ed.board(), &board);
    assert!(ed.selection().is_empty());
    assert_eq!(ed.viewport(), Viewport::default());
}

#[test]
fn pan_by_moves_the_view_by_screen_pixels_divided_by_zoom() {
    let mut ed = Editor::new(
        Board::new(),
        Viewport {
            x: 0.0,
            y: 0.0,
            zoom: 2.0,
        },
    );
    ed.perform(Action::PanBy {
        dx: 100.0,
        dy: -40.0,
    })
    .unwrap();
    assert_eq!(ed.viewport().x, -50.0);
    assert_eq!(ed.viewport().y, 20.0);
}

// ---------------------------------------------------------------- zoom

#[test]
fn zoom_at_keeps_the_anchor_world_point_fixed() {
    let mut ed = Editor::new(
        Board::new(),
        Viewport {
            x: 120.0,
            y: -80.0,
            zoom: 1.0,
        },
    );
    let anchor = Point::new(333.0, 222.0);
    for factor in [1.1, 2.0, 0.5, 0.9, 3.0] {
        let before = ed.viewport().to_world(anchor);
        ed.perform(Action::ZoomAt { factor, anchor }).unwrap();
        let after = ed.viewport().to_world(anchor);
        assert!(
            before.distance(after) < 1e-9,
            "factor {factor}: {before:?} -> {after:?}"
        );
    }
}

#[test]
fn zoom_in_and_out_keep_the_view_centre_fixed() {
    let mut ed = Editor::new(Board::new(), Viewport::default());
    ed.set_view_size(Size::new(800.0, 600.0));
    let centre = ed.viewport().center(Size::new(800.0, 600.0));
    ed.perform(Action::ZoomIn).unwrap();
    assert!((ed.viewport().zoom - Viewport::STEP).abs() < 1e-12);
    assert!(close(ed.viewport().center(Size::new(800.0, 600.0)), centre));
    ed.perform(Action::ZoomOut).unwrap();
    ed.perform(Action::ZoomOut).unwrap();
    ed.perform(Action::ZoomReset).unwrap();
    assert!((ed.viewport().zoom - 1.0).abs() < 1e-12);
    assert!(
        ed.viewport()
            .center(Size::new(800.0, 600.0))
            .distance(centre)
            < 1e-9
    );
}

#[test]
fn zoom_is_clamped_to_the_allowed_range() {
    let mut ed = Editor::new(Board::new(), Viewport::default());
    for _ in 0..50 {
        ed.perform(Action::ZoomIn).unwrap();
    }
    assert_eq!(ed.viewport().zoom, Viewport::MAX_ZOOM);
    for _ in 0..100 {
        ed.perform(Action::ZoomOut).unwrap();
    }
    assert_eq!(ed.viewport().zoom, Viewport::MIN_ZOOM);
    ed.perform(Action::ZoomAt {
        factor: 1e9,
        anchor: Point::new(0.0, 0.0),
    })
    .unwrap();
    assert_eq!(ed.viewport().zoom, Viewport::MAX_ZOOM);
    ed.perform(Action::ZoomAt {
        factor: 1e-9,
        anchor: Point::new(0.0, 0.0),
    })
    .unwrap();
    assert_eq!(ed.viewport().zoom, Viewport::MIN_ZOOM);
    let before = ed.viewport();
    for factor in [0.0, -2.0, f64::NAN, f64::INFINITY] {
        ed.perform(Action::ZoomAt {
            factor,
            anchor: Point::new(0.0, 0.0),
        })
        .unwrap();
    }
    assert_eq!(ed.viewport(), before, "bad factors are ignored");
}

#[test]
fn an_editor_sanitises_a_damaged_viewport() {
    let ed = Editor::new(
        Board::new(),
        Viewport {
            x: f64::NAN,
            y: 5.0,
            zoom: 100.0,
        },
    );
    assert_eq!(
        ed.viewport(),
        Viewport {
            x: 0.0,
            y: 5.0,
            zoom: Viewport::MAX_ZOOM
        }
    );
}

fn assert_all_visible(ed: &Editor, view: Size) {
    for c in ed.board().components() {
        let tl = ed.viewport().to_screen(Point::new(c.rect.x, c.rect.y));
        let br = ed
            .viewport()
            .to_screen(Point::new(c.rect.right(), c.rect.bottom()));
        assert!(
            tl.x >= 0.0 && tl.y >= 0.0 && br.x <= view.w && br.y <= view.h,
            "{} at {tl:?}..{br:?} is outside {view:?}",
            c.id
        );
    }
}

#[test]
fn zoom_to_fit_makes_every_component_visible() {
    let mut board = Board::new();
    add_at(&mut board, ComponentKind::Client, -2000.0, -900.0);
    add_at(&mut board, ComponentKind::Cache, 3000.0, 1500.0);
    add_at(&mut board, ComponentKind::Worker, 10.0, 10.0);
    let mut ed = Editor::new(board, Viewport::default());
    let view = Size::new(800.0, 600.0);
    ed.set_view_size(view);
    ed.perform(Action::ZoomToFit).unwrap();
    assert!(ed.viewport().zoom < 1.0);
    assert!(ed.viewport().zoom >= Viewport::MIN_ZOOM);
    assert_all_visible(&ed, view);
}

#[test]
fn zoom_to_fit_on_a_small_board_does_not_zoom_past_one_hundred_percent() {
    let mut board = Board::new();
    add_at(&mut board, ComponentKind::Client, 5000.0, 5000.0);
    let mut ed = Editor::new(board, Viewport::default());
    let view = Size::new(1024.0, 768.0);
    ed.set_view_size(view);
    ed.perform(Action::ZoomToFit).unwrap();
    assert_eq!(ed.viewport().zoom, 1.0);
    assert_all_visible(&ed, view);
}

#[test]
fn zoom_to_selection_shows_the_selection_large_and_without_a_selection_everything() {
    let mut board = Board::new();
    let far = add_at(&mut board, ComponentKind::Client, -2000.0, -900.0);
    let near = add_at(&mut board, ComponentKind::Cache, 3000.0, 1500.0);
    let mut ed = Editor::new(board, Viewport::default());
    let view = Size::new(800.0, 600.0);
    ed.set_view_size(view);
    ed.perform(Action::ZoomToSelection).unwrap();
    let all = ed.viewport();
    assert!(all.zoom < 1.0, "nothing selected: every component");
    assert_all_visible(&ed, view);

    select(&mut ed, &[near]);
    ed.perform(Action::ZoomToSelection).unwrap();
    let r = ed.board().component(near).unwrap().rect;
    let (tl, br) = (
        ed.viewport().to_screen(Point::new(r.x, r.y)),
        ed.viewport().to_screen(Point::new(r.right(), r.bottom())),
    );
    assert!(tl.x >= 0.0 && tl.y >= 0.0 && br.x <= view.w && br.y <= view.h);
    assert!(ed.viewport().zoom > all.zoom, "closer than the whole board");
    let far_rect = ed.board().component(far).unwrap().rect;
    let far_at = ed.viewport().to_screen(Point::new(far_rect.x, far_rect.y));
    assert!(
        far_at.x < 0.0 || far_at.y < 0.0,
        "the far box is out of view"
    );

    // A selected arrow shows both its ends.
    let arrow = connect(&mut ed, far, near);
    ed.perform(Action::SelectArrow(arrow)).unwrap();
    ed.perform(Action::ZoomToSelection).unwrap();
    assert_all_visible(&ed, view);
}

#[test]
fn zoom_to_fit_on_an_empty_board_leaves_the_view_alone() {
    let mut ed = Editor::new(Board::new(), Viewport::default());
    ed.perform(Action::ZoomToFit).unwrap();
    assert_eq!(ed.viewport(), Viewport::default());
}

#[test]
fn set_view_size_ignores_unusable_sizes() {
    let mut ed = Editor::new(Board::new(), Viewport::default());
    ed.set_view_size(Size::new(400.0, 200.0));
    ed.set_view_size(Size::new(0.0, 100.0));
    ed.set_view_size(Size::new(f64::NAN, 100.0));
    ed.set_view_size(Size::new(100.0, -1.0));
    let Ok(Applied::Added(id)) = ed.perform(Action::AddComponent {
        kind: ComponentKind::Dns,
        at: None,
    }) else {
        panic!()
    };
    assert_eq!(rect(&ed, id).center(), Point::new(200.0, 100.0));
}

// ---------------------------------------------------------------- keymap

fn key(key: &str) -> KeyInput<'_> {
    KeyInput {
        key,
        ..KeyInput::default()
    }
}

fn ctrl(key: &str) -> KeyInput<'_> {
    KeyInput {
        key,
        primary: true,
        ..KeyInput::default()
    }
}

fn shifted(mut k: KeyInput<'_>) -> KeyInput<'_> {
    k.shift = true;
    k
}

fn ed(a: Action) -> Option<KeyCommand> {
    Some(KeyCommand::Editor(a))
}

#[test]
fn shortcuts_map_keys_to_actions() {
    let (step, big) = NUDGE;
    let table: Vec<(&str, KeyInput<'_>, Option<KeyCommand>)> = vec![
        ("Ctrl+Z", ctrl("z"), ed(Action::Undo)),
        ("Ctrl+Shift+Z", shifted(ctrl("Z")), ed(Action::Redo)),
        ("Ctrl+Y", ctrl("y"), ed(Action::Redo)),
        ("Cmd+Z caps", ctrl("Z"), ed(Action::Undo)),
        ("Ctrl+A", ctrl("a"), ed(Action::SelectAll)),
        ("Ctrl+D", ctrl("d"), ed(Action::DuplicateSelection)),
        ("Ctrl+C", ctrl("c"), ed(Action::Copy)),
        ("Ctrl+X", ctrl("x"), ed(Action::Cut)),
        ("Ctrl+V", ctrl("v"), ed(Action::Paste)),
        ("Ctrl+=", ctrl("="), ed(Action::ZoomIn)),
        ("Ctrl+-", ctrl("-"), ed(Action::ZoomOut)),
        ("Ctrl+0", ctrl("0"), ed(Action::ZoomReset)),
        ("Delete", key("Delete"), ed(Action::DeleteSelection)),
        ("Backspace", key("Backspace"), ed(Action::DeleteSelection)),
        ("Escape", key("Escape"), ed(Action::Cancel)),
        ("Enter", key("Enter"), Some(KeyCommand::StartRename)),
        ("F2", key("F2"), Some(KeyCommand::StartRename)),
        (
            "ArrowLeft",
            key("ArrowLeft"),
            ed(Action::Nudge { dx: -step, dy: 0.0 }),
        ),
        (
            "ArrowRight",
            key("ArrowRight"),
            ed(Action::Nudge { dx: step, dy: 0.0 }),
        ),
        (
            "ArrowUp",
            key("ArrowUp"),
            ed(Action::Nudge { dx: 0.0, dy: -step }),
        ),
        (
            "ArrowDown",
            key("ArrowDown"),
            ed(Action::Nudge { dx: 0.0, dy: step }),
        ),
        (
            "Shift+ArrowLeft",
            shifted(key("ArrowLeft")),
            ed(Action::Nudge { dx: -big, dy: 0.0 }),
        ),
        (
            "Shift+ArrowDown",
            shifted(key("ArrowDown")),
            ed(Action::Nudge { dx: 0.0, dy: big }),
        ),
        ("+", key("+"), ed(Action::ZoomIn)),
        ("Shift++", shifted(key("+")), ed(Action::ZoomIn)),
        ("=", key("="), ed(Action::ZoomIn)),
        ("-", key("-"), ed(Action::ZoomOut)),
        ("!", shifted(key("!")), ed(Action::ZoomToFit)),
        ("Shift+1", shifted(key("1")), ed(Action::ZoomToFit)),
        ("@", shifted(key("@")), ed(Action::ZoomToSelection)),
        (
            "Shift+2 German",
            shifted(key("\"")),
            ed(Action::ZoomToSelection),
        ),
        ("Shift+2", shifted(key("2")), ed(Action::ZoomToSelection)),
        (")", shifted(key(")")), ed(Action::ZoomReset)),
        ("c", key("c"), ed(Action::ConnectSelection)),
        ("h", key("h"), ed(Action::SetTool(Tool::Hand))),
        ("v", key("v"), ed(Action::SetTool(Tool::Select))),
        ("H caps lock", key("H"), ed(Action::SetTool(Tool::Hand))),
        // Unbound or deliberately refused.
        (
            "Alt+Z",
            KeyInput {
                alt: true,
                ..ctrl("z")
            },
            None,
        ),
        (
            "Alt+Delete",
            KeyInput {
                alt: true,
                ..key("Delete")
            },
            None,
        ),
        (
            "Alt+c",
            KeyInput {
                alt: true,
                ..key("c")
            },
            None,
        ),
        (
            "Alt+ArrowLeft",
            KeyInput {
                alt: true,
                ..key("ArrowLeft")
            },
            ed(Action::StepToConnected(Direction::Left)),
        ),
        (
            "Ctrl+ArrowRight",
            ctrl("ArrowRight"),
            ed(Action::GrowConnected(Direction::Right)),
        ),
        (
            "Ctrl+Shift+ArrowUp",
            shifted(ctrl("ArrowUp")),
            ed(Action::Align(Direction::Up)),
        ),
        (
            "Ctrl+Alt+ArrowDown",
            KeyInput {
                alt: true,
                ..ctrl("ArrowDown")
            },
            None,
        ),
        (
            "Alt+Shift+ArrowDown",
            KeyInput {
                alt: true,
                ..shifted(key("ArrowDown"))
            },
            None,
        ),
        ("Ctrl+Shift+Y", shifted(ctrl("y")), None),
        ("Ctrl+Shift+A", shifted(ctrl("a")), None),
        ("Ctrl+Q", ctrl("q"), None),
        ("Ctrl+Enter", ctrl("Enter"), None),
        ("Shift+C", shifted(key("C")), None),
        ("q", key("q"), None),
        ("1", key("1"), None),
        ("z", key("z"), None),
        ("Tab", key("Tab"), None),
        ("empty", key(""), None),
    ];
    let mut failures = Vec::new();
    for (name, input, expected) in table {
        let got = shortcut(input);
        if got != expected {
            failures.push(format!("{name}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn shortcut_actions_work_when_performed() {
    let (mut editor, [a, ..]) = three();
    select(&mut editor, &[a]);
    let x = rect(&editor, a).x;
    let Some(KeyCommand::Editor(action)) = shortcut(shifted(key("ArrowRight"))) else {
        panic!()
    };
    editor.perform(action).unwrap();
    assert_eq!(rect(&editor, a).x, x + NUDGE.1);
    let Some(KeyCommand::Editor(undo)) = shortcut(ctrl("z")) else {
        panic!()
    };
    editor.perform(undo).unwrap();
    assert_eq!(rect(&editor, a).x, x);
}

#[test]
fn a_note_edit_is_one_undo_step() {
    let (mut ed, [a, _, _]) = three();
    let note = |text: &str| {
        Action::Apply(Command::SetNote {
            id: a,
            field: NoteField::Failure,
            text: text.into(),
        })
    };
    ed.perform(note("Replica takes over")).unwrap();
    ed.perform(note("Replica takes over; clients retry with backoff"))
        .unwrap();
    assert_eq!(
        ed.board().component(a).unwrap().failure,
        "Replica takes over; clients retry with backoff"
    );
    ed.perform(Action::Undo).unwrap();
    assert_eq!(
        ed.board().component(a).unwrap().failure,
        "Replica takes over"
    );
    ed.perform(Action::Undo).unwrap();
    assert_eq!(ed.board().component(a).unwrap().failure, "");
    ed.perform(Action::Redo).unwrap();
    assert_eq!(
        ed.board().component(a).unwrap().failure,
        "Replica takes over"
    );
}

#[test]
fn selecting_a_set_of_components_skips_ids_not_on_the_board() {
    let (mut ed, [a, _, c]) = three();
    ed.perform(Action::SelectComponents(vec![c, ComponentId(999), a]))
        .unwrap();
    assert_eq!(ed.selection().components(), &[c, a]);
    assert!(!ed.can_redo());
}

#[test]
fn toggling_a_component_adds_it_last_and_toggling_it_again_takes_it_out() {
    let (mut ed, [a, b, c]) = three();
    ed.perform(Action::SelectComponent(b)).unwrap();
    ed.perform(Action::ToggleComponent(a)).unwrap();
    assert_eq!(ed.selection().components(), [b, a], "connect order kept");
    ed.perform(Action::ToggleComponent(b)).unwrap();
    assert_eq!(ed.selection().components(), [a]);
    // A toggle is a view change: nothing to undo.
    assert!(!ed.can_undo());
    ed.perform(Action::ToggleComponent(ComponentId(9_999)))
        .unwrap();
    assert_eq!(
        ed.selection().components(),
        [a],
        "unknown ids change nothing"
    );
    ed.perform(Action::ToggleComponent(c)).unwrap();
    ed.perform(Action::ConnectSelection).unwrap();
    assert!(ed.board().arrow_between(a, c).is_some());
}

#[test]
fn every_key_on_the_shortcut_sheet_does_what_the_keymap_does() {
    let mut lines = 0;
    for (section, entries) in SHEET {
        assert!(!entries.is_empty(), "{section} is empty");
        for line in *entries {
            lines += 1;
            let Some(example) = line.example else {
                continue;
            };
            assert!(
                shortcut(example).is_some(),
                "{section}: {:?} ({}) is on the sheet but {example:?} does nothing",
                line.keys,
                line.what
            );
            // The example is one of the keys the line shows.
            let shown = line.keys.join(" ").to_ascii_lowercase();
            let named = match example.key {
                "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" => "arrow",
                "!" => "1",
                "@" => "2",
                ")" => "0",
                k => k,
            };
            assert!(
                shown.contains(&named.to_ascii_lowercase()),
                "{section}: {example:?} is not among {:?}",
                line.keys
            );
            assert!(
                !example.primary || shown.contains("ctrl+"),
                "{:?}",
                line.keys
            );
            assert!(!example.alt || shown.contains("alt+"), "{:?}", line.keys);
        }
    }
    assert!(lines >= 20, "{lines} lines");
    assert_eq!(shortcut(key("?")), Some(KeyCommand::ShowShortcuts));
}
