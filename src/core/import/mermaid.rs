//! A Mermaid flowchart (`flowchart`/`graph`, any direction) read into a draft board:
//! from a `.mmd` file, pasted text, or the first ```` ```mermaid ```` block of a
//! Markdown file. Nodes become components (a cylinder is a store), links become
//! arrows; subgraphs, invisible links and styling lines are counted as left out, and
//! the nodes are laid out in layers along the flowchart's direction. Comments (`%%`)
//! and front matter (`---` … `---`) are skipped. Errors name the line and column in
//! the file.

use super::cursor::Link;
use super::draft::Draft;
use super::flowchart::Flowchart;
use super::layout::{layered, Direction};
use super::report::Omission;
use super::ImportError;
use crate::core::check::Vocabulary;
use crate::core::diagram::{fit_size, Board, ComponentKind, Size};

/// Whether `text` starts (after comments and front matter) like a flowchart.
pub(super) fn looks_like_mermaid(text: &str) -> bool {
    statements(text, 1)
        .next()
        .is_some_and(|(_, line)| header(line).is_some())
}

/// Reads a flowchart; `markdown`: from the file's first ```` ```mermaid ```` block.
pub(super) fn read(
    text: &str,
    markdown: bool,
    vocabulary: &Vocabulary,
) -> Result<Draft, ImportError> {
    let (body, first_line) = if markdown {
        fenced_block(text).ok_or_else(|| ImportError::NotMermaid {
            reason: "the Markdown file has no ```mermaid block".into(),
        })?
    } else {
        (text, 1)
    };
    let mut lines = statements(body, first_line);
    let Some((number, first)) = lines.next() else {
        return Err(ImportError::NotMermaid {
            reason: "it is empty".into(),
        });
    };
    let Some((direction, rest)) = header(first) else {
        let word: String = first
            .split_whitespace()
            .next()
            .unwrap_or("")
            .chars()
            .take(30)
            .collect();
        return Err(ImportError::NotMermaid {
            reason: format!(
                "line {number} starts with \"{word}\"; only flowcharts (\"flowchart\" or \"graph\") are read"
            ),
        });
    };
    let direction = direction.map_err(|column| ImportError::Mermaid {
        line: number,
        column,
        reason: "the direction must be TB, TD, BT, LR or RL".into(),
    })?;
    let mut chart = Flowchart::default();
    chart.line(number, rest)?;
    let mut last = number;
    for (number, line) in lines {
        chart.line(number, line)?;
        last = number;
    }
    chart.finish(last)?;
    Ok(build(chart, direction, vocabulary))
}

/// The chart as components and arrows, laid out.
fn build(chart: Flowchart, direction: Direction, vocabulary: &Vocabulary) -> Draft {
    let mut draft = Draft::default();
    // A subgraph's id named in a link is the subgraph, not a node.
    let subgraph = |i: usize| {
        let node = &chart.nodes[i];
        !node.shaped && chart.subgraphs.iter().any(|(_, id)| *id == node.id)
    };
    let kept: Vec<usize> = (0..chart.nodes.len()).filter(|&i| !subgraph(i)).collect();
    let mut slot = vec![usize::MAX; chart.nodes.len()];
    for (k, &i) in kept.iter().enumerate() {
        slot[i] = k;
    }
    let edges: Vec<(usize, usize)> = chart
        .links
        .iter()
        .filter(|(from, to, _, how)| {
            *how != Link::Invisible && slot[*from] != usize::MAX && slot[*to] != usize::MAX
        })
        .map(|&(from, to, ..)| (slot[from], slot[to]))
        .collect();
    // Each box as large as its name needs.
    let named: Vec<(String, ComponentKind)> = kept
        .iter()
        .map(|&i| Draft::name(&chart.nodes[i].label, chart.nodes[i].store, vocabulary))
        .collect();
    let sizes: Vec<(f64, f64)> = named
        .iter()
        .map(|(label, kind)| {
            let (w, h) = Board::COMPONENT_SIZE;
            let size = fit_size(label, *kind, Size::new(w, h));
            (size.w, size.h)
        })
        .collect();
    let rects = layered(&sizes, &edges, direction);
    let ids: Vec<_> = named
        .into_iter()
        .zip(rects)
        .map(|((label, kind), rect)| draft.component(label, kind, rect))
        .collect();
    for (from, to, label, how) in &chart.links {
        let (a, b) = (slot[*from], slot[*to]);
        if *how == Link::Invisible {
            draft.leave_out(Omission::InvisibleLink, None);
        } else if a == usize::MAX || b == usize::MAX {
            draft.leave_out(Omission::LooseArrow, Some(label));
        } else {
            draft.arrow(ids[a], ids[b], label);
            if *how == Link::Both {
                draft.arrow(ids[b], ids[a], label);
            }
        }
    }
    for (title, _) in &chart.subgraphs {
        draft.leave_out(Omission::Subgraph, Some(title));
    }
    for _ in 0..chart.styling {
        draft.leave_out(Omission::Styling, None);
    }
    draft
}

/// The non-blank lines that are not comments or front matter, with their 1-based
/// numbers counted from `first`.
fn statements(text: &str, first: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut front_matter = false;
    let mut started = false;
    text.lines()
        .enumerate()
        .map(move |(i, line)| (i + first, line.trim_end_matches('\r')))
        .filter(move |(_, line)| {
            let t = line.trim();
            if !started && t == "---" {
                front_matter = !front_matter;
                return false;
            }
            if front_matter {
                return false;
            }
            if t.is_empty() || t.starts_with("%%") {
                return false;
            }
            started = true;
            true
        })
}

/// `flowchart`/`graph` and its direction (`Err`: the column of a bad one), and the
/// rest of the line (statements may follow a `;`).
fn header(line: &str) -> Option<(Result<Direction, usize>, &str)> {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let keyword = ["flowchart", "graph"].into_iter().find(|k| {
        trimmed.starts_with(k)
            && !trimmed[k.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-')
    })?;
    let after = &trimmed[keyword.len()..];
    let spaces = after.len() - after.trim_start().len();
    let word_len = after
        .trim_start()
        .find(|c: char| c.is_whitespace() || c == ';')
        .unwrap_or(after.trim_start().len());
    let word = &after.trim_start()[..word_len];
    let column = indent + keyword.len() + spaces + 1;
    let direction = match word {
        "" => Ok(Direction::Down),
        "TB" | "TD" => Ok(Direction::Down),
        "BT" => Ok(Direction::Up),
        "LR" => Ok(Direction::Right),
        "RL" => Ok(Direction::Left),
        _ => Err(column),
    };
    Some((direction, &after.trim_start()[word_len..]))
}

/// The first ```` ```mermaid ```` block of a Markdown text and the line number of its
/// first line.
fn fenced_block(text: &str) -> Option<(&str, usize)> {
    let mut offset = 0;
    let mut start = None;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let t = line.trim();
        match start {
            None if t.starts_with("```") && t[3..].trim().eq_ignore_ascii_case("mermaid") => {
                start = Some((offset + line.len(), i + 2));
            }
            Some((from, number)) if t.starts_with("```") => {
                return Some((&text[from..offset], number))
            }
            _ => {}
        }
        offset += line.len();
    }
    start.map(|(from, number)| (&text[from..], number))
}
