//! Words as the checker compares them (issue 12): case-folded, stemmed, punctuation
//! and numbers understood, negations honoured; and the bundled vocabulary is clean.

use breadthfirst::core::check::words::{contains_affirmed, contains_words, words};
use breadthfirst::core::check::Vocabulary;
use breadthfirst::core::diagram::ComponentKind;

fn same(a: &str, b: &str) -> bool {
    words(a) == words(b)
}

#[test]
fn endings_that_do_not_change_the_meaning_are_one_word() {
    for (a, b) in [
        ("Transcode", "transcoding"),
        ("transcoder", "TRANSCODED"),
        ("Secondaries", "secondary"),
        ("Memcache", "memcached"),
        ("queues", "queueing"),
        ("Trips", "trip"),
        ("replicated", "replicate"),
        ("clustered", "cluster"),
        ("shipped", "ship"),
        ("boxes", "box"),
        ("fails over", "failed over"),
        ("fails over", "failing over"),
        ("Pub/Sub", "pub-sub"),
        ("dead-letter queues", "dead letter queue"),
        ("Databases", "database"),
        ("collapsed", "collapse"),
        ("leases", "leased"),
        ("retried", "retries"),
        ("statuses", "status"),
        ("caches", "caching"),
    ] {
        assert!(same(a, b), "{a:?} {:?} vs {b:?} {:?}", words(a), words(b));
    }
    for (a, b) in [
        ("cache", "cachet"),
        ("user", "us"),
        ("redis", "red"),
        ("need", "ne"),
    ] {
        assert!(!same(a, b), "{a:?} and {b:?} must differ");
    }
}

#[test]
fn numbers_are_one_word_and_apostrophes_join() {
    assert_eq!(words("30 pods across 3 AZs"), words("# pods across # az"));
    // One of a thing is not several.
    assert_ne!(words("1 replica"), words("# replicas"));
    assert_ne!(words("0 replicas"), words("# replicas"));
    assert_eq!(words("99.99%"), vec!["#", "#"]);
    assert_eq!(words("can't"), vec!["cant"]);
    assert_eq!(words("S3"), vec!["s3"]);
}

#[test]
fn a_phrase_matches_whole_consecutive_words_and_negation_cancels_it() {
    let note = words("Replicated across 3 AZs; without retries; no read replica.");
    assert!(contains_words(&note, &words("across # AZs")));
    assert!(contains_affirmed(&note, &words("replicated")));
    assert!(contains_words(&note, &words("retry")));
    assert!(
        !contains_affirmed(&note, &words("retry")),
        "without retries"
    );
    assert!(
        !contains_affirmed(&note, &words("replica")),
        "no read replica"
    );
    assert!(!contains_words(&note, &words("AZs replicated")));
    // A negation reaches two words back, not the whole note.
    let later = words("No single point of failure: primary with a standby.");
    assert!(contains_affirmed(&later, &words("standby")));
}

#[test]
fn the_bundled_vocabulary_reads_cleanly_and_knows_the_common_names() {
    let v = Vocabulary::bundled();
    assert_eq!(v.problems(), &[] as &[String]);
    assert!(
        v.technologies().len() >= 150,
        "{} technologies",
        v.technologies().len()
    );
    let kinds_of = |label: &str| -> Vec<ComponentKind> {
        v.named_in(&words(label))
            .iter()
            .flat_map(|t| t.kinds.clone())
            .collect()
    };
    for (label, kind) in [
        ("Cassandra", ComponentKind::KvStore),
        ("ScyllaDB cluster", ComponentKind::KvStore),
        ("DynamoDB", ComponentKind::KvStore),
        ("Bigtable", ComponentKind::KvStore),
        ("PostgreSQL primary", ComponentKind::SqlDatabase),
        ("Postgres", ComponentKind::SqlDatabase),
        ("Aurora MySQL", ComponentKind::SqlDatabase),
        ("Spanner", ComponentKind::SqlDatabase),
        ("CockroachDB", ComponentKind::SqlDatabase),
        ("Redis", ComponentKind::Cache),
        ("Memcached", ComponentKind::Cache),
        ("Kafka topic", ComponentKind::MessageQueue),
        ("Kinesis", ComponentKind::MessageQueue),
        ("Pulsar", ComponentKind::MessageQueue),
        ("Google Pub/Sub", ComponentKind::MessageQueue),
        ("SQS", ComponentKind::MessageQueue),
        ("RabbitMQ", ComponentKind::MessageQueue),
        ("NATS", ComponentKind::MessageQueue),
        ("S3 bucket", ComponentKind::ObjectStorage),
        ("GCS", ComponentKind::ObjectStorage),
        ("Nginx", ComponentKind::LoadBalancer),
        ("HAProxy", ComponentKind::LoadBalancer),
        ("Envoy", ComponentKind::LoadBalancer),
        ("Kong", ComponentKind::ApiGateway),
        ("Elasticsearch", ComponentKind::SearchIndex),
        ("OpenSearch", ComponentKind::SearchIndex),
        ("NoSQL store", ComponentKind::KvStore),
    ] {
        assert!(
            kinds_of(label).contains(&kind),
            "{label}: {:?}",
            kinds_of(label)
        );
    }
    for label in ["Flink job", "Spark", "vLLM", "Triton"] {
        assert!(!kinds_of(label).is_empty(), "{label} is unknown");
    }
}

#[test]
fn a_mitigation_concept_accepts_every_way_it_is_written() {
    let v = Vocabulary::bundled();
    let wanted = vec!["failover".to_string()];
    for note in [
        "The primary fails over to its standby in 30 s.",
        "Active/passive pair with a floating VIP.",
        "Automatic failover.",
    ] {
        let named = v.first_named(note, &wanted);
        assert!(named.is_some(), "{note}");
    }
    assert!(v.first_named("There is no failover.", &wanted).is_none());
    for note in [
        "Replicated across 3 AZs.",
        "30 pods across 3 AZs.",
        "Eleven nines of durability, versioning on.",
    ] {
        assert!(v.redundancy_named(&v.read_note(note)).is_some(), "{note}");
    }
    assert!(v
        .redundancy_named(&v.read_note("Retry-After header."))
        .is_none());
}

#[test]
fn a_name_inside_a_longer_name_is_not_read_on_its_own() {
    let v = Vocabulary::bundled();
    let kinds = |label: &str| -> Vec<ComponentKind> {
        v.named_in(&words(label))
            .iter()
            .flat_map(|t| t.kinds.clone())
            .collect()
    };
    let vector = kinds("Vector DB (embeddings)");
    assert!(vector.contains(&ComponentKind::SearchIndex), "{vector:?}");
    assert!(!vector.contains(&ComponentKind::SqlDatabase), "{vector:?}");
    // Two names side by side are both read.
    let both = kinds("Postgres + Redis");
    assert!(both.contains(&ComponentKind::SqlDatabase) && both.contains(&ComponentKind::Cache));
}

#[test]
fn a_note_that_claims_and_denies_a_remedy_does_not_answer_with_it() {
    let v = Vocabulary::bundled();
    // One remedy denied: that remedy does not count; the others still do.
    let note = v.read_note("Async replication; no synchronous replica. Automatic failover.");
    assert!(!note.is_noise());
    let replication = vec!["replica".to_string()];
    let failover = vec!["failover".to_string()];
    assert!(v.answers(&replication).first_in(&note).is_none());
    assert!(v.answers(&failover).first_in(&note).is_some());
    // A buzzword note that claims and denies several remedies answers nothing.
    let noise = v.read_note(
        "replicas, failover, retry, quorum, multi-AZ. No replica needed, without failover it is fine, no retries.",
    );
    assert!(noise.is_noise());
    assert!(v.redundancy_named(&noise).is_none());
    let quorum = vec!["quorum".to_string()];
    assert!(v.answers(&quorum).first_in(&noise).is_none());
}
