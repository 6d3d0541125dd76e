//! The worker's replay jobs (issue 17), which the history module alone asks for: when
//! each checklist component first appeared on a session's board, and the replay
//! written to share (a file, or still frames for the PNG sequence). They have a
//! request and a reply enum of their own, sent in the same [`Envelope`] and
//! [`WorkerMessage`] as the app's jobs, so the app, which reads every [`Reply`],
//! carries none of their code.
//!
//! [`Envelope`]: super::Envelope
//! [`WorkerMessage`]: super::WorkerMessage
//! [`Reply`]: super::Reply

use super::{base_name, file_name, Answer, ExportFile};
use crate::core::check::{check_with, Category, Vocabulary};
use crate::core::export::replay::{
    export_replay, frame_name, frame_svg, frame_times, AudioClip, ReplayFormat, SessionReplay,
};
use crate::core::prompt::Prompt;
use crate::core::session::{first_appearances, Replay, Session, Timeline};
use serde::{Deserialize, Serialize};

/// A replay job for the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ReplayJob {
    /// When each of a prompt's components first appeared on a session's board: the
    /// check is run on the board after every change of the session's timeline.
    Appearances {
        /// Prompt id.
        prompt: String,
        /// The session's timeline, as JSON (as the history keeps it).
        timeline: String,
    },
    /// Write a timed session's replay (how its board grew) as a file that plays
    /// offline: an animated SVG, or an HTML page with a player and the think-aloud
    /// recording's clips.
    Export {
        /// The session.
        session: Session,
        /// Its timeline, as JSON (as the history keeps it).
        timeline: String,
        /// The prompt's title, shown on the replay.
        title: String,
        /// The recording's clips, consecutive, each at its session time (the HTML
        /// page only; none for no sound).
        audio: Vec<AudioClip>,
        /// The file to write.
        format: ReplayFormat,
        /// Today, `yyyy-mm-dd`, for the file name.
        date: String,
    },
    /// Draw a timed session's replay as still frames, a time-lapse of how its board
    /// grew ([`frame_times`]): one static SVG a frame, all of one size, which the app
    /// rasterises to PNG and packs into one ZIP archive.
    Frames {
        /// The session.
        session: Session,
        /// Its timeline, as JSON (as the history keeps it).
        timeline: String,
        /// The prompt's title, shown on every frame.
        title: String,
        /// Today, `yyyy-mm-dd`, for the folder's name.
        date: String,
    },
}

impl ReplayJob {
    /// The prompt this job needs whole (first appearances).
    pub fn prompt(&self) -> Option<&str> {
        match self {
            ReplayJob::Appearances { prompt, .. } => Some(prompt),
            _ => None,
        }
    }
}

/// One still frame of a replay.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReplayFrame {
    /// Its PNG file's name, `frame-0001-00m00s.png`: numbered from 1, then the session
    /// time it shows; the names sort in time order ([`frame_name`]).
    pub name: String,
    /// The session time it shows, in milliseconds.
    pub at_ms: f64,
    /// The board then, as a standalone SVG to rasterise ([`frame_svg`]).
    pub svg: String,
}

/// A checklist component's first appearance on a session's board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Appearance {
    /// The checklist item's key.
    pub key: String,
    /// Its title ("Cache").
    pub title: String,
    /// Session time it was first found at, in milliseconds.
    pub at_ms: f64,
}

/// The worker's answer to a replay job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ReplayReply {
    /// The prompt's components in the order they first appeared on the board (those
    /// never found are left out).
    Appeared(Vec<Appearance>),
    /// A replay's still frames.
    Frames {
        /// The folder the frames go in, and with `.zip` the archive's name:
        /// `<prompt>-replay-frames-<yyyy-mm-dd>`.
        folder: String,
        /// The frames, in time order; the last shows the final board.
        frames: Vec<ReplayFrame>,
    },
    /// A replay written as a file.
    Exported(ExportFile),
    /// Why the job could not be done, for the user.
    Failed(String),
}

impl Answer for ReplayReply {
    fn failure(self) -> Option<String> {
        match self {
            ReplayReply::Failed(why) => Some(why),
            _ => None,
        }
    }
}

/// Does one replay job with `prompts` as the library, reading the checker's
/// vocabulary for it alone (a worker calls [`handle_replay_with`]).
pub fn handle_replay(job: ReplayJob, prompts: &[Prompt]) -> ReplayReply {
    handle_replay_with(job, prompts, &Vocabulary::bundled())
}

/// [`handle_replay`] with the checker's vocabulary already read.
pub fn handle_replay_with(
    job: ReplayJob,
    prompts: &[Prompt],
    vocabulary: &Vocabulary,
) -> ReplayReply {
    match job {
        ReplayJob::Appearances { prompt, timeline } => {
            let Some(prompt) = prompts.iter().find(|p| p.id == prompt) else {
                return ReplayReply::Failed(format!("the prompt \"{prompt}\" could not be loaded"));
            };
            with_timeline(&timeline, |t| {
                ReplayReply::Appeared(appearances(prompt, t, vocabulary))
            })
        }
        ReplayJob::Export {
            session,
            timeline,
            title,
            audio,
            format,
            date,
        } => with_timeline(&timeline, |t| {
            replay(&session, t, &title, &audio, format, &date)
        }),
        ReplayJob::Frames {
            session,
            timeline,
            title,
            date,
        } => with_timeline(&timeline, |t| frames(&session, t, &title, &date)),
    }
}

/// `then`'s reply on the timeline `json` holds, or why it could not be read.
fn with_timeline(json: &str, then: impl FnOnce(&Timeline) -> ReplayReply) -> ReplayReply {
    match serde_json::from_str::<Timeline>(json) {
        Ok(timeline) => then(&timeline),
        Err(e) => ReplayReply::Failed(format!("the timeline could not be read: {e}")),
    }
}

/// The start of a replay's file names: `<prompt>-replay` (`session-replay` when the
/// session names no prompt).
fn replay_stem(session: &Session) -> String {
    let prompt = if session.prompt_id.is_empty() {
        "session"
    } else {
        session.prompt_id.as_str()
    };
    format!("{prompt}-replay")
}

/// Writes a session's replay, named `<prompt>-replay-<date>.<ext>`.
fn replay(
    session: &Session,
    timeline: &Timeline,
    title: &str,
    audio: &[AudioClip],
    format: ReplayFormat,
    date: &str,
) -> ReplayReply {
    match export_replay(session, timeline, title, audio, format) {
        Ok(content) => ReplayReply::Exported(ExportFile {
            format: format.into(),
            name: file_name(&replay_stem(session), date, format.extension()),
            content,
        }),
        Err(e) => ReplayReply::Failed(e.to_string()),
    }
}

/// Draws a session's replay as still frames, in the folder
/// `<prompt>-replay-frames-<date>`.
fn frames(session: &Session, timeline: &Timeline, title: &str, date: &str) -> ReplayReply {
    match SessionReplay::of(session, timeline) {
        Ok(replay) => ReplayReply::Frames {
            folder: base_name(&format!("{}-frames", replay_stem(session)), date),
            frames: frame_times(replay.end_ms)
                .into_iter()
                .enumerate()
                .map(|(i, at_ms)| ReplayFrame {
                    name: frame_name(i, at_ms),
                    at_ms,
                    svg: frame_svg(&replay, title, at_ms),
                })
                .collect(),
        },
        Err(e) => ReplayReply::Failed(e.to_string()),
    }
}

/// When each of `prompt`'s components was first found on the board of `timeline`.
fn appearances(prompt: &Prompt, timeline: &Timeline, vocabulary: &Vocabulary) -> Vec<Appearance> {
    let replay = Replay::new(timeline);
    let mut titles: Vec<(String, String)> = Vec::new();
    let found = first_appearances(&replay, |board| {
        let report = check_with(board, prompt, &[], vocabulary);
        report
            .items
            .into_iter()
            .filter(|i| i.category == Category::Components && i.found)
            .map(|i| {
                if !titles.iter().any(|(k, _)| *k == i.key) {
                    titles.push((i.key.clone(), i.title));
                }
                i.key
            })
            .collect()
    });
    found
        .into_iter()
        .map(|(key, at_ms)| Appearance {
            title: titles
                .iter()
                .find(|(k, _)| *k == key)
                .map_or_else(String::new, |(_, t)| t.clone()),
            key,
            at_ms,
        })
        .collect()
}
