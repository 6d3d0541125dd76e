//! The real-interview journal as Markdown: one section per entry, newest first, in
//! the debrief's order. Everything typed is escaped (see [`super::markdown::text`]).

use super::markdown::{quote, text};
use crate::core::history::JournalEntry;
use std::fmt::Write;

/// The journal as a Markdown document.
pub fn journal_markdown(entries: &[JournalEntry]) -> String {
    let mut out = String::from("# Interview journal\n");
    let mut sorted: Vec<&JournalEntry> = entries.iter().collect();
    sorted.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.id.cmp(&a.id)));
    for e in sorted {
        let _ = writeln!(out, "\n## {}\n", text(&e.title()));
        if let Some(d) = e.diagnosis {
            let _ = writeln!(out, "**Diagnosis:** {}\n", d.name());
        }
        section(&mut out, "Handled well", &e.went_well);
        for (i, s) in e.struggles.iter().enumerate() {
            let _ = writeln!(out, "### Struggled with, {}\n", i + 1);
            section(&mut out, "What was asked", &s.asked);
            section(&mut out, "What I said", &s.said);
            section(&mut out, "What I should have said", &s.should_have);
            let topics = s.topic_list();
            if !topics.is_empty() {
                let _ = writeln!(out, "**Topics to review**\n");
                for t in topics {
                    let _ = writeln!(out, "- {}", text(&t));
                }
                out.push('\n');
            }
        }
        section(&mut out, "Process and communication", &e.process);
    }
    out
}

fn section(out: &mut String, heading: &str, body: &str) {
    if body.trim().is_empty() {
        return;
    }
    let _ = writeln!(out, "**{heading}**\n\n{}\n", quote(body.trim()));
}
