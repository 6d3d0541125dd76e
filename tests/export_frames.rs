//! "Share a replay as a sequence of PNG frames" (issue 17), the part that is not the
//! browser's: the frames' instants are equal steps of session time from the start to
//! the end, within the bounds; each frame is a static SVG of exactly the board of its
//! instant, all of one size, with the animated SVG's band stopped there; hostile
//! titles and labels stay text; the worker names the frames in time order in a folder
//! named after the prompt and the day, and fails as the replay export fails; the ZIP
//! archive stores the files as given.

mod common;

use breadthfirst::core::export::replay::{
    frame_name, frame_svg, frame_times, phase_at, to_animated_svg, PhaseStart, ReplayError,
    ReplayFormat, SessionReplay, Versions, FRAMES_README, FRAMES_README_NAME, FRAME_RATE,
    MAX_FRAMES, MIN_FRAME_STEP_MS,
};
use breadthfirst::core::export::svg::pieces;
use breadthfirst::core::export::zip::stored;
use breadthfirst::core::history::clock;
use breadthfirst::core::prompt::catalog;
use breadthfirst::core::protocol::{handle_replay, ReplayFrame, ReplayJob, ReplayReply};
use breadthfirst::core::session::{Phase, Replay, Session, Timeline};
use common::replay::{assert_self_contained, random_timeline, session_with, HOSTILE};
use common::Rng;
use std::io::{Cursor, Read};
use zip::{CompressionMethod, ZipArchive};

#[test]
fn frame_instants_are_equal_steps_from_the_start_to_the_end_as_many_as_allowed() {
    let mut rng = Rng::new(17);
    let mut ends = vec![
        0.0,
        1.0,
        999.9,
        1_000.0,
        1_000.5,
        2_500.0,
        59_999.0,
        60_000.0,
        238_999.0,
        239_000.0,
        239_001.0,
        240_000.0,
        600_000.0,
        2_700_000.0,
        36_000_000.0,
    ];
    ends.extend((0..200).map(|_| rng.below(10_800_000) as f64 + rng.below(1_000) as f64 / 7.0));
    for end in ends {
        let times = frame_times(end);
        let n = times.len();
        assert!((1..=MAX_FRAMES).contains(&n), "{end}: {n} frames");
        // The last frame is the end itself, so it shows the final board.
        assert_eq!(times[n - 1], end, "{end}");
        if end < MIN_FRAME_STEP_MS {
            assert_eq!(n, 1, "{end}: a session shorter than a step has one frame");
            continue;
        }
        assert_eq!(times[0], 0.0, "{end}: from the start");
        let step = times[1] - times[0];
        assert!(step >= MIN_FRAME_STEP_MS - 1e-9, "{end}: step {step}");
        for pair in times.windows(2) {
            let gap = pair[1] - pair[0];
            assert!((gap - step).abs() < 1e-6, "{end}: gap {gap}, step {step}");
        }
        // As many as allowed: one more would be over the bound or too close.
        assert!(
            n == MAX_FRAMES || end / (n as f64) < MIN_FRAME_STEP_MS,
            "{end}: {n} frames, one more would fit"
        );
    }
    // Longer sessions never get fewer frames.
    let counts: Vec<usize> = (0..400)
        .map(|s| frame_times(s as f64 * 750.0).len())
        .collect();
    assert!(counts.is_sorted());
    assert_eq!(counts.last(), Some(&MAX_FRAMES));
    // An end that is not a time: one frame, at a time.
    for bad in [f64::NAN, f64::INFINITY, -5_000.0] {
        let times = frame_times(bad);
        assert_eq!(times.len(), 1, "{bad}");
        assert!(times[0].is_finite() && times[0] >= 0.0, "{bad}");
    }
}

/// `svg`'s `<svg>` start tag.
fn root(svg: &str) -> &str {
    &svg[..svg.find('>').expect("a start tag") + 1]
}

/// The value of `name` in `tag`.
fn attribute<'a>(tag: &'a str, name: &str) -> &'a str {
    let at = tag.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
    &tag[at..at + tag[at..].find('"').unwrap()]
}

/// A replay of a random timeline, with three phases and an end after the last change.
fn random_replay(seed: u64) -> (SessionReplay, Timeline) {
    let (timeline, last) = random_timeline(seed, 60 + seed as usize * 7);
    let start = |phase, at_ms| PhaseStart { phase, at_ms };
    let replay = SessionReplay {
        versions: Versions::of(&timeline),
        phases: vec![
            start(Phase::Requirements, 0.0),
            start(Phase::Breadth, last / 4.0),
            start(Phase::Depth, last / 2.0),
        ],
        curveballs: vec![],
        end_ms: last + seed as f64 * 1_000.0,
    };
    (replay, timeline)
}

/// The frame `frame_svg` should draw at `at_ms`: its band (a frame of the same replay
/// with no piece), then the pieces of the board replayed to `at_ms`.
fn expected_frame(replay: &SessionReplay, timeline: &Timeline, title: &str, at_ms: f64) -> String {
    let bare = SessionReplay {
        versions: Versions {
            list: vec![],
            area: replay.versions.area,
        },
        ..replay.clone()
    };
    let band = frame_svg(&bare, title, at_ms);
    let band = band.strip_suffix("</svg>").expect("closed");
    let board: String = pieces(&Replay::new(timeline).board_at(at_ms))
        .iter()
        .map(|p| p.markup.as_str())
        .collect();
    format!("{band}{board}</svg>")
}

#[test]
fn each_frame_is_exactly_the_board_of_its_instant_in_one_frame_for_the_whole_replay() {
    for seed in 0..12 {
        let (replay, timeline) = random_replay(seed);
        let times = frame_times(replay.end_ms);
        assert!(times.len() > 10, "seed {seed}: a replay of some length");
        // Every frame time, and each change's instant and just before it.
        let changes = timeline
            .entries()
            .iter()
            .flat_map(|e| [e.at_ms - 0.25, e.at_ms]);
        let mut sizes = Vec::new();
        for t in times.iter().copied().chain(changes) {
            let svg = frame_svg(&replay, "Shortener", t);
            assert_eq!(
                svg,
                expected_frame(&replay, &timeline, "Shortener", t),
                "seed {seed}, at {t}"
            );
            assert!(!svg.contains("<animate"), "a still frame");
            sizes.push(root(&svg).to_string());
        }
        // One size for every frame: that of the animated SVG, the same frame.
        let animated = to_animated_svg(&replay, "Shortener");
        assert!(sizes.iter().all(|s| *s == root(&animated)), "seed {seed}");
        let tag = root(&animated);
        let view = format!("{} {}", attribute(tag, "width"), attribute(tag, "height"));
        assert!(attribute(tag, "viewBox").ends_with(&view), "{tag}");
        // The last frame is the final board.
        let last = frame_svg(&replay, "Shortener", times[times.len() - 1]);
        let final_board: String = pieces(&Replay::new(&timeline).board_at(f64::INFINITY))
            .iter()
            .map(|p| p.markup.as_str())
            .collect();
        assert!(!final_board.is_empty());
        assert!(
            last.ends_with(&format!("{final_board}</svg>")),
            "seed {seed}"
        );
    }
}

/// The `width` of the `<rect>` filled with `fill` (the one there is).
fn rect_width(svg: &str, fill: &str) -> f64 {
    let end = svg.find(&format!(" fill=\"{fill}\"")).expect(fill);
    let start = svg[..end].rfind("<rect").expect("a rect");
    attribute(&svg[start..end], "width").parse().unwrap()
}

#[test]
fn each_frames_band_is_the_animated_bands_stopped_at_its_instant() {
    let (session, timeline) = session_with(&["api", "cache", "db"]);
    let replay = SessionReplay::of(&session, &timeline).unwrap();
    let animated = to_animated_svg(&replay, "Shortener");
    let end = replay.end_ms;
    let ticks = replay
        .phases
        .iter()
        .skip(1)
        .filter(|p| p.at_ms < end)
        .count();
    assert!(ticks > 0, "a phase began during the session");
    let mut phases = Vec::new();
    for t in frame_times(end) {
        let svg = frame_svg(&replay, "Shortener", t);
        // The clock and the phase then.
        let phase = phase_at(&replay.phases, t);
        phases.push(phase);
        let text = format!(">{} · {}</text>", clock(t), phase.name());
        assert_eq!(svg.matches(&text).count(), 1, "at {t}: {text}");
        assert_eq!(svg.matches(" · ").count(), 1, "one clock");
        // The bar filled so far, on the animated SVG's track.
        let track = rect_width(&svg, "#dfe3ea");
        assert_eq!(track, rect_width(&animated, "#dfe3ea"));
        let bar = rect_width(&svg, "#4f6bed");
        assert!(
            (bar - track * t / end).abs() <= 0.006,
            "at {t}: {bar} of {track}"
        );
        // A tick where each phase began, as on the animated SVG.
        let tick_rects: Vec<&str> = svg
            .split("<rect")
            .skip(1)
            .map(|r| &r[..r.find('>').unwrap() + 1])
            .filter(|r| r.ends_with(" fill=\"#5b6472\"/>"))
            .collect();
        assert_eq!(tick_rects.len(), ticks, "at {t}");
        for r in tick_rects {
            assert!(animated.contains(r), "{r}");
        }
        // The title, as the animated SVG shows it.
        assert!(svg.contains("<title>Shortener: replay</title>"));
        assert!(svg.contains(">Shortener</text>"));
    }
    // The frames go through the phases.
    assert_eq!(phases.first(), Some(&Phase::Requirements));
    assert!(phases.contains(&Phase::Breadth));
    assert_eq!(phases.last(), Some(&phase_at(&replay.phases, end)));
}

/// The worker's frames of `session`, or its failure.
fn frames_reply(session: &Session, timeline: &str, title: &str, date: &str) -> ReplayReply {
    handle_replay(
        ReplayJob::Frames {
            session: session.clone(),
            timeline: timeline.to_string(),
            title: title.into(),
            date: date.into(),
        },
        &catalog(),
    )
}

/// The worker's answer to the same session's replay as a file.
fn export_reply(session: &Session, timeline: &str) -> ReplayReply {
    handle_replay(
        ReplayJob::Export {
            session: session.clone(),
            timeline: timeline.to_string(),
            title: "T".into(),
            audio: vec![],
            format: ReplayFormat::AnimatedSvg,
            date: "2026-11-29".into(),
        },
        &catalog(),
    )
}

#[test]
fn hostile_titles_and_labels_stay_text_in_every_frame() {
    let (session, timeline) = session_with(&HOSTILE);
    let title = "Evil </title><script>alert(3)</script> & \"co\"";
    let json = serde_json::to_string(&timeline).unwrap();
    let ReplayReply::Frames { frames, .. } = frames_reply(&session, &json, title, "2026-11-29")
    else {
        panic!("frames");
    };
    let escaped = "Evil &lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt; &amp; &quot;co&quot;";
    for frame in &frames {
        let svg = &frame.svg;
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.to_lowercase().contains("<script"), "{}", frame.name);
        assert!(svg.contains(&format!("<title>{escaped}: replay</title>")));
        assert!(svg.contains("font-weight=\"600\" fill=\"#1d2330\">Evil &lt;/title&gt;"));
    }
    let all: String = frames.iter().map(|f| f.svg.as_str()).collect();
    assert_self_contained(&all);
    let last = &frames[frames.len() - 1].svg;
    assert!(last.contains("&lt;/script&gt;&lt;script&gt;alert(1)"));
    assert!(last.contains("&lt;svg onload=x&gt;"));
    assert!(last.contains("&lt;foreignObject&gt;"));
}

/// The session time a frame's name says, in whole seconds.
fn named_seconds(name: &str) -> u64 {
    let time = &name["frame-0000-".len()..name.len() - ".png".len()];
    let (minutes, seconds) = time.split_once('m').expect("minutes");
    let seconds = seconds.strip_suffix('s').expect("seconds");
    assert_eq!(seconds.len(), 2, "{name}");
    minutes.parse::<u64>().unwrap() * 60 + seconds.parse::<u64>().unwrap()
}

#[test]
fn the_worker_draws_the_frames_in_time_order_in_a_folder_named_after_the_prompt_and_day() {
    let (session, timeline) = session_with(&["api", "cache", "db"]);
    let json = serde_json::to_string(&timeline).unwrap();
    let reply = frames_reply(&session, &json, "URL shortener", "2026-11-29");
    let ReplayReply::Frames { folder, frames } = reply else {
        panic!("{reply:?}");
    };
    assert_eq!(folder, "url-shortener-replay-frames-2026-11-29");
    let replay = SessionReplay::of(&session, &timeline).unwrap();
    let times = frame_times(replay.end_ms);
    assert_eq!(frames.len(), times.len());
    for (i, (frame, t)) in frames.iter().zip(&times).enumerate() {
        assert_eq!(
            *frame,
            ReplayFrame {
                name: frame_name(i, *t),
                at_ms: *t,
                svg: frame_svg(&replay, "URL shortener", *t),
            }
        );
        assert!(frame.name.starts_with(&format!("frame-{:04}-", i + 1)));
        assert!(frame.name.ends_with(".png"));
        assert_eq!(named_seconds(&frame.name), (t / 1000.0).round() as u64);
    }
    // Names sort in time order (as a shell's glob lists them), each once.
    let mut sorted: Vec<&str> = frames.iter().map(|f| f.name.as_str()).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let names: Vec<&str> = frames.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(sorted, names);
    // A session with no prompt, a prompt not in the library, a date to clean.
    for (prompt, date, expected) in [
        ("", "2026-11-29", "session-replay-frames-2026-11-29"),
        ("no-such", "2026-11-29", "no-such-replay-frames-2026-11-29"),
        (
            "url-shortener",
            "2026/11 29",
            "url-shortener-replay-frames-2026-11-29",
        ),
        ("url-shortener", "", "url-shortener-replay-frames"),
    ] {
        let mut other = session.clone();
        other.prompt_id = prompt.into();
        let ReplayReply::Frames { folder, .. } = frames_reply(&other, &json, "T", date) else {
            panic!("{prompt}");
        };
        assert_eq!(folder, expected);
        // Named as the replay's files are.
        let ReplayReply::Exported(file) = export_reply(&other, &json) else {
            panic!("{prompt}");
        };
        let stem = file.name.trim_end_matches("-2026-11-29.svg");
        assert!(folder.starts_with(&format!("{stem}-frames")), "{folder}");
    }
}

#[test]
fn frame_names_sort_in_time_order_however_long_the_session() {
    let names: Vec<String> = (0..MAX_FRAMES)
        .map(|i| frame_name(i, i as f64 * 45_299.0))
        .collect();
    assert!(names.is_sorted(), "{names:?}");
    assert!(names
        .iter()
        .all(|n| n.starts_with("frame-") && n.ends_with(".png")));
    let last = (MAX_FRAMES - 1) as f64 * 45_299.0;
    assert_eq!(
        named_seconds(&names[MAX_FRAMES - 1]),
        (last / 1000.0).round() as u64
    );
    // The read-me's example and its video command match the names.
    assert!(FRAMES_README.contains(&frame_name(30, 135_000.0)));
    assert!(FRAMES_README.contains(&format!("-framerate {FRAME_RATE} ")));
    assert!(FRAMES_README.contains("-pattern_type glob -i 'frame-*.png'"));
}

#[test]
fn frames_fail_as_the_replay_export_fails() {
    let (session, timeline) = session_with(&["api"]);
    // A damaged timeline.
    let damaged = serde_json::to_string(&timeline)
        .unwrap()
        .replace("at_ms", "at");
    for json in ["{", "not json", &damaged] {
        let reply = frames_reply(&session, json, "T", "2026-11-29");
        let ReplayReply::Failed(why) = &reply else {
            panic!("{json}: {reply:?}");
        };
        assert!(why.starts_with("the timeline could not be read: "), "{why}");
        assert_eq!(reply, export_reply(&session, json));
    }
    // A board that never changed: nothing to replay.
    let reply = frames_reply(&session, "[]", "T", "2026-11-29");
    assert_eq!(
        reply,
        ReplayReply::Failed(ReplayError::NothingToReplay.to_string())
    );
    assert_eq!(reply, export_reply(&session, "[]"));
    // A prompt missing from the library is no failure: the title is given.
    let mut unknown = session.clone();
    unknown.prompt_id = "not-in-the-library".into();
    let json = serde_json::to_string(&timeline).unwrap();
    assert!(matches!(
        frames_reply(&unknown, &json, "T", "2026-11-29"),
        ReplayReply::Frames { .. }
    ));
}

#[test]
fn the_archive_stores_each_file_as_given_and_reads_back() {
    let mut rng = Rng::new(3);
    let noise: Vec<u8> = (0..70_000).map(|_| rng.below(256) as u8).collect();
    let every_byte: Vec<u8> = (0..=255u8).cycle().take(5_000).collect();
    let files = vec![
        ("frames/frame-0001-00m00s.png".to_string(), noise),
        ("frames/frame-0002-00m05s.png".to_string(), every_byte),
        // Compressible, yet stored as it is.
        ("frames/zeros.png".to_string(), vec![0u8; 50_000]),
        ("frames/empty.png".to_string(), vec![]),
        (
            format!("frames/{FRAMES_README_NAME}"),
            FRAMES_README.as_bytes().to_vec(),
        ),
        ("élan «vital».txt".to_string(), b"\r\n\0".to_vec()),
    ];
    let archive = stored(&files).unwrap();
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    assert!(archive.len() > total, "nothing compressed");
    let mut read = ZipArchive::new(Cursor::new(&archive)).unwrap();
    assert_eq!(read.len(), files.len());
    for (i, (name, bytes)) in files.iter().enumerate() {
        let mut entry = read.by_index(i).unwrap();
        assert_eq!(entry.name(), name);
        assert_eq!(entry.compression(), CompressionMethod::Stored, "{name}");
        assert_eq!(entry.size(), bytes.len() as u64);
        assert_eq!(entry.compressed_size(), bytes.len() as u64);
        let mut back = Vec::new();
        entry.read_to_end(&mut back).unwrap();
        assert!(back == *bytes, "{name}");
    }
    // An empty archive is an archive; a name given twice is refused.
    assert_eq!(
        ZipArchive::new(Cursor::new(stored(&[]).unwrap()))
            .unwrap()
            .len(),
        0
    );
    let twice = [files[1].clone(), files[1].clone()];
    let err = stored(&twice).unwrap_err();
    assert!(err.contains("frame-0002-00m05s.png"), "{err}");
}
