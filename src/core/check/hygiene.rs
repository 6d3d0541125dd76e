//! Generic design hygiene: rules any design should pass, whatever the prompt. A rule
//! that cannot apply (no queue on the board, say) is left out rather than counted as
//! passed, so an empty board scores nothing.

use super::{labels, Category, CheckItem, Graph};
use crate::core::diagram::ComponentKind;

fn item(
    key: &str,
    title: &str,
    why: &str,
    bad: &[usize],
    graph: &Graph,
    ok: &str,
    problem: &str,
) -> CheckItem {
    CheckItem {
        key: format!("hygiene:{key}"),
        category: Category::Hygiene,
        title: title.into(),
        why: why.into(),
        found: bad.is_empty(),
        components: bad.iter().map(|&v| graph.component(v).id).collect(),
        detail: if bad.is_empty() {
            ok.into()
        } else {
            format!("{problem}: {}", labels(graph, bad))
        },
        advice: false,
    }
}

fn is_stateful(kind: ComponentKind) -> bool {
    kind.is_data_store() || kind == ComponentKind::MessageQueue
}

/// A stateful store (not a cache, which is a copy of another store's data).
fn is_source_of_truth(kind: ComponentKind) -> bool {
    kind.is_data_store() && kind != ComponentKind::Cache
}

/// Whether a component's failure note names redundancy (replicas, failover, several
/// instances across zones, durable storage, ...), or its name is a managed service
/// replicated across zones by design (S3, DynamoDB, Spanner, SQS).
fn has_failover(graph: &Graph, v: usize) -> bool {
    graph.redundancy(v).is_some() || graph.named(v).iter().any(|t| t.managed)
}

/// The mitigation concept that says a cache holds soft state that rebuilds itself
/// (sessions with a TTL refreshed by heartbeats), so it needs no durable store.
const SOFT_STATE: &str = "soft_state";

/// Every hygiene rule that applies to the board.
pub fn items(graph: &Graph) -> Vec<CheckItem> {
    let n = graph.len();
    let all: Vec<usize> = (0..n).collect();
    let kind = |v: usize| graph.kind(v);
    let of = |pred: &dyn Fn(ComponentKind) -> bool| -> Vec<usize> {
        all.iter().copied().filter(|&v| pred(kind(v))).collect()
    };
    let mut items = Vec::new();

    let entries = of(&|k| k.is_entry_point());
    let stores = of(&|k| k.is_data_store());
    for (key, title, why, present, ok, missing) in [
        (
            "entry",
            "Requests have an entry point",
            "Without a client, gateway or load balancer the map does not show where traffic comes from.",
            !entries.is_empty(),
            "an entry point is on the board",
            "no client, DNS, CDN, load balancer or gateway",
        ),
        (
            "store",
            "Data has a home",
            "Every system keeps state somewhere; naming the store is where data modelling starts.",
            !stores.is_empty(),
            "a data store is on the board",
            "no database, store, cache, object storage or index",
        ),
    ] {
        let mut presence = item(key, title, why, &[], graph, ok, "");
        if !present {
            presence.found = false;
            presence.detail = missing.into();
        }
        items.push(presence);
    }
    if n == 0 {
        return items;
    }

    let unconnected: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&v| graph.successors(v).is_empty() && graph.predecessors(v).is_empty())
        .collect();
    items.push(item(
        "connected",
        "Every component is connected",
        "A box with no arrows does nothing in the design, or hides a flow you have not drawn.",
        &unconnected,
        graph,
        "every component has an arrow in or out",
        "not connected",
    ));

    let databases =
        |k: ComponentKind| matches!(k, ComponentKind::SqlDatabase | ComponentKind::KvStore);
    let clients_to_db: Vec<usize> = of(&|k| k == ComponentKind::Client)
        .into_iter()
        .filter(|&v| graph.successors(v).iter().any(|&t| databases(kind(t))))
        .collect();
    if !of(&|k| k == ComponentKind::Client).is_empty() {
        items.push(item(
            "client-db",
            "Clients go through a service",
            "A client writing straight to a database cannot be authenticated, validated or evolved.",
            &clients_to_db,
            graph,
            "no client talks straight to a database",
            "talks straight to a database",
        ));
    }

    let queues = of(&|k| k == ComponentKind::MessageQueue);
    if !queues.is_empty() {
        let unconsumed: Vec<usize> = queues
            .iter()
            .copied()
            .filter(|&v| graph.successors(v).is_empty())
            .collect();
        items.push(item(
            "queue-consumed",
            "Every queue has a consumer",
            "Messages nobody reads pile up until the queue fills; draw the worker that drains it.",
            &unconsumed,
            graph,
            "every queue has an arrow out to a consumer",
            "no arrow out",
        ));
    }

    let caches = of(&|k| k == ComponentKind::Cache);
    if !caches.is_empty() {
        // Backed: the cache, or a component next to it, touches a source of truth.
        let touches_truth = |v: usize| {
            graph
                .successors(v)
                .iter()
                .chain(graph.predecessors(v))
                .any(|&t| is_source_of_truth(kind(t)))
        };
        let soft = [SOFT_STATE.to_string()];
        let soft = graph.vocabulary().answers(&soft);
        let is_soft_state = |v: usize| {
            soft.first_in(graph.failure_note(v)).is_some()
                || soft.first_in(graph.detail_note(v)).is_some()
        };
        let unbacked: Vec<usize> = caches
            .iter()
            .copied()
            .filter(|&v| {
                !is_soft_state(v)
                    && !touches_truth(v)
                    && !graph
                        .successors(v)
                        .iter()
                        .chain(graph.predecessors(v))
                        .any(|&t| touches_truth(t))
            })
            .collect();
        items.push(item(
            "cache-backed",
            "Every cache has a source of truth",
            "A cache loses data on eviction or restart; something durable must hold the real copy.",
            &unbacked,
            graph,
            "every cache sits next to a durable store or holds soft state that rebuilds itself",
            "no durable store behind it",
        ));
    }

    // Single points of failure on the request path: from clients (or, without any,
    // every entry point) to storage.
    let sources = {
        let clients = of(&|k| k == ComponentKind::Client);
        if clients.is_empty() {
            entries.clone()
        } else {
            clients
        }
    };
    let parent = graph.reach(&sources);
    let on_path: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&v| parent[v].is_some() && is_stateful(kind(v)))
        .collect();
    if !on_path.is_empty() {
        let exposed: Vec<usize> = on_path
            .iter()
            .copied()
            .filter(|&v| !has_failover(graph, v))
            .collect();
        items.push(item(
            "stateful-failover",
            "Stateful parts survive a failure",
            "A store or queue on the request path with one copy loses data or availability when it dies; say how it is replicated or fails over.",
            &exposed,
            graph,
            "every store and queue on the request path has a failure note naming replicas, failover or similar, or is a managed service replicated by design",
            "no replica or failover in its failure note",
        ));
        let chokepoints: Vec<usize> = graph
            .chokepoints(&sources, &stores)
            .into_iter()
            .filter(|&v| kind(v) != ComponentKind::Client && !is_stateful(kind(v)))
            .filter(|&v| !has_failover(graph, v))
            .collect();
        items.push(item(
            "single-path",
            "No single component between clients and storage",
            "If every request passes one box, that box going down takes the whole system with it; run several instances or give it a failover.",
            &chokepoints,
            graph,
            "no component is the only way from clients to storage, or each such one has redundancy noted",
            "every path from clients to storage passes through it",
        ));
    }

    let unlabeled = graph
        .board()
        .arrows()
        .iter()
        .filter(|a| a.label.trim().is_empty())
        .count();
    if !graph.board().arrows().is_empty() {
        items.push(CheckItem {
            key: "hygiene:arrow-labels".into(),
            category: Category::Hygiene,
            title: "Arrows say what flows".into(),
            why: "\"writes\", \"events\" or \"GET /feed\" on an arrow turns a box diagram into a design.".into(),
            found: unlabeled == 0,
            components: Vec::new(),
            detail: if unlabeled == 0 {
                "every arrow has a label".into()
            } else {
                format!("{unlabeled} of {} arrows have no label", graph.board().arrows().len())
            },
            advice: true,
        });
    }
    items
}
