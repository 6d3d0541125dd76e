//! Orthogonal ("elbow") routes between two boxes.
//!
//! A route leaves its source from the middle of a side that faces the target and
//! enters the target the same way, in horizontal and vertical segments. A straight
//! line, an L or a Z is taken when it keeps [`CLEARANCE`] from every other box;
//! otherwise a shortest path (length plus a cost per bend) is searched on a sparse grid
//! made of the nearby boxes' edges, which goes around them. When every path meets a box,
//! the one meeting the fewest wins. Everything here is a pure function of the two boxes
//! and the boxes near them: the same board always gives the same routes.

use super::board::ComponentId;
use super::box_index::BoxIndex;
use super::geometry::{arrow_endpoints, Point, Rect};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Space a route keeps from boxes it passes, in world units.
pub const CLEARANCE: f64 = 10.0;
/// Gap between a route's ends and the boxes' borders, so the arrow head shows.
const END_GAP: f64 = 3.0;
/// What a bend costs, in units of length: fewer bends beat slightly shorter routes.
const BEND: f64 = 24.0;
/// What running inside another box's clearance costs, per grid edge: a route only
/// does it when nothing else gets through.
const CROSS: f64 = 1e5;
/// Largest grid searched (nodes); beyond it the simple shapes are used.
const MAX_NODES: usize = 60_000;

/// A side of a box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The right side (leaving rightwards).
    Right,
    /// The bottom side.
    Bottom,
    /// The left side.
    Left,
    /// The top side.
    Top,
}

/// Unit steps of the four directions, in the order of [`Side`].
const STEP: [(f64, f64); 4] = [(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0)];

impl Side {
    fn dir(self) -> usize {
        self as usize
    }

    fn is_horizontal(self) -> bool {
        matches!(self, Side::Left | Side::Right)
    }

    /// The middle of this side of `r`.
    pub fn port(self, r: &Rect) -> Point {
        let c = r.center();
        match self {
            Side::Right => Point::new(r.right(), c.y),
            Side::Left => Point::new(r.x, c.y),
            Side::Bottom => Point::new(c.x, r.bottom()),
            Side::Top => Point::new(c.x, r.y),
        }
    }
}

/// The sides of `r` that face `other` (`other` lies wholly beyond them); when the two
/// overlap on both axes, the side towards `other`'s centre along the longer distance.
pub fn facing_sides(r: &Rect, other: &Rect) -> Vec<Side> {
    let mut sides = Vec::with_capacity(2);
    if other.x >= r.right() {
        sides.push(Side::Right);
    } else if other.right() <= r.x {
        sides.push(Side::Left);
    }
    if other.y >= r.bottom() {
        sides.push(Side::Bottom);
    } else if other.bottom() <= r.y {
        sides.push(Side::Top);
    }
    if sides.is_empty() {
        let (c, o) = (r.center(), other.center());
        let (dx, dy) = (o.x - c.x, o.y - c.y);
        sides.push(match (dx.abs() >= dy.abs(), dx >= 0.0, dy >= 0.0) {
            (true, true, _) => Side::Right,
            (true, false, _) => Side::Left,
            (false, _, true) => Side::Bottom,
            (false, _, false) => Side::Top,
        });
    }
    sides
}

/// A straight route between the two boxes' borders, aimed centre to centre.
pub fn straight_route(from: &Rect, to: &Rect) -> Vec<Point> {
    let (start, end) = arrow_endpoints(from, to);
    vec![start, end]
}

/// The elbow route from box `from` to box `to`, avoiding the other boxes of `index`.
pub fn elbow_route(
    index: &BoxIndex,
    from: (ComponentId, Rect),
    to: (ComponentId, Rect),
) -> Vec<Point> {
    let (a, b) = (from.1, to.1);
    let (starts, goals) = (facing_sides(&a, &b), facing_sides(&b, &a));
    let ends = [from.0, to.0];
    let mut best: Option<(usize, f64, Vec<Point>)> = None;
    let consider = |points: Vec<Point>, best: &mut Option<(usize, f64, Vec<Point>)>| {
        let key = (crossings(index, &points, ends), cost(&points));
        if best.as_ref().is_none_or(|b| (key.0, key.1) < (b.0, b.1)) {
            *best = Some((key.0, key.1, points));
        }
    };
    for &s in &starts {
        for &t in &goals {
            for shape in simple_shapes(&a, s, &b, t) {
                consider(shape, &mut best);
            }
        }
    }
    let mut area = a.union(&b).inflate(3.0 * CLEARANCE + 10.0);
    for _ in 0..2 {
        if best.as_ref().is_some_and(|b| b.0 == 0) {
            break;
        }
        let Some((path, grid)) = search(index, (from, to), (&starts, &goals), area) else {
            break;
        };
        consider(path, &mut best);
        area = grid.inflate(3.0 * CLEARANCE + 60.0);
    }
    let points = match best {
        Some((_, _, points)) => points,
        None => {
            // Boxes overlapping each other: any orthogonal line will do.
            let (p, q) = (starts[0].port(&a), goals[0].port(&b));
            let xm = (p.x + q.x) / 2.0;
            simplify(vec![p, Point::new(xm, p.y), Point::new(xm, q.y), q])
        }
    };
    with_end_gaps(points)
}

/// The straight, L and Z shapes from side `s` of `a` to side `t` of `b` that leave
/// and enter the right way.
fn simple_shapes(a: &Rect, s: Side, b: &Rect, t: Side) -> Vec<Vec<Point>> {
    let (p, q) = (s.port(a), t.port(b));
    let mut shapes = Vec::with_capacity(2);
    match (s.is_horizontal(), t.is_horizontal()) {
        (true, true) => {
            let (lo, hi) = (a.y.max(b.y) + 4.0, a.bottom().min(b.bottom()) - 4.0);
            if lo <= hi {
                // max/min, not clamp: clamp's panic message would bring float
                // formatting into the app.
                let y = ((p.y + q.y) / 2.0).max(lo).min(hi);
                shapes.push(vec![Point::new(p.x, y), Point::new(q.x, y)]);
            }
            let xm = (p.x + q.x) / 2.0;
            shapes.push(vec![p, Point::new(xm, p.y), Point::new(xm, q.y), q]);
        }
        (false, false) => {
            let (lo, hi) = (a.x.max(b.x) + 4.0, a.right().min(b.right()) - 4.0);
            if lo <= hi {
                let x = ((p.x + q.x) / 2.0).max(lo).min(hi);
                shapes.push(vec![Point::new(x, p.y), Point::new(x, q.y)]);
            }
            let ym = (p.y + q.y) / 2.0;
            shapes.push(vec![p, Point::new(p.x, ym), Point::new(q.x, ym), q]);
        }
        (true, false) => shapes.push(vec![p, Point::new(q.x, p.y), q]),
        (false, true) => shapes.push(vec![p, Point::new(p.x, q.y), q]),
    }
    shapes
        .into_iter()
        .map(simplify)
        .filter(|shape| leaves_and_enters(shape, s, t))
        .collect()
}

/// Whether the first segment heads out of side `s` and the last one into side `t`.
fn leaves_and_enters(points: &[Point], s: Side, t: Side) -> bool {
    let heading = |p: Point, q: Point| {
        let (dx, dy) = (q.x - p.x, q.y - p.y);
        STEP.iter()
            .position(|&(sx, sy)| dx * sx + dy * sy > 0.0 && dx * sy == dy * sx)
    };
    let n = points.len();
    n >= 2
        && heading(points[0], points[1]) == Some(s.dir())
        && heading(points[n - 2], points[n - 1]) == Some((t.dir() + 2) % 4)
}

/// Drops repeated points and the middle of three points on one line.
fn simplify(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if out.last().is_some_and(|q| q.distance(p) < 1e-9) {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            if ((a.x - b.x).abs() < 1e-9 && (b.x - p.x).abs() < 1e-9)
                || ((a.y - b.y).abs() < 1e-9 && (b.y - p.y).abs() < 1e-9)
            {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

/// Length plus the cost of its bends.
fn cost(points: &[Point]) -> f64 {
    let length: f64 = points.windows(2).map(|w| w[0].distance(w[1])).sum();
    length + BEND * points.len().saturating_sub(2) as f64
}

/// How many (segment, box) pairs meet: another box grown by [`CLEARANCE`], or the
/// inside of one of the route's own boxes `ends`.
pub fn crossings(index: &BoxIndex, points: &[Point], ends: [ComponentId; 2]) -> usize {
    points
        .windows(2)
        .map(|w| {
            let seg = Rect::from_corners(w[0], w[1]);
            index
                .query(&seg.inflate(CLEARANCE))
                .into_iter()
                .filter(|(id, r)| {
                    let r = if ends.contains(id) {
                        *r
                    } else {
                        r.inflate(CLEARANCE)
                    };
                    super::geometry::clip_segment(w[0], w[1], &r).is_some()
                })
                .count()
        })
        .sum()
}

/// Moves the first and last points [`END_GAP`] along their segments.
fn with_end_gaps(mut points: Vec<Point>) -> Vec<Point> {
    let n = points.len();
    if n < 2 {
        return points;
    }
    let pull = |p: Point, towards: Point| {
        let len = p.distance(towards);
        if len <= 2.0 * END_GAP {
            return p;
        }
        let k = END_GAP / len;
        Point::new(p.x + (towards.x - p.x) * k, p.y + (towards.y - p.y) * k)
    };
    let (first, last) = (
        pull(points[0], points[1]),
        pull(points[n - 1], points[n - 2]),
    );
    points[0] = first;
    points[n - 1] = last;
    points
}

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

/// Shortest route on the grid of lines through the nearby boxes' edges (grown by
/// [`CLEARANCE`]) and the ports. Returns the route and the grid's extent.
fn search(
    index: &BoxIndex,
    (from, to): ((ComponentId, Rect), (ComponentId, Rect)),
    (starts, goals): (&[Side], &[Side]),
    area: Rect,
) -> Option<(Vec<Point>, Rect)> {
    let others: Vec<Rect> = index
        .query(&area)
        .into_iter()
        .filter(|(id, _)| *id != from.0 && *id != to.0)
        .map(|(_, r)| r.inflate(CLEARANCE))
        .collect();
    let own = [from.1, to.1];
    let (mut xs, mut ys) = (vec![area.x, area.right()], vec![area.y, area.bottom()]);
    for r in own
        .iter()
        .chain(own.map(|r| r.inflate(CLEARANCE)).iter())
        .chain(&others)
    {
        xs.extend([r.x, r.right()]);
        ys.extend([r.y, r.bottom()]);
    }
    let ports =
        |sides: &[Side], r: &Rect| sides.iter().map(|s| (*s, s.port(r))).collect::<Vec<_>>();
    let (start_ports, goal_ports) = (ports(starts, &from.1), ports(goals, &to.1));
    for (_, p) in start_ports.iter().chain(&goal_ports) {
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
    let heuristic = |n: usize| {
        let (x, y) = (xs.0[n % nx], ys.0[n / nx]);
        goal_ports
            .iter()
            .map(|(_, q)| (x - q.x).abs() + (y - q.y).abs())
            .fold(f64::INFINITY, f64::min)
    };
    let goal_states: Vec<usize> = goal_ports
        .iter()
        .map(|(t, q)| node(*q) * 4 + (t.dir() + 2) % 4)
        .collect();
    let mut dist = vec![f64::INFINITY; nx * ny * 4];
    let mut prev = vec![usize::MAX; nx * ny * 4];
    let mut done = vec![false; nx * ny * 4];
    let mut heap = BinaryHeap::new();
    for (s, p) in &start_ports {
        let state = node(*p) * 4 + s.dir();
        dist[state] = 0.0;
        heap.push(Reverse((heuristic(node(*p)).to_bits(), state)));
    }
    let mut reached = None;
    while let Some(Reverse((_, state))) = heap.pop() {
        if std::mem::replace(&mut done[state], true) {
            continue;
        }
        if goal_states.contains(&state) {
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
