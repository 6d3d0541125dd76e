//! "Share a replay" (issue 17): a session's timeline as versions of drawn pieces
//! that show, at every instant, exactly the board of that instant in the board
//! export's paint order; the animated SVG and the HTML page made from them are safe
//! with hostile labels and titles, reference nothing outside themselves, carry sound
//! only when given, and a session whose board never changed has no replay. Through
//! the worker protocol, a replay file is named after the prompt and the day.

mod common;

use breadthfirst::core::diagram::{
    Board, Command, ComponentId, ComponentKind, NoteField, Point, Rect,
};
use breadthfirst::core::export::replay::{
    export_replay, marks, phase_at, phase_starts, script_json, to_animated_svg, to_html_replay,
    AudioClip, Mark, PhaseStart, ReplayError, ReplayFormat, SessionReplay, Versions,
    CONTENT_SECURITY_POLICY, HOLD_MS, PLAYER_SCRIPT, PLAY_MS,
};
use breadthfirst::core::export::svg::{pieces, Layer, Piece};
use breadthfirst::core::persist;
use breadthfirst::core::prompt::catalog;
use breadthfirst::core::protocol::{handle, ExportFormat, ExportJob, Reply, Request};
use breadthfirst::core::session::{
    Phase, Replay, Session, SessionEvent, SessionPlan, Timeline, TimelineEvent,
};
use common::{add_named, connect_labelled, Rng};
use sha2::{Digest, Sha256};

/// Labels that try to leave their element, their attribute or the script.
const HOSTILE: [&str; 6] = [
    "</script><script>alert(1)</script>",
    "\" onload=\"alert(2)",
    "Tom & Jerry's <b>",
    "line\u{2028}sep\u{2029}arator",
    "<!-- <svg onload=x>",
    "<foreignObject><a href=\"http://evil\">",
];

/// A random command fitting `board`; labels are sometimes hostile.
fn random_command(rng: &mut Rng, board: &Board) -> Command {
    let ids: Vec<ComponentId> = board.components().iter().map(|c| c.id).collect();
    let label = |rng: &mut Rng| match rng.below(3) {
        0 => HOSTILE[rng.below(HOSTILE.len())].to_string(),
        _ => format!("box {}", rng.below(100)),
    };
    let choice = if ids.len() < 2 { 0 } else { rng.below(13) };
    let pick = |rng: &mut Rng| ids[rng.below(ids.len())];
    let kind = |rng: &mut Rng| ComponentKind::ALL[rng.below(ComponentKind::ALL.len())];
    let coord = |rng: &mut Rng| rng.below(1_200) as f64 - 400.0;
    match choice {
        0 | 1 => Command::AddComponent {
            kind: kind(rng),
            at: Point::new(coord(rng), coord(rng)),
            label: Some(label(rng)),
        },
        2 | 3 => Command::MoveComponents {
            ids: vec![pick(rng)],
            by: Point::new(rng.below(80) as f64 - 40.0, rng.below(80) as f64 - 40.0),
        },
        4 => Command::RenameComponent {
            id: pick(rng),
            label: label(rng),
        },
        5 => Command::SetNote {
            id: pick(rng),
            field: NoteField::Details,
            text: label(rng),
        },
        6 => Command::ChangeKind {
            id: pick(rng),
            kind: kind(rng),
        },
        7 => Command::ResizeComponent {
            id: pick(rng),
            rect: Rect::new(
                coord(rng),
                coord(rng),
                60.0 + rng.below(300) as f64,
                40.0 + rng.below(200) as f64,
            ),
        },
        8 | 9 => Command::ConnectComponents {
            from: pick(rng),
            to: pick(rng),
            label: if rng.below(2) == 0 {
                String::new()
            } else {
                label(rng)
            },
        },
        10 => match board.arrows().first() {
            Some(a) => Command::LabelArrow {
                id: a.id,
                label: label(rng),
            },
            None => Command::RenameComponent {
                id: pick(rng),
                label: label(rng),
            },
        },
        11 => match board.arrows().last() {
            Some(a) => Command::SetArrowStraight {
                id: a.id,
                straight: !a.straight,
            },
            None => Command::Group {
                ids: vec![pick(rng), pick(rng)],
            },
        },
        _ => Command::DeleteElements {
            components: vec![pick(rng)],
            arrows: board.arrows().iter().take(1).map(|a| a.id).collect(),
        },
    }
}

/// `board` with its components in another paint order (as a restore of a file
/// written in another order gives): reversed, or the first brought to the top.
fn reordered(board: &Board, rng: &mut Rng) -> Board {
    let mut doc: serde_json::Value =
        serde_json::from_str(&persist::to_json(board, &Default::default())).unwrap();
    let list = doc["board"]["components"].as_array_mut().unwrap();
    if rng.below(2) == 0 {
        list.reverse();
    } else if !list.is_empty() {
        let first = list.remove(0);
        list.push(first);
    }
    persist::from_json(&doc.to_string()).unwrap().board
}

/// A random timeline of `steps` steps (undo jumps, reorders, several changes at one
/// instant), and the time of its last step.
fn random_timeline(seed: u64, steps: usize) -> (Timeline, f64) {
    let mut rng = Rng::new(seed);
    let mut board = Board::new();
    let mut states = vec![board.clone()];
    let mut timeline = Timeline::default();
    let mut now = 0.0;
    for _ in 0..steps {
        // One step in four comes at the same instant as the one before.
        if rng.below(4) != 0 {
            now += rng.below(5_000) as f64 + 0.5;
        }
        let before = board.clone();
        match rng.below(25) {
            0 => board = states[rng.below(states.len())].clone(),
            1 => board = reordered(&board, &mut rng),
            _ => {
                let command = random_command(&mut rng, &board);
                let _ = board.apply(command);
            }
        }
        if timeline.record_board(now, &before, &board) {
            states.push(board.clone());
        }
    }
    (timeline, now)
}

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

/// A session on the URL shortener: Requirements for a minute, then Breadth, in
/// which the board grows one box a minute, with `labels` as the boxes' names; ends
/// by time in Focus.
fn session_with(labels: &[&str]) -> (Session, Timeline) {
    let mut session = Session::start("url-shortener", SessionPlan::default(), 0.0, 2);
    let mut timeline = Timeline::default();
    let mut board = Board::new();
    session.handle(SessionEvent::Next, 60_000.0, &board);
    let mut ids = Vec::new();
    for (k, label) in labels.iter().enumerate() {
        let before = board.clone();
        ids.push(add_named(&mut board, ComponentKind::Service, label));
        if k > 0 {
            connect_labelled(&mut board, ids[k - 1], ids[k], label);
        }
        assert!(timeline.record_board(60_000.0 * (k + 2) as f64, &before, &board));
    }
    // Breadth runs out; Focus begins.
    session.handle(SessionEvent::Tick, 10_000_000.0, &board);
    assert_eq!(session.phase(), Phase::Focus);
    (session, timeline)
}

/// The text of the HTML page's JSON data block.
fn data_block(html: &str) -> &str {
    let open = "<script type=\"application/json\" id=\"replay-data\">";
    let start = html.find(open).expect("a data block") + open.len();
    let len = html[start..].find("</script>").expect("closed");
    &html[start..start + len]
}

/// Fails when `doc` reaches outside itself or could run anything but the player.
fn assert_self_contained(doc: &str) {
    for forbidden in [
        "href=\"http",
        "src=\"http",
        "url(http",
        // Any attribute spelling (in text, the quotes are escaped).
        "href=\"",
        "href='",
        "src=\"",
        "src='",
        "<foreignObject",
        "<iframe",
        "<img",
        "<link",
        "<a ",
        "javascript:",
        "onload=\"",
        "onerror=\"",
        "onclick=\"",
        "@import",
    ] {
        assert!(!doc.contains(forbidden), "{forbidden} found");
    }
    // The only `url(` is the in-document arrowhead.
    assert_eq!(
        doc.matches("url(").count(),
        doc.matches("url(#head)").count()
    );
    // Every element and attribute is one the writers write: text never makes one.
    const ELEMENTS: &str = "svg title defs marker path rect text tspan g animate html head meta \
        style body main h1 figure div button label select option input output ol li script";
    let tags = tags(doc);
    assert!(tags.len() > 20, "the scanner reads the document");
    for (name, attributes) in tags {
        assert!(ELEMENTS.split_whitespace().any(|e| e == name), "<{name}>");
        for a in attributes {
            assert!(!a.starts_with("on"), "{a} on <{name}>");
            assert!(!["href", "xlink:href", "src", "action", "formaction"].contains(&a.as_str()));
        }
    }
}

/// Every start tag of `doc` (past `<!DOCTYPE>`, end tags and the contents of `script`
/// and `style`): its name and its attributes' names.
fn tags(doc: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = doc;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if rest.starts_with('/') || rest.starts_with('!') {
            continue;
        }
        let end = rest.find('>').expect("a tag ends");
        let tag = rest[..end].trim_end_matches('/');
        let name = tag
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        // Attribute values are quoted and never hold a quote.
        let mut attributes = Vec::new();
        let mut inside = tag[name.len()..].trim_start();
        while !inside.is_empty() {
            let stop = inside.find(['=', ' ']).unwrap_or(inside.len());
            attributes.push(inside[..stop].to_string());
            inside = &inside[stop..];
            if let Some(value) = inside.strip_prefix("=\"") {
                let close = value.find('"').expect("a value ends");
                inside = &value[close + 1..];
            }
            inside = inside.trim_start();
        }
        rest = &rest[end + 1..];
        if name == "script" || name == "style" {
            let close = rest.find(&format!("</{name}>")).expect("closed");
            rest = &rest[close..];
        }
        out.push((name, attributes));
    }
    out
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
    let reply = handle(
        Request::ExportReplay {
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
        Reply::Failed(ReplayError::NothingToReplay.to_string())
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
        let reply = handle(
            Request::ExportReplay {
                session: session.clone(),
                timeline: serde_json::to_string(&timeline).unwrap(),
                title: "URL shortener".into(),
                audio: vec![],
                format,
                date: "2026-11-29".into(),
            },
            &catalog(),
        );
        let Reply::Exported(file) = reply else {
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
