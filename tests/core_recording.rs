//! A think-aloud recording's bookkeeping (issue 17): segments by session time (a
//! reload starts a new one), which segment plays at a moment and from where, the
//! keys its chunks are stored under, and sizes in words.

use breadthfirst::core::history::recording::{chunk_key, segment_keys, size_text, Recording};

fn two_segments() -> Recording {
    let mut r = Recording {
        id: "t1700000000000".into(),
        prompt: "url-shortener".into(),
        ..Recording::default()
    };
    // Recorded from 0:10 for 60 s; a reload at 1:30; recorded from 1:35 for 30 s.
    let first = r.begin(10_000.0, "audio/webm;codecs=opus");
    for k in 1..=60 {
        r.add_chunk(first, 1_000, f64::from(k) * 1_000.0);
    }
    let second = r.begin(95_000.0, "audio/webm;codecs=opus");
    for k in 1..=30 {
        r.add_chunk(second, 2_000, f64::from(k) * 1_000.0);
    }
    r
}

#[test]
fn a_moment_plays_the_segment_recorded_then_from_its_offset() {
    let r = two_segments();
    assert_eq!(r.segments.len(), 2);
    assert_eq!(r.segments[0].chunks, 60);
    assert_eq!(r.bytes(), 60 * 1_000 + 30 * 2_000);
    assert_eq!(r.duration_ms(), 90_000.0);
    assert_eq!(r.at(5_000.0), None, "before the recording began");
    assert_eq!(r.at(10_000.0), Some((0, 0.0)));
    assert_eq!(r.at(45_500.0), Some((0, 35_500.0)));
    assert_eq!(r.at(70_000.0), None, "the first segment ended at 1:10");
    assert_eq!(r.at(92_000.0), None, "the gap of the reload");
    assert_eq!(r.at(100_000.0), Some((1, 5_000.0)));
    assert_eq!(r.at(125_000.0), None, "after the end");
    // A chunk counted for a segment that does not exist changes nothing.
    let mut same = r.clone();
    same.add_chunk(7, 10, 1.0);
    assert_eq!(same, r);
}

#[test]
fn chunk_keys_sort_in_recording_order_and_fall_in_their_segments_range() {
    let keys: Vec<String> = [(0, 0), (0, 9), (0, 10), (0, 999_999), (1, 0), (12, 3)]
        .iter()
        .map(|(s, c)| chunk_key("t1", *s, *c))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(sorted, keys);
    let (from, to) = segment_keys("t1", 0);
    for key in &keys[..4] {
        assert!(from <= *key && *key <= to, "{key} in segment 0");
    }
    for key in &keys[4..] {
        assert!(*key > to, "{key} after segment 0");
    }
    // Another recording whose id starts the same is not in the range.
    assert!(chunk_key("t10", 0, 0) > segment_keys("t1", 999).1);
}

#[test]
fn sizes_read_in_decimal_units() {
    assert_eq!(size_text(0), "0 KB");
    assert_eq!(size_text(1), "1 KB");
    assert_eq!(size_text(830_000), "830 KB");
    assert_eq!(size_text(1_449_999), "1.4 MB");
    assert_eq!(size_text(1_450_000), "1.5 MB");
    assert_eq!(size_text(12_500_000_000), "12.5 GB");
}

#[test]
fn a_transcript_keeps_lines_in_time_order_and_finds_the_one_at_a_moment() {
    use breadthfirst::core::history::transcript::Transcript;
    let mut t = Transcript::default();
    assert!(t.add(12_000.0, 15_500.0, "  start with the API  "));
    assert!(t.add(40_000.0, 44_000.0, "then the cache"));
    // A result that arrives late for an earlier stretch still sorts by time.
    assert!(t.add(20_000.0, 23_000.0, "and the database"));
    assert!(
        !t.add(50_000.0, 51_000.0, "   "),
        "blank speech adds nothing"
    );
    let texts: Vec<&str> = t.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        ["start with the API", "and the database", "then the cache"]
    );
    assert_eq!(t.line_at(11_999.0), None);
    assert_eq!(t.line_at(12_000.0), Some(0));
    assert_eq!(t.line_at(19_999.0), Some(0));
    assert_eq!(t.line_at(20_000.0), Some(1));
    assert_eq!(t.line_at(3_600_000.0), Some(2));
    // An end before the start is the start.
    t.add(60_000.0, 59_000.0, "last");
    assert_eq!(t.lines[3].to_ms, 60_000.0);
}

#[test]
fn only_recognition_on_the_device_makes_a_transcript_and_every_other_case_says_why() {
    use breadthfirst::core::history::transcript::{Speech, Transcript};
    let said = |speech, lang: &str| Transcript {
        speech,
        lang: lang.into(),
        ..Transcript::default()
    };
    assert_eq!(Speech::from_availability("available"), Speech::OnDevice);
    assert_eq!(said(Speech::OnDevice, "en-GB").why_none(), None);
    for answer in ["downloadable", "downloading"] {
        assert_eq!(Speech::from_availability(answer), Speech::NeedsModel);
    }
    let needs = said(Speech::NeedsModel, "en-GB").why_none().unwrap();
    assert!(needs.contains("speech model for en-GB"), "{needs}");
    // Anything else, including an answer a future browser invents, is unavailable.
    for answer in ["unavailable", "", "maybe"] {
        assert_eq!(Speech::from_availability(answer), Speech::Unavailable);
    }
    let unavailable = said(Speech::Unavailable, "fr-FR").why_none().unwrap();
    assert!(
        unavailable.contains("cannot turn fr-FR speech"),
        "{unavailable}"
    );
    for speech in [Speech::Unavailable, Speech::Unsupported, Speech::NeedsModel] {
        let why = said(speech, "en-US").why_none().unwrap();
        assert!(why.starts_with("No transcript: "), "{why}");
        assert!(why.contains("never sends your voice"), "{why}");
    }
    let failed = Transcript {
        speech: Speech::Failed,
        error: "network".into(),
        ..Transcript::default()
    };
    assert!(failed.why_none().unwrap().contains("(network)"));
    assert!(Transcript::default()
        .why_none()
        .unwrap()
        .contains("without one"));
}

#[test]
fn a_recording_kept_before_transcripts_reads_as_one_without() {
    let kept = r#"{"id":"t1","prompt":"url-shortener","segments":[{"start_ms":0.0,"mime":"audio/webm","chunks":3,"bytes":3000,"duration_ms":3000.0}]}"#;
    let r: Recording = serde_json::from_str(kept).unwrap();
    assert_eq!(r.segments.len(), 1);
    assert!(r.transcript.lines.is_empty());
    assert!(r.transcript.why_none().unwrap().contains("without one"));
    // And a transcript round-trips with its recording.
    let mut r = r;
    r.transcript.add(1_000.0, 2_000.0, "hello");
    let back: Recording = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    assert_eq!(back, r);
}
