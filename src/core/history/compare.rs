//! Retry and compare: an attempt held against the previous one at the same prompt:
//! what is newly covered, what is still missed, what slipped, and the time per phase.

use super::attempt::Attempt;
use crate::core::prompt::Prompt;
use crate::core::session::Phase;

/// An attempt against the one before it.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Percent found before and now.
    pub percent: (u32, u32),
    /// Items weak before (missed or claimed), found now.
    pub newly_covered: Vec<String>,
    /// Items missed both times.
    pub still_missed: Vec<String>,
    /// Items found before, weak now.
    pub slipped: Vec<String>,
    /// Per phase: planned, and actual before and now (milliseconds).
    pub phases: Vec<(Phase, f64, Option<f64>, Option<f64>)>,
}

/// The attempt before `current` at the same prompt, if any.
pub fn previous<'a>(attempts: &'a [Attempt], current: &Attempt) -> Option<&'a Attempt> {
    attempts
        .iter()
        .filter(|a| a.prompt_id == current.prompt_id && a.at_ms < current.at_ms)
        .max_by(|a, b| a.at_ms.total_cmp(&b.at_ms))
}

/// `current` against `before`. Item keys are those of the check.
pub fn compare(before: &Attempt, current: &Attempt) -> Comparison {
    // Only items both attempts checked (a free check and a session check different
    // depth items): weak before and found now, and the other way round.
    let newly_covered = before
        .missed
        .iter()
        .chain(&before.claimed)
        .filter(|k| current.found.contains(k))
        .cloned()
        .collect();
    let still_missed = current
        .missed
        .iter()
        .filter(|k| before.missed.contains(k))
        .cloned()
        .collect();
    let slipped = current
        .missed
        .iter()
        .chain(&current.claimed)
        .filter(|k| before.found.contains(k))
        .cloned()
        .collect();
    let mut phases = Vec::new();
    for phase in Phase::ALL {
        let find = |a: &Attempt| a.phases.iter().find(|p| p.phase == phase).cloned();
        let (b, c) = (find(before), find(current));
        let Some(planned) = c.as_ref().or(b.as_ref()).map(|p| p.planned_ms) else {
            continue;
        };
        phases.push((
            phase,
            planned,
            b.map(|p| p.actual_ms),
            c.map(|p| p.actual_ms),
        ));
    }
    Comparison {
        percent: (before.percent(), current.percent()),
        newly_covered,
        still_missed,
        slipped,
        phases,
    }
}

/// A checklist item's title as the prompt names it ("Short-link cache", a flow's
/// name, a failure question, a deep dive's topic), or the key itself.
pub fn item_title(prompt: Option<&Prompt>, key: &str) -> String {
    let title = prompt.and_then(|p| {
        let (kind, rest) = key.split_once(':')?;
        let index = || rest.parse::<usize>().ok();
        match kind {
            "component" => p
                .components
                .iter()
                .find(|c| c.id == rest)
                .map(|c| c.name.clone()),
            "flow" => p.flows.get(index()?).map(|f| f.name.clone()),
            "failure" => p.failure_modes.get(index()?).map(|f| f.question.clone()),
            "follow-up" => p
                .follow_ups
                .iter()
                .find(|f| super::follow_up_key(&f.question) == key)
                .map(|f| f.question.clone()),
            "depth" => match rest.strip_prefix("on:") {
                Some(name) => Some(format!("Details on {name}")),
                None => {
                    let i = rest.strip_prefix("dive-")?.parse::<usize>().ok()?;
                    p.deep_dives.get(i).map(|d| d.topic.clone())
                }
            },
            _ => None,
        }
    });
    title.unwrap_or_else(|| key.to_string())
}
