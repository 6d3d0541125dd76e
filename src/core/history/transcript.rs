//! A think-aloud recording's transcript (issue 17): what was said and when, in session
//! time, made by the browser's speech recognition only when it runs on this device,
//! and otherwise the reason there is none, in words the Review shows.

use serde::{Deserialize, Serialize};

/// Whether the voice could be turned into text on this device, and why not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Speech {
    /// Not tried: the recording was made before transcripts, or is still starting.
    #[default]
    NotTried,
    /// Recognised on this device.
    OnDevice,
    /// The browser recognises the language on the device once its speech model is
    /// installed, which it has not been.
    NeedsModel,
    /// The browser cannot recognise the language on the device.
    Unavailable,
    /// The browser offers no way to ask for recognition on the device (its speech
    /// recognition, if any, may send the audio to a service: it is not used).
    Unsupported,
    /// Recognition on the device stopped with an error.
    Failed,
}

impl Speech {
    /// The state `SpeechRecognition.available()` answered with local processing asked
    /// for ("available", "downloadable", "downloading", "unavailable").
    pub fn from_availability(answer: &str) -> Speech {
        match answer {
            "available" => Speech::OnDevice,
            "downloadable" | "downloading" => Speech::NeedsModel,
            _ => Speech::Unavailable,
        }
    }
}

/// One stretch of recognised speech.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// Session time the stretch began at (the previous line's end, or when recognition
    /// began), in milliseconds.
    pub from_ms: f64,
    /// Session time the words were recognised at, in milliseconds.
    pub to_ms: f64,
    /// What was said.
    pub text: String,
}

/// A recording's transcript.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Transcript {
    /// Whether recognition ran, and why not.
    pub speech: Speech,
    /// The language asked for (a BCP 47 tag, "en-US"); empty when not tried.
    #[serde(default)]
    pub lang: String,
    /// What the recognition's error said, when it stopped with one.
    #[serde(default)]
    pub error: String,
    /// What was said, in session-time order.
    pub lines: Vec<Line>,
}

impl Transcript {
    /// Why there are no lines, in a sentence; `None` when recognition ran (and, with
    /// no line, heard no words).
    pub fn why_none(&self) -> Option<String> {
        const PRIVATE: &str = "Breadthfirst never sends your voice to a speech service.";
        let lang = &self.lang;
        match self.speech {
            Speech::OnDevice => None,
            Speech::NotTried => Some("No transcript: this recording was made without one.".into()),
            Speech::NeedsModel => Some(format!(
                "No transcript: the browser can turn speech into text on this device once \
                 its speech model for {lang} is installed. {PRIVATE}"
            )),
            Speech::Unavailable => Some(format!(
                "No transcript: this browser cannot turn {lang} speech into text on this \
                 device. {PRIVATE}"
            )),
            Speech::Unsupported => Some(format!(
                "No transcript: this browser offers no speech recognition that stays on \
                 this device. {PRIVATE}"
            )),
            Speech::Failed => Some(format!(
                "No transcript: recognition stopped ({}).",
                self.error
            )),
        }
    }

    /// Adds `text` (trimmed) said from `from_ms` to `to_ms`, in time order; `false`
    /// when it is blank.
    pub fn add(&mut self, from_ms: f64, to_ms: f64, text: &str) -> bool {
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        let at = self.lines.partition_point(|l| l.from_ms <= from_ms);
        self.lines.insert(
            at,
            Line {
                from_ms,
                to_ms: to_ms.max(from_ms),
                text: text.to_string(),
            },
        );
        true
    }

    /// The line being said at `at_ms`, or the last one said before it; `None`
    /// before the first.
    pub fn line_at(&self, at_ms: f64) -> Option<usize> {
        self.lines
            .partition_point(|l| l.from_ms <= at_ms)
            .checked_sub(1)
    }
}
