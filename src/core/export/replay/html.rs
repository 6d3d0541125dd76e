//! The replay as one self-contained HTML page: the board drawn as the board export
//! draws it, every version a `<g data-t="from to">` (session milliseconds), shown and
//! hidden by [`PLAYER_SCRIPT`] as the scrubber moves or Play runs; the phase marks as
//! buttons under the scrubber; the sound clips, if any, in a JSON data block.
//!
//! Safety: user text (the title, labels) is only ever escaped markup; the data block
//! is JSON with `<`, `>`, `&`, U+2028 and U+2029 escaped ([`script_json`]), read with
//! `JSON.parse`, and holds no user text but the clips' checked MIME types. The
//! page's [`CONTENT_SECURITY_POLICY`] fetches nothing (`default-src 'none'`), runs
//! only the player (its SHA-256, not `'unsafe-inline'`, so an injected script would
//! not run either), allows the inline styles, and plays sound from `data:` URLs.
//! Without script the page shows the last board.

use super::clock::phase_at;
use super::{AudioClip, ReplayError, SessionReplay};
use crate::core::decimal::dec;
use crate::core::diagram::escape_markup;
use crate::core::export::svg::{fill_area, open, ARROWHEAD};
use crate::core::history::clock;
use serde::Serialize;
use std::fmt::Write;

/// The player, run inline (its hash is in the page's policy).
pub const PLAYER_SCRIPT: &str = include_str!("player.js");

/// The page's style sheet.
const STYLE: &str = include_str!("page.css");

/// The page's Content Security Policy: nothing fetched, no plugin, no form, no base
/// URL; only the player runs (by its hash); inline styles (the marks' positions);
/// sound from `data:` URLs. A test checks the hash against [`PLAYER_SCRIPT`].
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; \
     script-src 'sha256-ZQLEaiz7Him/2LvMnldo3IDJ0SqODJ+r1uFHIsAmLzI='; \
     style-src 'unsafe-inline'; media-src data:; base-uri 'none'; form-action 'none'";

/// Playback speeds offered.
const SPEEDS: [u32; 4] = [1, 2, 4, 8];

/// What the player reads from the data block.
#[derive(Serialize)]
struct Data<'a> {
    /// The session's length, in milliseconds.
    end: f64,
    /// Where each phase began.
    phases: Vec<PhaseData>,
    /// The sound clips, in time order.
    audio: Vec<ClipData<'a>>,
}

#[derive(Serialize)]
struct PhaseData {
    name: &'static str,
    at: f64,
}

#[derive(Serialize)]
struct ClipData<'a> {
    start: f64,
    mime: String,
    data: &'a str,
}

/// `value` as JSON that is safe inside an HTML `<script>` element: `<`, `>` and `&`
/// (so no `</script>` or `<!--`) and U+2028/U+2029 are written as `\u` escapes.
/// Those characters occur in JSON only inside strings, where the escapes mean the
/// same.
pub fn script_json<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The replay as an HTML page titled `title`, with `audio`'s clips (none: no sound
/// control). Fails on a clip that cannot be embedded safely.
pub fn to_html_replay(
    replay: &SessionReplay,
    title: &str,
    audio: &[AudioClip],
) -> Result<String, ReplayError> {
    let clips = clips(audio)?;
    let end = replay.end_ms;
    let title = title.trim();
    let heading = escape_markup(if title.is_empty() { "Replay" } else { title });
    let data = Data {
        end,
        phases: replay
            .phases
            .iter()
            .map(|p| PhaseData {
                name: p.phase.name(),
                at: p.at_ms,
            })
            .collect(),
        audio: clips,
    };
    let mut out = String::with_capacity(256 * replay.versions.list.len() + 8192);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{heading}: replay</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{heading}</h1>\n<figure>"
    );
    board(&mut out, replay);
    let _ = write!(
        out,
        "</figure>\n<div class=\"controls\">\n<button type=\"button\" id=\"play\">Play</button>\n\
         <label>Speed <select id=\"speed\">"
    );
    for s in SPEEDS {
        let _ = write!(out, "<option value=\"{s}\">{s}x</option>");
    }
    out.push_str("</select></label>\n");
    if !data.audio.is_empty() {
        out.push_str("<label><input type=\"checkbox\" id=\"sound\" checked> Sound</label>\n");
    }
    let _ = write!(
        out,
        "<output id=\"clock\">{} of {} · {}</output>\n</div>\n<div class=\"track\">\n\
         <input type=\"range\" id=\"scrub\" min=\"0\" max=\"{e}\" step=\"any\" value=\"{e}\" \
         aria-label=\"Position in the session\">\n<ol class=\"marks\">",
        clock(end),
        clock(end),
        phase_at(&replay.phases, end).name(),
        e = dec(end),
    );
    marks(&mut out, replay);
    let _ = write!(
        out,
        "</ol>\n</div>\n</main>\n<script type=\"application/json\" id=\"replay-data\">{}</script>\n\
         <script>{PLAYER_SCRIPT}</script>\n</body>\n</html>\n",
        script_json(&data)
    );
    Ok(out)
}

/// The board: every version in a `<g>` with its span; those not on the last board
/// hidden.
fn board(out: &mut String, replay: &SessionReplay) {
    let area = replay.versions.area;
    open(out, &area);
    out.push_str("<title>The board as it grew</title>");
    out.push_str(ARROWHEAD);
    fill_area(out, &area, "#ffffff");
    for v in &replay.versions.list {
        if v.lasts() {
            let _ = write!(out, "<g data-t=\"{}\">", dec(v.from_ms));
        } else {
            let _ = write!(
                out,
                "<g data-t=\"{} {}\" visibility=\"hidden\">",
                dec(v.from_ms),
                dec(v.to_ms)
            );
        }
        out.push_str(&v.piece.markup);
        out.push_str("</g>");
    }
    out.push_str("</svg>");
}

/// The marks under the scrubber: each phase after the first, and the curveball.
fn marks(out: &mut String, replay: &SessionReplay) {
    let end = replay.end_ms.max(1.0);
    for mark in super::clock::marks(&replay.phases, &replay.curveballs, replay.end_ms) {
        let share = mark.at_ms / end;
        // A mark near the end has its label on its left, inside the track.
        let _ = write!(
            out,
            "<li{} style=\"left:{}%\"><button type=\"button\" data-at=\"{}\">{}</button></li>",
            if share > 0.8 { " class=\"late\"" } else { "" },
            dec(share * 100.0),
            dec(mark.at_ms),
            escape_markup(&mark.label)
        );
    }
}

/// The clips checked and in time order: a start that is a time, a MIME type of
/// sound (spaces dropped; letters, digits and `/+.;=_-` only, so the `data:` URL
/// stays one URL) and standard base64.
fn clips(audio: &[AudioClip]) -> Result<Vec<ClipData<'_>>, ReplayError> {
    let mut out = Vec::with_capacity(audio.len());
    for (index, clip) in audio.iter().enumerate() {
        let bad = |why| ReplayError::BadAudio { index, why };
        if !clip.start_ms.is_finite() || clip.start_ms < 0.0 {
            return Err(bad("its start is not a session time"));
        }
        let mime: String = clip.mime.chars().filter(|c| *c != ' ').collect();
        let allowed = |c: char| c.is_ascii_alphanumeric() || "/+.;=_-".contains(c);
        if !mime.to_ascii_lowercase().starts_with("audio/") || !mime.chars().all(allowed) {
            return Err(bad("its type is not a sound's"));
        }
        let base64 = |c: char| c.is_ascii_alphanumeric() || "+/=".contains(c);
        if clip.base64.is_empty() || !clip.base64.chars().all(base64) {
            return Err(bad("its data is not base64"));
        }
        out.push(ClipData {
            start: clip.start_ms,
            mime,
            data: &clip.base64,
        });
    }
    out.sort_by(|a, b| a.start.total_cmp(&b.start));
    Ok(out)
}
