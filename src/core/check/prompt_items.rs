//! Checklist items from the prompt: expected components, data flows, failure modes
//! and depth.

use super::{labels, named_mitigation, words, Category, CheckItem, Graph};
use crate::core::diagram::{ComponentId, ComponentKind};
use crate::core::prompt::{ExpectedComponent, Prompt};
use crate::core::session::live_focus;

/// Fewest words of details that count as going deep.
const MIN_DETAIL_WORDS: usize = 3;

/// Vertices matching an expected component (by kind, or a synonym in label or notes),
/// with how the first one matched.
fn matches(graph: &Graph, expected: &ExpectedComponent) -> (Vec<usize>, String) {
    let kinds: Vec<ComponentKind> = expected
        .kinds
        .iter()
        .filter_map(|k| ComponentKind::from_id(k))
        .collect();
    let synonyms: Vec<Vec<String>> = expected.synonyms.iter().map(|s| words::words(s)).collect();
    let mut hit = vec![false; graph.len()];
    for (v, h) in hit.iter_mut().enumerate() {
        *h = kinds.contains(&graph.component(v).kind);
    }
    for s in &synonyms {
        for v in graph.with_phrase(s) {
            hit[v] = true;
        }
    }
    let found: Vec<usize> = (0..graph.len()).filter(|&v| hit[v]).collect();
    let how = found.first().map_or_else(String::new, |&v| {
        let c = graph.component(v);
        match synonyms
            .iter()
            .position(|s| words::contains_words(graph.text(v), s))
        {
            Some(i) if !kinds.contains(&c.kind) => {
                format!("{} mentions \"{}\"", c.label, expected.synonyms[i])
            }
            _ => format!("{} is a {}", c.label, c.kind.display_name()),
        }
    });
    (found, how)
}

/// An expected component by id, with the vertices that match it.
fn lookup<'p>(
    prompt: &'p Prompt,
    matched: &'p [(Vec<usize>, String)],
    id: &str,
) -> Option<(&'p ExpectedComponent, &'p Vec<usize>)> {
    let i = prompt.components.iter().position(|c| c.id == id)?;
    Some((&prompt.components[i], &matched[i].0))
}

fn ids(graph: &Graph, vertices: &[usize]) -> Vec<ComponentId> {
    vertices.iter().map(|&v| graph.component(v).id).collect()
}

/// Every prompt item, checked.
pub fn items(graph: &Graph, prompt: &Prompt, focus: &[ComponentId]) -> Vec<CheckItem> {
    let matched: Vec<(Vec<usize>, String)> = prompt
        .components
        .iter()
        .map(|c| matches(graph, c))
        .collect();
    let by_id = |id: &str| lookup(prompt, &matched, id);
    let mut items = Vec::new();
    for (expected, (found, how)) in prompt.components.iter().zip(&matched) {
        let detail = if found.is_empty() {
            let mut wanted: Vec<String> = expected
                .kinds
                .iter()
                .filter_map(|k| ComponentKind::from_id(k))
                .map(|k| format!("a {}", k.display_name()))
                .collect();
            wanted.extend(expected.synonyms.iter().map(|s| format!("\"{s}\"")));
            format!("no component is {}", wanted.join(" or "))
        } else {
            how.clone()
        };
        items.push(CheckItem {
            key: format!("component:{}", expected.id),
            category: Category::Components,
            title: expected.name.clone(),
            why: expected.why.clone(),
            found: !found.is_empty(),
            components: ids(graph, found),
            detail,
            advice: false,
        });
    }
    for (i, flow) in prompt.flows.iter().enumerate() {
        let steps: Vec<(&ExpectedComponent, &Vec<usize>)> =
            flow.path.iter().filter_map(|id| by_id(id)).collect();
        let (chain, detail) = flow_chain(graph, &steps);
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
        let (found, detail, parts) = match by_id(&fm.component) {
            Some((expected, candidates)) => {
                failure_note(graph, expected, candidates, &fm.mitigations)
            }
            None => (
                false,
                "the prompt names no such component".into(),
                Vec::new(),
            ),
        };
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
    items.extend(depth_items(graph, prompt, focus, &matched));
    items
}

/// A chain of matched components, one per step, each reachable from the previous by
/// arrows (through any intermediate components); or why there is none.
fn flow_chain(
    graph: &Graph,
    steps: &[(&ExpectedComponent, &Vec<usize>)],
) -> (Option<Vec<usize>>, String) {
    let Some(((first_expected, first), rest)) = steps.split_first() else {
        return (None, "the flow names no components".into());
    };
    if first.is_empty() {
        return (
            None,
            format!("nothing on the board is {}", first_expected.name),
        );
    }
    // Per step: the matched vertices reached, and the search that reached them.
    let mut frontier: Vec<usize> = (*first).clone();
    let mut searches: Vec<(Vec<usize>, Vec<Option<usize>>)> = Vec::new();
    for (expected, candidates) in rest {
        let parent = graph.reach(&frontier);
        let next: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&v| parent[v].is_some())
            .collect();
        if next.is_empty() {
            let why = if candidates.is_empty() {
                format!("nothing on the board is {}", expected.name)
            } else {
                format!(
                    "no arrows lead from {} to {}",
                    labels(graph, &frontier),
                    labels(graph, candidates)
                )
            };
            return (None, why);
        }
        searches.push((frontier, parent));
        frontier = next;
    }
    // Walk back from one end through each search to a start of that step.
    let mut chain = vec![frontier[0]];
    let mut at = frontier[0];
    let mut is_start = vec![false; graph.len()];
    for (starts, parent) in searches.iter().rev() {
        is_start.iter_mut().for_each(|s| *s = false);
        for &s in starts {
            is_start[s] = true;
        }
        let path = Graph::path_to(parent, at, |v| is_start[v]);
        at = path[0];
        chain.push(at);
    }
    chain.reverse();
    let detail = chain
        .iter()
        .map(|&v| graph.component(v).label.as_str())
        .collect::<Vec<_>>()
        .join(" → ");
    (Some(chain), detail)
}

/// Whether a component matching `expected` has a failure note naming a mitigation.
fn failure_note(
    graph: &Graph,
    expected: &ExpectedComponent,
    candidates: &[usize],
    mitigations: &[String],
) -> (bool, String, Vec<usize>) {
    if candidates.is_empty() {
        return (
            false,
            format!("nothing on the board is {}", expected.name),
            Vec::new(),
        );
    }
    for &v in candidates {
        let c = graph.component(v);
        let note = graph.failure_words(v);
        if let Some(m) = named_mitigation(note, mitigations).or_else(|| graph.redundancy(v)) {
            return (
                true,
                format!("{}'s failure note names \"{m}\"", c.label),
                vec![v],
            );
        }
    }
    let noted: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&v| !graph.component(v).failure.trim().is_empty())
        .collect();
    let detail = if noted.is_empty() {
        format!("{} has no failure note", labels(graph, candidates))
    } else {
        format!(
            "the failure note on {} names no mitigation (e.g. {})",
            labels(graph, &noted),
            mitigations.first().map_or("a replica", String::as_str)
        )
    };
    (false, detail, candidates.to_vec())
}

/// Depth items: the focus components carry details (timed session), or in free
/// practice the prompt's deep-dive components do.
fn depth_items<'p>(
    graph: &Graph,
    prompt: &'p Prompt,
    focus: &[ComponentId],
    matched: &'p [(Vec<usize>, String)],
) -> Vec<CheckItem> {
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
                let n = graph.detail_words(v);
                CheckItem {
                    key: format!("depth:focus-{}", c.id),
                    category: Category::Depth,
                    title: format!("Details on {}", c.label),
                    why: why.into(),
                    found: n >= MIN_DETAIL_WORDS,
                    components: vec![c.id],
                    detail: format!("{n} words of details"),
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
            let candidates = lookup(prompt, matched, &dive.component)
                .map(|(_, c)| c.as_slice())
                .unwrap_or(&[]);
            let deep = candidates
                .iter()
                .copied()
                .find(|&v| graph.detail_words(v) >= MIN_DETAIL_WORDS);
            let detail = match (deep, candidates.is_empty()) {
                (Some(v), _) => format!("{} has details", graph.component(v).label),
                (None, true) => "the component it concerns is not on the board".into(),
                (None, false) => format!("no details on {}", labels(graph, candidates)),
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
