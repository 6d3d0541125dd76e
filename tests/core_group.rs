//! Groups (Ctrl+G, Ctrl+Shift+G), natively: a grouped box brings its group into the
//! selection, so the group moves as one; copies form a group of their own; groups
//! are saved and restored.

mod common;

use breadthfirst::core::diagram::{Applied, Board, Command, ComponentId, ComponentKind, Point};
use breadthfirst::core::editor::{
    shortcut, Action, Button, Editor, KeyCommand, KeyInput, Modifiers, PointerTarget, Selection,
    Viewport,
};
use breadthfirst::core::persist::{from_json, to_json, Repair};
use common::add_at;

fn three() -> (Editor, [ComponentId; 3]) {
    let mut board = Board::new();
    let a = add_at(&mut board, ComponentKind::Service, (0.0, 0.0), None);
    let b = add_at(&mut board, ComponentKind::Cache, (300.0, 0.0), None);
    let c = add_at(&mut board, ComponentKind::Worker, (0.0, 300.0), None);
    (Editor::new(board, Viewport::default()), [a, b, c])
}

fn sorted(e: &Editor) -> Vec<ComponentId> {
    let mut ids = e.selection().components().to_vec();
    ids.sort();
    ids
}

fn click(e: &mut Editor, id: ComponentId, mods: Modifiers) {
    let at = e
        .viewport()
        .to_screen(e.board().component(id).unwrap().rect.center());
    e.pointer_down(PointerTarget::Component(id), at, Button::Primary, mods);
    e.pointer_up(at).unwrap();
}

#[test]
fn ctrl_g_groups_and_a_click_then_selects_and_drags_the_whole_group() {
    let (mut e, [a, b, c]) = three();
    assert_eq!(
        shortcut(KeyInput {
            key: "g",
            primary: true,
            ..KeyInput::default()
        }),
        Some(KeyCommand::Editor(Action::Group))
    );
    e.set_selection(Selection::of_components(vec![a, b]));
    assert_eq!(e.perform(Action::Group), Ok(Applied::Changed));
    e.set_selection(Selection::default());
    click(&mut e, b, Modifiers::default());
    assert_eq!(sorted(&e), vec![a, b], "a click on one takes the group");
    // Dragging it moves both, not c.
    let start = e.board().clone();
    let at = e
        .viewport()
        .to_screen(start.component(a).unwrap().rect.center());
    e.pointer_down(
        PointerTarget::Component(a),
        at,
        Button::Primary,
        Modifiers::default(),
    );
    e.pointer_up(Point::new(at.x + 50.0, at.y + 20.0)).unwrap();
    for (id, moved) in [(a, true), (b, true), (c, false)] {
        let (r0, r1) = (
            start.component(id).unwrap().rect,
            e.board().component(id).unwrap().rect,
        );
        assert_eq!((r1.x - r0.x, r1.y - r0.y) == (50.0, 20.0), moved, "{id:?}");
    }
    // Shift+click on c adds it alone; Shift+click on a takes the group out.
    let shift = Modifiers {
        shift: true,
        ..Modifiers::default()
    };
    click(&mut e, c, shift);
    assert_eq!(sorted(&e), vec![a, b, c]);
    click(&mut e, a, shift);
    assert_eq!(sorted(&e), vec![c]);
}

#[test]
fn a_band_touching_one_member_takes_the_group_and_ungroup_frees_them() {
    let (mut e, [a, b, c]) = three();
    e.set_selection(Selection::of_components(vec![a, c]));
    e.perform(Action::Group).unwrap();
    // A band around a alone.
    let r = e.board().component(a).unwrap().rect;
    let from = e.viewport().to_screen(Point::new(r.x - 10.0, r.y - 10.0));
    let to = e
        .viewport()
        .to_screen(Point::new(r.right() + 10.0, r.bottom() + 10.0));
    e.pointer_down(
        PointerTarget::Canvas,
        from,
        Button::Primary,
        Modifiers::default(),
    );
    e.pointer_move(to);
    e.pointer_up(to).unwrap();
    assert_eq!(sorted(&e), vec![a, c]);
    // Ungroup, undo, redo.
    assert_eq!(e.perform(Action::Ungroup), Ok(Applied::Changed));
    e.set_selection(Selection::default());
    click(&mut e, a, Modifiers::default());
    assert_eq!(sorted(&e), vec![a]);
    e.perform(Action::Undo).unwrap();
    click(&mut e, a, Modifiers::default());
    assert_eq!(sorted(&e), vec![a, c], "undo regroups");
    let _ = b;
}

#[test]
fn copies_of_a_group_form_their_own_group() {
    let (mut e, [a, b, _]) = three();
    e.set_selection(Selection::of_components(vec![a, b]));
    e.perform(Action::Group).unwrap();
    e.perform(Action::DuplicateSelection).unwrap();
    let copies = sorted(&e);
    assert_eq!(copies.len(), 2);
    e.set_selection(Selection::default());
    click(&mut e, copies[0], Modifiers::default());
    assert_eq!(sorted(&e), copies, "the copies are grouped together");
    click(&mut e, a, Modifiers::default());
    assert_eq!(sorted(&e), vec![a, b], "and apart from the originals");
}

#[test]
fn groups_are_saved_and_a_new_group_never_joins_a_restored_one() {
    let (mut e, [a, b, c]) = three();
    e.set_selection(Selection::of_components(vec![a, b]));
    e.perform(Action::Group).unwrap();
    let restored = from_json(&to_json(e.board(), &e.viewport())).unwrap();
    assert!(restored.repairs.is_empty());
    assert_eq!(&restored.board, e.board());
    let mut board = restored.board;
    // A new box, then a new group of it and c: a and b stay a group of two.
    let d = add_at(&mut board, ComponentKind::Cache, (600.0, 600.0), None);
    board.apply(Command::Group { ids: vec![c, d] }).unwrap();
    let mut ab = board.with_group(a);
    ab.sort();
    assert_eq!(ab, vec![a, b]);
    let mut cd = board.with_group(c);
    cd.sort();
    assert_eq!(cd, vec![c, d]);
    // A damaged group is dropped and reported.
    let text =
        to_json(&board, &Viewport::default()).replacen("\"group\":", "\"group\":\"x\",\"was\":", 1);
    let damaged = from_json(&text).unwrap();
    assert!(
        damaged
            .repairs
            .iter()
            .any(|r| matches!(r, Repair::DroppedGroup { .. })),
        "{:?}",
        damaged.repairs
    );
}
