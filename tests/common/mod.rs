//! Helpers shared by the native tests: fixture boards and golden files.

#![allow(dead_code)]

pub mod replay;

use breadthfirst::core::diagram::Board;
use breadthfirst::core::persist;
use breadthfirst::core::session::{Session, SessionPlan};
use serde_json::json;
use std::path::Path;

/// The text of a file in `tests/fixtures/`.
pub fn fixture_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A board from `tests/fixtures/`.
pub fn fixture(name: &str) -> Board {
    persist::from_json(&fixture_text(name)).unwrap().board
}

/// (source label, target label, arrow label) of every arrow, in board order.
pub fn flows(board: &Board) -> Vec<(String, String, String)> {
    let name = |id| board.component(id).unwrap().label.clone();
    board
        .arrows()
        .iter()
        .map(|a| (name(a.from), name(a.to), a.label.clone()))
        .collect()
}

/// Fails when two components' boxes overlap.
pub fn assert_no_overlaps(board: &Board) {
    let all = board.components();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert!(
                !a.rect.intersects(&b.rect),
                "{} overlaps {}",
                a.label,
                b.label
            );
        }
    }
}

/// Compares with `tests/golden/<name>`; `UPDATE_GOLDEN=1` rewrites it (review the
/// diff before committing).
pub fn assert_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    assert!(expected == actual, "{name} differs from its golden file");
}

/// A small deterministic random generator (xorshift), so a failure reproduces from
/// its seed.
pub struct Rng(pub u64);

impl Rng {
    /// A generator for `seed` (any value, zero included).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A session in Review whose curveball was put and answered, with a requirement
/// note, as JSON edited the way a saved session looks.
pub fn reviewed_session() -> Session {
    let mut value = serde_json::to_value(Session::start(
        "notification-system",
        SessionPlan::default(),
        0.0,
        3,
    ))
    .unwrap();
    value["phase"] = json!("review");
    value["records"] = json!([
        {"phase": "requirements", "planned_ms": 300000.0, "actual_ms": 240000.0, "ended_by": "user"},
        {"phase": "breadth", "planned_ms": 540000.0, "actual_ms": 540000.0, "ended_by": "time_up"}
    ]);
    value["depth_refusals"] = json!(3);
    value["requirements"]["functional"] = json!("Send <b>push</b> | email\nRespect quiet hours");
    value["curveball"] = json!({"index": 1, "shown": true, "answer": "Shard by *user*"});
    serde_json::from_value(value).unwrap()
}

/// Adds a component named `label` to the right of the others; its id.
pub fn add_named(
    board: &mut Board,
    kind: breadthfirst::core::diagram::ComponentKind,
    label: &str,
) -> breadthfirst::core::diagram::ComponentId {
    let x = 200.0 * board.components().len() as f64;
    add_at(board, kind, (x, 0.0), Some(label))
}

/// Adds a component with its top-left corner at `at` (named after its kind when
/// `label` is `None`); its id.
pub fn add_at(
    board: &mut Board,
    kind: breadthfirst::core::diagram::ComponentKind,
    at: (f64, f64),
    label: Option<&str>,
) -> breadthfirst::core::diagram::ComponentId {
    use breadthfirst::core::diagram::{Applied, Command, Point};
    match board.apply(Command::AddComponent {
        kind,
        at: Point::new(at.0, at.1),
        label: label.map(String::from),
    }) {
        Ok(Applied::Added(id)) => id,
        other => panic!("{other:?}"),
    }
}

/// Draws an unlabelled arrow.
pub fn connect(
    board: &mut Board,
    from: breadthfirst::core::diagram::ComponentId,
    to: breadthfirst::core::diagram::ComponentId,
) {
    board
        .apply(breadthfirst::core::diagram::Command::ConnectComponents {
            from,
            to,
            label: String::new(),
        })
        .unwrap();
}

/// Draws an arrow with a label; its id.
pub fn connect_labelled(
    board: &mut Board,
    from: breadthfirst::core::diagram::ComponentId,
    to: breadthfirst::core::diagram::ComponentId,
    label: &str,
) -> breadthfirst::core::diagram::ArrowId {
    use breadthfirst::core::diagram::{Applied, Command};
    match board.apply(Command::ConnectComponents {
        from,
        to,
        label: label.into(),
    }) {
        Ok(Applied::Connected(id)) => id,
        other => panic!("{other:?}"),
    }
}

/// Adds a service box with its top-left corner at (`x`, `y`).
pub fn add_service(board: &mut Board, x: f64, y: f64) -> breadthfirst::core::diagram::ComponentId {
    use breadthfirst::core::diagram::{Applied, Command, ComponentKind, Point};
    match board.apply(Command::AddComponent {
        kind: ComponentKind::Service,
        at: Point::new(x, y),
        label: None,
    }) {
        Ok(Applied::Added(id)) => id,
        other => panic!("{other:?}"),
    }
}

/// Moves box `id` by `by`, syncs `live` and checks every arrow's layout against a full
/// layout of the board; `context` names the step in a failure.
pub fn move_and_check_layouts(
    board: &mut Board,
    live: &mut breadthfirst::core::diagram::ArrowLayouts,
    id: breadthfirst::core::diagram::ComponentId,
    by: breadthfirst::core::diagram::Point,
    context: &str,
) {
    use breadthfirst::core::diagram::{layout_arrows_once, Command};
    board
        .apply(Command::MoveComponents { ids: vec![id], by })
        .unwrap();
    let changed = live.sync(board);
    for (a, full) in layout_arrows_once(board) {
        assert_eq!(
            live.layout(a.id),
            Some(&full),
            "{context}: arrow {} differs (changed: {changed:?})",
            a.id
        );
    }
}

/// The prompt `id` of this source tree.
pub fn prompt(id: &str) -> breadthfirst::core::prompt::Prompt {
    breadthfirst::core::prompt::catalog()
        .into_iter()
        .find(|p| p.id == id)
        .expect("bundled prompt")
}

/// A board built step by step, like the user draws it: boxes left to right.
pub struct B(pub Board);

impl B {
    /// An empty board.
    pub fn new() -> Self {
        B(Board::new())
    }

    /// Adds a box named `label` to the right of the others; its id.
    pub fn add(
        &mut self,
        kind: breadthfirst::core::diagram::ComponentKind,
        label: &str,
    ) -> breadthfirst::core::diagram::ComponentId {
        add_named(&mut self.0, kind, label)
    }

    /// Draws an arrow labelled `label`.
    pub fn arrow(
        &mut self,
        from: breadthfirst::core::diagram::ComponentId,
        to: breadthfirst::core::diagram::ComponentId,
        label: &str,
    ) {
        self.0
            .apply(breadthfirst::core::diagram::Command::ConnectComponents {
                from,
                to,
                label: label.into(),
            })
            .unwrap();
    }

    /// Writes a note of a box.
    pub fn note(
        &mut self,
        id: breadthfirst::core::diagram::ComponentId,
        field: breadthfirst::core::diagram::NoteField,
        text: &str,
    ) {
        self.0
            .apply(breadthfirst::core::diagram::Command::SetNote {
                id,
                field,
                text: text.into(),
            })
            .unwrap();
    }
}
