//! The Markdown debrief: what was practised, how the time went, what the checklist
//! found, and one section per question the user struggled with (what was asked,
//! what they said, what they should have said, what to review). Written for the
//! user's own notes; it renders on GitHub, diagram included (Mermaid).
//!
//! Everything the user typed is escaped so it reads as text, never as markup.

use super::document::Record;
use super::mermaid::to_mermaid;
use crate::core::check::{Category, CheckItem, Report, Status};
use crate::core::diagram::{Board, ComponentKind, NoteField};
use crate::core::prompt::Prompt;
use crate::core::session::{RequirementField, Session};
use std::collections::BTreeSet;
use std::fmt::Write;

/// The debrief of practice on `board`, as Markdown text.
pub fn debrief(board: &Board, d: &Record) -> String {
    let mut out = String::new();
    let title = d.prompt.map_or("Free drawing", |p| p.title.as_str());
    let _ = writeln!(out, "# Debrief: {}\n", text(title));
    let mode = match d.session {
        Some(s) => format!(
            "{}-minute timed session, {:?}",
            s.plan.total_minutes, s.plan.level
        ),
        None => "free practice".to_string(),
    };
    let _ = writeln!(out, "{} · {mode}\n", text(d.date));
    if let Some(p) = d.prompt {
        let _ = writeln!(out, "## The prompt\n\n{}\n", quote(&p.statement));
    }
    if let Some(s) = d.session {
        requirements(&mut out, s);
        timing(&mut out, s);
    }
    design(&mut out, board);
    if let Some(report) = d.report {
        checklist(&mut out, report, d.claims);
        struggles(&mut out, d, report);
    }
    out
}

fn requirements(out: &mut String, s: &Session) {
    out.push_str("## Requirements I settled on\n\n");
    for field in RequirementField::ALL {
        let note = s.requirements().get(field);
        let _ = writeln!(out, "**{}**\n", field.name());
        let _ = writeln!(out, "{}\n", or_none(note, "Not written down."));
    }
}

fn timing(out: &mut String, s: &Session) {
    out.push_str("## Timing\n\n| Phase | Planned (min) | Actual (min) |\n| --- | ---: | ---: |\n");
    for (phase, planned, actual) in s.timings() {
        let _ = writeln!(out, "| {phase} | {planned} | {actual} |");
    }
    let _ = writeln!(
        out,
        "\nDepth attempts refused during breadth: {}\n",
        s.depth_refusals()
    );
}

fn design(out: &mut String, board: &Board) {
    let _ = writeln!(
        out,
        "## The design\n\n{} components, {} arrows.\n\n```mermaid\n{}```\n",
        board.components().len(),
        board.arrows().len(),
        to_mermaid(board)
    );
    for c in board.components() {
        let _ = writeln!(out, "- **{}** ({})", text(&c.label), c.kind.display_name());
        for (field, name) in [
            (NoteField::Details, "Details"),
            (NoteField::Failure, "When it fails"),
        ] {
            let note = c.note(field);
            if !note.is_empty() {
                let _ = writeln!(out, "  - {name}: {}", inline(note));
            }
        }
    }
    out.push('\n');
}

fn checklist(out: &mut String, report: &Report, claims: &BTreeSet<String>) {
    let all = report.coverage(None, claims);
    let _ = writeln!(
        out,
        "## Checklist\n\n**{}%** found on the board, {}% claimed out loud (counted apart).\n\n\
         | Category | Found | Claimed | Items |\n| --- | ---: | ---: | ---: |",
        all.found_percent(),
        all.claimed_percent()
    );
    for category in Category::ALL {
        let c = report.coverage(Some(category), claims);
        if c.total > 0 {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                category.name(),
                c.found,
                c.claimed,
                c.total
            );
        }
    }
    out.push('\n');
    for (status, heading) in [
        (Status::Missed, "Missed"),
        (Status::SelfClaimed, "Claimed out loud, not on the board"),
    ] {
        let items: Vec<&CheckItem> = report
            .items
            .iter()
            .filter(|i| !i.advice && Report::status(i, claims) == status)
            .collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {heading}\n");
        for i in items {
            let _ = writeln!(
                out,
                "- **{}** ({}): {}",
                text(&i.title),
                i.category.name(),
                text(&i.why)
            );
        }
        out.push('\n');
    }
}

/// One section per missed prompt item, and the curveball if one was asked.
fn struggles(out: &mut String, d: &Record, report: &Report) {
    let missed: Vec<&CheckItem> = report
        .items
        .iter()
        .filter(|i| i.category != Category::Hygiene)
        .filter(|i| Report::status(i, d.claims) == Status::Missed)
        .collect();
    let curveball = d.session.zip(d.prompt).and_then(|(s, p)| {
        let state = s.curveball().filter(|c| c.shown)?;
        Some((p.curveballs.get(state.index)?, state.answer.as_str()))
    });
    if missed.is_empty() && curveball.is_none() {
        return;
    }
    out.push_str("## Questions I struggled with\n\n");
    let mut n = 0;
    if let Some((ball, answer)) = curveball {
        n += 1;
        let topics = d.prompt.map(|p| p.tags.join(", ")).unwrap_or_default();
        section(
            out,
            n,
            &ball.prompt,
            or_none(answer, "No answer written."),
            &quote(&ball.why),
            &topics,
        );
    }
    for item in missed {
        n += 1;
        let (should, topics) = advice(item, d.prompt);
        let asked = match item.category {
            Category::Components => format!("Where is the {} in this design?", item.title),
            Category::Flows => format!("Walk me through this flow: {}.", item.title),
            Category::Depth => format!("Go deep on this: {}.", item.title),
            _ => item.title.clone(),
        };
        section(
            out,
            n,
            &asked,
            "Not on the board, and not claimed as said out loud.".into(),
            &should,
            &topics,
        );
    }
}

fn section(out: &mut String, n: usize, asked: &str, said: String, should: &str, topics: &str) {
    let _ = writeln!(
        out,
        "### {n}. {}\n\n**What was asked**\n\n{}\n\n**What I said**\n\n{said}\n\n\
         **What I should have said**\n\n{should}\n\n**Topics to review:** {}\n",
        text(asked),
        quote(asked),
        text(topics)
    );
}

/// What a good answer to a missed item says, and the topics it draws on.
fn advice(item: &CheckItem, prompt: Option<&Prompt>) -> (String, String) {
    let why = quote(&item.why);
    let index = |prefix: &str| {
        item.key
            .strip_prefix(prefix)
            .and_then(|i| i.parse::<usize>().ok())
    };
    let Some(p) = prompt else {
        return (why, text(&item.title));
    };
    if let Some(f) = index("failure:").and_then(|i| p.failure_modes.get(i)) {
        let remedies = f.mitigations.join(", ");
        return (
            format!(
                "{why}\n\nName a remedy on the component: {}.",
                text(&remedies)
            ),
            remedies,
        );
    }
    let component = item.key.strip_prefix("component:");
    if let Some(c) = p
        .components
        .iter()
        .find(|c| Some(c.id.as_str()) == component)
    {
        let mut topics: Vec<&str> = c.synonyms.iter().map(String::as_str).collect();
        topics.extend(
            c.kinds
                .iter()
                .filter_map(|k| ComponentKind::from_id(k))
                .map(|k| -> &str { k.display_name() }),
        );
        return (why, topics.join(", "));
    }
    if let Some(dive) = index("depth:dive-").and_then(|i| p.deep_dives.get(i)) {
        return (why, dive.topic.clone());
    }
    if let Some(flow) = index("flow:").and_then(|i| p.flows.get(i)) {
        let names: Vec<&str> = flow
            .path
            .iter()
            .map(|id| {
                p.components
                    .iter()
                    .find(|c| &c.id == id)
                    .map_or(id.as_str(), |c| c.name.as_str())
            })
            .collect();
        return (
            format!("{why}\n\nDraw the path: {}.", text(&names.join(" → "))),
            flow.name.clone(),
        );
    }
    (why, item.title.clone())
}

/// `note`, quoted, or `none` when it is empty.
fn or_none(note: &str, none: &str) -> String {
    if note.trim().is_empty() {
        none.to_string()
    } else {
        quote(note)
    }
}

/// Text as a block quote, line by line.
fn quote(s: &str) -> String {
    s.lines()
        .map(|line| format!("> {}", text(line)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text on one line (line breaks become " / ").
fn inline(s: &str) -> String {
    text(&s.lines().collect::<Vec<_>>().join(" / "))
}

/// User text as literal Markdown: characters that could start markup are escaped, so
/// `<script>`, `*bold*`, `|` or `[link](x)` read as typed.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, ch) in s.chars().enumerate() {
        let special = matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '!'
        );
        // A list marker only counts at the start of a line.
        if special || (i == 0 && matches!(ch, '-' | '+')) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}
