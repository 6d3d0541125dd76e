//! The replay as still frames, a time-lapse of how the board grew: the app rasterises
//! each frame's SVG to a PNG and packs them into one ZIP archive, which makes a video
//! ([`FRAMES_README`]).
//!
//! Frames come at equal steps of session time, from the start to the end
//! ([`frame_times`]): at most [`MAX_FRAMES`] (a 30-second video at [`FRAME_RATE`]),
//! never closer than [`MIN_FRAME_STEP_MS`] (a short session gets fewer frames), and
//! the last at the end, so the last frame is the final board. A board that lasted
//! less than a step may fall between two frames. Equal steps keep the video's time even: a
//! quiet stretch of the session is a still stretch of the video.
//!
//! Each frame ([`frame_svg`]) is a static SVG of the board at its instant in the one
//! frame of the whole replay, with the animated SVG's band ([`Frame`]) stopped at that
//! instant: the clock and the phase then, the progress bar filled so far.

use super::frame::Frame;
use super::SessionReplay;

/// At most this many frames: 30 seconds of video at [`FRAME_RATE`].
pub const MAX_FRAMES: usize = 240;
/// Frames are at least this far apart in session time, in milliseconds.
pub const MIN_FRAME_STEP_MS: f64 = 1_000.0;
/// The frame rate the archive's read-me suggests, in frames per second.
pub const FRAME_RATE: u32 = 8;
/// The name of the read-me in the archive.
pub const FRAMES_README_NAME: &str = "README.txt";
/// The read-me put next to the frames: what they are and how to make a video of
/// them. ffmpeg's H.264 encoder wants even sizes in the usual pixel format (the one
/// browsers and phones play), hence the padding to even.
pub const FRAMES_README: &str = "The frames of a practice session's replay, in time order: \
the board at equal steps of session time, from the start to the end.\n\
Each file's name says its place and its session time (frame-0031-02m15s.png: the 31st frame, 2 minutes 15 seconds in).\n\n\
To make a video of them at 8 frames a second with ffmpeg, in this folder:\n\n\
ffmpeg -framerate 8 -pattern_type glob -i 'frame-*.png' \
-vf 'pad=ceil(iw/2)*2:ceil(ih/2)*2' -pix_fmt yuv420p replay.mp4\n";

/// The instants of a session lasting `end_ms` to draw as frames, in session
/// milliseconds: `0, s, 2s, ...` up to `end_ms` itself, at equal steps `s` of at least
/// [`MIN_FRAME_STEP_MS`], at most [`MAX_FRAMES`] of them. A session shorter than a
/// step (or an end that is not a time) has one frame, at its end.
pub fn frame_times(end_ms: f64) -> Vec<f64> {
    let end = if end_ms.is_finite() {
        end_ms.max(0.0)
    } else {
        0.0
    };
    let count = ((end / MIN_FRAME_STEP_MS).floor() as usize).saturating_add(1);
    let count = count.min(MAX_FRAMES);
    if count == 1 {
        return vec![end];
    }
    let step = end / (count - 1) as f64;
    let mut times: Vec<f64> = (0..count - 1).map(|k| k as f64 * step).collect();
    // The last exactly at the end (not a rounding below it), so it shows the final
    // board.
    times.push(end);
    times
}

/// The file name of the frame at `index` (from 0) of `at_ms`: `frame-0001-00m00s.png`,
/// the number and the session time ("12m30s", rounded as the clock is). Numbered, so
/// names sort in time order.
pub fn frame_name(index: usize, at_ms: f64) -> String {
    let secs = (at_ms.max(0.0) / 1000.0).round() as u64;
    format!(
        "frame-{:04}-{:02}m{:02}s.png",
        index + 1,
        secs / 60,
        secs % 60
    )
}

/// The board at `at_ms` of `replay` as a standalone static SVG titled `title`
/// (escaped): the pieces on the board then, in paint order, in the whole replay's
/// frame with the band showing the clock and the phase then and the progress so far.
pub fn frame_svg(replay: &SessionReplay, title: &str, at_ms: f64) -> String {
    let frame = Frame::of(replay);
    let shown: Vec<&str> = replay
        .versions
        .shown_at(at_ms)
        .map(|p| p.markup.as_str())
        .collect();
    let mut out = String::with_capacity(shown.iter().map(|m| m.len()).sum::<usize>() + 4096);
    frame.open(&mut out, title);
    out.push_str(&frame.clock(replay, at_ms));
    let end = replay.end_ms;
    let share = if end > 0.0 {
        (at_ms / end).clamp(0.0, 1.0)
    } else {
        1.0
    };
    frame.progress(&mut out, replay, frame.track().w * share, "");
    for markup in shown {
        out.push_str(markup);
    }
    out.push_str("</svg>");
    out
}
