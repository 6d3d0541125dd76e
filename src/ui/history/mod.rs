//! The history module (issue 15): attempts, Progress, the cards due, the interview
//! journal and the history file. It is a second wasm module (`src/history.rs`),
//! fetched the first time the app needs it (a session reaches Review, the library
//! opens, the History button), so it costs the first load nothing. It shares the page
//! with the app: the app sends [`ToHistory`] requests through the function
//! [`connect`] returns, and hears [`ToApp`] messages on the function it passed in.
//! It draws its own dialog, and the due list and the comparison into elements the
//! app leaves empty for them.

mod attempts;
mod chart;
mod compare;
mod data;
mod dialog;
mod due;
mod hub;
mod interview;
mod journal;
mod progress;
mod recordings;
mod replay;
mod replay_figure;
mod replay_frames;
mod timelines;
mod transcribe;
mod transcript_view;
mod voice;
mod voice_playback;

pub use hub::Hub;

use crate::core::history::bridge::{ToHistory, VoiceCommand};
use leptos::mount::mount_to;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Views drawn into the app's elements, by element id (a new one replaces the old).
type Slots = StoredValue<BTreeMap<String, Box<dyn std::any::Any>>, LocalStorage>;

/// Starts the module: reads the history, mounts its dialog, and returns the function
/// the app sends requests to (JSON of [`ToHistory`] in, a promise out that resolves
/// when done or rejects with why). `to_app` receives
/// [`crate::core::history::bridge::ToApp`] as JSON.
pub fn connect(to_app: js_sys::Function) -> js_sys::Function {
    crate::browser::crash::install();
    add_stylesheet();
    let owner = Owner::new();
    let (hub, slots) = owner.with(|| {
        let hub = Hub::new(to_app);
        let slots: Slots = StoredValue::new_local(BTreeMap::new());
        (hub, slots)
    });
    if let Some(body) = crate::browser::dom::document().and_then(|d| d.body()) {
        let handle = mount_to(body, move || {
            provide_context(hub);
            view! { <dialog::HistoryDialog /> }
        });
        handle.forget();
    }
    std::mem::forget(owner);
    let handler = Closure::<dyn FnMut(String) -> js_sys::Promise>::new(move |text: String| {
        wasm_bindgen_futures::future_to_promise(async move {
            match handle(hub, slots, &text).await {
                Ok(Some(answer)) => Ok(JsValue::from_str(&answer)),
                Ok(None) => Ok(JsValue::UNDEFINED),
                Err(why) => Err(JsValue::from_str(&why)),
            }
        })
    });
    handler.into_js_value().unchecked_into()
}

/// The module's stylesheet (style/history.css), fetched with it.
fn add_stylesheet() {
    let Some(doc) = crate::browser::dom::document() else {
        return;
    };
    if let Ok(link) = doc.create_element("link") {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", "history.css");
        if let Some(head) = doc.head() {
            let _ = head.append_child(&link);
        }
    }
}

/// Does a request; the answer, for the requests that have one.
async fn handle(hub: Hub, slots: Slots, text: &str) -> Result<Option<String>, String> {
    let request: ToHistory = serde_json::from_str(text)
        .map_err(|e| format!("a request the history cannot read ({e})"))?;
    if let ToHistory::TimelineOf { attempt } = &request {
        let timeline = hub.timelines.timeline_of(hub, attempt).await;
        return Ok(Some(serde_json::to_string(&timeline).unwrap_or_default()));
    }
    handle_view(hub, slots, request).await.map(|()| None)
}

async fn handle_view(hub: Hub, slots: Slots, request: ToHistory) -> Result<(), String> {
    match request {
        ToHistory::Open { view } => {
            hub.tab.set(view);
            hub.opened.set(None);
            hub.reviewing.set(None);
            hub.open.set(true);
            Ok(())
        }
        ToHistory::Record(job) => hub.record(job).await.map(drop),
        ToHistory::ShowDue { slot } => mount_slot(hub, slots, &slot, || {
            view! { <due::DueList compact=true /> }.into_any()
        }),
        ToHistory::ShowCompare { slot, attempt } => mount_slot(hub, slots, &slot, move || {
            view! { <compare::Compare attempt=attempt.clone() /> }.into_any()
        }),
        ToHistory::ShowInterview { slot, session } => mount_slot(hub, slots, &slot, move || {
            view! { <interview::Interview session=session.clone() /> }.into_any()
        }),
        ToHistory::ShowReplay { slot, session } => mount_slot(hub, slots, &slot, move || {
            view! { <replay::Replay session=session.clone() /> }.into_any()
        }),
        ToHistory::Remember { prompt, key } => hub.remember(&prompt, &key).await,
        ToHistory::Stats => {
            hub.send_stats();
            Ok(())
        }
        ToHistory::Moment {
            attempt,
            at_ms,
            moment,
        } => {
            hub.timelines.moment(hub, attempt, at_ms, moment);
            Ok(())
        }
        ToHistory::TimelineOf { .. } => Ok(()),
        ToHistory::Voice(command) => {
            match command {
                VoiceCommand::Start {
                    attempt,
                    prompt,
                    at_ms,
                    slot,
                } => {
                    mount_slot(hub, slots, &slot, || {
                        view! { <voice::VoiceIndicator /> }.into_any()
                    })?;
                    hub.voice.start(hub, attempt, prompt, at_ms).await;
                }
                VoiceCommand::Pause => hub.voice.pause(),
                VoiceCommand::Resume => hub.voice.resume(),
                VoiceCommand::Stop => hub.voice.stop(),
            }
            Ok(())
        }
    }
}

/// Draws `view` into the app's element `slot`, replacing what was drawn there.
fn mount_slot(
    hub: Hub,
    slots: Slots,
    slot: &str,
    view: impl Fn() -> AnyView + 'static,
) -> Result<(), String> {
    let Some(el) = crate::browser::dom::document()
        .and_then(|d| d.get_element_by_id(slot))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return Err(format!("no element {slot} to draw into"));
    };
    // Unmounts what was drawn before (the element may be a new one).
    slots.update_value(|s| {
        s.remove(slot);
    });
    let handle = mount_to(el, move || {
        provide_context(hub);
        view()
    });
    slots.update_value(|s| {
        s.insert(slot.to_string(), Box::new(handle));
    });
    Ok(())
}
