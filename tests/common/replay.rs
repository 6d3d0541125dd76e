//! Sessions, timelines and checks shared by the replay tests (`export_replay`,
//! `export_frames`).

use super::{add_named, connect_labelled, Rng};
use breadthfirst::core::diagram::{
    Board, Command, ComponentId, ComponentKind, NoteField, Point, Rect,
};
use breadthfirst::core::persist;
use breadthfirst::core::session::{Phase, Session, SessionEvent, SessionPlan, Timeline};

/// Labels that try to leave their element, their attribute or the script.
pub const HOSTILE: [&str; 6] = [
    "</script><script>alert(1)</script>",
    "\" onload=\"alert(2)",
    "Tom & Jerry's <b>",
    "line\u{2028}sep\u{2029}arator",
    "<!-- <svg onload=x>",
    "<foreignObject><a href=\"http://evil\">",
];

/// A random command fitting `board`; labels are sometimes hostile.
pub fn random_command(rng: &mut Rng, board: &Board) -> Command {
    let ids: Vec<ComponentId> = board.components().iter().map(|c| c.id).collect();
    let label = |rng: &mut Rng| match rng.below(3) {
        0 => HOSTILE[rng.below(HOSTILE.len())].to_string(),
        _ => format!("box {}", rng.below(100)),
    };
    let choice = if ids.len() < 2 { 0 } else { rng.below(13) };
    let pick = |rng: &mut Rng| ids[rng.below(ids.len())];
    let kind = |rng: &mut Rng| ComponentKind::ALL[rng.below(ComponentKind::ALL.len())];
    let coord = |rng: &mut Rng| rng.below(1_200) as f64 - 400.0;
    match choice {
        0 | 1 => Command::AddComponent {
            kind: kind(rng),
            at: Point::new(coord(rng), coord(rng)),
            label: Some(label(rng)),
        },
        2 | 3 => Command::MoveComponents {
            ids: vec![pick(rng)],
            by: Point::new(rng.below(80) as f64 - 40.0, rng.below(80) as f64 - 40.0),
        },
        4 => Command::RenameComponent {
            id: pick(rng),
            label: label(rng),
        },
        5 => Command::SetNote {
            id: pick(rng),
            field: NoteField::Details,
            text: label(rng),
        },
        6 => Command::ChangeKind {
            id: pick(rng),
            kind: kind(rng),
        },
        7 => Command::ResizeComponent {
            id: pick(rng),
            rect: Rect::new(
                coord(rng),
                coord(rng),
                60.0 + rng.below(300) as f64,
                40.0 + rng.below(200) as f64,
            ),
        },
        8 | 9 => Command::ConnectComponents {
            from: pick(rng),
            to: pick(rng),
            label: if rng.below(2) == 0 {
                String::new()
            } else {
                label(rng)
            },
        },
        10 => match board.arrows().first() {
            Some(a) => Command::LabelArrow {
                id: a.id,
                label: label(rng),
            },
            None => Command::RenameComponent {
                id: pick(rng),
                label: label(rng),
            },
        },
        11 => match board.arrows().last() {
            Some(a) => Command::SetArrowStraight {
                id: a.id,
                straight: !a.straight,
            },
            None => Command::Group {
                ids: vec![pick(rng), pick(rng)],
            },
        },
        _ => Command::DeleteElements {
            components: vec![pick(rng)],
            arrows: board.arrows().iter().take(1).map(|a| a.id).collect(),
        },
    }
}

/// `board` with its components in another paint order (as a restore of a file
/// written in another order gives): reversed, or the first brought to the top.
pub fn reordered(board: &Board, rng: &mut Rng) -> Board {
    let mut doc: serde_json::Value =
        serde_json::from_str(&persist::to_json(board, &Default::default())).unwrap();
    let list = doc["board"]["components"].as_array_mut().unwrap();
    if rng.below(2) == 0 {
        list.reverse();
    } else if !list.is_empty() {
        let first = list.remove(0);
        list.push(first);
    }
    persist::from_json(&doc.to_string()).unwrap().board
}

/// A random timeline of `steps` steps (undo jumps, reorders, several changes at one
/// instant), and the time of its last step.
pub fn random_timeline(seed: u64, steps: usize) -> (Timeline, f64) {
    let mut rng = Rng::new(seed);
    let mut board = Board::new();
    let mut states = vec![board.clone()];
    let mut timeline = Timeline::default();
    let mut now = 0.0;
    for _ in 0..steps {
        // One step in four comes at the same instant as the one before.
        if rng.below(4) != 0 {
            now += rng.below(5_000) as f64 + 0.5;
        }
        let before = board.clone();
        match rng.below(25) {
            0 => board = states[rng.below(states.len())].clone(),
            1 => board = reordered(&board, &mut rng),
            _ => {
                let command = random_command(&mut rng, &board);
                let _ = board.apply(command);
            }
        }
        if timeline.record_board(now, &before, &board) {
            states.push(board.clone());
        }
    }
    (timeline, now)
}

/// A session on the URL shortener: Requirements for a minute, then Breadth, in
/// which the board grows one box a minute, with `labels` as the boxes' names; ends
/// by time in Focus.
pub fn session_with(labels: &[&str]) -> (Session, Timeline) {
    let mut session = Session::start("url-shortener", SessionPlan::default(), 0.0, 2);
    let mut timeline = Timeline::default();
    let mut board = Board::new();
    session.handle(SessionEvent::Next, 60_000.0, &board);
    let mut ids = Vec::new();
    for (k, label) in labels.iter().enumerate() {
        let before = board.clone();
        ids.push(add_named(&mut board, ComponentKind::Service, label));
        if k > 0 {
            connect_labelled(&mut board, ids[k - 1], ids[k], label);
        }
        assert!(timeline.record_board(60_000.0 * (k + 2) as f64, &before, &board));
    }
    // Breadth runs out; Focus begins.
    session.handle(SessionEvent::Tick, 10_000_000.0, &board);
    assert_eq!(session.phase(), Phase::Focus);
    (session, timeline)
}

/// Fails when `doc` reaches outside itself or could run anything but the player.
pub fn assert_self_contained(doc: &str) {
    for forbidden in [
        "href=\"http",
        "src=\"http",
        "url(http",
        // Any attribute spelling (in text, the quotes are escaped).
        "href=\"",
        "href='",
        "src=\"",
        "src='",
        "<foreignObject",
        "<iframe",
        "<img",
        "<link",
        "<a ",
        "javascript:",
        "onload=\"",
        "onerror=\"",
        "onclick=\"",
        "@import",
    ] {
        assert!(!doc.contains(forbidden), "{forbidden} found");
    }
    // The only `url(` is the in-document arrowhead.
    assert_eq!(
        doc.matches("url(").count(),
        doc.matches("url(#head)").count()
    );
    // Every element and attribute is one the writers write: text never makes one.
    const ELEMENTS: &str = "svg title defs marker path rect text tspan g animate html head meta \
        style body main h1 figure div button label select option input output ol li script";
    let tags = tags(doc);
    assert!(tags.len() > 20, "the scanner reads the document");
    for (name, attributes) in tags {
        assert!(ELEMENTS.split_whitespace().any(|e| e == name), "<{name}>");
        for a in attributes {
            assert!(!a.starts_with("on"), "{a} on <{name}>");
            assert!(!["href", "xlink:href", "src", "action", "formaction"].contains(&a.as_str()));
        }
    }
}

/// Every start tag of `doc` (past `<!DOCTYPE>`, end tags and the contents of `script`
/// and `style`): its name and its attributes' names.
pub fn tags(doc: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = doc;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if rest.starts_with('/') || rest.starts_with('!') {
            continue;
        }
        let end = rest.find('>').expect("a tag ends");
        let tag = rest[..end].trim_end_matches('/');
        let name = tag
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        // Attribute values are quoted and never hold a quote.
        let mut attributes = Vec::new();
        let mut inside = tag[name.len()..].trim_start();
        while !inside.is_empty() {
            let stop = inside.find(['=', ' ']).unwrap_or(inside.len());
            attributes.push(inside[..stop].to_string());
            inside = &inside[stop..];
            if let Some(value) = inside.strip_prefix("=\"") {
                let close = value.find('"').expect("a value ends");
                inside = &value[close + 1..];
            }
            inside = inside.trim_start();
        }
        rest = &rest[end + 1..];
        if name == "script" || name == "style" {
            let close = rest.find(&format!("</{name}>")).expect("closed");
            rest = &rest[close..];
        }
        out.push((name, attributes));
    }
    out
}
