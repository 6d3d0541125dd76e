//! The library's cards and the prompt panel as HTML text. They are read-only
//! documents with a few buttons, so the app shows them as text (every prompt string
//! escaped) and handles their buttons with one delegated listener: per-element view
//! code would cost several kilobytes of the first load.
//!
//! Hooks: each card is `data-testid="prompt-card"` with `data-prompt="<id>"`; its
//! buttons carry `data-start` / `data-free` with the id; a clarification's "Reveal
//! answer" button carries `data-reveal` and is followed by its hidden answer.

use super::{ClarificationKind, Difficulty, Prompt};
use crate::core::diagram::escape_markup as escape;
use crate::core::session::{Level, SessionPlan, LENGTHS};
use std::fmt::Write;

/// The difficulty as shown.
pub fn difficulty_name(d: Difficulty) -> &'static str {
    match d {
        Difficulty::Easy => "Easy",
        Difficulty::Medium => "Medium",
        Difficulty::Hard => "Hard",
    }
}

/// Whether a prompt matches a filter text (title, tags, difficulty or statement).
pub fn matches(p: &Prompt, filter: &str) -> bool {
    // ASCII folding: prompts are English, and Unicode case tables cost kilobytes.
    let filter = filter.trim().to_ascii_lowercase();
    filter.is_empty()
        || p.title.to_ascii_lowercase().contains(&filter)
        || p.tags
            .iter()
            .any(|t| t.to_ascii_lowercase().contains(&filter))
        || difficulty_name(p.difficulty).eq_ignore_ascii_case(&filter)
        || p.statement.to_ascii_lowercase().contains(&filter)
}

/// The cards of the prompts matching `filter`, or a line saying none does.
pub fn cards_html(prompts: &[Prompt], filter: &str) -> String {
    let mut out = String::from("<ul class=\"prompt-list\">");
    let mut any = false;
    for p in prompts.iter().filter(|p| matches(p, filter)) {
        any = true;
        let id = escape(&p.id);
        let _ = write!(
            out,
            "<li data-testid=\"prompt-card\" class=\"prompt-card\" data-prompt=\"{id}\"><h3>{}</h3>\
             <p class=\"meta\"><span class=\"badge\">{}</span>{}</p><p class=\"preview\">{}</p>\
             <div class=\"card-actions\"><button type=\"button\" data-start=\"{id}\">Start session</button>\
             <button type=\"button\" class=\"secondary\" data-free=\"{id}\">Free practice</button></div></li>",
            escape(&p.title),
            difficulty_name(p.difficulty),
            escape(&p.tags.join(" · ")),
            escape(&p.statement),
        );
    }
    out.push_str("</ul>");
    if !any {
        out.push_str("<p class=\"hint\">No prompt matches that filter.</p>");
    }
    out
}

/// The prompt being practised: title, statement, and the clarifying questions with
/// their answers hidden until revealed.
pub fn panel_html(p: &Prompt) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<h2 class=\"prompt-title\">{}</h2><p class=\"statement\">{}</p>\
         <details><summary>Clarifying questions ({})</summary><ol class=\"clarifications\">",
        escape(&p.title),
        escape(&p.statement),
        p.clarifications.len()
    );
    for c in &p.clarifications {
        let kind = match c.kind {
            ClarificationKind::Functional => "Functional",
            ClarificationKind::NonFunctional => "Non-functional",
            ClarificationKind::Scale => "Scale",
        };
        let _ = write!(
            out,
            "<li><span class=\"row-kind\">{kind}</span> {}\
             <button type=\"button\" class=\"link\" data-reveal>Reveal answer</button>\
             <p class=\"answer\" hidden>{}</p></li>",
            escape(&c.question),
            escape(&c.answer)
        );
    }
    out.push_str("</ol></details>");
    out
}

/// What the interviewer expects: at `level`, open, or (`None`) at every level, folded.
pub fn expectations_html(p: &Prompt, level: Option<Level>) -> String {
    let e = &p.expectations;
    let mut out = format!(
        "<details class=\"expectations\"{}><summary>What the interviewer expects</summary><ul>",
        if level.is_some() { " open" } else { "" }
    );
    for (l, text) in [(Level::L4, &e.l4), (Level::L5, &e.l5), (Level::L6, &e.l6)] {
        if level.is_none_or(|shown| shown == l) {
            let _ = write!(out, "<li><strong>{l:?}: </strong>{}</li>", escape(text));
        }
    }
    out.push_str("</ul></details>");
    out
}

/// The session settings (length, level, breadth minutes) as three selects showing
/// `plan`. Read back with [`plan_from_form`].
pub fn settings_html(plan: &SessionPlan) -> String {
    let mut out = String::new();
    let select =
        |out: &mut String, label: &str, name: &str, options: &[(String, String)], chosen: &str| {
            let _ = write!(out, "<label>{label} <select aria-label=\"{name}\">");
            for (value, text) in options {
                let selected = if value == chosen { " selected" } else { "" };
                let _ = write!(out, "<option value=\"{value}\"{selected}>{text}</option>");
            }
            out.push_str("</select></label>");
        };
    let minutes = |m: &u32| (m.to_string(), format!("{m} min"));
    let lengths: Vec<_> = LENGTHS.iter().map(minutes).collect();
    select(
        &mut out,
        "Length",
        "Session length",
        &lengths,
        &plan.total_minutes.to_string(),
    );
    let levels: Vec<_> = [
        ("L4", "L4 (mid-level)"),
        ("L5", "L5 (senior)"),
        ("L6", "L6 (staff)"),
    ]
    .iter()
    .map(|(v, t)| (v.to_string(), t.to_string()))
    .collect();
    select(
        &mut out,
        "Level",
        "Level",
        &levels,
        &format!("{:?}", plan.level),
    );
    let breadths: Vec<_> = [8, 9, 10].iter().map(minutes).collect();
    select(
        &mut out,
        "Breadth",
        "Breadth minutes",
        &breadths,
        &plan.breadth_minutes.to_string(),
    );
    out
}

/// The plan the settings' values describe (clamped by [`SessionPlan::new`]).
pub fn plan_from_form(length: &str, level: &str, breadth: &str) -> SessionPlan {
    let level = match level {
        "L4" => Level::L4,
        "L6" => Level::L6,
        _ => Level::L5,
    };
    SessionPlan::new(
        length.parse().unwrap_or(45),
        level,
        breadth.parse().unwrap_or(9),
    )
}
