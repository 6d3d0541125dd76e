//! The history file (`core::history::file`, format "breadthfirst-history" version 1):
//! a history of attempts (with their boards and sessions), cards and journal entries
//! round-trips unchanged; what is not a history file is refused with its typed error
//! (not JSON, not a history, a board file, no version, a newer version, too large);
//! what can be repaired is, and counted (unreadable records left out per list,
//! duplicate ids, attempts without a readable body); merging an import adds only what
//! is not stored; and the version 1 fixture (`tests/fixtures/history-v1.json`, an
//! export of a real session and a free check) keeps reading as it was written.

use breadthfirst::core::check::{check, Category, Report, Status};
use breadthfirst::core::diagram::{Board, Command, ComponentKind as K, NoteField};
use breadthfirst::core::editor::Viewport;
use breadthfirst::core::history::bridge::session_attempt_id;
use breadthfirst::core::history::{
    cards_after, date_of, from_history_json, merge, to_history_json, Attempt, AttemptBody,
    AttemptInput, AttemptKind, Card, CardSubject, Diagnosis, History, HistoryFileError,
    HistoryRepairs, JournalEntry, Round, Struggle, FORMAT, MAX_BYTES, VERSION,
};
use breadthfirst::core::persist;
use breadthfirst::core::repetition::{Grade, Schedule};
use breadthfirst::core::session::{Level, Milestones, Phase, Session, SessionEvent, SessionPlan};
use serde_json::{json, Value};
use std::collections::BTreeSet;

mod common;

use common::{add_named, connect, fixture_text, prompt};

const MIN: f64 = 60_000.0;
/// 2026-11-30 18:00 UTC.
const T0: f64 = 1_796_061_600_000.0;

/// A history as the app keeps it: a timed session on "url-shortener" and a free check
/// a day later, both with their bodies; the cards they made; a journal entry and its
/// topic card.
fn history() -> History {
    use SessionEvent::*;
    let p = prompt("url-shortener");
    let at = |m: f64| T0 + m * MIN;
    let mut s = Session::start(&p.id, SessionPlan::default(), T0, p.curveballs.len());
    let mut b = Board::new();
    let web = add_named(&mut b, K::Client, "Web");
    let lb = add_named(&mut b, K::LoadBalancer, "LB");
    let api = add_named(&mut b, K::Service, "API");
    let db = add_named(&mut b, K::SqlDatabase, "Links");
    let cache = add_named(&mut b, K::Cache, "Redis");
    s.handle(Tick, at(1.0), &b);
    s.handle(Next, at(4.0), &b);
    for (from, to) in [(web, lb), (lb, api), (api, db), (api, cache)] {
        connect(&mut b, from, to);
    }
    s.handle(Tick, at(6.0), &b);
    s.handle(Next, at(12.0), &b);
    s.handle(ToggleFocus(cache), at(12.5), &b);
    s.handle(Next, at(14.0), &b);
    b.apply(Command::SetNote {
        id: cache,
        field: NoteField::Details,
        text: "Cache-aside, 20 GB for the hot set, LRU eviction.".into(),
    })
    .unwrap();
    s.handle(Tick, at(23.0), &b);
    assert!(s.answer_curveball("Replicate the hot key."));
    s.handle(Next, at(31.0), &b);
    s.handle(Next, at(45.0), &b);
    assert_eq!(s.phase(), Phase::Review);
    let claims = vec!["component:idgen".to_string()];
    let report = check(&b, &p, s.focus());
    let map = persist::from_json(s.breadth_board().unwrap())
        .unwrap()
        .board;
    let breadth = check(&map, &p, &[]);
    let timed = Attempt::new(&AttemptInput {
        prompt: &p,
        session: Some(&s),
        report: &report,
        breadth_report: Some(&breadth),
        claims: &claims,
        at_ms: T0,
        day: 20_787,
    });
    let timed_body = AttemptBody {
        id: timed.id.clone(),
        board: persist::to_json(&b, &Viewport::default()),
        session: Some(s),
        report: Some(report),
        claims,
        // How the board grew: the history file carries it with the attempt.
        timeline: {
            let mut t = breadthfirst::core::session::Timeline::default();
            t.record_board(60_000.0, &breadthfirst::core::diagram::Board::new(), &b);
            t
        },
    };
    let report = check(&b, &p, &[]);
    let free = Attempt::new(&AttemptInput {
        prompt: &p,
        session: None,
        report: &report,
        breadth_report: None,
        claims: &[],
        at_ms: T0 + 86_400_000.0,
        day: 20_788,
    });
    let free_body = AttemptBody {
        id: free.id.clone(),
        board: persist::to_json(&b, &Viewport::default()),
        session: None,
        report: Some(report),
        claims: vec![],
        timeline: Default::default(),
    };
    let mut cards = cards_after(&timed, &[], 20_787).put;
    let self_graded = cards[1].graded(Grade::Easy, 20_788);
    cards[1] = self_graded;
    let entry = JournalEntry {
        id: "j1796151600000".into(),
        company: "Acme".into(),
        role: "Staff engineer".into(),
        date: "2026-12-01".into(),
        round: Round::SystemDesign,
        went_well: "Estimates".into(),
        struggles: vec![Struggle {
            asked: "Hot keys?".into(),
            said: "More nodes.".into(),
            should_have: "Replicate the hot keys.".into(),
            topics: "Hot keys, request coalescing".into(),
        }],
        process: "Rushed the map.".into(),
        diagnosis: Some(Diagnosis::DidNotKnow),
    };
    cards.extend(entry.new_cards(&cards, 20_788));
    History {
        attempts: vec![(timed, Some(timed_body)), (free, Some(free_body))],
        cards,
        journal: vec![entry],
    }
}

fn read(text: &str) -> (History, HistoryRepairs) {
    from_history_json(text).unwrap_or_else(|e| panic!("{e}"))
}

/// A file with these records, as JSON values.
fn file(attempts: Vec<Value>, cards: Vec<Value>, journal: Vec<Value>) -> String {
    json!({
        "format": FORMAT,
        "version": VERSION,
        "exported": "2026-12-01",
        "attempts": attempts,
        "cards": cards,
        "journal": journal,
    })
    .to_string()
}

fn value<T: serde::Serialize>(record: &T) -> Value {
    serde_json::to_value(record).unwrap()
}

/// An attempt record of the file: the attempt, with a body if given.
fn record(attempt: &Attempt, body: Option<Value>) -> Value {
    let mut r = json!({ "attempt": value(attempt) });
    if let Some(body) = body {
        r["body"] = body;
    }
    r
}

// ------------------------------------------------------------ round trip

#[test]
fn a_history_round_trips_through_its_file_unchanged() {
    let h = history();
    assert_eq!(h.attempts.len(), 2);
    assert!(h.cards.len() >= 4, "{}", h.cards.len());
    assert!(h
        .cards
        .iter()
        .any(|c| c.graded_by.is_none() && c.reviews > 0));
    assert!(h
        .cards
        .iter()
        .any(|c| matches!(c.subject, CardSubject::Topic { .. })));
    let text = to_history_json(&h, "2026-12-01");
    let (back, repairs) = read(&text);
    assert_eq!(back, h);
    assert!(repairs.is_empty(), "{repairs:?}");
    assert_eq!(repairs.to_string(), "");
    // Written again, the same file.
    assert_eq!(to_history_json(&back, "2026-12-01"), text);
    // The file says what it is, and when it was exported.
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["format"], "breadthfirst-history");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["exported"], "2026-12-01");
    assert_eq!(doc["attempts"][0]["attempt"]["id"], "t1796061600000");
    assert_eq!(doc["attempts"][0]["body"]["id"], "t1796061600000");
    assert_eq!(doc["attempts"][1]["attempt"]["kind"], "free");
    // A card no attempt graded last says nothing of one.
    let topic = doc["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["subject"].get("topic").is_some())
        .unwrap();
    assert!(topic.get("graded_by").is_none(), "{topic}");
}

#[test]
fn an_attempt_kept_without_its_body_reads_back_without_one() {
    let mut h = history();
    h.attempts[1].1 = None;
    let text = to_history_json(&h, "2026-12-01");
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert!(doc["attempts"][1].get("body").is_none(), "no body written");
    let (back, repairs) = read(&text);
    assert_eq!(back, h);
    assert!(repairs.unreadable.is_empty() && repairs.duplicates == 0);
}

#[test]
fn an_empty_history_and_a_file_without_lists_read_as_nothing() {
    let (back, repairs) = read(&to_history_json(&History::default(), ""));
    assert_eq!(back, History::default());
    assert!(repairs.is_empty());
    let (back, repairs) = read(r#"{"format": "breadthfirst-history", "version": 1}"#);
    assert_eq!(back, History::default());
    assert!(repairs.is_empty());
}

#[test]
fn fields_this_build_does_not_know_are_passed_over() {
    let h = history();
    let mut doc: Value = serde_json::from_str(&to_history_json(&h, "x")).unwrap();
    doc["settings"] = json!({ "theme": "dark" });
    doc["attempts"][0]["attempt"]["mood"] = json!("tired");
    doc["attempts"][0]["tags"] = json!(["warm-up"]);
    doc["cards"][0]["colour"] = json!("red");
    doc["journal"][0]["salary"] = json!(1);
    let (back, repairs) = read(&doc.to_string());
    assert_eq!(back, h);
    assert!(repairs.is_empty());
}

// ------------------------------------------------------------ refusals

#[test]
fn what_is_not_a_history_file_is_refused_with_its_reason() {
    use HistoryFileError as E;
    let board = persist::to_json(&Board::new(), &Viewport::default());
    // (text, expected error; `NotJson`'s reason is checked apart)
    let rows: Vec<(String, E)> = vec![
        (String::new(), E::NotJson { reason: String::new() }),
        ("{".into(), E::NotJson { reason: String::new() }),
        ("not json".into(), E::NotJson { reason: String::new() }),
        (
            r#"{"format": "breadthfirst-history", "version": 1,}"#.into(),
            E::NotJson { reason: String::new() },
        ),
        ("[]".into(), E::NotHistory),
        (r#"["breadthfirst-history", 1]"#.into(), E::NotHistory),
        ("{}".into(), E::NotHistory),
        ("42".into(), E::NotHistory),
        ("null".into(), E::NotHistory),
        (r#""breadthfirst-history""#.into(), E::NotHistory),
        (r#"{"version": 1}"#.into(), E::NotHistory),
        (r#"{"format": "excalidraw", "version": 2}"#.into(), E::NotHistory),
        (r#"{"format": 1, "version": 1}"#.into(), E::NotHistory),
        (
            r#"{"format": "breadthfirst-history", "version": 1, "attempts": 5}"#.into(),
            E::NotHistory,
        ),
        (
            r#"{"format": "breadthfirst", "version": 2, "board": {"components": [], "arrows": []}}"#
                .into(),
            E::BoardFile,
        ),
        (r#"{"format": "breadthfirst", "version": 99}"#.into(), E::BoardFile),
        (board, E::BoardFile),
        (fixture_text("v1-board.json"), E::BoardFile),
        (fixture_text("v2-board.json"), E::BoardFile),
        (r#"{"format": "breadthfirst-history"}"#.into(), E::MissingVersion),
        (
            r#"{"format": "breadthfirst-history", "version": null}"#.into(),
            E::MissingVersion,
        ),
        (
            r#"{"format": "breadthfirst-history", "version": 0}"#.into(),
            E::MissingVersion,
        ),
        (
            r#"{"format": "breadthfirst-history", "version": 2, "attempts": "later"}"#.into(),
            E::VersionTooNew {
                found: 2,
                supported: 1,
            },
        ),
        (
            r#"{"format": "breadthfirst-history", "version": 99}"#.into(),
            E::VersionTooNew {
                found: 99,
                supported: 1,
            },
        ),
    ];
    for (text, expected) in rows {
        let got = from_history_json(&text).map(|_| ());
        match (&got, &expected) {
            (Err(E::NotJson { reason }), E::NotJson { .. }) => {
                assert!(reason.contains("line 1"), "{text:?}: {reason}");
            }
            _ => assert_eq!(got, Err(expected), "{text:?}"),
        }
    }
    assert_eq!(VERSION, 1);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    // Not JSON either: the size is what is reported.
    let text = " ".repeat(MAX_BYTES + 1);
    assert_eq!(
        from_history_json(&text).map(|_| ()),
        Err(HistoryFileError::TooLarge {
            bytes: MAX_BYTES + 1
        })
    );
    // A file of exactly the limit is read.
    let mut text = to_history_json(&History::default(), "");
    text.push_str(&" ".repeat(MAX_BYTES - text.len()));
    assert_eq!(text.len(), MAX_BYTES);
    assert!(from_history_json(&text).is_ok());
}

#[test]
fn each_refusal_says_why_in_words() {
    use HistoryFileError as E;
    let rows = [
        (
            E::TooLarge {
                bytes: 70 * 1_048_576,
            },
            "70 MB; the limit is 64 MB",
        ),
        (
            E::NotJson {
                reason: "EOF while parsing at line 1 column 1".into(),
            },
            "not valid JSON (EOF while parsing at line 1 column 1)",
        ),
        (E::BoardFile, "board file"),
        (E::NotHistory, "not a Breadthfirst history"),
        (E::MissingVersion, "no format version"),
        (
            E::VersionTooNew {
                found: 2,
                supported: 1,
            },
            "newer Breadthfirst (format 2; this app reads up to 1)",
        ),
    ];
    for (error, says) in rows {
        assert!(error.to_string().contains(says), "{error}");
    }
}

// ------------------------------------------------------------ repairs

#[test]
fn unreadable_records_are_left_out_and_counted_per_list() {
    let h = history();
    let (timed, timed_body) = &h.attempts[0];
    let text = file(
        vec![
            json!({ "attempt": { "id": 5 } }),
            record(timed, Some(value(timed_body.as_ref().unwrap()))),
            json!("an attempt"),
        ],
        vec![value(&h.cards[0]), json!({ "id": "p:x" }), json!([])],
        vec![
            json!(7),
            json!({ "id": "j2", "round": "karaoke" }),
            value(&h.journal[0]),
            json!({ "id": "j3" }),
        ],
    );
    let (back, repairs) = read(&text);
    assert_eq!(back.attempts, h.attempts[..1]);
    assert_eq!(back.cards, h.cards[..1]);
    assert_eq!(back.journal, h.journal);
    assert_eq!(
        repairs,
        HistoryRepairs {
            unreadable: vec![("attempts", 2), ("cards", 2), ("journal entries", 3)],
            duplicates: 0,
            bodiless: 0,
        }
    );
    assert_eq!(
        repairs.to_string(),
        "2 unreadable records left out of the attempts; 2 unreadable records left out of the cards; 3 unreadable records left out of the journal entries"
    );
}

#[test]
fn a_duplicate_id_keeps_the_first_record_and_is_counted() {
    let h = history();
    let (timed, body) = &h.attempts[0];
    let body = value(body.as_ref().unwrap());
    let renamed = Attempt {
        prompt_title: "Second copy".into(),
        ..timed.clone()
    };
    let card = &h.cards[0];
    let later_card = Card {
        reviews: card.reviews + 7,
        ..card.clone()
    };
    let entry = &h.journal[0];
    let later_entry = JournalEntry {
        company: "Globex".into(),
        ..entry.clone()
    };
    let text = file(
        vec![
            record(timed, Some(body.clone())),
            record(&renamed, Some(body)),
        ],
        vec![value(card), value(&later_card), value(card)],
        vec![value(entry), value(&later_entry)],
    );
    let (back, repairs) = read(&text);
    assert_eq!(back.attempts, h.attempts[..1]);
    assert_eq!(back.attempts[0].0.prompt_title, "Design a URL shortener");
    assert_eq!(back.cards, std::slice::from_ref(card));
    assert_eq!(back.journal[0].company, "Acme");
    assert_eq!(
        repairs,
        HistoryRepairs {
            unreadable: vec![],
            duplicates: 4,
            bodiless: 0,
        }
    );
    assert_eq!(repairs.to_string(), "4 duplicates left out");
}

#[test]
fn an_attempt_whose_body_cannot_be_read_keeps_its_scores_and_is_counted() {
    let h = history();
    let (timed, body) = &h.attempts[0];
    let good = value(body.as_ref().unwrap());
    let mut other_id = good.clone();
    other_id["id"] = json!("t1");
    let mut damaged = good.clone();
    damaged["board"] = json!(5);
    // (body as written, whether it is read)
    let rows: Vec<(&str, Option<Value>, bool)> = vec![
        ("its own body", Some(good), true),
        ("no body", None, false),
        ("a null body", Some(Value::Null), false),
        ("a body that is text", Some(json!("board")), false),
        ("a damaged body", Some(damaged), false),
        ("another attempt's body", Some(other_id), false),
    ];
    for (name, written, kept) in rows {
        let text = file(vec![record(timed, written)], vec![], vec![]);
        let (back, repairs) = read(&text);
        assert_eq!(back.attempts.len(), 1, "{name}");
        assert_eq!(&back.attempts[0].0, timed, "{name}: the scores are kept");
        assert_eq!(back.attempts[0].1.is_some(), kept, "{name}");
        assert_eq!(repairs.bodiless, usize::from(!kept), "{name}");
        assert!(
            repairs.unreadable.is_empty() && repairs.duplicates == 0,
            "{name}"
        );
        if !kept {
            assert!(
                repairs.to_string() == "1 attempt kept without its board",
                "{repairs}"
            );
        }
    }
}

// ------------------------------------------------------------ merge

#[test]
fn merging_an_import_adds_only_what_is_not_stored_and_counts_the_rest() {
    let h = history();
    let stored = History {
        attempts: vec![(h.attempts[0].0.clone(), None)],
        cards: h.cards[..2].to_vec(),
        journal: h.journal.clone(),
    };
    // The import has changed copies of everything stored, and more.
    let mut incoming = h.clone();
    incoming.attempts[0].0.prompt_title = "Changed".into();
    incoming.cards[0].reviews = 99;
    incoming.journal[0].company = "Changed".into();
    let extra = JournalEntry {
        id: "j1".into(),
        ..JournalEntry::default()
    };
    incoming.journal.push(extra.clone());
    let m = merge(&stored, incoming);
    assert_eq!(m.already, 1 + 2 + 1);
    assert_eq!(m.new.attempts, h.attempts[1..]);
    assert_eq!(m.new.cards, h.cards[2..]);
    assert_eq!(m.new.journal, [extra]);
    // Nothing stored: everything is new. Everything stored: nothing is.
    let all = merge(&History::default(), h.clone());
    assert_eq!((all.new, all.already), (h.clone(), 0));
    let none = merge(&h, h.clone());
    assert_eq!(none.new, History::default());
    assert_eq!(none.already, 2 + h.cards.len() + 1);
}

// ------------------------------------------------------------ the version 1 fixture

#[test]
fn the_version_1_fixture_reads_without_repairs_as_it_was_written() {
    let text = fixture_text("history-v1.json");
    let (h, repairs) = read(&text);
    assert!(repairs.is_empty(), "{repairs:?}");
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        (&doc["format"], &doc["version"]),
        (&json!(FORMAT), &json!(1))
    );

    // The timed session: 30 minutes at L4, on 2026-11-30 at 18:00 UTC.
    let ids: Vec<&str> = h.attempts.iter().map(|(a, _)| a.id.as_str()).collect();
    assert_eq!(ids, ["t1796061600000", "f1796148137000"]);
    let (timed, body) = &h.attempts[0];
    assert_eq!(timed.kind, AttemptKind::Timed);
    assert_eq!(timed.prompt_id, "url-shortener");
    assert_eq!((timed.level, timed.minutes), (Some(Level::L4), 30));
    assert_eq!((timed.at_ms, date_of(timed.day)), (T0, "2026-11-30".into()));
    let phases: Vec<(Phase, f64, f64)> = timed
        .phases
        .iter()
        .map(|p| (p.phase, p.planned_ms / MIN, p.actual_ms / MIN))
        .collect();
    assert_eq!(
        phases,
        [
            (Phase::Requirements, 4.0, 4.5),
            (Phase::Breadth, 8.0, 6.5),
            (Phase::Focus, 1.0, 1.0),
            (Phase::Depth, 11.0, 12.0),
            (Phase::FailureModes, 6.0, 7.0),
        ]
    );
    assert_eq!(timed.overrun_minutes(), 0.5 + 1.0 + 1.0);
    let mark = timed.breadth.expect("a breadth mark");
    assert_eq!(
        (
            mark.components_found,
            mark.components_total,
            mark.flows_found,
            mark.flows_total
        ),
        (5, 8, 3, 4)
    );
    assert_eq!(
        mark.milestones,
        Milestones {
            entry_ms: Some(1.5 * MIN),
            store_ms: Some(6.0 * MIN),
            connected_ms: Some(8.0 * MIN),
        }
    );
    assert_eq!(timed.depth_refusals, 1);
    assert_eq!(timed.missed, ["failure:2", "failure:3", "failure:4"]);
    assert_eq!(timed.claimed, ["component:idgen"]);
    assert_eq!(timed.percent(), 77, "14 of 18");
    let curveball = timed.curveball.as_ref().unwrap();
    assert!(curveball.question.starts_with("A celebrity posts"));
    assert!(curveball.answer.starts_with("Replicate the hot key"));

    // Its body: the board, the session in Review, the check and the claim.
    let body = body.as_ref().expect("a body");
    assert_eq!(body.id, timed.id);
    let board = persist::from_json(&body.board).unwrap();
    assert!(board.repairs.is_empty());
    let labels: Vec<&str> = board
        .board
        .components()
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "Browser",
            "LB",
            "Shortener API",
            "DynamoDB links",
            "Redis",
            "Kafka clicks",
            "Click aggregator"
        ]
    );
    let session = body.session.as_ref().expect("a session");
    assert_eq!(session.phase(), Phase::Review);
    assert_eq!(session_attempt_id(session), timed.id);
    assert_eq!(session.milestones(), mark.milestones);
    assert_eq!(session.records(), timed.phases.as_slice());
    let map = persist::from_json(session.breadth_board().unwrap()).unwrap();
    assert_eq!(map.board.components().len(), 5);
    assert_eq!(body.claims, ["component:idgen"]);
    scores_match_the_stored_check(timed, body);

    // The free check a day later: the code generator drawn too.
    let (free, body) = &h.attempts[1];
    assert_eq!(free.kind, AttemptKind::Free);
    assert_eq!(
        (free.level, free.minutes, free.day),
        (None, 0, timed.day + 1)
    );
    assert!(free.phases.is_empty() && free.breadth.is_none() && free.curveball.is_none());
    assert_eq!(
        free.missed,
        ["depth:dive-0", "depth:dive-2", "failure:3", "failure:4"]
    );
    assert_eq!(free.percent(), 80, "16 of 20");
    let body = body.as_ref().expect("a body");
    assert_eq!(body.session, None);
    let board = persist::from_json(&body.board).unwrap().board;
    assert_eq!(board.components().len(), 8);
    scores_match_the_stored_check(free, body);

    // Three cards: the prompt's, graded by both attempts; a failure item missed
    // twice; the journal entry's topic, not reviewed yet.
    let ids: Vec<&str> = h.cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "p:url-shortener",
            "i:url-shortener:failure:3",
            "t:j1796151600000:hot keys"
        ]
    );
    let p = &h.cards[0];
    assert_eq!((p.last, p.reviews), (Some(Grade::Good), 2));
    let by = p.graded_by.as_ref().unwrap();
    assert_eq!(by.attempt, free.id);
    assert_eq!((by.last, by.reviews), (Some(Grade::Hard), 1));
    // Before the free check: Hard on the day of the session; after it, Good.
    let hard = Schedule::new(timed.day).review(Grade::Hard, timed.day);
    assert_eq!(by.schedule, Some(hard));
    assert_eq!(p.schedule, hard.review(Grade::Good, free.day));
    let item = &h.cards[1];
    assert_eq!(
        item.subject,
        CardSubject::Item {
            prompt: "url-shortener".into(),
            key: "failure:3".into()
        }
    );
    assert_eq!((item.last, item.reviews), (Some(Grade::Again), 2));
    assert_eq!(item.schedule.due, free.day + 1);
    let topic = &h.cards[2];
    assert_eq!(
        topic.subject,
        CardSubject::Topic {
            text: "Hot keys".into(),
            entry: "j1796151600000".into()
        }
    );
    assert_eq!(
        (topic.reviews, topic.last, &topic.graded_by),
        (0, None, &None)
    );
    assert_eq!(topic.schedule, Schedule::new(free.day));

    // One journal entry.
    let [entry] = h.journal.as_slice() else {
        panic!("{:?}", h.journal);
    };
    assert_eq!(
        entry.title(),
        "Acme, Senior engineer (System design, 2026-12-01)"
    );
    assert_eq!(entry.diagnosis, Some(Diagnosis::CouldNotAccess));
    assert_eq!(entry.struggles.len(), 1);
    assert!(entry.struggles[0]
        .asked
        .starts_with("How do you keep one viral link"));
    assert_eq!(entry.topics(), ["Hot keys"]);
    assert!(
        entry.new_cards(&h.cards, free.day).is_empty(),
        "its card is there"
    );

    // Written again by this build and read back, nothing changes.
    let (again, repairs) = read(&to_history_json(&h, "2026-12-02"));
    assert!(repairs.is_empty());
    assert_eq!(again, h);
}

/// The attempt's figures are those of the check kept in its body, with its claims.
fn scores_match_the_stored_check(attempt: &Attempt, body: &AttemptBody) {
    let report: &Report = body.report.as_ref().expect("the check as it was");
    let claims: BTreeSet<String> = body.claims.iter().cloned().collect();
    for category in Category::ALL {
        let c = report.coverage(Some(category), &claims);
        let s = attempt.score(category).unwrap();
        assert_eq!(
            (s.found as usize, s.claimed as usize, s.total as usize),
            (c.found, c.claimed, c.total),
            "{}: {category:?}",
            attempt.id
        );
    }
    let missed: Vec<&str> = report
        .items
        .iter()
        .filter(|i| !i.advice && i.category != Category::Hygiene)
        .filter(|i| Report::status(i, &claims) == Status::Missed)
        .map(|i| i.key.as_str())
        .collect();
    assert_eq!(attempt.missed, missed, "{}", attempt.id);
}

#[test]
fn a_duplicate_left_out_does_not_count_the_kept_attempt_as_bodiless() {
    let text = std::fs::read_to_string("tests/fixtures/history-v1.json").unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let attempts = doc["attempts"].as_array_mut().unwrap();
    let mut copy = attempts[0].clone();
    copy.as_object_mut().unwrap().remove("body");
    attempts.push(copy);
    let (history, repairs) = from_history_json(&doc.to_string()).unwrap();
    assert_eq!(repairs.duplicates, 1);
    assert_eq!(repairs.bodiless, 0, "the first, kept, has its board");
    assert!(history.attempts[0].1.is_some());
    assert_eq!(repairs.to_string(), "1 duplicate left out");
}
