//! A diagram pasted from another app (`Action::InsertBoard`), natively: its elements
//! are added beside what is there, centred in the view, selected, with fresh ids, as
//! one undoable step; a large one is zoomed to.

mod common;

use breadthfirst::core::diagram::{Applied, Board, ComponentKind, Size};
use breadthfirst::core::editor::{Action, Editor, Viewport};
use common::{add_at, connect};

fn pasted() -> Board {
    let mut board = Board::new();
    let a = add_at(
        &mut board,
        ComponentKind::Client,
        (5000.0, 5000.0),
        Some("Browser"),
    );
    let b = add_at(
        &mut board,
        ComponentKind::Service,
        (5300.0, 5000.0),
        Some("API"),
    );
    let c = add_at(
        &mut board,
        ComponentKind::Cache,
        (5600.0, 5000.0),
        Some("Redis"),
    );
    connect(&mut board, a, b);
    connect(&mut board, b, c);
    board
}

fn editor() -> Editor {
    let mut board = Board::new();
    add_at(
        &mut board,
        ComponentKind::SqlDatabase,
        (0.0, 0.0),
        Some("Orders"),
    );
    let mut e = Editor::new(board, Viewport::default());
    e.set_view_size(Size::new(1200.0, 800.0));
    e
}

#[test]
fn a_pasted_diagram_is_added_centred_in_the_view_selected_and_undone_in_one_step() {
    let mut e = editor();
    let before = e.board().clone();
    let applied = e.perform(Action::InsertBoard(pasted())).unwrap();
    let Applied::Inserted(ids) = applied else {
        panic!("{applied:?}")
    };
    assert_eq!(ids.len(), 3);
    assert_eq!(
        e.board().components().len(),
        4,
        "added beside what was there"
    );
    assert_eq!(e.board().arrows().len(), 2);
    assert_eq!(e.selection().components(), &ids[..]);
    // Fresh ids, not the pasted board's.
    assert!(ids.iter().all(|id| before.component(*id).is_none()));
    // Centred in the view (free there), which did not move: it fits.
    let centre = e.viewport().center(e.view_size());
    let rects = ids.iter().map(|id| e.board().component(*id).unwrap().rect);
    let bounds = breadthfirst::core::diagram::Rect::bounds(rects).unwrap();
    assert!(
        (bounds.center().x - centre.x).abs() < 0.5,
        "{bounds:?} {centre:?}"
    );
    assert!((bounds.center().y - centre.y).abs() < 0.5);
    assert_eq!(e.viewport(), Viewport::default());
    let names: Vec<_> = ids
        .iter()
        .map(|id| e.board().component(*id).unwrap().label.clone())
        .collect();
    assert_eq!(names, ["Browser", "API", "Redis"]);

    e.perform(Action::Undo).unwrap();
    assert_eq!(e.board(), &before, "one undo takes the whole paste away");
}

#[test]
fn a_pasted_diagram_wider_than_the_view_is_zoomed_to_and_an_empty_one_changes_nothing() {
    let mut e = editor();
    let mut wide = pasted();
    add_at(
        &mut wide,
        ComponentKind::Worker,
        (9000.0, 5000.0),
        Some("Far"),
    );
    e.perform(Action::InsertBoard(wide)).unwrap();
    assert!(
        e.viewport().zoom < 1.0,
        "zoomed out to show it: {:?}",
        e.viewport()
    );
    let visible = e.viewport().visible(e.view_size());
    for id in e.selection().components() {
        let r = e.board().component(*id).unwrap().rect;
        assert!(visible.contains_rect(&r), "{r:?} outside {visible:?}");
    }

    let revision = e.revision();
    let applied = e.perform(Action::InsertBoard(Board::new())).unwrap();
    assert_eq!(applied, Applied::Unchanged);
    assert_eq!(e.revision(), revision);
}

#[test]
fn a_pasted_diagram_goes_to_free_space_not_over_the_boxes_in_view() {
    let mut e = editor();
    // A box right at the view's centre.
    let centre = e.viewport().center(e.view_size());
    let mut board = e.board().clone();
    let there = add_at(
        &mut board,
        ComponentKind::Worker,
        (centre.x - 80.0, centre.y - 32.0),
        None,
    );
    e.perform(Action::ReplaceBoard(board)).unwrap();
    e.perform(Action::ZoomReset).unwrap();
    let taken = e.board().component(there).unwrap().rect;
    e.perform(Action::InsertBoard(pasted())).unwrap();
    assert_eq!(e.selection().components().len(), 3);
    for id in e.selection().components() {
        let r = e.board().component(*id).unwrap().rect;
        assert!(!r.intersects(&taken), "{r:?} over {taken:?}");
    }
}
