//! The checker against the evaluation corpus (`tests/checker_corpus/<prompt>/*.json`):
//! boards drawn independently of the checklists, each with the band its author
//! expects. Prints, per prompt, each board's found-on-board percent and per-category
//! figures against its band, then the summary: lowest good design, highest adversary,
//! bands met, and the items good designs were marked as missing.
//!
//! Run with `cargo bench --bench checker_corpus` (or `./dev.sh bench`).

use breadthfirst::core::check::{Category, Report, Status};
use corpus_cases::{cases, Case};
use std::collections::BTreeSet;

mod corpus_cases;

fn main() {
    let (cases, problems) = cases();
    for problem in &problems {
        println!("{problem}: skipped");
    }
    if cases.is_empty() {
        println!("no corpus boards under tests/checker_corpus");
        return;
    }
    print_table(&cases);
    print_summary(&cases);
}

fn found(report: &Report, category: Option<Category>) -> (u32, String) {
    let c = report.coverage(category, &BTreeSet::new());
    (c.found_percent(), format!("{}/{}", c.found, c.total))
}

fn print_table(cases: &[Case]) {
    let mut last = "";
    for case in cases {
        if case.prompt != last {
            last = &case.prompt;
            println!("\n{last}");
            println!(
                "  {:<14} {:<10} {:>9} {:>6}  {:>6} {:>6} {:>6} {:>6} {:>7}",
                "board", "band", "expected", "found", "comps", "flows", "depth", "fail", "hygiene"
            );
        }
        let (percent, _) = found(&case.report, None);
        let per = |c| found(&case.report, Some(c)).1;
        let verdict = if (case.min..=case.max).contains(&percent) {
            ""
        } else {
            "  <- outside its band"
        };
        println!(
            "  {:<14} {:<10} {:>9} {:>5}%  {:>6} {:>6} {:>6} {:>6} {:>7}{verdict}",
            case.name,
            case.band,
            format!("{}-{}", case.min, case.max),
            percent,
            per(Category::Components),
            per(Category::Flows),
            per(Category::Depth),
            per(Category::Failure),
            per(Category::Hygiene),
        );
    }
}

fn print_summary(cases: &[Case]) {
    let percent = |c: &Case| found(&c.report, None).0;
    let label = |c: &Case| format!("{}% ({}/{})", percent(c), c.prompt, c.name);
    let good: Vec<&Case> = cases.iter().filter(|c| c.band == "good").collect();
    let adversaries: Vec<&Case> = cases.iter().filter(|c| c.band == "adversary").collect();
    println!();
    if let Some(low) = good.iter().min_by_key(|c| percent(c)) {
        println!("lowest good design:  {}", label(low));
    }
    if let Some(high) = adversaries.iter().max_by_key(|c| percent(c)) {
        println!("highest adversary:   {}", label(high));
    }
    let met = cases
        .iter()
        .filter(|c| (c.min..=c.max).contains(&percent(c)))
        .count();
    println!("boards within their band: {met} of {}", cases.len());
    let missed: Vec<String> = good
        .iter()
        .flat_map(|c| {
            c.report
                .items
                .iter()
                .filter(|i| {
                    !i.advice
                        && i.category != Category::Hygiene
                        && Report::status(i, &BTreeSet::new()) == Status::Missed
                })
                .map(move |i| {
                    format!(
                        "{}/{}: {} ({}): {}",
                        c.prompt, c.name, i.key, i.title, i.detail
                    )
                })
        })
        .collect();
    println!(
        "items marked missing on good designs (false negatives unless the board lacks them): {}",
        missed.len()
    );
    for m in &missed {
        println!("  {m}");
    }
}
