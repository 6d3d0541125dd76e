//! The practice history's rules (`core::history`), natively, on a fake clock: the
//! attempt a real timed session on "url-shortener" records (its phases, breadth mark,
//! milestones in session time with pauses left out, depth refusals, per-category
//! found/claimed/missed, curveball) and the attempt a free check records; the
//! spaced-repetition cards attempts create and grade (missed: Again, claimed: Hard,
//! found again: Good, the prompt's own card by its score), re-recording an attempt
//! without grading twice, deleting one, what is due, and card faces; Progress
//! (series, charts and their geometry, last and best per prompt, the weakest
//! category); comparison with the previous attempt; the journal (topics, cards,
//! titles, its Markdown); and calendar days, dates and clocks.

use breadthfirst::core::check::{check, Category, Report};
use breadthfirst::core::diagram::{Board, ComponentId, ComponentKind as K, NoteField};
use breadthfirst::core::export::journal::journal_markdown;
use breadthfirst::core::history::bridge::{session_attempt_id, HistoryView, RecordJob, ToHistory};
use breadthfirst::core::history::{
    advice, cards_after, cards_without, clock, compare, date_of, day_of, due, item_face,
    item_title, previous, prompt_grade, Attempt, AttemptInput, AttemptKind, BreadthMark, Card,
    CardChanges, CardSubject, CategoryScore, Chart, Diagnosis, JournalEntry, Progress, Round,
    Series, Struggle, RECENT,
};
use breadthfirst::core::persist;
use breadthfirst::core::prompt::Prompt;
use breadthfirst::core::repetition::{Day, Grade, Schedule, DEFAULT_EASE, WEAK_CAP_DAYS};
use breadthfirst::core::session::{
    EndedBy, Level, Milestones, Phase, PhaseRecord, Session, SessionEvent, SessionOutcome,
    SessionPlan,
};
use std::collections::BTreeSet;

mod common;

use common::{prompt, B};

const SEC: f64 = 1_000.0;
const MIN: f64 = 60_000.0;
/// 2026-11-30 00:00 UTC, in milliseconds since the epoch.
const T0: f64 = 1_795_996_800_000.0;
/// That day, counted from 1970-01-01: 56 years of 365 days plus 14 leap days
/// (1972..=2024), plus the 333 days of 2026 before 30 November.
const DAY0: Day = 56 * 365 + 14 + 333;

fn keys(list: &[&str]) -> Vec<String> {
    list.iter().map(|k| k.to_string()).collect()
}

// ------------------------------------------------------------ a real timed session

/// A whole timed session, its final board and what the user claimed.
struct Run {
    prompt: Prompt,
    session: Session,
    board: Board,
    /// The board when Breadth ended.
    breadth: Board,
    claims: Vec<String>,
    redis: ComponentId,
}

/// Wall-clock time `minutes` after the session started.
fn at(minutes: f64) -> f64 {
    T0 + minutes * MIN
}

/// A 60-minute L6 session on "url-shortener" (Requirements 5, Breadth 10, Focus 2,
/// Depth 23, Failure modes 20 minutes), driven minute by minute. Session time is wall
/// time less the pauses: 7 minutes paused in Requirements (3:00 to 10:00) and 2 in
/// Breadth (wall 14:00 to 16:00).
fn timed_run() -> Run {
    use SessionEvent::*;
    use SessionOutcome as O;
    let prompt = prompt("url-shortener");
    let plan = SessionPlan::new(60, Level::L6, 10);
    let mut s = Session::start(&prompt.id, plan, T0, prompt.curveballs.len());
    let mut b = B::new();
    // Requirements.
    assert_eq!(s.handle(Tick, at(1.0), &b.0), O::Nothing, "an empty board");
    assert_eq!(s.handle(AttemptDepth, at(1.5), &b.0), O::DepthRefused);
    let browser = b.add(K::Client, "Browser");
    assert_eq!(s.handle(Tick, at(2.0), &b.0), O::Milestone, "entry at 2:00");
    assert_eq!(s.handle(Pause, at(3.0), &b.0), O::Paused);
    assert_eq!(s.handle(Resume, at(10.0), &b.0), O::Resumed);
    assert_eq!(s.handle(Tick, at(10.5), &b.0), O::Nothing);
    assert!(matches!(
        s.handle(Next, at(11.0), &b.0),
        O::Advanced {
            from: Phase::Requirements,
            to: Phase::Breadth,
            by: EndedBy::User
        }
    ));
    // Breadth: session time is 4 minutes plus wall time since 11:00, less its pause.
    let lb = b.add(K::LoadBalancer, "LB");
    let api = b.add(K::Service, "API");
    let links = b.add(K::KvStore, "Links");
    b.arrow(browser, lb, "");
    b.arrow(lb, api, "");
    assert_eq!(
        s.handle(Tick, at(12.5), &b.0),
        O::Milestone,
        "a store at 5:30; Links is not connected yet"
    );
    assert_eq!(s.handle(AttemptDepth, at(13.0), &b.0), O::DepthRefused);
    assert_eq!(
        s.handle(ToggleFocus(api), at(13.2), &b.0),
        O::DepthRefused,
        "picking a focus is depth"
    );
    assert_eq!(s.handle(Pause, at(14.0), &b.0), O::Paused);
    b.arrow(api, links, "");
    assert_eq!(
        s.handle(Tick, at(15.0), &b.0),
        O::Nothing,
        "no milestone while paused"
    );
    assert_eq!(s.handle(Resume, at(16.0), &b.0), O::Resumed);
    assert_eq!(
        s.handle(Tick, at(17.0), &b.0),
        O::Milestone,
        "connected at 8:00"
    );
    let redis = b.add(K::Cache, "Redis");
    b.arrow(api, redis, "");
    assert_eq!(s.handle(Tick, at(18.0), &b.0), O::Nothing);
    assert!(matches!(
        s.handle(Next, at(20.0), &b.0),
        O::Advanced {
            from: Phase::Breadth,
            to: Phase::Focus,
            by: EndedBy::User
        }
    ));
    let breadth = b.0.clone();
    // Focus: the cache, then the API.
    assert_eq!(
        s.handle(ToggleFocus(redis), at(20.5), &b.0),
        O::FocusChanged
    );
    assert_eq!(s.handle(ToggleFocus(api), at(21.0), &b.0), O::FocusChanged);
    s.handle(Next, at(22.0), &b.0);
    // Depth: the curveball comes halfway (11.5 of 23 minutes).
    assert_eq!(s.handle(Tick, at(33.4), &b.0), O::Nothing);
    assert_eq!(s.handle(Tick, at(33.5), &b.0), O::CurveballArrived(0));
    assert!(s.answer_curveball("Replicate the hot key and cache the redirect at the CDN."));
    assert_eq!(
        s.handle(AttemptDepth, at(34.0), &b.0),
        O::DepthAllowed,
        "not a refusal"
    );
    b.note(
        redis,
        NoteField::Details,
        "Cache-aside, 20 GB for the hot set, LRU eviction.",
    );
    b.note(
        redis,
        NoteField::Failure,
        "Replica per shard with consistent hashing.",
    );
    b.note(links, NoteField::Failure, "Multi AZ deployment.");
    s.handle(Next, at(50.5), &b.0);
    // Failure modes, then Review.
    s.handle(Next, at(75.5), &b.0);
    assert_eq!(s.phase(), Phase::Review);
    Run {
        prompt,
        session: s,
        board: b.0,
        breadth,
        claims: keys(&[
            "component:idgen",
            "flow:3",
            "failure:2",
            "hygiene:single-path",
        ]),
        redis,
    }
}

impl Run {
    fn report(&self) -> Report {
        check(&self.board, &self.prompt, self.session.focus())
    }

    /// The breadth map as the session kept it, checked as the history checks it.
    fn breadth_report(&self) -> Report {
        let text = self.session.breadth_board().expect("a snapshot");
        let map = persist::from_json(text).unwrap().board;
        check(&map, &self.prompt, &[])
    }

    fn attempt(&self) -> Attempt {
        let (report, breadth) = (self.report(), self.breadth_report());
        Attempt::new(&AttemptInput {
            prompt: &self.prompt,
            session: Some(&self.session),
            report: &report,
            breadth_report: Some(&breadth),
            claims: &self.claims,
            at_ms: T0,
            day: day_of(T0, 60.0),
        })
    }
}

#[test]
fn a_timed_session_records_its_prompt_plan_and_phases_as_timed() {
    let run = timed_run();
    let a = run.attempt();
    assert_eq!(a.id, "t1795996800000");
    assert_eq!(
        a.id,
        session_attempt_id(&run.session),
        "the app's id for it"
    );
    assert_eq!(a.kind, AttemptKind::Timed);
    assert_eq!(
        (a.prompt_id.as_str(), a.prompt_title.as_str()),
        ("url-shortener", "Design a URL shortener")
    );
    assert_eq!((a.level, a.minutes), (Some(Level::L6), 60));
    assert_eq!((a.at_ms, a.day), (T0, DAY0));
    // (phase, planned, actual) in minutes: Requirements 4 (11 less 7 paused), Breadth
    // 7 (9 less 2 paused), Focus 2, Depth 28.5, Failure modes 25. Review has no record.
    let phases: Vec<(Phase, f64, f64)> = a
        .phases
        .iter()
        .map(|p| (p.phase, p.planned_ms / MIN, p.actual_ms / MIN))
        .collect();
    assert_eq!(
        phases,
        [
            (Phase::Requirements, 5.0, 4.0),
            (Phase::Breadth, 10.0, 7.0),
            (Phase::Focus, 2.0, 2.0),
            (Phase::Depth, 23.0, 28.5),
            (Phase::FailureModes, 20.0, 25.0),
        ]
    );
    assert!(a.phases.iter().all(|p| p.ended_by == EndedBy::User));
    assert_eq!(a.overrun_minutes(), 5.5 + 5.0, "Depth and Failure modes");
    assert_eq!(
        a.depth_refusals, 3,
        "one in Requirements, two in Breadth; none in Depth"
    );
}

#[test]
fn a_timed_attempt_marks_the_breadth_map_and_when_its_milestones_came() {
    let run = timed_run();
    // The snapshot is the board as Breadth ended, not the board now.
    let text = run.session.breadth_board().expect("a snapshot");
    let snapshot = persist::from_json(text).unwrap();
    assert!(snapshot.repairs.is_empty());
    assert_eq!(snapshot.board, run.breadth);
    assert_ne!(snapshot.board, run.board, "notes came after Breadth");
    let a = run.attempt();
    // Browser, LB, API, Links and Redis play 5 of the 8 roles (no code generator,
    // click stream or aggregation); create, redirect and cache-miss are traced, the
    // click flow is not.
    let mark = a.breadth.expect("a breadth mark");
    assert_eq!(
        (
            mark.components_found,
            mark.components_total,
            mark.flows_found,
            mark.flows_total
        ),
        (5, 8, 3, 4)
    );
    assert_eq!(mark.percent(), 66, "8 of 12, rounded down");
    // In session time: the client at 2:00; the store at wall 12:30, 5:30 in session
    // (7 minutes paused); every part connected at wall 17:00, 8:00 in session (9
    // minutes paused in all). Ticks while paused record nothing.
    assert_eq!(
        mark.milestones,
        Milestones {
            entry_ms: Some(2.0 * MIN),
            store_ms: Some(5.5 * MIN),
            connected_ms: Some(8.0 * MIN),
        }
    );
    assert_eq!(mark.milestones, run.session.milestones());
}

#[test]
fn a_timed_attempt_scores_each_category_with_claims_apart_and_hygiene_unclaimable() {
    let run = timed_run();
    let report = run.report();
    let a = run.attempt();
    let score = |c: Category| {
        let s = a.score(c).expect("every category is scored");
        (s.found, s.claimed, s.missed(), s.total)
    };
    // Components: 5 on the board, the code generator claimed, the click stream and
    // its aggregation missed.
    assert_eq!(score(Category::Components), (5, 1, 2, 8));
    // Flows: three traced, the click flow claimed.
    assert_eq!(score(Category::Flows), (3, 1, 0, 4));
    // Depth: one item per focus pick; Redis is explained, the API has no details.
    assert_eq!(score(Category::Depth), (1, 0, 1, 2));
    // Failure: the cache and store notes answer, the generator is claimed, the click
    // stream and the API crash are not answered.
    assert_eq!(score(Category::Failure), (2, 1, 2, 5));
    // Hygiene cannot be claimed, though the user claimed one rule.
    let hygiene = a.score(Category::Hygiene).unwrap();
    let scored = report
        .items
        .iter()
        .filter(|i| i.category == Category::Hygiene && !i.advice);
    assert_eq!(hygiene.claimed, 0);
    assert_eq!(hygiene.total as usize, scored.clone().count());
    assert_eq!(hygiene.found as usize, scored.filter(|i| i.found).count());
    assert!(
        report
            .items
            .iter()
            .any(|i| i.key == "hygiene:single-path" && !i.found),
        "the API is a chokepoint, so the claimed rule is missed"
    );
    let categories: Vec<Category> = a.scores.iter().map(|s| s.category).collect();
    assert_eq!(categories, Category::ALL, "in report order");
    // Keys of what was missed and claimed, hygiene aside, in report order; the depth
    // of the session's own pick by the box's name ("API").
    let api_depth = "depth:on:API".to_string();
    assert_eq!(
        a.missed,
        [
            "component:events",
            "component:counter",
            api_depth.as_str(),
            "failure:3",
            "failure:4"
        ]
    );
    assert_eq!(a.claimed, ["component:idgen", "flow:3", "failure:2"]);
    assert!(!a.missed.contains(&format!("depth:focus-{}", run.redis)));
    // 11 of the 19 checklist items found on the board, rounded down.
    assert_eq!(a.percent(), 57);
}

#[test]
fn the_app_asks_for_an_attempt_by_the_id_it_is_recorded_under() {
    let run = timed_run();
    let id = session_attempt_id(&run.session);
    assert_eq!(id, run.attempt().id);
    let saved = serde_json::to_string(&run.session).unwrap();
    let messages = [
        ToHistory::Record(RecordJob {
            prompt: "url-shortener".into(),
            board: persist::to_json(&run.board, &Default::default()),
            session: Some(saved.clone()),
            claims: run.claims.join("\n"),
            at_ms: T0 as u64,
        }),
        ToHistory::ShowCompare {
            slot: "compare".into(),
            attempt: id,
        },
        ToHistory::Open {
            view: HistoryView::Progress,
        },
    ];
    for m in messages {
        let text = serde_json::to_string(&m).unwrap();
        assert_eq!(serde_json::from_str::<ToHistory>(&text).unwrap(), m);
    }
    // The session as the app saves it reads back as the one recorded.
    let restored: Session = serde_json::from_str(&saved).unwrap();
    assert_eq!(session_attempt_id(&restored), "t1795996800000");
    let tabs: BTreeSet<&str> = HistoryView::ALL.iter().map(|v| v.id()).collect();
    assert_eq!(tabs.len(), HistoryView::ALL.len());
}

#[test]
fn a_timed_attempt_keeps_the_curveball_put_and_the_answer_given() {
    let run = timed_run();
    let a = run.attempt();
    // 1,795,996,800 seconds is a multiple of 3: the first of the three curveballs.
    let c = a.curveball.expect("put halfway through Depth");
    assert!(c.question.starts_with("A celebrity posts one of our links"));
    assert_eq!(c.question, run.prompt.curveballs[0].prompt);
    assert_eq!(
        c.answer,
        "Replicate the hot key and cache the redirect at the CDN."
    );
}

#[test]
fn a_session_that_did_not_reach_its_curveball_or_the_end_of_breadth_records_neither() {
    let p = prompt("url-shortener");
    let mut s = Session::start(&p.id, SessionPlan::default(), T0, p.curveballs.len());
    s.handle(SessionEvent::Next, at(5.0), &Board::new());
    let report = check(&Board::new(), &p, &[]);
    let a = Attempt::new(&AttemptInput {
        prompt: &p,
        session: Some(&s),
        report: &report,
        breadth_report: None,
        claims: &[],
        at_ms: T0,
        day: DAY0,
    });
    assert_eq!(a.kind, AttemptKind::Timed);
    assert_eq!(a.breadth, None);
    assert_eq!(a.curveball, None, "not shown yet");
    assert_eq!(a.phases.len(), 1);
    assert_eq!(a.percent(), 0);
}

#[test]
fn a_free_check_records_an_f_id_and_no_session_figures() {
    let run = timed_run();
    let report = check(&run.board, &run.prompt, &[]);
    let breadth = run.breadth_report();
    let when = T0 + 3.0 * 86_400_000.0 + 1_234.0;
    let a = Attempt::new(&AttemptInput {
        prompt: &run.prompt,
        session: None,
        report: &report,
        // Even with a map, a free check has no Breadth.
        breadth_report: Some(&breadth),
        claims: &run.claims,
        at_ms: when,
        day: DAY0 + 3,
    });
    // 1,795,996,800,000 + 259,200,000 + 1,234.
    assert_eq!(a.id, "f1796256001234");
    assert_eq!(a.kind, AttemptKind::Free);
    assert_eq!((a.level, a.minutes), (None, 0));
    assert!(a.phases.is_empty());
    assert_eq!(a.breadth, None);
    assert_eq!(a.depth_refusals, 0);
    assert_eq!(a.curveball, None);
    assert_eq!(a.overrun_minutes(), 0.0);
    // Without focus picks the depth items are the prompt's three deep dives.
    assert_eq!(a.score(Category::Depth).unwrap().total, 3);
    assert!(a
        .missed
        .iter()
        .chain(&a.claimed)
        .all(|k| !k.starts_with("depth:focus-")));
}

#[test]
fn category_and_attempt_figures_round_down_and_never_divide_by_zero() {
    let s = |found, claimed, total| CategoryScore {
        category: Category::Flows,
        found,
        claimed,
        total,
    };
    assert_eq!(s(1, 1, 3).percent(), Some(33));
    assert_eq!(s(2, 0, 3).percent(), Some(66));
    assert_eq!(s(1, 1, 3).missed(), 1);
    assert_eq!(s(0, 0, 0).percent(), None, "a category with no items");
    let mark = |c, ct, f, ft| BreadthMark {
        components_found: c,
        components_total: ct,
        flows_found: f,
        flows_total: ft,
        milestones: Milestones::default(),
    };
    assert_eq!(mark(0, 0, 0, 0).percent(), 0);
    assert_eq!(mark(2, 3, 0, 0).percent(), 66);
    assert_eq!(mark(8, 8, 4, 4).percent(), 100);
    let mut a = synthetic("x", "p", 0.0, AttemptKind::Free);
    a.scores = vec![];
    assert_eq!(a.percent(), 0);
    // Hygiene is left out of the headline.
    a.scores = vec![
        CategoryScore {
            category: Category::Components,
            found: 1,
            claimed: 0,
            total: 4,
        },
        CategoryScore {
            category: Category::Hygiene,
            found: 4,
            claimed: 0,
            total: 4,
        },
    ];
    assert_eq!(a.percent(), 25);
    // Overrun counts each phase's minutes over plan, never under, never Review.
    a.phases = vec![
        record(Phase::Requirements, 5.0, 3.0),
        record(Phase::Breadth, 9.0, 9.5),
        record(Phase::Depth, 17.0, 19.25),
        record(Phase::Review, 0.0, 40.0),
    ];
    assert_eq!(a.overrun_minutes(), 2.75);
}

// ------------------------------------------------------------ milestones

#[test]
fn milestones_follow_their_table_of_boards() {
    // (what is on the board, entry, store, connected)
    type Build = fn(&mut B);
    let rows: Vec<(&str, Build, bool, bool, bool)> = vec![
        ("nothing", |_| {}, false, false, false),
        (
            "one client",
            |b| {
                b.add(K::Client, "Web");
            },
            true,
            false,
            false,
        ),
        (
            "a queue is not a store",
            |b| {
                b.add(K::MessageQueue, "Events");
            },
            false,
            false,
            false,
        ),
        (
            "a note naming a database is not one",
            |b| {
                b.add(K::Sticky, "SQL database here");
                b.add(K::Text, "Load balancer");
            },
            false,
            false,
            false,
        ),
        (
            "a search index and a gateway, joined",
            |b| {
                let g = b.add(K::ApiGateway, "Gateway");
                let s = b.add(K::SearchIndex, "Search");
                b.arrow(g, s, "");
            },
            true,
            true,
            true,
        ),
        (
            "a third part left out",
            |b| {
                let c = b.add(K::Cdn, "CDN");
                let o = b.add(K::ObjectStorage, "Blobs");
                b.arrow(c, o, "");
                b.add(K::Worker, "Thumbnails");
            },
            true,
            true,
            false,
        ),
        (
            "a sticky beside a connected pair does not count against it",
            |b| {
                let d = b.add(K::Dns, "DNS");
                let s = b.add(K::Service, "API");
                b.arrow(d, s, "");
                b.add(K::Sticky, "TODO: caching");
            },
            true,
            false,
            true,
        ),
    ];
    for (name, build, entry, store, connected) in rows {
        let mut b = B::new();
        build(&mut b);
        let mut m = Milestones::default();
        let reached = m.observe(&b.0, 90.0 * SEC);
        let at = |on: bool| on.then_some(90.0 * SEC);
        assert_eq!(
            m,
            Milestones {
                entry_ms: at(entry),
                store_ms: at(store),
                connected_ms: at(connected),
            },
            "{name}"
        );
        assert_eq!(reached, entry || store || connected, "{name}");
        assert_eq!(m.complete(), entry && store && connected, "{name}");
    }
}

#[test]
fn a_milestone_keeps_its_first_time_and_a_later_look_reports_nothing_new() {
    let mut b = B::new();
    let c = b.add(K::Client, "Web");
    let mut m = Milestones::default();
    assert!(m.observe(&b.0, 10.0 * SEC));
    assert!(!m.observe(&b.0, 20.0 * SEC), "nothing new");
    let d = b.add(K::SqlDatabase, "Orders");
    assert!(m.observe(&b.0, 30.0 * SEC));
    b.arrow(c, d, "");
    assert!(m.observe(&b.0, 40.0 * SEC));
    assert_eq!(
        m,
        Milestones {
            entry_ms: Some(10.0 * SEC),
            store_ms: Some(30.0 * SEC),
            connected_ms: Some(40.0 * SEC),
        }
    );
    // Undoing the board does not take a milestone back.
    assert!(!m.observe(&Board::new(), 50.0 * SEC));
    assert!(m.complete());
}

#[test]
fn a_milestone_not_reached_when_breadth_ends_stays_unset() {
    use SessionEvent::*;
    let mut s = Session::start("url-shortener", SessionPlan::default(), T0, 3);
    let mut b = B::new();
    let web = b.add(K::Client, "Web");
    let api = b.add(K::Service, "API");
    b.arrow(web, api, "");
    s.handle(Next, at(5.0), &b.0);
    assert_eq!(s.handle(Tick, at(6.0), &b.0), SessionOutcome::Milestone);
    // Breadth (9 minutes) runs out on a board with no store.
    assert!(matches!(
        s.handle(Tick, at(14.0), &b.0),
        SessionOutcome::Advanced {
            from: Phase::Breadth,
            by: EndedBy::TimeUp,
            ..
        }
    ));
    let db = b.add(K::SqlDatabase, "Orders");
    b.arrow(api, db, "");
    for minute in [14.5, 16.0, 30.0, 50.0] {
        s.handle(Tick, at(minute), &b.0);
    }
    assert_eq!(
        s.milestones(),
        Milestones {
            entry_ms: Some(6.0 * MIN),
            store_ms: None,
            connected_ms: Some(6.0 * MIN),
        }
    );
}

#[test]
fn the_board_as_breadth_is_left_counts_at_that_moment() {
    use SessionEvent::*;
    // Connected without a tick in between: the gate's Next observes it.
    let mut s = Session::start("url-shortener", SessionPlan::default(), T0, 3);
    s.handle(Next, at(4.0), &Board::new());
    let mut b = B::new();
    let ids: Vec<ComponentId> = [
        (K::Client, "Web"),
        (K::LoadBalancer, "LB"),
        (K::Service, "API"),
        (K::Cache, "Redis"),
        (K::SqlDatabase, "Orders"),
    ]
    .iter()
    .map(|(k, l)| b.add(*k, l))
    .collect();
    assert_eq!(s.handle(Tick, at(6.0), &b.0), SessionOutcome::Milestone);
    for pair in ids.windows(2) {
        b.arrow(pair[0], pair[1], "");
    }
    assert!(matches!(
        s.handle(Next, at(7.5), &b.0),
        SessionOutcome::Advanced {
            by: EndedBy::User,
            ..
        }
    ));
    assert_eq!(
        s.milestones(),
        Milestones {
            entry_ms: Some(6.0 * MIN),
            store_ms: Some(6.0 * MIN),
            connected_ms: Some(7.5 * MIN),
        }
    );
    // Next after Breadth's limit, before any tick noticed it: the milestone counts at
    // Breadth's planned end (4 + 9 minutes), not later.
    let mut s = Session::start("url-shortener", SessionPlan::default(), T0, 3);
    s.handle(Next, at(4.0), &Board::new());
    s.handle(Next, at(13.5), &b.0);
    assert_eq!(s.milestones().connected_ms, Some(13.0 * MIN));
}

// ------------------------------------------------------------ cards

/// An attempt made by hand, with nothing scored.
fn synthetic(id: &str, prompt: &str, at_ms: f64, kind: AttemptKind) -> Attempt {
    Attempt {
        id: id.into(),
        prompt_id: prompt.into(),
        prompt_title: format!("Design {prompt}"),
        kind,
        level: None,
        minutes: 0,
        at_ms,
        day: 0,
        phases: vec![],
        breadth: None,
        depth_refusals: 0,
        scores: vec![],
        found: vec![],
        missed: vec![],
        claimed: vec![],
        curveball: None,
    }
}

/// Scores of (found, total) per category, in report order.
fn scores(per: [(u32, u32); 5]) -> Vec<CategoryScore> {
    Category::ALL
        .iter()
        .zip(per)
        .map(|(&category, (found, total))| CategoryScore {
            category,
            found,
            claimed: 0,
            total,
        })
        .collect()
}

fn record(phase: Phase, planned_min: f64, actual_min: f64) -> PhaseRecord {
    PhaseRecord {
        phase,
        planned_ms: planned_min * MIN,
        actual_ms: actual_min * MIN,
        ended_by: EndedBy::User,
    }
}

/// An attempt at "url-shortener" that checked components only (`percent` of 100
/// found) and hygiene (which the percent leaves out), with these keys missed and
/// claimed, and the cache and the store found unless missed or claimed.
fn attempt_at(id: &str, percent: u32, missed: &[&str], claimed: &[&str]) -> Attempt {
    // The components these tests use that are neither missed nor claimed were found.
    let found = ["component:cache", "component:store"]
        .into_iter()
        .filter(|k| !missed.contains(k) && !claimed.contains(k))
        .collect::<Vec<_>>();
    Attempt {
        scores: scores([(percent, 100), (0, 0), (0, 0), (0, 0), (5, 5)]),
        found: keys(&found),
        missed: keys(missed),
        claimed: keys(claimed),
        ..synthetic(id, "url-shortener", 0.0, AttemptKind::Timed)
    }
}

/// Stores `changes` into `cards`, as the history does.
fn apply(cards: &mut Vec<Card>, changes: &CardChanges) {
    cards.retain(|c| !changes.remove.contains(&c.id));
    for card in &changes.put {
        match cards.iter_mut().find(|c| c.id == card.id) {
            Some(old) => *old = card.clone(),
            None => cards.push(card.clone()),
        }
    }
}

/// Records `attempt` on `today`: its card changes, stored.
fn record_into(cards: &mut Vec<Card>, attempt: &Attempt, today: Day) -> CardChanges {
    let changes = cards_after(attempt, cards, today);
    apply(cards, &changes);
    changes
}

fn card<'a>(cards: &'a [Card], id: &str) -> &'a Card {
    cards
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no card {id}"))
}

fn ids(cards: &[Card]) -> BTreeSet<&str> {
    cards.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn missed_items_become_cards_due_the_next_day_and_claimed_ones_come_back_within_days() {
    let run = timed_run();
    let a = run.attempt();
    let changes = cards_after(&a, &[], DAY0);
    assert!(changes.remove.is_empty());
    let item = |key: &str| format!("i:url-shortener:{key}");
    let expected: BTreeSet<String> = [
        "p:url-shortener".to_string(),
        item("component:events"),
        item("component:counter"),
        item("failure:3"),
        item("failure:4"),
        item("component:idgen"),
        item("flow:3"),
        item("failure:2"),
    ]
    .into_iter()
    .collect();
    let made: BTreeSet<String> = changes.put.iter().map(|c| c.id.clone()).collect();
    assert_eq!(
        made, expected,
        "no card for the depth of a focus pick, nor for hygiene"
    );
    for key in [
        "component:events",
        "component:counter",
        "failure:3",
        "failure:4",
    ] {
        let c = card(&changes.put, &item(key));
        assert_eq!(
            c.subject,
            CardSubject::Item {
                prompt: "url-shortener".into(),
                key: key.into()
            }
        );
        assert_eq!((c.last, c.reviews), (Some(Grade::Again), 1), "{key}");
        assert_eq!(c.schedule.interval, 1, "{key}");
        assert!(!c.schedule.is_due(DAY0), "{key}: not the same day");
        assert!(c.schedule.is_due(DAY0 + 1), "{key}: the next day");
        let by = c.graded_by.as_ref().expect("graded by the attempt");
        assert_eq!((by.attempt.as_str(), by.schedule), (a.id.as_str(), None));
    }
    for key in ["component:idgen", "flow:3", "failure:2"] {
        let c = card(&changes.put, &item(key));
        assert_eq!(c.last, Some(Grade::Hard), "{key}");
        assert!(c.schedule.interval <= WEAK_CAP_DAYS, "{key}");
        assert_eq!(c.schedule.streak, 0, "{key}");
        assert!(!c.schedule.is_due(DAY0), "{key}");
    }
    // 57% found: the prompt's own card is Hard.
    let p = card(&changes.put, "p:url-shortener");
    assert_eq!(
        p.subject,
        CardSubject::Prompt {
            prompt: "url-shortener".into()
        }
    );
    assert_eq!((p.last, p.reviews), (Some(Grade::Hard), 1));
}

#[test]
fn the_prompt_card_is_graded_by_the_attempts_score_in_bands() {
    let rows = [
        (100, Grade::Good),
        (80, Grade::Good),
        (79, Grade::Hard),
        (50, Grade::Hard),
        (49, Grade::Again),
        (0, Grade::Again),
    ];
    for (percent, grade) in rows {
        assert_eq!(prompt_grade(percent), grade, "{percent}%");
        let a = attempt_at("t1", percent, &[], &[]);
        assert_eq!(
            a.percent(),
            percent,
            "the attempt is built to score {percent}%"
        );
        let changes = cards_after(&a, &[], 100);
        assert_eq!(changes.put.len(), 1, "{percent}%: only the prompt card");
        let c = &changes.put[0];
        assert_eq!(
            (c.id.as_str(), c.last),
            ("p:url-shortener", Some(grade)),
            "{percent}%"
        );
        assert_eq!(c.schedule, Schedule::new(100).review(grade, 100));
    }
}

#[test]
fn claimed_items_stay_within_a_few_days_however_well_they_went_before() {
    let key = "i:url-shortener:flow:1";
    let mut cards = vec![];
    // Found four times (through the user's own reviews), then claimed three times.
    let mut c = Card::new(
        CardSubject::Item {
            prompt: "url-shortener".into(),
            key: "flow:1".into(),
        },
        0,
    );
    for _ in 0..4 {
        c = c.graded(Grade::Good, c.schedule.due);
    }
    assert!(c.schedule.interval > 7);
    let streak = c.schedule.streak;
    cards.push(c);
    let mut today = card(&cards, key).schedule.due;
    for n in 0..3 {
        let a = attempt_at(&format!("t{n}"), 90, &[], &["flow:1"]);
        let changes = cards_after(&a, &cards, today);
        apply(&mut cards, &changes);
        let c = card(&cards, key);
        assert_eq!(c.last, Some(Grade::Hard));
        assert!(c.schedule.interval <= WEAK_CAP_DAYS, "{:?}", c.schedule);
        assert_eq!(c.schedule.streak, streak, "a claim never climbs the ladder");
        assert_eq!(c.reviews, 5 + n);
        today = c.schedule.due;
    }
}

#[test]
fn a_later_attempt_that_finds_an_item_with_a_card_grades_it_good() {
    let mut cards = vec![];
    let first = attempt_at("t1", 40, &["component:cache", "failure:0"], &[]);
    record_into(&mut cards, &first, 10);
    // Another prompt's card, and a topic card, are not this attempt's business.
    let other = attempt_at("t0", 40, &["component:cache"], &[]);
    let other = Attempt {
        prompt_id: "rate-limiter".into(),
        ..other
    };
    record_into(&mut cards, &other, 10);
    assert_eq!(cards.len(), 5);
    // The second attempt finds the cache; like the first, it scores no failure items.
    let second = attempt_at("t2", 90, &[], &[]);
    let changes = cards_after(&second, &cards, 11);
    assert!(changes.remove.is_empty());
    let put: BTreeSet<&str> = changes.put.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        put,
        ["p:url-shortener", "i:url-shortener:component:cache"]
            .into_iter()
            .collect(),
        "not the failure item (not checked), not the other prompt's cards"
    );
    let cache = card(&changes.put, "i:url-shortener:component:cache");
    assert_eq!((cache.last, cache.reviews), (Some(Grade::Good), 2));
    assert_eq!(
        cache.schedule,
        card(&cards, "i:url-shortener:component:cache")
            .schedule
            .review(Grade::Good, 11)
    );
    assert_eq!((cache.schedule.interval, cache.schedule.due), (1, 12));
    let p = card(&changes.put, "p:url-shortener");
    assert_eq!((p.last, p.reviews), (Some(Grade::Good), 2));
}

#[test]
fn re_recording_an_attempt_grades_again_from_the_cards_before_it_never_twice() {
    // Attempt A on day 10 misses the cache; B on day 11 misses it again and misses the
    // store for the first time; then B's Review claims both, so B is recorded again.
    let mut cards = vec![];
    let a = attempt_at("tA", 40, &["component:cache"], &[]);
    record_into(&mut cards, &a, 10);
    let after_a = cards.clone();
    let b = attempt_at("tB", 40, &["component:cache", "component:store"], &[]);
    let first = cards_after(&b, &cards, 11);
    apply(&mut cards, &first);
    assert_eq!(
        card(&cards, "i:url-shortener:component:cache").reviews,
        2,
        "A and B"
    );
    // Recording B again unchanged changes nothing.
    assert_eq!(cards_after(&b, &cards, 11), first);
    // B with both claimed.
    let b2 = attempt_at("tB", 40, &[], &["component:cache", "component:store"]);
    let again = cards_after(&b2, &cards, 11);
    assert!(again.remove.is_empty());
    apply(&mut cards, &again);
    let cache = card(&cards, "i:url-shortener:component:cache");
    let before = card(&after_a, "i:url-shortener:component:cache");
    assert_eq!((cache.last, cache.reviews), (Some(Grade::Hard), 2));
    assert_eq!(cache.schedule, before.schedule.review(Grade::Hard, 11));
    let store = card(&cards, "i:url-shortener:component:store");
    assert_eq!((store.last, store.reviews), (Some(Grade::Hard), 1));
    assert_eq!(store.schedule, Schedule::new(11).review(Grade::Hard, 11));
    let p = card(&cards, "p:url-shortener");
    assert_eq!(p.reviews, 2, "A and B, once each");
    assert_eq!(
        p.schedule,
        card(&after_a, "p:url-shortener")
            .schedule
            .review(Grade::Again, 11)
    );
    // Recorded a third time with the board changed in Review: the store is found now.
    // The card B made for it goes; the cache card A made is graded Good, from A's.
    let b3 = attempt_at("tB", 40, &[], &[]);
    let third = cards_after(&b3, &cards, 11);
    assert_eq!(third.remove, ["i:url-shortener:component:store"]);
    apply(&mut cards, &third);
    let cache = card(&cards, "i:url-shortener:component:cache");
    assert_eq!((cache.last, cache.reviews), (Some(Grade::Good), 2));
    assert_eq!(cache.schedule, before.schedule.review(Grade::Good, 11));
}

#[test]
fn deleting_an_attempt_restores_the_cards_it_graded_and_removes_those_it_made() {
    let mut cards = vec![];
    let a = attempt_at("tA", 40, &["component:cache"], &["flow:0"]);
    record_into(&mut cards, &a, 10);
    let after_a = cards.clone();
    let b = attempt_at("tB", 85, &["component:store"], &["flow:0"]);
    record_into(&mut cards, &b, 12);
    assert_eq!(cards.len(), 4);
    // A card reviewed by the user since B is no longer B's to take back.
    let cache = card(&cards, "i:url-shortener:component:cache").clone();
    assert_ne!(
        cards_without("tB", std::slice::from_ref(&cache)),
        CardChanges::default()
    );
    let reviewed = cache.graded(Grade::Easy, 13);
    assert_eq!(
        cards_without("tB", &[reviewed]),
        CardChanges::default(),
        "a self-review since"
    );
    let undo = cards_without("tB", &cards);
    assert_eq!(undo.remove, ["i:url-shortener:component:store"]);
    let restored: BTreeSet<&str> = ids(&undo.put);
    assert_eq!(
        restored,
        [
            "p:url-shortener",
            "i:url-shortener:component:cache",
            "i:url-shortener:flow:0"
        ]
        .into_iter()
        .collect()
    );
    apply(&mut cards, &undo);
    assert_eq!(ids(&cards), ids(&after_a));
    for was in &after_a {
        let now = card(&cards, &was.id);
        assert_eq!(
            (&now.subject, now.schedule, now.last, now.reviews),
            (&was.subject, was.schedule, was.last, was.reviews),
            "{}",
            was.id
        );
    }
    // An attempt that graded nothing changes nothing.
    assert_eq!(cards_without("tZ", &cards), CardChanges::default());
}

#[test]
fn due_cards_come_most_overdue_first_then_prompts_items_and_topics() {
    let due_on = |subject: CardSubject, due: Day| Card {
        schedule: Schedule {
            due,
            ..Schedule::new(0)
        },
        ..Card::new(subject, 0)
    };
    let item = |key: &str| CardSubject::Item {
        prompt: "url-shortener".into(),
        key: key.into(),
    };
    let prompt = |p: &str| CardSubject::Prompt { prompt: p.into() };
    let topic = |t: &str| CardSubject::Topic {
        text: t.into(),
        entry: "j1".into(),
    };
    let cards = vec![
        due_on(topic("Consistent hashing"), 95),
        due_on(item("flow:1"), 95),
        due_on(prompt("url-shortener"), 100),
        due_on(item("component:cache"), 95),
        due_on(prompt("rate-limiter"), 95),
        due_on(item("failure:0"), 93),
        due_on(prompt("chat"), 101),
    ];
    let order: Vec<&str> = due(&cards, 100).iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        order,
        [
            "i:url-shortener:failure:0",
            "p:rate-limiter",
            "i:url-shortener:component:cache",
            "i:url-shortener:flow:1",
            "t:j1:consistent hashing",
            "p:url-shortener",
        ],
        "p:chat is due tomorrow"
    );
    assert!(due(&cards, 92).is_empty());
}

#[test]
fn a_card_id_comes_from_its_subject() {
    let rows = [
        (
            CardSubject::Prompt {
                prompt: "chat".into(),
            },
            "p:chat",
        ),
        (
            CardSubject::Item {
                prompt: "chat".into(),
                key: "failure:2".into(),
            },
            "i:chat:failure:2",
        ),
        (
            CardSubject::Topic {
                text: "  Raft Leader Election ".into(),
                entry: "j7".into(),
            },
            "t:j7:raft leader election",
        ),
    ];
    for (subject, id) in rows {
        assert_eq!(Card::id_of(&subject), id);
        let c = Card::new(subject, 40);
        assert_eq!((c.id.as_str(), c.reviews, c.last), (id, 0, None));
        assert!(c.schedule.is_due(40) && !c.schedule.is_due(39));
    }
    let topic = Card::new(
        CardSubject::Topic {
            text: "x".into(),
            entry: "j".into(),
        },
        0,
    );
    assert_eq!(topic.prompt(), None);
    assert_eq!(
        Card::new(
            CardSubject::Item {
                prompt: "chat".into(),
                key: "flow:0".into()
            },
            0
        )
        .prompt(),
        Some("chat")
    );
}

#[test]
fn a_card_face_asks_about_its_item_from_the_prompt() {
    let p = prompt("url-shortener");
    let face = item_face(&p, "component:entry").unwrap();
    assert!(face.question.starts_with("Design a URL shortener: "));
    assert!(
        face.question.contains("\"Load balancer or gateway\""),
        "{}",
        face.question
    );
    assert!(
        face.answer
            .starts_with("Load balancer or gateway: load balancer or api gateway"),
        "kinds joined, underscores as spaces: {}",
        face.answer
    );
    assert!(face.answer.ends_with("(for example lb, nginx, envoy)"));
    assert_eq!(face.why, p.components[1].why);
    // Four synonyms at most.
    let idgen = item_face(&p, "component:idgen").unwrap();
    assert!(
        idgen
            .answer
            .ends_with("(for example id generator, key generation, kgs, counter)"),
        "{}",
        idgen.answer
    );
    let flow = item_face(&p, "flow:1").unwrap();
    assert!(flow.question.contains("\"Redirect through the cache\""));
    assert_eq!(
        flow.answer,
        "Client → Load balancer or gateway → Shortener and redirect service → Link cache"
    );
    assert_eq!(flow.why, p.flows[1].why);
    let failure = item_face(&p, "failure:1").unwrap();
    assert_eq!(
        failure.question,
        format!("Design a URL shortener: {}", p.failure_modes[1].question)
    );
    assert_eq!(
        failure.answer,
        "Answered by: replica, failover, multi-az, quorum."
    );
    let dive = item_face(&p, "depth:dive-1").unwrap();
    assert!(
        dive.question
            .contains("going deep on the Link cache. Sizing the cache and handling hot keys"),
        "{}",
        dive.question
    );
    assert_eq!(dive.answer, p.deep_dives[1].why);
    for key in [
        "depth:focus-3",
        "depth:dive-9",
        "depth:3",
        "hygiene:entry",
        "component:nope",
        "flow:9",
        "flow:one",
        "failure:5",
        "nonsense",
        "",
    ] {
        assert_eq!(item_face(&p, key), None, "{key:?}");
    }
}

// ------------------------------------------------------------ progress

/// A timed attempt at `prompt` with per-category (found, total), a breadth mark of
/// (components found, of, flows found, of), and phases.
fn timed(
    id: &str,
    prompt: &str,
    title: &str,
    at_ms: f64,
    per: [(u32, u32); 5],
    breadth: Option<(u32, u32, u32, u32)>,
    phases: Vec<PhaseRecord>,
) -> Attempt {
    Attempt {
        prompt_title: title.into(),
        scores: scores(per),
        breadth: breadth.map(|(c, ct, f, ft)| BreadthMark {
            components_found: c,
            components_total: ct,
            flows_found: f,
            flows_total: ft,
            milestones: Milestones::default(),
        }),
        phases,
        ..synthetic(id, prompt, at_ms, AttemptKind::Timed)
    }
}

fn free(id: &str, prompt: &str, title: &str, at_ms: f64, per: [(u32, u32); 5]) -> Attempt {
    Attempt {
        prompt_title: title.into(),
        scores: scores(per),
        ..synthetic(id, prompt, at_ms, AttemptKind::Free)
    }
}

/// Four attempts, given newest first: two timed and two free, at two prompts.
fn four() -> Vec<Attempt> {
    let url = "Design a URL shortener";
    vec![
        free(
            "f4",
            "url-shortener",
            url,
            4_000.0,
            [(2, 8), (0, 4), (0, 3), (0, 5), (0, 2)],
        ),
        timed(
            "t3",
            "url-shortener",
            url,
            3_000.0,
            [(8, 8), (4, 4), (2, 2), (3, 5), (4, 4)],
            Some((8, 8, 4, 4)),
            vec![
                record(Phase::Requirements, 5.0, 7.25),
                record(Phase::Breadth, 9.0, 9.0),
                record(Phase::Depth, 17.0, 26.0),
                record(Phase::Review, 0.0, 30.0),
            ],
        ),
        free(
            "f2",
            "rate-limiter",
            "Design a rate limiter",
            2_000.0,
            [(6, 6), (2, 3), (0, 0), (0, 4), (2, 2)],
        ),
        timed(
            "t1",
            "url-shortener",
            url,
            1_000.0,
            [(4, 8), (1, 4), (0, 2), (1, 5), (3, 4)],
            Some((4, 8, 1, 4)),
            vec![
                record(Phase::Breadth, 9.0, 11.0),
                record(Phase::Depth, 17.0, 20.0),
            ],
        ),
    ]
}

fn values(chart: &Chart, id: &str) -> Vec<Option<f64>> {
    chart
        .series
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no series {id}"))
        .values
        .clone()
}

#[test]
fn progress_puts_attempts_oldest_first_with_a_value_per_category_or_none() {
    let p = Progress::new(four());
    let order: Vec<&str> = p.attempts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(order, ["t1", "f2", "t3", "f4"]);
    let ids: Vec<&str> = p.categories.series.iter().map(|s| s.id).collect();
    assert_eq!(ids, ["components", "flows", "depth", "failure", "hygiene"]);
    assert_eq!((p.categories.max, p.categories.unit), (100.0, "%"));
    let v = |xs: [Option<f64>; 4]| xs.to_vec();
    assert_eq!(
        values(&p.categories, "components"),
        v([Some(50.0), Some(100.0), Some(100.0), Some(25.0)])
    );
    assert_eq!(
        values(&p.categories, "flows"),
        v([Some(25.0), Some(66.0), Some(100.0), Some(0.0)])
    );
    assert_eq!(
        values(&p.categories, "depth"),
        v([Some(0.0), None, Some(100.0), Some(0.0)]),
        "the rate limiter's free check had no depth items"
    );
    assert_eq!(
        values(&p.categories, "failure"),
        v([Some(20.0), Some(0.0), Some(60.0), Some(0.0)])
    );
    // The breadth chart: timed attempts only.
    assert_eq!(
        values(&p.breadth, "breadth"),
        v([Some(41.0), None, Some(100.0), None])
    );
    // Minutes over plan (Review aside), and the Breadth part of it.
    assert_eq!(
        values(&p.overrun, "overrun"),
        v([Some(5.0), None, Some(11.25), None])
    );
    // Per phase that can overrun (Breadth ends by itself: its 2 minutes here count
    // in all only).
    assert_eq!(
        values(&p.overrun, "requirements"),
        v([Some(0.0), None, Some(2.25), None])
    );
    assert_eq!(
        values(&p.overrun, "depth-time"),
        v([Some(3.0), None, Some(9.0), None])
    );
    assert_eq!(
        values(&p.overrun, "focus"),
        v([Some(0.0), None, Some(0.0), None])
    );
    assert_eq!((p.overrun.max, p.overrun.unit), (12.0, "min"));
    assert_eq!(p.categories.len(), 4);
}

#[test]
fn the_overrun_axis_is_whole_minutes_at_each_quarter_and_at_least_four() {
    // (largest overrun in minutes, axis maximum)
    let rows = [
        (0.0, 4.0),
        (0.5, 4.0),
        (4.0, 4.0),
        (4.25, 8.0),
        (8.0, 8.0),
        (8.01, 12.0),
        (42.0, 44.0),
    ];
    for (over, max) in rows {
        let a = timed(
            "t1",
            "p",
            "P",
            1.0,
            [(1, 1); 5],
            None,
            vec![record(Phase::Depth, 10.0, 10.0 + over)],
        );
        let b = timed("t2", "p", "P", 2.0, [(1, 1); 5], None, vec![]);
        assert_eq!(Progress::new(vec![a, b]).overrun.max, max, "{over}");
    }
    // Only free checks: no values, the axis still four.
    let p = Progress::new(vec![free("f1", "p", "P", 1.0, [(1, 1); 5])]);
    assert_eq!(values(&p.overrun, "overrun"), [None]);
    assert_eq!(p.overrun.max, 4.0);
}

#[test]
fn each_prompt_has_its_last_and_best_sorted_by_title_whatever_its_case() {
    let p = Progress::new(four());
    let rows: Vec<(&str, &str, usize, u32, u32)> = p
        .prompts
        .iter()
        .map(|b| {
            (
                b.prompt_id.as_str(),
                b.title.as_str(),
                b.attempts,
                b.last,
                b.best,
            )
        })
        .collect();
    // url-shortener: 6 of 19, 17 of 19 and 2 of 20 found: last 10%, best 89%. The rate
    // limiter: 8 of 13. "rate" sorts before "URL" once case is set aside.
    assert_eq!(
        rows,
        [
            ("rate-limiter", "Design a rate limiter", 1, 61, 61),
            ("url-shortener", "Design a URL shortener", 3, 10, 89),
        ]
    );
    // A prompt renamed since: its latest title.
    let mut renamed = four();
    renamed[0].prompt_title = "design a url shortener (v2)".into();
    let p = Progress::new(renamed);
    assert_eq!(p.prompts[1].title, "design a url shortener (v2)");
}

#[test]
fn the_weakest_category_is_judged_over_the_last_five_attempts() {
    let p = Progress::new(four());
    // Mean percent found: components (50+100+100+25)/4 = 68, flows (25+66+100+0)/4 =
    // 47, depth (0+100+0)/3 = 33 (the rate limiter has none), failure (20+0+60+0)/4 =
    // 20, hygiene (75+100+100+0)/4 = 68.
    let w = p.weakest.expect("a weakest category");
    assert_eq!((w.category, w.percent, w.over), (Category::Failure, 20, 4));
    assert_eq!(w.advice, advice(Category::Failure));
    /// Per-category (found, total) of each attempt, oldest first.
    type Scores = Vec<[(u32, u32); 5]>;
    // (scores, expected weakest and its mean)
    let rows: Vec<(Scores, Option<(Category, u32)>)> = vec![
        (vec![], None),
        // A tie goes to the earlier category.
        (
            vec![[(1, 2), (2, 4), (0, 0), (3, 4), (9, 10)]],
            Some((Category::Components, 50)),
        ),
        // A category with no items is never the weakest, though it scores nothing.
        (
            vec![[(9, 10), (3, 4), (0, 0), (3, 4), (1, 1)]; 3],
            Some((Category::Flows, 75)),
        ),
        (vec![[(0, 0); 5]], None),
        // Only the last five count: the oldest attempt's empty flows are forgotten
        // (over all six, flows would be the weakest at 83 against 91).
        (
            vec![
                [(10, 10), (0, 5), (5, 5), (5, 5), (5, 5)],
                [(9, 10), (5, 5), (5, 5), (5, 5), (5, 5)],
                [(9, 10), (5, 5), (5, 5), (5, 5), (5, 5)],
                [(9, 10), (5, 5), (5, 5), (5, 5), (5, 5)],
                [(9, 10), (5, 5), (5, 5), (5, 5), (5, 5)],
                [(9, 10), (5, 5), (5, 5), (5, 5), (5, 5)],
            ],
            Some((Category::Components, 90)),
        ),
    ];
    for (i, (per, expected)) in rows.into_iter().enumerate() {
        let n = per.len();
        let attempts: Vec<Attempt> = per
            .into_iter()
            .enumerate()
            .map(|(j, s)| free(&format!("f{j}"), "p", "P", j as f64, s))
            .collect();
        let w = Progress::new(attempts).weakest;
        assert_eq!(
            w.as_ref().map(|w| (w.category, w.percent)),
            expected,
            "row {i}"
        );
        if let Some(w) = w {
            assert_eq!(w.over, n.min(RECENT), "row {i}");
        }
    }
}

#[test]
fn no_attempts_make_empty_charts_and_no_tables() {
    let p = Progress::new(vec![]);
    assert!(p.categories.is_empty() && p.breadth.is_empty() && p.overrun.is_empty());
    assert_eq!(p.categories.len(), 0);
    assert!(p.prompts.is_empty());
    assert_eq!(p.weakest, None);
}

fn chart(values: &[Option<f64>], max: f64) -> Chart {
    Chart {
        series: vec![Series {
            id: "s",
            name: "S",
            values: values.to_vec(),
        }],
        max,
        unit: "%",
    }
}

#[test]
fn a_chart_spaces_attempts_evenly_and_scales_values_to_its_axis() {
    let c = chart(&[Some(0.0); 5], 100.0);
    let xs: Vec<f64> = (0..5).map(|i| c.x(i, 200.0)).collect();
    assert_eq!(xs, [0.0, 50.0, 100.0, 150.0, 200.0]);
    assert_eq!(
        chart(&[Some(1.0)], 100.0).x(0, 300.0),
        150.0,
        "one: centred"
    );
    // (value, height, y): 0 at the bottom, the maximum at the top, clamped.
    let rows = [
        (0.0, 80.0, 80.0),
        (50.0, 80.0, 40.0),
        (100.0, 80.0, 0.0),
        (150.0, 80.0, 0.0),
        (-10.0, 80.0, 80.0),
        (25.0, 200.0, 150.0),
    ];
    for (value, height, y) in rows {
        assert_eq!(c.y(value, height), y, "{value} in {height}");
    }
    assert_eq!(
        chart(&[Some(3.0)], 0.0).y(3.0, 50.0),
        50.0,
        "no axis: bottom"
    );
    assert_eq!(chart(&[Some(3.0)], 15.0).y(3.0, 50.0), 40.0, "minutes");
}

#[test]
fn a_missing_value_breaks_a_series_into_separate_lines() {
    let c = chart(
        &[Some(0.0), Some(50.0), None, Some(100.0), Some(25.0)],
        100.0,
    );
    assert_eq!(c.runs(0, 200.0, 80.0), ["0,80 50,40", "150,0 200,60"]);
    let c = chart(&[None, Some(10.0), None, None, Some(20.0), None], 100.0);
    assert_eq!(c.runs(0, 100.0, 100.0), ["20,90", "80,80"]);
    // Coordinates to one decimal.
    let c = chart(&[Some(33.0), Some(1.0), Some(2.0), Some(3.0)], 100.0);
    assert_eq!(c.runs(0, 100.0, 10.0), ["0,6.7 33.3,9.9 66.7,9.8 100,9.7"]);
    assert!(chart(&[None, None], 100.0).runs(0, 100.0, 100.0).is_empty());
    assert!(c.runs(1, 100.0, 100.0).is_empty(), "no such series");
}

// ------------------------------------------------------------ compare

#[test]
fn the_previous_attempt_is_the_latest_earlier_one_at_the_same_prompt() {
    let list = vec![
        synthetic("t1", "url-shortener", 1_000.0, AttemptKind::Timed),
        synthetic("f2", "url-shortener", 2_000.0, AttemptKind::Free),
        synthetic("t3", "rate-limiter", 2_500.0, AttemptKind::Timed),
        synthetic("t4", "url-shortener", 3_000.0, AttemptKind::Timed),
        synthetic("t5", "url-shortener", 4_000.0, AttemptKind::Timed),
    ];
    let prev = |i: usize| previous(&list, &list[i]).map(|a| a.id.as_str());
    assert_eq!(prev(3), Some("f2"));
    assert_eq!(prev(4), Some("t4"));
    assert_eq!(prev(0), None, "the first");
    assert_eq!(prev(2), None, "the first at its prompt");
}

#[test]
fn compare_says_what_is_newly_covered_still_missed_or_slipped_and_the_time_per_phase() {
    let mut before = synthetic("t1", "url-shortener", 1.0, AttemptKind::Timed);
    before.scores = scores([(4, 8), (1, 4), (0, 0), (0, 5), (0, 0)]);
    before.found = keys(&["component:store", "failure:3"]);
    before.missed = keys(&["component:cache", "flow:1", "failure:0"]);
    before.claimed = keys(&["failure:2"]);
    before.phases = vec![
        record(Phase::Requirements, 5.0, 6.0),
        record(Phase::Breadth, 9.0, 9.0),
        record(Phase::Depth, 17.0, 12.0),
    ];
    let mut now = synthetic("t2", "url-shortener", 2.0, AttemptKind::Timed);
    now.scores = scores([(6, 8), (3, 4), (0, 0), (2, 5), (0, 0)]);
    now.found = keys(&["component:cache", "failure:0", "failure:2"]);
    now.missed = keys(&["flow:1", "failure:3", "depth:focus-4"]);
    now.claimed = keys(&["component:store"]);
    now.phases = vec![
        record(Phase::Requirements, 5.0, 4.0),
        record(Phase::Breadth, 9.0, 8.5),
        record(Phase::Focus, 2.0, 2.0),
    ];
    let c = compare(&before, &now);
    assert_eq!(c.percent, (5 * 100 / 17, 11 * 100 / 17));
    assert_eq!(
        c.newly_covered,
        ["component:cache", "failure:0", "failure:2"]
    );
    assert_eq!(c.still_missed, ["flow:1"]);
    assert_eq!(c.slipped, ["failure:3", "component:store"]);
    let m = |x: f64| x * MIN;
    assert_eq!(
        c.phases,
        [
            (Phase::Requirements, m(5.0), Some(m(6.0)), Some(m(4.0))),
            (Phase::Breadth, m(9.0), Some(m(9.0)), Some(m(8.5))),
            (Phase::Focus, m(2.0), None, Some(m(2.0))),
            (Phase::Depth, m(17.0), Some(m(12.0)), None),
        ]
    );
    // Two free checks have no phases to compare.
    let a = synthetic("f1", "p", 1.0, AttemptKind::Free);
    let b = synthetic("f2", "p", 2.0, AttemptKind::Free);
    assert!(compare(&a, &b).phases.is_empty());
}

#[test]
fn an_item_title_is_what_the_prompt_calls_it_or_else_its_key() {
    let p = prompt("url-shortener");
    let rows = [
        ("component:cache", "Link cache"),
        ("flow:2", "Cache miss falls back to the store"),
        ("failure:3", p.failure_modes[3].question.as_str()),
        (
            "depth:dive-0",
            "Generating short codes: counter ranges versus hashing",
        ),
        ("depth:focus-4", "depth:focus-4"),
        ("hygiene:entry", "hygiene:entry"),
        ("component:gone", "component:gone"),
        ("flow:17", "flow:17"),
        ("flow", "flow"),
    ];
    for (key, title) in rows {
        assert_eq!(item_title(Some(&p), key), title, "{key}");
    }
    assert_eq!(item_title(None, "component:cache"), "component:cache");
}

// ------------------------------------------------------------ journal

fn entry(id: &str, date: &str) -> JournalEntry {
    JournalEntry {
        id: id.into(),
        company: "Acme".into(),
        role: "Staff engineer".into(),
        date: date.into(),
        ..Default::default()
    }
}

#[test]
fn journal_topics_split_on_lines_and_commas_once_each_whatever_the_case() {
    let e = JournalEntry {
        struggles: vec![
            Struggle {
                topics: "Consistent hashing, quorum reads\n\n  Raft  \r\n,".into(),
                ..Default::default()
            },
            Struggle {
                topics: "QUORUM READS\nback-pressure".into(),
                ..Default::default()
            },
            Struggle::default(),
        ],
        ..entry("j1", "2026-11-20")
    };
    assert_eq!(
        e.struggles[0].topic_list(),
        ["Consistent hashing", "quorum reads", "Raft"]
    );
    assert_eq!(
        e.topics(),
        [
            "Consistent hashing",
            "quorum reads",
            "Raft",
            "back-pressure"
        ]
    );
    // Cards for the topics that have none yet, due the day they are written.
    let have = Card::new(
        CardSubject::Topic {
            text: "raft".into(),
            entry: "j1".into(),
        },
        3,
    );
    let other_entry = Card::new(
        CardSubject::Topic {
            text: "Back-pressure".into(),
            entry: "j0".into(),
        },
        3,
    );
    let new = e.new_cards(&[have, other_entry], 50);
    let made: Vec<&str> = new.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        made,
        [
            "t:j1:consistent hashing",
            "t:j1:quorum reads",
            "t:j1:back-pressure"
        ]
    );
    assert!(new.iter().all(|c| c.schedule == Schedule::new(50)));
    assert_eq!(
        new[0].subject,
        CardSubject::Topic {
            text: "Consistent hashing".into(),
            entry: "j1".into()
        }
    );
    assert_eq!(new[0].schedule.ease, DEFAULT_EASE);
}

#[test]
fn a_journal_title_names_who_when_and_which_round() {
    let rows = [
        (
            "Acme",
            "Staff engineer",
            "2026-11-20",
            Round::SystemDesign,
            "Acme, Staff engineer (System design, 2026-11-20)",
        ),
        (
            "Acme",
            "",
            "2026-11-20",
            Round::Coding,
            "Acme (Coding, 2026-11-20)",
        ),
        (
            "  ",
            "Staff engineer",
            "",
            Round::Behavioural,
            "Staff engineer (Behavioural)",
        ),
        ("", "", " ", Round::Other, "Interview (Other)"),
        (
            " Initech ",
            " SRE ",
            " 2027-01-05 ",
            Round::HiringManager,
            "Initech, SRE (Hiring manager, 2027-01-05)",
        ),
    ];
    for (company, role, date, round, title) in rows {
        let e = JournalEntry {
            company: company.into(),
            role: role.into(),
            date: date.into(),
            round,
            ..Default::default()
        };
        assert_eq!(e.title(), title);
    }
    assert_eq!(JournalEntry::default().round, Round::SystemDesign);
    for r in Round::ALL {
        assert_eq!(Round::from_id(r.id()), Some(r));
    }
    for d in Diagnosis::ALL {
        assert_eq!(Diagnosis::from_id(d.id()), Some(d));
    }
    assert_eq!(Round::from_id("System design"), None);
    assert_eq!(Diagnosis::from_id(""), None);
}

#[test]
fn the_journal_in_markdown_is_newest_first_with_everything_typed_escaped() {
    let older = JournalEntry {
        went_well: "Capacity estimates".into(),
        ..entry("j1", "2026-10-02")
    };
    let newer = JournalEntry {
        company: "<script>alert(1)</script>".into(),
        diagnosis: Some(Diagnosis::CouldNotAccess),
        struggles: vec![Struggle {
            asked: "Design *Twitter* search".into(),
            said: "# Sharded by user\n- then by time".into(),
            should_have: String::new(),
            topics: "Inverted index, [fan-out](x)".into(),
        }],
        process: "   ".into(),
        ..entry("j2", "2026-11-20")
    };
    // Same day as the newer one, written later: first.
    let same_day = entry("j3", "2026-11-20");
    let md = journal_markdown(&[older, newer, same_day]);
    assert!(md.starts_with("# Interview journal\n"));
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Acme, Staff engineer (System design, 2026-11-20)",
            "## \\<script\\>alert(1)\\</script\\>, Staff engineer (System design, 2026-11-20)",
            "## Acme, Staff engineer (System design, 2026-10-02)",
        ]
    );
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains("**Diagnosis:** I knew it but could not access it\n"));
    assert!(md.contains("### Struggled with, 1\n"));
    assert!(md.contains("> Design \\*Twitter\\* search"), "{md}");
    // A heading and a list marker typed at the start of a line stay text.
    assert!(
        md.contains("> \\# Sharded by user\n> \\- then by time"),
        "{md}"
    );
    assert!(
        md.contains("**Topics to review**\n\n- Inverted index\n- \\[fan-out\\](x)\n"),
        "{md}"
    );
    assert!(md.contains("**Handled well**\n\n> Capacity estimates\n"));
    // Empty sections are left out.
    assert!(!md.contains("What I should have said"));
    assert!(!md.contains("Process and communication"));
    assert_eq!(md.matches("**Diagnosis:**").count(), 1);
}

// ------------------------------------------------------------ days and clocks

fn leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn month_days(year: i64, month: usize) -> i64 {
    [
        31,
        if leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month - 1]
}

/// Days since 1970-01-01 of a date, counted the slow way.
fn days_since_epoch(year: i64, month: usize, day: i64) -> i64 {
    let year_days = |y: i64| if leap(y) { 366 } else { 365 };
    let years: i64 = if year >= 1970 {
        (1970..year).map(year_days).sum()
    } else {
        -(year..1970).map(year_days).sum::<i64>()
    };
    let months: i64 = (1..month).map(|m| month_days(year, m)).sum();
    years + months + day - 1
}

#[test]
fn a_day_is_written_as_its_calendar_date() {
    let rows = [
        (0, "1970-01-01"),
        (-1, "1969-12-31"),
        (DAY0, "2026-11-30"),
        (11_016, "2000-02-29"),
        (11_017, "2000-03-01"),
        (19_782, "2024-02-29"),
        (47_540, "2100-02-28"),
        (47_541, "2100-03-01"),
    ];
    for (day, date) in rows {
        assert_eq!(date_of(day), date, "{day}");
    }
    assert_eq!(DAY0, 20_787);
    assert_eq!(days_since_epoch(2026, 11, 30), DAY0);
    // Every day from 1896 to 2104 (1900 and 2100 not leap, 2000 leap), one by one.
    let mut day = days_since_epoch(1896, 1, 1);
    for year in 1896..=2104 {
        for month in 1..=12 {
            for d in 1..=month_days(year, month) {
                assert_eq!(
                    date_of(day),
                    format!("{year:04}-{month:02}-{d:02}"),
                    "day {day}"
                );
                day += 1;
            }
        }
    }
    assert_eq!(day, days_since_epoch(2105, 1, 1));
}

#[test]
fn the_calendar_day_follows_the_users_clock_around_midnight() {
    let midnight = T0;
    // (ms since the epoch, minutes the clock is ahead of UTC, day)
    let rows = [
        (midnight, 0.0, DAY0),
        (midnight - 1.0, 0.0, DAY0 - 1),
        (midnight - 30.0 * MIN, 60.0, DAY0),
        (midnight - 61.0 * MIN, 60.0, DAY0 - 1),
        (midnight + 5.0 * 60.0 * MIN - 1.0, -300.0, DAY0 - 1),
        (midnight + 5.0 * 60.0 * MIN, -300.0, DAY0),
        (midnight + 23.0 * 60.0 * MIN, 60.0, DAY0 + 1),
        (midnight + 18.5 * 60.0 * MIN - 1.0, 330.0, DAY0),
        (midnight + 18.5 * 60.0 * MIN, 330.0, DAY0 + 1),
        (0.0, 0.0, 0),
        (-1.0, 0.0, -1),
        (0.0, -1.0, -1),
    ];
    for (ms, offset, day) in rows {
        assert_eq!(day_of(ms, offset), day, "{ms} at {offset:+}");
    }
}

#[test]
fn a_session_clock_reads_minutes_and_seconds() {
    let rows = [
        (0.0, "0:00"),
        (-5_000.0, "0:00"),
        (999.0, "0:01"),
        (59_499.0, "0:59"),
        (59_500.0, "1:00"),
        (5.5 * MIN, "5:30"),
        (75.0 * MIN + 7.0 * SEC, "75:07"),
    ];
    for (ms, text) in rows {
        assert_eq!(clock(ms), text, "{ms}");
    }
}

// ------------------------------------------------ regressions (first review)

#[test]
fn a_late_tick_in_breadth_stamps_a_milestone_no_later_than_breadths_end() {
    // Requirements left at 5:00 with a client and a database; they are connected
    // after Breadth's end (14:00) but the next tick comes only at 15:30.
    let mut b = B::new();
    let client = b.add(K::Client, "Client");
    let db = b.add(K::SqlDatabase, "Postgres");
    let mut s = Session::start("url-shortener", SessionPlan::default(), T0, 3);
    s.handle(SessionEvent::Next, at(5.0), &b.0);
    s.handle(SessionEvent::Tick, at(13.5), &b.0);
    assert_eq!(s.milestones().connected_ms, None);
    b.arrow(client, db, "");
    s.handle(SessionEvent::Tick, at(15.5), &b.0);
    assert_eq!(s.milestones().connected_ms, Some(14.0 * MIN));
    assert_eq!(s.records()[1].ended_by, EndedBy::TimeUp);
}

#[test]
fn next_pressed_after_breadths_time_ran_out_ends_it_as_time_up_at_its_plan() {
    let mut s = Session::start("url-shortener", SessionPlan::default(), T0, 3);
    s.handle(SessionEvent::Next, at(5.0), &Board::new());
    let out = s.handle(SessionEvent::Next, at(16.0), &Board::new());
    assert_eq!(
        out,
        SessionOutcome::Advanced {
            from: Phase::Breadth,
            to: Phase::Focus,
            by: EndedBy::TimeUp
        }
    );
    assert_eq!(s.records()[1].actual_ms, 9.0 * MIN, "no overrun in Breadth");
}

#[test]
fn an_attempt_grades_good_only_the_items_it_found_not_those_it_never_checked() {
    // A free check missed the deep dives; a timed session checks its own focus picks
    // instead, so it says nothing of them.
    let mut free = synthetic("f1", "url-shortener", 1.0, AttemptKind::Free);
    free.scores = scores([(0, 8), (0, 4), (0, 3), (0, 5), (0, 2)]);
    free.missed = keys(&["depth:dive-0", "depth:dive-1"]);
    let mut cards = vec![];
    record_into(&mut cards, &free, 10);
    assert_eq!(cards.len(), 3);
    let mut timed = synthetic("t2", "url-shortener", 2.0, AttemptKind::Timed);
    timed.scores = scores([(0, 8), (0, 4), (0, 1), (0, 5), (0, 2)]);
    timed.missed = keys(&["depth:focus-4"]);
    let changes = cards_after(&timed, &cards, 11);
    let put: Vec<&str> = changes.put.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(put, ["p:url-shortener"], "the dive cards are left alone");
    // Nor does the comparison count them as newly covered.
    let c = compare(&free, &timed);
    assert!(c.newly_covered.is_empty() && c.slipped.is_empty(), "{c:?}");
}

#[test]
fn topics_that_differ_only_in_case_make_one_card_whatever_the_alphabet() {
    let entry = JournalEntry {
        id: "j1".into(),
        struggles: vec![Struggle {
            topics: "Ärger\närger\nÉTÉ, été".into(),
            ..Struggle::default()
        }],
        ..JournalEntry::default()
    };
    assert_eq!(entry.topics(), ["Ärger", "ÉTÉ"]);
    let cards = entry.new_cards(&[], DAY0);
    let ids: BTreeSet<&str> = cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), cards.len(), "no two cards share an id");
}

#[test]
fn the_depth_of_a_sessions_own_picks_is_kept_by_the_boxs_name_and_titled_by_it() {
    let a = timed_run().attempt();
    let focus: Vec<&String> = a
        .found
        .iter()
        .chain(&a.missed)
        .chain(&a.claimed)
        .filter(|k| k.starts_with("depth:"))
        .collect();
    assert!(!focus.is_empty(), "{a:?}");
    assert!(
        focus.iter().all(|k| !k.starts_with("depth:focus-")),
        "kept by name, not box id: {focus:?}"
    );
    assert_eq!(
        item_title(Some(&prompt("url-shortener")), "depth:on:Shortener service"),
        "Details on Shortener service"
    );
    // Compared by name across sessions; never a card.
    let mut before = synthetic("t1", "url-shortener", 1.0, AttemptKind::Timed);
    before.missed = keys(&["depth:on:API", "depth:dive-0"]);
    let mut now = synthetic("t2", "url-shortener", 2.0, AttemptKind::Timed);
    now.found = keys(&["depth:on:API", "depth:dive-0"]);
    now.missed = keys(&["depth:on:Cache"]);
    let c = compare(&before, &now);
    assert_eq!(c.newly_covered, ["depth:on:API", "depth:dive-0"]);
    let changes = cards_after(&before, &[], 10);
    assert!(
        changes.put.iter().all(|c| !c.id.contains("depth:on")),
        "{changes:?}"
    );
}

#[test]
fn the_library_is_told_when_each_prompt_was_last_practised_its_best_and_what_is_due() {
    use breadthfirst::core::history::{ago, practice_stats};
    let mut first = attempt_at("t1", 40, &["component:cache"], &[]);
    first.day = 100;
    let mut second = attempt_at("t2", 70, &[], &[]);
    second.day = 103;
    let mut other = synthetic("f1", "chat", 0.0, AttemptKind::Free);
    other.day = 90;
    let attempts = vec![second.clone(), first.clone(), other];
    // The cache card is due on day 104; nothing of chat is.
    let cards = vec![Card::new(
        CardSubject::Item {
            prompt: "url-shortener".into(),
            key: "component:cache".into(),
        },
        104,
    )];
    let stats = practice_stats(&attempts, &cards, 104);
    let ids: Vec<&str> = stats.iter().map(|s| s.prompt.as_str()).collect();
    assert_eq!(ids, ["chat", "url-shortener"]);
    let shortener = &stats[1];
    assert_eq!(
        (shortener.last_day, shortener.best, shortener.due),
        (103, 70, true)
    );
    assert_eq!(shortener.last, "yesterday");
    assert_eq!(
        (stats[0].last.as_str(), stats[0].due),
        ("14 days ago", false)
    );
    // The day before the card is due, nothing is.
    assert!(practice_stats(&attempts, &cards, 102)
        .iter()
        .all(|s| !s.due));
    assert_eq!(ago(104, 104), "today");
    assert_eq!(ago(60, 104), date_of(60));
}

#[test]
fn a_follow_up_card_asks_its_question_and_practise_again_brings_it_due_today() {
    use breadthfirst::core::history::{follow_up_key, remember};
    let shortener = prompt("url-shortener");
    let f = &shortener.follow_ups[1];
    let key = follow_up_key(&f.question);
    assert!(key.starts_with("follow-up:") && key.len() == "follow-up:".len() + 8);
    // The key follows the question's text: stable, and another question's differs.
    assert_eq!(key, follow_up_key(&f.question));
    assert_ne!(key, follow_up_key(&shortener.follow_ups[0].question));
    let face = item_face(&shortener, &key).expect("a face");
    assert!(face.question.ends_with(&f.question));
    assert_eq!(face.answer, f.answer);
    assert_eq!(item_title(Some(&shortener), &key), f.question);
    // A new card is due today; a card scheduled later is brought forward, keeping
    // its schedule otherwise; one due earlier stays due.
    let new = remember(&[], "url-shortener", &key, 200);
    assert_eq!(new.schedule.due, 200);
    let later = new.graded(Grade::Good, 200);
    assert!(later.schedule.due > 200);
    let again = remember(std::slice::from_ref(&later), "url-shortener", &key, 201);
    assert_eq!(again.schedule.due, 201);
    assert_eq!(again.schedule.interval, later.schedule.interval);
    assert_eq!(again.id, later.id);
    let overdue = remember(std::slice::from_ref(&new), "url-shortener", &key, 205);
    assert_eq!(overdue.schedule.due, 200);
}
