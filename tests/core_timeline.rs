//! A session's timeline (issue 17): board changes recorded as patches replay to
//! exactly the board they were taken from, at every step and any instant, for random
//! sequences of board commands (undo jumps included), through a save and a reload;
//! notes are kept one entry per pause; first appearances come in board order.

use breadthfirst::core::diagram::{
    Board, Command, ComponentId, ComponentKind, NoteField, Patch, Point, Rect,
};
use breadthfirst::core::persist;
use breadthfirst::core::session::{first_appearances, Phase, Replay, Timeline, TimelineEvent};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// A random command that fits `board` (or an add, on an empty one).
fn random_command(rng: &mut StdRng, board: &Board) -> Command {
    let ids: Vec<ComponentId> = board.components().iter().map(|c| c.id).collect();
    let pick = |rng: &mut StdRng| ids[rng.random_range(0..ids.len())];
    let choice = if ids.is_empty() {
        0
    } else {
        rng.random_range(0..12)
    };
    match choice {
        0 | 1 => Command::AddComponent {
            kind: ComponentKind::ALL[rng.random_range(0..ComponentKind::ALL.len())],
            at: Point::new(
                rng.random_range(-500.0..500.0),
                rng.random_range(-500.0..500.0),
            ),
            label: rng
                .random_bool(0.5)
                .then(|| format!("box {}", rng.random_range(0..100))),
        },
        2 => Command::MoveComponents {
            ids: vec![pick(rng)],
            by: Point::new(rng.random_range(-40.0..40.0), rng.random_range(-40.0..40.0)),
        },
        3 => Command::RenameComponent {
            id: pick(rng),
            label: format!("renamed {}", rng.random_range(0..1000)),
        },
        4 => Command::SetNote {
            id: pick(rng),
            field: if rng.random_bool(0.5) {
                NoteField::Details
            } else {
                NoteField::Failure
            },
            text: format!("note {}", rng.random_range(0..1000)),
        },
        5 => Command::ChangeKind {
            id: pick(rng),
            kind: ComponentKind::ALL[rng.random_range(0..ComponentKind::ALL.len())],
        },
        6 => Command::ResizeComponent {
            id: pick(rng),
            rect: Rect::new(
                0.0,
                0.0,
                rng.random_range(60.0..300.0),
                rng.random_range(40.0..200.0),
            ),
        },
        7 | 8 => Command::ConnectComponents {
            from: pick(rng),
            to: pick(rng),
            label: format!("flow {}", rng.random_range(0..10)),
        },
        9 => match board.arrows().first() {
            Some(a) => Command::ReverseArrow { id: a.id },
            None => Command::RenameComponent {
                id: pick(rng),
                label: "again".into(),
            },
        },
        10 => Command::Group {
            ids: vec![pick(rng), pick(rng)],
        },
        _ => Command::DeleteElements {
            components: vec![pick(rng)],
            arrows: board.arrows().iter().take(1).map(|a| a.id).collect(),
        },
    }
}

/// The same board with its components in reverse paint order (as a restore of a
/// file written in another order gives).
fn reversed(board: &Board) -> Board {
    let mut doc: serde_json::Value =
        serde_json::from_str(&persist::to_json(board, &Default::default())).unwrap();
    doc["board"]["components"].as_array_mut().unwrap().reverse();
    persist::from_json(&doc.to_string()).unwrap().board
}

#[test]
fn a_replayed_timeline_gives_exactly_the_board_of_every_step_and_instant() {
    for seed in 0..120 {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut board = Board::new();
        let mut states = vec![board.clone()];
        let mut timeline = Timeline::default();
        let mut now = 0.0;
        for _ in 0..rng.random_range(1..160) {
            now += rng.random_range(0.0..5_000.0);
            let before = board.clone();
            match rng.random_range(0..20) {
                // Undo: back to an earlier state, as the editor's snapshots do.
                0 => board = states[rng.random_range(0..states.len())].clone(),
                1 => board = reversed(&board),
                _ => {
                    let command = random_command(&mut rng, &board);
                    let _ = board.apply(command);
                }
            }
            if timeline.record_board(now, &before, &board) {
                states.push(board.clone());
            }
            if rng.random_bool(0.1) {
                timeline.push(now, TimelineEvent::Phase(Phase::Breadth));
            }
        }
        // Saved and read back (the session keeps it as JSON).
        let text = serde_json::to_string(&timeline).unwrap();
        let timeline: Timeline = serde_json::from_str(&text).unwrap();
        let replay = Replay::new(&timeline);
        assert_eq!(replay.len() + 1, states.len(), "seed {seed}");
        for (n, state) in states.iter().enumerate() {
            assert_eq!(
                &replay.board_after(n),
                state,
                "seed {seed}, after {n} changes"
            );
        }
        // Any instant: the last change at or before it.
        let times: Vec<f64> = replay.times().collect();
        for _ in 0..20 {
            let t = rng.random_range(-1.0..now + 10.0);
            let n = times.iter().filter(|x| **x <= t).count();
            assert_eq!(replay.board_at(t), states[n], "seed {seed}, at {t}");
        }
        assert_eq!(
            replay.board_at(f64::INFINITY),
            board,
            "seed {seed}: the end"
        );
    }
}

#[test]
fn a_patch_carries_only_what_changed_and_the_order_when_it_moved() {
    let mut board = Board::new();
    for name in ["a", "b", "c"] {
        let _ = board.apply(Command::AddComponent {
            kind: ComponentKind::Service,
            at: Point::new(0.0, 0.0),
            label: Some(name.into()),
        });
    }
    let ids: Vec<ComponentId> = board.components().iter().map(|c| c.id).collect();
    let before = board.clone();
    let _ = board.apply(Command::RenameComponent {
        id: ids[1],
        label: "B".into(),
    });
    let patch = Patch::between(&before, &board);
    assert_eq!(patch.put.len(), 1);
    assert_eq!(patch.put[0].label, "B");
    assert!(patch.removed.is_empty() && patch.order.is_none());
    assert_eq!(patch.apply(&before), board);
    // Nothing changed: an empty patch, which a timeline does not record.
    assert!(Patch::between(&board, &board).is_empty());
    let mut timeline = Timeline::default();
    assert!(!timeline.record_board(5.0, &board, &board));
    assert!(timeline.entries().is_empty());
    // A new paint order is carried whole.
    let flipped = reversed(&board);
    let patch = Patch::between(&board, &flipped);
    assert!(patch.put.is_empty());
    assert_eq!(patch.order.as_deref().map(<[ComponentId]>::len), Some(3));
    assert_eq!(patch.apply(&board), flipped);
}

#[test]
fn typing_a_note_is_one_entry_per_pause_and_time_never_runs_back() {
    let mut timeline = Timeline::default();
    timeline.record_note(1_000.0, "requirements.functional", "S", 2_000.0);
    timeline.record_note(1_500.0, "requirements.functional", "Sh", 2_000.0);
    timeline.record_note(3_000.0, "requirements.functional", "Sho", 2_000.0);
    // A pause longer than the window starts a new entry, as does another note.
    timeline.record_note(9_000.0, "requirements.functional", "Short", 2_000.0);
    timeline.record_note(9_100.0, "follow_up.0", "x", 2_000.0);
    let notes: Vec<(f64, String)> = timeline
        .entries()
        .iter()
        .map(|e| match &e.event {
            TimelineEvent::Note { text, .. } => (e.at_ms, text.clone()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        notes,
        vec![
            (3_000.0, "Sho".to_string()),
            (9_000.0, "Short".to_string()),
            (9_100.0, "x".to_string())
        ]
    );
    // An entry is never earlier than the one before it.
    timeline.push(50.0, TimelineEvent::Curveball(1));
    assert_eq!(timeline.entries().last().unwrap().at_ms, 9_100.0);
    assert_eq!(timeline.end_ms(), 9_100.0);
}

#[test]
fn first_appearances_say_when_each_item_was_first_on_the_board() {
    let mut board = Board::new();
    let mut timeline = Timeline::default();
    for (at, name) in [(1_000.0, "cache"), (2_000.0, "store"), (3_000.0, "queue")] {
        let before = board.clone();
        let _ = board.apply(Command::AddComponent {
            kind: ComponentKind::Service,
            at: Point::new(at, 0.0),
            label: Some(name.into()),
        });
        timeline.record_board(at, &before, &board);
    }
    // The cache goes and comes back: its first appearance stands.
    let before = board.clone();
    let cache = board.components()[0].id;
    let _ = board.apply(Command::DeleteElements {
        components: vec![cache],
        arrows: vec![],
    });
    timeline.record_board(4_000.0, &before, &board);
    let replay = Replay::new(&timeline);
    let found =
        |b: &Board| -> Vec<String> { b.components().iter().map(|c| c.label.clone()).collect() };
    assert_eq!(
        first_appearances(&replay, found),
        vec![
            ("cache".to_string(), 1_000.0),
            ("store".to_string(), 2_000.0),
            ("queue".to_string(), 3_000.0)
        ]
    );
}

/// A timed session records its board, phases, focus picks, curveball and notes at
/// session time, pauses left out, and nothing once in Review; the saved session
/// keeps its timeline, and the replay gives the board of each moment.
#[test]
fn a_session_records_its_timeline_at_session_time() {
    use breadthfirst::core::session::{
        RequirementField, Session, SessionEvent, SessionPlan, NOTE_PAUSE_MS,
    };
    const MIN: f64 = 60_000.0;
    const T0: f64 = 1_700_000_000_000.0;
    let plan = SessionPlan::default();
    let mut s = Session::start("url-shortener", plan, T0, 2);
    let mut board = Board::new();
    let mut recorded = s.timeline().board();
    let mut step = |s: &mut Session, board: &mut Board, now: f64, command: Command| {
        board.apply(command).unwrap();
        assert!(s.record_board(now, &recorded, board));
        recorded = board.clone();
    };
    // Requirements: a note typed in two bursts, 1 s apart then 10 s apart.
    s.set_requirement(RequirementField::Functional, "shorten", T0 + 1_000.0);
    s.set_requirement(RequirementField::Functional, "shorten URLs", T0 + 2_000.0);
    s.set_requirement(
        RequirementField::Functional,
        "shorten URLs, redirect",
        T0 + 12_000.0,
    );
    s.handle(SessionEvent::Next, T0 + 5.0 * MIN, &board);
    assert_eq!(s.phase(), Phase::Breadth);
    // Breadth: five boxes, one a minute, with a 3-minute pause after the second.
    let kinds = [
        ComponentKind::Client,
        ComponentKind::LoadBalancer,
        ComponentKind::Service,
        ComponentKind::Cache,
        ComponentKind::SqlDatabase,
    ];
    let mut now = T0 + 5.0 * MIN;
    let mut expected: Vec<(f64, Board)> = Vec::new();
    for (i, kind) in kinds.iter().enumerate() {
        now += MIN;
        if i == 2 {
            s.handle(SessionEvent::Pause, now, &board);
            now += 3.0 * MIN;
            s.handle(SessionEvent::Resume, now, &board);
        }
        let at = Point::new(i as f64 * 200.0, 0.0);
        step(
            &mut s,
            &mut board,
            now,
            Command::AddComponent {
                kind: *kind,
                at,
                label: None,
            },
        );
        expected.push((s.session_ms(now), board.clone()));
    }
    let ids: Vec<ComponentId> = board.components().iter().map(|c| c.id).collect();
    now += 1_000.0;
    for pair in [(0, 1), (1, 2), (2, 3), (2, 4)] {
        let (from, to) = (ids[pair.0], ids[pair.1]);
        step(
            &mut s,
            &mut board,
            now,
            Command::ConnectComponents {
                from,
                to,
                label: String::new(),
            },
        );
    }
    expected.push((s.session_ms(now), board.clone()));
    now += MIN;
    s.handle(SessionEvent::Next, now, &board);
    assert_eq!(s.phase(), Phase::Focus);
    s.handle(SessionEvent::ToggleFocus(ids[2]), now, &board);
    s.handle(SessionEvent::Next, now, &board);
    // Depth: the curveball comes halfway; one more box then.
    now += plan.millis(Phase::Depth) / 2.0;
    s.handle(SessionEvent::Tick, now, &board);
    assert!(s.curveball().is_some_and(|c| c.shown));
    assert!(s.answer_curveball("replicate", now));
    let at = Point::new(0.0, 300.0);
    step(
        &mut s,
        &mut board,
        now,
        Command::AddComponent {
            kind: ComponentKind::Worker,
            at,
            label: None,
        },
    );
    expected.push((s.session_ms(now), board.clone()));
    s.handle(SessionEvent::Next, now, &board);
    s.handle(SessionEvent::Next, now + MIN, &board);
    assert_eq!(s.phase(), Phase::Review);
    // In Review nothing is recorded.
    let mut late = board.clone();
    let at = Point::new(900.0, 900.0);
    late.apply(Command::AddComponent {
        kind: ComponentKind::Cdn,
        at,
        label: None,
    })
    .unwrap();
    assert!(!s.record_board(now + 2.0 * MIN, &board, &late));

    // Through a save and a reload.
    let saved = serde_json::to_string(&s).unwrap();
    let s: Session = serde_json::from_str(&saved).unwrap();
    let timeline = s.timeline();
    let events: Vec<(f64, &TimelineEvent)> = timeline
        .entries()
        .iter()
        .map(|e| (e.at_ms, &e.event))
        .collect();
    let notes: Vec<(f64, &str)> = events
        .iter()
        .filter_map(|(at, e)| match e {
            TimelineEvent::Note { which, text } if which == "requirements.functional" => {
                Some((*at, text.as_str()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        notes,
        vec![
            (2_000.0, "shorten URLs"),
            (12_000.0, "shorten URLs, redirect")
        ],
        "typing within {NOTE_PAUSE_MS} ms is one entry"
    );
    let phases: Vec<(f64, Phase)> = events
        .iter()
        .filter_map(|(at, e)| match e {
            TimelineEvent::Phase(p) => Some((*at, *p)),
            _ => None,
        })
        .collect();
    let records: Vec<f64> = s
        .records()
        .iter()
        .scan(0.0, |sum, r| {
            *sum += r.actual_ms;
            Some(*sum)
        })
        .collect();
    assert_eq!(
        phases.iter().map(|(at, _)| *at).collect::<Vec<_>>(),
        records
    );
    assert_eq!(phases[0], (5.0 * MIN, Phase::Breadth));
    assert_eq!(phases.last().unwrap().1, Phase::Review);
    assert!(events
        .iter()
        .any(|(_, e)| matches!(e, TimelineEvent::Focus(f) if f == &vec![ids[2]])));
    assert!(events
        .iter()
        .any(|(_, e)| matches!(e, TimelineEvent::Curveball(_))));
    assert!(events.iter().any(|(_, e)| matches!(e, TimelineEvent::Note { which, text } if which == "curveball" && text == "replicate")));
    // The pause is left out: the third box came at 5 + 3 minutes of session time.
    assert_eq!(expected[2].0, 8.0 * MIN);
    let replay = Replay::new(timeline);
    for (at, board) in &expected {
        assert_eq!(&replay.board_at(*at), board, "the board at {at} ms");
    }
    assert!(replay.board_at(5.0 * MIN).components().is_empty());
    assert_eq!(
        timeline.board(),
        board,
        "Review's late box is not in the timeline"
    );
}
