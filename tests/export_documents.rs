//! The worker's exports end to end: each format's answer (file name, type, content),
//! the JSON document's round trip back through the importer for random boards, and
//! the Markdown debrief's sections, with hostile text kept literal.

mod common;

use breadthfirst::core::check::check;
use breadthfirst::core::check::wire::{answer, file_name, read_answer, read_export, CheckRequest};
use breadthfirst::core::diagram::{
    Applied, Board, Command, ComponentId, ComponentKind, NoteField, Point,
};
use breadthfirst::core::editor::Viewport;
use breadthfirst::core::export::document::{practice_of, to_document, Record};
use breadthfirst::core::export::markdown::{debrief, text};
use breadthfirst::core::persist;
use breadthfirst::core::persist::shelf::decode_fields;
use breadthfirst::core::prompt::{catalog, Prompt};
use breadthfirst::core::session::{Session, SessionPlan};
use common::{fixture, reviewed_session, Rng};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Random label and note text, hostile pieces included.
fn random_text(rng: &mut Rng) -> String {
    const PIECES: [&str; 12] = [
        "Redis",
        "\"quoted\"",
        "<script>alert(1)</script>",
        " ",
        "émoji 🚀",
        "a\nb",
        "|",
        "#",
        "`",
        "\\",
        "end",
        "-->",
    ];
    (0..rng.below(5))
        .map(|_| PIECES[rng.below(PIECES.len())])
        .collect()
}

/// A random board built the way the editor builds boards: through commands.
fn random_board(seed: u64) -> Board {
    let mut rng = Rng::new(seed);
    let mut board = Board::new();
    let mut ids: Vec<ComponentId> = Vec::new();
    for _ in 0..rng.below(40) {
        let kind = ComponentKind::ALL[rng.below(ComponentKind::ALL.len())];
        let at = Point::new(
            rng.below(4000) as f64 - 2000.0 + 0.25,
            rng.below(3000) as f64 - 1500.0,
        );
        let label = Some(random_text(&mut rng)).filter(|t| !t.is_empty());
        if let Ok(Applied::Added(id)) = board.apply(Command::AddComponent { kind, at, label }) {
            ids.push(id);
        }
        if !ids.is_empty() && rng.below(3) == 0 {
            let id = ids[rng.below(ids.len())];
            let field = if rng.below(2) == 0 {
                NoteField::Details
            } else {
                NoteField::Failure
            };
            let _ = board.apply(Command::SetNote {
                id,
                field,
                text: random_text(&mut rng),
            });
        }
    }
    for _ in 0..rng.below(60) {
        if ids.len() < 2 {
            break;
        }
        let (from, to) = (ids[rng.below(ids.len())], ids[rng.below(ids.len())]);
        let _ = board.apply(Command::ConnectComponents {
            from,
            to,
            label: random_text(&mut rng),
        });
    }
    board
}

fn record<'a>(claims: &'a BTreeSet<String>) -> Record<'a> {
    Record {
        prompt: None,
        session: None,
        report: None,
        claims,
        date: "2026-11-22",
    }
}

#[test]
fn the_json_export_imports_back_to_the_same_board_for_random_boards() {
    let claims = BTreeSet::new();
    for seed in 1..=300 {
        let board = random_board(seed);
        let viewport = Viewport {
            x: seed as f64,
            y: -(seed as f64),
            zoom: 1.5,
        };
        let text = to_document(&board, &viewport, &record(&claims));
        let restored = persist::from_json(&text).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        assert_eq!(restored.board, board, "seed {seed}");
        assert_eq!(restored.viewport, viewport, "seed {seed}");
        assert!(
            restored.repairs.is_empty(),
            "seed {seed}: {:?}",
            restored.repairs
        );
    }
}

#[test]
fn the_json_export_records_the_prompt_session_claims_and_check() {
    let board = fixture("deep-but-narrow-notifications.json");
    let prompt = catalog()
        .into_iter()
        .find(|p| p.id == "notification-system")
        .unwrap();
    let report = check(&board, &prompt, &[]);
    let missed = report
        .items
        .iter()
        .position(|i| !i.found && !i.advice)
        .unwrap();
    let claims: BTreeSet<String> = [report.items[missed].key.clone()].into();
    let session = Session::start("notification-system", SessionPlan::default(), 0.0, 2);
    let text = to_document(
        &board,
        &Viewport::default(),
        &Record {
            prompt: Some(&prompt),
            session: Some(&session),
            report: Some(&report),
            claims: &claims,
            date: "2026-11-22",
        },
    );
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["format"], json!("breadthfirst"));
    assert_eq!(doc["version"], json!(persist::VERSION));
    assert_eq!(doc["prompt"], json!("notification-system"));
    assert_eq!(doc["exported"], json!("2026-11-22"));
    assert_eq!(doc["session"]["prompt_id"], json!("notification-system"));
    assert_eq!(doc["claims"], json!([report.items[missed].key]));
    let items = doc["check"]["items"].as_array().unwrap();
    assert_eq!(items.len(), report.items.len());
    assert_eq!(
        items[missed]["status"],
        json!("self"),
        "a claim is recorded as self"
    );
    assert!(doc["check"]["missed"].as_u64().unwrap() > 0);
    assert_eq!(
        persist::from_json(&text).unwrap().board,
        board,
        "importing it restores the board"
    );
}

fn export(
    format: &str,
    prompt: &str,
    session: Option<Session>,
) -> Result<(String, String, String), String> {
    let board = fixture("complete-url-shortener.json");
    let request = serde_json::to_string(&CheckRequest {
        seq: 9,
        prompt: prompt.into(),
        board: persist::to_json(&board, &Viewport::default()),
        claims: vec![],
        session,
        export: format.into(),
        date: "2026-11-22".into(),
        transparent: false,
        ..CheckRequest::default()
    })
    .unwrap();
    let reply = answer(&request, &catalog());
    let (seq, body) = read_answer(&reply);
    assert_eq!(seq, 9);
    let (file, mime, content) =
        read_export(body.map_err(str::to_string)?).ok_or_else(|| "not an export".to_string())?;
    Ok((file.into(), mime.into(), content.into()))
}

/// (format id, file extension, MIME type, whether the content looks right).
type Case = (&'static str, &'static str, &'static str, fn(&str) -> bool);

#[test]
fn every_format_answers_with_its_file_name_type_and_content() {
    let cases: [Case; 6] = [
        ("svg", "svg", "image/svg+xml", |c| c.starts_with("<svg")),
        ("png", "png", "image/png", |c| {
            c.starts_with("<svg") && c.contains("fill=\"#ffffff\"")
        }),
        ("json", "json", "application/json", |c| {
            persist::from_json(c).is_ok_and(|r| r.board.components().len() == 8)
        }),
        ("mermaid", "mmd", "text/plain", |c| {
            c.starts_with("flowchart LR\n")
        }),
        ("excalidraw", "excalidraw", "application/json", |c| {
            serde_json::from_str::<Value>(c).is_ok_and(|v| v["type"] == json!("excalidraw"))
        }),
        ("markdown", "md", "text/markdown", |c| {
            c.starts_with("# Debrief: ") && c.contains("```mermaid\nflowchart LR")
        }),
    ];
    for (format, ext, mime, looks_right) in cases {
        let (file, got_mime, content) = export(format, "url-shortener", None).unwrap();
        assert_eq!(file, format!("url-shortener-2026-11-22.{ext}"));
        assert_eq!(got_mime, mime, "{format}");
        assert!(looks_right(&content), "{format}: {content}");
    }
    assert_eq!(
        export("pdf", "url-shortener", None),
        Err("no export format \"pdf\"".to_string())
    );
}

#[test]
fn a_transparent_picture_has_no_background() {
    let board = fixture("complete-url-shortener.json");
    let request = |transparent: bool| {
        let request = serde_json::to_string(&CheckRequest {
            seq: 3,
            board: persist::to_json(&board, &Viewport::default()),
            export: "png".into(),
            transparent,
            ..CheckRequest::default()
        })
        .unwrap();
        let reply = answer(&request, &catalog());
        let body = read_answer(&reply).1.unwrap().to_string();
        read_export(&body).unwrap().2.to_string()
    };
    assert!(request(false).contains("fill=\"#ffffff\"/>"));
    assert!(!request(true).contains("fill=\"#ffffff\"/>"));
}

#[test]
fn an_export_never_fails_for_want_of_a_prompt() {
    let (file, _, content) = export("markdown", "", None).unwrap();
    assert_eq!(file, "board-2026-11-22.md");
    assert!(content.starts_with("# Debrief: Free drawing"));
    assert!(!content.contains("## Checklist"));
    let (file, _, _) = export("svg", "gone-from-the-library", None).unwrap();
    assert_eq!(file, "gone-from-the-library-2026-11-22.svg");
    assert_eq!(
        file_name("a/b\\c:d", "2026-11-22", "md"),
        "a-b-c-d-2026-11-22.md"
    );
    assert_eq!(file_name("x", "", "svg"), "x.svg");
}

/// The deep-but-narrow notifications board, its prompt, and a reviewed session.
fn notifications_reviewed() -> (Board, Prompt, Session) {
    let board = fixture("deep-but-narrow-notifications.json");
    let prompt = catalog()
        .into_iter()
        .find(|p| p.id == "notification-system")
        .unwrap();
    (board, prompt, reviewed_session())
}

#[test]
fn the_debrief_walks_through_the_session_and_the_questions_struggled_with() {
    let (board, prompt, session) = notifications_reviewed();
    let report = check(&board, &prompt, session.focus());
    let claims = BTreeSet::new();
    let md = debrief(
        &board,
        &Record {
            prompt: Some(&prompt),
            session: Some(&session),
            report: Some(&report),
            claims: &claims,
            date: "2026-11-22",
        },
    );
    assert!(md.starts_with(&format!("# Debrief: {}\n", text(&prompt.title))));
    assert!(md.contains("45-minute timed session, L5"));
    for heading in [
        "## The prompt",
        "## Requirements I settled on",
        "## Timing",
        "## The design",
        "## Checklist",
        "### Missed",
        "## Questions I struggled with",
    ] {
        assert!(md.contains(heading), "{heading} missing:\n{md}");
    }
    assert!(md.contains("| Breadth | 9 | 9 |"));
    assert!(md.contains("Depth attempts refused during breadth: 3"));
    // What the user typed stays literal.
    assert!(md.contains("> Send \\<b\\>push\\</b\\> \\| email\n> Respect quiet hours"));
    assert!(!md.contains("<b>"));
    // The curveball first, with the answer given and what a good answer considers.
    let ball = &prompt.curveballs[1];
    let first = md.split("### 1. ").nth(1).unwrap();
    assert!(first.starts_with(&text(&ball.prompt)), "{first}");
    assert!(first.contains("> Shard by \\*user\\*"));
    assert!(first.contains(&text(&ball.why)));
    // Then one section per missed item, each with its four parts.
    let missed = report
        .items
        .iter()
        .filter(|i| !i.found && i.category != breadthfirst::core::check::Category::Hygiene)
        .count();
    assert!(missed > 3, "the narrow design misses much");
    assert_eq!(md.matches("**What was asked**").count(), missed + 1);
    assert_eq!(
        md.matches("**What I should have said**").count(),
        missed + 1
    );
    assert_eq!(md.matches("**Topics to review:**").count(), missed + 1);
    // A missed failure mode names its remedies.
    assert!(md.contains("Name a remedy on the component: "), "{md}");
}

#[test]
fn markdown_text_escapes_what_could_become_markup() {
    assert_eq!(text("a*b_c`d"), "a\\*b\\_c\\`d");
    assert_eq!(text("<script>"), "\\<script\\>");
    assert_eq!(
        text("[x](javascript:alert(1))"),
        "\\[x\\](javascript:alert(1))"
    );
    assert_eq!(text("- item"), "\\- item");
    assert_eq!(text("well-known"), "well-known");
    assert_eq!(text("a | b # c"), "a \\| b \\# c");
}

#[test]
fn an_export_gives_back_its_finished_session_and_claims_for_an_import() {
    let (board, prompt, session) = notifications_reviewed();
    let claims: BTreeSet<String> = ["flow:fanout".to_string(), "failure:x".to_string()].into();
    let record = |session| Record {
        prompt: Some(&prompt),
        session,
        report: None,
        claims: &claims,
        date: "2026-11-22",
    };
    let exported = to_document(&board, &Viewport::default(), &record(Some(&session)));
    let practice = practice_of(&exported);
    let fields = decode_fields(&practice);
    assert_eq!(fields.len(), 3);
    assert_eq!(fields[0], "notification-system");
    let back: Session = serde_json::from_str(fields[1]).unwrap();
    assert_eq!(back, session);
    assert_eq!(fields[2], "failure:x\nflow:fanout");
    // A session still running is not brought back (its clock would be meaningless).
    let running = Session::start("notification-system", SessionPlan::default(), 0.0, 2);
    let doc = to_document(&board, &Viewport::default(), &record(Some(&running)));
    assert_eq!(decode_fields(&practice_of(&doc))[1], "");
    // Nor one for another prompt, and a file with none or no JSON gives empty fields.
    let mut other = serde_json::to_value(&session).unwrap();
    other["prompt_id"] = json!("url-shortener");
    let mut doc: Value =
        serde_json::from_str(&to_document(&board, &Viewport::default(), &record(None))).unwrap();
    doc["session"] = other;
    assert_eq!(decode_fields(&practice_of(&doc.to_string()))[1], "");
    assert_eq!(decode_fields(&practice_of("not json")), vec!["", "", ""]);
    // Through the worker's channel, as the app asks for it.
    let request = serde_json::to_string(&CheckRequest {
        seq: 5,
        import: exported,
        ..CheckRequest::default()
    })
    .unwrap();
    let reply = answer(&request, &catalog());
    assert_eq!(read_answer(&reply), (5, Ok(practice.as_str())));
}
