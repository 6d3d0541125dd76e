//! The Markdown debrief, written as a reflection: what was practised, how the time
//! went, what the checklist found with the evidence for each found item (so a false
//! pass can be spotted), and one section per item missed (what was asked, what the
//! board and notes said, quoted, what the interviewer expects at the chosen level,
//! and the gap), then the topics those misses point to. Written for the user's own
//! notes; it renders on GitHub, diagram included (Mermaid).
//!
//! Everything the user typed is escaped so it reads as text, never as markup.

use super::document::Record;
use super::mermaid::to_mermaid;
use crate::core::check::{Category, CheckItem, Report, Status};
use crate::core::diagram::{Board, ComponentKind, NoteField};
use crate::core::estimate::{assess, Verdict};
use crate::core::prompt::Prompt;
use crate::core::session::{Level, RequirementField, Session};
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
        worksheet(&mut out, d);
        timing(&mut out, s);
    }
    design(&mut out, board);
    curveball(&mut out, d);
    follow_ups(&mut out, d);
    if let Some(report) = d.report {
        checklist(&mut out, report, d.claims);
        struggles(&mut out, d, report);
    }
    out
}

/// The curveball the session asked, with the answer written down (an unanswered one is
/// also listed among the struggles).
fn curveball(out: &mut String, d: &Record) {
    let Some((ball, answer)) = asked_curveball(d) else {
        return;
    };
    let _ = writeln!(
        out,
        "## The curveball

{}

**My answer**

{}

**What a good answer considers**

{}
",
        quote(&ball.prompt),
        or_none(answer, "No answer written."),
        quote(&ball.why)
    );
}

/// The worksheet: each quantity as estimated against the prompt's reference (within
/// 2x right, within 10x off, beyond wrong; not estimated is wrong), then how each
/// reference is derived.
fn worksheet(out: &mut String, d: &Record) {
    let (Some(s), Some(p)) = (d.session, d.prompt) else {
        return;
    };
    if p.estimates.is_empty() {
        return;
    }
    out.push_str("## Estimates\n\n| Quantity | My estimate | Reference | Verdict |\n| --- | --- | --- | --- |\n");
    // A table cell is one line.
    let cell = |t: &str| text(&t.replace(['\n', '\r'], " "));
    for e in &p.estimates {
        let written = s.estimate(&e.id).trim();
        let asked = if written.is_empty() {
            &e.reference
        } else {
            written
        };
        let a = assess(asked, Some(&e.reference));
        let (mine, verdict) = if written.is_empty() {
            ("not estimated".to_string(), "Wrong".to_string())
        } else {
            let mine = match &a.value {
                Ok(value) => format!("{} = {}", cell(written), cell(value)),
                Err(why) => format!("{} ({})", cell(written), cell(why)),
            };
            let verdict = match &a.comparison {
                Some(Ok((v, far))) => format!("{} ({far})", verdict_name(*v)),
                Some(Err(why)) => format!("Wrong ({})", cell(why)),
                None => "Wrong".to_string(),
            };
            (mine, verdict)
        };
        let reference = a
            .reference
            .as_deref()
            .map_or_else(|| cell(&e.reference), cell);
        let _ = writeln!(
            out,
            "| {} | {mine} | {reference} | {verdict} |",
            cell(&e.quantity)
        );
    }
    out.push('\n');
    for e in &p.estimates {
        let _ = writeln!(out, "- **{}**: {}", text(&e.quantity), text(&e.derivation));
    }
    out.push('\n');
}

fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Right => "Right",
        Verdict::Off => "Off",
        Verdict::Wrong => "Wrong",
    }
}

/// The follow-up questions asked, each with the answer written and a strong answer.
fn follow_ups(out: &mut String, d: &Record) {
    let (Some(s), Some(p)) = (d.session, d.prompt) else {
        return;
    };
    if s.follow_ups().is_empty() {
        return;
    }
    out.push_str("## Follow-up questions\n\n");
    for asked in s.follow_ups() {
        let Some(f) = p.follow_ups.get(asked.index) else {
            continue;
        };
        let _ = writeln!(
            out,
            "### In {}\n\n{}\n\n**My answer**\n\n{}\n\n**A strong answer**\n\n{}\n",
            asked.phase.name(),
            quote(&f.question),
            or_none(&asked.answer, "No answer written."),
            quote(&f.answer)
        );
    }
}

/// The curveball shown in the session, with the user's answer.
fn asked_curveball<'a>(d: &Record<'a>) -> Option<(&'a crate::core::prompt::Curveball, &'a str)> {
    let (s, p) = d.session.zip(d.prompt)?;
    let state = s.curveball().filter(|c| c.shown)?;
    Some((p.curveballs.get(state.index)?, state.answer.as_str()))
}

/// The level the debrief holds the board to: the session's, or senior in free practice.
fn level(d: &Record) -> Level {
    d.session.map_or(Level::L5, |s| s.plan.level)
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
    let parts = board.parts_only();
    let _ = writeln!(
        out,
        "## The design\n\n{} components, {} arrows.\n\n```mermaid\n{}```\n",
        parts.components().len(),
        parts.arrows().len(),
        to_mermaid(board)
    );
    for c in parts.components() {
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
    annotations(out, board);
}

/// Frames as groups (with the parts wholly inside them) and the free text and sticky
/// notes, in sections of their own: they are not parts of the design.
fn annotations(out: &mut String, board: &Board) {
    let (mut groups, mut notes) = (String::new(), String::new());
    for c in board.components() {
        match c.kind {
            ComponentKind::Frame => {
                let inside: Vec<String> = board
                    .components()
                    .iter()
                    .filter(|p| p.kind.is_part() && c.rect.contains_rect(&p.rect))
                    .map(|p| text(&p.label))
                    .collect();
                let inside = if inside.is_empty() {
                    "nothing inside".into()
                } else {
                    inside.join(", ")
                };
                let _ = writeln!(groups, "- **{}**: {inside}", text(&c.label));
            }
            ComponentKind::Text | ComponentKind::Sticky => {
                let _ = writeln!(notes, "- {}", inline(&c.label));
            }
            _ => {}
        }
    }
    for (title, list) in [
        ("Groups on the board", groups),
        ("Notes on the board", notes),
    ] {
        if !list.is_empty() {
            let _ = writeln!(out, "## {title}\n\n{list}");
        }
    }
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
    out.push_str(
        "\nDesign hygiene is listed with the rest but left out of the percentage: its rules \
         catch mistakes, and a small board makes none of them.\n\n",
    );
    for (status, heading) in [
        (Status::Covered, "Found on the board, with the evidence"),
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
            // Found items show what satisfied them; the others why they matter.
            let said = if status == Status::Covered {
                &i.detail
            } else {
                &i.why
            };
            let _ = writeln!(
                out,
                "- **{}** ({}): {}",
                text(&i.title),
                i.category.name(),
                text(said)
            );
        }
        out.push('\n');
    }
}

/// One section per missed prompt item (and the curveball if it went unanswered), then
/// the topics they point to.
fn struggles(out: &mut String, d: &Record, report: &Report) {
    let missed: Vec<&CheckItem> = report
        .items
        .iter()
        .filter(|i| !i.advice && i.category != Category::Hygiene)
        .filter(|i| Report::status(i, d.claims) == Status::Missed)
        .collect();
    let unanswered = asked_curveball(d).filter(|(_, answer)| answer.trim().is_empty());
    if missed.is_empty() && unanswered.is_none() {
        return;
    }
    let level = level(d);
    out.push_str(
        "## Questions I struggled with

",
    );
    if let Some(p) = d.prompt {
        let _ = writeln!(
            out,
            "What an interviewer expects at {level:?}:\n\n{}\n",
            quote(expectation(p, level))
        );
    }
    let mut n = 0;
    let mut topics: Vec<String> = Vec::new();
    if let Some((ball, _)) = unanswered {
        n += 1;
        section(
            out,
            n,
            &ball.prompt,
            "No answer written.".into(),
            &quote(&ball.why),
        );
    }
    for item in missed {
        n += 1;
        let (should, item_topics) = advice(item, d.prompt);
        let asked = match item.category {
            Category::Components => format!("Where is the {} in this design?", item.title),
            Category::Flows => format!("Walk me through this flow: {}.", item.title),
            Category::Depth => format!("Go deep on this: {}.", item.title),
            _ => item.title.clone(),
        };
        section(out, n, &asked, text(&item.detail), &should);
        for topic in item_topics {
            if !topics.contains(&topic) {
                topics.push(topic);
            }
        }
    }
    if !topics.is_empty() {
        out.push_str(
            "## Topics to review

",
        );
        for topic in topics {
            let _ = writeln!(out, "- {}", text(&topic));
        }
        out.push('\n');
    }
}

/// What a prompt expects at a level.
fn expectation(p: &Prompt, level: Level) -> &str {
    match level {
        Level::L4 => &p.expectations.l4,
        Level::L5 => &p.expectations.l5,
        Level::L6 => &p.expectations.l6,
    }
}

fn section(out: &mut String, n: usize, asked: &str, said: String, should: &str) {
    let _ = writeln!(
        out,
        "### {n}. {}\n\n**What was asked**\n\n{}\n\n**What my board and notes said**\n\n\
         {said}\n\n**What the interviewer expects**\n\n{should}\n",
        text(asked),
        quote(asked),
    );
}

/// What a good answer to a missed item says, and the concepts it draws on (the
/// remedies a failure wants, the component, the flow, the deep dive's topic: never
/// the prompt's tags).
fn advice(item: &CheckItem, prompt: Option<&Prompt>) -> (String, Vec<String>) {
    let why = quote(&item.why);
    let index = |prefix: &str| {
        item.key
            .strip_prefix(prefix)
            .and_then(|i| i.parse::<usize>().ok())
    };
    let Some(p) = prompt else {
        return (why, vec![item.title.clone()]);
    };
    if let Some(f) = index("failure:").and_then(|i| p.failure_modes.get(i)) {
        let remedies = f.mitigations.join(", ");
        return (
            format!(
                "{why}\n\nName a remedy in the failure note of the component, or of the part that \
                 calls it: {}.",
                text(&remedies)
            ),
            f.mitigations.clone(),
        );
    }
    let component = item.key.strip_prefix("component:");
    if let Some(c) = p
        .components
        .iter()
        .find(|c| Some(c.id.as_str()) == component)
    {
        let kinds: Vec<&str> = c
            .kinds
            .iter()
            .filter_map(|k| ComponentKind::from_id(k))
            .map(|k| -> &str { k.display_name() })
            .collect();
        let topic = if kinds.is_empty() {
            c.name.clone()
        } else {
            format!("{} ({})", c.name, kinds.join(" or "))
        };
        return (why, vec![topic]);
    }
    if let Some(dive) = index("depth:dive-").and_then(|i| p.deep_dives.get(i)) {
        return (why, vec![dive.topic.clone()]);
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
            vec![flow.name.clone()],
        );
    }
    (why, vec![item.title.clone()])
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
pub(crate) fn quote(s: &str) -> String {
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
