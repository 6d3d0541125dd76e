//! The session phase machine, driven by a fake clock: (phase, event, time) -> outcome.

use breadthfirst::core::diagram::{Applied, Board, Command, ComponentId, ComponentKind, Point};
use breadthfirst::core::persist;
use breadthfirst::core::session::{
    breadth_gaps, format_countdown, live_focus, BreadthGap, EndedBy, Level, Phase,
    RequirementField, Session, SessionEvent, SessionOutcome, SessionPlan, MAX_FOCUS,
};

const MIN: f64 = 60_000.0;
const T0: f64 = 1_700_000_000_000.0;

fn add(board: &mut Board, kind: ComponentKind, x: f64) -> ComponentId {
    match board.apply(Command::AddComponent {
        kind,
        at: Point::new(x, 0.0),
        label: None,
    }) {
        Ok(Applied::Added(id)) => id,
        other => panic!("{other:?}"),
    }
}

fn connect(board: &mut Board, from: ComponentId, to: ComponentId) {
    board
        .apply(Command::ConnectComponents {
            from,
            to,
            label: String::new(),
        })
        .unwrap();
}

/// Client -> LB -> Service -> Cache, Service -> SQL: passes the gate.
fn breadth_map() -> Board {
    let mut b = Board::new();
    let ids: Vec<_> = [
        ComponentKind::Client,
        ComponentKind::LoadBalancer,
        ComponentKind::Service,
        ComponentKind::Cache,
        ComponentKind::SqlDatabase,
    ]
    .iter()
    .enumerate()
    .map(|(i, k)| add(&mut b, *k, i as f64 * 200.0))
    .collect();
    connect(&mut b, ids[0], ids[1]);
    connect(&mut b, ids[1], ids[2]);
    connect(&mut b, ids[2], ids[3]);
    connect(&mut b, ids[2], ids[4]);
    b
}

fn ids(board: &Board) -> [ComponentId; 5] {
    let ids: Vec<_> = board.components().iter().map(|c| c.id).collect();
    ids.try_into().unwrap()
}

fn focus(id: ComponentId) -> SessionEvent {
    SessionEvent::ToggleFocus(id)
}

/// A session in Focus (Breadth left through the gate with `breadth_map`).
fn in_focus() -> (Session, f64) {
    let (mut s, start) = in_breadth(SessionPlan::default());
    let out = s.handle(SessionEvent::Next, start + MIN, &breadth_map());
    assert!(matches!(
        out,
        SessionOutcome::Advanced {
            to: Phase::Focus,
            ..
        }
    ));
    (s, start + MIN)
}

fn in_breadth(plan: SessionPlan) -> (Session, f64) {
    let mut s = Session::start("url-shortener", plan, T0, 3);
    let now = T0 + MIN;
    let out = s.handle(SessionEvent::Next, now, &Board::new());
    assert!(matches!(
        out,
        SessionOutcome::Advanced {
            to: Phase::Breadth,
            ..
        }
    ));
    (s, now)
}

#[test]
fn timed_phases_add_up_to_the_session_length_for_every_plan() {
    for total in [30, 45, 60] {
        for level in [Level::L4, Level::L5, Level::L6] {
            for breadth in 8..=10 {
                let plan = SessionPlan::new(total, level, breadth);
                let sum: u32 = Phase::ALL.iter().map(|p| plan.minutes(*p)).sum();
                assert_eq!(sum, total, "{plan:?}");
                assert_eq!(plan.minutes(Phase::Breadth), breadth);
                assert!(plan.minutes(Phase::Depth) >= 5, "{plan:?}");
                assert!(plan.minutes(Phase::FailureModes) >= 4, "{plan:?}");
            }
        }
    }
}

#[test]
fn the_level_moves_time_from_requirements_to_failure_modes() {
    let l4 = SessionPlan::new(45, Level::L4, 9);
    let l6 = SessionPlan::new(45, Level::L6, 9);
    assert!(l4.minutes(Phase::Requirements) > l6.minutes(Phase::Requirements));
    assert!(l4.minutes(Phase::FailureModes) < l6.minutes(Phase::FailureModes));
    assert_eq!(SessionPlan::default().minutes(Phase::Requirements), 5);
}

#[test]
fn plans_clamp_to_offered_lengths_and_breadth_range() {
    let p = SessionPlan::new(50, Level::L5, 14);
    assert_eq!((p.total_minutes, p.breadth_minutes), (45, 10));
    let p = SessionPlan::new(5, Level::L5, 2);
    assert_eq!((p.total_minutes, p.breadth_minutes), (30, 8));
}

#[test]
fn the_phase_machine_follows_its_table() {
    let plan = SessionPlan::default();
    let map = breadth_map();
    let empty = Board::new();
    let [_, _, service, cache, db] = ids(&map);
    // Default plan: Depth is 17 minutes; Focus starts when Breadth times out at 9.
    let depth_half = 30.0 + plan.minutes(Phase::Depth) as f64 / 2.0;
    // (event, minutes since breadth began, board, expected outcome, phase after)
    type Row<'a> = (SessionEvent, f64, &'a Board, &'a str, Phase);
    let table: Vec<Row> = vec![
        (
            SessionEvent::AttemptDepth,
            0.5,
            &empty,
            "DepthRefused",
            Phase::Breadth,
        ),
        (focus(service), 0.6, &map, "DepthRefused", Phase::Breadth),
        (
            SessionEvent::Next,
            1.0,
            &empty,
            "GateRefused",
            Phase::Breadth,
        ),
        (SessionEvent::Tick, 7.0, &empty, "Nothing", Phase::Breadth),
        (
            SessionEvent::Tick,
            8.2,
            &empty,
            "BreadthEndingSoon",
            Phase::Breadth,
        ),
        (SessionEvent::Tick, 8.5, &empty, "Nothing", Phase::Breadth),
        (SessionEvent::Tick, 9.0, &empty, "Advanced", Phase::Focus),
        (
            SessionEvent::AttemptDepth,
            9.5,
            &empty,
            "DepthAllowed",
            Phase::Focus,
        ),
        (SessionEvent::Tick, 29.0, &map, "Nothing", Phase::Focus),
        (SessionEvent::Next, 29.0, &map, "FocusNeeded", Phase::Focus),
        (focus(service), 29.1, &map, "FocusChanged", Phase::Focus),
        (focus(cache), 29.2, &map, "FocusChanged", Phase::Focus),
        (focus(db), 29.3, &map, "FocusFull", Phase::Focus),
        (focus(cache), 29.4, &map, "FocusChanged", Phase::Focus),
        (SessionEvent::Next, 30.0, &map, "Advanced", Phase::Depth),
        (
            SessionEvent::Tick,
            depth_half - 0.1,
            &map,
            "Nothing",
            Phase::Depth,
        ),
        (
            SessionEvent::Tick,
            depth_half,
            &map,
            "CurveballArrived",
            Phase::Depth,
        ),
        (
            SessionEvent::Tick,
            depth_half + 1.0,
            &map,
            "Nothing",
            Phase::Depth,
        ),
        (
            SessionEvent::Next,
            50.0,
            &map,
            "Advanced",
            Phase::FailureModes,
        ),
        (
            SessionEvent::Tick,
            50.5,
            &map,
            "Nothing",
            Phase::FailureModes,
        ),
        (SessionEvent::Next, 60.0, &map, "Advanced", Phase::Review),
        (SessionEvent::Next, 61.0, &map, "Nothing", Phase::Review),
        (SessionEvent::Pause, 61.0, &map, "Nothing", Phase::Review),
    ];
    let (mut s, start) = in_breadth(plan);
    for (i, (event, minutes, board, expected, phase)) in table.into_iter().enumerate() {
        let out = s.handle(event, start + minutes * MIN, board);
        let name = format!("{out:?}");
        assert!(
            name.starts_with(expected),
            "row {i}: {event:?} at {minutes} min gave {name}"
        );
        assert_eq!(s.phase(), phase, "row {i}");
    }
    assert_eq!(
        s.depth_refusals(),
        2,
        "a depth note and a focus pick in Breadth"
    );
    assert_eq!(s.gate_refusals(), 1);
    assert_eq!(s.focus(), &[service]);
    assert!(
        s.breadth_map().is_empty(),
        "Breadth timed out on the empty board of that row"
    );
    let breadth = &s.records()[1];
    assert_eq!(breadth.phase, Phase::Breadth);
    assert_eq!(breadth.ended_by, EndedBy::TimeUp);
    assert_eq!(breadth.actual_ms, 9.0 * MIN);
}

#[test]
fn an_empty_board_cannot_leave_breadth_early_and_the_gate_says_what_is_missing() {
    let (mut s, now) = in_breadth(SessionPlan::default());
    match s.handle(SessionEvent::Next, now + MIN, &Board::new()) {
        SessionOutcome::GateRefused(gaps) => {
            assert!(gaps.contains(&BreadthGap::TooFewComponents { have: 0 }));
            assert!(gaps.contains(&BreadthGap::NoEntryPoint));
            assert!(gaps.contains(&BreadthGap::NoDataStore));
        }
        other => panic!("{other:?}"),
    }
    let map = breadth_map();
    assert!(s.breadth_map().is_empty());
    let out = s.handle(SessionEvent::Next, now + 2.0 * MIN, &map);
    let kept: Vec<ComponentId> = map.components().iter().map(|c| c.id).collect();
    assert_eq!(
        s.breadth_map(),
        kept.as_slice(),
        "the breadth map is the board as Breadth ends"
    );
    assert_eq!(
        out,
        SessionOutcome::Advanced {
            from: Phase::Breadth,
            to: Phase::Focus,
            by: EndedBy::User
        }
    );
}

#[test]
fn the_gate_names_unconnected_components_and_missing_roles() {
    let mut b = breadth_map();
    add(&mut b, ComponentKind::Worker, 2000.0);
    assert_eq!(
        breadth_gaps(&b),
        vec![BreadthGap::Unconnected(vec!["Worker".into()])]
    );
    let mut only_services = Board::new();
    let ids: Vec<_> = (0..5)
        .map(|i| add(&mut only_services, ComponentKind::Service, i as f64 * 200.0))
        .collect();
    for pair in ids.windows(2) {
        connect(&mut only_services, pair[0], pair[1]);
    }
    assert_eq!(
        breadth_gaps(&only_services),
        vec![BreadthGap::NoEntryPoint, BreadthGap::NoDataStore]
    );
    assert!(BreadthGap::Unconnected(vec!["A".into(), "B".into()])
        .to_string()
        .contains("A, B"));
}

#[test]
fn wall_clock_time_counts_even_when_no_tick_arrives_and_pauses_do_not() {
    let (mut s, start) = in_breadth(SessionPlan::default());
    // A background tab: no ticks for 5 minutes.
    assert_eq!(s.remaining_ms(start + 5.0 * MIN), 4.0 * MIN);
    s.handle(SessionEvent::Pause, start + 5.0 * MIN, &Board::new());
    assert!(s.is_paused());
    assert_eq!(
        s.remaining_ms(start + 20.0 * MIN),
        4.0 * MIN,
        "paused clock stands still"
    );
    assert_eq!(
        s.handle(SessionEvent::Tick, start + 20.0 * MIN, &Board::new()),
        SessionOutcome::Nothing,
        "no auto-advance while paused"
    );
    s.handle(SessionEvent::Resume, start + 20.0 * MIN, &Board::new());
    assert_eq!(s.remaining_ms(start + 22.0 * MIN), 2.0 * MIN);
    // A late tick after the limit ends Breadth at exactly its plan.
    let out = s.handle(SessionEvent::Tick, start + 40.0 * MIN, &Board::new());
    assert!(matches!(
        out,
        SessionOutcome::Advanced {
            by: EndedBy::TimeUp,
            ..
        }
    ));
    assert_eq!(s.records()[1].actual_ms, 9.0 * MIN);
    // Focus started when Breadth's time ran out, so it is already overrun.
    assert!(s.remaining_ms(start + 40.0 * MIN) < 0.0);
}

#[test]
fn a_saved_session_resumes_where_it_was_after_a_reload() {
    let (mut s, start) = in_breadth(SessionPlan::new(60, Level::L6, 10));
    s.handle(SessionEvent::AttemptDepth, start + MIN, &Board::new());
    let saved = serde_json::to_string(&s).unwrap();
    let restored: Session = serde_json::from_str(&saved).unwrap();
    assert_eq!(restored, s);
    assert_eq!(restored.phase(), Phase::Breadth);
    assert_eq!(restored.remaining_ms(start + 3.0 * MIN), 7.0 * MIN);
    assert_eq!(restored.depth_refusals(), 1);
}

#[test]
fn overruns_are_shown_not_hidden() {
    let mut s = Session::start("x", SessionPlan::default(), T0, 2);
    assert_eq!(format_countdown(s.remaining_ms(T0)), "05:00");
    assert_eq!(format_countdown(s.remaining_ms(T0 + 1.0)), "05:00");
    assert_eq!(format_countdown(s.remaining_ms(T0 + 1000.0)), "04:59");
    assert_eq!(format_countdown(s.remaining_ms(T0 + 5.0 * MIN)), "00:00");
    assert_eq!(
        format_countdown(s.remaining_ms(T0 + 6.0 * MIN + 5000.0)),
        "+01:05"
    );
    assert_eq!(
        s.handle(SessionEvent::Tick, T0 + 60.0 * MIN, &Board::new()),
        SessionOutcome::Nothing,
        "Requirements does not end by itself"
    );
    assert_eq!(s.phase(), Phase::Requirements);
}

#[test]
fn a_clock_that_jumps_backwards_never_gives_negative_elapsed_time() {
    let s = Session::start("x", SessionPlan::default(), T0, 2);
    assert_eq!(s.elapsed_ms(T0 - 10.0 * MIN), 0.0);
}

#[test]
fn focus_counts_only_components_still_on_the_board() {
    let (mut s, now) = in_focus();
    let mut board = breadth_map();
    let [_, _, service, cache, _] = ids(&board);
    assert_eq!(
        s.handle(focus(service), now, &board),
        SessionOutcome::FocusChanged
    );
    assert_eq!(
        s.handle(focus(cache), now, &board),
        SessionOutcome::FocusChanged
    );
    assert_eq!(s.focus().len(), MAX_FOCUS);
    board
        .apply(Command::DeleteElements {
            components: vec![service],
            arrows: vec![],
        })
        .unwrap();
    assert_eq!(live_focus(s.focus(), &board), vec![cache]);
    // The deleted pick no longer takes a place.
    let db = ids(&breadth_map())[4];
    assert_eq!(
        s.handle(focus(db), now, &board),
        SessionOutcome::FocusChanged
    );
    assert_eq!(s.focus(), &[cache, db]);
    // A component that is not on the board cannot be picked.
    s.handle(focus(db), now, &board);
    assert_eq!(
        s.handle(focus(ComponentId(999)), now, &board),
        SessionOutcome::Nothing
    );
    // With every pick deleted, Focus cannot be left...
    board
        .apply(Command::DeleteElements {
            components: vec![cache],
            arrows: vec![],
        })
        .unwrap();
    assert_eq!(
        s.handle(SessionEvent::Next, now, &board),
        SessionOutcome::FocusNeeded
    );
    // ...unless there is nothing left to pick.
    assert!(matches!(
        s.handle(SessionEvent::Next, now, &Board::new()),
        SessionOutcome::Advanced {
            to: Phase::Depth,
            ..
        }
    ));
}

#[test]
fn the_curveball_comes_at_once_in_failure_modes_when_depth_ends_early() {
    let (mut s, now) = in_focus();
    let map = breadth_map();
    let service = ids(&map)[2];
    s.handle(focus(service), now, &map);
    s.handle(SessionEvent::Next, now, &map);
    assert!(
        !s.answer_curveball("too early"),
        "no answer before it is asked"
    );
    s.handle(SessionEvent::Next, now + MIN, &map);
    assert_eq!(s.phase(), Phase::FailureModes);
    let index = s.curveball().unwrap().index;
    assert!(index < 3);
    assert_eq!(
        s.handle(SessionEvent::Tick, now + MIN, &map),
        SessionOutcome::CurveballArrived(index)
    );
    assert!(s.answer_curveball("Shard by key; add a read replica per region "));
    assert_eq!(
        s.curveball().unwrap().answer,
        "Shard by key; add a read replica per region "
    );
    // No curveball while paused.
    let (mut paused, now) = in_focus();
    paused.handle(focus(service), now, &map);
    paused.handle(SessionEvent::Next, now, &map);
    paused.handle(SessionEvent::Next, now, &map);
    paused.handle(SessionEvent::Pause, now, &map);
    assert_eq!(
        paused.handle(SessionEvent::Tick, now + MIN, &map),
        SessionOutcome::Nothing
    );
}

#[test]
fn the_curveball_is_picked_from_the_start_time_and_absent_without_any() {
    let picks: std::collections::BTreeSet<usize> = (0..12)
        .map(|i| {
            Session::start("x", SessionPlan::default(), T0 + i as f64 * 1000.0, 3)
                .curveball()
                .unwrap()
                .index
        })
        .collect();
    assert_eq!(picks.len(), 3, "every curveball comes up: {picks:?}");
    assert!(Session::start("x", SessionPlan::default(), T0, 0)
        .curveball()
        .is_none());
}

#[test]
fn requirement_notes_are_kept_trimmed_and_survive_a_reload() {
    let mut s = Session::start("x", SessionPlan::default(), T0, 2);
    s.set_requirement(RequirementField::Functional, "  shorten URLs\r\nredirect  ");
    s.set_requirement(RequirementField::Estimates, &"9".repeat(10_000));
    assert_eq!(
        s.requirements().functional,
        "  shorten URLs\nredirect  ",
        "kept as typed: a note saved per keystroke must keep its trailing space"
    );
    assert_eq!(
        s.requirements().get(RequirementField::Estimates).len(),
        breadthfirst::core::diagram::MAX_NOTE_CHARS
    );
    let restored: Session = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(restored, s);
}

#[test]
fn a_session_saved_before_notes_existed_still_resumes() {
    let s = Session::start("x", SessionPlan::default(), T0, 2);
    let mut value = serde_json::to_value(&s).unwrap();
    let object = value.as_object_mut().unwrap();
    for field in ["requirements", "focus", "curveball", "breadth_map"] {
        assert!(object.remove(field).is_some(), "{field}");
    }
    let old: Session = serde_json::from_value(value).unwrap();
    assert_eq!(old.phase(), Phase::Requirements);
    assert!(old.focus().is_empty() && old.curveball().is_none());
}

#[test]
fn leaving_breadth_keeps_a_snapshot_of_the_board_that_survives_a_reload() {
    let (s, _) = in_breadth(SessionPlan::default());
    assert_eq!(s.breadth_board(), None, "no snapshot before Breadth ends");
    let json = serde_json::to_string(&s).unwrap();
    assert!(!json.contains("breadth_board"), "nothing saved while empty");

    let (s, _) = in_focus();
    let snapshot = persist::from_json(s.breadth_board().expect("a snapshot"))
        .unwrap()
        .board;
    assert_eq!(snapshot, breadth_map());
    assert_eq!(s.breadth_map(), ids(&breadth_map()));
    let restored: Session = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(restored.breadth_board(), s.breadth_board());
}

#[test]
fn the_breadth_snapshot_is_the_board_when_breadth_ended_not_the_board_now() {
    let (session, _) = in_focus();
    let mut now = breadth_map();
    let added = add(&mut now, ComponentKind::Cache, 900.0);
    let map = session.breadth_snapshot(&now);
    assert_eq!(map.components().len(), breadth_map().components().len());
    assert!(map.component(added).is_none(), "added after breadth");
    assert_eq!(map.arrows().len(), breadth_map().arrows().len());
}

#[test]
fn before_breadth_ends_the_breadth_snapshot_is_empty() {
    let (session, _) = in_breadth(SessionPlan::default());
    assert!(session.breadth_snapshot(&breadth_map()).is_empty());
}
