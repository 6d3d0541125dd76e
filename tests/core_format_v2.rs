//! Format version 2: palette colours and resized boxes are saved; version 1 boards
//! are migrated so every name shows whole; commands that resize and paint boxes.

mod common;

use breadthfirst::core::diagram::{
    label_layout, Applied, Board, Colour, Command, ComponentId, ComponentKind, EditError, Rect,
};
use breadthfirst::core::editor::Viewport;
use breadthfirst::core::persist::{from_json, to_json, Repair, VERSION};
use common::add_at;
use std::path::Path;

fn fixture_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn whole(board: &Board, id: u32) -> bool {
    let c = board.component(ComponentId(id)).unwrap();
    let layout = label_layout(&c.label, c.kind, c.rect.w, c.rect.h);
    let shown: String = layout
        .lines
        .concat()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let name: String = c.label.chars().filter(|c| !c.is_whitespace()).collect();
    shown == name
}

#[test]
fn this_build_writes_version_2() {
    assert_eq!(VERSION, 2);
    let text = to_json(&Board::new(), &Viewport::default());
    assert!(text.contains("\"version\":2"), "{text}");
}

#[test]
fn a_version_1_board_grows_its_boxes_about_their_centres_to_show_every_name() {
    let text = fixture_text("v1-long-names.json");
    let raw: serde_json::Value = serde_json::from_str(&text).unwrap();
    let restored = from_json(&text).unwrap();
    let board = &restored.board;
    for id in 1..=5 {
        assert!(
            whole(board, id),
            "component {id} is cut: {:?}",
            board.component(ComponentId(id))
        );
        let saved = &raw["board"]["components"][(id - 1) as usize];
        let (x, y, w, h) = ["x", "y", "w", "h"]
            .map(|k| saved[k].as_f64().unwrap())
            .into();
        let r = board.component(ComponentId(id)).unwrap().rect;
        assert!(r.w >= w && r.h >= h, "{id}: never smaller");
        let (cx, cy) = (x + w / 2.0, y + h / 2.0);
        assert!(
            (r.center().x - cx).abs() < 1e-9 && (r.center().y - cy).abs() < 1e-9,
            "{id}: centre kept"
        );
    }
    // Short names keep their boxes.
    assert_eq!(
        board.component(ComponentId(4)).unwrap().rect,
        Rect::new(480.0, 160.0, 152.0, 64.0)
    );
    // The long worker name did not fit before: the migration grew it.
    assert!(board.component(ComponentId(2)).unwrap().rect.w > 152.0);
    // The unknown kind is still repaired (as a box) after the migration.
    assert!(restored
        .repairs
        .iter()
        .any(|r| matches!(r, Repair::UnknownKind { .. })));
    assert_eq!(
        board.component(ComponentId(5)).unwrap().kind,
        ComponentKind::Generic
    );
}

#[test]
fn a_version_2_board_keeps_its_colours_and_sizes_and_names_an_unknown_colour() {
    let restored = from_json(&fixture_text("v2-board.json")).unwrap();
    let board = &restored.board;
    let colour = |id| board.component(ComponentId(id)).unwrap().colour;
    assert_eq!(colour(1), Some(Colour::Violet));
    assert_eq!(colour(2), None);
    assert_eq!(colour(3), Some(Colour::Grey));
    assert_eq!(colour(4), None, "magenta is not in the palette");
    assert_eq!(
        restored.repairs,
        [Repair::UnknownColour {
            colour: "magenta".into()
        }]
    );
    assert!(restored.repairs[0].to_string().contains("magenta"));
    assert_eq!(
        board.component(ComponentId(2)).unwrap().rect,
        Rect::new(240.0, 0.0, 220.0, 90.0)
    );
    // Round trip: what is written reads back the same, with no repairs.
    let again = from_json(&to_json(board, &restored.viewport)).unwrap();
    assert_eq!(&again.board, board);
    assert!(again.repairs.is_empty());
}

#[test]
fn a_palette_colour_is_used_instead_of_the_kind_colour() {
    let mut board = Board::new();
    let a = add_at(&mut board, ComponentKind::Cache, (0.0, 0.0), None);
    let b = add_at(&mut board, ComponentKind::Cache, (300.0, 0.0), None);
    let kind = ComponentKind::Cache.colour();
    assert_eq!(board.component(a).unwrap().hue_saturation(), kind);
    let applied = board
        .apply(Command::SetColour {
            ids: vec![a, b],
            colour: Some(Colour::Teal),
        })
        .unwrap();
    assert_eq!(applied, Applied::Changed);
    for id in [a, b] {
        assert_eq!(
            board.component(id).unwrap().hue_saturation(),
            Colour::Teal.hue_saturation()
        );
    }
    assert_eq!(
        board.apply(Command::SetColour {
            ids: vec![a],
            colour: Some(Colour::Teal)
        }),
        Ok(Applied::Unchanged)
    );
    board
        .apply(Command::SetColour {
            ids: vec![a],
            colour: None,
        })
        .unwrap();
    assert_eq!(board.component(a).unwrap().hue_saturation(), kind);
    assert_eq!(
        board.apply(Command::SetColour {
            ids: vec![ComponentId(99)],
            colour: None
        }),
        Err(EditError::UnknownComponent(ComponentId(99)))
    );
    // Every palette colour has a distinct saved name that reads back.
    for c in Colour::ALL {
        assert_eq!(Colour::from_name(c.name()), Some(c));
    }
}

#[test]
fn resizing_keeps_the_size_within_limits_and_refuses_bad_numbers() {
    let mut board = Board::new();
    let a = add_at(&mut board, ComponentKind::Service, (0.0, 0.0), None);
    let resize = |board: &mut Board, rect| board.apply(Command::ResizeComponent { id: a, rect });
    assert_eq!(
        resize(&mut board, Rect::new(-10.0, 5.0, 300.0, 120.0)),
        Ok(Applied::Changed)
    );
    assert_eq!(
        board.component(a).unwrap().rect,
        Rect::new(-10.0, 5.0, 300.0, 120.0)
    );
    resize(&mut board, Rect::new(0.0, 0.0, 1.0, -5.0)).unwrap();
    let (min_w, min_h) = Board::MIN_SIZE;
    assert_eq!(
        board.component(a).unwrap().rect,
        Rect::new(0.0, 0.0, min_w, min_h)
    );
    resize(&mut board, Rect::new(0.0, 0.0, 1e9, 1e9)).unwrap();
    let (max_w, max_h) = Board::MAX_SIZE;
    assert_eq!(
        board.component(a).unwrap().rect,
        Rect::new(0.0, 0.0, max_w, max_h)
    );
    let before = board.clone();
    for bad in [
        Rect::new(f64::NAN, 0.0, 100.0, 100.0),
        Rect::new(0.0, 1e12, 100.0, 100.0),
        Rect::new(0.0, 0.0, f64::INFINITY, 100.0),
    ] {
        assert_eq!(
            resize(&mut board, bad),
            Err(EditError::CoordinateOutOfRange)
        );
    }
    assert_eq!(board, before);
}
