//! The checklist engine: table-driven rows per item type and hygiene rule on small
//! boards, fixture designs (complete ones score high, a deep-but-narrow one scores low
//! on breadth and says what is missing), and the empty board.

use breadthfirst::core::check::html::{escape, report_html};
use breadthfirst::core::check::wire::{
    answer, claims_from_text, read_answer, toggle_claim, CheckRequest,
};
use breadthfirst::core::check::{check, Category, CheckItem, Report, Status};
use breadthfirst::core::diagram::{
    Applied, Board, Command, ComponentId, ComponentKind as K, NoteField, Point,
};
use breadthfirst::core::persist;
use breadthfirst::core::prompt::{catalog, Prompt};
use breadthfirst::core::session::{Session, SessionPlan};
use serde_json::json;
use std::collections::BTreeSet;
use std::path::Path;

fn prompt(id: &str) -> Prompt {
    catalog()
        .into_iter()
        .find(|p| p.id == id)
        .expect("bundled prompt")
}

struct B(Board);

impl B {
    fn new() -> Self {
        B(Board::new())
    }
    fn add(&mut self, kind: K, label: &str) -> ComponentId {
        let x = self.0.components().len() as f64 * 200.0;
        match self.0.apply(Command::AddComponent {
            kind,
            at: Point::new(x, 0.0),
            label: Some(label.into()),
        }) {
            Ok(Applied::Added(id)) => id,
            other => panic!("{other:?}"),
        }
    }
    fn arrow(&mut self, from: ComponentId, to: ComponentId, label: &str) {
        self.0
            .apply(Command::ConnectComponents {
                from,
                to,
                label: label.into(),
            })
            .unwrap();
    }
    fn note(&mut self, id: ComponentId, field: NoteField, text: &str) {
        self.0
            .apply(Command::SetNote {
                id,
                field,
                text: text.into(),
            })
            .unwrap();
    }
}

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
fn a_component_item_matches_by_kind_or_by_a_whole_word_synonym() {
    let p = prompt("url-shortener");
    // (kind, label, details, expected: the "cache" item is found)
    let rows = [
        (K::Cache, "Cache", "", true),
        (K::Generic, "Redis cluster", "", true),
        (K::Generic, "REDIS", "", true),
        (K::Generic, "Rediscover", "", false),
        (
            K::Service,
            "Hot keys",
            "memcached in front of the store",
            true,
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
            assert!(
                cache.detail.starts_with("no component is"),
                "{}",
                cache.detail
            );
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
        vec![client, lb, api, store],
        "one matched component per step"
    );
    assert_eq!(create.detail, "Browser → LB → API → Links");

    // Against the arrows it is not a flow.
    let mut b = B::new();
    let client = b.add(K::Client, "Browser");
    let lb = b.add(K::LoadBalancer, "LB");
    let api = b.add(K::Service, "API");
    let store = b.add(K::KvStore, "Links");
    b.arrow(client, lb, "");
    b.arrow(lb, api, "");
    b.arrow(store, api, "reads");
    let create = item(&check(&b.0, &p, &[]), "flow:0").clone();
    assert!(!create.found);
    assert_eq!(create.detail, "no arrows lead from API to Links");

    // A missing step is named.
    let mut b = B::new();
    b.add(K::Client, "Browser");
    let create = item(&check(&b.0, &p, &[]), "flow:0").clone();
    assert!(
        create.detail.starts_with("nothing on the board is"),
        "{}",
        create.detail
    );
}

#[test]
fn a_flow_through_a_cycle_still_finds_its_way() {
    let p = prompt("url-shortener");
    let mut b = B::new();
    let api = b.add(K::Service, "API");
    let store = b.add(K::KvStore, "Links");
    b.arrow(api, store, "writes");
    b.arrow(store, api, "reads");
    let miss = item(&check(&b.0, &p, &[]), "flow:2").clone();
    assert!(miss.found, "{}", miss.detail);
    assert_eq!(miss.components, vec![api, store]);
}

#[test]
fn a_failure_item_needs_a_note_naming_a_mitigation_or_redundancy() {
    let p = prompt("url-shortener");
    // failure:1 is "the store": mitigations replica, failover, multi-az, quorum.
    let rows = [
        ("", false, "has no failure note"),
        ("It might break.", false, "names no mitigation"),
        ("Multi AZ deployment.", true, "multi-az"),
        ("Three replicas, quorum reads.", true, "replica"),
        ("Clients retry with backoff.", true, "retry"),
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
        .starts_with("nothing on the board is"));
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
            missing.detail.starts_with("no component is"),
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

#[test]
fn the_worker_answers_with_the_report_html_and_explains_bad_requests() {
    let prompts = catalog();
    let board = fixture("complete-url-shortener.json");
    let request = |prompt: &str, board: String, claims: Vec<String>| {
        serde_json::to_string(&CheckRequest {
            seq: 7,
            prompt: prompt.into(),
            board,
            claims,
            ..CheckRequest::default()
        })
        .unwrap()
    };
    let text = persist::to_json(&board, &Default::default());
    let claims = vec!["flow:3".to_string()];
    let reply = answer(
        &request("url-shortener", text.clone(), claims.clone()),
        &prompts,
    );
    let expected = report_html(
        &check(&board, &prompt("url-shortener"), &[]),
        &claims.into_iter().collect(),
    );
    assert_eq!(read_answer(&reply), (7, Ok(expected.as_str())));
    let unknown = answer(&request("no-such", text.clone(), vec![]), &prompts);
    assert!(matches!(read_answer(&unknown), (7, Err(why)) if why.contains("no-such")));
    // The worker could not fetch the library: the check says so (and is retried).
    let offline = answer(&request("url-shortener", text, vec![]), &[]);
    assert!(
        matches!(read_answer(&offline), (7, Err(why)) if why.contains("library could not be loaded"))
    );
    let bad = answer(&request("url-shortener", "{".into(), vec![]), &prompts);
    assert!(
        matches!(read_answer(&bad), (7, Err(why)) if why.starts_with("the board could not be read"))
    );
    let garbage = answer("not json", &prompts);
    assert!(
        matches!(read_answer(&garbage), (0, Err(why)) if why.starts_with("the request could not be read"))
    );
    assert!(matches!(read_answer(""), (0, Err(_))));
}

#[test]
fn claims_are_stored_one_key_per_line_and_toggle() {
    let once = toggle_claim("", "component:store");
    assert_eq!(once, "component:store");
    let twice = toggle_claim(&once, "flow:0");
    assert_eq!(claims_from_text(&twice), ["component:store", "flow:0"]);
    assert_eq!(
        claims_from_text(&toggle_claim(&twice, "component:store")),
        ["flow:0"]
    );
    assert!(claims_from_text("\n\n").is_empty());
}

#[test]
fn the_report_html_escapes_every_user_string_and_carries_the_hooks() {
    assert_eq!(
        escape("<b a=\"1\">&'"),
        "&lt;b a=&quot;1&quot;&gt;&amp;&#39;"
    );
    let p = prompt("url-shortener");
    let mut b = B::new();
    let evil = b.add(K::Cache, "<script>alert(1)</script>");
    b.note(evil, NoteField::Failure, "\" onmouseover=\"x");
    let report = check(&b.0, &p, &[]);
    let claims: BTreeSet<String> = ["component:store".to_string()].into_iter().collect();
    let html = report_html(&report, &claims);
    assert!(!html.contains("<script>"), "labels are escaped");
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains("\" onmouseover"));
    assert!(html.contains("data-testid=\"coverage\""));
    let items = html.matches("data-testid=\"check-item\"").count();
    assert_eq!(items, report.items.len());
    assert!(html.contains(&format!("data-show=\"{evil}\"")));
    assert!(
        html.contains("data-status=\"self\""),
        "a claim shows as self"
    );
    assert!(html.contains("data-claim=\"component:store\" checked"));
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

fn review_request(board: &Board, map: Vec<ComponentId>, snapshot: Option<&Board>) -> String {
    let request = serde_json::to_string(&CheckRequest {
        seq: 1,
        prompt: "url-shortener".into(),
        board: persist::to_json(board, &Default::default()),
        claims: vec![],
        session: Some(review_session(map, snapshot)),
        ..CheckRequest::default()
    })
    .unwrap();
    let reply = answer(&request, &catalog());
    read_answer(&reply).1.unwrap().to_string()
}

/// The `<figure data-testid="{id}">` element's text.
fn figure<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<figure data-testid=\"{id}\">"))
        .unwrap();
    let end = start + html[start..].find("</figure>").unwrap();
    &html[start..end]
}

#[test]
fn in_review_the_breadth_map_is_drawn_beside_the_final_board() {
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
    let html = review_request(&board, keep.clone(), Some(&snapshot));

    let map = figure(&html, "breadth-map");
    assert!(
        map.contains("When Breadth ended: 2 components, 1 arrow<"),
        "{map}"
    );
    assert!(
        map.contains(">Early name<"),
        "the snapshot, not today's board: {map}"
    );
    assert_eq!(map.matches("<g transform").count(), 2);
    assert!(!map.contains("#c2410c"), "nothing is new in the map itself");

    let last = figure(&html, "final-board");
    let later = board.components().len() - 2;
    assert_eq!(
        last.matches("stroke=\"#c2410c\" stroke-width=\"3\"")
            .count(),
        later,
        "every component added after breadth is ringed"
    );
    assert_eq!(
        last.matches("marker-end=\"url(#final-boardnew-head)\"")
            .count(),
        board.arrows().len() - 1,
        "every arrow but the map's one is new"
    );
    assert!(
        html.contains("id=\"breadth-maphead\""),
        "ids are unique per figure"
    );
    let names: Vec<String> = board.components()[2..]
        .iter()
        .map(|c| escape(&c.label))
        .collect();
    assert!(
        html.contains(&format!(
            "Added only after breadth (ringed): {}.",
            names.join(", ")
        )),
        "{html}"
    );
}

#[test]
fn without_a_snapshot_the_map_is_its_components_as_they_are_now() {
    let board = fixture("complete-url-shortener.json");
    let all: Vec<ComponentId> = board.components().iter().map(|c| c.id).collect();
    let html = review_request(&board, all, None);
    let map = figure(&html, "breadth-map");
    assert!(map.contains(&format!(
        "{} components, {} arrows",
        board.components().len(),
        board.arrows().len()
    )));
    let last = figure(&html, "final-board");
    assert!(!last.contains("stroke-width=\"3\"") && !last.contains("url(#final-boardnew-head)"));
    assert!(html.contains("Nothing was added after the breadth map."));

    let empty = review_request(&board, vec![], None);
    assert!(figure(&empty, "breadth-map").contains("The board was empty."));
}

#[test]
fn in_review_the_answer_leads_with_planned_against_actual_minutes() {
    let board = fixture("complete-url-shortener.json");
    let html = review_request(&board, vec![], None);
    assert!(
        html.starts_with("<section class=\"timing-summary\""),
        "{html}"
    );
    assert!(
        html.contains("<tr><td>Breadth</td><td>9</td><td>10</td></tr>"),
        "{html}"
    );
    assert!(html.contains("Depth attempts refused during breadth: 2"));
}
