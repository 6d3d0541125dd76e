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
use crate::core::diagram::Board;
use crate::core::export::svg::{draw, Style};
use crate::core::session::Session;
use std::collections::BTreeSet;
use std::fmt::Write;

pub use crate::core::diagram::escape_markup as escape;

/// The breadth map beside the final board: `map` is the board when Breadth ended,
/// `board` the board now, drawn with what came only after breadth ringed. Hooks:
/// `data-testid="breadth-map"` and `"final-board"` on the two figures.
pub fn breadth_html(map: &Board, board: &Board) -> String {
    let added: Vec<String> = board
        .components()
        .iter()
        .filter(|c| map.component(c.id).is_none())
        .map(|c| escape(&c.label))
        .collect();
    let mut out = String::from(
        "<section class=\"breadth-compare\"><h3 class=\"check-group\">Breadth map and final board</h3><div class=\"breadth-pair\">",
    );
    figure(&mut out, "breadth-map", "When Breadth ended", map, None);
    figure(&mut out, "final-board", "At the end", board, Some(map));
    out.push_str("</div><p class=\"hint\">");
    if added.is_empty() {
        out.push_str("Nothing was added after the breadth map.");
    } else {
        let _ = write!(
            out,
            "Added only after breadth (ringed): {}.",
            added.join(", ")
        );
    }
    out.push_str("</p></section>");
    out
}

/// "1 arrow", "3 arrows".
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

fn figure(out: &mut String, id: &str, title: &str, board: &Board, since: Option<&Board>) {
    let _ = write!(
        out,
        "<figure data-testid=\"{id}\"><figcaption>{title}: {}, {}</figcaption>",
        count(board.components().len(), "component"),
        count(board.arrows().len(), "arrow")
    );
    if board.is_empty() {
        out.push_str("<p class=\"hint\">The board was empty.</p>");
    } else {
        let style = Style {
            ids: id,
            since,
            ..Style::default()
        };
        out.push_str(&draw(board, &style));
    }
    out.push_str("</figure>");
}

/// Planned against actual minutes per phase, and the depth attempts refused while
/// mapping breadth.
pub fn timing_html(session: &Session) -> String {
    let mut out = String::from(
        "<section class=\"timing-summary\" aria-label=\"Timing\"><h3 class=\"check-group\">Timing</h3>\
         <table class=\"timing\"><thead><tr><th>Phase</th><th>Planned (min)</th><th>Actual (min)</th></tr></thead><tbody>",
    );
    for (phase, planned, actual) in session.timings() {
        let _ = write!(
            out,
            "<tr><td>{phase}</td><td>{planned}</td><td>{actual}</td></tr>"
        );
    }
    let _ = write!(
        out,
        "</tbody></table><p class=\"hint\">Depth attempts refused during breadth: {}</p></section>",
        session.depth_refusals()
    );
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
