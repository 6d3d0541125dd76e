//! A layered layout for imported flowcharts: each node's layer is the longest path to
//! it from a source (a cycle is broken at its first-written node), nodes in a layer
//! are ordered by where their predecessors stand, and layers follow the flowchart's
//! direction. Nodes never overlap: each layer is as deep as its deepest node, and
//! nodes in a layer stand side by side with a gap.

use crate::core::diagram::Rect;

/// Space between layers, along the flow.
const LAYER_GAP: f64 = 80.0;
/// Space between nodes in a layer.
const NODE_GAP: f64 = 40.0;

/// Bits of a sort key holding the place in the row (rows hold fewer nodes than
/// the board's element limit).
const ROW_BITS: u32 = 15;
const ROW_MASK: usize = (1 << ROW_BITS) - 1;
/// The key of a node with no predecessor: after every other.
const LAST_KEY: usize = (1 << 17) - 1;

/// Which way a flowchart flows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Direction {
    /// Top to bottom (`TB`, `TD`).
    Down,
    /// Bottom to top (`BT`).
    Up,
    /// Left to right (`LR`).
    Right,
    /// Right to left (`RL`).
    Left,
}

/// A box for each node of `sizes` (width, height), given the `edges` between them.
pub(super) fn layered(
    sizes: &[(f64, f64)],
    edges: &[(usize, usize)],
    direction: Direction,
) -> Vec<Rect> {
    let n = sizes.len();
    let layer = layers(n, edges);
    let depth = layer.iter().map(|&l| l + 1).max().unwrap_or(0);
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); depth];
    for v in 0..n {
        rows[layer[v]].push(v);
    }
    // Each node under the mean place of its predecessors in earlier layers.
    let mut place = vec![0.0; n];
    for row in &mut rows {
        // Sort keys as one number each, the mean place in eighths above the place in
        // the row: the slice sort of plain numbers is already in the worker, and a
        // sort by a closure would add its own copy.
        let mut keys: Vec<usize> = row
            .iter()
            .enumerate()
            .map(|(i, &v)| {
                let (sum, count) = edges
                    .iter()
                    .filter(|&&(a, b)| b == v && layer[a] < layer[v])
                    .fold((0.0, 0.0), |(s, c), &(a, _)| (s + place[a], c + 1.0));
                let mean = if count > 0.0 {
                    ((sum / count * 8.0) as usize).min(LAST_KEY)
                } else {
                    LAST_KEY
                };
                (mean << ROW_BITS) | i.min(ROW_MASK)
            })
            .collect();
        keys.sort_unstable();
        *row = keys.iter().map(|k| row[k & ROW_MASK]).collect();
        for (i, &v) in row.iter().enumerate() {
            place[v] = i as f64;
        }
    }
    let across_flow = matches!(direction, Direction::Down | Direction::Up);
    // (along the flow, across it) for a node's size.
    let extent = |v: usize| {
        let (w, h) = sizes[v];
        if across_flow {
            (h, w)
        } else {
            (w, h)
        }
    };
    let mut rects = vec![Rect::new(0.0, 0.0, 0.0, 0.0); n];
    let mut along = 0.0;
    for row in &rows {
        let deep = row.iter().map(|&v| extent(v).0).fold(0.0, f64::max);
        let wide: f64 = row.iter().map(|&v| extent(v).1).sum::<f64>()
            + NODE_GAP * row.len().saturating_sub(1) as f64;
        let mut across = -wide / 2.0;
        for &v in row {
            let (w, h) = sizes[v];
            let (d, a) = extent(v);
            // Centred in its layer.
            let at = (along + (deep - d) / 2.0).round();
            let across_at = across.round();
            rects[v] = match direction {
                Direction::Down => Rect::new(across_at, at, w, h),
                Direction::Up => Rect::new(across_at, -at - h, w, h),
                Direction::Right => Rect::new(at, across_at, w, h),
                Direction::Left => Rect::new(-at - w, across_at, w, h),
            };
            across += a + NODE_GAP;
        }
        along += deep + LAYER_GAP;
    }
    rects
}

/// Each node's layer: the longest path to it from a source, edges that close a cycle
/// left out.
fn layers(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut waiting = vec![0usize; n];
    for &(a, b) in edges {
        if a != b {
            out[a].push(b);
            waiting[b] += 1;
        }
    }
    let mut layer = vec![0usize; n];
    let mut done = vec![false; n];
    let mut first_unplaced = 0;
    for _ in 0..n {
        while done[first_unplaced] {
            first_unplaced += 1;
        }
        // The first-written node waiting for none; when only cycles are left, the
        // first-written node among them.
        let v = (first_unplaced..n)
            .find(|&v| !done[v] && waiting[v] == 0)
            .unwrap_or(first_unplaced);
        done[v] = true;
        for &w in &out[v] {
            if done[w] {
                continue;
            }
            layer[w] = layer[w].max(layer[v] + 1);
            waiting[w] = waiting[w].saturating_sub(1);
        }
    }
    layer
}
