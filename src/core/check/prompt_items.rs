//! Checklist items from the prompt: expected components, data flows, failure modes
//! and depth, all read through one assignment of roles to boxes (`assign`): a flow
//! runs through the boxes that play its steps, a failure item reads the note of the
//! box that plays its component, a deep dive the details of that box.

use super::assign::{assign, Assignment, Fit};
use super::vocabulary::Named;
use super::words::words;
use super::{labels, quote, Category, CheckItem, Graph};
use crate::core::diagram::{ComponentId, ComponentKind};
use crate::core::prompt::{Direction, ExpectedComponent, ExpectedFlow, FailureMode, Prompt};
use crate::core::session::live_focus;

/// Fewest words of details that count as going deep.
const MIN_DETAIL_WORDS: usize = 3;

/// Most names of a role listed in a "looked for" message.
const NAMES_LISTED: usize = 3;

/// The roles of a prompt with their boxes.
struct Roles<'a, 'b> {
    graph: &'a Graph<'b>,
    roles: &'a [ExpectedComponent],
    assignment: Assignment<'b>,
    /// [`COMMON_WORDS`] as stems, read once.
    common: Vec<String>,
}

impl Roles<'_, '_> {
    /// The role by id, or, when nothing plays it, an alternative that is played (the
    /// second pool standing in for replica nodes).
    fn index(&self, id: &str) -> Option<usize> {
        let r = self.roles.iter().position(|c| c.id == id)?;
        if self.assignment.player[r].is_some() {
            return Some(r);
        }
        let alternative = (0..self.roles.len()).find(|&a| {
            self.roles[a].alternative_to.as_deref() == Some(id)
                && self.assignment.player[a].is_some()
        });
        Some(alternative.unwrap_or(r))
    }

    fn label(&self, v: usize) -> &str {
        &self.graph.component(v).label
    }

    /// How the box playing role `r` fits it, in words ("Postgres: PostgreSQL is a SQL
    /// database").
    fn evidence(&self, r: usize, v: usize, fit: &Fit) -> String {
        let c = self.graph.component(v);
        let role = &self.roles[r];
        let mut text = match (fit.synonym, fit.technology) {
            (Some(s), _) if fit.kind => format!(
                "{} is {} named \"{}\"",
                c.label,
                a_kind(c.kind.display_name()),
                role.synonyms[s]
            ),
            (Some(s), _) => format!("{}: its name says \"{}\"", c.label, role.synonyms[s]),
            (None, Some(_)) if fit.kind => {
                format!("{} is {}", c.label, a_kind(c.kind.display_name()))
            }
            (None, Some(t)) => {
                // The kind the role accepted it as ("Redis" as a key-value store).
                let kind = t
                    .kinds
                    .iter()
                    .find(|k| role.kinds.iter().any(|id| id == k.id()))
                    .map_or("component", |k| k.display_name());
                format!("{}: {} is {}", c.label, t.name, a_kind(kind))
            }
            (None, None) => format!("{} is {}", c.label, a_kind(c.kind.display_name())),
        };
        if self.assignment.shared[r] {
            let others: Vec<&str> = (0..self.roles.len())
                .filter(|&o| o != r && self.assignment.player[o] == Some(v))
                .map(|o| self.roles[o].name.as_str())
                .collect();
            text.push_str(&format!(" (the same box plays {})", others.join(", ")));
        }
        text
    }

    /// What a role looks for, for a message ("a Cache, or a box named \"rate
    /// limiter\" or \"dedup\"").
    fn looked_for(&self, r: usize) -> String {
        let role = &self.roles[r];
        let kinds: Vec<String> = role
            .kinds
            .iter()
            .filter_map(|k| ComponentKind::from_id(k))
            .map(|k| a_kind(k.display_name()))
            .collect();
        let names = quoted(&role.synonyms, " or ");
        match (kinds.is_empty(), names.is_empty()) {
            (false, false) => format!("{}, or a box named {names}", kinds.join(" or ")),
            (false, true) => kinds.join(" or "),
            _ => format!("a box named {names}"),
        }
    }

    /// Why no box plays role `r`, with the nearest thing on the board.
    fn unplayed(&self, r: usize) -> String {
        let wanted = self.looked_for(r);
        match self.assignment.fits[r].first() {
            Some(&(v, _)) => {
                let other = self
                    .assignment
                    .role_of(v)
                    .map_or("another part", |o| self.roles[o].name.as_str());
                format!(
                    "looked for {wanted}; {} could be it, but it already plays {other}",
                    self.label(v)
                )
            }
            None => format!("looked for {wanted}; nothing on the board is one"),
        }
    }
}

/// The first few of `items`, each quoted, joined by `separator` ("\"a\" or \"b\"").
fn quoted(items: &[String], separator: &str) -> String {
    items
        .iter()
        .take(NAMES_LISTED)
        .map(|m| format!("\"{m}\""))
        .collect::<Vec<_>>()
        .join(separator)
}

/// A kind's name with its article: "a Cache", "an API gateway", "an External service".
fn a_kind(name: &str) -> String {
    let vowel = name.starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u']);
    format!("{} {name}", if vowel { "an" } else { "a" })
}

fn ids(graph: &Graph, vertices: &[usize]) -> Vec<ComponentId> {
    vertices.iter().map(|&v| graph.component(v).id).collect()
}

/// Every prompt item, checked.
pub fn items(graph: &Graph, prompt: &Prompt, focus: &[ComponentId]) -> Vec<CheckItem> {
    let roles = Roles {
        graph,
        roles: &prompt.components,
        assignment: assign(graph, &prompt.components),
        common: COMMON_WORDS.iter().flat_map(|w| words(w)).collect(),
    };
    let mut items = Vec::new();
    for (r, expected) in prompt.components.iter().enumerate() {
        if expected.alternative_to.is_some() {
            continue;
        }
        // The role itself, or an alternative that fills it.
        let acting = roles.index(&expected.id).unwrap_or(r);
        let player = roles.assignment.player[acting];
        let detail = match (player, roles.assignment.fit_of(acting)) {
            (Some(v), Some(fit)) => {
                let evidence = roles.evidence(acting, v, fit);
                if acting == r {
                    evidence
                } else {
                    format!("{evidence} ({})", roles.roles[acting].name.to_lowercase())
                }
            }
            _ => roles.unplayed(r),
        };
        items.push(CheckItem {
            key: format!("component:{}", expected.id),
            category: Category::Components,
            title: expected.name.clone(),
            why: expected.why.clone(),
            found: player.is_some(),
            components: ids(graph, &player.into_iter().collect::<Vec<_>>()),
            detail,
            advice: false,
        });
    }
    for (i, flow) in prompt.flows.iter().enumerate() {
        let (chain, detail) = flow_chain(&roles, flow);
        items.push(CheckItem {
            key: format!("flow:{i}"),
            category: Category::Flows,
            title: flow.name.clone(),
            why: flow.why.clone(),
            found: chain.is_some(),
            components: chain.map(|c| ids(graph, &c)).unwrap_or_default(),
            detail,
            advice: false,
        });
    }
    for (i, fm) in prompt.failure_modes.iter().enumerate() {
        let (found, detail, parts) = failure_note(&roles, fm);
        items.push(CheckItem {
            key: format!("failure:{i}"),
            category: Category::Failure,
            title: fm.question.clone(),
            why: fm.why.clone(),
            found,
            components: ids(graph, &parts),
            detail,
            advice: false,
        });
    }
    items.extend(depth_items(&roles, prompt, focus));
    items
}

/// The flow's steps (its path, else its other path) as one simple path: each step
/// played by a distinct box, in order,
/// with any boxes between them but none visited twice (so a pair of arrows both
/// ways, or a ring, covers nothing by itself). Between two steps the arrows may all
/// point the other way (a whiteboard mixes requests and data), and the detail says
/// where. Or why there is none.
fn flow_chain(roles: &Roles, flow: &ExpectedFlow) -> (Option<Vec<usize>>, String) {
    let first = path_chain(roles, flow, &flow.path);
    if first.0.is_some() || flow.or_path.is_empty() {
        return first;
    }
    let other = path_chain(roles, flow, &flow.or_path);
    if other.0.is_some() {
        other
    } else {
        first
    }
}

/// One of a flow's paths (by role ids) as one simple path, or why there is none.
fn path_chain(roles: &Roles, flow: &ExpectedFlow, path: &[String]) -> (Option<Vec<usize>>, String) {
    let steps: Vec<usize> = path.iter().filter_map(|id| roles.index(id)).collect();
    if steps.len() < 2 {
        return (None, "the flow names no components".into());
    }
    if let Some(&r) = steps
        .iter()
        .find(|&&r| roles.assignment.player[r].is_none())
    {
        return (
            None,
            format!("nothing on the board plays {}", roles.roles[r].name),
        );
    }
    let boxes: Vec<Vec<usize>> = steps
        .iter()
        .map(|&r| roles.assignment.stand_ins(r))
        .collect();
    let players: Vec<usize> = steps
        .iter()
        .filter_map(|&r| roles.assignment.player[r])
        .collect();
    match simple_chain(roles.graph, &boxes, &players) {
        Ok(chain) => {
            let mut detail = String::new();
            let mut reversed = false;
            for (i, (v, against)) in chain.iter().enumerate() {
                if i > 0 {
                    detail.push_str(if *against { " ← " } else { " → " });
                }
                reversed |= *against;
                detail.push_str(roles.label(*v));
            }
            if reversed {
                detail.push_str(match flow.direction {
                    Direction::Request => {
                        " (some arrows point the way the data goes back; counted)"
                    }
                    Direction::Data => " (some arrows point the way the requests go; counted)",
                });
            }
            (Some(chain.into_iter().map(|(v, _)| v).collect()), detail)
        }
        Err(gap) => {
            let (a, b) = (steps[gap - 1], steps[gap]);
            let from = roles.assignment.player[a].map_or("", |v| roles.label(v));
            let to = roles.assignment.player[b].map_or("", |v| roles.label(v));
            (
                None,
                format!(
                    "{from} plays {} and {to} plays {}, but no path of arrows joins {from} to \
                     {to} without going back through a box",
                    roles.roles[a].name, roles.roles[b].name
                ),
            )
        }
    }
}

/// Most arrows one flow's search may look at before it gives up (each try of a box
/// for a step searches the arrows again): about two hundred tries on a board of a
/// hundred arrows; only a huge board of look-alike boxes runs out.
const SEARCH_BUDGET: usize = 20_000;

/// A simple path through one box of each step in order, each box with whether the
/// arrows into it point backwards; or the furthest step (from 1) no start could
/// reach. Depth-first over the boxes each step may use, nearest first, arrows
/// forwards before backwards. The path passes a step's `players` only at their step.
fn simple_chain(
    graph: &Graph,
    steps: &[Vec<usize>],
    players: &[usize],
) -> Result<Vec<(usize, bool)>, usize> {
    let mut search = Search {
        graph,
        steps,
        step_box: vec![false; graph.len()],
        used: vec![false; graph.len()],
        budget: SEARCH_BUDGET,
        furthest: 1,
    };
    for &v in players {
        search.step_box[v] = true;
    }
    for &start in &steps[0] {
        search.used[start] = true;
        let mut chain = vec![(start, false)];
        if search.extend(&mut chain, 1) {
            return Ok(chain);
        }
        search.used[start] = false;
    }
    Err(search.furthest)
}

/// The state of one flow's path search.
struct Search<'a, 'b> {
    graph: &'a Graph<'b>,
    steps: &'a [Vec<usize>],
    /// Boxes that play a step of the flow: a path may only pass one at its step.
    step_box: Vec<bool>,
    /// Boxes already on the path.
    used: Vec<bool>,
    budget: usize,
    furthest: usize,
}

impl Search<'_, '_> {
    /// Extends `chain` (which ends at step `step - 1`) through the remaining steps.
    fn extend(&mut self, chain: &mut Vec<(usize, bool)>, step: usize) -> bool {
        if step == self.steps.len() {
            return true;
        }
        self.furthest = self.furthest.max(step);
        let at = chain.last().map_or(0, |(v, _)| *v);
        // A box that plays two roles (a shared box) is both steps at once.
        if self.steps[step].contains(&at) {
            return self.extend(chain, step + 1);
        }
        let blocked: Vec<bool> = (0..self.graph.len())
            .map(|v| self.used[v] || self.step_box[v])
            .collect();
        for against in [false, true] {
            let mut targets = vec![false; self.graph.len()];
            for &v in &self.steps[step] {
                targets[v] = !self.used[v];
            }
            let paths =
                self.graph
                    .paths_avoiding(at, &targets, &blocked, against, &mut self.budget);
            for path in paths {
                let mark = chain.len();
                for &v in &path[1..] {
                    self.used[v] = true;
                    chain.push((v, against));
                }
                if self.extend(chain, step + 1) {
                    return true;
                }
                for (v, _) in chain.drain(mark..) {
                    self.used[v] = false;
                }
                if self.budget == 0 {
                    return false;
                }
            }
        }
        false
    }
}

/// Words too common in labels to say which box a note speaks of.
const COMMON_WORDS: [&str; 12] = [
    "service", "server", "store", "node", "data", "system", "api", "app", "cluster", "db", "layer",
    "tier",
];

/// Whether a note (as words) speaks of a box: it uses a word of the box's label or of
/// the role's name (four letters or more, and not one of the `common` stems).
fn speaks_of(note: &[String], label: &[String], role: &[String], common: &[String]) -> bool {
    label
        .iter()
        .chain(role)
        .filter(|w| w.len() >= 4 && !common.contains(w))
        .any(|w| note.contains(w))
}

impl Roles<'_, '_> {
    /// The first box wired to one of role `r`'s `boxes` (not itself one of them) whose
    /// `note` speaks of that box and for which `accept` gives something: (the
    /// neighbour, the box it is wired to, what `accept` gave).
    fn neighbour_note<'n, T>(
        &self,
        r: usize,
        boxes: &[usize],
        note: impl Fn(usize) -> &'n [String],
        accept: impl Fn(usize) -> Option<T>,
    ) -> Option<(usize, usize, T)> {
        let graph = self.graph;
        let role_words = words(&self.roles[r].name);
        boxes.iter().find_map(|&v| {
            let label = graph.label_words(v);
            graph
                .successors(v)
                .iter()
                .chain(graph.predecessors(v))
                .copied()
                .filter(|n| !boxes.contains(n))
                .filter(|&n| speaks_of(note(n), label, &role_words, &self.common))
                .find_map(|n| accept(n).map(|t| (n, v, t)))
        })
    }
}

/// Whether a failure note answers *this* failure: the note of the box playing the
/// failure's component (or of another instance of it), or of a box joined to it by an
/// arrow whose note speaks of it ("circuit breaker per SMS provider" on the workers
/// that call the provider). The answer is one of the item's own mitigations; generic
/// redundancy answers only an outage.
fn failure_note(roles: &Roles, fm: &FailureMode) -> (bool, String, Vec<usize>) {
    let Some(r) = roles.index(&fm.component) else {
        return (
            false,
            "the prompt names no such component".into(),
            Vec::new(),
        );
    };
    let boxes = roles.assignment.stand_ins(r);
    if boxes.is_empty() {
        return (
            false,
            format!(
                "nothing on the board plays {}, so no note answers it",
                roles.roles[r].name
            ),
            Vec::new(),
        );
    }
    let (found, detail, parts) = failure_part(roles, fm, r, &boxes, &fm.mitigations);
    if !found || fm.also.is_empty() {
        return (found, detail, parts);
    }
    // A question in two parts is answered only when both are.
    let (second, second_detail, more) = failure_part(roles, fm, r, &boxes, &fm.also);
    if second {
        let mut all = parts;
        for v in more {
            if !all.contains(&v) {
                all.push(v);
            }
        }
        return (true, format!("{detail}; {second_detail}"), all);
    }
    let wanted = quoted(&fm.also, ", ");
    (
        false,
        format!("{detail}, but nothing answers the question's second part (e.g. {wanted})"),
        parts,
    )
}

/// Whether a failure note answers one part of a failure mode with one of `wanted`.
fn failure_part(
    roles: &Roles,
    fm: &FailureMode,
    r: usize,
    boxes: &[usize],
    wanted: &[String],
) -> (bool, String, Vec<usize>) {
    let player = boxes[0];
    let graph = roles.graph;
    let answers = graph.vocabulary().answers(wanted);
    let answer = |v: usize| {
        answers
            .first_in(graph.failure_note(v))
            .or_else(|| fm.outage.then(|| graph.redundancy(v).cloned()).flatten())
    };
    let found = |v: usize, named: Named, via: Option<usize>| {
        let concept = named
            .concept
            .filter(|c| *c != named.phrase)
            .map(|c| format!(" ({})", c.replace('_', " ")))
            .unwrap_or_default();
        let whose = match via {
            None => roles.label(v).to_string(),
            Some(of) => format!("{}, next to {},", roles.label(v), roles.label(of)),
        };
        let parts = via.map_or(vec![v], |of| vec![of, v]);
        (
            true,
            format!("{whose} failure note names \"{}\"{concept}", named.phrase),
            parts,
        )
    };
    for &v in boxes {
        if let Some(named) = answer(v) {
            return found(v, named, None);
        }
    }
    if let Some((n, v, named)) = roles.neighbour_note(r, boxes, |n| graph.failure_words(n), answer)
    {
        return found(n, named, Some(v));
    }
    let answers = quoted(wanted, ", ");
    let noted = boxes
        .iter()
        .copied()
        .find(|&v| !roles.graph.component(v).failure.trim().is_empty());
    let detail = match noted {
        None => format!(
            "{} plays {} but has no failure note; an answer names e.g. {answers}",
            roles.label(player),
            roles.roles[r].name
        ),
        Some(v) if graph.failure_note(v).is_noise() => format!(
            "{}'s failure note says {}, claiming and denying the same remedies, so it \
             answers nothing",
            roles.label(v),
            quote(&graph.component(v).failure)
        ),
        Some(v) => {
            let mut text = format!(
                "{}'s failure note says {} but names no answer to this (e.g. {answers})",
                roles.label(v),
                quote(&roles.graph.component(v).failure)
            );
            if let Some(generic) = roles.graph.redundancy(v) {
                text.push_str(&format!(
                    "; \"{}\" keeps the box up but does not answer this failure",
                    generic.phrase
                ));
            }
            text
        }
    };
    (false, detail, vec![player])
}

/// Depth items: the focus components carry details (timed session), or in free
/// practice the boxes playing the prompt's deep-dive components do.
fn depth_items(roles: &Roles, prompt: &Prompt, focus: &[ComponentId]) -> Vec<CheckItem> {
    let graph = roles.graph;
    let why = "Going deep on the part the interviewer picks is where the level shows.";
    let focus: Vec<usize> = live_focus(focus, graph.board())
        .into_iter()
        .filter_map(|id| graph.vertex(id))
        .collect();
    if !focus.is_empty() {
        return focus
            .into_iter()
            .map(|v| {
                let c = graph.component(v);
                let n = graph.detail_count(v);
                let detail = if graph.lists_terms(v) {
                    format!("{n} words of details, but only a list of terms, not an explanation")
                } else {
                    format!("{n} words of details")
                };
                CheckItem {
                    key: format!("depth:focus-{}", c.id),
                    category: Category::Depth,
                    title: format!("Details on {}", c.label),
                    why: why.into(),
                    found: graph.explains(v, MIN_DETAIL_WORDS),
                    components: vec![c.id],
                    detail,
                    advice: false,
                }
            })
            .collect();
    }
    prompt
        .deep_dives
        .iter()
        .enumerate()
        .map(|(i, dive)| {
            let role = roles.index(&dive.component);
            let candidates = role
                .map(|r| roles.assignment.stand_ins(r))
                .unwrap_or_default();
            let (deep, via) = match candidates
                .iter()
                .copied()
                .find(|&v| graph.explains(v, MIN_DETAIL_WORDS))
            {
                Some(v) => (Some(v), None),
                None => {
                    let neighbour = role.and_then(|r| {
                        roles.neighbour_note(
                            r,
                            &candidates,
                            |n| graph.detail_words(n),
                            |n| (graph.detail_count(n) >= MIN_DETAIL_WORDS).then_some(()),
                        )
                    });
                    (neighbour.map(|(n, _, _)| n), neighbour.map(|(_, v, _)| v))
                }
            };
            let detail = match (deep, candidates.is_empty()) {
                (Some(v), _) => {
                    let about = via.map_or(String::new(), |of| {
                        format!(" about {}", graph.component(of).label)
                    });
                    format!(
                        "{} has details{about}: {}",
                        graph.component(v).label,
                        quote(&graph.component(v).details)
                    )
                }
                (None, true) => "nothing on the board plays the component it concerns".into(),
                (None, false) => {
                    format!("no details on {} or about it", labels(graph, &candidates))
                }
            };
            CheckItem {
                key: format!("depth:dive-{i}"),
                category: Category::Depth,
                title: dive.topic.clone(),
                why: dive.why.clone(),
                found: deep.is_some(),
                components: deep
                    .map(|v| vec![graph.component(v).id])
                    .unwrap_or_default(),
                detail,
                advice: false,
            }
        })
        .collect()
}
