//! The report as HTML text, for the review panel. A report is a read-only document
//! with a few buttons; writing it as text (every user string escaped) and handling
//! its clicks in one delegated listener keeps per-element view code, and its bytes,
//! out of the app.
//!
//! Hooks: `data-testid="coverage"` holds the percent found; each item is
//! `data-testid="check-item"` with `data-status` and `data-category`; a button with
//! `data-show="1,4"` highlights those components; a checkbox with `data-claim="key"`
//! claims an item as covered out loud.

use super::{Category, CheckItem, Report, Status};
use crate::core::diagram::{Board, ComponentId};
use std::collections::BTreeSet;
use std::fmt::Write;

pub use crate::core::diagram::escape_markup as escape;

/// What came only after the breadth map: the components on `board` that were not
/// among `map` when Breadth ended.
pub fn breadth_html(board: &Board, map: &[ComponentId]) -> String {
    let added: Vec<String> = board
        .components()
        .iter()
        .filter(|c| !map.contains(&c.id))
        .map(|c| escape(&c.label))
        .collect();
    let mut out = format!(
        "<p class=\"hint breadth-compare\">Breadth map: {} components. ",
        map.len()
    );
    if added.is_empty() {
        out.push_str("Nothing was added after it.</p>");
    } else {
        let _ = write!(out, "Added only after breadth: {}.</p>", added.join(", "));
    }
    out
}

/// The panel's body: overall coverage, then each category's items.
pub fn report_html(report: &Report, claims: &BTreeSet<String>) -> String {
    let overall = report.coverage(None, claims);
    let mut out = String::new();
    let _ = write!(
        out,
        "<p class=\"coverage\" data-testid=\"coverage\"><strong>{}%</strong> found on the board",
        overall.found_percent()
    );
    if overall.claimed > 0 {
        let _ = write!(out, " · {}% claimed out loud", overall.claimed_percent());
    }
    out.push_str("</p>");
    for category in Category::ALL {
        let items: Vec<&CheckItem> = report
            .items
            .iter()
            .filter(|i| i.category == category)
            .collect();
        if items.is_empty() {
            continue;
        }
        let c = report.coverage(Some(category), claims);
        let _ = write!(
            out,
            "<h3 class=\"check-group\">{}<span class=\"count\">{}/{}</span></h3><ul class=\"check-list\">",
            category.name(),
            c.found,
            c.total
        );
        for item in items {
            item_html(&mut out, item, Report::status(item, claims));
        }
        out.push_str("</ul>");
    }
    out
}

fn item_html(out: &mut String, item: &CheckItem, status: Status) {
    let mark = match status {
        Status::Covered => "✓",
        Status::SelfClaimed => "◐",
        Status::Missed => "✗",
    };
    let _ = write!(
        out,
        "<li data-testid=\"check-item\" data-status=\"{s}\" data-category=\"{c}\" class=\"check-item {s}{a}\">\
         <span class=\"check-mark\" aria-hidden=\"true\">{mark}</span><div>",
        s = status.id(),
        c = item.category.id(),
        a = if item.advice { " advice" } else { "" },
    );
    let title = escape(&item.title);
    if item.components.is_empty() {
        let _ = write!(out, "<span class=\"check-title\">{title}</span>");
    } else {
        let ids: Vec<String> = item.components.iter().map(|id| id.to_string()).collect();
        let _ = write!(
            out,
            "<button type=\"button\" class=\"link check-title\" title=\"Show on the board\" data-show=\"{}\">{title}</button>",
            ids.join(",")
        );
    }
    let _ = write!(
        out,
        "<p class=\"hint\">{}</p><p class=\"check-detail\">{}</p>",
        escape(&item.why),
        escape(&item.detail)
    );
    if !item.found && item.category != Category::Hygiene {
        let _ = write!(
            out,
            "<label class=\"check-row\"><input type=\"checkbox\" data-claim=\"{}\"{}> I covered this out loud</label>",
            escape(&item.key),
            if status == Status::SelfClaimed { " checked" } else { "" }
        );
    }
    out.push_str("</div></li>");
}
