//! What the canvas mounts (`on_screen`), natively: only what meets the visible area
//! grown by the margin, frames apart, in paint order; arrows by their laid-out
//! extent; the last selected component and arrow wherever they are.

mod common;

use breadthfirst::core::diagram::{
    ArrowLayouts, Board, Command, ComponentId, ComponentKind, Rect, Size,
};
use breadthfirst::core::editor::{
    on_screen, Action, ArrowKey, Editor, Selection, Viewport, CULL_MARGIN_PX,
};
use common::add_at;

/// A row of boxes 1,000 apart, a frame around the first, and arrows along the row.
fn row() -> (Board, Vec<ComponentId>, ComponentId) {
    let mut board = Board::new();
    let ids: Vec<_> = (0..5)
        .map(|i| {
            let at = (f64::from(i) * 1000.0, 0.0);
            add_at(&mut board, ComponentKind::Service, at, None)
        })
        .collect();
    let frame = add_at(
        &mut board,
        ComponentKind::Frame,
        (0.0, 0.0),
        Some("Region A"),
    );
    for pair in ids.windows(2) {
        board
            .apply(Command::ConnectComponents {
                from: pair[0],
                to: pair[1],
                label: "calls".into(),
            })
            .unwrap();
    }
    (board, ids, frame)
}

fn laid_out(board: &Board) -> ArrowLayouts {
    let mut layouts = ArrowLayouts::default();
    layouts.sync(board);
    layouts
}

#[test]
fn only_what_meets_the_area_is_mounted_frames_apart_in_paint_order() {
    let (board, ids, frame) = row();
    let layouts = laid_out(&board);
    let none = Selection::default();
    // Around the first two boxes, short of the second's right side.
    let area = Rect::new(-200.0, -200.0, 1300.0, 400.0);
    let shown = on_screen(&board, Some(area), &none, |id| layouts.bounds(id));
    assert_eq!(shown.boxes, ids[..2].to_vec());
    assert_eq!(shown.frames, vec![frame]);
    let first = board.arrows()[0].clone();
    assert_eq!(
        shown.arrows,
        vec![ArrowKey {
            id: first.id,
            from: first.from,
            to: first.to
        }],
        "the arrow between the two, not the ones starting off screen"
    );

    // Far from everything: nothing.
    let away = Rect::new(0.0, 5000.0, 800.0, 600.0);
    let shown = on_screen(&board, Some(away), &none, |id| layouts.bounds(id));
    assert!(shown.boxes.is_empty() && shown.frames.is_empty() && shown.arrows.is_empty());

    // Over the whole row: everything, in the board's order.
    let all = Rect::new(-500.0, -500.0, 6000.0, 1000.0);
    let shown = on_screen(&board, Some(all), &none, |id| layouts.bounds(id));
    assert_eq!(shown.boxes, ids);
    assert_eq!(shown.arrows.len(), board.arrows().len());
    let order: Vec<_> = shown.arrows.iter().map(|k| k.id).collect();
    let expected: Vec<_> = board.arrows().iter().map(|a| a.id).collect();
    assert_eq!(order, expected);
}

#[test]
fn an_arrow_crossing_the_area_is_mounted_though_both_its_ends_are_off_screen() {
    let (board, ids, _) = row();
    let layouts = laid_out(&board);
    // A thin strip between boxes 2 and 3: their arrow runs through it.
    let (a, b) = (
        board.component(ids[2]).unwrap().rect,
        board.component(ids[3]).unwrap().rect,
    );
    let mid = (a.right() + b.x) / 2.0;
    let strip = Rect::new(mid - 5.0, -500.0, 10.0, 1000.0);
    let shown = on_screen(&board, Some(strip), &Selection::default(), |id| {
        layouts.bounds(id)
    });
    assert!(shown.boxes.is_empty());
    assert_eq!(shown.arrows.len(), 1);
    assert_eq!((shown.arrows[0].from, shown.arrows[0].to), (ids[2], ids[3]));
    // Not laid out yet: mounted, so it is never missing.
    let shown = on_screen(&board, Some(strip), &Selection::default(), |_| None);
    assert_eq!(shown.arrows.len(), board.arrows().len());
}

#[test]
fn the_last_selected_component_and_arrow_stay_mounted_off_screen() {
    let (board, ids, _) = row();
    let layouts = laid_out(&board);
    // Short of the first box's right side, where its arrow starts.
    let area = Rect::new(-200.0, -200.0, 300.0, 400.0);
    let far = Selection::of_components(vec![ids[3], ids[4]]);
    let shown = on_screen(&board, Some(area), &far, |id| layouts.bounds(id));
    assert_eq!(
        shown.boxes,
        vec![ids[0], ids[4]],
        "the last selected, not every one"
    );
    let last = board.arrows().last().unwrap().id;
    let shown = on_screen(&board, Some(area), &Selection::only_arrow(last), |id| {
        layouts.bounds(id)
    });
    assert_eq!(shown.arrows.len(), 1);
    assert_eq!(shown.arrows[0].id, last);
}

#[test]
fn the_mounted_area_is_the_view_grown_by_the_margin_in_screen_pixels() {
    let (board, ids, _) = row();
    let mut editor = Editor::new(
        board,
        Viewport {
            x: 100.0,
            y: 50.0,
            zoom: 2.0,
        },
    );
    editor.set_view_size(Size::new(800.0, 600.0));
    let m = CULL_MARGIN_PX / 2.0;
    assert_eq!(
        editor.mounted_area(),
        Some(Rect::new(
            100.0 - m,
            50.0 - m,
            400.0 + 2.0 * m,
            300.0 + 2.0 * m
        ))
    );
    // Panning far away and back changes what is mounted.
    editor
        .perform(Action::PanBy {
            dx: -4000.0,
            dy: 0.0,
        })
        .unwrap();
    let layouts = laid_out(editor.board());
    let shown = on_screen(
        editor.board(),
        editor.mounted_area(),
        editor.selection(),
        |id| layouts.bounds(id),
    );
    assert_eq!(
        shown.boxes,
        vec![ids[2]],
        "2,000 world px right of the start: box 2"
    );
}

#[test]
fn zoomed_out_below_the_far_zoom_nothing_but_the_kept_is_mounted_and_the_far_view_draws_it_all() {
    use breadthfirst::core::diagram::{far_view, FAR_ZOOM};
    let (mut board, ids, frame) = row();
    let note = add_at(
        &mut board,
        ComponentKind::Text,
        (0.0, 400.0),
        Some("a note"),
    );
    let sticky = add_at(
        &mut board,
        ComponentKind::Sticky,
        (400.0, 400.0),
        Some("todo"),
    );
    let mut editor = Editor::new(
        board,
        Viewport {
            x: -100.0,
            y: -100.0,
            zoom: FAR_ZOOM * 0.9,
        },
    );
    editor.set_view_size(Size::new(1200.0, 800.0));
    assert!(editor.is_far());
    assert_eq!(editor.mounted_area(), None);
    let layouts = laid_out(editor.board());
    let last = Selection::only_component(ids[1]);
    let shown = on_screen(editor.board(), editor.mounted_area(), &last, |id| {
        layouts.bounds(id)
    });
    assert_eq!(
        shown.boxes,
        vec![ids[1]],
        "only the box that holds the focus"
    );
    assert!(shown.arrows.is_empty() && shown.frames.is_empty());

    let routes = editor
        .board()
        .arrows()
        .iter()
        .filter_map(|a| layouts.layout(a.id));
    let far = far_view(editor.board(), routes);
    // Every box and the sticky note as a rectangle, grouped by colour; the frame apart;
    // free text has no outline.
    let rects: usize = far.boxes.iter().map(|b| b.path.matches('M').count()).sum();
    assert_eq!(rects, ids.len() + 1);
    let service = editor.board().component(ids[0]).unwrap();
    let group = far
        .boxes
        .iter()
        .find(|b| b.colour == service.hue_saturation())
        .expect("the services' colour");
    assert_eq!(
        group.path.matches('M').count(),
        ids.len(),
        "five services, one colour"
    );
    let r = service.rect;
    assert!(
        group
            .path
            .starts_with(&format!("M{} {}h{}v{}", r.x, r.y, r.w, r.h)),
        "{}",
        group.path
    );
    let f = editor.board().component(frame).unwrap().rect;
    assert_eq!(
        far.frames,
        format!("M{} {}h{}v{}h-{}z", f.x, f.y, f.w, f.h, f.w)
    );
    assert!(editor.board().component(note).is_some() && editor.board().component(sticky).is_some());
    assert_eq!(
        far.arrows.matches('M').count(),
        editor.board().arrows().len()
    );

    // Back above the far zoom, the view mounts what it shows again.
    editor.perform(Action::ZoomReset).unwrap();
    assert!(!editor.is_far() && editor.mounted_area().is_some());
}
