//! The diagram model: kinds, geometry, text, placement and every board command.

use breadthfirst::core::diagram::{
    arrow_endpoints, fit_text, free_spot, normalize_label, text_width, Applied, Arrow, ArrowId,
    Board, Command, Component, ComponentId, ComponentKind, EditError, History, NoteField, Point,
    Rect, Size, MAX_COORDINATE, MAX_LABEL_CHARS, MAX_NOTE_CHARS,
};
use std::collections::HashSet;

const EPS: f64 = 1e-9;

fn add(board: &mut Board, kind: ComponentKind, x: f64, y: f64) -> ComponentId {
    match board.apply(Command::AddComponent {
        kind,
        at: Point::new(x, y),
        label: None,
    }) {
        Ok(Applied::Added(id)) => id,
        other => panic!("add failed: {other:?}"),
    }
}

fn connect(board: &mut Board, from: ComponentId, to: ComponentId) -> ArrowId {
    match board.apply(Command::ConnectComponents {
        from,
        to,
        label: String::new(),
    }) {
        Ok(Applied::Connected(id)) => id,
        other => panic!("connect failed: {other:?}"),
    }
}

/// Three components a -> b -> c.
fn chain() -> (Board, [ComponentId; 3], [ArrowId; 2]) {
    let mut board = Board::new();
    let a = add(&mut board, ComponentKind::Client, 0.0, 0.0);
    let b = add(&mut board, ComponentKind::Service, 300.0, 0.0);
    let c = add(&mut board, ComponentKind::SqlDatabase, 600.0, 0.0);
    let ab = connect(&mut board, a, b);
    let bc = connect(&mut board, b, c);
    (board, [a, b, c], [ab, bc])
}

fn assert_invariants(board: &Board) {
    assert_eq!(board.invariant_violations(), Vec::<String>::new());
}

/// Applies a command that must be refused and checks the board did not change.
fn assert_refused(board: &mut Board, command: Command, expected: EditError) {
    let before = board.clone();
    assert_eq!(board.apply(command), Err(expected));
    assert_eq!(*board, before, "a refused command changed the board");
}

// ---------------------------------------------------------------- kinds

#[test]
fn there_are_seventeen_kinds_with_distinct_ids_names_colours_and_icons() {
    let all = ComponentKind::ALL;
    assert_eq!(all.len(), 17);
    let kinds: HashSet<_> = all.iter().collect();
    let ids: HashSet<_> = all.iter().map(|k| k.id()).collect();
    let names: HashSet<_> = all.iter().map(|k| k.display_name()).collect();
    let colours: HashSet<_> = all.iter().map(|k| k.colour()).collect();
    let icons: HashSet<_> = all.iter().map(|k| k.icon()).collect();
    assert_eq!(kinds.len(), 17);
    assert_eq!(ids.len(), 17);
    assert_eq!(names.len(), 17);
    assert_eq!(colours.len(), 17);
    assert_eq!(icons.len(), 17);
    for k in all {
        assert!(!k.id().is_empty() && !k.display_name().is_empty());
        assert!(!k.description().is_empty(), "{k:?} has no description");
        assert!(!k.icon().is_empty(), "{k:?} has no icon");
        let (hue, sat) = k.colour();
        assert!(hue < 360 && sat <= 100, "{k:?} colour out of range");
    }
}

#[test]
fn every_kind_round_trips_through_its_id() {
    for k in ComponentKind::ALL {
        assert_eq!(ComponentKind::from_id(k.id()), Some(k));
    }
    assert_eq!(ComponentKind::from_id("no_such_kind"), None);
    assert_eq!(ComponentKind::from_id(""), None);
}

#[test]
fn every_kind_serialises_to_json_as_its_id() {
    for k in ComponentKind::ALL {
        let json = serde_json::to_string(&k).expect("serialise");
        assert_eq!(json, format!("\"{}\"", k.id()));
        let back: ComponentKind = serde_json::from_str(&json).expect("deserialise");
        assert_eq!(back, k);
    }
}

#[test]
fn display_names_include_the_common_building_blocks() {
    let names: Vec<_> = ComponentKind::ALL
        .iter()
        .map(|k| k.display_name())
        .collect();
    for expected in ["Load balancer", "Cache", "Message queue"] {
        assert!(names.contains(&expected), "missing {expected}: {names:?}");
    }
}

#[test]
fn entry_points_and_data_stores_are_classified() {
    assert!(ComponentKind::Client.is_entry_point());
    assert!(ComponentKind::LoadBalancer.is_entry_point());
    assert!(!ComponentKind::SqlDatabase.is_entry_point());
    assert!(ComponentKind::SqlDatabase.is_data_store());
    assert!(ComponentKind::Cache.is_data_store());
    assert!(!ComponentKind::Service.is_data_store());
}

// ---------------------------------------------------------------- geometry

fn on_border(r: &Rect, p: Point) -> bool {
    let within_x = p.x >= r.x - EPS && p.x <= r.right() + EPS;
    let within_y = p.y >= r.y - EPS && p.y <= r.bottom() + EPS;
    let on_vertical = (p.x - r.x).abs() < EPS || (p.x - r.right()).abs() < EPS;
    let on_horizontal = (p.y - r.y).abs() < EPS || (p.y - r.bottom()).abs() < EPS;
    within_x && within_y && (on_vertical || on_horizontal)
}

#[test]
fn border_point_lands_on_the_border_in_every_direction() {
    let r = Rect::new(100.0, 50.0, 152.0, 64.0);
    let c = r.center();
    for step in 0..72 {
        let angle = f64::from(step) * 5.0_f64.to_radians();
        let target = Point::new(c.x + 500.0 * angle.cos(), c.y + 500.0 * angle.sin());
        let p = r.border_point(target);
        assert!(
            on_border(&r, p),
            "angle step {step}: {p:?} not on border of {r:?}"
        );
        // The border point lies on the ray from the centre to the target.
        let cross = (p.x - c.x) * (target.y - c.y) - (p.y - c.y) * (target.x - c.x);
        assert!(cross.abs() < 1e-6, "not on the ray: {p:?}");
        let dot = (p.x - c.x) * (target.x - c.x) + (p.y - c.y) * (target.y - c.y);
        assert!(dot > 0.0, "pointing the wrong way: {p:?}");
    }
}

#[test]
fn border_point_towards_the_centre_itself_is_the_centre() {
    let r = Rect::new(0.0, 0.0, 100.0, 40.0);
    assert_eq!(r.border_point(r.center()), r.center());
}

#[test]
fn border_point_straight_right_and_down_hits_the_edge_midpoints() {
    let r = Rect::new(0.0, 0.0, 100.0, 40.0);
    assert_eq!(
        r.border_point(Point::new(1000.0, 20.0)),
        Point::new(100.0, 20.0)
    );
    assert_eq!(
        r.border_point(Point::new(50.0, 1000.0)),
        Point::new(50.0, 40.0)
    );
    assert_eq!(
        r.border_point(Point::new(-1000.0, 20.0)),
        Point::new(0.0, 20.0)
    );
}

#[test]
fn arrow_endpoints_sit_just_outside_both_borders_facing_each_other() {
    let from = Rect::new(0.0, 0.0, 100.0, 50.0);
    let to = Rect::new(300.0, 200.0, 100.0, 50.0);
    let (start, end) = arrow_endpoints(&from, &to);
    let from_border = from.border_point(to.center());
    let to_border = to.border_point(from.center());
    assert!((start.distance(from_border) - 3.0).abs() < 1e-9);
    assert!((end.distance(to_border) - 3.0).abs() < 1e-9);
    // Start moved from the border towards the target, end moved back towards the source.
    assert!(start.distance(to.center()) < from_border.distance(to.center()));
    assert!(end.distance(from.center()) < to_border.distance(from.center()));
    assert!(!from.contains(start) && !to.contains(end));
    assert!(start.distance(end) < from_border.distance(to_border));
}

#[test]
fn arrow_endpoints_of_touching_boxes_are_the_border_points() {
    let from = Rect::new(0.0, 0.0, 100.0, 50.0);
    let to = Rect::new(102.0, 0.0, 100.0, 50.0);
    let (start, end) = arrow_endpoints(&from, &to);
    assert_eq!(start, Point::new(100.0, 25.0));
    assert_eq!(end, Point::new(102.0, 25.0));
}

#[test]
fn rect_intersects_only_on_real_overlap() {
    let a = Rect::new(0.0, 0.0, 10.0, 10.0);
    assert!(a.intersects(&Rect::new(5.0, 5.0, 10.0, 10.0)));
    assert!(
        a.intersects(&Rect::new(2.0, 2.0, 2.0, 2.0)),
        "containment overlaps"
    );
    assert!(
        !a.intersects(&Rect::new(10.0, 0.0, 5.0, 5.0)),
        "touching edges do not"
    );
    assert!(!a.intersects(&Rect::new(20.0, 20.0, 5.0, 5.0)));
    assert!(!a.intersects(&Rect::new(0.0, 11.0, 10.0, 10.0)));
}

#[test]
fn rect_contains_includes_the_border() {
    let r = Rect::new(10.0, 20.0, 30.0, 40.0);
    assert!(r.contains(Point::new(10.0, 20.0)));
    assert!(r.contains(Point::new(40.0, 60.0)));
    assert!(r.contains(Point::new(25.0, 40.0)));
    assert!(!r.contains(Point::new(9.9, 40.0)));
    assert!(!r.contains(Point::new(25.0, 60.1)));
}

#[test]
fn rect_union_is_the_smallest_box_holding_both() {
    let a = Rect::new(0.0, 0.0, 10.0, 10.0);
    let b = Rect::new(20.0, -5.0, 5.0, 5.0);
    assert_eq!(a.union(&b), Rect::new(0.0, -5.0, 25.0, 15.0));
    assert_eq!(b.union(&a), a.union(&b));
    assert_eq!(Rect::bounds([a, b]), Some(a.union(&b)));
    assert_eq!(Rect::bounds(std::iter::empty()), None);
    assert_eq!(
        Rect::from_corners(Point::new(5.0, 8.0), Point::new(1.0, 2.0)),
        Rect::new(1.0, 2.0, 4.0, 6.0)
    );
}

// ---------------------------------------------------------------- text

#[test]
fn normalize_label_trims_and_folds_whitespace() {
    assert_eq!(normalize_label("  Orders \n\t  DB  "), "Orders DB");
    assert_eq!(normalize_label("a\r\nb"), "a b");
    assert_eq!(normalize_label("   \n "), "");
}

#[test]
fn normalize_label_caps_at_max_label_chars_counting_characters() {
    let long = "x".repeat(MAX_LABEL_CHARS + 20);
    assert_eq!(normalize_label(&long).chars().count(), MAX_LABEL_CHARS);
    let wide = "数据".repeat(MAX_LABEL_CHARS);
    let cut = normalize_label(&wide);
    assert_eq!(cut.chars().count(), MAX_LABEL_CHARS);
    assert!(wide.starts_with(&cut));
    let exact = "y".repeat(MAX_LABEL_CHARS);
    assert_eq!(normalize_label(&exact), exact);
    // A cut that lands on a space drops it, so normalising is idempotent (found by
    // tests/import_fuzz.rs).
    let spaced = format!("{} tail", "z".repeat(MAX_LABEL_CHARS - 1));
    let once = normalize_label(&spaced);
    assert_eq!(once, "z".repeat(MAX_LABEL_CHARS - 1));
    assert_eq!(normalize_label(&once), once);
}

#[test]
fn fit_text_leaves_fitting_text_alone() {
    let text = "Cache";
    let w = text_width(text, 14.0);
    assert_eq!(fit_text(text, w, 14.0), text);
    assert_eq!(fit_text(text, w + 50.0, 14.0), text);
}

#[test]
fn fit_text_cuts_with_an_ellipsis_only_when_needed() {
    let text = "A rather long label for a message queue";
    let max = text_width(text, 14.0) / 2.0;
    let fitted = fit_text(text, max, 14.0);
    assert!(fitted.ends_with('…'), "{fitted}");
    assert!(fitted.chars().count() < text.chars().count());
    assert!(text_width(&fitted, 14.0) <= max + EPS, "{fitted} too wide");
    let kept = fitted.trim_end_matches('…');
    assert!(text.starts_with(kept));
    assert_eq!(
        kept,
        kept.trim_end(),
        "no trailing space before the ellipsis"
    );
}

#[test]
fn text_width_grows_with_font_size_and_length() {
    assert!(text_width("abc", 20.0) > text_width("abc", 10.0));
    assert!(text_width("abcd", 10.0) > text_width("abc", 10.0));
    assert_eq!(text_width("", 10.0), 0.0);
}

// ---------------------------------------------------------------- placement

#[test]
fn free_spot_on_an_empty_board_centres_the_box_on_the_requested_centre() {
    let board = Board::new();
    let size = Size::new(152.0, 64.0);
    let p = free_spot(&board, Point::new(500.0, 300.0), size);
    let placed = Rect::new(p.x, p.y, size.w, size.h);
    assert_eq!(placed.center(), Point::new(500.0, 300.0));
}

#[test]
fn free_spot_avoids_a_component_at_the_centre_with_clearance() {
    let mut board = Board::new();
    add(&mut board, ComponentKind::Service, 424.0, 268.0);
    let size = Size::new(152.0, 64.0);
    let p = free_spot(&board, Point::new(500.0, 300.0), size);
    let placed = Rect::new(p.x, p.y, size.w, size.h).inflate(16.0);
    for c in board.components() {
        assert!(!c.rect.intersects(&placed), "{p:?} crowds {:?}", c.rect);
    }
    assert!(
        p.distance(Point::new(424.0, 268.0)) < 400.0,
        "{p:?} is far away"
    );
}

#[test]
fn free_spot_finds_room_among_two_hundred_packed_components() {
    let mut board = Board::new();
    let (w, h) = Board::COMPONENT_SIZE;
    for i in 0..20 {
        for j in 0..10 {
            let x = -1000.0 + f64::from(i) * (w + 4.0);
            let y = -400.0 + f64::from(j) * (h + 4.0);
            add(&mut board, ComponentKind::Generic, x, y);
        }
    }
    assert_eq!(board.components().len(), 200);
    let size = Size::new(w, h);
    let p = free_spot(&board, Point::new(0.0, 0.0), size);
    assert!(p.is_finite());
    let placed = Rect::new(p.x, p.y, size.w, size.h);
    for c in board.components() {
        assert!(!c.rect.intersects(&placed), "{p:?} overlaps {:?}", c.rect);
    }
}

// ---------------------------------------------------------------- commands: success

#[test]
fn add_component_labels_it_with_the_kind_name_by_default() {
    let mut board = Board::new();
    let applied = board.apply(Command::AddComponent {
        kind: ComponentKind::LoadBalancer,
        at: Point::new(10.0, 20.0),
        label: None,
    });
    let Ok(Applied::Added(id)) = applied else {
        panic!("{applied:?}")
    };
    let c = board.component(id).expect("added");
    assert_eq!(c.label, "Load balancer");
    assert_eq!(c.kind, ComponentKind::LoadBalancer);
    let (w, h) = Board::COMPONENT_SIZE;
    assert_eq!(c.rect, Rect::new(10.0, 20.0, w, h));
    assert!(!board.is_empty());
}

#[test]
fn add_component_normalises_a_given_label_and_falls_back_on_a_blank_one() {
    let mut board = Board::new();
    let Ok(Applied::Added(a)) = board.apply(Command::AddComponent {
        kind: ComponentKind::Cache,
        at: Point::new(0.0, 0.0),
        label: Some("  hot\n keys ".into()),
    }) else {
        panic!()
    };
    let Ok(Applied::Added(b)) = board.apply(Command::AddComponent {
        kind: ComponentKind::Cache,
        at: Point::new(0.0, 0.0),
        label: Some("   ".into()),
    }) else {
        panic!()
    };
    assert_eq!(board.component(a).unwrap().label, "hot keys");
    assert_eq!(board.component(b).unwrap().label, "Cache");
}

#[test]
fn add_component_refuses_non_finite_coordinates() {
    let mut board = chain().0;
    for at in [
        Point::new(f64::NAN, 0.0),
        Point::new(0.0, f64::INFINITY),
        Point::new(f64::NEG_INFINITY, 1.0),
    ] {
        assert_refused(
            &mut board,
            Command::AddComponent {
                kind: ComponentKind::Service,
                at,
                label: None,
            },
            EditError::CoordinateOutOfRange,
        );
    }
}

#[test]
fn move_components_shifts_only_the_named_components() {
    let (mut board, [a, b, c], _) = chain();
    let applied = board.apply(Command::MoveComponents {
        ids: vec![a, c],
        by: Point::new(5.0, -7.0),
    });
    assert_eq!(applied, Ok(Applied::Changed));
    assert_eq!(board.component(a).unwrap().rect.x, 5.0);
    assert_eq!(board.component(a).unwrap().rect.y, -7.0);
    assert_eq!(board.component(b).unwrap().rect.x, 300.0);
    assert_eq!(board.component(c).unwrap().rect.x, 605.0);
}

#[test]
fn move_components_by_zero_or_of_nothing_is_unchanged() {
    let (mut board, [a, ..], _) = chain();
    let before = board.clone();
    let zero = board.apply(Command::MoveComponents {
        ids: vec![a],
        by: Point::new(0.0, 0.0),
    });
    assert_eq!(zero, Ok(Applied::Unchanged));
    let none = board.apply(Command::MoveComponents {
        ids: vec![],
        by: Point::new(3.0, 3.0),
    });
    assert_eq!(none, Ok(Applied::Unchanged));
    assert_eq!(board, before);
}

#[test]
fn move_components_with_a_repeated_id_moves_it_once() {
    let (mut board, [a, ..], _) = chain();
    board
        .apply(Command::MoveComponents {
            ids: vec![a, a],
            by: Point::new(10.0, 0.0),
        })
        .unwrap();
    assert_eq!(board.component(a).unwrap().rect.x, 10.0);
}

#[test]
fn move_components_refuses_unknown_ids_and_non_finite_vectors() {
    let (mut board, [a, ..], _) = chain();
    assert_refused(
        &mut board,
        Command::MoveComponents {
            ids: vec![a, ComponentId(999)],
            by: Point::new(1.0, 1.0),
        },
        EditError::UnknownComponent(ComponentId(999)),
    );
    assert_refused(
        &mut board,
        Command::MoveComponents {
            ids: vec![a],
            by: Point::new(f64::NAN, 1.0),
        },
        EditError::CoordinateOutOfRange,
    );
}

#[test]
fn rename_component_changes_the_label_and_reports_unchanged_for_the_same_label() {
    let (mut board, [a, ..], _) = chain();
    let applied = board.apply(Command::RenameComponent {
        id: a,
        label: "  Mobile \"app\" ".into(),
    });
    assert_eq!(applied, Ok(Applied::Changed));
    assert_eq!(board.component(a).unwrap().label, "Mobile \"app\"");
    let again = board.apply(Command::RenameComponent {
        id: a,
        label: "Mobile \"app\"".into(),
    });
    assert_eq!(again, Ok(Applied::Unchanged));
}

#[test]
fn renaming_to_an_empty_label_falls_back_to_the_kind_display_name() {
    let (mut board, [_, b, _], _) = chain();
    board
        .apply(Command::RenameComponent {
            id: b,
            label: "Orders".into(),
        })
        .unwrap();
    let applied = board.apply(Command::RenameComponent {
        id: b,
        label: " \n ".into(),
    });
    assert_eq!(applied, Ok(Applied::Changed));
    assert_eq!(board.component(b).unwrap().label, "Service");
}

#[test]
fn rename_component_refuses_an_unknown_id() {
    let (mut board, ..) = chain();
    assert_refused(
        &mut board,
        Command::RenameComponent {
            id: ComponentId(77),
            label: "x".into(),
        },
        EditError::UnknownComponent(ComponentId(77)),
    );
}

#[test]
fn change_kind_renames_a_label_that_was_the_old_kind_name() {
    let (mut board, [_, b, _], _) = chain();
    let applied = board.apply(Command::ChangeKind {
        id: b,
        kind: ComponentKind::Worker,
    });
    assert_eq!(applied, Ok(Applied::Changed));
    let c = board.component(b).unwrap();
    assert_eq!(c.kind, ComponentKind::Worker);
    assert_eq!(c.label, "Worker");
}

#[test]
fn change_kind_keeps_a_custom_label() {
    let (mut board, [_, _, c], _) = chain();
    board
        .apply(Command::RenameComponent {
            id: c,
            label: "Orders".into(),
        })
        .unwrap();
    board
        .apply(Command::ChangeKind {
            id: c,
            kind: ComponentKind::KvStore,
        })
        .unwrap();
    let comp = board.component(c).unwrap();
    assert_eq!(comp.kind, ComponentKind::KvStore);
    assert_eq!(comp.label, "Orders");
}

#[test]
fn change_kind_to_the_same_kind_is_unchanged_and_unknown_ids_are_refused() {
    let (mut board, [a, ..], _) = chain();
    let before = board.clone();
    assert_eq!(
        board.apply(Command::ChangeKind {
            id: a,
            kind: ComponentKind::Client
        }),
        Ok(Applied::Unchanged)
    );
    assert_eq!(board, before);
    assert_refused(
        &mut board,
        Command::ChangeKind {
            id: ComponentId(55),
            kind: ComponentKind::Cache,
        },
        EditError::UnknownComponent(ComponentId(55)),
    );
}

#[test]
fn connect_components_draws_a_labelled_arrow() {
    let (mut board, [a, _, c], _) = chain();
    let applied = board.apply(Command::ConnectComponents {
        from: c,
        to: a,
        label: " replies\n".into(),
    });
    let Ok(Applied::Connected(id)) = applied else {
        panic!("{applied:?}")
    };
    let arrow = board.arrow(id).unwrap();
    assert_eq!((arrow.from, arrow.to), (c, a));
    assert_eq!(arrow.label, "replies");
    assert_eq!(board.arrow_between(c, a).map(|x| x.id), Some(id));
    assert_eq!(board.arrows_of(a).count(), 2);
    assert_invariants(&board);
}

#[test]
fn connect_components_refuses_unknown_self_and_duplicate_arrows() {
    let (mut board, [a, b, _], [ab, _]) = chain();
    assert_refused(
        &mut board,
        Command::ConnectComponents {
            from: a,
            to: ComponentId(404),
            label: String::new(),
        },
        EditError::UnknownComponent(ComponentId(404)),
    );
    assert_refused(
        &mut board,
        Command::ConnectComponents {
            from: ComponentId(404),
            to: a,
            label: String::new(),
        },
        EditError::UnknownComponent(ComponentId(404)),
    );
    assert_refused(
        &mut board,
        Command::ConnectComponents {
            from: a,
            to: a,
            label: String::new(),
        },
        EditError::SelfArrow,
    );
    assert_refused(
        &mut board,
        Command::ConnectComponents {
            from: a,
            to: b,
            label: "again".into(),
        },
        EditError::DuplicateArrow(ab),
    );
}

#[test]
fn the_opposite_direction_is_a_different_arrow() {
    let (mut board, [a, b, _], _) = chain();
    let ba = connect(&mut board, b, a);
    assert_eq!(board.arrow_between(b, a).map(|x| x.id), Some(ba));
    assert_invariants(&board);
}

#[test]
fn label_arrow_sets_and_clears_the_label() {
    let (mut board, _, [ab, _]) = chain();
    assert_eq!(
        board.apply(Command::LabelArrow {
            id: ab,
            label: "  HTTPS\n".into()
        }),
        Ok(Applied::Changed)
    );
    assert_eq!(board.arrow(ab).unwrap().label, "HTTPS");
    assert_eq!(
        board.apply(Command::LabelArrow {
            id: ab,
            label: "HTTPS".into()
        }),
        Ok(Applied::Unchanged)
    );
    assert_eq!(
        board.apply(Command::LabelArrow {
            id: ab,
            label: String::new()
        }),
        Ok(Applied::Changed)
    );
    assert_eq!(board.arrow(ab).unwrap().label, "");
    assert_refused(
        &mut board,
        Command::LabelArrow {
            id: ArrowId(999),
            label: "x".into(),
        },
        EditError::UnknownArrow(ArrowId(999)),
    );
}

#[test]
fn reverse_arrow_swaps_its_ends() {
    let (mut board, [a, b, _], [ab, _]) = chain();
    assert_eq!(
        board.apply(Command::ReverseArrow { id: ab }),
        Ok(Applied::Changed)
    );
    let arrow = board.arrow(ab).unwrap();
    assert_eq!((arrow.from, arrow.to), (b, a));
    assert!(board.arrow_between(a, b).is_none());
    assert_invariants(&board);
}

#[test]
fn reverse_arrow_onto_an_existing_opposite_arrow_is_refused() {
    let (mut board, [a, b, _], [ab, _]) = chain();
    let ba = connect(&mut board, b, a);
    assert_refused(
        &mut board,
        Command::ReverseArrow { id: ab },
        EditError::DuplicateArrow(ba),
    );
    assert_refused(
        &mut board,
        Command::ReverseArrow { id: ba },
        EditError::DuplicateArrow(ab),
    );
    assert_refused(
        &mut board,
        Command::ReverseArrow { id: ArrowId(321) },
        EditError::UnknownArrow(ArrowId(321)),
    );
}

#[test]
fn deleting_a_component_removes_every_arrow_attached_to_it() {
    let (mut board, [a, b, c], [ab, bc]) = chain();
    let ca = connect(&mut board, c, a);
    let applied = board.apply(Command::DeleteElements {
        components: vec![b],
        arrows: vec![],
    });
    assert_eq!(applied, Ok(Applied::Changed));
    assert!(board.component(b).is_none());
    assert!(board.arrow(ab).is_none() && board.arrow(bc).is_none());
    assert!(board.arrow(ca).is_some(), "unrelated arrow survives");
    assert!(board.component(a).is_some() && board.component(c).is_some());
    assert_invariants(&board);
}

#[test]
fn deleting_only_an_arrow_keeps_its_components() {
    let (mut board, [a, b, _], [ab, bc]) = chain();
    board
        .apply(Command::DeleteElements {
            components: vec![],
            arrows: vec![ab],
        })
        .unwrap();
    assert!(board.arrow(ab).is_none());
    assert!(board.arrow(bc).is_some());
    assert!(board.component(a).is_some() && board.component(b).is_some());
}

#[test]
fn deleting_nothing_is_unchanged_and_unknown_ids_are_refused() {
    let (mut board, [a, ..], [ab, _]) = chain();
    assert_eq!(
        board.apply(Command::DeleteElements {
            components: vec![],
            arrows: vec![],
        }),
        Ok(Applied::Unchanged)
    );
    assert_refused(
        &mut board,
        Command::DeleteElements {
            components: vec![a, ComponentId(500)],
            arrows: vec![],
        },
        EditError::UnknownComponent(ComponentId(500)),
    );
    assert_refused(
        &mut board,
        Command::DeleteElements {
            components: vec![a],
            arrows: vec![ab, ArrowId(600)],
        },
        EditError::UnknownArrow(ArrowId(600)),
    );
}

#[test]
fn insert_copies_gives_fresh_ids_shifts_by_the_offset_and_keeps_internal_arrows_only() {
    let (mut board, [a, b, c], _) = chain();
    let components: Vec<Component> = [a, b]
        .iter()
        .map(|id| board.component(*id).unwrap().clone())
        .collect();
    let arrows: Vec<Arrow> = board.arrows().to_vec(); // a->b (internal) and b->c (not)
    let before_ids: HashSet<u32> = board
        .components()
        .iter()
        .map(|x| x.id.0)
        .chain(board.arrows().iter().map(|x| x.id.0))
        .collect();
    let applied = board.apply(Command::InsertCopies {
        components: components.clone(),
        arrows,
        offset: Point::new(24.0, 30.0),
    });
    let Ok(Applied::Inserted(new)) = applied else {
        panic!("{applied:?}")
    };
    assert_eq!(new.len(), 2);
    for (orig, id) in components.iter().zip(&new) {
        assert!(!before_ids.contains(&id.0), "id {id} reused");
        let copy = board.component(*id).unwrap();
        assert_eq!(copy.kind, orig.kind);
        assert_eq!(copy.label, orig.label);
        assert_eq!(copy.rect.x, orig.rect.x + 24.0);
        assert_eq!(copy.rect.y, orig.rect.y + 30.0);
        assert_eq!((copy.rect.w, copy.rect.h), (orig.rect.w, orig.rect.h));
    }
    assert_eq!(board.components().len(), 5);
    assert_eq!(board.arrows().len(), 3, "only the internal arrow is copied");
    let copied = board.arrow_between(new[0], new[1]).expect("copied arrow");
    assert!(!before_ids.contains(&copied.id.0));
    assert!(board.arrows_of(new[1]).all(|x| x.to != c));
    assert_invariants(&board);
}

#[test]
fn insert_copies_of_components_from_another_board_works() {
    let (source, [a, b, _], _) = chain();
    let mut board = Board::new();
    let existing = add(&mut board, ComponentKind::Cdn, 0.0, 0.0);
    let components = vec![
        source.component(a).unwrap().clone(),
        source.component(b).unwrap().clone(),
    ];
    let applied = board
        .apply(Command::InsertCopies {
            components,
            arrows: source.arrows().to_vec(),
            offset: Point::new(0.0, 0.0),
        })
        .unwrap();
    let Applied::Inserted(new) = applied else {
        panic!()
    };
    assert!(!new.contains(&existing));
    assert_eq!(board.arrows().len(), 1);
    assert_invariants(&board);
}

#[test]
fn insert_copies_refuses_a_non_finite_offset_or_position() {
    let (mut board, [a, ..], _) = chain();
    let comp = board.component(a).unwrap().clone();
    assert_refused(
        &mut board,
        Command::InsertCopies {
            components: vec![comp.clone()],
            arrows: vec![],
            offset: Point::new(f64::INFINITY, 0.0),
        },
        EditError::CoordinateOutOfRange,
    );
    let mut broken = comp;
    broken.rect.x = f64::NAN;
    assert_refused(
        &mut board,
        Command::InsertCopies {
            components: vec![broken],
            arrows: vec![],
            offset: Point::new(1.0, 1.0),
        },
        EditError::CoordinateOutOfRange,
    );
}

#[test]
fn ids_stay_unique_across_components_and_arrows_through_many_edits() {
    let mut board = Board::new();
    let mut comps = Vec::new();
    for i in 0..10 {
        comps.push(add(
            &mut board,
            ComponentKind::ALL[i % 17],
            f64::from(i as u32) * 200.0,
            0.0,
        ));
    }
    for pair in comps.windows(2) {
        connect(&mut board, pair[0], pair[1]);
    }
    board
        .apply(Command::DeleteElements {
            components: vec![comps[3]],
            arrows: vec![],
        })
        .unwrap();
    let more = add(&mut board, ComponentKind::Cache, -300.0, 0.0);
    let arrow = connect(&mut board, more, comps[0]);
    assert_ne!(more.0, arrow.0);
    let all: Vec<u32> = board
        .components()
        .iter()
        .map(|c| c.id.0)
        .chain(board.arrows().iter().map(|a| a.id.0))
        .collect();
    let unique: HashSet<_> = all.iter().collect();
    assert_eq!(unique.len(), all.len());
    assert!(!all.contains(&comps[3].0), "deleted id must not come back");
    assert_invariants(&board);
}

#[test]
fn component_at_finds_the_topmost_component_and_bounds_spans_all() {
    let mut board = Board::new();
    let below = add(&mut board, ComponentKind::Service, 0.0, 0.0);
    let above = add(&mut board, ComponentKind::Cache, 50.0, 10.0);
    assert_eq!(
        board.component_at(Point::new(60.0, 20.0)).map(|c| c.id),
        Some(above)
    );
    assert_eq!(
        board.component_at(Point::new(10.0, 10.0)).map(|c| c.id),
        Some(below)
    );
    assert!(board.component_at(Point::new(-10.0, -10.0)).is_none());
    let (w, h) = Board::COMPONENT_SIZE;
    assert_eq!(
        board.bounds(),
        Some(Rect::new(0.0, 0.0, 50.0 + w, 10.0 + h))
    );
    assert_eq!(Board::new().bounds(), None);
}

// ---------------------------------------------------------------- overflow

#[test]
fn moving_a_component_so_far_that_its_coordinate_overflows_is_refused() {
    let mut board = Board::new();
    let id = add(&mut board, ComponentKind::Cache, MAX_COORDINATE - 5.0, 0.0);
    let before = board.clone();
    let result = board.apply(Command::MoveComponents {
        ids: vec![id],
        by: Point::new(10.0, 0.0),
    });
    assert_eq!(result, Err(EditError::CoordinateOutOfRange));
    assert_eq!(board, before, "a refused command changed the board");
    assert_eq!(
        board.apply(Command::AddComponent {
            kind: ComponentKind::Cache,
            at: Point::new(1.0e308, 0.0),
            label: None,
        }),
        Err(EditError::CoordinateOutOfRange)
    );
}

#[test]
fn inserting_copies_whose_offset_overflows_a_coordinate_is_refused() {
    let mut board = Board::new();
    let copy = Component {
        id: ComponentId(1),
        kind: ComponentKind::Service,
        label: "Far".into(),
        rect: Rect::new(1.0e308, 0.0, 152.0, 64.0),
        details: String::new(),
        failure: String::new(),
        colour: None,
        group: None,
    };
    let before = board.clone();
    let result = board.apply(Command::InsertCopies {
        components: vec![copy],
        arrows: vec![],
        offset: Point::new(1.0e308, 0.0),
    });
    match result {
        Err(e) => {
            assert_eq!(e, EditError::CoordinateOutOfRange);
            assert_eq!(board, before, "a refused command changed the board");
        }
        Ok(_) => assert_invariants(&board),
    }
}

// ---------------------------------------------------------------- history

#[test]
fn history_keeps_at_most_its_limit_of_undo_steps() {
    let mut history = History::with_limit(3);
    let mut board = Board::new();
    for i in 0..5 {
        let before = board.clone();
        add(
            &mut board,
            ComponentKind::Service,
            f64::from(i) * 200.0,
            0.0,
        );
        history.record(before);
    }
    let mut undos = 0;
    while let Some(previous) = history.undo(&board) {
        board = previous;
        undos += 1;
    }
    assert_eq!(undos, 3);
    assert_eq!(
        board.components().len(),
        2,
        "the two oldest steps were dropped"
    );
    assert!(history.can_redo());
}

#[test]
fn history_records_a_gesture_as_one_step_and_a_cancelled_gesture_as_none() {
    let mut history = History::default();
    let mut board = Board::new();
    let id = add(&mut board, ComponentKind::Cache, 0.0, 0.0);
    let start = board.clone();

    history.begin_gesture(&board);
    assert!(history.in_gesture());
    for _ in 0..5 {
        let before = board.clone();
        board
            .apply(Command::MoveComponents {
                ids: vec![id],
                by: Point::new(1.0, 0.0),
            })
            .unwrap();
        history.record(before); // ignored inside a gesture
    }
    history.end_gesture(&board);
    assert!(!history.in_gesture());
    assert_eq!(history.undo(&board), Some(start.clone()));
    assert!(!history.can_undo());

    let mut history = History::default();
    history.begin_gesture(&start);
    assert_eq!(history.cancel_gesture(), Some(start.clone()));
    history.end_gesture(&board);
    assert!(!history.can_undo());

    history.begin_gesture(&start);
    history.end_gesture(&start);
    assert!(!history.can_undo(), "an unchanged gesture is not a step");
}

#[test]
fn notes_are_set_trimmed_capped_and_refused_for_unknown_components() {
    let (mut board, [a, b, _], _) = chain();
    let set = |board: &mut Board, id, field, text: &str| {
        board.apply(Command::SetNote {
            id,
            field,
            text: text.to_string(),
        })
    };
    assert_eq!(
        set(
            &mut board,
            a,
            NoteField::Details,
            "  Key: short code\r\nValue: long URL \n"
        ),
        Ok(Applied::Changed)
    );
    assert_eq!(
        board.component(a).unwrap().details,
        "Key: short code\nValue: long URL"
    );
    assert_eq!(board.component(a).unwrap().note(NoteField::Failure), "");
    assert_eq!(
        set(
            &mut board,
            a,
            NoteField::Details,
            "Key: short code\nValue: long URL"
        ),
        Ok(Applied::Unchanged)
    );
    set(
        &mut board,
        b,
        NoteField::Failure,
        &"é".repeat(MAX_NOTE_CHARS + 10),
    )
    .unwrap();
    assert_eq!(
        board.component(b).unwrap().failure.chars().count(),
        MAX_NOTE_CHARS
    );
    let before = board.clone();
    assert_refused(
        &mut board,
        Command::SetNote {
            id: ComponentId(99),
            field: NoteField::Failure,
            text: "x".into(),
        },
        EditError::UnknownComponent(ComponentId(99)),
    );
    assert_eq!(board, before);
    assert_invariants(&board);
}
