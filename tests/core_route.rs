//! Arrow routes and label placement (issue 14), natively: elbow routes are orthogonal,
//! leave and enter on facing sides, go around other boxes when they can, and are
//! deterministic; labels sit on the longest free stretch; straight arrows stay straight.

mod common;

use breadthfirst::core::diagram::{
    arrow_endpoints, arrow_label_size, clip_segment, facing_sides, layout_arrows, Applied, ArrowId,
    ArrowLayout, ArrowLayouts, Board, BoxIndex, Command, ComponentId, Point, Rect, Side,
};
use breadthfirst::core::editor::{Action, Editor, Viewport};
use breadthfirst::core::persist;
use common::{
    add_service as add, connect_labelled as connect, fixture, move_and_check_layouts, Rng,
};

fn rect(board: &Board, id: ComponentId) -> Rect {
    board.component(id).unwrap().rect
}

/// The side of `r` that `p` lies just outside of (within the arrow head's gap).
fn side_at(r: &Rect, p: Point) -> Option<Side> {
    let near = |a: f64, b: f64| (a - b).abs() <= 3.01;
    let within_x = p.x >= r.x && p.x <= r.right();
    let within_y = p.y >= r.y && p.y <= r.bottom();
    if within_y && near(p.x, r.right()) && p.x >= r.right() {
        Some(Side::Right)
    } else if within_y && near(p.x, r.x) && p.x <= r.x {
        Some(Side::Left)
    } else if within_x && near(p.y, r.bottom()) && p.y >= r.bottom() {
        Some(Side::Bottom)
    } else if within_x && near(p.y, r.y) && p.y <= r.y {
        Some(Side::Top)
    } else {
        None
    }
}

/// Boxes in random cells of a 6 x 5 grid of 260 x 170 cells, shifted at random
/// within their cell but always at least 40 apart (room for a route with clearance
/// between any two), with random labelled arrows among them.
fn slotted_board(seed: u64) -> Board {
    let mut rng = Rng::new(seed);
    let mut board = Board::new();
    let mut ids = Vec::new();
    for slot in 0..30 {
        if rng.below(10) < 4 {
            continue;
        }
        let (col, row) = ((slot % 6) as f64, (slot / 6) as f64);
        let (dx, dy) = (rng.below(60) as f64, rng.below(60) as f64);
        ids.push(add(&mut board, col * 260.0 + dx, row * 170.0 + dy));
    }
    for k in 0..25 {
        let (a, b) = (ids[rng.below(ids.len())], ids[rng.below(ids.len())]);
        if a != b && board.arrow_between(a, b).is_none() && board.arrow_between(b, a).is_none() {
            connect(
                &mut board,
                a,
                b,
                if k % 2 == 0 { "POST /notify" } else { "" },
            );
        }
    }
    board
}

fn covered_by(board: &Board, a: Point, b: Point) -> Vec<ComponentId> {
    board
        .components()
        .iter()
        .filter(|c| clip_segment(a, b, &c.rect).is_some())
        .map(|c| c.id)
        .collect()
}

#[test]
fn elbow_routes_are_orthogonal_and_leave_and_enter_on_facing_sides() {
    let mut checked = 0;
    for seed in 0..40 {
        let board = slotted_board(seed);
        for (a, layout) in layout_arrows(&board) {
            let (from, to) = (rect(&board, a.from), rect(&board, a.to));
            let p = &layout.points;
            assert!(p.len() >= 2, "seed {seed}: {p:?}");
            for w in p.windows(2) {
                assert!(
                    w[0].x == w[1].x || w[0].y == w[1].y,
                    "seed {seed}: a slanted segment in {p:?}"
                );
            }
            let start = side_at(&from, p[0]).expect("the route starts at the source's border");
            let end = side_at(&to, p[p.len() - 1]).expect("the route ends at the target's border");
            assert!(
                facing_sides(&from, &to).contains(&start),
                "seed {seed}: leaves by {start:?} of {from:?} towards {to:?}"
            );
            assert!(
                facing_sides(&to, &from).contains(&end),
                "seed {seed}: enters by {end:?} of {to:?} from {from:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} routes checked");
}

#[test]
fn routes_go_around_boxes_whenever_a_clear_route_exists() {
    let mut bent = 0;
    for seed in 0..40 {
        let board = slotted_board(seed);
        for (a, layout) in layout_arrows(&board) {
            for w in layout.points.windows(2) {
                let hit = covered_by(&board, w[0], w[1]);
                assert!(
                    hit.is_empty(),
                    "seed {seed}: arrow {} crosses {hit:?}: {:?}",
                    a.id,
                    layout.points
                );
            }
            bent += usize::from(layout.points.len() > 4);
        }
    }
    assert!(bent > 20, "too few detours to mean anything: {bent}");
}

#[test]
fn an_arrow_past_a_box_between_its_ends_bends_around_it() {
    let mut board = Board::new();
    let left = add(&mut board, 0.0, 0.0);
    let middle = add(&mut board, 260.0, 0.0);
    let right = add(&mut board, 520.0, 0.0);
    let arrow = connect(&mut board, left, right, "POST /notify");
    let layouts = layout_arrows(&board);
    let layout = &layouts.iter().find(|(a, _)| a.id == arrow).unwrap().1;
    let wall = rect(&board, middle);
    assert!(layout.points.len() >= 4, "{:?}", layout.points);
    for w in layout.points.windows(2) {
        assert!(clip_segment(w[0], w[1], &wall.inflate(9.9)).is_none());
    }
    let label = layout.label.expect("a label box");
    for c in board.components() {
        assert!(
            !c.rect.intersects(&label),
            "label {label:?} over {:?}",
            c.rect
        );
    }
}

#[test]
fn routes_are_deterministic_and_the_incremental_layouts_match_a_full_layout() {
    let mut board = slotted_board(7);
    let again = slotted_board(7);
    assert_eq!(layout_arrows(&board), layout_arrows(&again));

    let mut live = ArrowLayouts::default();
    live.sync(&board);
    let moving = board.components()[3].id;
    for step in 0..40 {
        let by = Point::new(13.0, if step % 10 < 5 { 7.0 } else { -7.0 });
        move_and_check_layouts(&mut board, &mut live, moving, by, &format!("step {step}"));
    }
}

#[test]
fn a_drag_step_relays_only_the_arrows_near_the_moved_box() {
    let mut board = Board::new();
    let mut ids = Vec::new();
    for i in 0..100 {
        ids.push(add(
            &mut board,
            (i % 10) as f64 * 200.0,
            (i / 10) as f64 * 110.0,
        ));
    }
    for i in 0..99 {
        if i % 10 != 9 {
            connect(&mut board, ids[i], ids[i + 1], "data");
        }
    }
    let mut live = ArrowLayouts::default();
    assert_eq!(live.sync(&board).len(), board.arrows().len());
    assert!(
        live.sync(&board).is_empty(),
        "nothing moved, nothing changes"
    );
    board
        .apply(Command::MoveComponents {
            ids: vec![ids[55]],
            by: Point::new(20.0, 30.0),
        })
        .unwrap();
    let changed = live.sync(&board);
    assert!(!changed.is_empty() && changed.len() <= 4, "{changed:?}");
    for id in changed {
        let a = board.arrow(id).unwrap();
        assert!(a.from == ids[55] || a.to == ids[55], "{a:?}");
    }
}

/// Free stretches of a route (segment index, start, end), worked out over every box.
fn free_stretches(board: &Board, points: &[Point]) -> Vec<(usize, Point, Point)> {
    let mut out = Vec::new();
    for (k, w) in points.windows(2).enumerate() {
        let (a, b) = (w[0], w[1]);
        let mut cuts: Vec<(f64, f64)> = board
            .components()
            .iter()
            .filter_map(|c| clip_segment(a, b, &c.rect))
            .collect();
        cuts.sort_by(|x, y| x.0.total_cmp(&y.0));
        let at = |t: f64| Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
        let mut t = 0.0_f64;
        for (t0, t1) in cuts {
            if t0 > t {
                out.push((k, at(t), at(t0)));
            }
            t = t.max(t1);
        }
        if t < 1.0 {
            out.push((k, at(t), b));
        }
    }
    out
}

fn on_segment(p: Point, a: Point, b: Point) -> bool {
    let cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    let within = p.x >= a.x.min(b.x) - 1e-6
        && p.x <= a.x.max(b.x) + 1e-6
        && p.y >= a.y.min(b.y) - 1e-6
        && p.y <= a.y.max(b.y) + 1e-6;
    cross.abs() < 1e-6 && within
}

#[test]
fn labels_sit_on_the_longest_free_stretch_of_the_route_outside_every_box() {
    let mut fitted = 0;
    for seed in 0..40 {
        let mut board = slotted_board(seed);
        // A few straight arrows too: they may cross boxes, so stretches differ.
        let some: Vec<ArrowId> = board.arrows().iter().step_by(3).map(|a| a.id).collect();
        for id in some {
            board
                .apply(Command::SetArrowStraight { id, straight: true })
                .unwrap();
        }
        let layouts = layout_arrows(&board);
        for (a, layout) in &layouts {
            let Some(label) = layout.label else {
                assert!(a.label.is_empty());
                continue;
            };
            let at = label.center();
            let size = arrow_label_size(&a.label);
            assert!((label.w - size.w).abs() < 1e-9 && (label.h - size.h).abs() < 1e-9);
            for c in board.components() {
                let inside = at.x > c.rect.x
                    && at.x < c.rect.right()
                    && at.y > c.rect.y
                    && at.y < c.rect.bottom();
                assert!(!inside, "seed {seed}: label of {} inside {}", a.id, c.id);
            }
            let stretches = free_stretches(&board, &layout.points);
            let longest =
                stretches
                    .iter()
                    .fold(None::<&(usize, Point, Point)>, |best, s| match best {
                        Some(b) if b.1.distance(b.2) >= s.1.distance(s.2) => best,
                        _ => Some(s),
                    });
            let &(_, s, e) = longest.expect("a free stretch");
            // The label's extent along the stretch's direction.
            let len = s.distance(e);
            let along = (size.w * (e.x - s.x).abs() + size.h * (e.y - s.y).abs()) / len;
            let is_last = e == *layout.points.last().unwrap();
            if s.distance(e) >= along + if is_last { 28.0 } else { 0.0 } + 1e-6 {
                let mid = Point::new((s.x + e.x) / 2.0, (s.y + e.y) / 2.0);
                // Off the middle only to clear another arrow's label, still on the
                // stretch.
                let there = Rect::new(mid.x - size.w / 2.0, mid.y - size.h / 2.0, size.w, size.h);
                let crowded = layouts
                    .iter()
                    .any(|(b, l)| b.id != a.id && l.label.is_some_and(|r| r.intersects(&there)));
                assert!(
                    at.distance(mid) < 1e-6 || (crowded && on_segment(at, s, e)),
                    "seed {seed}: label of {} at {at:?}, longest free stretch {s:?}-{e:?}",
                    a.id
                );
                assert!(layout.points.windows(2).any(|w| on_segment(at, w[0], w[1])));
                fitted += 1;
            }
        }
    }
    assert!(fitted > 150, "only {fitted} labels fitted their stretch");
}

#[test]
fn when_every_route_meets_a_box_the_route_meets_the_fewest_and_the_label_stays_clear() {
    let mut board = Board::new();
    let source = add(&mut board, -600.0, 0.0);
    let target = add(&mut board, 0.0, 0.0);
    // A closed ring of boxes round the target.
    for (x, y) in [(-170.0, -80.0), (-170.0, 0.0), (-170.0, 80.0)] {
        add(&mut board, x, y);
    }
    for x in [-18.0, 134.0] {
        add(&mut board, x, -80.0);
        add(&mut board, x, 80.0);
    }
    for y in [-80.0, 0.0, 80.0] {
        add(&mut board, 170.0, y);
    }
    let arrow = connect(&mut board, source, target, "writes");
    let layouts = layout_arrows(&board);
    let layout: &ArrowLayout = &layouts.iter().find(|(a, _)| a.id == arrow).unwrap().1;
    let met: usize = layout
        .points
        .windows(2)
        .map(|w| covered_by(&board, w[0], w[1]).len())
        .sum();
    assert_eq!(met, 1, "one ring box crossed: {:?}", layout.points);
    let at = layout.label.unwrap().center();
    assert!(board.components().iter().all(|c| !c.rect.contains(at)));
}

#[test]
fn a_straight_arrow_stays_one_straight_line_even_through_a_box() {
    let mut board = Board::new();
    let a = add(&mut board, 0.0, 0.0);
    add(&mut board, 260.0, 40.0);
    let b = add(&mut board, 520.0, 90.0);
    let id = connect(&mut board, a, b, "reads");
    board
        .apply(Command::SetArrowStraight { id, straight: true })
        .unwrap();
    let layouts = layout_arrows(&board);
    let layout = &layouts[0].1;
    let (s, e) = arrow_endpoints(&rect(&board, a), &rect(&board, b));
    assert_eq!(layout.points, vec![s, e]);
    board
        .apply(Command::SetArrowStraight {
            id,
            straight: false,
        })
        .unwrap();
    assert!(layout_arrows(&board)[0].1.points.len() > 2);
}

#[test]
fn making_an_arrow_straight_is_one_undoable_step() {
    let mut board = Board::new();
    let a = add(&mut board, 0.0, 0.0);
    let b = add(&mut board, 400.0, 200.0);
    let id = connect(&mut board, a, b, "");
    let mut editor = Editor::new(board, Viewport::default());
    let straight = |e: &Editor| e.board().arrow(id).unwrap().straight;
    assert!(!straight(&editor), "new arrows are elbow arrows");
    let set = |straight| Action::Apply(Command::SetArrowStraight { id, straight });
    assert_eq!(editor.perform(set(true)), Ok(Applied::Changed));
    assert!(straight(&editor));
    assert_eq!(editor.perform(set(true)), Ok(Applied::Unchanged));
    editor.perform(Action::Undo).unwrap();
    assert!(!straight(&editor));
    editor.perform(Action::Redo).unwrap();
    assert!(straight(&editor));
    assert!(editor
        .perform(Action::Apply(Command::SetArrowStraight {
            id: ArrowId(999),
            straight: true
        }))
        .is_err());
}

#[test]
fn boards_saved_without_the_choice_load_as_elbow_and_straight_survives_a_save() {
    let old = fixture("v1-board.json");
    assert!(!old.arrows().is_empty());
    assert!(old.arrows().iter().all(|a| !a.straight));

    let mut board = old.clone();
    let id = board.arrows()[0].id;
    board
        .apply(Command::SetArrowStraight { id, straight: true })
        .unwrap();
    let text = persist::to_json(&board, &Viewport::default());
    assert_eq!(text.matches("\"straight\":true").count(), 1);
    assert!(
        !text.contains("\"straight\":false"),
        "elbow is the default, not written"
    );
    let loaded = persist::from_json(&text).unwrap().board;
    assert_eq!(loaded, board);
}

#[test]
fn copies_keep_an_arrows_straightness() {
    let mut board = Board::new();
    let a = add(&mut board, 0.0, 0.0);
    let b = add(&mut board, 300.0, 0.0);
    let id = connect(&mut board, a, b, "");
    board
        .apply(Command::SetArrowStraight { id, straight: true })
        .unwrap();
    let components = board.components().to_vec();
    let arrows = board.arrows().to_vec();
    board
        .apply(Command::InsertCopies {
            components,
            arrows,
            offset: Point::new(0.0, 200.0),
        })
        .unwrap();
    assert!(board.arrows().iter().all(|a| a.straight));
}

#[test]
fn the_box_index_finds_exactly_the_boxes_an_area_touches() {
    let mut rng = Rng::new(3);
    let mut index = BoxIndex::default();
    let mut all = Vec::new();
    for i in 0..300 {
        let r = Rect::new(
            rng.below(5000) as f64 - 2500.0,
            rng.below(5000) as f64 - 2500.0,
            10.0 + rng.below(400) as f64,
            10.0 + rng.below(200) as f64,
        );
        index.insert(ComponentId(i), r);
        all.push((ComponentId(i), r));
    }
    // Moving and removing keep it exact.
    for i in (0..300).step_by(7) {
        let r = Rect::new(rng.below(3000) as f64, 0.0, 50.0, 5000.0);
        index.insert(ComponentId(i), r);
        all[i as usize].1 = r;
    }
    for i in (0..300).step_by(11) {
        index.remove(ComponentId(i));
    }
    all.retain(|(id, _)| id.0 % 11 != 0);
    assert_eq!(index.len(), all.len());
    for _ in 0..200 {
        let area = Rect::new(
            rng.below(6000) as f64 - 3000.0,
            rng.below(6000) as f64 - 3000.0,
            rng.below(900) as f64,
            rng.below(900) as f64,
        );
        let expected: Vec<(ComponentId, Rect)> = all
            .iter()
            .filter(|(_, r)| {
                r.x <= area.right()
                    && area.x <= r.right()
                    && r.y <= area.bottom()
                    && area.y <= r.bottom()
            })
            .copied()
            .collect();
        let mut found = index.query(&area);
        found.sort_by_key(|(id, _)| *id);
        assert_eq!(found, expected);
    }
}
