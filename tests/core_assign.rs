//! Building blocks of the honest checker (issue 12), tested on small boards: which
//! box plays which role (one box, one role, by kind and name, never by notes), simple
//! paths that may not go back through a box, and failure notes whose negated
//! mentions ("no replica") do not count.

use breadthfirst::core::check::assign::{assign, fit, Fit};
use breadthfirst::core::check::{check, Graph};
use breadthfirst::core::diagram::{Board, Command, ComponentKind as K, NoteField};
use breadthfirst::core::prompt::{catalog, ExpectedComponent};
use common::{add_named, connect};

mod common;

fn role(id: &str, kinds: &[&str], names: &[&str]) -> ExpectedComponent {
    ExpectedComponent {
        id: id.into(),
        name: id.into(),
        kinds: kinds.iter().map(|k| k.to_string()).collect(),
        synonyms: names.iter().map(|n| n.to_string()).collect(),
        why: String::new(),
    }
}

#[test]
fn a_box_is_what_its_kind_and_name_say_never_what_its_notes_mention() {
    let mut board = Board::new();
    let workers = add_named(&mut board, K::Worker, "Channel workers");
    board
        .apply(Command::SetNote {
            id: workers,
            field: NoteField::Details,
            text: "reads prefs from the preferences store; kafka consumer".into(),
        })
        .unwrap();
    let graph = Graph::new(&board);
    let prefs = role("prefs", &["kv_store"], &["preferences"]);
    assert_eq!(fit(&graph, 0, &prefs), None, "a note is not an identity");
    let named = role("workers", &[], &["channel workers"]);
    assert_eq!(fit(&graph, 0, &named), Some((Fit::Name, Some(0))));
    let both = role("workers", &["worker"], &["worker"]);
    assert_eq!(fit(&graph, 0, &both), Some((Fit::KindAndName, Some(0))));
}

#[test]
fn each_box_plays_one_role_and_the_best_fitting_box_gets_each_role() {
    let mut board = Board::new();
    // A greedy pass in role order would give the Postgres box to "ledger" (the first
    // role, by kind) and leave "payments" without a box; the matching gives each box
    // the role it fits best.
    add_named(&mut board, K::SqlDatabase, "Postgres (payments)");
    add_named(&mut board, K::KvStore, "Events table");
    let graph = Graph::new(&board);
    let roles = [
        role("ledger", &["sql_database", "kv_store"], &["ledger"]),
        role("payments", &["sql_database"], &["payments"]),
        role("events", &["kv_store"], &["events"]),
    ];
    let a = assign(&graph, &roles);
    assert_eq!(a.player, vec![None, Some(0), Some(1)]);
    // "ledger" is told which box could have played it and what it plays instead.
    assert_eq!(a.fits[0], vec![0, 1]);
    assert_eq!(a.role_of(0), Some(1));
}

#[test]
fn among_equal_fits_the_earlier_box_plays_the_role() {
    let mut board = Board::new();
    add_named(&mut board, K::Cache, "Cache A");
    add_named(&mut board, K::Cache, "Cache B");
    let graph = Graph::new(&board);
    let a = assign(&graph, &[role("cache", &["cache"], &["redis"])]);
    assert_eq!(a.player, vec![Some(0)]);
    // A box whose name also fits wins over an earlier one that fits by kind alone.
    let mut board = Board::new();
    add_named(&mut board, K::Cache, "Cache A");
    add_named(&mut board, K::Cache, "Redis");
    let graph = Graph::new(&board);
    let a = assign(&graph, &[role("cache", &["cache"], &["redis"])]);
    assert_eq!(a.player, vec![Some(1)]);
}

#[test]
fn the_assignment_is_optimal_on_every_small_board() {
    // Brute force over every assignment of 3 roles to 5 boxes.
    let kinds = [K::Cache, K::KvStore, K::SqlDatabase, K::Service, K::Cache];
    let roles = [
        role("a", &["cache"], &["hot"]),
        role("b", &["kv_store", "cache"], &["store"]),
        role("c", &["sql_database", "kv_store"], &[]),
    ];
    let weight = |f: Option<(Fit, Option<usize>)>| match f {
        Some((Fit::KindAndName, _)) => 5,
        Some((Fit::Name, _)) => 3,
        Some((Fit::Kind, _)) => 2,
        None => 0,
    };
    for labels in [
        ["hot", "store", "x", "y", "hot store"],
        ["x", "x", "x", "x", "x"],
        ["store", "hot", "store", "hot", "z"],
    ] {
        let mut board = Board::new();
        for (k, l) in kinds.iter().zip(labels) {
            add_named(&mut board, *k, l);
        }
        let graph = Graph::new(&board);
        let a = assign(&graph, &roles);
        let total = |players: &[Option<usize>]| -> i32 {
            players
                .iter()
                .zip(&roles)
                .map(|(p, r)| p.map_or(0, |v| weight(fit(&graph, v, r))))
                .sum()
        };
        let mut best = 0;
        let choices: Vec<Option<usize>> = std::iter::once(None).chain((0..5).map(Some)).collect();
        for &x in &choices {
            for &y in &choices {
                for &z in &choices {
                    let p = [x, y, z];
                    let used: Vec<usize> = p.iter().flatten().copied().collect();
                    let distinct = used
                        .iter()
                        .all(|v| used.iter().filter(|w| *w == v).count() == 1);
                    let fits = p
                        .iter()
                        .zip(&roles)
                        .all(|(v, r)| v.is_none_or(|v| fit(&graph, v, r).is_some()));
                    if distinct && fits {
                        best = best.max(total(&p));
                    }
                }
            }
        }
        assert_eq!(total(&a.player), best, "labels {labels:?}: {:?}", a.player);
        let used: Vec<usize> = a.player.iter().flatten().copied().collect();
        let mut sorted = used.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), used.len(), "one box, one role");
    }
}

#[test]
fn a_simple_path_never_goes_back_through_a_box() {
    let mut board = Board::new();
    let a = add_named(&mut board, K::Client, "A");
    let b = add_named(&mut board, K::Service, "B");
    let c = add_named(&mut board, K::KvStore, "C");
    connect(&mut board, a, b);
    connect(&mut board, b, a);
    connect(&mut board, b, c);
    let graph = Graph::new(&board);
    let (va, vb, vc) = (0, 1, 2);
    let free = vec![false; 3];
    assert_eq!(graph.path_avoiding(va, vc, &free), Some(vec![va, vb, vc]));
    // With B blocked (already on the chain) there is no way from A to C.
    let mut blocked = free.clone();
    blocked[vb] = true;
    assert_eq!(graph.path_avoiding(va, vc, &blocked), None);
    // The ends themselves may be blocked: they are where the path starts and stops.
    assert_eq!(graph.path_avoiding(va, vb, &blocked), Some(vec![va, vb]));
    assert_eq!(
        graph.path_avoiding(vc, va, &free),
        None,
        "arrows have a direction"
    );
}

#[test]
fn a_negated_mitigation_in_a_failure_note_does_not_count() {
    let url = catalog()
        .into_iter()
        .find(|p| p.id == "url-shortener")
        .unwrap();
    let score = |note: &str| {
        let mut board = Board::new();
        let store = add_named(&mut board, K::KvStore, "Links store");
        board
            .apply(Command::SetNote {
                id: store,
                field: NoteField::Failure,
                text: note.into(),
            })
            .unwrap();
        let report = check(&board, &url, &[]);
        report
            .items
            .iter()
            .filter(|i| i.key.starts_with("failure:") && i.found)
            .count()
    };
    assert!(score("Three replicas across zones, automatic failover.") > 0);
    assert_eq!(score("No replica, no failover, without retries."), 0);
    assert_eq!(
        score("We have not replicated it and there is no standby."),
        0
    );
}
