//! The checker against its evaluation corpus (issue 12): boards drawn independently of
//! the checklists, five per prompt. Every board lands in the band its author expects,
//! and within each prompt the good designs outscore the half-done one, which
//! outscores the deep-but-narrow one, which outscores the keyword-stuffed adversary.
//! `cargo bench --bench checker_corpus` prints the same figures as a table.

use breadthfirst::core::check::{Category, Report};
use breadthfirst::core::prompt::catalog;
use corpus_cases::{cases, Case};
use std::collections::BTreeSet;

#[path = "bench/corpus_cases.rs"]
mod corpus_cases;

/// Fewest prompts with the full corpus (issue 12), and boards in a full set.
const PROMPTS: usize = 12;
const BOARDS: usize = 5;

/// The targets, whatever an author's band says.
const GOOD_AT_LEAST: u32 = 85;
const ADVERSARY_AT_MOST: u32 = 35;
const NARROW_COMPONENTS_AT_MOST: u32 = 50;

fn found(report: &Report, category: Option<Category>) -> u32 {
    report.coverage(category, &BTreeSet::new()).found_percent()
}

fn label(case: &Case) -> String {
    format!(
        "{}/{} ({}, {}%)",
        case.prompt,
        case.name,
        case.band,
        found(&case.report, None)
    )
}

#[test]
fn the_corpus_covers_enough_prompts_and_every_board_reads() {
    let (cases, problems) = cases();
    assert_eq!(problems, Vec::<String>::new());
    let mut prompts: Vec<&str> = cases.iter().map(|c| c.prompt.as_str()).collect();
    prompts.dedup();
    let full_sets = prompts
        .iter()
        .filter(|p| cases.iter().filter(|c| c.prompt == **p).count() == BOARDS)
        .count();
    assert!(full_sets >= PROMPTS, "{full_sets} prompts have a full set");
    for prompt in &prompts {
        let bands: BTreeSet<&str> = cases
            .iter()
            .filter(|c| c.prompt == *prompt)
            .map(|c| c.band.as_str())
            .collect();
        // A full set has every band; a prompt added later has a good and a narrow
        // board at least.
        let boards = cases.iter().filter(|c| c.prompt == *prompt).count();
        let needed: BTreeSet<&str> = if boards >= BOARDS {
            BTreeSet::from(["adversary", "good", "half", "narrow"])
        } else {
            BTreeSet::from(["good", "narrow"])
        };
        assert!(bands.is_superset(&needed), "{prompt}: {bands:?}");
    }
    // Every prompt in the catalog has boards.
    let uncovered: Vec<String> = catalog()
        .into_iter()
        .map(|p| p.id)
        .filter(|id| !prompts.contains(&id.as_str()))
        .collect();
    assert_eq!(uncovered, Vec::<String>::new(), "prompts without boards");
}

#[test]
fn every_board_lands_in_its_band_and_meets_the_targets() {
    let (cases, _) = cases();
    let mut outside = Vec::new();
    for case in &cases {
        let percent = found(&case.report, None);
        if !(case.min..=case.max).contains(&percent) {
            outside.push(format!("{} outside {}-{}", label(case), case.min, case.max));
        }
        let target = match case.band.as_str() {
            "good" => percent >= GOOD_AT_LEAST,
            "adversary" => percent <= ADVERSARY_AT_MOST,
            "narrow" => {
                found(&case.report, Some(Category::Components)) <= NARROW_COMPONENTS_AT_MOST
            }
            _ => true,
        };
        if !target {
            outside.push(format!("{} misses the issue's target", label(case)));
        }
    }
    assert!(outside.is_empty(), "{outside:#?}");
}

#[test]
fn in_every_prompt_good_beats_half_done_beats_narrow_beats_the_adversary() {
    let (cases, _) = cases();
    let mut wrong = Vec::new();
    let rank = |band: &str| match band {
        "good" => 3,
        "half" => 2,
        "narrow" => 1,
        _ => 0,
    };
    for a in &cases {
        for b in cases.iter().filter(|b| b.prompt == a.prompt) {
            let (ra, rb) = (rank(&a.band), rank(&b.band));
            let (fa, fb) = (found(&a.report, None), found(&b.report, None));
            if ra > rb && fa <= fb {
                wrong.push(format!("{} should beat {}", label(a), label(b)));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
