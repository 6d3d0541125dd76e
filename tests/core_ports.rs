//! Ports spread along shared sides (issue 14), natively: arrows leaving or entering the
//! same side of a box get distinct ports ordered by where their other ends lie, their
//! routes do not run together, their labels do not overlap, and the canvas's
//! incremental layouts match a full layout while boxes with shared sides are dragged.

mod common;

use breadthfirst::core::diagram::{
    layout_arrows, layout_arrows_once, ArrowId, ArrowLayout, ArrowLayouts, Board, ComponentId,
    Point, Rect,
};
use breadthfirst::core::editor::Viewport;
use breadthfirst::core::persist;
use common::{add_service as add, connect_labelled as connect, move_and_check_layouts, Rng};
use std::collections::HashMap;

const LABELS: [&str; 4] = ["reads", "writes, misses", "click events", "POST /v1/notify"];

/// A hub in the middle of a 7 x 5 grid of 260 x 170 cells with boxes in random other
/// cells (shifted within them, always at least 40 apart), most joined to the hub one
/// way or the other, and a few joined to each other; every arrow labelled.
fn fan_board(seed: u64) -> (Board, ComponentId) {
    let mut rng = Rng::new(seed);
    let mut board = Board::new();
    let hub = add(&mut board, 3.0 * 260.0 + 30.0, 2.0 * 170.0 + 30.0);
    let mut leaves = Vec::new();
    for slot in 0..35 {
        if slot == 17 || rng.below(10) < 5 {
            continue;
        }
        let (col, row) = ((slot % 7) as f64, (slot / 7) as f64);
        let (dx, dy) = (rng.below(60) as f64, rng.below(60) as f64);
        leaves.push(add(&mut board, col * 260.0 + dx, row * 170.0 + dy));
    }
    for (k, leaf) in leaves.iter().enumerate() {
        if rng.below(10) < 8 {
            let label = LABELS[rng.below(LABELS.len())];
            let (from, to) = if k % 3 == 0 {
                (*leaf, hub)
            } else {
                (hub, *leaf)
            };
            connect(&mut board, from, to, label);
        }
    }
    for _ in 0..4 {
        let (a, b) = (
            leaves[rng.below(leaves.len())],
            leaves[rng.below(leaves.len())],
        );
        if a != b && board.arrow_between(a, b).is_none() && board.arrow_between(b, a).is_none() {
            connect(&mut board, a, b, LABELS[rng.below(LABELS.len())]);
        }
    }
    (board, hub)
}

/// Which side of `r` the route end `p` (just outside the border) is at, as a number
/// (0 right, 1 bottom, 2 left, 3 top), and where along the side.
fn side_of(r: &Rect, p: Point) -> (u8, f64) {
    let near = |a: f64, b: f64| (a - b).abs() <= 3.01;
    if near(p.x, r.right()) {
        (0, p.y)
    } else if near(p.y, r.bottom()) {
        (1, p.x)
    } else if near(p.x, r.x) {
        (2, p.y)
    } else {
        assert!(near(p.y, r.y), "{p:?} is not on a side of {r:?}");
        (3, p.x)
    }
}

/// Every arrow end on each side of each box: (where along the side, the other box's
/// centre along the side, arrow id, the route).
type Ends = HashMap<(ComponentId, u8), Vec<(f64, f64, ArrowId, Vec<Point>)>>;

fn ends_by_side(
    board: &Board,
    layouts: &[(&breadthfirst::core::diagram::Arrow, ArrowLayout)],
) -> Ends {
    let mut ends: Ends = HashMap::new();
    let rect = |id| board.component(id).unwrap().rect;
    for (a, layout) in layouts {
        let p = &layout.points;
        for (own, other, at) in [(a.from, a.to, p[0]), (a.to, a.from, p[p.len() - 1])] {
            let (side, along) = side_of(&rect(own), at);
            let c = rect(other).center();
            let key = if side % 2 == 0 { c.y } else { c.x };
            let mut route = p.clone();
            if own == a.to {
                route.reverse();
            }
            ends.entry((own, side))
                .or_default()
                .push((along, key, a.id, route));
        }
    }
    ends
}

#[test]
fn arrows_sharing_a_side_get_distinct_ports_ordered_by_their_other_ends() {
    let mut shared = 0;
    for seed in 0..30 {
        let (board, _) = fan_board(seed);
        let layouts = layout_arrows(&board);
        for ((id, side), mut group) in ends_by_side(&board, &layouts) {
            if group.len() < 2 {
                continue;
            }
            shared += 1;
            group.sort_by(|a, b| a.0.total_cmp(&b.0));
            for w in group.windows(2) {
                assert!(
                    w[1].0 - w[0].0 > 4.0,
                    "seed {seed}: ports of {} and {} on side {side} of {id:?} too close",
                    w[0].2,
                    w[1].2
                );
                assert!(
                    (w[0].1, w[0].2) < (w[1].1, w[1].2),
                    "seed {seed}: on side {side} of {id:?}, {} comes before {} though its \
                     other end lies beyond",
                    w[0].2,
                    w[1].2
                );
            }
        }
    }
    assert!(shared > 60, "only {shared} shared sides");
}

/// Length of the stretches two orthogonal routes run on top of each other.
fn overlap(a: &[Point], b: &[Point]) -> f64 {
    let mut total = 0.0;
    for s in a.windows(2) {
        for t in b.windows(2) {
            let same_x = s[0].x == s[1].x && t[0].x == t[1].x && s[0].x == t[0].x;
            let same_y = s[0].y == s[1].y && t[0].y == t[1].y && s[0].y == t[0].y;
            let span = |u: f64, v: f64| (u.min(v), u.max(v));
            let ((a0, a1), (b0, b1)) = if same_x {
                (span(s[0].y, s[1].y), span(t[0].y, t[1].y))
            } else if same_y {
                (span(s[0].x, s[1].x), span(t[0].x, t[1].x))
            } else {
                continue;
            };
            total += (a1.min(b1) - a0.max(b0)).max(0.0);
        }
    }
    total
}

#[test]
fn routes_sharing_a_side_do_not_run_together() {
    // Lanes keep them apart; on these crowded sides (up to nine arrows on one side of
    // a 64-high box) a detour round a box may still meet another on a grid line.
    let (mut pairs, mut together, mut worst) = (0, 0, 0.0_f64);
    for seed in 0..30 {
        let (board, _) = fan_board(seed);
        let layouts = layout_arrows(&board);
        for (_, group) in ends_by_side(&board, &layouts) {
            for (i, a) in group.iter().enumerate() {
                for b in &group[i + 1..] {
                    pairs += 1;
                    let shared = overlap(&a.3, &b.3);
                    together += usize::from(shared > 12.0);
                    worst = worst.max(shared);
                }
            }
        }
    }
    eprintln!("{together} of {pairs} pairs run together, at most {worst}");
    assert!(pairs > 100, "only {pairs} pairs");
    assert!(
        together * 25 <= pairs,
        "{together} of {pairs} pairs run together"
    );
}

#[test]
fn labels_of_arrows_sharing_a_side_do_not_overlap() {
    let (mut pairs, mut overlapping) = (0, 0);
    for seed in 0..30 {
        let (board, _) = fan_board(seed);
        let layouts = layout_arrows(&board);
        let label: HashMap<ArrowId, Rect> = layouts
            .iter()
            .map(|(a, l)| (a.id, l.label.unwrap()))
            .collect();
        for (_, group) in ends_by_side(&board, &layouts) {
            for (i, a) in group.iter().enumerate() {
                for b in &group[i + 1..] {
                    pairs += 1;
                    overlapping += usize::from(label[&a.2].intersects(&label[&b.2]));
                }
            }
        }
    }
    eprintln!("{overlapping} of {pairs} label pairs overlap");
    assert!(pairs > 100, "only {pairs} pairs");
    assert!(
        overlapping * 50 <= pairs,
        "{overlapping} of {pairs} overlap"
    );
}

#[test]
fn incremental_layouts_match_a_full_layout_while_boxes_with_shared_sides_move() {
    for seed in 0..6 {
        let (mut board, hub) = fan_board(seed);
        let leaf = board.arrows()[seed as usize % 3].to;
        let mut live = ArrowLayouts::default();
        live.sync(&board);
        for step in 0..60 {
            // The hub swings round its leaves, reordering the ports of their sides,
            // then a leaf crosses over from one side of the hub to the other.
            let (id, by) = if step < 40 {
                let dx = if step % 20 < 10 { 31.0 } else { -31.0 };
                (
                    hub,
                    Point::new(dx, if step % 40 < 20 { 17.0 } else { -17.0 }),
                )
            } else {
                (
                    leaf,
                    Point::new(if seed % 2 == 0 { 45.0 } else { -45.0 }, 9.0),
                )
            };
            let context = format!("seed {seed} step {step}");
            move_and_check_layouts(&mut board, &mut live, id, by, &context);
        }
    }
}

#[test]
fn the_one_pass_layout_matches_a_sync_whatever_order_the_arrows_are_listed_in() {
    for seed in 0..10 {
        let (board, _) = fan_board(seed);
        let once = layout_arrows_once(&board);
        assert_eq!(once, layout_arrows(&board), "seed {seed}");
        // A saved file may list its arrows in any order: labels still go in id order.
        let mut saved: serde_json::Value =
            serde_json::from_str(&persist::to_json(&board, &Viewport::default())).unwrap();
        saved["board"]["arrows"].as_array_mut().unwrap().reverse();
        let reversed = persist::from_json(&saved.to_string()).unwrap().board;
        assert!(reversed.arrows()[0].id > reversed.arrows()[1].id);
        let again = layout_arrows_once(&reversed);
        assert_eq!(again, layout_arrows(&reversed), "seed {seed}, reversed");
        let by_id: HashMap<ArrowId, &ArrowLayout> = once.iter().map(|(a, l)| (a.id, l)).collect();
        assert_eq!(again.len(), once.len());
        for (a, layout) in &again {
            assert_eq!(
                Some(&layout),
                by_id.get(&a.id),
                "seed {seed}: arrow {}",
                a.id
            );
        }
    }
}
