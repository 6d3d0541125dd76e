//! Orthogonal ("elbow") routes between two boxes.
//!
//! A route leaves its source from a port on a side that faces the target and enters
//! the target the same way, in horizontal and vertical segments. A lone arrow on a side
//! uses its middle; arrows sharing a side get [`Port`]s spread along it, and their turns
//! are staggered in lanes so that routes sharing a side neither cross nor run together.
//! A straight line, an L or a Z is taken when it keeps [`CLEARANCE`] from every other
//! box; otherwise a shortest path (length plus a cost per bend) is searched on a sparse
//! grid made of the nearby boxes' edges (`route_grid`), which goes around them. When
//! every path meets a box, the one meeting the fewest wins. Everything here is a pure
//! function of the two boxes, their ports and the boxes near them.

use super::board::ComponentId;
use super::box_index::BoxIndex;
use super::geometry::{arrow_endpoints, Point, Rect};
use super::route_grid::search;

/// Space a route keeps from boxes it passes, in world units.
pub const CLEARANCE: f64 = 10.0;
/// The most space a route keeps: routes sharing a side keep up to two lanes more, so
/// that they run apart round the same boxes.
pub const MAX_CLEARANCE: f64 = CLEARANCE + 2.0 * LANE;
/// Gap between a route's ends and the boxes' borders, so the arrow head shows.
const END_GAP: f64 = 3.0;
/// What a bend costs, in units of length: fewer bends beat slightly shorter routes.
pub(super) const BEND: f64 = 24.0;
/// Distance between the lanes of routes sharing a side, in world units.
const LANE: f64 = 12.0;
/// How far from a shared side the middle lane of its routes' turns lies, at most.
const REACH: f64 = 40.0;

/// A side of a box.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
pub(super) const STEP: [(f64, f64); 4] = [(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0)];

impl Side {
    pub(super) fn dir(self) -> usize {
        self as usize
    }

    /// Whether this is the left or the right side (routes leave it horizontally).
    pub fn is_horizontal(self) -> bool {
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

/// Where a route meets a box: a side, and which of the `of` ports spread evenly along
/// it (at `(at + 1) / (of + 1)` of its length from its left or top end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Port {
    /// The side.
    pub side: Side,
    /// This port's place, from the side's left or top end.
    pub at: u32,
    /// How many ports the side has.
    pub of: u32,
}

impl Port {
    /// The only port of a side: its middle.
    pub fn middle(side: Side) -> Port {
        Port { side, at: 0, of: 1 }
    }

    /// Where this port is on `r`.
    pub fn point(self, r: &Rect) -> Point {
        let mid = self.side.port(r);
        if self.of <= 1 {
            return mid;
        }
        let t = (self.at + 1) as f64 / (self.of + 1) as f64;
        if self.side.is_horizontal() {
            Point::new(mid.x, r.y + r.h * t)
        } else {
            Point::new(r.x + r.w * t, mid.y)
        }
    }

    /// This port's lane, 0 nearest the box, for a route turning `toward` (the sign of
    /// the way along the side): the port farthest that way turns first, so the routes
    /// of one side never cross.
    fn lane(self, toward: f64) -> f64 {
        let (at, last) = (self.at as f64, self.of.max(1) as f64 - 1.0);
        if toward < 0.0 {
            at
        } else {
            last - at
        }
    }
}

/// One end of an elbow route: its box, and its port.
#[derive(Clone, Copy, Debug)]
pub struct End {
    /// The box.
    pub id: ComponentId,
    /// Its rectangle.
    pub rect: Rect,
    /// The port to use.
    pub port: Port,
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

type Best = Option<(usize, f64, Vec<Point>, [Side; 2])>;

/// The best simple shape (straight, L or Z) from one of `starts` on `a` to one of
/// `goals` on `b`: fewest boxes met, then length and bends.
fn best_simple(
    index: &BoxIndex,
    ends: [(ComponentId, Rect); 2],
    starts: &[Port],
    goals: &[Port],
) -> Best {
    let ([(f, a), (t, b)], mut best) = (ends, None);
    for &s in starts {
        for &g in goals {
            for shape in simple_shapes(&a, s, &b, g) {
                consider(index, [f, t], shape, [s.side, g.side], &mut best);
            }
        }
    }
    best
}

fn consider(
    index: &BoxIndex,
    ends: [ComponentId; 2],
    points: Vec<Point>,
    sides: [Side; 2],
    best: &mut Best,
) {
    let key = (crossings(index, &points, ends), cost(&points));
    if best.as_ref().is_none_or(|b| (key.0, key.1) < (b.0, b.1)) {
        *best = Some((key.0, key.1, points, sides));
    }
}

/// The sides an elbow arrow from `from` to `to` leaves and enters by, picked without a
/// search: the sides facing each other, and when either box has two, those of the best
/// simple shape between their middles (fewest boxes met, then length and bends). With
/// them, that shape (end gaps made) when it was looked at and meets no box: the arrow's
/// route while it has both sides to itself.
pub fn pick_sides(
    index: &BoxIndex,
    from: (ComponentId, Rect),
    to: (ComponentId, Rect),
) -> ([Side; 2], Option<Vec<Point>>) {
    let middles = |r: &Rect, other: &Rect| {
        let mut ports = Vec::with_capacity(2);
        for side in facing_sides(r, other) {
            ports.push(Port::middle(side));
        }
        ports
    };
    let (starts, goals) = (middles(&from.1, &to.1), middles(&to.1, &from.1));
    if starts.len() == 1 && goals.len() == 1 {
        // No choice: the route is made once, from the ports.
        return ([starts[0].side, goals[0].side], None);
    }
    match best_simple(index, [from, to], &starts, &goals) {
        Some((0, _, points, sides)) => (sides, Some(with_end_gaps(points))),
        Some((_, _, _, sides)) => (sides, None),
        None => ([starts[0].side, goals[0].side], None),
    }
}

/// The elbow route from `from` to `to` by their ports, avoiding the other boxes of
/// `index`.
pub fn elbow_route(index: &BoxIndex, from: End, to: End) -> Vec<Point> {
    let (a, b, s, t) = (from.rect, to.rect, from.port, to.port);
    let ends = [(from.id, a), (to.id, b)];
    let mut best = best_simple(index, ends, &[s], &[t]);
    // The search starts and ends a lane's width out per lane, and keeps as much more
    // clearance from other boxes, so that routes sharing a side turn and run apart.
    let (p0, q0) = (s.point(&a), t.point(&b));
    let tip = |p: Port, at: Point, other: Point| {
        let toward = if p.side.is_horizontal() {
            other.y - at.y
        } else {
            other.x - at.x
        };
        let (stub, (dx, dy)) = (p.lane(toward) * LANE, STEP[p.side.dir()]);
        (
            stub.min(2.0 * LANE),
            (p.side, Point::new(at.x + dx * stub, at.y + dy * stub)),
        )
    };
    let ((w0, start), (w1, goal)) = (tip(s, p0, q0), tip(t, q0, p0));
    let clearance = CLEARANCE + w0.max(w1);
    let mut area = a.union(&b).inflate(3.0 * CLEARANCE + 10.0);
    for _ in 0..2 {
        if best.as_ref().is_some_and(|b| b.0 == 0) {
            break;
        }
        let Some((path, grid)) = search(index, ends, (start, goal), area, clearance) else {
            break;
        };
        let mut points = vec![p0];
        points.extend(path);
        points.push(q0);
        consider(
            index,
            [from.id, to.id],
            simplify(points),
            [s.side, t.side],
            &mut best,
        );
        area = grid.inflate(3.0 * CLEARANCE + 60.0);
    }
    let points = match best {
        Some((_, _, points, _)) => points,
        None => {
            // Boxes overlapping each other: any orthogonal line will do.
            let xm = (p0.x + q0.x) / 2.0;
            simplify(vec![p0, Point::new(xm, p0.y), Point::new(xm, q0.y), q0])
        }
    };
    with_end_gaps(points)
}

/// The straight, L and Z shapes from port `s` of `a` to port `t` of `b` that leave
/// and enter the right way. A straight line keeps to a port shared with other routes;
/// a Z turns halfway, moved by its ports' lanes.
fn simple_shapes(a: &Rect, s: Port, b: &Rect, t: Port) -> Vec<Vec<Point>> {
    let (p, q) = (s.point(a), t.point(b));
    let mut shapes = Vec::with_capacity(2);
    let horizontal = s.side.is_horizontal();
    if horizontal == t.side.is_horizontal() {
        // Worked out as for left and right sides (x the way of travel); top and bottom
        // sides swap the axes going in and coming out.
        let f = |p: Point| {
            if horizontal {
                p
            } else {
                Point::new(p.y, p.x)
            }
        };
        let (p, q) = (f(p), f(q));
        let (a0, a1, b0, b1) = if horizontal {
            (a.y, a.bottom(), b.y, b.bottom())
        } else {
            (a.x, a.right(), b.x, b.right())
        };
        let (lo, hi) = (a0.max(b0) + 4.0, a1.min(b1) - 4.0);
        // max/min, not clamp: clamp's panic message would bring float formatting into
        // the app.
        let y = match (s.of > 1, t.of > 1) {
            (true, true) if p.y != q.y => f64::NAN,
            (true, _) => p.y,
            (_, true) => q.y,
            _ => ((p.y + q.y) / 2.0).max(lo).min(hi),
        };
        if lo <= y && y <= hi {
            shapes.push(vec![Point::new(p.x, y), Point::new(q.x, y)]);
        }
        let d = q.x - p.x;
        let depth = |port: Port, toward: f64| {
            (port.lane(toward) - (port.of.max(1) - 1) as f64 / 2.0) * LANE
        };
        // A side shared by several routes (the source's first) measures their turns
        // from itself, in its lanes, so that they keep order whatever their other ends.
        let reach = (d.abs() / 2.0).min(REACH) * d.signum();
        let (mut xm, shift) = match (s.of > 1, t.of > 1) {
            (true, _) => (p.x + reach, depth(s, q.y - p.y) * d.signum()),
            (_, true) => (q.x - reach, -depth(t, p.y - q.y) * d.signum()),
            _ => ((p.x + q.x) / 2.0, 0.0),
        };
        if shift != 0.0 {
            let m = (d.abs() / 2.0).min(CLEARANCE);
            xm = (xm + shift).max(p.x.min(q.x) + m).min(p.x.max(q.x) - m);
        }
        shapes.push(vec![p, Point::new(xm, p.y), Point::new(xm, q.y), q]);
        for shape in &mut shapes {
            for point in shape.iter_mut() {
                *point = f(*point);
            }
        }
    } else if horizontal {
        shapes.push(vec![p, Point::new(q.x, p.y), q]);
    } else {
        shapes.push(vec![p, Point::new(p.x, q.y), q]);
    }
    // Plain loops, not iterator chains: each chain costs the app code.
    let mut out = Vec::with_capacity(shapes.len());
    for shape in shapes {
        let shape = simplify(shape);
        if leaves_and_enters(&shape, s.side, t.side) {
            out.push(shape);
        }
    }
    out
}

/// Whether the first segment heads out of side `s` and the last one into side `t`.
fn leaves_and_enters(points: &[Point], s: Side, t: Side) -> bool {
    // Whether p to q heads the way of STEP[d].
    let heads = |p: Point, q: Point, d: usize| {
        let ((dx, dy), (sx, sy)) = ((q.x - p.x, q.y - p.y), STEP[d]);
        dx * sx + dy * sy > 0.0 && dx * sy == dy * sx
    };
    let n = points.len();
    n >= 2
        && heads(points[0], points[1], s.dir())
        && heads(points[n - 2], points[n - 1], (t.dir() + 2) % 4)
}

/// Drops repeated points and the middle of three points on one line.
pub(super) fn simplify(points: Vec<Point>) -> Vec<Point> {
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
    let mut length = 0.0;
    for w in points.windows(2) {
        length += w[0].distance(w[1]);
    }
    length + BEND * points.len().saturating_sub(2) as f64
}

/// How many (segment, box) pairs meet: another box grown by [`CLEARANCE`], or the
/// inside of one of the route's own boxes `ends`.
pub fn crossings(index: &BoxIndex, points: &[Point], ends: [ComponentId; 2]) -> usize {
    let mut count = 0;
    for w in points.windows(2) {
        let seg = Rect::from_corners(w[0], w[1]);
        for (id, r) in index.query(&seg.inflate(CLEARANCE)) {
            let r = if ends.contains(&id) {
                r
            } else {
                r.inflate(CLEARANCE)
            };
            if super::geometry::clip_segment(w[0], w[1], &r).is_some() {
                count += 1;
            }
        }
    }
    count
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
