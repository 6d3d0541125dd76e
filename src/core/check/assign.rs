//! Which box plays which expected role. What a box *is* comes from its kind and its
//! name (label), never from its notes. Each expected component is given at most one
//! box and each box plays at most one role: a maximum-weight matching, where a box
//! whose kind and name both fit outweighs one that fits by name, which outweighs one
//! that fits by kind alone. Ties go to the earlier box on the board, so the result is
//! deterministic.

use super::words::contains_words;
use super::Graph;
use crate::core::diagram::ComponentKind;
use crate::core::prompt::ExpectedComponent;

/// How well a box fits a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fit {
    /// Its kind is one the role accepts.
    Kind,
    /// Its name uses one of the role's names ("Redis" for a cache).
    Name,
    /// Both.
    KindAndName,
}

impl Fit {
    fn weight(self) -> i64 {
        match self {
            Fit::Kind => 2,
            Fit::Name => 3,
            Fit::KindAndName => 5,
        }
    }
}

/// How a box fits a role, if it does at all.
pub fn fit(graph: &Graph, v: usize, expected: &ExpectedComponent) -> Option<(Fit, Option<usize>)> {
    let kind = expected
        .kinds
        .iter()
        .filter_map(|k| ComponentKind::from_id(k))
        .any(|k| k == graph.component(v).kind);
    let name = expected
        .synonyms
        .iter()
        .position(|s| contains_words(graph.label_words(v), &super::words::words(s)));
    match (kind, name) {
        (true, Some(i)) => Some((Fit::KindAndName, Some(i))),
        (false, Some(i)) => Some((Fit::Name, Some(i))),
        (true, None) => Some((Fit::Kind, None)),
        (false, None) => None,
    }
}

/// The box playing each role (in the prompt's order), and every box that fits it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assignment {
    /// Per role, the box that plays it.
    pub player: Vec<Option<usize>>,
    /// Per role, every box that fits it, in board order.
    pub fits: Vec<Vec<usize>>,
}

impl Assignment {
    /// The role a box plays, if any.
    pub fn role_of(&self, v: usize) -> Option<usize> {
        self.player.iter().position(|p| *p == Some(v))
    }
}

/// Assigns roles to distinct boxes, maximising the total fit.
pub fn assign(graph: &Graph, roles: &[ExpectedComponent]) -> Assignment {
    let fits: Vec<Vec<(usize, i64)>> = roles
        .iter()
        .map(|role| {
            (0..graph.len())
                .filter_map(|v| fit(graph, v, role).map(|(f, _)| (v, f.weight())))
                .collect()
        })
        .collect();
    // Only boxes that fit some role take part.
    let mut columns: Vec<usize> = fits.iter().flatten().map(|&(v, _)| v).collect();
    columns.sort_unstable();
    columns.dedup();
    let n = roles.len();
    // Each role may also stay unplayed: one "nobody" column per role, weight 0.
    let m = columns.len() + n;
    // Costs to minimise: a higher weight is a lower cost; an earlier box is slightly
    // cheaper than a later one of the same weight.
    let scale = (m as i64 + 1) * 2;
    let mut cost = vec![vec![0_i64; m]; n];
    for (r, row) in cost.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            *cell = if c < columns.len() {
                match fits[r].iter().find(|&&(v, _)| v == columns[c]) {
                    Some(&(_, w)) => -(w * scale) + c as i64,
                    None => i64::MAX / 4,
                }
            } else {
                0
            };
        }
    }
    let chosen = hungarian(&cost);
    Assignment {
        player: chosen
            .into_iter()
            .map(|c| (c < columns.len()).then(|| columns[c]))
            .collect(),
        fits: fits
            .into_iter()
            .map(|f| f.into_iter().map(|(v, _)| v).collect())
            .collect(),
    }
}

/// The minimum-cost assignment of `cost`'s rows to distinct columns (rows <= columns):
/// the column chosen for each row. The Hungarian method with potentials, O(n² m).
fn hungarian(cost: &[Vec<i64>]) -> Vec<usize> {
    let n = cost.len();
    let m = cost.first().map_or(0, Vec::len);
    if n == 0 {
        return Vec::new();
    }
    const INF: i64 = i64::MAX / 2;
    // 1-based, with row/column 0 as the sentinel.
    let mut u = vec![0_i64; n + 1];
    let mut v = vec![0_i64; m + 1];
    let mut owner = vec![0_usize; m + 1];
    let mut way = vec![0_usize; m + 1];
    for row in 1..=n {
        owner[0] = row;
        let mut col0 = 0;
        let mut min = vec![INF; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[col0] = true;
            let r0 = owner[col0];
            let mut delta = INF;
            let mut col1 = 0;
            for col in 1..=m {
                if used[col] {
                    continue;
                }
                let reduced = cost[r0 - 1][col - 1] - u[r0] - v[col];
                if reduced < min[col] {
                    min[col] = reduced;
                    way[col] = col0;
                }
                if min[col] < delta {
                    delta = min[col];
                    col1 = col;
                }
            }
            for col in 0..=m {
                if used[col] {
                    u[owner[col]] += delta;
                    v[col] -= delta;
                } else {
                    min[col] -= delta;
                }
            }
            col0 = col1;
            if owner[col0] == 0 {
                break;
            }
        }
        loop {
            let col1 = way[col0];
            owner[col0] = owner[col1];
            col0 = col1;
            if col0 == 0 {
                break;
            }
        }
    }
    let mut chosen = vec![0; n];
    for col in 1..=m {
        if owner[col] != 0 {
            chosen[owner[col] - 1] = col - 1;
        }
    }
    chosen
}
