//! Follow-up questions (issue 16): one picked per phase after Breadth, preferring
//! those about a part the board has; asked, answered and kept by the session; and
//! the worksheet's estimates kept as written.

use breadthfirst::core::diagram::Board;
use breadthfirst::core::prompt::{catalog, FollowUp, FOLLOW_UP_PHASES};
use breadthfirst::core::session::{pick_follow_ups, Phase, Session, SessionEvent, SessionPlan};

fn follow_up(phase: Phase, component: Option<&str>, question: &str) -> FollowUp {
    FollowUp {
        phase,
        component: component.map(String::from),
        question: question.into(),
        answer: "model".into(),
    }
}

fn sample() -> Vec<FollowUp> {
    vec![
        follow_up(Phase::Focus, None, "where first"),
        follow_up(Phase::Depth, Some("cache"), "cache at 10x"),
        follow_up(Phase::Depth, Some("store"), "store at 100x"),
        follow_up(Phase::Depth, None, "general depth"),
        follow_up(Phase::FailureModes, Some("queue"), "queue lags"),
    ]
}

#[test]
fn one_follow_up_is_picked_per_phase_after_breadth() {
    for seed in 0..20 {
        let picked = pick_follow_ups(&sample(), &[], seed);
        let phases: Vec<Phase> = picked.iter().map(|f| f.phase).collect();
        assert_eq!(
            phases,
            vec![Phase::Focus, Phase::Depth, Phase::FailureModes]
        );
        for f in &picked {
            assert_eq!(sample()[f.index].phase, f.phase);
            assert!(f.answer.is_empty());
        }
    }
}

#[test]
fn a_follow_up_about_a_part_the_board_has_comes_first_and_names_its_box() {
    let on_board = [("store".to_string(), "Cassandra ring".to_string())];
    for seed in 0..10 {
        let picked = pick_follow_ups(&sample(), &on_board, seed);
        let depth = picked.iter().find(|f| f.phase == Phase::Depth).unwrap();
        assert_eq!(depth.index, 2, "seed {seed}");
        assert_eq!(depth.about.as_deref(), Some("Cassandra ring"));
    }
    // Nothing on the board: a question about no component comes before one about a
    // part the board lacks; the seed picks among equals.
    for seed in 0..10 {
        let picked = pick_follow_ups(&sample(), &[], seed);
        let depth = picked.iter().find(|f| f.phase == Phase::Depth).unwrap();
        assert_eq!((depth.index, depth.about.clone()), (3, None));
        // Failure modes has only a question about the missing queue: it is asked.
        let failure = picked
            .iter()
            .find(|f| f.phase == Phase::FailureModes)
            .unwrap();
        assert_eq!(failure.index, 4);
    }
    let both = [
        ("store".to_string(), "DB".to_string()),
        ("cache".to_string(), "Redis".to_string()),
    ];
    let picks: Vec<usize> = (0..4)
        .map(|seed| pick_follow_ups(&sample(), &both, seed)[1].index)
        .collect();
    assert!(picks.contains(&1) && picks.contains(&2), "{picks:?}");
}

#[test]
fn a_phase_without_follow_ups_is_skipped() {
    let only_depth = vec![follow_up(Phase::Depth, None, "q")];
    let picked = pick_follow_ups(&only_depth, &[], 7);
    assert_eq!(picked.len(), 1);
    assert_eq!(picked[0].phase, Phase::Depth);
}

#[test]
fn every_prompt_gets_a_follow_up_in_each_phase_after_breadth() {
    for prompt in catalog() {
        let picked = pick_follow_ups(&prompt.follow_ups, &[], 3);
        let phases: Vec<Phase> = picked.iter().map(|f| f.phase).collect();
        let expected: Vec<Phase> = FOLLOW_UP_PHASES.iter().map(|(p, _)| *p).collect();
        assert_eq!(phases, expected, "{}", prompt.id);
    }
}

fn next(session: &mut Session, now: f64) {
    session.handle(SessionEvent::Next, now, &Board::default());
}

#[test]
fn the_session_asks_each_follow_up_in_its_phase_and_keeps_the_answers() {
    let mut s = Session::start("p", SessionPlan::default(), 0.0, 2);
    let picked = pick_follow_ups(&sample(), &[], 0);
    assert!(s.follow_up_now().is_none());
    // Picked when Breadth ends; the answers are refused until their phase.
    assert!(s.set_follow_ups(picked.clone()));
    assert!(!s.set_follow_ups(Vec::new()), "picked once");
    assert!(!s.answer_follow_up(1, "too early"));
    let mut now = 1_000.0;
    while s.phase() != Phase::Focus {
        next(&mut s, now);
        s.handle(SessionEvent::Tick, now + 20.0 * 60_000.0, &Board::default());
        now += 21.0 * 60_000.0;
    }
    let (at, f) = s.follow_up_now().expect("a follow-up in Focus");
    assert_eq!((at, f.phase), (0, Phase::Focus));
    assert!(s.answer_follow_up(0, "the store, it takes the writes"));
    assert!(!s.answer_follow_up(2, "not yet"));
    assert_eq!(s.follow_ups()[0].answer, "the store, it takes the writes");
    // It survives a reload.
    let saved = serde_json::to_string(&s).unwrap();
    let back: Session = serde_json::from_str(&saved).unwrap();
    assert_eq!(back, s);
}

#[test]
fn the_worksheet_keeps_each_estimate_as_written_until_review() {
    let mut s = Session::start("p", SessionPlan::default(), 0.0, 0);
    assert_eq!(s.estimate("peak"), "");
    assert!(s.set_estimate("peak", "100e6 links / month"));
    assert!(s.set_estimate("storage", "6e9 * 500 B"));
    assert!(s.set_estimate("peak", "40 links/s"));
    assert_eq!(s.estimate("peak"), "40 links/s");
    assert_eq!(s.estimates().len(), 2);
    // Sessions saved before the worksheet read as having none.
    let mut old: serde_json::Value =
        serde_json::to_value(Session::start("p", SessionPlan::default(), 0.0, 0)).unwrap();
    old.as_object_mut().unwrap().remove("estimates");
    let old: Session = serde_json::from_value(old).unwrap();
    assert!(old.estimates().is_empty() && old.follow_ups().is_empty());
}
