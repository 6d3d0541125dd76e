//! One attempt at a prompt: what Progress and the cards need (small, read all at
//! once), kept apart from what opening it needs (the board and the session, read one
//! at a time).

use crate::core::check::{Category, Report};
use crate::core::prompt::Prompt;
use crate::core::repetition::Day;
use crate::core::session::{Level, Milestones, Phase, PhaseRecord, Session, Timeline};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// How the attempt was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttemptKind {
    /// A timed session, saved when it reached Review.
    Timed,
    /// A free-practice check the user chose to save.
    Free,
}

/// Found, claimed-out-loud and missed items of one category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryScore {
    /// Which category.
    pub category: Category,
    /// Found on the board.
    pub found: u32,
    /// Not on the board, claimed as said out loud.
    pub claimed: u32,
    /// Scored items in all.
    pub total: u32,
}

impl CategoryScore {
    /// Items neither found nor claimed.
    pub fn missed(&self) -> u32 {
        self.total - self.found - self.claimed
    }

    /// Percent found on the board, rounded down; `None` for a category with no items.
    pub fn percent(&self) -> Option<u32> {
        (self.total > 0).then(|| self.found * 100 / self.total)
    }
}

/// How complete the map was when Breadth ended.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct BreadthMark {
    /// The prompt's components on the breadth map.
    pub components_found: u32,
    /// The prompt's components in all.
    pub components_total: u32,
    /// The prompt's flows traced on the breadth map.
    pub flows_found: u32,
    /// The prompt's flows in all.
    pub flows_total: u32,
    /// When the board first had an entry point, a data store, every part connected.
    pub milestones: Milestones,
}

impl BreadthMark {
    /// Percent of the prompt's components and flows on the breadth map, together.
    pub fn percent(&self) -> u32 {
        let total = self.components_total + self.flows_total;
        ((self.components_found + self.flows_found) * 100)
            .checked_div(total)
            .unwrap_or(0)
    }
}

/// The curveball put and the answer given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurveballAnswer {
    /// The interviewer's question.
    pub question: String,
    /// What the candidate wrote.
    pub answer: String,
}

/// What Progress, the cards and the list show of an attempt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// Unique and stable: `t<start ms>` for a session, `f<ms>` for a free check.
    pub id: String,
    /// Prompt id.
    pub prompt_id: String,
    /// Prompt title when it was attempted.
    pub prompt_title: String,
    /// Timed or free.
    pub kind: AttemptKind,
    /// Level practised (timed only).
    #[serde(default)]
    pub level: Option<Level>,
    /// Planned length in minutes (0 for a free check).
    #[serde(default)]
    pub minutes: u32,
    /// When it started, milliseconds since the epoch.
    pub at_ms: f64,
    /// The user's calendar day it was made on.
    pub day: Day,
    /// Planned and actual time per phase (timed only).
    #[serde(default)]
    pub phases: Vec<PhaseRecord>,
    /// The map when Breadth ended (timed sessions that reached it).
    #[serde(default)]
    pub breadth: Option<BreadthMark>,
    /// Depth actions refused during Requirements and Breadth.
    #[serde(default)]
    pub depth_refusals: u32,
    /// The check per category, in report order.
    pub scores: Vec<CategoryScore>,
    /// Keys of the prompt's items found on the board (hygiene aside).
    #[serde(default)]
    pub found: Vec<String>,
    /// Keys of the prompt's items missed (hygiene aside).
    #[serde(default)]
    pub missed: Vec<String>,
    /// Keys of the items claimed as said out loud.
    #[serde(default)]
    pub claimed: Vec<String>,
    /// The curveball and its answer, if one was put.
    #[serde(default)]
    pub curveball: Option<CurveballAnswer>,
}

/// The key an item is kept under in the history: the check's own, but for the depth
/// of a session's own picks, which the check keys by box id (one board's): those
/// are kept by the box's name (`depth:on:<name>`), so a retry that picks the same
/// part compares with it.
fn history_key(key: &str, title: &str) -> String {
    match (
        key.strip_prefix("depth:focus-"),
        title.strip_prefix("Details on "),
    ) {
        (Some(_), Some(name)) => format!("depth:on:{name}"),
        _ => key.to_string(),
    }
}

/// An attempt's id: `t<start ms>` for a timed session, `f<ms>` for a free check.
pub fn attempt_id(timed: bool, at_ms: f64) -> String {
    format!("{}{}", if timed { 't' } else { 'f' }, at_ms as u64)
}

/// What opening an attempt needs: the board and the session as they were.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttemptBody {
    /// The attempt's id.
    pub id: String,
    /// The final board, in the saved format.
    pub board: String,
    /// The session (timed only): its breadth map, notes, focus and timings.
    #[serde(default)]
    pub session: Option<Session>,
    /// The check as it was, so the attempt reads the same after the checklist
    /// changes.
    #[serde(default)]
    pub report: Option<Report>,
    /// Item keys claimed as said out loud.
    #[serde(default)]
    pub claims: Vec<String>,
    /// How the board grew, for the replay (timed sessions recorded since timelines
    /// were kept).
    #[serde(default, skip_serializing_if = "Timeline::is_empty")]
    pub timeline: Timeline,
}

/// What a finished session or a saved check is made of.
pub struct AttemptInput<'a> {
    /// The prompt practised.
    pub prompt: &'a Prompt,
    /// The session, for a timed attempt.
    pub session: Option<&'a Session>,
    /// The final board's check.
    pub report: &'a Report,
    /// The breadth map's check (timed sessions past Breadth).
    pub breadth_report: Option<&'a Report>,
    /// Item keys claimed as said out loud.
    pub claims: &'a [String],
    /// When (the session's start, or now for a free check).
    pub at_ms: f64,
    /// The user's calendar day.
    pub day: Day,
}

impl Attempt {
    /// The attempt a session or check makes.
    pub fn new(input: &AttemptInput) -> Attempt {
        let claims: BTreeSet<String> = input.claims.iter().cloned().collect();
        let scores = Category::ALL
            .iter()
            .map(|&category| {
                let c = input.report.coverage(Some(category), &claims);
                CategoryScore {
                    category,
                    found: c.found as u32,
                    claimed: c.claimed as u32,
                    total: c.total as u32,
                }
            })
            .collect();
        let mut found = Vec::new();
        let mut missed = Vec::new();
        let mut claimed = Vec::new();
        for item in &input.report.items {
            if item.advice || item.category == Category::Hygiene {
                continue;
            }
            let key = history_key(&item.key, &item.title);
            match Report::status(item, &claims) {
                crate::core::check::Status::Missed => missed.push(key),
                crate::core::check::Status::SelfClaimed => claimed.push(key),
                crate::core::check::Status::Covered => found.push(key),
            }
        }
        let session = input.session;
        let breadth = session.zip(input.breadth_report).map(|(s, r)| {
            let none = BTreeSet::new();
            let c = r.coverage(Some(Category::Components), &none);
            let f = r.coverage(Some(Category::Flows), &none);
            BreadthMark {
                components_found: c.found as u32,
                components_total: c.total as u32,
                flows_found: f.found as u32,
                flows_total: f.total as u32,
                milestones: s.milestones(),
            }
        });
        let curveball = session.and_then(|s| {
            let c = s.curveball().filter(|c| c.shown)?;
            Some(CurveballAnswer {
                question: input.prompt.curveballs.get(c.index)?.prompt.clone(),
                answer: c.answer.clone(),
            })
        });
        Attempt {
            id: attempt_id(session.is_some(), input.at_ms),
            prompt_id: input.prompt.id.clone(),
            prompt_title: input.prompt.title.clone(),
            kind: if session.is_some() {
                AttemptKind::Timed
            } else {
                AttemptKind::Free
            },
            level: session.map(|s| s.plan.level),
            minutes: session.map_or(0, |s| s.plan.total_minutes),
            at_ms: input.at_ms,
            day: input.day,
            phases: session.map(|s| s.records().to_vec()).unwrap_or_default(),
            breadth,
            depth_refusals: session.map_or(0, Session::depth_refusals),
            scores,
            found,
            missed,
            claimed,
            curveball,
        }
    }

    /// The score of one category.
    pub fn score(&self, category: Category) -> Option<&CategoryScore> {
        self.scores.iter().find(|s| s.category == category)
    }

    /// Percent of the prompt's checklist found on the board (hygiene aside, as in
    /// the Review's headline).
    pub fn percent(&self) -> u32 {
        let (found, total) = self
            .scores
            .iter()
            .filter(|s| s.category != Category::Hygiene)
            .fold((0, 0), |(f, t), s| (f + s.found, t + s.total));
        (found * 100).checked_div(total).unwrap_or(0)
    }

    /// Minutes over plan, summed over the phases that overran (Review aside).
    pub fn overrun_minutes(&self) -> f64 {
        self.overrun_where(|p| p != Phase::Review)
    }

    /// Minutes over plan in one phase (0 if it did not overrun or was not reached).
    pub fn overrun_in(&self, phase: Phase) -> f64 {
        self.overrun_where(|p| p == phase)
    }

    fn overrun_where(&self, counted: impl Fn(Phase) -> bool) -> f64 {
        self.phases
            .iter()
            .filter(|p| counted(p.phase))
            .map(|p| (p.actual_ms - p.planned_ms).max(0.0) / 60_000.0)
            .sum()
    }
}
