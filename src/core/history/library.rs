//! What the prompt library's cards show of the practice history (issue 16): per
//! prompt practised, when it was last practised, its best score and whether a card
//! of it is due. The history module computes it and sends it to the app.

use super::{date_of, due, Attempt, Card};
use crate::core::prompt::card::PracticeStat;
use crate::core::repetition::Day;
use std::collections::BTreeMap;

/// Per prompt attempted: last day, best percent, and whether one of its cards (the
/// prompt's own or an item's) is due `today`; by prompt id.
pub fn practice_stats(attempts: &[Attempt], cards: &[Card], today: Day) -> Vec<PracticeStat> {
    let mut by: BTreeMap<&str, (Day, u32)> = BTreeMap::new();
    for a in attempts {
        let entry = by.entry(&a.prompt_id).or_insert((a.day, 0));
        entry.0 = entry.0.max(a.day);
        entry.1 = entry.1.max(a.percent());
    }
    let due_now = due(cards, today);
    by.into_iter()
        .map(|(prompt, (last_day, best))| PracticeStat {
            prompt: prompt.to_string(),
            last_day,
            last: ago(last_day, today),
            best,
            due: due_now.iter().any(|c| c.prompt() == Some(prompt)),
        })
        .collect()
}

/// A past day as a card says it: "today", "yesterday", "N days ago" within a month,
/// else its date.
pub fn ago(day: Day, today: Day) -> String {
    match today - day {
        ..=0 => "today".into(),
        1 => "yesterday".into(),
        n @ 2..=30 => format!("{n} days ago"),
        _ => date_of(day),
    }
}
