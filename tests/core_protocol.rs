//! The typed protocol between the app and its worker: every message survives the JSON
//! codec, damaged or foreign text is a typed error (never a panic), and `handle` does
//! each job: a check, each export format, a Boards plan, the reading of an imported
//! file. Also the claims the app keeps beside the worker's report.

mod common;

use breadthfirst::core::check::check;
use breadthfirst::core::check::claims::{claims_from_text, claims_text, toggle_claim};
use breadthfirst::core::diagram::Board;
use breadthfirst::core::editor::Viewport;
use breadthfirst::core::export::document::{practice_of, to_document, Practice, Record};
use breadthfirst::core::export::excalidraw::to_excalidraw;
use breadthfirst::core::export::mermaid::to_mermaid;
use breadthfirst::core::export::replay::{AudioClip, ReplayFormat};
use breadthfirst::core::export::svg::to_svg;
use breadthfirst::core::persist;
use breadthfirst::core::persist::shelf::{
    BoardRow, BoardsAction, ShelfRequest, INDEX_KEY, OPEN_KEY,
};
use breadthfirst::core::prompt::catalog;
use breadthfirst::core::protocol::{
    decode, encode, handle, handle_replay, CheckJob, Envelope, ExportFile, ExportFormat, ExportJob,
    ProtocolError, ReplayJob, ReplayReply, Reply, Request, WorkerMessage,
};
use breadthfirst::core::session::{Session, SessionEvent, SessionPlan, Timeline};
use common::{fixture, prompt, reviewed_session, Rng};
use std::collections::BTreeSet;

const DATE: &str = "2026-11-29";

fn saved(name: &str) -> String {
    persist::to_json(&fixture(name), &Viewport::default())
}

fn check_job() -> CheckJob {
    CheckJob {
        prompt: "url-shortener".into(),
        board: saved("complete-url-shortener.json"),
        session: None,
    }
}

fn export_job(format: ExportFormat, prompt: &str) -> ExportJob {
    ExportJob {
        format,
        prompt: prompt.into(),
        board: saved("complete-url-shortener.json"),
        claims: vec!["flow:0".into()],
        session: None,
        date: DATE.into(),
        transparent: false,
        timeline: None,
    }
}

/// A Boards request over a small storage with one board in use and one put away.
fn shelf_request(action: BoardsAction, id: u32) -> ShelfRequest {
    ShelfRequest {
        action,
        id,
        name: String::new(),
        store: vec![
            (OPEN_KEY.into(), "1\tURL shortener".into()),
            (
                INDEX_KEY.into(),
                "1\t0\tURL shortener\n2\t1795356300000\tRate limiter\n".into(),
            ),
            (
                "breadthfirst.board".into(),
                saved("complete-url-shortener.json"),
            ),
            ("breadthfirst.prompt".into(), "url-shortener".into()),
            (
                "breadthfirst.boards.2.board".into(),
                saved("complete-rate-limiter.json"),
            ),
            ("breadthfirst.boards.2.prompt".into(), "rate-limiter".into()),
        ],
        now: 1_795_356_900_000.0,
        offset_min: 60,
        deleted: String::new(),
    }
}

/// A file exported from a reviewed session, for an import to read back.
fn exported_practice() -> String {
    let prompt = prompt("notification-system");
    let claims: BTreeSet<String> = ["flow:fanout".to_string()].into();
    let session = reviewed_session();
    to_document(
        &fixture("deep-but-narrow-notifications.json"),
        &Viewport::default(),
        &Record {
            prompt: Some(&prompt),
            session: Some(&session),
            timeline: None,
            report: None,
            claims: &claims,
            date: DATE,
        },
    )
}

/// One request of every kind (and a few shapes of each).
fn every_request() -> Vec<Request> {
    let mut in_review = check_job();
    in_review.session = Some(reviewed_session());
    let mut requests = vec![
        Request::Check(check_job()),
        Request::Check(in_review),
        Request::Check(CheckJob::default()),
        Request::ReadPractice {
            file: exported_practice(),
        },
        Request::ReadPractice {
            file: "not json \u{0} \"quoted\" \n\t é 🚀".into(),
        },
    ];
    for format in ExportFormat::ALL {
        requests.push(Request::Export(export_job(format, "url-shortener")));
    }
    let mut timed = export_job(ExportFormat::Markdown, "notification-system");
    timed.session = Some(reviewed_session());
    timed.transparent = true;
    requests.push(Request::Export(timed));
    for action in BoardsAction::ALL {
        requests.push(Request::PlanBoards(shelf_request(action, 2)));
    }
    requests.push(Request::Import {
        name: "chart \"1\".mmd".into(),
        text: "flowchart LR\n  a[\"Web «app»\"] -->|calls| b[(Postgres)]\n".into(),
    });
    requests.push(Request::Import {
        name: "broken.excalidraw".into(),
        text: "{\"type\": \"excalidraw\", \"elements\": [".into(),
    });
    requests.push(Request::Name {
        text: "redis «cache» \"hot\"".into(),
    });
    requests.push(Request::Estimate {
        text: "100e6 links / month".into(),
        reference: Some("40 links/s".into()),
    });
    requests.push(Request::Estimate {
        text: "3 s + 2 «B»".into(),
        reference: None,
    });
    requests
}

/// One replay job of every kind (the history module's).
fn every_replay_job() -> Vec<ReplayJob> {
    let mut jobs = Vec::new();
    jobs.push(ReplayJob::Appearances {
        prompt: "url-shortener".into(),
        timeline: serde_json::to_string(&growing_timeline().0).unwrap(),
    });
    for format in ReplayFormat::ALL {
        jobs.push(ReplayJob::Export {
            session: Session::start("url-shortener", SessionPlan::default(), 0.0, 3),
            timeline: serde_json::to_string(&growing_timeline().0).unwrap(),
            title: "URL «shortener» </script>".into(),
            audio: vec![AudioClip {
                start_ms: 1_500.5,
                mime: "audio/webm;codecs=opus".into(),
                base64: "GkXfo59ChoEBQveBAULygQRC84EIQoKEd2VibQ==".into(),
            }],
            format,
            date: DATE.into(),
        });
    }
    // A session whose board never changed: no replay, a failure.
    jobs.push(ReplayJob::Export {
        session: reviewed_session(),
        timeline: "[]".into(),
        title: String::new(),
        audio: Vec::new(),
        format: ReplayFormat::Html,
        date: DATE.into(),
    });
    jobs.push(ReplayJob::Frames {
        session: Session::start("url-shortener", SessionPlan::default(), 0.0, 3),
        timeline: serde_json::to_string(&growing_timeline().0).unwrap(),
        title: "URL «shortener» </title>".into(),
        date: DATE.into(),
    });
    jobs
}

#[test]
fn every_request_survives_the_codec_in_an_envelope() {
    for (i, request) in every_request().into_iter().enumerate() {
        let envelope = Envelope {
            id: i as u64 * 1_000_003,
            request,
        };
        let text = encode(&envelope).unwrap();
        assert_eq!(decode::<Envelope>(&text), Ok(envelope), "{text}");
    }
    // Ids up to the largest survive.
    let envelope = Envelope {
        id: u64::MAX,
        request: Request::Check(check_job()),
    };
    assert_eq!(decode(&encode(&envelope).unwrap()), Ok(envelope));
    // Replay jobs too; and neither kind reads as the other (the worker tries the
    // app's first, then the replay's).
    for (i, request) in every_replay_job().into_iter().enumerate() {
        let envelope = Envelope {
            id: i as u64,
            request,
        };
        let text = encode(&envelope).unwrap();
        assert_eq!(decode::<Envelope<ReplayJob>>(&text), Ok(envelope), "{text}");
        assert!(decode::<Envelope>(&text).is_err(), "{text}");
    }
    for request in every_request() {
        let text = encode(&Envelope { id: 1, request }).unwrap();
        assert!(decode::<Envelope<ReplayJob>>(&text).is_err(), "{text}");
    }
}

#[test]
fn every_reply_survives_the_codec_in_a_worker_message() {
    let prompts = catalog();
    let mut replies: Vec<Reply> = every_request()
        .into_iter()
        .map(|request| handle(request, &prompts))
        .collect();
    replies.push(Reply::Failed(
        "no prompt \"a\\b\" in the library\n«»".into(),
    ));
    replies.push(Reply::Practice(Box::default()));
    // Every kind is there.
    let kinds: BTreeSet<&str> = replies
        .iter()
        .map(|r| match r {
            Reply::Checked(_) => "checked",
            Reply::Exported(_) => "exported",
            Reply::Planned(_) => "planned",
            Reply::Practice(_) => "practice",
            Reply::Imported { .. } => "imported",
            Reply::Named { .. } => "named",
            Reply::Estimated(_) => "estimated",
            Reply::Failed(_) => "failed",
        })
        .collect();
    assert_eq!(kinds.len(), 8, "{kinds:?}");
    for (id, reply) in replies.into_iter().enumerate() {
        let message = WorkerMessage::Reply {
            id: id as u64,
            reply,
        };
        let text = encode(&message).unwrap();
        assert_eq!(decode::<WorkerMessage>(&text), Ok(message));
    }
}

#[test]
fn every_replay_reply_survives_the_codec_in_a_worker_message() {
    let prompts = catalog();
    let replies: Vec<ReplayReply> = every_replay_job()
        .into_iter()
        .map(|job| handle_replay(job, &prompts))
        .collect();
    let kinds: BTreeSet<&str> = replies
        .iter()
        .map(|r| match r {
            ReplayReply::Appeared(_) => "appeared",
            ReplayReply::Exported(_) => "exported",
            ReplayReply::Frames { .. } => "frames",
            ReplayReply::Failed(_) => "failed",
        })
        .collect();
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    for (id, reply) in replies.into_iter().enumerate() {
        let message = WorkerMessage::Reply {
            id: id as u64,
            reply,
        };
        let text = encode(&message).unwrap();
        assert_eq!(decode::<WorkerMessage<ReplayReply>>(&text), Ok(message));
    }
    // A request the worker could not read is said to every open request.
    let unreadable = WorkerMessage::<Reply>::Unreadable("expected value at line 1".into());
    let text = encode(&unreadable).unwrap();
    assert_eq!(decode::<WorkerMessage>(&text), Ok(unreadable));
}

#[test]
fn the_ready_message_survives_the_codec() {
    let text = encode(&WorkerMessage::<Reply>::Ready).unwrap();
    assert_eq!(decode::<WorkerMessage>(&text), Ok(WorkerMessage::Ready));
}

#[test]
fn a_session_timed_by_the_apps_clock_survives_the_codec_exactly() {
    // The app's clock is `Date.now()`: whole milliseconds since the epoch. (Fractions
    // of a millisecond would not all survive: serde_json reads some decimals back one
    // unit in the last place off unless its `float_roundtrip` feature is on.)
    let mut rng = Rng::new(7);
    for _ in 0..200 {
        let now = 1_700_000_000_000.0 + rng.below(400_000_000_000) as f64;
        let board = Board::new();
        let mut session = Session::start("url-shortener", SessionPlan::default(), now, 2);
        session.handle(SessionEvent::Next, now + rng.below(900_000) as f64, &board);
        session.handle(SessionEvent::Pause, now + 1_000_000.0, &board);
        assert!(session.is_paused());
        let envelope = Envelope {
            id: 1,
            request: Request::Check(CheckJob {
                session: Some(session),
                ..check_job()
            }),
        };
        let text = encode(&envelope).unwrap();
        assert_eq!(decode::<Envelope>(&text), Ok(envelope), "{text}");
    }
}

#[test]
fn garbage_is_a_protocol_error_not_a_panic() {
    for text in [
        "",
        " ",
        "not json",
        "{",
        "}",
        "null",
        "0",
        "[]",
        "{}",
        "\"Check\"",
        "{\"id\":1}",
        "{\"id\":-1,\"request\":{\"ReadPractice\":{\"file\":\"\"}}}",
        "{\"id\":\"1\",\"request\":{\"ReadPractice\":{\"file\":\"\"}}}",
        "{\"id\":1,\"request\":{\"ReadPractice\":{}}}",
        "{\"id\":1,\"request\":{\"Check\":{\"prompt\":7}}}",
        "\u{feff}{}",
    ] {
        let envelope = decode::<Envelope>(text);
        assert!(
            matches!(envelope, Err(ProtocolError(ref why)) if !why.is_empty()),
            "{text:?}: {envelope:?}"
        );
        assert!(decode::<WorkerMessage>(text).is_err(), "{text:?}");
    }
    // Random bytes, read as text.
    let mut rng = Rng::new(11);
    for _ in 0..500 {
        let bytes: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        assert!(decode::<Envelope>(&text).is_err(), "{text:?}");
        assert!(decode::<WorkerMessage>(&text).is_err(), "{text:?}");
    }
}

#[test]
fn a_truncated_message_is_a_protocol_error() {
    let request = Envelope {
        id: 42,
        request: Request::Export(export_job(ExportFormat::Json, "url-shortener")),
    };
    let text = encode(&request).unwrap();
    for cut in 0..text.len() {
        if text.is_char_boundary(cut) {
            assert!(decode::<Envelope>(&text[..cut]).is_err(), "cut at {cut}");
        }
    }
    let reply = WorkerMessage::Reply {
        id: 42,
        reply: handle(request.request, &catalog()),
    };
    let text = encode(&reply).unwrap();
    for cut in (0..text.len()).step_by(7) {
        if text.is_char_boundary(cut) {
            assert!(
                decode::<WorkerMessage>(&text[..cut]).is_err(),
                "cut at {cut}"
            );
        }
    }
}

#[test]
fn an_unknown_variant_is_a_protocol_error() {
    for text in [
        "{\"id\":1,\"request\":{\"Print\":{\"board\":\"\"}}}",
        "{\"id\":1,\"request\":\"Check\"}",
        "{\"id\":1,\"request\":{\"PlanBoards\":{\"action\":\"Shred\",\"id\":1,\"name\":\"\",\"store\":[],\"now\":0,\"offset_min\":0,\"deleted\":\"\"}}}",
    ] {
        let err = decode::<Envelope>(text).unwrap_err();
        assert!(
            err.to_string().starts_with("a worker message could not be read ("),
            "{err}"
        );
    }
    for text in [
        "\"Busy\"",
        "{\"Reply\":{\"id\":1,\"reply\":{\"Shrugged\":\"x\"}}}",
        "{\"Reply\":{\"id\":1,\"reply\":{\"Exported\":{\"format\":\"Pdf\",\"name\":\"a.pdf\",\"content\":\"\"}}}}",
    ] {
        assert!(decode::<WorkerMessage>(text).is_err(), "{text}");
    }
    // A message of the other direction is not mistaken for one of this.
    let request = encode(&Envelope {
        id: 1,
        request: Request::Check(check_job()),
    })
    .unwrap();
    assert!(decode::<WorkerMessage>(&request).is_err());
    assert!(decode::<Envelope>(&encode(&WorkerMessage::<Reply>::Ready).unwrap()).is_err());
}

#[test]
fn the_worker_answers_each_request_with_the_id_it_came_with() {
    // The worker's loop, as the checker binary runs it.
    let prompts = catalog();
    let serve = |text: &str| -> String {
        let envelope: Envelope = decode(text).unwrap();
        encode(&WorkerMessage::Reply {
            id: envelope.id,
            reply: handle(envelope.request, &prompts),
        })
        .unwrap()
    };
    for (id, request) in [
        (3, Request::Check(check_job())),
        (4, Request::ReadPractice { file: "{}".into() }),
    ] {
        let answer = serve(&encode(&Envelope { id, request }).unwrap());
        match decode::<WorkerMessage>(&answer).unwrap() {
            WorkerMessage::Reply { id: back, .. } => assert_eq!(back, id),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn a_check_answers_with_the_report_of_the_board_against_the_prompt() {
    let board = fixture("complete-url-shortener.json");
    let reply = handle(Request::Check(check_job()), &catalog());
    assert_eq!(
        reply,
        Reply::Checked(check(&board, &prompt("url-shortener"), &[]))
    );
}

#[test]
fn a_check_with_a_session_holds_its_focus_picks_for_depth() {
    let board = fixture("complete-url-shortener.json");
    let pick = board.components()[7].id;
    let mut value = serde_json::to_value(reviewed_session()).unwrap();
    value["prompt_id"] = serde_json::json!("url-shortener");
    value["focus"] = serde_json::json!([pick]);
    let session: Session = serde_json::from_value(value).unwrap();
    let job = CheckJob {
        session: Some(session),
        ..check_job()
    };
    let Reply::Checked(report) = handle(Request::Check(job), &catalog()) else {
        panic!("the check fails");
    };
    assert_eq!(report, check(&board, &prompt("url-shortener"), &[pick]));
    assert_ne!(report, check(&board, &prompt("url-shortener"), &[]));
}

#[test]
fn each_export_format_writes_a_file_named_after_the_prompt_and_the_day() {
    let board = fixture("complete-url-shortener.json");
    let names: Vec<String> = ExportFormat::ALL
        .into_iter()
        .map(|format| {
            let reply = handle(
                Request::Export(export_job(format, "url-shortener")),
                &catalog(),
            );
            let Reply::Exported(ExportFile {
                format: written,
                name,
                content,
            }) = reply
            else {
                panic!("{format:?}: {reply:?}");
            };
            assert_eq!(written, format);
            match format {
                ExportFormat::Svg | ExportFormat::Png => {
                    assert_eq!(content, to_svg(&board, Some("#ffffff")))
                }
                ExportFormat::Mermaid => assert_eq!(content, to_mermaid(&board)),
                ExportFormat::Excalidraw => assert_eq!(content, to_excalidraw(&board)),
                ExportFormat::Json => {
                    let doc: serde_json::Value = serde_json::from_str(&content).unwrap();
                    assert_eq!(doc["prompt"], "url-shortener");
                    assert_eq!(doc["claims"], serde_json::json!(["flow:0"]));
                    assert!(doc["check"]["items"].is_array());
                    assert_eq!(persist::from_json(&content).unwrap().board, board);
                }
                ExportFormat::Markdown => {
                    assert!(content.starts_with("# Debrief: "), "{content}");
                    assert!(content.contains("## Checklist"), "{content}");
                }
                ExportFormat::ReplaySvg | ExportFormat::ReplayHtml => {
                    unreachable!("not a board format")
                }
            }
            name
        })
        .collect();
    assert_eq!(
        names,
        [
            "url-shortener-2026-11-29.svg",
            "url-shortener-2026-11-29.png",
            "url-shortener-2026-11-29.json",
            "url-shortener-2026-11-29.mmd",
            "url-shortener-2026-11-29.excalidraw",
            "url-shortener-2026-11-29.md",
        ]
    );
}

#[test]
fn export_formats_have_distinct_names_extensions_and_types() {
    let names: BTreeSet<&str> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
    let extensions: BTreeSet<&str> = ExportFormat::ALL.iter().map(|f| f.extension()).collect();
    assert_eq!(names.len(), ExportFormat::ALL.len());
    assert_eq!(extensions.len(), ExportFormat::ALL.len());
    for format in ExportFormat::ALL {
        assert!(!format.extension().starts_with('.'));
        assert!(format.mime().contains('/'), "{format:?}");
    }
    let copyable: Vec<ExportFormat> = ExportFormat::ALL
        .into_iter()
        .filter(|f| f.copyable())
        .collect();
    assert_eq!(copyable, [ExportFormat::Mermaid, ExportFormat::Markdown]);
    assert_eq!(ExportFormat::Png.mime(), "image/png");
    assert_eq!(ExportFormat::Markdown.name(), "Markdown");
}

#[test]
fn an_export_for_an_unknown_prompt_is_the_board_alone_named_after_the_given_stem() {
    for format in ExportFormat::ALL {
        let reply = handle(
            Request::Export(export_job(format, "retired prompt/v1")),
            &catalog(),
        );
        let Reply::Exported(file) = reply else {
            panic!("{format:?}: {reply:?}");
        };
        assert_eq!(
            file.name,
            format!("retired-prompt-v1-2026-11-29.{}", format.extension())
        );
        if format == ExportFormat::Markdown {
            assert!(file.content.starts_with("# Debrief: Free drawing"));
            assert!(!file.content.contains("## Checklist"));
        }
        if format == ExportFormat::Json {
            let doc: serde_json::Value = serde_json::from_str(&file.content).unwrap();
            assert!(doc["check"].is_null(), "no checklist without the prompt");
        }
    }
    // With no prompt at all, the file is named "board".
    let Reply::Exported(file) = handle(
        Request::Export(export_job(ExportFormat::Svg, "")),
        &catalog(),
    ) else {
        panic!("the export fails");
    };
    assert_eq!(file.name, "board-2026-11-29.svg");
}

#[test]
fn a_boards_request_answers_with_the_plan_and_what_the_dialog_lists() {
    let reply = handle(
        Request::PlanBoards(shelf_request(BoardsAction::Show, 0)),
        &catalog(),
    );
    let Reply::Planned(plan) = reply else {
        panic!("{reply:?}");
    };
    assert!(plan.error.is_empty() && !plan.reload);
    assert!(plan.writes.is_empty(), "showing changes nothing");
    assert_eq!(plan.title, "URL shortener");
    let rows: Vec<&BoardRow> = plan.listing.boards.iter().collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0].id, rows[0].open, rows[0].practised.as_str()),
        (1, true, prompt("url-shortener").title.as_str())
    );
    assert_eq!(
        (
            rows[1].id,
            rows[1].open,
            rows[1].practised.as_str(),
            rows[1].saved.as_str()
        ),
        (
            2,
            false,
            prompt("rate-limiter").title.as_str(),
            "2026-11-22 15:05"
        )
    );

    // Opening the other board plans the swap and a reload.
    let Reply::Planned(open) = handle(
        Request::PlanBoards(shelf_request(BoardsAction::Open, 2)),
        &catalog(),
    ) else {
        panic!("not a plan");
    };
    assert!(open.reload && open.error.is_empty());
    assert_eq!(open.title, "Rate limiter");
    assert!(open.listing.boards.iter().any(|r| r.id == 2 && r.open));
    // Without the library, boards are still listed, just without what they practise.
    let Reply::Planned(bare) = handle(
        Request::PlanBoards(shelf_request(BoardsAction::Show, 0)),
        &[],
    ) else {
        panic!("not a plan");
    };
    assert!(bare.listing.boards.iter().all(|r| r.practised.is_empty()));
    assert_eq!(bare.listing.boards.len(), 2);
}

#[test]
fn reading_a_practice_gives_back_the_prompt_session_and_claims_of_the_file() {
    let file = exported_practice();
    let reply = handle(Request::ReadPractice { file: file.clone() }, &catalog());
    assert_eq!(
        reply,
        Reply::Practice(Box::new(Practice {
            prompt: "notification-system".into(),
            session: Some(reviewed_session()),
            claims: vec!["flow:fanout".into()],
        }))
    );
    assert_eq!(reply, Reply::Practice(Box::new(practice_of(&file))));
    // A file that records nothing gives nothing, never a failure.
    assert_eq!(
        handle(
            Request::ReadPractice {
                file: "garbage".into()
            },
            &[]
        ),
        Reply::Practice(Box::default())
    );
}

#[test]
fn claims_toggled_at_random_round_trip_through_their_stored_text() {
    let keys = [
        "component:cache",
        "component:store",
        "flow:0",
        "flow:redirect",
        "failure:queue",
        "depth:1",
    ];
    let mut rng = Rng::new(3);
    let mut stored = String::new();
    let mut expected: BTreeSet<&str> = BTreeSet::new();
    for step in 0..300 {
        let key = keys[rng.below(keys.len())];
        let claims = toggle_claim(&claims_from_text(&stored), key);
        stored = claims_text(&claims);
        if !expected.remove(key) {
            expected.insert(key);
        }
        let back = claims_from_text(&stored);
        assert_eq!(back, claims, "step {step}");
        let held: BTreeSet<&str> = back.iter().map(String::as_str).collect();
        assert_eq!(held, expected, "step {step}");
        assert_eq!(back.len(), held.len(), "no key twice, step {step}");
    }
    // Toggling twice is no change.
    let claims = claims_from_text("flow:0\ncomponent:cache");
    assert_eq!(
        toggle_claim(&toggle_claim(&claims, "depth:1"), "depth:1"),
        claims
    );
    assert_eq!(
        toggle_claim(&toggle_claim(&claims, "flow:0"), "flow:0"),
        ["component:cache", "flow:0"],
        "a removed claim comes back last"
    );
}

/// The complete URL-shortener board built one component a minute (with the arrows
/// among those already drawn) in a session's timeline.
fn growing_timeline() -> (Timeline, Vec<(f64, Board)>) {
    let full = fixture("complete-url-shortener.json");
    let ids: Vec<_> = full.components().iter().map(|c| c.id).collect();
    let mut timeline = Timeline::default();
    let mut before = Board::new();
    let mut steps = Vec::new();
    for k in 1..=ids.len() {
        let at = k as f64 * 60_000.0;
        let board = full.subset(|id| ids[..k].contains(&id));
        assert!(timeline.record_board(at, &before, &board));
        steps.push((at, board.clone()));
        before = board;
    }
    (timeline, steps)
}

#[test]
fn appearances_say_when_each_component_was_first_found_on_the_replayed_board() {
    let (timeline, steps) = growing_timeline();
    let prompts = catalog();
    let prompt = prompts.iter().find(|p| p.id == "url-shortener").unwrap();
    let ReplayReply::Appeared(found) = handle_replay(
        ReplayJob::Appearances {
            prompt: "url-shortener".into(),
            timeline: serde_json::to_string(&timeline).unwrap(),
        },
        &prompts,
    ) else {
        panic!("no appearances");
    };
    let components = |board: &Board| -> BTreeSet<String> {
        check(board, prompt, &[])
            .items
            .into_iter()
            .filter(|i| i.category == breadthfirst::core::check::Category::Components && i.found)
            .map(|i| i.key)
            .collect()
    };
    let last = components(&steps.last().unwrap().1);
    assert!(
        last.len() >= 5,
        "the complete board finds its components: {last:?}"
    );
    assert_eq!(
        found.iter().map(|a| a.key.clone()).collect::<BTreeSet<_>>(),
        last
    );
    assert!(found.windows(2).all(|w| w[0].at_ms <= w[1].at_ms));
    for a in &found {
        // Found on the board of that moment, and on none before it.
        let at = steps.iter().position(|(t, _)| *t == a.at_ms).unwrap();
        assert!(
            components(&steps[at].1).contains(&a.key),
            "{} at {}",
            a.key,
            a.at_ms
        );
        assert!(steps[..at]
            .iter()
            .all(|(_, b)| !components(b).contains(&a.key)));
        assert!(!a.title.is_empty());
    }
    let refused = handle_replay(
        ReplayJob::Appearances {
            prompt: "no-such-prompt".into(),
            timeline: serde_json::to_string(&growing_timeline().0).unwrap(),
        },
        &prompts,
    );
    assert!(matches!(refused, ReplayReply::Failed(_)));
    let damaged = handle_replay(
        ReplayJob::Appearances {
            prompt: "url-shortener".into(),
            timeline: "[{\"at_ms\": 1".into(),
        },
        &prompts,
    );
    assert!(
        matches!(&damaged, ReplayReply::Failed(why) if why.contains("timeline")),
        "{damaged:?}"
    );
}
