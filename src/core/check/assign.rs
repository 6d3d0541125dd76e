//! Which box plays which expected role. What a box *is* comes from its kind and its
//! name (label), never from its notes: the name fits a role when it uses one of the
//! role's names ("Rate limiter") or names a technology of a kind the role accepts
//! ("Postgres" for a store). Each role is given at most one box and each box plays at
//! most one role: a maximum-weight matching. A role then also goes to a box that
//! already plays a role it may share with (the prompt says which), so "Shortener
//! service" can be both the create and the redirect service. Ties go to the earlier
//! box on the board, so the result is deterministic.

use super::vocabulary::Technology;
use super::words::{contains_words, words};
use super::Graph;
use crate::core::diagram::ComponentKind;
use crate::core::prompt::ExpectedComponent;

/// How a box fits a role: the evidence, all of it from the box's kind and name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit<'v> {
    /// Its kind is one the role accepts.
    pub kind: bool,
    /// The role name its label uses (an index into the role's synonyms).
    pub synonym: Option<usize>,
    /// A technology its label names whose kinds the role accepts.
    pub technology: Option<&'v Technology>,
}

impl Fit<'_> {
    /// The matching's weight: a name counts for more than a kind alone, and the
    /// more evidence the better.
    pub fn weight(&self) -> i64 {
        2 * i64::from(self.kind)
            + 3 * i64::from(self.synonym.is_some())
            + 2 * i64::from(self.technology.is_some())
    }
}

/// A role as the matching reads it: its kinds and its names as words, read once.
struct Wanted {
    kinds: Vec<ComponentKind>,
    names: Vec<Vec<String>>,
    /// Another way to fill a role must show it twice: by kind and by name.
    strict: bool,
}

impl Wanted {
    fn new(role: &ExpectedComponent) -> Wanted {
        Wanted {
            strict: role.alternative_to.is_some(),
            kinds: role
                .kinds
                .iter()
                .filter_map(|k| ComponentKind::from_id(k))
                .collect(),
            names: role.synonyms.iter().map(|s| words(s)).collect(),
        }
    }

    /// Boxes that might fit, found through the graph's indexes rather than by reading
    /// every label: those of an accepted kind, named by an accepted technology, or
    /// whose label has the first word of one of the role's names. In board order.
    fn candidates(&self, graph: &Graph) -> Vec<usize> {
        let mut found: Vec<usize> = (0..graph.len())
            .filter(|&v| {
                self.kinds.contains(&graph.component(v).kind)
                    || graph
                        .named(v)
                        .iter()
                        .any(|t| t.kinds.iter().any(|k| self.kinds.contains(k)))
            })
            .collect();
        for name in &self.names {
            if let Some(first) = name.first() {
                found.extend_from_slice(graph.with_label_word(first));
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    fn fit<'v>(&self, graph: &Graph<'v>, v: usize) -> Option<Fit<'v>> {
        let label = graph.label_words(v);
        let fit = Fit {
            kind: self.kinds.contains(&graph.component(v).kind),
            synonym: self.names.iter().position(|s| contains_words(label, s)),
            technology: graph
                .named(v)
                .iter()
                .copied()
                .find(|t| t.kinds.iter().any(|k| self.kinds.contains(k))),
        };
        let fits = if self.strict {
            (fit.kind || fit.technology.is_some()) && fit.synonym.is_some()
        } else {
            fit.weight() > 0
        };
        fits.then_some(fit)
    }
}

/// How a box fits a role, if it does at all.
pub fn fit<'v>(graph: &Graph<'v>, v: usize, role: &ExpectedComponent) -> Option<Fit<'v>> {
    Wanted::new(role).fit(graph, v)
}

/// The box playing each role (in the prompt's order), and every box that fits it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assignment<'v> {
    /// Per role, the box that plays it.
    pub player: Vec<Option<usize>>,
    /// Per role, whether its box plays another role too (a shared box).
    pub shared: Vec<bool>,
    /// Per role, every box that fits it with how, best fit first (board order among
    /// equals).
    pub fits: Vec<Vec<(usize, Fit<'v>)>>,
}

impl<'v> Assignment<'v> {
    /// The first role a box plays, if any.
    pub fn role_of(&self, v: usize) -> Option<usize> {
        self.player.iter().position(|p| *p == Some(v))
    }

    /// How the box playing role `r` fits it.
    pub fn fit_of(&self, r: usize) -> Option<&Fit<'v>> {
        let v = self.player[r]?;
        self.fits[r].iter().find(|(w, _)| *w == v).map(|(_, f)| f)
    }

    /// The boxes that count as role `r` in a flow or a note: its player, and every box
    /// that plays no role and fits it at least as well (more instances of it: "Push
    /// workers" beside "Email workers"). Empty when nobody plays it.
    pub fn stand_ins(&self, r: usize) -> Vec<usize> {
        let (Some(player), Some(fit)) = (self.player[r], self.fit_of(r)) else {
            return Vec::new();
        };
        let mut boxes = vec![player];
        boxes.extend(
            self.fits[r]
                .iter()
                .filter(|(v, f)| {
                    *v != player && f.weight() >= fit.weight() && self.role_of(*v).is_none()
                })
                .map(|(v, _)| *v),
        );
        boxes
    }
}

/// Assigns roles to distinct boxes, maximising the total fit, then lets each role
/// still without a box share one with a role the prompt says it may share with.
pub fn assign<'v>(graph: &Graph<'v>, roles: &[ExpectedComponent]) -> Assignment<'v> {
    let fits: Vec<Vec<(usize, Fit<'v>)>> = roles
        .iter()
        .map(|role| {
            let wanted = Wanted::new(role);
            let mut f: Vec<(usize, Fit<'v>)> = wanted
                .candidates(graph)
                .into_iter()
                .filter_map(|v| wanted.fit(graph, v).map(|f| (v, f)))
                .collect();
            f.sort_by_key(|(v, f)| (-f.weight(), *v));
            f
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
                    Some((_, f)) => -(f.weight() * scale) + c as i64,
                    None => i64::MAX / 4,
                }
            } else {
                0
            };
        }
    }
    let chosen = hungarian(&cost);
    let mut player: Vec<Option<usize>> = chosen
        .into_iter()
        .map(|c| (c < columns.len()).then(|| columns[c]))
        .collect();
    let mut shared = vec![false; n];
    let may_share = |a: usize, b: usize| {
        roles[a].shares.contains(&roles[b].id) || roles[b].shares.contains(&roles[a].id)
    };
    for r in 0..n {
        if player[r].is_some() {
            continue;
        }
        let host = fits[r].iter().find_map(|&(v, _)| {
            let other = player.iter().position(|p| *p == Some(v))?;
            may_share(r, other).then_some((v, other))
        });
        if let Some((v, other)) = host {
            player[r] = Some(v);
            shared[r] = true;
            shared[other] = true;
        }
    }
    Assignment {
        player,
        shared,
        fits,
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
