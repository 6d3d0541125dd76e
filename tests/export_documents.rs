//! The worker's exports end to end: each format's reply (file name, type, content),
//! the JSON document's round trip back through the importer for random boards, and
//! the Markdown debrief's sections, with hostile text kept literal.

mod common;

use breadthfirst::core::check::check;
use breadthfirst::core::diagram::{
    Applied, Board, Command, ComponentId, ComponentKind, NoteField, Point,
};
use breadthfirst::core::editor::Viewport;
use breadthfirst::core::export::document::{practice_of, to_document, Practice, Record};
use breadthfirst::core::export::markdown::{debrief, text};
use breadthfirst::core::persist;
use breadthfirst::core::prompt::{catalog, Prompt};
use breadthfirst::core::protocol::{
    decode, encode, file_name, handle, Envelope, ExportFile, ExportFormat, ExportJob, Reply,
    Request,
};
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
        timeline: None,
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
            timeline: None,
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

/// The export job for the complete URL shortener board.
fn job(format: ExportFormat, prompt: &str, session: Option<Session>) -> ExportJob {
    let board = fixture("complete-url-shortener.json");
    ExportJob {
        format,
        prompt: prompt.into(),
        board: persist::to_json(&board, &Viewport::default()),
        claims: vec![],
        session,
        date: "2026-11-22".into(),
        transparent: false,
        timeline: None,
    }
}

/// The worker's file for `job`, or why there is none.
fn export_file(job: ExportJob) -> Result<ExportFile, String> {
    match handle(Request::Export(job), &catalog()) {
        Reply::Exported(file) => Ok(file),
        Reply::Failed(why) => Err(why),
        other => panic!("not an export: {other:?}"),
    }
}

fn export(format: ExportFormat, prompt: &str, session: Option<Session>) -> ExportFile {
    export_file(job(format, prompt, session)).unwrap()
}

/// (format, file extension, MIME type, whether the content looks right).
type Case = (ExportFormat, &'static str, &'static str, fn(&str) -> bool);

#[test]
fn every_format_answers_with_its_file_name_type_and_content() {
    let cases: [Case; 6] = [
        (ExportFormat::Svg, "svg", "image/svg+xml", |c| {
            c.starts_with("<svg")
        }),
        (ExportFormat::Png, "png", "image/png", |c| {
            c.starts_with("<svg") && c.contains("fill=\"#ffffff\"")
        }),
        (ExportFormat::Json, "json", "application/json", |c| {
            persist::from_json(c).is_ok_and(|r| r.board.components().len() == 8)
        }),
        (ExportFormat::Mermaid, "mmd", "text/plain", |c| {
            c.starts_with("flowchart LR\n")
        }),
        (
            ExportFormat::Excalidraw,
            "excalidraw",
            "application/json",
            |c| serde_json::from_str::<Value>(c).is_ok_and(|v| v["type"] == json!("excalidraw")),
        ),
        (ExportFormat::Markdown, "md", "text/markdown", |c| {
            c.starts_with("# Debrief: ") && c.contains("```mermaid\nflowchart LR")
        }),
    ];
    assert_eq!(
        cases.map(|c| c.0),
        ExportFormat::ALL,
        "every format, in menu order"
    );
    for (format, ext, mime, looks_right) in cases {
        let file = export(format, "url-shortener", None);
        assert_eq!(file.format, format);
        assert_eq!(file.name, format!("url-shortener-2026-11-22.{ext}"));
        assert_eq!(format.extension(), ext);
        assert_eq!(format.mime(), mime, "{format:?}");
        assert!(looks_right(&file.content), "{format:?}: {}", file.content);
    }
}

#[test]
fn an_unknown_export_format_is_refused_when_the_request_is_read() {
    let envelope = Envelope {
        id: 9,
        request: Request::Export(job(ExportFormat::Svg, "url-shortener", None)),
    };
    let text = encode(&envelope).unwrap();
    assert!(text.contains("\"Svg\""), "{text}");
    let pdf = text.replace("\"Svg\"", "\"Pdf\"");
    let err = decode::<Envelope>(&pdf).unwrap_err();
    assert!(err.0.contains("Pdf"), "{err}");
    assert!(err
        .to_string()
        .starts_with("a worker message could not be read"));
}

#[test]
fn an_export_of_an_unreadable_board_says_the_board_could_not_be_read() {
    let mut bad = job(ExportFormat::Mermaid, "url-shortener", None);
    bad.board = "{".into();
    let why = export_file(bad).unwrap_err();
    assert!(why.starts_with("the board could not be read: "), "{why}");
}

#[test]
fn a_transparent_picture_has_no_background() {
    let picture = |transparent: bool| {
        let mut job = job(ExportFormat::Png, "", None);
        job.transparent = transparent;
        export_file(job).unwrap().content
    };
    assert!(picture(false).contains("fill=\"#ffffff\"/>"));
    assert!(!picture(true).contains("fill=\"#ffffff\"/>"));
}

#[test]
fn an_export_never_fails_for_want_of_a_prompt() {
    let file = export(ExportFormat::Markdown, "", None);
    assert_eq!(file.name, "board-2026-11-22.md");
    assert!(file.content.starts_with("# Debrief: Free drawing"));
    assert!(!file.content.contains("## Checklist"));
    let file = export(ExportFormat::Svg, "gone-from-the-library", None);
    assert_eq!(file.name, "gone-from-the-library-2026-11-22.svg");
    // Without the library at all, too.
    let job = job(ExportFormat::Json, "url-shortener", None);
    let Reply::Exported(file) = handle(Request::Export(job), &[]) else {
        panic!("the export fails without the library");
    };
    assert_eq!(file.name, "url-shortener-2026-11-22.json");
    assert!(persist::from_json(&file.content).is_ok());
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
            timeline: None,
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
    // The answered curveball has its own section, with the answer and what a good
    // answer considers; it is not among the struggles.
    let ball = &prompt.curveballs[1];
    let section = md.split("## The curveball\n\n").nth(1).unwrap();
    assert!(
        section.starts_with(&format!("> {}", text(&ball.prompt))),
        "{section}"
    );
    assert!(section.contains("> Shard by \\*user\\*"));
    assert!(section.contains(&text(&ball.why)));
    let struggles = md.split("## Questions I struggled with").nth(1).unwrap();
    assert!(
        !struggles.contains(&text(&ball.prompt)),
        "an answered curveball"
    );
    // The level's expectations come first.
    assert!(struggles.contains(&format!("> {}", text(&prompt.expectations.l5))));
    // Then one section per missed item, each with its four parts, and what the board
    // said in its own words (the check's detail).
    let missed: Vec<_> = report
        .items
        .iter()
        .filter(|i| !i.found && !i.advice)
        .filter(|i| i.category != breadthfirst::core::check::Category::Hygiene)
        .collect();
    assert!(missed.len() > 3, "the narrow design misses much");
    for part in [
        "**What was asked**",
        "**What my board and notes said**",
        "**What the interviewer expects**",
    ] {
        assert_eq!(md.matches(part).count(), missed.len(), "{part}");
    }
    for item in &missed {
        assert!(struggles.contains(&text(&item.detail)), "{}", item.detail);
    }
    // A missed failure mode names its remedies; the topics to review are the misses'
    // concepts, never the prompt's tags.
    assert!(
        md.contains("Name a remedy in the failure note of the component"),
        "{md}"
    );
    let topics = md.split("## Topics to review\n\n").nth(1).unwrap();
    assert!(!topics.contains(&text(&prompt.tags[0])), "{topics}");
    let failure = missed
        .iter()
        .find(|i| i.key.starts_with("failure:"))
        .expect("a missed failure mode");
    let index: usize = failure.key["failure:".len()..].parse().unwrap();
    let remedy = &prompt.failure_modes[index].mitigations[0];
    assert!(topics.contains(&format!("- {}", text(remedy))), "{topics}");
    // Each found item shows its evidence, so a false pass can be spotted.
    let found = md
        .split("### Found on the board, with the evidence\n\n")
        .nth(1)
        .unwrap();
    for item in report.items.iter().filter(|i| i.found && !i.advice) {
        assert!(found.contains(&text(&item.detail)), "{}", item.detail);
    }
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
        timeline: None,
        report: None,
        claims: &claims,
        date: "2026-11-22",
    };
    let exported = to_document(&board, &Viewport::default(), &record(Some(&session)));
    let practice = practice_of(&exported);
    assert_eq!(
        practice,
        Practice {
            prompt: "notification-system".into(),
            session: Some(session.clone()),
            claims: vec!["failure:x".into(), "flow:fanout".into()],
        }
    );
    // A session still running is not brought back (its clock would be meaningless).
    let running = Session::start("notification-system", SessionPlan::default(), 0.0, 2);
    let doc = to_document(&board, &Viewport::default(), &record(Some(&running)));
    assert_eq!(practice_of(&doc).session, None);
    assert_eq!(practice_of(&doc).prompt, "notification-system");
    // Nor one for another prompt, and a file with none or no JSON gives empty fields.
    let mut other = serde_json::to_value(&session).unwrap();
    other["prompt_id"] = json!("url-shortener");
    let mut doc: Value =
        serde_json::from_str(&to_document(&board, &Viewport::default(), &record(None))).unwrap();
    doc["session"] = other;
    assert_eq!(practice_of(&doc.to_string()).session, None);
    assert_eq!(practice_of("not json"), Practice::default());
    // Through the worker, as the app asks for it.
    let reply = handle(Request::ReadPractice { file: exported }, &catalog());
    assert_eq!(reply, Reply::Practice(Box::new(practice)));
}

#[test]
fn the_debrief_holds_the_worksheet_against_the_references_and_lists_the_follow_ups() {
    let (board, prompt, session) = notifications_reviewed();
    let mut value = serde_json::to_value(&session).unwrap();
    let first = &prompt.estimates[0];
    let second = &prompt.estimates[1];
    // The first as the reference itself (right), the second ten times too big in
    // a table-breaking way, the rest not estimated.
    value["estimates"] = serde_json::json!([
        {"id": first.id, "text": first.reference},
        {"id": second.id, "text": format!("100 * ({}) | x", second.reference)},
    ]);
    value["follow_ups"] = serde_json::json!([
        {"index": 0, "phase": "focus", "answer": "The *sender* first"},
        {"index": 1, "phase": "depth", "answer": ""},
    ]);
    let session: Session = serde_json::from_value(value).unwrap();
    let claims = BTreeSet::new();
    let md = debrief(
        &board,
        &Record {
            prompt: Some(&prompt),
            session: Some(&session),
            timeline: None,
            report: None,
            claims: &claims,
            date: "2026-11-30",
        },
    );
    let table = md
        .split("## Estimates\n\n")
        .nth(1)
        .expect("an estimates section");
    let rows: Vec<&str> = table.lines().skip(2).take(prompt.estimates.len()).collect();
    assert!(
        rows[0].starts_with(&format!("| {} |", text(&first.quantity))),
        "{table}"
    );
    assert!(
        rows[0].ends_with("| Right (about the reference) |"),
        "{}",
        rows[0]
    );
    assert!(rows[1].contains("\\| x"), "escaped: {}", rows[1]);
    assert!(
        rows[1].contains("column"),
        "the parse error is kept: {}",
        rows[1]
    );
    for row in &rows[2..] {
        assert!(
            row.contains("| not estimated |") && row.ends_with("| Wrong |"),
            "{row}"
        );
    }
    assert!(md.contains(&format!(
        "- **{}**: {}",
        text(&first.quantity),
        text(&first.derivation)
    )));
    let follow = md
        .split("## Follow-up questions\n\n")
        .nth(1)
        .expect("a follow-up section");
    assert!(follow.starts_with(&format!(
        "### In Focus\n\n> {}",
        text(&prompt.follow_ups[0].question)
    )));
    assert!(follow.contains("> The \\*sender\\* first"));
    assert!(follow.contains(&format!("> {}", text(&prompt.follow_ups[0].answer))));
    assert!(follow.contains("### In Depth") && follow.contains("No answer written."));
}

/// The JSON file carries the session's timeline (which the history keeps) beside the
/// session, as the history gave it; text that is not a timeline is left out.
#[test]
fn the_json_file_carries_the_sessions_timeline() {
    let (board, prompt, session) = notifications_reviewed();
    let claims = BTreeSet::new();
    let mut timeline = breadthfirst::core::session::Timeline::default();
    timeline.record_board(90_000.0, &breadthfirst::core::diagram::Board::new(), &board);
    let text = serde_json::to_string(&timeline).unwrap();
    let doc = |timeline: Option<&str>| -> serde_json::Value {
        let record = Record {
            prompt: Some(&prompt),
            session: Some(&session),
            timeline,
            report: None,
            claims: &claims,
            date: "2026-11-30",
        };
        serde_json::from_str(&to_document(&board, &Viewport::default(), &record)).unwrap()
    };
    let with = doc(Some(&text));
    let back: breadthfirst::core::session::Timeline =
        serde_json::from_value(with["timeline"].clone()).unwrap();
    assert_eq!(back, timeline);
    assert_eq!(back.board(), board);
    assert!(doc(Some("{not json")).get("timeline").is_none());
    assert!(doc(None).get("timeline").is_none());
}
