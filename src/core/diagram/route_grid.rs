//! The grid search behind elbow routes that the simple shapes cannot make: a shortest
//! path (length plus a cost per bend) on a sparse grid of lines through the nearby
//! boxes' edges and the ports, going around the boxes.

use super::board::ComponentId;
use super::box_index::BoxIndex;
use super::geometry::{Point, Rect};
use super::route::{simplify, Side, BEND, CLEARANCE, STEP};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// What running inside another box's clearance costs, per grid edge: a route only
/// does it when nothing else gets through.
const CROSS: f64 = 1e5;
/// Largest grid searched (nodes); beyond it the simple shapes are used.
const MAX_NODES: usize = 60_000;

/// Sorted distinct coordinates; `at` finds one of them.
struct Lines(Vec<f64>);

impl Lines {
    // Sorted by insertion: the lists are short, and a library sort would add
    // kilobytes of code to the app for them.
    fn new(values: Vec<f64>) -> Self {
        let mut lines: Vec<f64> = Vec::with_capacity(values.len());
        for v in values {
            let i = lines.partition_point(|x| *x < v);
            let near = |k: Option<&f64>| k.is_some_and(|x| (x - v).abs() < 1e-6);
            if !near(lines.get(i)) && !near(i.checked_sub(1).and_then(|k| lines.get(k))) {
                lines.insert(i, v);
            }
        }
        Lines(lines)
    }

    fn at(&self, v: f64) -> usize {
        self.0.partition_point(|x| *x < v - 1e-6)
    }
}

/// A place a route may start or end at: the side it leaves or enters by, and the point.
pub(super) type Tip = (Side, Point);

/// Shortest route on the grid of lines through the nearby boxes' edges (grown by
/// `clearance`) and the tips, from `start` to `goal`. Returns the route and the grid's
/// extent.
pub(super) fn search(
    index: &BoxIndex,
    [from, to]: [(ComponentId, Rect); 2],
    (start, goal): (Tip, Tip),
    area: Rect,
    clearance: f64,
) -> Option<(Vec<Point>, Rect)> {
    // Plain loops, not iterator chains: each chain costs the app code.
    let own = [from.1, to.1];
    let mut lines = vec![
        own[0],
        own[1],
        own[0].inflate(CLEARANCE),
        own[1].inflate(CLEARANCE),
    ];
    let mut others: Vec<Rect> = Vec::new();
    for (id, r) in index.query(&area) {
        if id != from.0 && id != to.0 {
            others.push(r.inflate(clearance));
            lines.push(r.inflate(clearance));
        }
    }
    let (mut xs, mut ys) = (vec![area.x, area.right()], vec![area.y, area.bottom()]);
    for r in lines {
        xs.extend([r.x, r.right()]);
        ys.extend([r.y, r.bottom()]);
    }
    for (_, p) in [start, goal] {
        xs.push(p.x);
        ys.push(p.y);
    }
    let (xs, ys) = (Lines::new(xs), Lines::new(ys));
    let (nx, ny) = (xs.0.len(), ys.0.len());
    if nx * ny > MAX_NODES {
        return None;
    }
    let grid = Grid::paint(&xs, &ys, &others, &own);
    let node = |p: Point| ys.at(p.y) * nx + xs.at(p.x);
    let q = goal.1;
    let heuristic = |n: usize| (xs.0[n % nx] - q.x).abs() + (ys.0[n / nx] - q.y).abs();
    let goal_state = node(q) * 4 + (goal.0.dir() + 2) % 4;
    let mut dist = vec![f64::INFINITY; nx * ny * 4];
    let mut prev = vec![usize::MAX; nx * ny * 4];
    let mut done = vec![false; nx * ny * 4];
    let mut heap = BinaryHeap::new();
    let state = node(start.1) * 4 + start.0.dir();
    dist[state] = 0.0;
    heap.push(Reverse((heuristic(node(start.1)).to_bits(), state)));
    let mut reached = None;
    while let Some(Reverse((_, state))) = heap.pop() {
        if std::mem::replace(&mut done[state], true) {
            continue;
        }
        if state == goal_state {
            reached = Some(state);
            break;
        }
        let (n, d) = (state / 4, state % 4);
        let (i, j) = (n % nx, n / nx);
        let first = prev[state] == usize::MAX;
        for (nd, step) in STEP.iter().enumerate() {
            // No turning back, and a route leaves its box straight out of the port.
            if nd == (d + 2) % 4 || (first && nd != d) {
                continue;
            }
            let (ni, nj) = (i as isize + step.0 as isize, j as isize + step.1 as isize);
            if ni < 0 || nj < 0 || ni as usize >= nx || nj as usize >= ny {
                continue;
            }
            let (ni, nj) = (ni as usize, nj as usize);
            let Some(weight) = grid.edge_weight(i.min(ni), j.min(nj), nd % 2 == 0) else {
                continue;
            };
            let len = (xs.0[ni] - xs.0[i]).abs() + (ys.0[nj] - ys.0[j]).abs();
            let g = dist[state] + len * weight.0 + weight.1 + if nd == d { 0.0 } else { BEND };
            let next = (nj * nx + ni) * 4 + nd;
            if g < dist[next] {
                dist[next] = g;
                prev[next] = state;
                heap.push(Reverse(((g + heuristic(nj * nx + ni)).to_bits(), next)));
            }
        }
    }
    let mut state = reached?;
    let mut points = Vec::new();
    loop {
        let n = state / 4;
        points.push(Point::new(xs.0[n % nx], ys.0[n / nx]));
        if prev[state] == usize::MAX {
            break;
        }
        state = prev[state];
    }
    points.reverse();
    let extent = Rect::new(
        xs.0[0],
        ys.0[0],
        xs.0[nx - 1] - xs.0[0],
        ys.0[ny - 1] - ys.0[0],
    );
    Some((simplify(points), extent))
}

/// What each cell between grid lines holds: 0 free, 1 near the route's own boxes,
/// 2 near another box, 3 inside the route's own boxes.
struct Grid {
    cells: Vec<u8>,
    cols: usize,
    rows: usize,
}

impl Grid {
    fn paint(xs: &Lines, ys: &Lines, others: &[Rect], own: &[Rect; 2]) -> Self {
        let (cols, rows) = (xs.0.len() - 1, ys.0.len() - 1);
        let mut grid = Grid {
            cells: vec![0; cols * rows],
            cols,
            rows,
        };
        let mut fill = |r: &Rect, class: u8| {
            for j in ys.at(r.y)..ys.at(r.bottom()).min(rows) {
                for i in xs.at(r.x)..xs.at(r.right()).min(cols) {
                    let cell = &mut grid.cells[j * cols + i];
                    *cell = (*cell).max(class);
                }
            }
        };
        for r in others {
            fill(r, 2);
        }
        for r in own {
            fill(&r.inflate(CLEARANCE), 1);
            fill(r, 3);
        }
        grid
    }

    fn cell(&self, i: usize, j: Option<usize>, horizontal: bool) -> u8 {
        let (i, j) = match (horizontal, j) {
            (_, None) => return 0,
            (true, Some(j)) => (i, j),
            (false, Some(j)) => (j, i),
        };
        if i < self.cols && j < self.rows {
            self.cells[j * self.cols + i]
        } else {
            0
        }
    }

    /// (length factor, fixed cost) of the grid edge leaving node (i, j) right
    /// (`horizontal`) or down; `None` when it runs inside an own box. An edge takes
    /// the milder of the two cells it separates: running along a border is allowed.
    fn edge_weight(&self, i: usize, j: usize, horizontal: bool) -> Option<(f64, f64)> {
        let (along, across) = if horizontal { (i, j) } else { (j, i) };
        let a = self.cell(along, across.checked_sub(1), horizontal);
        let b = self.cell(along, Some(across), horizontal);
        match a.min(b) {
            0 => Some((1.0, 0.0)),
            1 => Some((2.0, 0.0)),
            2 => Some((2.0, CROSS)),
            _ => None,
        }
    }
}
