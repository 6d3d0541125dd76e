//! The checklist engine: table-driven rows per item type and hygiene rule on small
//! boards, fixture designs (complete ones score high, a deep-but-narrow one scores low
//! on breadth and says what is missing), and the empty board.

use breadthfirst::core::check::claims::{claims_from_text, claims_text, toggle_claim};
use breadthfirst::core::check::{check, Category, CheckItem, Report, Status};
use breadthfirst::core::diagram::{Board, Command, ComponentId, ComponentKind as K, NoteField};
use breadthfirst::core::persist;
use breadthfirst::core::prompt::{catalog, Prompt};
use breadthfirst::core::protocol::{handle, CheckJob, Reply, Request};
use breadthfirst::core::session::{Session, SessionPlan};
use serde_json::json;
use std::collections::BTreeSet;
use std::path::Path;

mod common;

use common::{prompt, B};

fn item<'r>(report: &'r Report, key: &str) -> &'r CheckItem {
    report
        .items
        .iter()
        .find(|i| i.key == key)
        .unwrap_or_else(|| panic!("no item {key} in {:?}", keys(report)))
}

fn keys(report: &Report) -> Vec<&str> {
    report.items.iter().map(|i| i.key.as_str()).collect()
}

fn no_claims() -> BTreeSet<String> {
    BTreeSet::new()
}

#[test]
fn a_component_item_matches_by_kind_or_by_name_never_by_notes() {
    let p = prompt("url-shortener");
    // (kind, label, details, expected: the "cache" item is found)
    let rows = [
        (K::Cache, "Cache", "", true),
        (K::Generic, "Redis cluster", "", true),
        (K::Generic, "REDIS", "", true),
        (K::Generic, "Memcache tier", "", true),
        (K::Generic, "Rediscover", "", false),
        (
            K::Service,
            "Hot keys",
            "memcached in front of the store",
            false,
        ),
        (K::Service, "Cachet", "", false),
        (K::Generic, "Box", "", false),
    ];
    for (kind, label, details, expected) in rows {
        let mut b = B::new();
        let id = b.add(kind, label);
        b.note(id, NoteField::Details, details);
        let report = check(&b.0, &p, &[]);
        let cache = item(&report, "component:cache");
        assert_eq!(
            cache.found, expected,
            "{kind:?} {label:?} {details:?}: {}",
            cache.detail
        );
        if expected {
            assert_eq!(cache.components, vec![id]);
            assert!(cache.detail.contains(label), "{}", cache.detail);
        } else {
            assert!(cache.detail.starts_with("looked for"), "{}", cache.detail);
        }
    }
}

#[test]
fn a_synonym_of_several_words_matches_across_punctuation_and_plurals() {
    let p = prompt("url-shortener");
    let mut b = B::new();
    let id = b.add(K::Generic, "Key-generation service");
    let report = check(&b.0, &p, &[]);
    assert_eq!(item(&report, "component:idgen").components, vec![id]);
    let mut b = B::new();
    b.add(K::Generic, "Snowflakes");
    assert!(item(&check(&b.0, &p, &[]), "component:idgen").found);
}

#[test]
fn a_flow_is_a_directed_path_through_any_intermediate_components() {
    let p = prompt("url-shortener");
    let mut b = B::new();
    let client = b.add(K::Client, "Browser");
    let lb = b.add(K::LoadBalancer, "LB");
    let api = b.add(K::Service, "API");
    let proxy = b.add(K::Generic, "Sidecar proxy");
    let store = b.add(K::KvStore, "Links");
    b.arrow(client, lb, "");
    b.arrow(lb, api, "");
    b.arrow(api, proxy, "");
    b.arrow(proxy, store, "");
    let report = check(&b.0, &p, &[]);
    let create = item(&report, "flow:0");
    assert!(create.found, "{}", create.detail);
    assert_eq!(
        create.components,
        vec![client, lb, api, proxy, store],
        "the whole path, the box between two steps included"
    );
    assert_eq!(create.detail, "Browser → LB → API → Sidecar proxy → Links");

    // Between two steps the arrows may all point back (a whiteboard mixes requests
    // and data): it counts, and says so.
    let mut b = B::new();
    let client = b.add(K::Client, "Browser");
    let lb = b.add(K::LoadBalancer, "LB");
    let api = b.add(K::Service, "API");
    let store = b.add(K::KvStore, "Links");
    b.arrow(client, lb, "");
    b.arrow(lb, api, "");
    b.arrow(store, api, "reads");
    let create = item(&check(&b.0, &p, &[]), "flow:0").clone();
    assert!(create.found, "{}", create.detail);
    assert!(
        create
            .detail
            .starts_with("Browser → LB → API ← Links (some arrows point"),
        "{}",
        create.detail
    );

    // Not joined at all, it is not a flow.
    let mut b = B::new();
    let client = b.add(K::Client, "Browser");
    let lb = b.add(K::LoadBalancer, "LB");
    let api = b.add(K::Service, "API");
    b.add(K::KvStore, "Links");
    b.arrow(client, lb, "");
    b.arrow(lb, api, "");
    let create = item(&check(&b.0, &p, &[]), "flow:0").clone();
    assert!(!create.found);
    assert!(
        create
            .detail
            .contains("no path of arrows joins API to Links"),
        "{}",
        create.detail
    );

    // A missing step is named.
    let mut b = B::new();
    b.add(K::Client, "Browser");
    let create = item(&check(&b.0, &p, &[]), "flow:0").clone();
    assert!(
        create.detail.starts_with("nothing on the board plays"),
        "{}",
        create.detail
    );
}

#[test]
fn a_flow_through_a_cycle_still_finds_its_way_but_a_ring_covers_nothing() {
    let p = prompt("url-shortener");
    // flow:2 is cache → API → store. Arrows both ways between the API and each store
    // still give one simple path.
    let mut b = B::new();
    let api = b.add(K::Service, "API");
    let cache = b.add(K::Cache, "Redis");
    let store = b.add(K::KvStore, "Links");
    b.arrow(api, cache, "get");
    b.arrow(cache, api, "miss");
    b.arrow(api, store, "writes");
    b.arrow(store, api, "reads");
    let miss = item(&check(&b.0, &p, &[]), "flow:2").clone();
    assert!(miss.found, "{}", miss.detail);
    assert_eq!(miss.components, vec![cache, api, store]);
    // A path may not come back through a box: with the store reached only through
    // the cache, cache → API → store would pass the cache twice.
    let mut b = B::new();
    let api = b.add(K::Service, "API");
    let cache = b.add(K::Cache, "Redis");
    let store = b.add(K::KvStore, "Links");
    b.arrow(cache, api, "miss");
    b.arrow(api, cache, "get");
    b.arrow(cache, store, "read-through");
    let miss = item(&check(&b.0, &p, &[]), "flow:2").clone();
    assert!(!miss.found, "{}", miss.detail);
}

#[test]
fn a_failure_item_needs_a_note_naming_a_mitigation_or_redundancy() {
    let p = prompt("url-shortener");
    // failure:1 is "the store": mitigations replica, failover, multi-az, quorum.
    let rows = [
        ("", false, "has no failure note"),
        ("It might break.", false, "names no answer"),
        ("Multi AZ deployment.", true, "multi AZ"),
        ("Three replicas, quorum reads.", true, "replica"),
        ("Promoted to primary from a standby.", true, "standby"),
        // Retrying against a dead primary does not bring it back.
        ("Clients retry with backoff.", false, "names no answer"),
    ];
    for (note, expected, says) in rows {
        let mut b = B::new();
        let store = b.add(K::KvStore, "Links");
        b.note(store, NoteField::Failure, note);
        let report = check(&b.0, &p, &[]);
        let f = item(&report, "failure:1");
        assert_eq!(f.found, expected, "{note:?}: {}", f.detail);
        assert!(f.detail.contains(says), "{note:?}: {}", f.detail);
        assert_eq!(f.components, vec![store]);
    }
    let report = check(&Board::new(), &p, &[]);
    assert!(item(&report, "failure:1")
        .detail
        .starts_with("nothing on the board plays"));
}

#[test]
fn depth_counts_details_on_the_focus_components_or_else_the_deep_dives() {
    let p = prompt("url-shortener");
    let mut b = B::new();
    let cache = b.add(K::Cache, "Redis");
    let api = b.add(K::Service, "API");
    b.note(api, NoteField::Details, "stateless");
    b.note(
        cache,
        NoteField::Details,
        "Cache-aside, 20 GB for the hot set, LRU eviction.",
    );
    // Timed session: one item per focus component.
    let report = check(&b.0, &p, &[cache, api]);
    let depth: Vec<&CheckItem> = report
        .items
        .iter()
        .filter(|i| i.category == Category::Depth)
        .collect();
    assert_eq!(depth.len(), 2);
    assert!(depth[0].found && depth[0].title == "Details on Redis");
    assert!(
        !depth[1].found,
        "one word is not depth: {}",
        depth[1].detail
    );
    // Free practice: the prompt's deep dives.
    let report = check(&b.0, &p, &[]);
    let dives: Vec<&CheckItem> = report
        .items
        .iter()
        .filter(|i| i.category == Category::Depth)
        .collect();
    assert_eq!(dives.len(), p.deep_dives.len());
    let on_cache = dives.iter().find(|i| i.title.contains("cache")).unwrap();
    assert!(on_cache.found, "{}", on_cache.detail);
    assert_eq!(on_cache.components, vec![cache]);
}

/// Components joined in a line by unlabeled arrows, in order.
fn chain(parts: &[(K, &str)]) -> B {
    let mut b = B::new();
    let ids: Vec<ComponentId> = parts.iter().map(|(k, l)| b.add(*k, l)).collect();
    for pair in ids.windows(2) {
        b.arrow(pair[0], pair[1], "");
    }
    b
}

/// Web -> API -> Orders (SQL).
fn three_tier() -> B {
    chain(&[
        (K::Client, "Web"),
        (K::Service, "API"),
        (K::SqlDatabase, "Orders"),
    ])
}

#[test]
fn hygiene_rules_follow_their_table() {
    let p = prompt("url-shortener");
    // Each row builds a board and names (rule, found, labels it names).
    type Row = (
        &'static str,
        fn() -> Board,
        &'static str,
        bool,
        &'static [&'static str],
    );
    let rows: Vec<Row> = vec![
        (
            "unconnected box",
            || {
                let mut b = B::new();
                let c = b.add(K::Client, "Web");
                let s = b.add(K::Service, "API");
                b.arrow(c, s, "");
                b.add(K::Worker, "Orphan");
                b.0
            },
            "hygiene:connected",
            false,
            &["Orphan"],
        ),
        (
            "client to database",
            || chain(&[(K::Client, "Web"), (K::SqlDatabase, "Orders")]).0,
            "hygiene:client-db",
            false,
            &["Web"],
        ),
        (
            "client through a service",
            || three_tier().0,
            "hygiene:client-db",
            true,
            &[],
        ),
        (
            "queue nobody reads",
            || chain(&[(K::Service, "API"), (K::MessageQueue, "Events")]).0,
            "hygiene:queue-consumed",
            false,
            &["Events"],
        ),
        (
            "cache on its own",
            || chain(&[(K::Service, "API"), (K::Cache, "Redis")]).0,
            "hygiene:cache-backed",
            false,
            &["Redis"],
        ),
        (
            "cache beside a store",
            || {
                let mut b = B::new();
                let s = b.add(K::Service, "API");
                let c = b.add(K::Cache, "Redis");
                let d = b.add(K::SqlDatabase, "Orders");
                b.arrow(s, c, "");
                b.arrow(s, d, "");
                b.0
            },
            "hygiene:cache-backed",
            true,
            &[],
        ),
        (
            "one database, no failover",
            || three_tier().0,
            "hygiene:stateful-failover",
            false,
            &["Orders"],
        ),
        (
            "a service every request passes",
            || three_tier().0,
            "hygiene:single-path",
            false,
            &["API"],
        ),
        (
            "two independent paths",
            || {
                let mut b = B::new();
                let c = b.add(K::Client, "Web");
                let s1 = b.add(K::Service, "API east");
                let s2 = b.add(K::Service, "API west");
                let d = b.add(K::SqlDatabase, "Orders");
                b.arrow(c, s1, "");
                b.arrow(c, s2, "");
                b.arrow(s1, d, "");
                b.arrow(s2, d, "");
                b.0
            },
            "hygiene:single-path",
            true,
            &[],
        ),
        (
            "a chokepoint with instances noted",
            || {
                let mut b = B::new();
                let c = b.add(K::Client, "Web");
                let s = b.add(K::Service, "API");
                let d = b.add(K::SqlDatabase, "Orders");
                b.arrow(c, s, "");
                b.arrow(s, d, "");
                b.note(
                    s,
                    NoteField::Failure,
                    "Stateless, six instances across zones",
                );
                b.0
            },
            "hygiene:single-path",
            true,
            &[],
        ),
    ];
    for (name, build, key, found, names) in rows {
        let board = build();
        let report = check(&board, &p, &[]);
        let rule = item(&report, key);
        assert_eq!(rule.found, found, "{name}: {}", rule.detail);
        assert_eq!(rule.category, Category::Hygiene);
        let named: Vec<&str> = rule
            .components
            .iter()
            .map(|id| board.component(*id).unwrap().label.as_str())
            .collect();
        assert_eq!(named, names, "{name}");
        for label in names {
            assert!(rule.detail.contains(label), "{name}: {}", rule.detail);
        }
    }
}

#[test]
fn rules_that_cannot_apply_are_left_out_and_arrow_labels_are_advice_only() {
    let p = prompt("url-shortener");
    let mut b = B::new();
    let s = b.add(K::Service, "API");
    let w = b.add(K::Worker, "Worker");
    b.arrow(s, w, "");
    let report = check(&b.0, &p, &[]);
    for absent in [
        "hygiene:queue-consumed",
        "hygiene:cache-backed",
        "hygiene:client-db",
    ] {
        assert!(!keys(&report).contains(&absent), "{absent}");
    }
    let labels = item(&report, "hygiene:arrow-labels");
    assert!(labels.advice && !labels.found);
    assert_eq!(labels.detail, "1 of 1 arrows have no label");
    let scored = report.coverage(Some(Category::Hygiene), &no_claims());
    let hygiene_items = report
        .items
        .iter()
        .filter(|i| i.category == Category::Hygiene && !i.advice)
        .count();
    assert_eq!(scored.total, hygiene_items, "advice is not scored");
}

#[test]
fn an_empty_board_scores_nothing() {
    for p in catalog() {
        let report = check(&Board::new(), &p, &[]);
        let all = report.coverage(None, &no_claims());
        assert_eq!(all.found, 0, "{}", p.id);
        assert_eq!(all.found_percent(), 0);
        assert!(all.total >= p.components.len() + p.flows.len() + p.failure_modes.len());
        let hygiene: Vec<&str> = report
            .items
            .iter()
            .filter(|i| i.category == Category::Hygiene)
            .map(|i| i.key.as_str())
            .collect();
        assert_eq!(hygiene, ["hygiene:entry", "hygiene:store"], "{}", p.id);
    }
}

#[test]
fn claims_count_apart_from_what_the_board_shows_and_never_for_hygiene() {
    let p = prompt("url-shortener");
    let mut b = B::new();
    b.add(K::Cache, "Redis");
    let report = check(&b.0, &p, &[]);
    let claims: BTreeSet<String> = ["component:cache", "component:store", "hygiene:entry"]
        .into_iter()
        .map(String::from)
        .collect();
    let cache = item(&report, "component:cache");
    let store = item(&report, "component:store");
    let entry = item(&report, "hygiene:entry");
    assert_eq!(
        Report::status(cache, &claims),
        Status::Covered,
        "found beats claimed"
    );
    assert_eq!(Report::status(store, &claims), Status::SelfClaimed);
    assert_eq!(
        Report::status(entry, &claims),
        Status::Missed,
        "hygiene cannot be claimed"
    );
    let c = report.coverage(Some(Category::Components), &claims);
    assert_eq!((c.found, c.claimed, c.total), (1, 1, p.components.len()));
    assert_eq!(Status::SelfClaimed.id(), "self");
}

fn fixture(name: &str) -> Board {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let restored = persist::from_json(&text).unwrap();
    assert!(
        restored.repairs.is_empty(),
        "{name}: {:?}",
        restored.repairs
    );
    restored.board
}

#[test]
fn complete_designs_score_high_in_every_category() {
    for (file, id) in [
        ("complete-url-shortener.json", "url-shortener"),
        ("complete-notification-system.json", "notification-system"),
        ("complete-rate-limiter.json", "rate-limiter"),
    ] {
        let board = fixture(file);
        let report = check(&board, &prompt(id), &[]);
        let missed: Vec<String> = report
            .items
            .iter()
            .filter(|i| !i.found && !i.advice)
            .map(|i| format!("{}: {}", i.key, i.detail))
            .collect();
        for category in [Category::Components, Category::Flows] {
            let c = report.coverage(Some(category), &no_claims());
            assert_eq!(c.found, c.total, "{file} {category:?}: {missed:#?}");
        }
        let all = report.coverage(None, &no_claims());
        assert!(
            all.found_percent() >= 80,
            "{file}: {}% {missed:#?}",
            all.found_percent()
        );
    }
}

#[test]
fn a_deep_but_narrow_design_scores_low_on_breadth_and_says_what_is_missing() {
    let board = fixture("deep-but-narrow-notifications.json");
    let p = prompt("notification-system");
    let report = check(&board, &p, &[]);
    let components = report.coverage(Some(Category::Components), &no_claims());
    let flows = report.coverage(Some(Category::Flows), &no_claims());
    assert!(components.found_percent() < 50, "{components:?}");
    assert!(flows.found_percent() < 50, "{flows:?}");
    for key in ["component:providers", "component:prefs", "component:store"] {
        let missing = item(&report, key);
        assert!(!missing.found, "{key}");
        assert!(
            missing.detail.starts_with("looked for"),
            "{}",
            missing.detail
        );
    }
    // Its depth is real, and the report credits it.
    let queue_failure = report
        .items
        .iter()
        .find(|i| i.category == Category::Failure && i.found)
        .expect("the Kafka failure note counts");
    assert!(!queue_failure.components.is_empty());
    let complete = check(&fixture("complete-notification-system.json"), &p, &[]);
    assert!(
        report.coverage(None, &no_claims()).found_percent() + 30
            < complete.coverage(None, &no_claims()).found_percent()
    );
}

#[test]
fn the_report_is_deterministic_with_unique_keys_in_category_order() {
    for p in catalog() {
        let board = fixture("complete-notification-system.json");
        let a = check(&board, &p, &[]);
        let b = check(&board, &p, &[]);
        assert_eq!(a, b);
        let unique: BTreeSet<&str> = keys(&a).into_iter().collect();
        assert_eq!(unique.len(), a.items.len(), "{}", p.id);
        assert!(a.items.windows(2).all(|w| w[0].category <= w[1].category));
        for i in &a.items {
            assert!(
                !i.why.is_empty() && !i.title.is_empty(),
                "{}: {}",
                p.id,
                i.key
            );
        }
    }
}

/// The worker's answer to a check of `board` (in the saved format) against `prompt`.
fn check_reply(prompt: &str, board: String, session: Option<Session>, prompts: &[Prompt]) -> Reply {
    handle(
        Request::Check(CheckJob {
            prompt: prompt.into(),
            board,
            session,
        }),
        prompts,
    )
}

#[test]
fn a_check_answers_with_the_report_of_the_board_against_the_prompt() {
    let board = fixture("complete-url-shortener.json");
    let text = persist::to_json(&board, &Default::default());
    let reply = check_reply("url-shortener", text, None, &catalog());
    let expected = check(&board, &prompt("url-shortener"), &[]);
    assert_eq!(reply, Reply::Checked(expected));
}

#[test]
fn a_check_of_an_unknown_prompt_fails_naming_it() {
    let text = persist::to_json(&fixture("complete-url-shortener.json"), &Default::default());
    match check_reply("no-such", text, None, &catalog()) {
        Reply::Failed(why) => assert_eq!(
            why,
            "the prompt \"no-such\" could not be loaded; check again to retry"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_check_without_the_prompt_says_it_could_not_be_loaded() {
    // The worker could not fetch the prompt: the check says so (and is retried).
    let text = persist::to_json(&fixture("complete-url-shortener.json"), &Default::default());
    match check_reply("url-shortener", text, None, &[]) {
        Reply::Failed(why) => {
            assert!(
                why.contains("\"url-shortener\" could not be loaded"),
                "{why}"
            );
            assert!(why.contains("retry"), "{why}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_check_of_an_unreadable_board_says_the_board_could_not_be_read() {
    for board in ["{", "", "not json", "{\"format\":\"someone-else\"}"] {
        match check_reply("url-shortener", board.into(), None, &catalog()) {
            Reply::Failed(why) => assert!(
                why.starts_with("the board could not be read: ") && why.len() > 30,
                "{board:?}: {why}"
            ),
            other => panic!("{board:?}: {other:?}"),
        }
    }
}

#[test]
fn claims_are_stored_one_key_per_line_and_toggle() {
    let once = toggle_claim(&[], "component:store");
    assert_eq!(once, ["component:store"]);
    assert_eq!(claims_text(&once), "component:store");
    let twice = toggle_claim(&once, "flow:0");
    assert_eq!(claims_text(&twice), "component:store\nflow:0");
    assert_eq!(claims_from_text(&claims_text(&twice)), twice);
    assert_eq!(toggle_claim(&twice, "component:store"), ["flow:0"]);
    assert_eq!(toggle_claim(&toggle_claim(&twice, "x"), "x"), twice);
    assert!(claims_from_text("\n\n").is_empty());
    assert_eq!(claims_from_text("a\n\nb\n"), ["a", "b"]);
    assert_eq!(claims_text(&[]), "");
}

#[test]
fn the_app_marks_claimed_items_on_the_workers_report_itself() {
    // Claims no longer travel with a check: the app holds them against the report.
    let mut b = B::new();
    b.add(K::Cache, "Redis");
    let text = persist::to_json(&b.0, &Default::default());
    let Reply::Checked(report) = check_reply("url-shortener", text, None, &catalog()) else {
        panic!("the check fails");
    };
    let stored = claims_text(&toggle_claim(&[], "component:store"));
    let claims: BTreeSet<String> = claims_from_text(&stored).into_iter().collect();
    let status = |key: &str| Report::status(item(&report, key), &claims);
    assert_eq!(status("component:cache"), Status::Covered);
    assert_eq!(status("component:store"), Status::SelfClaimed);
    let c = report.coverage(Some(Category::Components), &claims);
    assert_eq!((c.found, c.claimed), (1, 1));
}

/// A session in Review whose breadth map was `map`, with `snapshot` kept (or not, as
/// sessions saved before snapshots were kept), and one phase timed.
fn review_session(map: Vec<ComponentId>, snapshot: Option<&Board>) -> Session {
    let mut value = serde_json::to_value(Session::start(
        "url-shortener",
        SessionPlan::default(),
        0.0,
        0,
    ))
    .unwrap();
    value["phase"] = json!("review");
    value["breadth_map"] = json!(map);
    value["depth_refusals"] = json!(2);
    value["records"] = json!([{"phase": "breadth", "planned_ms": 540000.0, "actual_ms": 600000.0, "ended_by": "user"}]);
    if let Some(board) = snapshot {
        value["breadth_board"] = json!(persist::to_json(board, &Default::default()));
    }
    serde_json::from_value(value).unwrap()
}

#[test]
fn in_review_the_check_holds_the_sessions_focus_picks_for_depth() {
    let board = fixture("complete-url-shortener.json");
    let last = board.components().last().unwrap().id;
    let mut value = serde_json::to_value(review_session(vec![], None)).unwrap();
    value["focus"] = json!([last]);
    let session: Session = serde_json::from_value(value).unwrap();
    assert_eq!(session.focus(), [last]);
    let reply = check_reply(
        "url-shortener",
        persist::to_json(&board, &Default::default()),
        Some(session.clone()),
        &catalog(),
    );
    let focused = check(&board, &prompt("url-shortener"), &[last]);
    assert_ne!(
        focused,
        check(&board, &prompt("url-shortener"), &[]),
        "the pick changes the depth items"
    );
    assert_eq!(reply, Reply::Checked(focused));
}

#[test]
fn in_review_the_breadth_map_is_the_snapshot_kept_when_breadth_ended() {
    let board = fixture("complete-url-shortener.json");
    // The board when Breadth ended: its first two components (one since relabelled)
    // and the one arrow between them.
    let keep: Vec<ComponentId> = board.components()[..2].iter().map(|c| c.id).collect();
    let mut snapshot = board.subset(|id| keep.contains(&id));
    snapshot
        .apply(Command::RenameComponent {
            id: keep[0],
            label: "Early name".into(),
        })
        .unwrap();
    let session = review_session(keep.clone(), Some(&snapshot));
    let map = session.breadth_snapshot(&board);
    assert_eq!(map, snapshot, "the snapshot, not today's board");
    assert_eq!((map.components().len(), map.arrows().len()), (2, 1));
    assert_eq!(map.component(keep[0]).unwrap().label, "Early name");
    // What came only after breadth: every other component, and every arrow but one.
    let later: Vec<ComponentId> = board
        .components()
        .iter()
        .filter(|c| map.component(c.id).is_none())
        .map(|c| c.id)
        .collect();
    let expected: Vec<ComponentId> = board.components()[2..].iter().map(|c| c.id).collect();
    assert_eq!(later, expected);
    let new_arrows = board
        .arrows()
        .iter()
        .filter(|a| map.arrow_between(a.from, a.to).is_none())
        .count();
    assert_eq!(new_arrows, board.arrows().len() - 1);
}

#[test]
fn without_a_snapshot_the_map_is_its_components_as_they_are_now() {
    let board = fixture("complete-url-shortener.json");
    let all: Vec<ComponentId> = board.components().iter().map(|c| c.id).collect();
    let map = review_session(all, None).breadth_snapshot(&board);
    assert_eq!(map, board, "everything was on the map: nothing was added");

    let two: Vec<ComponentId> = board.components()[..2].iter().map(|c| c.id).collect();
    let map = review_session(two.clone(), None).breadth_snapshot(&board);
    assert_eq!(map, board.subset(|id| two.contains(&id)));
    assert_eq!(
        map.component(two[0]).unwrap().label,
        board.components()[0].label,
        "as they are now"
    );

    let empty = review_session(vec![], None).breadth_snapshot(&board);
    assert!(empty.is_empty(), "an empty map is an empty board");
}

#[test]
fn a_damaged_snapshot_falls_back_to_the_maps_components() {
    let board = fixture("complete-url-shortener.json");
    let two: Vec<ComponentId> = board.components()[..2].iter().map(|c| c.id).collect();
    let mut value = serde_json::to_value(review_session(two.clone(), None)).unwrap();
    value["breadth_board"] = json!("{\"format\":");
    let session: Session = serde_json::from_value(value).unwrap();
    assert!(session.breadth_board().is_some());
    assert_eq!(
        session.breadth_snapshot(&board),
        board.subset(|id| two.contains(&id))
    );
}

#[test]
fn a_reviewed_session_gives_planned_against_actual_minutes_and_refusals() {
    let session = review_session(vec![], None);
    let rows: Vec<(&str, String, String)> = session
        .timings()
        .map(|(phase, planned, actual)| (phase, planned.to_string(), actual.to_string()))
        .collect();
    assert_eq!(rows, [("Breadth", "9".to_string(), "10".to_string())]);
    assert_eq!(session.depth_refusals(), 2);
}

#[test]
fn hygiene_reads_redundancy_as_engineers_write_it() {
    let p = prompt("url-shortener");
    let failover = |label: &str, kind: K, note: &str| {
        let mut b = B::new();
        let c = b.add(K::Client, "Web");
        let s = b.add(K::Service, "API");
        let d = b.add(kind, label);
        b.arrow(c, s, "");
        b.arrow(s, d, "");
        b.note(d, NoteField::Failure, note);
        let report = check(&b.0, &p, &[]);
        item(&report, "hygiene:stateful-failover").found
    };
    assert!(!failover(
        "Orders",
        K::SqlDatabase,
        "It is backed up nightly."
    ));
    assert!(failover(
        "Orders",
        K::SqlDatabase,
        "Active/passive pair with a floating VIP."
    ));
    assert!(failover(
        "Orders",
        K::SqlDatabase,
        "Replicated across 3 AZs."
    ));
    assert!(!failover("Orders", K::SqlDatabase, "Not replicated."));
    // A managed service replicated by design needs no note; one where replication is
    // an option does.
    assert!(failover("DynamoDB (orders)", K::KvStore, ""));
    assert!(failover(
        "Blobs",
        K::ObjectStorage,
        "Eleven nines of durability, versioning on."
    ));
    assert!(!failover("RDS Postgres", K::SqlDatabase, ""));
    // A cache of soft state needs no durable store behind it.
    let mut b = B::new();
    let s = b.add(K::Service, "Gateway");
    let c = b.add(K::Cache, "Session registry");
    b.arrow(s, c, "");
    b.note(
        c,
        NoteField::Details,
        "Soft state: each gateway re-registers its connections.",
    );
    assert!(item(&check(&b.0, &p, &[]), "hygiene:cache-backed").found);
    let mut b = B::new();
    let s = b.add(K::Service, "Gateway");
    let c = b.add(K::Cache, "Session registry");
    b.arrow(s, c, "");
    assert!(!item(&check(&b.0, &p, &[]), "hygiene:cache-backed").found);
}

#[test]
fn a_box_that_plays_two_roles_is_both_steps_of_a_flow() {
    let mut p = prompt("url-shortener");
    let mut b = B::new();
    let client = b.add(K::Client, "Browser");
    let edge = b.add(K::ApiGateway, "API");
    let store = b.add(K::KvStore, "Links");
    b.arrow(client, edge, "");
    b.arrow(edge, store, "");
    // Without leave to share, one box cannot be both the entry and the service.
    assert!(!item(&check(&b.0, &p, &[]), "flow:0").found);
    let entry = p.components.iter().position(|c| c.id == "entry").unwrap();
    p.components[entry].shares = vec!["api".into()];
    let report = check(&b.0, &p, &[]);
    let create = item(&report, "flow:0");
    assert!(create.found, "{}", create.detail);
    assert_eq!(create.components, vec![client, edge, store]);
    assert!(item(&report, "component:entry")
        .detail
        .contains("the same box plays"));
}

#[test]
fn a_question_in_two_parts_needs_both_answered() {
    let p = prompt("web-crawler");
    let index = p
        .failure_modes
        .iter()
        .position(|f| !f.also.is_empty())
        .expect("the crawler's hang-or-trap question has two parts");
    let key = format!("failure:{index}");
    let score = |note: &str| {
        let mut b = B::new();
        let fetchers = b.add(K::Worker, "Fetchers");
        b.note(fetchers, NoteField::Failure, note);
        item(&check(&b.0, &p, &[]), &key).clone()
    };
    let half =
        score("Timeouts (connect 10 s, total 30 s) keep a hanging server from pinning a thread.");
    assert!(!half.found, "{}", half.detail);
    assert!(half.detail.contains("second part"), "{}", half.detail);
    let both = score(
        "Timeouts cut hanging servers; a per-host budget and a depth limit stop spider traps.",
    );
    assert!(both.found, "{}", both.detail);
}

#[test]
fn a_flow_drawn_against_its_direction_counts_and_says_so() {
    let p = prompt("url-shortener");
    // flow:3, clicks feed analytics, follows the data: API → click stream → counter.
    assert_eq!(
        p.flows[3].direction,
        breadthfirst::core::prompt::Direction::Data
    );
    let mut b = B::new();
    let api = b.add(K::Service, "API");
    let events = b.add(K::MessageQueue, "Click stream");
    let counter = b.add(K::Worker, "Click aggregator");
    b.arrow(api, events, "click events");
    b.arrow(counter, events, "poll");
    let clicks = item(&check(&b.0, &p, &[]), "flow:3").clone();
    assert!(clicks.found, "{}", clicks.detail);
    assert_eq!(
        clicks.detail,
        "API → Click stream ← Click aggregator (some arrows point the way the requests go; counted)"
    );
}
