//! A think-aloud recording (issue 17): what is known of the audio a timed session
//! recorded, kept beside its chunks in IndexedDB. A recording is one or more
//! segments: one per start of the recorder (a reload mid-session starts a new one),
//! each with the session time it began at, so the replay plays the right one at any
//! moment. Pauses of the session pause the recorder, so a segment's audio time runs
//! with session time.

use super::transcript::Transcript;
use serde::{Deserialize, Serialize};

/// One run of the recorder.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    /// Session time it began at, in milliseconds.
    pub start_ms: f64,
    /// The audio's type as the browser recorded it ("audio/webm;codecs=opus").
    pub mime: String,
    /// Chunks stored.
    pub chunks: u32,
    /// Bytes stored.
    pub bytes: u64,
    /// Audio recorded, in milliseconds (pauses left out).
    pub duration_ms: f64,
}

/// A session's recording.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Recording {
    /// The session's attempt id.
    pub id: String,
    /// The prompt practised.
    pub prompt: String,
    /// Its segments, in the order recorded.
    pub segments: Vec<Segment>,
    /// What was said, when the browser could recognise it on this device.
    #[serde(default)]
    pub transcript: Transcript,
}

impl Recording {
    /// A recording as IndexedDB keeps it (JSON), read once here for every reader.
    pub fn from_json(text: &str) -> Result<Recording, String> {
        serde_json::from_str(text).map_err(|e| format!("the recording cannot be read ({e})"))
    }

    /// The recording as IndexedDB keeps it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Starts a new segment at `start_ms` of session time; its number.
    pub fn begin(&mut self, start_ms: f64, mime: &str) -> usize {
        self.segments.push(Segment {
            start_ms,
            mime: mime.to_string(),
            ..Segment::default()
        });
        self.segments.len() - 1
    }

    /// Counts a chunk of `bytes` stored for segment `n`, whose audio now lasts
    /// `duration_ms`.
    pub fn add_chunk(&mut self, n: usize, bytes: u64, duration_ms: f64) {
        if let Some(s) = self.segments.get_mut(n) {
            s.chunks += 1;
            s.bytes += bytes;
            s.duration_ms = s.duration_ms.max(duration_ms);
        }
    }

    /// Bytes stored in all.
    pub fn bytes(&self) -> u64 {
        self.segments.iter().map(|s| s.bytes).sum()
    }

    /// Audio recorded in all, in milliseconds.
    pub fn duration_ms(&self) -> f64 {
        self.segments.iter().map(|s| s.duration_ms).sum()
    }

    /// The segment that was recording at `at_ms` of session time, and how far into
    /// its audio that moment is; `None` in a gap (before the first, after a segment
    /// ended and before the next began).
    pub fn at(&self, at_ms: f64) -> Option<(usize, f64)> {
        let (n, s) = self
            .segments
            .iter()
            .enumerate()
            .rev()
            .find(|(_, s)| s.start_ms <= at_ms)?;
        let offset = at_ms - s.start_ms;
        (offset < s.duration_ms).then_some((n, offset))
    }
}

/// The key a chunk is stored under: the recording, the segment and the chunk's
/// number, zero-padded so keys sort in recording order.
pub fn chunk_key(id: &str, segment: usize, chunk: u32) -> String {
    format!("{id}/{segment:03}/{chunk:06}")
}

/// Bounds of the keys of a segment's chunks (a key range): its first chunk's, and one
/// after every chunk number (`~` sorts after the digits).
pub fn segment_keys(id: &str, segment: usize) -> (String, String) {
    (chunk_key(id, segment, 0), format!("{id}/{segment:03}/~"))
}

/// Bytes in words, decimal units: "830 KB", "1.4 MB", "12.5 GB".
pub fn size_text(bytes: u64) -> String {
    let tenths = |unit: u64| (bytes + unit / 20) / (unit / 10);
    if bytes < 1_000_000 {
        format!("{} KB", bytes.div_ceil(1_000))
    } else if bytes < 1_000_000_000 {
        let t = tenths(1_000_000);
        format!("{}.{} MB", t / 10, t % 10)
    } else {
        let t = tenths(1_000_000_000);
        format!("{}.{} GB", t / 10, t % 10)
    }
}
