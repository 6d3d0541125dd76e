//! "Share a replay" (issue 17): how a timed session's board grew, as a file that plays
//! offline anywhere.
//!
//! - [`to_animated_svg`]: one standalone SVG whose pieces appear and disappear by
//!   SMIL animation, the whole session compressed into [`PLAY_MS`] (real time when
//!   shorter), the last board held for [`HOLD_MS`], then again from the start, with
//!   the session clock and the phase above the board. A viewer without SMIL shows
//!   the last board.
//! - [`to_html_replay`]: one HTML page with the same drawing driven by a small inline
//!   script: a scrubber, Play/Pause, 1x to 8x, the phase marks, the session clock, and
//!   the think-aloud recording's clips, if any, played in step with the position.
//! - [`frame_svg`] at each of [`frame_times`]: still frames of the board's growth,
//!   one size for the whole replay, which the app rasterises to PNG (a time-lapse).
//!
//! All draw the board as the board export does (`svg::pieces`' drawing functions)
//! from one list of [`Versions`]: each drawn component, route and label with the span
//! of session time it is on the board, in one frame for the whole replay. None has
//! an external reference; every text is escaped.

mod clock;
mod frame;
mod frames;
mod html;
mod smil;
mod versions;

pub use clock::{curveballs, end_ms, marks, phase_at, phase_starts, Mark, PhaseStart};
pub use frames::{
    frame_name, frame_svg, frame_times, FRAMES_README, FRAMES_README_NAME, FRAME_RATE, MAX_FRAMES,
    MIN_FRAME_STEP_MS,
};
pub use html::{script_json, to_html_replay, CONTENT_SECURITY_POLICY, PLAYER_SCRIPT};
pub use smil::{to_animated_svg, HOLD_MS, PLAY_MS};
pub use versions::{Version, Versions};

use crate::core::session::{Session, Timeline, TimelineEvent};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One clip of a think-aloud recording: consecutive clips make the recording, each
/// starting at its session time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AudioClip {
    /// Session time it starts at, in milliseconds.
    pub start_ms: f64,
    /// Its MIME type, as the recorder gave it (`audio/webm;codecs=opus`).
    pub mime: String,
    /// The recorded bytes, in standard base64.
    pub base64: String,
}

/// The files a replay is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReplayFormat {
    /// An animated SVG picture ([`to_animated_svg`]); carries no sound.
    AnimatedSvg,
    /// A self-contained HTML page with a player ([`to_html_replay`]).
    Html,
}

impl ReplayFormat {
    /// Every format, in menu order.
    pub const ALL: [ReplayFormat; 2] = [ReplayFormat::Html, ReplayFormat::AnimatedSvg];

    /// The name shown in menus.
    pub fn name(self) -> &'static str {
        match self {
            ReplayFormat::AnimatedSvg => "Animated SVG",
            ReplayFormat::Html => "HTML page",
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ReplayFormat::AnimatedSvg => "svg",
            ReplayFormat::Html => "html",
        }
    }

    /// The MIME type of the file.
    pub fn mime(self) -> &'static str {
        match self {
            ReplayFormat::AnimatedSvg => "image/svg+xml",
            ReplayFormat::Html => "text/html",
        }
    }
}

/// Why a replay could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReplayError {
    /// The session's board never changed (or the session was recorded before
    /// timelines were kept): there is nothing to play.
    NothingToReplay,
    /// An audio clip cannot be embedded safely.
    BadAudio {
        /// Its position in the list given.
        index: usize,
        /// What is wrong with it.
        why: &'static str,
    },
}

impl fmt::Display for ReplayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReplayError::NothingToReplay => f.write_str(
                "this session has no replay: its board never changed while it was timed",
            ),
            ReplayError::BadAudio { index, why } => {
                write!(f, "audio clip {} cannot be embedded: {why}", index + 1)
            }
        }
    }
}

impl std::error::Error for ReplayError {}

/// A session made ready to write as a replay: its versions and its clock.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionReplay {
    /// The board's pieces with their spans, and the frame.
    pub versions: Versions,
    /// Where each phase began.
    pub phases: Vec<PhaseStart>,
    /// When the curveball was put.
    pub curveballs: Vec<f64>,
    /// How long the session lasted, in milliseconds of session time.
    pub end_ms: f64,
}

impl SessionReplay {
    /// `session`'s replay; [`ReplayError::NothingToReplay`] when its board never
    /// changed.
    pub fn of(session: &Session, timeline: &Timeline) -> Result<SessionReplay, ReplayError> {
        let changed = timeline
            .entries()
            .iter()
            .any(|e| matches!(e.event, TimelineEvent::Board(_)));
        if !changed {
            return Err(ReplayError::NothingToReplay);
        }
        Ok(SessionReplay {
            versions: Versions::of(timeline),
            phases: phase_starts(session),
            curveballs: curveballs(timeline),
            end_ms: end_ms(session, timeline),
        })
    }
}

/// `session`'s replay as a file of `format`, titled `title` (the prompt's title).
/// `audio` is embedded in the HTML page only.
pub fn export_replay(
    session: &Session,
    timeline: &Timeline,
    title: &str,
    audio: &[AudioClip],
    format: ReplayFormat,
) -> Result<String, ReplayError> {
    let replay = SessionReplay::of(session, timeline)?;
    match format {
        ReplayFormat::AnimatedSvg => Ok(to_animated_svg(&replay, title)),
        ReplayFormat::Html => to_html_replay(&replay, title, audio),
    }
}
