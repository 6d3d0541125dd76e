//! Building blocks of the honest checker (issue 12), tested on small boards: which
//! box plays which role (one box, one role, by kind and name, never by notes; shared
//! only where the prompt allows), simple paths that may not go back through a box,
//! and failure notes whose negated mentions ("no replica") do not count.

use breadthfirst::core::check::assign::{assign, fit};
use breadthfirst::core::check::{check, Graph, Vocabulary};
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
        shares: Vec::new(),
        alternative_to: None,
    }
}

/// No technologies: only kinds and the roles' own names say what a box is.
fn plain() -> Vocabulary {
    Vocabulary::default()
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
    let vocabulary = Vocabulary::bundled();
    let graph = Graph::new(&board, &vocabulary);
    let prefs = role("prefs", &["kv_store"], &["preferences", "kafka"]);
    assert_eq!(fit(&graph, 0, &prefs), None, "a note is not an identity");
    let named = role("workers", &[], &["channel worker"]);
    let by_name = fit(&graph, 0, &named).unwrap();
    assert_eq!((by_name.kind, by_name.synonym), (false, Some(0)));
    let both = role("workers", &["worker"], &["worker"]);
    let both = fit(&graph, 0, &both).unwrap();
    assert!(both.kind && both.synonym == Some(0));
    assert!(both.weight() > by_name.weight());
}

#[test]
fn a_product_name_says_what_a_box_is_whatever_kind_was_picked() {
    let vocabulary = Vocabulary::bundled();
    let mut board = Board::new();
    add_named(&mut board, K::Generic, "ScyllaDB");
    add_named(&mut board, K::Service, "Cloud Pub/Sub");
    add_named(&mut board, K::Generic, "Memcache tier");
    let graph = Graph::new(&board, &vocabulary);
    let store = role("store", &["kv_store", "sql_database"], &["messages"]);
    let queue = role("queue", &["message_queue"], &[]);
    let cache = role("cache", &["cache"], &[]);
    let scylla = fit(&graph, 0, &store).expect("ScyllaDB is a NoSQL store");
    assert!(!scylla.kind && scylla.technology.is_some());
    assert!(
        fit(&graph, 1, &queue).is_some(),
        "Pub/Sub is a message queue"
    );
    assert!(fit(&graph, 2, &cache).is_some(), "Memcache is Memcached");
    assert_eq!(fit(&graph, 0, &queue), None);
    // The generic rules read a plain box by its name too.
    assert_eq!(graph.kind(0), K::KvStore);
    assert_eq!(
        graph.kind(1),
        K::Service,
        "a chosen kind stays the box's kind"
    );
}

#[test]
fn roles_share_a_box_only_where_the_prompt_says_they_may() {
    let vocabulary = plain();
    let mut board = Board::new();
    add_named(&mut board, K::Service, "Shortener service");
    let graph = Graph::new(&board, &vocabulary);
    let mut create = role("create", &["service"], &["shortener"]);
    let redirect = role("redirect", &["service"], &["redirect"]);
    let apart = assign(&graph, &[create.clone(), redirect.clone()]);
    assert_eq!(apart.player, vec![Some(0), None], "one box, one role");
    create.shares = vec!["redirect".into()];
    let shared = assign(&graph, &[create, redirect]);
    assert_eq!(shared.player, vec![Some(0), Some(0)]);
    assert_eq!(shared.shared, vec![true, true]);
}

#[test]
fn each_box_plays_one_role_and_the_best_fitting_box_gets_each_role() {
    let mut board = Board::new();
    // A greedy pass in role order would give the Postgres box to "ledger" (the first
    // role, by kind) and leave "payments" without a box; the matching gives each box
    // the role it fits best.
    add_named(&mut board, K::SqlDatabase, "Postgres (payments)");
    add_named(&mut board, K::KvStore, "Events table");
    let vocabulary = plain();
    let graph = Graph::new(&board, &vocabulary);
    let roles = [
        role("ledger", &["sql_database", "kv_store"], &["ledger"]),
        role("payments", &["sql_database"], &["payments"]),
        role("events", &["kv_store"], &["events"]),
    ];
    let a = assign(&graph, &roles);
    assert_eq!(a.player, vec![None, Some(0), Some(1)]);
    // "ledger" is told which box could have played it and what it plays instead.
    let ledger: Vec<usize> = a.fits[0].iter().map(|(v, _)| *v).collect();
    assert_eq!(ledger, vec![0, 1]);
    assert_eq!(a.role_of(0), Some(1));
}

#[test]
fn among_equal_fits_the_earlier_box_plays_the_role() {
    let mut board = Board::new();
    add_named(&mut board, K::Cache, "Cache A");
    add_named(&mut board, K::Cache, "Cache B");
    let vocabulary = plain();
    let graph = Graph::new(&board, &vocabulary);
    let a = assign(&graph, &[role("cache", &["cache"], &["redis"])]);
    assert_eq!(a.player, vec![Some(0)]);
    // A box whose name also fits wins over an earlier one that fits by kind alone.
    let mut board = Board::new();
    add_named(&mut board, K::Cache, "Cache A");
    add_named(&mut board, K::Cache, "Redis");
    let graph = Graph::new(&board, &vocabulary);
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
    let vocabulary = plain();
    for labels in [
        ["hot", "store", "x", "y", "hot store"],
        ["x", "x", "x", "x", "x"],
        ["store", "hot", "store", "hot", "z"],
    ] {
        let mut board = Board::new();
        for (k, l) in kinds.iter().zip(labels) {
            add_named(&mut board, *k, l);
        }
        let graph = Graph::new(&board, &vocabulary);
        let a = assign(&graph, &roles);
        let total = |players: &[Option<usize>]| -> i64 {
            players
                .iter()
                .zip(&roles)
                .map(|(p, r)| p.and_then(|v| fit(&graph, v, r)).map_or(0, |f| f.weight()))
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
    let vocabulary = plain();
    let graph = Graph::new(&board, &vocabulary);
    let (va, vb, vc) = (0, 1, 2);
    let only = |v: usize| (0..3).map(|w| w == v).collect::<Vec<bool>>();
    let free = vec![false; 3];
    let path = |from, to, blocked: &[bool]| {
        graph.paths_avoiding(from, &only(to), blocked, false, &mut usize::MAX.clone())
    };
    assert_eq!(path(va, vc, &free), vec![vec![va, vb, vc]]);
    // With B blocked (already on the chain) there is no way from A to C.
    let blocked = only(vb);
    assert!(path(va, vc, &blocked).is_empty());
    // A target ends the path even when it is marked blocked.
    assert_eq!(path(va, vb, &blocked), vec![vec![va, vb]]);
    assert!(path(vc, va, &free).is_empty(), "arrows have a direction");
    // Backwards, C reaches A against the arrows.
    let back = graph.paths_avoiding(vc, &only(va), &free, true, &mut 100);
    assert_eq!(back, vec![vec![vc, vb, va]]);
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
