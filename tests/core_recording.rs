//! A think-aloud recording's bookkeeping (issue 17): segments by session time (a
//! reload starts a new one), which segment plays at a moment and from where, the
//! keys its chunks are stored under, and sizes in words.

use breadthfirst::core::history::recording::{chunk_key, segment_keys, size_text, Recording};

fn two_segments() -> Recording {
    let mut r = Recording {
        id: "t1700000000000".into(),
        prompt: "url-shortener".into(),
        segments: Vec::new(),
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
