//! The think-aloud recorder (issue 17), in the history module: when a timed session
//! starts with "Record my voice" chosen, the microphone is recorded with
//! MediaRecorder (Opus in WebM where the browser offers it) and each second's chunk
//! is stored in IndexedDB as it comes, so a crash or a reload loses at most a second;
//! the recorder pauses with the session and stops at Review. Nothing leaves the
//! browser. A missing or refused microphone, a device unplugged mid-session and a
//! full storage each get a clear message; the session goes on without audio, and
//! what was recorded is kept.

use super::hub::Hub;
use super::transcribe::Transcriber;
use crate::browser::dom;
use crate::browser::history_db::{Store, Write};
use crate::core::history::bridge::ToApp;
use crate::core::history::recording::{chunk_key, Recording};
use gloo_timers::callback::Interval;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How often the recorder hands over a chunk, in milliseconds.
const CHUNK_MS: i32 = 1_000;
/// How often the level meter is read, in milliseconds.
const METER_MS: u32 = 100;
/// The audio types asked for, best first (the browser's own choice otherwise).
const TYPES: [&str; 3] = [
    "audio/webm;codecs=opus",
    "audio/ogg;codecs=opus",
    "audio/mp4",
];

/// What the recorder is doing.
#[derive(Clone, Debug, PartialEq)]
pub enum VoiceState {
    /// Not recording.
    Off,
    /// Waiting for the browser's permission.
    Asking,
    /// Recording.
    Recording,
    /// Paused with the session.
    Paused,
    /// Stopped; what was recorded is kept.
    Stopped,
    /// Stopped by a problem, said to the user; what was recorded is kept.
    Failed(String),
}

/// Wall-clock time recorded in the current segment, pauses left out.
#[derive(Default)]
struct SegmentClock {
    recorded_ms: f64,
    running_since: Option<f64>,
}

/// A monotonic clock in milliseconds (a change of the computer's time does not move
/// it), for how long audio ran.
fn monotonic_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(dom::now_ms, |p| p.now())
}

impl SegmentClock {
    fn now(&self) -> f64 {
        self.recorded_ms + self.running_since.map_or(0.0, |t| monotonic_ms() - t)
    }

    fn pause(&mut self) {
        self.recorded_ms = self.now();
        self.running_since = None;
    }

    fn resume(&mut self) {
        self.running_since.get_or_insert_with(monotonic_ms);
    }
}

/// The microphone being recorded.
struct Live {
    stream: web_sys::MediaStream,
    recorder: web_sys::MediaRecorder,
    audio: Option<web_sys::AudioContext>,
    _meter: Option<Interval>,
    clock: Rc<RefCell<SegmentClock>>,
    /// The transcript's recognition, once the browser said it runs on the device.
    transcriber: Rc<RefCell<Option<Rc<Transcriber>>>>,
}

/// The recorder of the session being practised.
#[derive(Clone, Copy)]
pub struct Voice {
    /// What it is doing.
    pub state: RwSignal<VoiceState>,
    /// The microphone's level now, 0 to 1.
    pub level: RwSignal<f64>,
    /// The recording whose stored data changed last (a chunk, a transcript line, a
    /// deletion), for what shows it.
    pub changed: RwSignal<Option<String>>,
    live: StoredValue<Option<Live>, LocalStorage>,
    recording: StoredValue<Option<Rc<RefCell<Recording>>>, LocalStorage>,
    /// The session is paused (it may pause while the microphone is being asked for).
    paused: StoredValue<bool>,
}

impl Voice {
    /// Not recording.
    pub fn new() -> Self {
        Voice {
            state: RwSignal::new(VoiceState::Off),
            level: RwSignal::new(0.0),
            changed: RwSignal::new(None),
            live: StoredValue::new_local(None),
            recording: StoredValue::new_local(None),
            paused: StoredValue::new(false),
        }
    }

    /// Asks for the microphone and records a new segment of `attempt`'s recording
    /// from `at_ms` of session time.
    pub async fn start(self, hub: Hub, attempt: String, prompt: String, at_ms: f64) {
        self.stop();
        self.paused.set_value(false);
        self.state.set(VoiceState::Asking);
        let stream = match microphone().await {
            Ok(stream) => stream,
            Err(why) => {
                hub.tell_app(&ToApp::Notice(why.clone()));
                self.state.set(VoiceState::Failed(why));
                return;
            }
        };
        let kept = match hub.ready().await {
            Ok(db) => db.get(Store::Recordings, &attempt).await.ok().flatten(),
            Err(_) => None,
        };
        let mut recording: Recording = kept
            .and_then(|t| Recording::from_json(&t).ok())
            .unwrap_or_else(|| Recording {
                id: attempt.clone(),
                prompt,
                ..Recording::default()
            });
        let mime = TYPES
            .iter()
            .find(|t| web_sys::MediaRecorder::is_type_supported(t))
            .copied()
            .unwrap_or("");
        let options = web_sys::MediaRecorderOptions::new();
        options.set_mime_type(mime);
        let recorder =
            match web_sys::MediaRecorder::new_with_media_stream_and_media_recorder_options(
                &stream, &options,
            ) {
                Ok(r) => r,
                Err(e) => {
                    stop_tracks(&stream);
                    self.state.set(VoiceState::Failed(format!(
                    "This browser cannot record audio here ({}): the session goes on without it.",
                    js_text(&e)
                )));
                    return;
                }
            };
        let segment = recording.begin(at_ms, &recorder.mime_type());
        let recording = Rc::new(RefCell::new(recording));
        self.recording.set_value(Some(recording.clone()));
        let clock = Rc::new(RefCell::new(SegmentClock::default()));
        self.listen(
            hub,
            &recorder,
            &stream,
            (recording.clone(), segment, clock.clone()),
        );
        if let Err(e) = recorder.start_with_time_slice(CHUNK_MS) {
            stop_tracks(&stream);
            self.state.set(VoiceState::Failed(format!(
                "The recording could not start ({}): the session goes on without it.",
                js_text(&e)
            )));
            return;
        }
        clock.borrow_mut().resume();
        let (audio, meter) = match self.meter(&stream) {
            Some((a, m)) => (Some(a), Some(m)),
            None => (None, None),
        };
        let transcriber = self.transcribe(hub, &stream, recording, at_ms, clock.clone());
        self.live.set_value(Some(Live {
            stream,
            recorder,
            audio,
            _meter: meter,
            clock,
            transcriber,
        }));
        self.state.set(VoiceState::Recording);
        if self.paused.get_value() {
            self.pause();
        }
    }

    /// Starts the transcript of the segment begun at `start_ms` of session time, when
    /// the browser can make it on the device (it answers after a moment).
    fn transcribe(
        self,
        hub: Hub,
        stream: &web_sys::MediaStream,
        recording: Rc<RefCell<Recording>>,
        start_ms: f64,
        clock: Rc<RefCell<SegmentClock>>,
    ) -> Rc<RefCell<Option<Rc<Transcriber>>>> {
        let slot = Rc::new(RefCell::new(None));
        let Some(track) = stream
            .get_audio_tracks()
            .iter()
            .find_map(|t| t.dyn_into::<web_sys::MediaStreamTrack>().ok())
        else {
            return slot;
        };
        let now: Rc<dyn Fn() -> f64> = Rc::new(move || start_ms + clock.borrow().now());
        let save = saver(hub, recording.clone());
        let kept = slot.clone();
        leptos::task::spawn_local(async move {
            if let Some(t) = Transcriber::start(track, recording, now, save).await {
                // The session may have paused while the browser answered.
                if self.paused.get_value() {
                    t.pause();
                }
                *kept.borrow_mut() = Some(t);
            }
        });
        slot
    }

    /// Stores each chunk as it comes; says so when the microphone goes away.
    fn listen(
        self,
        hub: Hub,
        recorder: &web_sys::MediaRecorder,
        stream: &web_sys::MediaStream,
        (recording, segment, clock): (Rc<RefCell<Recording>>, usize, Rc<RefCell<SegmentClock>>),
    ) {
        let chunks = Rc::new(RefCell::new(0u32));
        let on_data = Closure::<dyn FnMut(web_sys::BlobEvent)>::new(
            move |ev: web_sys::BlobEvent| {
                let Some(blob) = ev.data().filter(|b| b.size() > 0.0) else {
                    return;
                };
                let n = {
                    let mut c = chunks.borrow_mut();
                    *c += 1;
                    *c - 1
                };
                let meta = {
                    let mut r = recording.borrow_mut();
                    r.add_chunk(segment, blob.size() as u64, clock.borrow().now());
                    r.to_json()
                };
                let id = recording.borrow().id.clone();
                let batch = vec![
                    Write::PutValue(Store::Audio, chunk_key(&id, segment, n), blob.into()),
                    Write::Put(Store::Recordings, id.clone(), meta),
                ];
                leptos::task::spawn_local(async move {
                    let written = match hub.ready().await {
                        Ok(db) => db.write(&batch).await.map_err(|e| e.to_string()),
                        Err(why) => Err(why),
                    };
                    match written {
                        Ok(()) => self.changed.set(Some(id)),
                        Err(why) => self.fail(hub, format!(
                        "Recording stopped: {why}. What was recorded so far is kept; the session goes on."
                    )),
                    }
                });
            },
        );
        recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
        // Kept for the recorder's life: its last chunk comes after `stop`.
        on_data.forget();
        let on_ended = Closure::<dyn FnMut()>::new(move || {
            self.fail(
                hub,
                "The microphone stopped (unplugged or turned off): the session goes on without audio, and what was recorded is kept."
                    .into(),
            );
        });
        for track in stream.get_audio_tracks().iter() {
            if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                track.set_onended(Some(on_ended.as_ref().unchecked_ref()));
            }
        }
        on_ended.forget();
    }

    /// The level meter: the stream's loudness, read a few times a second.
    fn meter(self, stream: &web_sys::MediaStream) -> Option<(web_sys::AudioContext, Interval)> {
        let audio = web_sys::AudioContext::new().ok()?;
        let source = audio.create_media_stream_source(stream).ok()?;
        let analyser = audio.create_analyser().ok()?;
        analyser.set_fft_size(256);
        source.connect_with_audio_node(&analyser).ok()?;
        let level = self.level;
        let meter = Interval::new(METER_MS, move || {
            let mut samples = [128u8; 256];
            analyser.get_byte_time_domain_data(&mut samples);
            let sum: f64 = samples
                .iter()
                .map(|s| {
                    let v = (f64::from(*s) - 128.0) / 128.0;
                    v * v
                })
                .sum();
            // Speech sits around 0.05-0.3 RMS: scaled so it fills most of the meter.
            level.set(((sum / 256.0).sqrt() * 3.0).min(1.0));
        });
        Some((audio, meter))
    }

    /// The session paused: so does the recording.
    pub fn pause(self) {
        self.paused.set_value(true);
        self.live.with_value(|l| {
            if let Some(l) = l {
                let _ = l.recorder.pause();
                l.clock.borrow_mut().pause();
                if let Some(t) = &*l.transcriber.borrow() {
                    t.pause();
                }
            }
        });
        if self.state.get_untracked() == VoiceState::Recording {
            self.state.set(VoiceState::Paused);
        }
    }

    /// The session goes on: so does the recording.
    pub fn resume(self) {
        self.paused.set_value(false);
        self.live.with_value(|l| {
            if let Some(l) = l {
                let _ = l.recorder.resume();
                l.clock.borrow_mut().resume();
                if let Some(t) = &*l.transcriber.borrow() {
                    t.resume();
                }
            }
        });
        if self.state.get_untracked() == VoiceState::Paused {
            self.state.set(VoiceState::Recording);
        }
    }

    /// Stops recording (the last chunk is stored as it comes) and frees the
    /// microphone.
    pub fn stop(self) {
        if let Some(live) = self.live.try_update_value(Option::take).flatten() {
            if live.recorder.state() != web_sys::RecordingState::Inactive {
                let _ = live.recorder.stop();
            }
            live.clock.borrow_mut().pause();
            if let Some(t) = live.transcriber.take() {
                t.stop();
            }
            stop_tracks(&live.stream);
            if let Some(audio) = live.audio {
                let _ = audio.close();
            }
            self.level.set(0.0);
            if matches!(
                self.state.get_untracked(),
                VoiceState::Recording | VoiceState::Paused | VoiceState::Asking
            ) {
                self.state.set(VoiceState::Stopped);
            }
        }
    }

    fn fail(self, hub: Hub, why: String) {
        self.stop();
        hub.tell_app(&ToApp::Notice(why.clone()));
        self.state.set(VoiceState::Failed(why));
    }

    /// The recording `id` was deleted: when it is this session's, the recorder stops
    /// and says nothing more of it; and what shows recordings reads them again.
    pub fn forget(self, id: &str) {
        let ours = self
            .recording
            .with_value(|r| r.as_ref().is_some_and(|r| r.borrow().id == id));
        if ours {
            self.stop();
            self.recording.set_value(None);
            self.state.set(VoiceState::Off);
        }
        self.changed.set(Some(id.to_string()));
    }

    /// The recording so far: (audio milliseconds, bytes).
    pub fn recorded(self) -> (f64, u64) {
        self.recording.with_value(|r| {
            r.as_ref()
                .map_or((0.0, 0), |r| (r.borrow().duration_ms(), r.borrow().bytes()))
        })
    }
}

/// Stores what is known of `recording` (its transcript grows between chunks).
fn saver(hub: Hub, recording: Rc<RefCell<Recording>>) -> Rc<dyn Fn()> {
    Rc::new(move || {
        let (id, meta) = {
            let r = recording.borrow();
            (r.id.clone(), r.to_json())
        };
        leptos::task::spawn_local(async move {
            // A failed write is said by the next chunk's, which stores this too.
            if let Ok(db) = hub.ready().await {
                let put = [Write::Put(Store::Recordings, id.clone(), meta)];
                if db.write(&put).await.is_ok() {
                    hub.voice.changed.set(Some(id));
                }
            }
        });
    })
}

/// Asks for the microphone; the reason in words when it cannot be had.
async fn microphone() -> Result<web_sys::MediaStream, String> {
    let unavailable =
        || "This browser offers no microphone here: the session goes on without audio.".to_string();
    let devices = web_sys::window()
        .and_then(|w| w.navigator().media_devices().ok())
        .ok_or_else(unavailable)?;
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_audio(&JsValue::TRUE);
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|_| unavailable())?;
    match JsFuture::from(promise).await {
        Ok(stream) => stream.dyn_into().map_err(|_| unavailable()),
        Err(e) => Err(match error_name(&e).as_str() {
            "NotAllowedError" | "SecurityError" => "Microphone access was refused: the session goes on without audio. Allow the microphone for this site to record next time.".into(),
            "NotFoundError" | "OverconstrainedError" => "No microphone was found: the session goes on without audio.".into(),
            "NotReadableError" | "AbortError" => "The microphone is in use by another program or could not be opened: the session goes on without audio.".into(),
            _ => format!("The microphone could not be opened ({}): the session goes on without audio.", js_text(&e)),
        }),
    }
}

fn stop_tracks(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// A DOMException's name ("NotAllowedError"), or empty.
fn error_name(e: &JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .unwrap_or_default()
}

/// What a thrown value says.
fn js_text(e: &JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| d.message())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// The recorder's line in the session bar: what it is doing, the level meter while
/// it records, and any problem (`data-testid="recording-indicator"`).
#[component]
pub fn VoiceIndicator() -> impl IntoView {
    let voice = expect_context::<Hub>().voice;
    // Short, for the status bar; a problem's whole message is in its title and was
    // shown as a notice.
    let text = move || match voice.state.get() {
        VoiceState::Off => String::new(),
        VoiceState::Asking => "Asking for the microphone…".into(),
        VoiceState::Recording => "Recording".into(),
        VoiceState::Paused => "Recording paused".into(),
        VoiceState::Stopped => {
            let (ms, bytes) = voice.recorded();
            format!(
                "Voice recorded: {} ({})",
                crate::core::history::clock(ms),
                crate::core::history::recording::size_text(bytes)
            )
        }
        VoiceState::Failed(_) => "Not recording".into(),
    };
    let title = move || match voice.state.get() {
        VoiceState::Failed(why) => why,
        _ => "Your voice stays in this browser: nothing is uploaded.".into(),
    };
    let failed = move || matches!(voice.state.get(), VoiceState::Failed(_));
    let live = move || matches!(voice.state.get(), VoiceState::Recording);
    view! {
        <span
            class="recording-indicator"
            class:failed=failed
            class:live=live
            data-testid="recording-indicator"
            data-state=move || match voice.state.get() {
                VoiceState::Off => "off",
                VoiceState::Asking => "asking",
                VoiceState::Recording => "recording",
                VoiceState::Paused => "paused",
                VoiceState::Stopped => "stopped",
                VoiceState::Failed(_) => "failed",
            }
            role=move || if failed() { "alert" } else { "status" }
            title=title
        >
            <span class="recording-dot" aria-hidden="true"></span>
            <span class="recording-text">{text}</span>
            {move || live().then(|| view! {
                <meter
                    class="recording-level"
                    data-testid="recording-level"
                    aria-label="Microphone level"
                    min="0"
                    max="1"
                    value=move || voice.level.get()
                ></meter>
            })}
        </span>
    }
}
