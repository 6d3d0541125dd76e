//! Progress across attempts: per-category trends, breadth discipline, time use, the
//! last and best per prompt, and the weakest category of late with what to practise.
//! Plain figures; the UI draws them as charts and tables.

use super::attempt::{Attempt, AttemptKind};
use crate::core::check::Category;
use crate::core::session::Phase;
use std::collections::BTreeMap;

/// Attempts the weakest category is judged over.
pub const RECENT: usize = 5;

/// One line of a chart: a value (0-100, or minutes) per attempt, `None` where the
/// attempt has none.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Stable id (`data-series`, the CSS colour).
    pub id: &'static str,
    /// Legend name.
    pub name: &'static str,
    /// One value per attempt, oldest first.
    pub values: Vec<Option<f64>>,
}

/// A chart: series over the same attempts, and the largest value the axis shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Lines.
    pub series: Vec<Series>,
    /// The axis maximum (100 for percents).
    pub max: f64,
    /// The axis unit ("%", "min").
    pub unit: &'static str,
}

/// Last and best score of one prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PromptBest {
    /// Prompt id.
    pub prompt_id: String,
    /// Its title.
    pub title: String,
    /// Attempts at it.
    pub attempts: usize,
    /// The latest attempt's percent found.
    pub last: u32,
    /// The best percent found.
    pub best: u32,
}

/// The weakest category of the recent attempts and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weakest {
    /// Which.
    pub category: Category,
    /// Its mean percent found over the recent attempts that scored it.
    pub percent: u32,
    /// Recent attempts that scored it (those it was judged over).
    pub over: usize,
    /// What to practise.
    pub advice: &'static str,
}

/// Everything the Progress view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// Attempts, oldest first (the charts' x axis).
    pub attempts: Vec<Attempt>,
    /// Percent found per category.
    pub categories: Chart,
    /// Percent of the prompt's components and flows on the map when Breadth ended
    /// (timed attempts; free checks have none).
    pub breadth: Chart,
    /// Minutes over plan per attempt (timed): in all, and per phase that can overrun
    /// (Breadth ends by itself).
    pub overrun: Chart,
    /// Per prompt, by title.
    pub prompts: Vec<PromptBest>,
    /// The weakest category over the last [`RECENT`] attempts.
    pub weakest: Option<Weakest>,
}

/// What to practise for a weak category.
pub fn advice(category: Category) -> &'static str {
    match category {
        Category::Components => {
            "Map every layer before any detail: client, entry, services, data stores, async work. Retry a prompt and compare the breadth map."
        }
        Category::Flows => {
            "Draw the main request paths end to end, with an arrow for each hop, and say each out loud as you draw it."
        }
        Category::Depth => {
            "After the map, pick one or two components and write what you would decide there: data model, partitioning, limits."
        }
        Category::Failure => {
            "Keep the last ten minutes for failure: for each box on the critical path, ask what happens when it is down or slow, and note the fix."
        }
        Category::Hygiene => {
            "Name every box and label every arrow; give each queue a consumer and each store an owner."
        }
    }
}

impl Progress {
    /// Figures over `attempts` (any order).
    pub fn new(mut attempts: Vec<Attempt>) -> Progress {
        attempts.sort_by(|a, b| a.at_ms.total_cmp(&b.at_ms).then_with(|| a.id.cmp(&b.id)));
        let percent = |a: &Attempt, c: Category| a.score(c).and_then(|s| s.percent());
        let categories = Chart {
            series: Category::ALL
                .iter()
                .map(|&c| Series {
                    id: c.id(),
                    name: c.name(),
                    values: attempts
                        .iter()
                        .map(|a| percent(a, c).map(f64::from))
                        .collect(),
                })
                .collect(),
            max: 100.0,
            unit: "%",
        };
        let timed = |a: &Attempt| a.kind == AttemptKind::Timed;
        let breadth = Chart {
            series: vec![Series {
                id: "breadth",
                name: "Map complete when Breadth ended",
                values: attempts
                    .iter()
                    .map(|a| a.breadth.map(|b| f64::from(b.percent())))
                    .collect(),
            }],
            max: 100.0,
            unit: "%",
        };
        // Breadth ends by itself at its limit: it never overruns.
        let overrun_phase = |phase: Phase, id, name| Series {
            id,
            name,
            values: attempts
                .iter()
                .map(|a| timed(a).then(|| a.overrun_in(phase)))
                .collect(),
        };
        let mut overrun = Chart {
            series: vec![
                Series {
                    id: "overrun",
                    name: "In all",
                    values: attempts
                        .iter()
                        .map(|a| timed(a).then(|| a.overrun_minutes()))
                        .collect(),
                },
                overrun_phase(Phase::Requirements, "requirements", "Requirements"),
                overrun_phase(Phase::Focus, "focus", "Focus"),
                overrun_phase(Phase::Depth, "depth-time", "Depth"),
                overrun_phase(Phase::FailureModes, "failure-time", "Failure modes"),
            ],
            max: 0.0,
            unit: "min",
        };
        let top = overrun.series[0]
            .values
            .iter()
            .flatten()
            .fold(0.0_f64, |m, v| m.max(*v));
        // Whole minutes at each quarter of the axis, at least 4.
        overrun.max = ((top / 4.0).ceil() * 4.0).max(4.0);
        let prompts = prompt_bests(&attempts);
        let weakest = weakest(&attempts);
        Progress {
            attempts,
            categories,
            breadth,
            overrun,
            prompts,
            weakest,
        }
    }
}

fn prompt_bests(attempts: &[Attempt]) -> Vec<PromptBest> {
    let mut by: BTreeMap<&str, PromptBest> = BTreeMap::new();
    for a in attempts {
        let p = a.percent();
        let entry = by.entry(&a.prompt_id).or_insert_with(|| PromptBest {
            prompt_id: a.prompt_id.clone(),
            title: a.prompt_title.clone(),
            attempts: 0,
            last: p,
            best: p,
        });
        entry.attempts += 1;
        entry.last = p;
        entry.best = entry.best.max(p);
        entry.title = a.prompt_title.clone();
    }
    let mut list: Vec<PromptBest> = by.into_values().collect();
    list.sort_by_key(|p| p.title.to_lowercase());
    list
}

/// The category with the lowest mean percent over the last [`RECENT`] attempts
/// (those that scored it); ties go to the earlier category in report order.
fn weakest(attempts: &[Attempt]) -> Option<Weakest> {
    let recent = &attempts[attempts.len().saturating_sub(RECENT)..];
    let mut worst: Option<Weakest> = None;
    for &category in &Category::ALL {
        let values: Vec<u32> = recent
            .iter()
            .filter_map(|a| a.score(category).and_then(|s| s.percent()))
            .collect();
        if values.is_empty() {
            continue;
        }
        let mean = values.iter().sum::<u32>() / values.len() as u32;
        if worst.as_ref().is_none_or(|w| mean < w.percent) {
            worst = Some(Weakest {
                category,
                percent: mean,
                over: values.len(),
                advice: advice(category),
            });
        }
    }
    worst
}

impl Chart {
    /// Attempts on the x axis.
    pub fn len(&self) -> usize {
        self.series.first().map_or(0, |s| s.values.len())
    }

    /// Whether there is nothing to plot.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where attempt `i` of [`Chart::len`] sits across a plot `width` wide: evenly
    /// spaced, a single attempt in the middle.
    pub fn x(&self, i: usize, width: f64) -> f64 {
        match self.len() {
            0 | 1 => width / 2.0,
            n => width * i as f64 / (n - 1) as f64,
        }
    }

    /// Where `value` sits down a plot `height` tall (0 at the bottom, the axis
    /// maximum at the top; values above it are drawn at the top).
    pub fn y(&self, value: f64, height: f64) -> f64 {
        let share = if self.max > 0.0 {
            value / self.max
        } else {
            0.0
        };
        height - height * share.clamp(0.0, 1.0)
    }

    /// A series as SVG polyline point lists, one per unbroken run of values (an
    /// attempt without a value breaks the line).
    pub fn runs(&self, series: usize, width: f64, height: f64) -> Vec<String> {
        let Some(s) = self.series.get(series) else {
            return Vec::new();
        };
        let mut runs = Vec::new();
        let mut run = String::new();
        for (i, v) in s.values.iter().enumerate() {
            match v {
                Some(v) => {
                    if !run.is_empty() {
                        run.push(' ');
                    }
                    let (x, y) = (self.x(i, width), self.y(*v, height));
                    run.push_str(&format!("{},{}", round1(x), round1(y)));
                }
                None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
                None => {}
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
        runs
    }
}

/// One decimal, for SVG coordinates.
fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}
