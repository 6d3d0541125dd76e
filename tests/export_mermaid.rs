//! The Mermaid export: matches a reviewed golden file, has one node per component shaped
//! after its kind and one edge per arrow, and keeps hostile labels inside their quoted
//! strings, so that every line it writes is one of the few statements it means to write.

mod common;

use breadthfirst::core::diagram::{Board, Command, ComponentId, ComponentKind};
use breadthfirst::core::export::mermaid::{escape_text, to_mermaid};
use common::{add_named as add, assert_golden, fixture};

fn connect(board: &mut Board, from: ComponentId, to: ComponentId, label: &str) {
    board
        .apply(Command::ConnectComponents {
            from,
            to,
            label: label.into(),
        })
        .unwrap();
}

/// Mermaid's brackets for each kind, written out independently of the exporter.
fn expected_brackets(kind: ComponentKind) -> (&'static str, &'static str) {
    use ComponentKind as K;
    match kind {
        K::Client | K::Service | K::External => ("(", ")"),
        K::Dns | K::Cdn => ("([", "])"),
        K::LoadBalancer | K::ApiGateway | K::Scheduler => ("{{", "}}"),
        K::Worker => ("[/", "/]"),
        K::SqlDatabase | K::KvStore | K::Cache => ("[(", ")]"),
        K::MessageQueue => ("[[", "]]"),
        K::ObjectStorage => ("[\\", "/]"),
        K::SearchIndex | K::Monitoring => (">", "]"),
        K::Generic => ("[", "]"),
        // Annotations are not nodes: notes are left out, frames become subgraphs.
        K::Text | K::Sticky | K::Frame => unreachable!("{kind:?} is not a Mermaid node"),
    }
}

/// What one output line is, if it is one of the statements the exporter writes.
#[derive(Debug, PartialEq)]
enum Line {
    /// Node id, its brackets and the quoted text.
    Node(u32, String, String, String),
    /// From, to and the quoted label, if any.
    Edge(u32, u32, Option<String>),
    /// Kind id and style.
    ClassDef(String, String),
    /// Node ids and kind id.
    Class(Vec<u32>, String),
}

/// `n<digits>` at the start of `s`: the number and the rest.
fn node_id(s: &str) -> Option<(u32, &str)> {
    let rest = s.strip_prefix('n')?;
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    Some((rest[..end].parse().ok()?, &rest[end..]))
}

/// The text of a quoted string that is all of `s`: no raw quote inside.
fn quoted(s: &str) -> Option<String> {
    let inner = s.strip_prefix('"')?.strip_suffix('"')?;
    (!inner.contains('"')).then(|| inner.to_string())
}

/// Parses one line strictly; `None` for anything else.
fn parse_line(line: &str) -> Option<Line> {
    let line = line.strip_prefix("    ")?;
    if let Some(rest) = line.strip_prefix("classDef k_") {
        let (kind, style) = rest.split_once(' ')?;
        ComponentKind::from_id(kind)?;
        let ok = style.split(',').all(|part| {
            let (key, value) = part.split_once(':').unwrap_or(("", ""));
            let hex = value.len() == 7
                && value.starts_with('#')
                && value[1..].chars().all(|c| c.is_ascii_hexdigit());
            matches!(key, "fill" | "stroke" | "color") && hex
                || key == "stroke-dasharray" && value == "5 5"
        });
        return ok.then(|| Line::ClassDef(kind.into(), style.into()));
    }
    if let Some(rest) = line.strip_prefix("class ") {
        let (ids, kind) = rest.split_once(" k_")?;
        ComponentKind::from_id(kind)?;
        let ids = ids
            .split(',')
            .map(|id| match node_id(id)? {
                (n, "") => Some(n),
                _ => None,
            })
            .collect::<Option<Vec<u32>>>()?;
        return Some(Line::Class(ids, kind.into()));
    }
    let (from, rest) = node_id(line)?;
    if let Some(rest) = rest.strip_prefix(" --> ") {
        let (to, "") = node_id(rest)? else {
            return None;
        };
        return Some(Line::Edge(from, to, None));
    }
    if let Some(rest) = rest.strip_prefix(" -->|") {
        let (label, to) = rest.rsplit_once("| ")?;
        let (to, "") = node_id(to)? else {
            return None;
        };
        return Some(Line::Edge(from, to, Some(quoted(label)?)));
    }
    let start = rest.find('"')?;
    let end = rest.rfind('"')?;
    let (open, close) = (&rest[..start], &rest[end + 1..]);
    let shapes = ComponentKind::ALL.map(expected_brackets);
    if !shapes.contains(&(open, close)) {
        return None;
    }
    Some(Line::Node(
        from,
        open.into(),
        quoted(&rest[start..=end])?,
        close.into(),
    ))
}

/// The statements of an export, checked: a `flowchart LR` header, then only lines that
/// parse.
fn parse(text: &str) -> Vec<Line> {
    assert!(text.ends_with('\n'), "trailing newline");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("flowchart LR"));
    lines
        .map(|l| parse_line(l).unwrap_or_else(|| panic!("unexpected line {l:?} in\n{text}")))
        .collect()
}

/// Undoes the exporter's escaping: `#<decimal>;` codes back to characters, `<br/>` to a
/// line break. Panics on anything an escaped text must not hold.
fn decode(text: &str) -> String {
    for raw in ['"', '%', '&', '`', '\n', '\r'] {
        assert!(!text.contains(raw), "raw {raw:?} in {text:?}");
    }
    let text = text.replace("<br/>", "\n");
    assert!(!text.contains(['<', '>']), "markup in {text:?}");
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let (code, after) = rest[at + 1..]
            .split_once(';')
            .unwrap_or_else(|| panic!("bare # in {text:?}"));
        let code: u32 = code
            .parse()
            .unwrap_or_else(|_| panic!("bad code #{code}; in {text:?}"));
        out.push(char::from_u32(code).unwrap());
        rest = after;
    }
    out.push_str(rest);
    out
}

#[test]
fn a_board_exports_to_the_reviewed_mermaid() {
    let board = fixture("complete-url-shortener.json");
    let text = to_mermaid(&board);
    assert_golden("complete-url-shortener.mmd", &text);
    let lines = parse(&text);
    let nodes: Vec<u32> = lines
        .iter()
        .filter_map(|l| match l {
            Line::Node(id, ..) => Some(*id),
            _ => None,
        })
        .collect();
    let in_board: Vec<u32> = board.components().iter().map(|c| c.id.0).collect();
    assert_eq!(nodes, in_board, "one node per component, in board order");
    let edges: Vec<(u32, u32, Option<String>)> = lines
        .iter()
        .filter_map(|l| match l {
            Line::Edge(from, to, label) => Some((*from, *to, label.as_deref().map(decode))),
            _ => None,
        })
        .collect();
    let arrows: Vec<(u32, u32, Option<String>)> = board
        .arrows()
        .iter()
        .map(|a| (a.from.0, a.to.0, Some(a.label.clone())))
        .collect();
    assert_eq!(edges, arrows, "one edge per arrow, with its label");
    assert_eq!(text, to_mermaid(&board), "deterministic");
}

#[test]
fn labels_say_the_kind_when_they_do_not_already() {
    let mut board = Board::new();
    let db = add(&mut board, ComponentKind::SqlDatabase, "Links DB");
    let lb = add(&mut board, ComponentKind::LoadBalancer, "Load balancer");
    // An empty name falls back to the kind's: shown once.
    let empty = add(&mut board, ComponentKind::Cache, "");
    connect(&mut board, db, lb, "");
    let text = to_mermaid(&board);
    assert!(text.contains(&format!("    n{db}[(\"Links DB<br/>SQL database\")]\n")));
    assert!(text.contains(&format!("    n{lb}{{{{\"Load balancer\"}}}}\n")));
    assert!(text.contains(&format!("    n{empty}[(\"Cache\")]\n")));
    assert!(text.contains(&format!("    n{db} --> n{lb}\n")), "no label");
}

#[test]
fn every_kind_has_its_shape_and_its_colours() {
    let mut board = Board::new();
    let ids: Vec<ComponentId> = ComponentKind::ALL
        .iter()
        .map(|&kind| add(&mut board, kind, "X"))
        .collect();
    for pair in ids.windows(2) {
        connect(&mut board, pair[0], pair[1], "");
    }
    let text = to_mermaid(&board);
    let lines = parse(&text);
    for (kind, id) in ComponentKind::ALL.into_iter().zip(&ids) {
        let (open, close) = expected_brackets(kind);
        let name = kind.display_name();
        let node = Line::Node(id.0, open.into(), format!("X<br/>{name}"), close.into());
        assert!(lines.contains(&node), "{kind:?}: {node:?} in\n{text}");
        assert!(
            lines.contains(&Line::Class(vec![id.0], kind.id().into())),
            "{kind:?} is classed"
        );
        let defs: Vec<&String> = lines
            .iter()
            .filter_map(|l| match l {
                Line::ClassDef(k, style) if k == kind.id() => Some(style),
                _ => None,
            })
            .collect();
        assert_eq!(defs.len(), 1, "one classDef for {kind:?}");
        assert_eq!(
            defs[0].contains("stroke-dasharray"),
            kind.shape().is_dashed(),
            "{kind:?}"
        );
    }
    let count = |f: fn(&Line) -> bool| lines.iter().filter(|l| f(l)).count();
    assert_eq!(count(|l| matches!(l, Line::Node(..))), ids.len());
    assert_eq!(count(|l| matches!(l, Line::Edge(..))), board.arrows().len());
    // hsl(0 70% 95%) and hsl(0 70% 38%), worked out by hand; grey for the plain box.
    assert!(text.contains("    classDef k_cache fill:#fbe9e9,stroke:#a51d1d,color:#1d2330\n"));
    assert!(text.contains("    classDef k_box fill:#f2f2f2,stroke:#616161,color:#1d2330\n"));
}

#[test]
fn classes_list_every_node_of_a_kind_once() {
    let mut board = Board::new();
    let a = add(&mut board, ComponentKind::Cache, "Sessions");
    let b = add(&mut board, ComponentKind::Service, "API");
    let c = add(&mut board, ComponentKind::Cache, "Hot keys");
    connect(&mut board, b, a, "reads");
    connect(&mut board, b, c, "reads");
    let lines = parse(&to_mermaid(&board));
    assert!(lines.contains(&Line::Class(vec![a.0, c.0], "cache".into())));
    assert!(lines.contains(&Line::Class(vec![b.0], "service".into())));
    let defs = lines
        .iter()
        .filter(|l| matches!(l, Line::ClassDef(..)))
        .count();
    assert_eq!(defs, 2, "one classDef per kind used");
}

const HOSTILE: [&str; 12] = [
    "end",
    "A-->B",
    "]) ; click n1 call alert(1)",
    "%%",
    "%%{init: {'securityLevel': 'loose'}}%%",
    "classDef",
    "<script>alert(1)</script>",
    "\"quoted\"",
    "x\"] --> n1[\"y",
    "```mermaid",
    "direction TB",
    "style n1 fill:#f00;",
];

#[test]
fn hostile_labels_stay_inside_their_quotes() {
    let mut board = Board::new();
    let ids: Vec<ComponentId> = HOSTILE
        .iter()
        .map(|label| add(&mut board, ComponentKind::Service, label))
        .collect();
    for (i, pair) in ids.windows(2).enumerate() {
        connect(&mut board, pair[0], pair[1], HOSTILE[i]);
    }
    connect(
        &mut board,
        ids[ids.len() - 1],
        ids[0],
        HOSTILE[HOSTILE.len() - 1],
    );
    let text = to_mermaid(&board);
    // Every line is one of the exporter's statements (this also rules out a `click`,
    // a foreign `classDef`, a comment or a directive line).
    let lines = parse(&text);
    let mut node_texts = Vec::new();
    let mut edge_labels = Vec::new();
    for line in &lines {
        match line {
            Line::Node(_, _, text, _) => node_texts.push(decode(text)),
            Line::Edge(_, _, Some(label)) => edge_labels.push(decode(label)),
            _ => {}
        }
    }
    let expected_nodes: Vec<String> = HOSTILE.iter().map(|l| format!("{l}\nService")).collect();
    assert_eq!(node_texts, expected_nodes, "shown as typed, kind below");
    assert_eq!(edge_labels, HOSTILE.to_vec());
    for line in text.lines() {
        let trimmed = line.trim_start();
        assert!(!trimmed.starts_with("click"), "{line}");
        assert!(!trimmed.starts_with("%%"), "{line}");
        assert!(
            !trimmed.starts_with("classDef") || trimmed.starts_with("classDef k_service "),
            "{line}"
        );
        assert!(!line.to_lowercase().contains("<script"), "{line}");
        assert!(!line.contains('%'), "no comment or directive: {line}");
        assert!(!line.contains('`'), "no Markdown string or fence: {line}");
        // Mermaid reads any line holding `direction TB` as a direction statement.
        for (at, _) in line.match_indices("direction") {
            let next = line[at + "direction".len()..].chars().next();
            assert!(!next.is_some_and(char::is_whitespace), "{line}");
        }
    }
}

#[test]
fn escaping_turns_line_breaks_into_spaces_and_keeps_everything_else() {
    // Board labels are already folded to one line; the escaping does not rely on it.
    assert_eq!(escape_text("a\nb\r\nc\td"), "a b  c d");
    assert_eq!(escape_text("a\u{2028}b\u{feff}c"), "a b c");
    assert_eq!(escape_text("\"#%&<>`:"), "#34;#35;#37;#38;#60;#62;#96;#58;");
    assert_eq!(escape_text("redirection\nLR"), "redirection#32;LR");
    assert_eq!(escape_text("Direction  BT"), "Direction#32; BT");
    assert_eq!(escape_text("Kafka clicks ✓"), "Kafka clicks ✓");
    for raw in HOSTILE {
        let with_breaks = format!("{raw}\n{raw}\r\n");
        let escaped = escape_text(&with_breaks);
        assert!(
            !escaped.contains(['"', '\n', '\r', '%', '<', '`']),
            "{escaped}"
        );
        assert_eq!(
            decode(&escaped),
            with_breaks.replace("\r\n", "  ").replace('\n', " ")
        );
    }
}

#[test]
fn an_empty_board_exports_a_flowchart_without_nodes() {
    let text = to_mermaid(&Board::new());
    assert_eq!(
        text,
        "flowchart LR\n    %% Empty board: no components yet.\n"
    );
}
