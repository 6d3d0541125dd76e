//! The think-aloud transcript (issue 17): while the voice is recorded, the browser's
//! speech recognition turns it into text, but only when the browser promises to do
//! it on this device (`SpeechRecognition` with `processLocally`, after
//! `SpeechRecognition.available()` says the language's model is there). Otherwise no
//! recognition runs and the recording says why, for the Review; the voice is never
//! sent to a speech service. Each recognised stretch is kept with its session time in
//! the recording's metadata.

use crate::core::history::recording::Recording;
use crate::core::history::transcript::Speech;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `SpeechRecognition.available({langs, processLocally})` (2025 draft of the Web
    /// Speech API): whether the languages can be recognised so.
    #[wasm_bindgen(js_namespace = SpeechRecognition, js_name = available, catch)]
    fn speech_available(options: &JsValue) -> Result<js_sys::Promise, JsValue>;
    /// `SpeechRecognition.install({langs, processLocally})`: fetches the languages'
    /// on-device models; resolves to whether it did.
    #[wasm_bindgen(js_namespace = SpeechRecognition, js_name = install, catch)]
    fn speech_install(options: &JsValue) -> Result<js_sys::Promise, JsValue>;
    /// A `SpeechRecognition` with the draft's members web-sys does not have yet.
    #[wasm_bindgen(extends = web_sys::SpeechRecognition, js_name = SpeechRecognition)]
    type Recognition;
    /// `new SpeechRecognition()`.
    #[wasm_bindgen(constructor, js_class = SpeechRecognition, catch)]
    fn new() -> Result<Recognition, JsValue>;
    /// `recognition.processLocally = value`.
    #[wasm_bindgen(method, setter = processLocally, js_class = SpeechRecognition)]
    fn set_process_locally(this: &Recognition, value: bool);
    /// `recognition.processLocally`.
    #[wasm_bindgen(method, getter = processLocally, js_class = SpeechRecognition)]
    fn process_locally(this: &Recognition) -> JsValue;
    /// `recognition.start(track)`: recognises an audio track the page already has.
    #[wasm_bindgen(method, catch, js_class = SpeechRecognition, js_name = start)]
    fn start_with_track(
        this: &Recognition,
        track: &web_sys::MediaStreamTrack,
    ) -> Result<(), JsValue>;
}

/// Errors that end a stretch of recognition but not the transcript: silence, and the
/// stop asked for.
const PASSING: [&str; 2] = ["no-speech", "aborted"];

/// The language to recognise: the browser's, else American English.
pub fn language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| "en-US".into())
}

/// The options `available` and `install` take: `lang`, on the device.
fn on_device(lang: &str) -> JsValue {
    let options = js_sys::Object::new();
    let langs = js_sys::Array::of1(&JsValue::from_str(lang));
    let _ = js_sys::Reflect::set(&options, &"langs".into(), &langs);
    let _ = js_sys::Reflect::set(&options, &"processLocally".into(), &JsValue::TRUE);
    options.into()
}

/// Whether the browser can ask for recognition on the device at all: a
/// `SpeechRecognition` with `available`.
fn supported() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let class = js_sys::Reflect::get(&window, &"SpeechRecognition".into()).unwrap_or_default();
    class.is_function()
        && js_sys::Reflect::get(&class, &"available".into()).is_ok_and(|f| f.is_function())
}

/// Whether `lang` can be recognised on this device now.
async fn availability(lang: &str) -> Speech {
    if !supported() {
        return Speech::Unsupported;
    }
    let Ok(promise) = speech_available(&on_device(lang)) else {
        return Speech::Unsupported;
    };
    match JsFuture::from(promise).await {
        Ok(answer) => Speech::from_availability(&answer.as_string().unwrap_or_default()),
        Err(_) => Speech::Unavailable,
    }
}

/// Asks the browser to install `lang`'s on-device model; what it answered, in words.
pub async fn install(lang: &str) -> Result<(), String> {
    let promise = speech_install(&on_device(lang)).map_err(|_| "the browser cannot install it")?;
    match JsFuture::from(promise).await {
        Ok(done) if done.as_bool() == Some(true) => Ok(()),
        Ok(_) => Err("the browser did not install it".into()),
        Err(_) => Err("the browser refused to install it".into()),
    }
}

/// Recognition running along a recorder's segment.
pub struct Transcriber {
    recognition: Recognition,
    track: web_sys::MediaStreamTrack,
    /// Recognition should be running (not paused, not stopped): an end restarts it.
    wanted: Rc<Cell<bool>>,
    /// Session time the next stretch began at.
    since: Rc<Cell<f64>>,
    now: Rc<dyn Fn() -> f64>,
}

impl Transcriber {
    /// Starts recognising `track` into `recording`'s transcript when the browser can
    /// do it on the device; otherwise records why not. `now` is the session time;
    /// `save` stores the recording's metadata. `None` when no recognition runs.
    pub async fn start(
        track: web_sys::MediaStreamTrack,
        recording: Rc<RefCell<Recording>>,
        now: Rc<dyn Fn() -> f64>,
        save: Rc<dyn Fn()>,
    ) -> Option<Rc<Transcriber>> {
        let lang = language();
        let speech = availability(&lang).await;
        let ready = speech == Speech::OnDevice;
        let recognition = ready
            .then(|| Recognition::new().ok())
            .flatten()
            .filter(|r| {
                r.set_process_locally(true);
                // A browser that does not know the switch would send the audio away.
                r.process_locally().as_bool() == Some(true)
            });
        {
            let transcript = &mut recording.borrow_mut().transcript;
            transcript.speech = match (&recognition, speech) {
                (None, Speech::OnDevice) => Speech::Unsupported,
                (_, speech) => speech,
            };
            transcript.lang.clone_from(&lang);
        }
        save();
        let recognition = recognition?;
        recognition.set_lang(&lang);
        let _ = recognition.set_continuous(true);
        recognition.set_interim_results(false);
        let transcriber = Rc::new(Transcriber {
            recognition,
            track,
            wanted: Rc::new(Cell::new(true)),
            since: Rc::new(Cell::new(now())),
            now,
        });
        transcriber.listen(recording, save);
        transcriber.begin();
        Some(transcriber)
    }

    /// Keeps each final result with its session time; restarts after a pause in
    /// speech ends recognition; gives up, saying why, on a real error.
    fn listen(self: &Rc<Self>, recording: Rc<RefCell<Recording>>, save: Rc<dyn Fn()>) {
        let (since, now) = (self.since.clone(), self.now.clone());
        let (kept, saving) = (recording.clone(), save.clone());
        let on_result = Closure::<dyn FnMut(web_sys::SpeechRecognitionEvent)>::new(
            move |ev: web_sys::SpeechRecognitionEvent| {
                let Some(results) = ev.results() else { return };
                let mut added = false;
                for n in ev.result_index()..results.length() {
                    let Some(result) = results.get(n).filter(|r| r.is_final()) else {
                        continue;
                    };
                    let text = result.get(0).map(|a| a.transcript()).unwrap_or_default();
                    let to = now();
                    added |= kept.borrow_mut().transcript.add(since.get(), to, &text);
                    since.set(to);
                }
                if added {
                    saving();
                }
            },
        );
        self.recognition
            .set_onresult(Some(on_result.as_ref().unchecked_ref()));
        let wanted = self.wanted.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let error = js_sys::Reflect::get(&ev, &"error".into())
                .ok()
                .and_then(|e| e.as_string())
                .unwrap_or_default();
            if !PASSING.contains(&error.as_str()) {
                wanted.set(false);
                {
                    let transcript = &mut recording.borrow_mut().transcript;
                    transcript.speech = Speech::Failed;
                    transcript.error = error;
                }
                save();
            }
        });
        self.recognition
            .set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let this = Rc::downgrade(self);
        let on_end = Closure::<dyn FnMut()>::new(move || {
            if let Some(this) = this.upgrade().filter(|t| t.wanted.get()) {
                this.begin();
            }
        });
        self.recognition
            .set_onend(Some(on_end.as_ref().unchecked_ref()));
        // Kept for the recognition's life: its last result comes after `stop`.
        on_result.forget();
        on_error.forget();
        on_end.forget();
    }

    /// Starts a stretch of recognition on the recorder's track (the page's microphone
    /// when the browser cannot take a track).
    fn begin(&self) {
        if self.track.ready_state() != web_sys::MediaStreamTrackState::Live {
            return;
        }
        self.since.set((self.now)());
        if self.recognition.start_with_track(&self.track).is_err() {
            let _ = self.recognition.start();
        }
    }

    /// The session paused: recognition stops (what was said is still recognised).
    pub fn pause(&self) {
        self.wanted.set(false);
        self.recognition.stop();
    }

    /// The session goes on: so does recognition.
    pub fn resume(&self) {
        if !self.wanted.replace(true) {
            self.begin();
        }
    }

    /// Stops recognising; the last words still come in.
    pub fn stop(&self) {
        self.pause();
    }
}
