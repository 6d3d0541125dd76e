//! "Share a replay" (issue 17): a session's timeline as versions of drawn pieces
//! that show, at every instant, exactly the board of that instant in the board
//! export's paint order; the animated SVG and the HTML page made from them are safe
//! with hostile labels and titles, reference nothing outside themselves, carry sound
//! only when given, and a session whose board never changed has no replay. Through
//! the worker protocol, a replay file is named after the prompt and the day.

mod common;

use breadthfirst::core::diagram::{Board, Command, ComponentKind, NoteField};
use breadthfirst::core::export::replay::{
    export_replay, marks, phase_at, phase_starts, script_json, to_animated_svg, to_html_replay,
    AudioClip, Mark, PhaseStart, ReplayError, ReplayFormat, SessionReplay, Versions,
    CONTENT_SECURITY_POLICY, HOLD_MS, PLAYER_SCRIPT, PLAY_MS,
};
use breadthfirst::core::export::svg::{pieces, Layer, Piece};
use breadthfirst::core::persist;
use breadthfirst::core::prompt::catalog;
use breadthfirst::core::protocol::{
    handle, handle_replay, ExportFormat, ExportJob, ReplayJob, ReplayReply, Reply, Request,
};
use breadthfirst::core::session::{
    Phase, Replay, Session, SessionEvent, SessionPlan, Timeline, TimelineEvent,
};
use common::replay::{assert_self_contained, random_timeline, session_with, HOSTILE};
use common::{add_named, connect_labelled};
use sha2::{Digest, Sha256};

/// The instants worth checking: each change, just before and after it, before the
/// start and after the end.
fn instants(timeline: &Timeline, end: f64) -> Vec<f64> {
    let mut out = vec![-1.0, 0.0, end + 1_000.0, f64::INFINITY];
    for e in timeline.entries() {
        out.extend([e.at_ms - 0.25, e.at_ms, e.at_ms + 0.25]);
    }
    out
}

#[test]
fn the_versions_shown_at_any_instant_are_the_board_of_that_instant_in_paint_order() {
    for seed in 0..24 {
        let (timeline, end) = random_timeline(seed, 120 + seed as usize * 5);
        let versions = Versions::of(&timeline);
        let replay = Replay::new(&timeline);
        for t in instants(&timeline, end) {
            let shown: Vec<&Piece> = versions.shown_at(t).collect();
            let board = replay.board_at(t);
            let expected = pieces(&board);
            assert_eq!(
                shown,
                expected.iter().collect::<Vec<_>>(),
                "seed {seed}, at {t}"
            );
        }
        // Layer by layer, bottom to top; spans are never empty.
        let layers: Vec<Layer> = versions.list.iter().map(|v| v.piece.layer).collect();
        assert!(layers.is_sorted(), "seed {seed}");
        assert!(versions.list.iter().all(|v| v.from_ms < v.to_ms));
        // One frame for the whole replay: the replay's extent with the margin.
        let extent = replay.extent().unwrap().inflate(24.0);
        assert_eq!(versions.area, extent, "seed {seed}");
    }
}

#[test]
fn a_piece_drawn_the_same_keeps_its_version() {
    let mut board = Board::new();
    let a = add_named(&mut board, ComponentKind::Service, "api");
    let b = add_named(&mut board, ComponentKind::SqlDatabase, "db");
    connect_labelled(&mut board, a, b, "writes");
    let mut timeline = Timeline::default();
    timeline.record_board(1_000.0, &Board::new(), &board);
    // A note is not drawn; a rename redraws the box alone (arrows stay put).
    let mut noted = board.clone();
    noted
        .apply(Command::SetNote {
            id: a,
            field: NoteField::Details,
            text: "REST".into(),
        })
        .unwrap();
    timeline.record_board(2_000.0, &board, &noted);
    let mut renamed = noted.clone();
    renamed
        .apply(Command::RenameComponent {
            id: b,
            label: "store".into(),
        })
        .unwrap();
    timeline.record_board(3_000.0, &noted, &renamed);
    let versions = Versions::of(&timeline);
    let spans: Vec<(Layer, f64, f64)> = versions
        .list
        .iter()
        .map(|v| (v.piece.layer, v.from_ms, v.to_ms))
        .collect();
    // The renamed box's new version goes right after the box below it, before its
    // old version: the two are never shown together.
    assert_eq!(
        spans,
        [
            (Layer::Routes, 1_000.0, f64::INFINITY),
            (Layer::Boxes, 1_000.0, f64::INFINITY),
            (Layer::Boxes, 3_000.0, f64::INFINITY),
            (Layer::Boxes, 1_000.0, 3_000.0),
            (Layer::Labels, 1_000.0, f64::INFINITY),
        ]
    );
}

/// The text of the HTML page's JSON data block.
fn data_block(html: &str) -> &str {
    let open = "<script type=\"application/json\" id=\"replay-data\">";
    let start = html.find(open).expect("a data block") + open.len();
    let len = html[start..].find("</script>").expect("closed");
    &html[start..start + len]
}

#[test]
fn hostile_labels_and_titles_stay_text_in_the_animated_svg() {
    let (session, timeline) = session_with(&HOSTILE);
    let title = "Evil </title><script>alert(3)</script> & \"co\"";
    let svg = export_replay(&session, &timeline, title, &[], ReplayFormat::AnimatedSvg).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.ends_with("</svg>"));
    assert!(!svg.to_lowercase().contains("<script"), "no script at all");
    assert_self_contained(&svg);
    assert!(!svg.contains('\u{2028}') || svg.contains("line\u{2028}sep"));
    assert!(svg.contains("&lt;/script&gt;&lt;script&gt;alert(1)"));
    assert!(svg.contains(
        "<title>Evil &lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt; &amp; &quot;co&quot;: replay</title>"
    ));
    assert!(svg.contains("&lt;svg onload=x&gt;"));
    // Animated by SMIL only.
    assert!(svg.contains("<animate attributeName=\"visibility\" calcMode=\"discrete\""));
}

#[test]
fn hostile_labels_and_titles_cannot_leave_the_html_pages_elements_or_data_block() {
    let (session, timeline) = session_with(&HOSTILE);
    let title = "</script><script>alert(4)</script>\u{2028}&";
    let audio = [AudioClip {
        start_ms: 0.0,
        mime: "audio/webm;codecs=opus".into(),
        base64: "GkXfo59ChoEBQveBAULygQRC84EIQoKEd2VibQ==".into(),
    }];
    let html = export_replay(&session, &timeline, title, &audio, ReplayFormat::Html).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    let lower = html.to_lowercase();
    assert_eq!(
        lower.matches("<script").count(),
        2,
        "the data and the player"
    );
    assert_eq!(lower.matches("</script").count(), 2);
    assert_self_contained(&html);
    assert!(html.contains("<title>&lt;/script&gt;&lt;script&gt;alert(4)&lt;/script&gt;"));
    assert!(html.contains("<h1>&lt;/script&gt;"));
    // The data block is JSON with nothing that could end it or the line.
    let block = data_block(&html);
    for c in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
        assert!(!block.contains(c), "{c:?} in the data block");
    }
    let data: serde_json::Value = serde_json::from_str(block).unwrap();
    assert_eq!(data["audio"][0]["mime"], "audio/webm;codecs=opus");
    assert_eq!(data["phases"][0]["name"], "Requirements");
    // The player is the one the policy allows, verbatim.
    assert!(html.contains(&format!("<script>{PLAYER_SCRIPT}</script>")));
    assert!(html.contains(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">"
    )));
}

#[test]
fn script_json_escapes_what_would_end_a_script_or_a_line() {
    let hostile = serde_json::json!({
        "a": "</script><!--<script>",
        "b": "x\u{2028}y\u{2029}z & \"q\" \\ '",
    });
    let text = script_json(&hostile);
    for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
        assert!(!text.contains(bad), "{bad:?} in {text}");
    }
    assert!(text.contains("\\u003c/script\\u003e"));
    let back: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(back, hostile);
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn the_policy_runs_only_the_player_and_fetches_nothing() {
    let hash = base64(&Sha256::digest(PLAYER_SCRIPT.as_bytes()));
    assert!(
        CONTENT_SECURITY_POLICY.contains(&format!("script-src 'sha256-{hash}'")),
        "the player changed: put 'sha256-{hash}' in CONTENT_SECURITY_POLICY"
    );
    assert!(CONTENT_SECURITY_POLICY.starts_with("default-src 'none';"));
    assert!(!CONTENT_SECURITY_POLICY.contains("unsafe-eval"));
    assert!(!CONTENT_SECURITY_POLICY.contains("script-src 'unsafe-inline'"));
    assert!(CONTENT_SECURITY_POLICY.contains("media-src data:"));
    // The player writes no markup and evaluates nothing.
    for risky in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "Function(",
    ] {
        assert!(!PLAYER_SCRIPT.contains(risky), "{risky} in the player");
    }
}

#[test]
fn sound_is_in_the_page_only_when_clips_are_given_and_only_as_checked_data() {
    let (session, timeline) = session_with(&["api", "db"]);
    let silent = export_replay(&session, &timeline, "Shortener", &[], ReplayFormat::Html).unwrap();
    assert!(!silent.contains("id=\"sound\""));
    assert!(!silent.contains("data:audio"));
    let data: serde_json::Value = serde_json::from_str(data_block(&silent)).unwrap();
    assert_eq!(data["audio"], serde_json::json!([]));

    let clip = |start_ms: f64, mime: &str, base64: &str| AudioClip {
        start_ms,
        mime: mime.into(),
        base64: base64.into(),
    };
    let clips = [
        clip(90_000.0, "audio/ogg; codecs=opus", "T2dnUw=="),
        clip(0.0, "audio/webm;codecs=opus", "GkXfow=="),
    ];
    let loud = export_replay(&session, &timeline, "Shortener", &clips, ReplayFormat::Html).unwrap();
    assert!(loud.contains("<input type=\"checkbox\" id=\"sound\" checked>"));
    let data: serde_json::Value = serde_json::from_str(data_block(&loud)).unwrap();
    assert_eq!(
        data["audio"],
        serde_json::json!([
            {"start": 0.0, "mime": "audio/webm;codecs=opus", "data": "GkXfow=="},
            {"start": 90_000.0, "mime": "audio/ogg;codecs=opus", "data": "T2dnUw=="},
        ]),
        "in time order, spaces out of the type"
    );
    // The animated SVG carries no sound.
    let svg = export_replay(
        &session,
        &timeline,
        "Shortener",
        &clips,
        ReplayFormat::AnimatedSvg,
    )
    .unwrap();
    assert!(!svg.contains("GkXfow=="));

    for (bad, index) in [
        (clip(0.0, "text/html", "AAAA"), 0),
        (clip(0.0, "audio/webm\";alert(1)", "AAAA"), 0),
        (clip(0.0, "audio/webm,<x>", "AAAA"), 0),
        (clip(0.0, "audio/webm", "AA\"AA"), 0),
        (clip(0.0, "audio/webm", ""), 0),
        (clip(-1.0, "audio/webm", "AAAA"), 0),
        (clip(f64::NAN, "audio/webm", "AAAA"), 0),
    ] {
        let audio = [bad.clone()];
        let got = export_replay(&session, &timeline, "S", &audio, ReplayFormat::Html);
        assert!(
            matches!(got, Err(ReplayError::BadAudio { index: i, .. }) if i == index),
            "{bad:?}: {got:?}"
        );
    }
}

#[test]
fn a_session_whose_board_never_changed_has_no_replay() {
    let mut session = Session::start("url-shortener", SessionPlan::default(), 0.0, 2);
    // Phases came and went; the board stayed empty.
    session.handle(SessionEvent::Next, 60_000.0, &Board::new());
    let mut timeline = Timeline::default();
    timeline.push(60_000.0, TimelineEvent::Phase(Phase::Breadth));
    for format in ReplayFormat::ALL {
        assert_eq!(
            export_replay(&session, &timeline, "S", &[], format),
            Err(ReplayError::NothingToReplay)
        );
    }
    let reply = handle_replay(
        ReplayJob::Export {
            session,
            timeline: serde_json::to_string(&timeline).unwrap(),
            title: "S".into(),
            audio: vec![],
            format: ReplayFormat::Html,
            date: "2026-11-29".into(),
        },
        &catalog(),
    );
    assert_eq!(
        reply,
        ReplayReply::Failed(ReplayError::NothingToReplay.to_string())
    );
    assert!(ReplayError::NothingToReplay
        .to_string()
        .contains("board never changed"));
}

#[test]
fn the_animated_svg_compresses_the_session_into_one_loop_with_a_hold() {
    let (session, timeline) = session_with(&["api", "cache", "db"]);
    let replay = SessionReplay::of(&session, &timeline).unwrap();
    // Boxes at 2, 3 and 4 minutes; Breadth ran out at 10 (its plan after one minute
    // of Requirements): the session is 10 minutes long.
    let end = replay.end_ms;
    assert_eq!(
        end,
        session.records().iter().map(|r| r.actual_ms).sum::<f64>()
    );
    let svg = to_animated_svg(&replay, "Shortener");
    let total = PLAY_MS + HOLD_MS;
    assert!(svg.contains(&format!("dur=\"{total}ms\" repeatCount=\"indefinite\"")));
    let key = |t: f64| format!("{:.6}", t / end * PLAY_MS / total);
    let key = |t: f64| {
        let k = key(t);
        k.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    // The first box from 2 minutes to the end: hidden until then.
    assert!(
        svg.contains(&format!(
            "values=\"hidden;visible\" keyTimes=\"0;{}\"",
            key(120_000.0)
        )),
        "{svg}"
    );
    // The clock and the phase, through the Breadth mark and the end.
    assert!(svg.contains("0:00 · Requirements</text>"));
    assert!(svg.contains("1:00 · Breadth</text>"));
    let last = format!("{} · Focus</text>", breadthfirst::core::history::clock(end));
    assert!(svg.contains(&last), "{last}");
    // Without SMIL the last board shows: its pieces are not hidden by default.
    let board = Replay::new(&timeline).board_at(f64::INFINITY);
    for piece in pieces(&board) {
        let at = svg.find(&piece.markup).expect("drawn");
        let opened = svg[..at].rfind("<g").unwrap();
        assert!(
            !svg[opened..at].contains("visibility=\"hidden\""),
            "{}",
            piece.markup
        );
    }
}

#[test]
fn the_html_page_marks_each_version_with_its_span_and_shows_the_last_board() {
    let (session, timeline) = session_with(&["api", "cache", "db"]);
    let replay = SessionReplay::of(&session, &timeline).unwrap();
    let html = to_html_replay(&replay, "Shortener", &[]).unwrap();
    let spans = html.matches("<g data-t=\"").count();
    assert_eq!(spans, replay.versions.list.len());
    let lasting = replay.versions.list.iter().filter(|v| v.lasts()).count();
    let hidden = html.matches("\" visibility=\"hidden\">").count();
    assert_eq!(hidden, spans - lasting);
    // The phases and the curveball-free marks: Breadth. Focus begins as the replay
    // ends: the end is no mark.
    assert!(html.contains(">Breadth</button>"));
    assert!(!html.contains(">Focus</button>"));
    assert!(!html.contains("Curveball"));
    let starts = phase_starts(&session);
    assert_eq!(
        starts.iter().map(|s| s.phase).collect::<Vec<_>>(),
        [Phase::Requirements, Phase::Breadth, Phase::Focus]
    );
    assert_eq!(phase_at(&starts, 59_999.0), Phase::Requirements);
    assert_eq!(phase_at(&starts, 60_000.0), Phase::Breadth);
    for speed in ["1x", "2x", "4x", "8x"] {
        assert!(html.contains(&format!(">{speed}</option>")));
    }
}

#[test]
fn the_worker_writes_a_replay_named_after_the_prompt_and_the_day() {
    let (session, timeline) = session_with(&["api", "db"]);
    for (format, name, kind) in [
        (
            ReplayFormat::Html,
            "url-shortener-replay-2026-11-29.html",
            ExportFormat::ReplayHtml,
        ),
        (
            ReplayFormat::AnimatedSvg,
            "url-shortener-replay-2026-11-29.svg",
            ExportFormat::ReplaySvg,
        ),
    ] {
        let reply = handle_replay(
            ReplayJob::Export {
                session: session.clone(),
                timeline: serde_json::to_string(&timeline).unwrap(),
                title: "URL shortener".into(),
                audio: vec![],
                format,
                date: "2026-11-29".into(),
            },
            &catalog(),
        );
        let ReplayReply::Exported(file) = reply else {
            panic!("{reply:?}");
        };
        assert_eq!(file.name, name);
        assert_eq!(file.format, kind);
        assert_eq!(kind.mime(), format.mime());
        assert_eq!(
            file.content,
            export_replay(&session, &timeline, "URL shortener", &[], format).unwrap()
        );
        assert!(!ExportFormat::ALL.contains(&kind), "not a board format");
        // A board export cannot be asked for a replay.
        let job = ExportJob {
            format: kind,
            prompt: "url-shortener".into(),
            board: persist::to_json(&Board::new(), &Default::default()),
            claims: vec![],
            session: Some(session.clone()),
            date: "2026-11-29".into(),
            transparent: false,
            timeline: None,
        };
        assert!(matches!(
            handle(Request::Export(job), &catalog()),
            Reply::Failed(_)
        ));
    }
}

#[test]
fn marks_leave_out_the_start_and_the_end_and_share_a_label_when_close() {
    let start = |phase, at_ms| PhaseStart { phase, at_ms };
    let starts = [
        start(Phase::Requirements, 0.0),
        start(Phase::Breadth, 300_000.0),
        start(Phase::Depth, 900_000.0),
        start(Phase::FailureModes, 1_500_000.0),
        start(Phase::Review, 2_000_000.0),
    ];
    let mark = |at_ms, label: &str| Mark {
        at_ms,
        label: label.to_string(),
    };
    // The curveball 30 s into Failure modes: within a fiftieth of 2,000 s (40 s).
    assert_eq!(
        marks(&starts, &[1_530_000.0], 2_000_000.0),
        [
            mark(300_000.0, "Breadth"),
            mark(900_000.0, "Depth"),
            mark(1_500_000.0, "Failure modes · Curveball"),
        ]
    );
    // 50 s in: a mark of its own, in time order.
    assert_eq!(
        marks(&starts, &[1_450_000.0], 2_000_000.0)[2..],
        [
            mark(1_450_000.0, "Curveball"),
            mark(1_500_000.0, "Failure modes"),
        ]
    );
    // A board changed in Review makes the replay last longer: Review is marked.
    assert_eq!(
        marks(&starts, &[], 2_100_000.0).last(),
        Some(&mark(2_000_000.0, "Review"))
    );
}
