//! The quick-add field's naming, natively, through the worker's protocol: a typed
//! name becomes a label and the kind the technology catalogue says it is.

use breadthfirst::core::check::Vocabulary;
use breadthfirst::core::diagram::ComponentKind;
use breadthfirst::core::import::name_component;
use breadthfirst::core::protocol::{handle_with, Reply, Request};

#[test]
fn typed_names_become_the_right_kind_with_the_name_as_typed() {
    let vocabulary = Vocabulary::bundled();
    assert!(
        vocabulary.problems().is_empty(),
        "{:?}",
        vocabulary.problems()
    );
    for (typed, label, kind) in [
        ("redis cache", "Redis cache", ComponentKind::Cache),
        ("kafka", "Kafka", ComponentKind::MessageQueue),
        ("  postgres  ", "Postgres", ComponentKind::SqlDatabase),
        (
            "S3 bucket for thumbnails",
            "S3 bucket for thumbnails",
            ComponentKind::ObjectStorage,
        ),
        ("elasticsearch", "Elasticsearch", ComponentKind::SearchIndex),
        ("Order service", "Order service", ComponentKind::Service),
        (
            "nginx load balancer",
            "Nginx load balancer",
            ComponentKind::LoadBalancer,
        ),
        ("the thing", "The thing", ComponentKind::Generic),
    ] {
        assert_eq!(
            name_component(typed, &vocabulary),
            (label.to_string(), kind),
            "{typed:?}"
        );
    }
}

#[test]
fn the_worker_answers_a_name_request_with_label_and_kind() {
    let vocabulary = Vocabulary::bundled();
    let reply = handle_with(
        Request::Name {
            text: "cassandra".into(),
        },
        &[],
        &[],
        &vocabulary,
    );
    assert_eq!(
        reply,
        Reply::Named {
            label: "Cassandra".into(),
            kind: ComponentKind::KvStore
        }
    );
}
