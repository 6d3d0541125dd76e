//! The replay as one animated SVG. Every version is shown by a discrete SMIL
//! `<animate>` of its `visibility` over one loop of the whole replay
//! (`values`/`keyTimes`, `repeatCount="indefinite"`): the session compressed into
//! [`PLAY_MS`] (real time when it was shorter), then the last board held for
//! [`HOLD_MS`], then again from the start. All the animations share one start and one
//! duration, so they stay in step without referring to one another.
//!
//! Above the board, the band of every replay picture ([`Frame`]) shows the title, the
//! session clock with the phase ("12:30 · Breadth", one text per stretch, also
//! animated) and a progress bar with a tick where each phase began. The versions on the last board are visible by
//! default and the others hidden, so a viewer without SMIL shows the last board.

use super::frame::Frame;
use super::SessionReplay;
use crate::core::decimal::{dec, Decimal};
use std::fmt::Write;

/// How long the session plays, at most: a longer one is compressed into this.
pub const PLAY_MS: f64 = 40_000.0;
/// How long the last board is held before the replay starts again.
pub const HOLD_MS: f64 = 4_000.0;
/// Key times are written in millionths of the loop.
const KEY_UNITS: f64 = 1_000_000.0;
/// At most this many clock texts: the clock steps by the first of [`CLOCK_STEPS_MS`]
/// that keeps within it.
const MAX_CLOCK_TEXTS: f64 = 120.0;
/// The steps the clock may move by, in milliseconds.
const CLOCK_STEPS_MS: [f64; 10] = [
    1_000.0,
    5_000.0,
    10_000.0,
    15_000.0,
    30_000.0,
    60_000.0,
    120_000.0,
    300_000.0,
    600_000.0,
    1_800_000.0,
];

/// Session time mapped onto one loop of the animation.
struct Loop {
    /// Millionths of the loop per millisecond of session time.
    scale: f64,
    /// The loop's duration, as an SMIL clock value.
    dur: String,
}

impl Loop {
    fn new(end_ms: f64) -> Loop {
        let play = end_ms.min(PLAY_MS);
        let total = play + HOLD_MS;
        Loop {
            scale: if end_ms > 0.0 {
                play / end_ms / total * KEY_UNITS
            } else {
                0.0
            },
            dur: format!("{}ms", total.round()),
        }
    }

    /// Where `at_ms` of session time falls in the loop, in millionths.
    fn key(&self, at_ms: f64) -> u64 {
        (at_ms * self.scale).round().clamp(0.0, KEY_UNITS) as u64
    }

    /// Writes `inner` shown from `from` until `to` (millionths of the loop; `None`:
    /// until the loop ends). Nothing when the span is shorter than a key unit.
    fn timed(&self, out: &mut String, from: u64, to: Option<u64>, inner: &str) {
        let key = |k: u64| Decimal::places(k as f64 / KEY_UNITS, 6);
        let (hidden, values, times) = match to {
            None if from == 0 => {
                out.push_str(inner);
                return;
            }
            None => (false, "hidden;visible", format!("0;{}", key(from))),
            Some(to) if to <= from => return,
            Some(to) if from == 0 => (true, "visible;hidden", format!("0;{}", key(to))),
            Some(to) => (
                true,
                "hidden;visible;hidden",
                format!("0;{};{}", key(from), key(to)),
            ),
        };
        let _ = write!(
            out,
            "<g{}><animate attributeName=\"visibility\" calcMode=\"discrete\" values=\"{values}\" \
             keyTimes=\"{times}\" dur=\"{}\" repeatCount=\"indefinite\"/>{inner}</g>",
            if hidden { " visibility=\"hidden\"" } else { "" },
            self.dur
        );
    }
}

/// The replay as an animated SVG titled `title` (escaped), framed on the whole
/// replay's extent with a band above for the clock.
pub fn to_animated_svg(replay: &SessionReplay, title: &str) -> String {
    let frame = Frame::of(replay);
    let timing = Loop::new(replay.end_ms);
    let mut out = String::with_capacity(256 * replay.versions.list.len() + 4096);
    frame.open(&mut out, title);
    band(&mut out, replay, &timing, &frame);
    for v in &replay.versions.list {
        let to = (!v.lasts()).then(|| timing.key(v.to_ms));
        timing.timed(&mut out, timing.key(v.from_ms), to, &v.piece.markup);
    }
    out.push_str("</svg>");
    out
}

/// What moves in the band: the clock and the phase, the progress bar.
fn band(out: &mut String, replay: &SessionReplay, timing: &Loop, frame: &Frame) {
    // The clock and the phase: one text per stretch between clock steps and phase
    // starts; the last (the end) through the hold.
    let end = replay.end_ms;
    let step = CLOCK_STEPS_MS
        .into_iter()
        .find(|s| end / s <= MAX_CLOCK_TEXTS)
        .unwrap_or(3_600_000.0);
    let mut stops: Vec<f64> = (0..)
        .map(|k| k as f64 * step)
        .take_while(|t| *t < end)
        .chain(replay.phases.iter().map(|p| p.at_ms).filter(|t| *t < end))
        .collect();
    stops.push(end);
    stops.sort_by(f64::total_cmp);
    stops.dedup();
    for (i, at) in stops.iter().enumerate() {
        let to = stops.get(i + 1).map(|t| timing.key(*t));
        timing.timed(out, timing.key(*at), to, &frame.clock(replay, *at));
    }
    // Progress: a bar filling its track while the session plays, full in the hold.
    let w = dec(frame.track().w);
    let fill = format!(
        "<animate attributeName=\"width\" values=\"0;{w};{w}\" keyTimes=\"0;{p};1\" \
         dur=\"{dur}\" repeatCount=\"indefinite\"/>",
        p = Decimal::places(timing.key(end) as f64 / KEY_UNITS, 6),
        dur = timing.dur,
    );
    frame.progress(out, replay, frame.track().w, &fill);
}
