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

/// The recorder turns the moments the app reports into the timeline: a board as
/// what changed since the last one (none when nothing did), a note one entry per
/// pause, phases, focus and the curveball as they come; resumed from its saved
/// timeline (a reload), it goes on from the board that timeline ends on; a board it
/// cannot read is refused and changes nothing.
#[test]
fn the_recorder_turns_reported_moments_into_the_timeline() {
    use breadthfirst::core::editor::Viewport;
    use breadthfirst::core::session::{Moment, TimelineRecorder, NOTE_PAUSE_MS};
    const MIN: f64 = 60_000.0;
    let saved = |b: &Board| Moment::Board(persist::to_json(b, &Viewport::default()));
    let mut recorder = TimelineRecorder::resume(Timeline::default());
    let note = |text: &str| Moment::Note {
        which: "requirements.functional".into(),
        text: text.into(),
    };
    assert!(recorder.record(1_000.0, note("shorten")).unwrap());
    assert!(recorder.record(2_000.0, note("shorten URLs")).unwrap());
    assert!(recorder
        .record(12_000.0, note("shorten URLs, redirect"))
        .unwrap());
    assert!(recorder
        .record(5.0 * MIN, Moment::Phase(Phase::Breadth))
        .unwrap());
    let mut board = Board::new();
    let mut expected: Vec<(f64, Board)> = Vec::new();
    let kinds = [
        ComponentKind::Client,
        ComponentKind::LoadBalancer,
        ComponentKind::Service,
    ];
    for (i, kind) in kinds.iter().enumerate() {
        let at = 5.0 * MIN + (i + 1) as f64 * MIN;
        board
            .apply(Command::AddComponent {
                kind: *kind,
                at: Point::new(i as f64 * 200.0, 0.0),
                label: None,
            })
            .unwrap();
        assert!(recorder.record(at, saved(&board)).unwrap());
        expected.push((at, board.clone()));
    }
    // The same board again (a selection, a view change): nothing recorded.
    let entries = recorder.timeline().entries().len();
    assert!(!recorder.record(9.0 * MIN, saved(&board)).unwrap());
    assert_eq!(recorder.timeline().entries().len(), entries);
    // A damaged board is refused.
    assert!(recorder
        .record(9.0 * MIN, Moment::Board("{".into()))
        .is_err());
    assert_eq!(recorder.timeline().entries().len(), entries);

    // A reload: the timeline is read back and recording goes on from its board.
    let text = serde_json::to_string(recorder.timeline()).unwrap();
    let mut recorder = TimelineRecorder::resume(serde_json::from_str(&text).unwrap());
    let ids: Vec<ComponentId> = board.components().iter().map(|c| c.id).collect();
    board
        .apply(Command::ConnectComponents {
            from: ids[0],
            to: ids[1],
            label: String::new(),
        })
        .unwrap();
    assert!(recorder.record(10.0 * MIN, saved(&board)).unwrap());
    expected.push((10.0 * MIN, board.clone()));
    assert!(recorder
        .record(15.0 * MIN, Moment::Phase(Phase::Focus))
        .unwrap());
    assert!(recorder
        .record(15.5 * MIN, Moment::Focus(vec![ids[2]]))
        .unwrap());
    assert!(recorder.record(20.0 * MIN, Moment::Curveball(1)).unwrap());

    let timeline = recorder.timeline();
    let notes: Vec<(f64, &str)> = timeline
        .entries()
        .iter()
        .filter_map(|e| match &e.event {
            TimelineEvent::Note { text, .. } => Some((e.at_ms, text.as_str())),
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
    let others: Vec<(f64, TimelineEvent)> = timeline
        .entries()
        .iter()
        .filter(|e| {
            !matches!(
                e.event,
                TimelineEvent::Board(_) | TimelineEvent::Note { .. }
            )
        })
        .map(|e| (e.at_ms, e.event.clone()))
        .collect();
    assert_eq!(
        others,
        vec![
            (5.0 * MIN, TimelineEvent::Phase(Phase::Breadth)),
            (15.0 * MIN, TimelineEvent::Phase(Phase::Focus)),
            (15.5 * MIN, TimelineEvent::Focus(vec![ids[2]])),
            (20.0 * MIN, TimelineEvent::Curveball(1)),
        ]
    );
    let replay = Replay::new(timeline);
    assert!(replay.board_at(5.5 * MIN).components().is_empty());
    for (at, board) in &expected {
        assert_eq!(&replay.board_at(*at), board, "the board at {at} ms");
    }
    assert_eq!(timeline.board(), board);
}
