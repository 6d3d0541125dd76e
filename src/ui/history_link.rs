//! The app's end of the history module (`ui::history`, a second wasm module): it is
//! fetched on first use through `history_loader.js`, and spoken to in
//! `core::history::bridge`'s messages. A session in Review is recorded (again when
//! its claims or board change there, so the attempt holds what the user settled on);
//! the library and the Review leave an element for the history to draw the due cards
//! and the comparison into. Kept small: it is part of the first load.

use super::autosave::{leave, SaveStatus};
use super::practice::Practice;
use super::review::Checker;
use super::state::BoardState;
use crate::browser::storage;
use crate::core::check::claims::claims_text;
use crate::core::editor::Viewport;
use crate::core::history::bridge::{session_attempt_id, HistoryView, RecordJob, ToApp, ToHistory};
use crate::core::persist;
use crate::core::prompt::card::PracticeStat;
use crate::core::session::Phase;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The id of the library's element for the due cards.
pub const DUE_SLOT: &str = "due-slot";
/// The id of the Review's element for the comparison.
pub const COMPARE_SLOT: &str = "compare-slot";
/// The id of the Review's element for the estimates and follow-ups.
pub const INTERVIEW_SLOT: &str = "interview-slot";
/// Element id of the status bar's think-aloud recorder, drawn by the history
/// module.
pub const VOICE_SLOT: &str = "voice-slot";
/// Element id of the Review's replay, drawn by the history module.
pub const REPLAY_SLOT: &str = "replay-slot";
/// Quiet time before a Review's changes are recorded again, in milliseconds.
const RECORD_AFTER_MS: u32 = 1_500;

/// The history module's request function, once loaded.
#[derive(Clone, Copy)]
pub struct HistoryLink {
    send: StoredValue<Option<js_sys::Function>, LocalStorage>,
    on_message: StoredValue<JsValue, LocalStorage>,
}

impl HistoryLink {
    /// Not loaded yet; `on_message` handles what the module asks of the app.
    pub fn new(on_message: impl Fn(ToApp) + 'static) -> Self {
        let handler = Closure::<dyn Fn(String)>::new(move |text: String| {
            if let Ok(message) = serde_json::from_str::<ToApp>(&text) {
                on_message(message);
            }
        });
        HistoryLink {
            send: StoredValue::new_local(None),
            on_message: StoredValue::new_local(handler.into_js_value()),
        }
    }

    /// Sends a request (loading the module first if needed); `Err` says why it failed.
    pub async fn call(self, request: ToHistory) -> Result<(), String> {
        self.request(request).await.map(drop)
    }

    /// Sends a request that has an answer (text) and waits for it.
    pub async fn ask(self, request: ToHistory) -> Result<String, String> {
        self.request(request)
            .await?
            .as_string()
            .ok_or_else(|| "the history gave no answer".to_string())
    }

    async fn request(self, request: ToHistory) -> Result<JsValue, String> {
        let send = match self.send.get_value() {
            Some(f) => f,
            None => {
                let f: js_sys::Function =
                    await_call("breadthfirstHistory", &self.on_message.get_value())
                        .await?
                        .dyn_into()
                        .map_err(|_| "the history module did not start".to_string())?;
                self.send.set_value(Some(f.clone()));
                f
            }
        };
        let text = serde_json::to_string(&request).unwrap_or_default();
        let promise = send.call1(&JsValue::NULL, &text.into()).map_err(why)?;
        JsFuture::from(js_sys::Promise::from(promise))
            .await
            .map_err(why)
    }

    /// Sends a request without waiting for it.
    pub fn send(self, request: ToHistory) {
        leptos::task::spawn_local(async move {
            let _ = self.call(request).await;
        });
    }

    /// Opens the history dialog.
    pub fn open(self) {
        self.send(ToHistory::Open {
            view: HistoryView::Due,
        });
    }
}

/// Calls the page's function `name` with `arg` and awaits the promise it returns.
async fn await_call(name: &str, arg: &JsValue) -> Result<JsValue, String> {
    let window = web_sys::window().ok_or("no window")?;
    let f: js_sys::Function = js_sys::Reflect::get(&window, &name.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("the history loader is missing")?;
    let promise = f.call1(&JsValue::NULL, arg).map_err(why)?;
    JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map_err(why)
}

/// A rejection's reason as text.
fn why(e: JsValue) -> String {
    e.as_string()
        .unwrap_or_else(|| "the history module failed".into())
}

/// Records every session that reaches Review (again after its claims or board change).
pub fn install(state: BoardState, practice: Practice, checker: Checker, link: HistoryLink) {
    let recorded = StoredValue::new(String::new());
    let timer = StoredValue::new_local(None::<Timeout>);
    Effect::new(move |_| {
        state.revision.track();
        let claims = checker.claims.with(|c| claims_text(c));
        let Some((prompt, id, at_ms)) = practice.session.with(|s| {
            let s = s.as_ref().filter(|s| s.phase() == Phase::Review)?;
            Some((
                s.prompt_id.clone(),
                session_attempt_id(s),
                s.started_ms as u64,
            ))
        }) else {
            return;
        };
        let job = RecordJob {
            prompt,
            board: state.with_editor(|e| persist::to_json(e.board(), &Viewport::default())),
            at_ms,
            session: practice.session_json(),
            claims,
        };
        // At once when the session first reaches Review; after a quiet moment when
        // it changes there.
        let delay = if recorded.with_value(|r| *r == id) {
            RECORD_AFTER_MS
        } else {
            0
        };
        recorded.set_value(id);
        timer.set_value(Some(Timeout::new(delay, move || {
            leptos::task::spawn_local(async move {
                if let Err(why) = link.call(ToHistory::Record(job)).await {
                    state.notice.set(Some(format!(
                        "This attempt could not be recorded in your history: {why}."
                    )));
                }
            });
        })));
    });
}

/// What the app does when the history module asks or tells it something: starting
/// a session goes to `start`, the library's practice figures to `stats`, a message
/// for the user to `notice`.
pub fn on_message(
    message: ToApp,
    practice: Practice,
    save: SaveStatus,
    start: impl Fn(String),
    (stats, notice): (RwSignal<Vec<PracticeStat>>, RwSignal<Option<String>>),
) {
    match message {
        ToApp::Stats(figures) => stats.set(figures),
        ToApp::Notice(text) => notice.set(Some(text)),
        ToApp::Retry { prompt } => {
            if practice.may_discard() {
                start(prompt);
            }
        }
        ToApp::ForgetAll => {
            leave(save);
            for key in storage::keys() {
                if key.starts_with("breadthfirst.") {
                    let _ = storage::remove(&key);
                }
            }
        }
    }
}
