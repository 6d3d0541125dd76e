//! The transcript beside the Review's replay (issue 17): what was said, each line at
//! its session time, the line at the replay's position marked and kept in view; a
//! click on a line moves the replay there. Without a transcript it says why, and
//! where the browser only lacks its on-device speech model, offers to install it.

use super::transcribe::install;
use crate::core::history::clock;
use crate::core::history::transcript::{Speech, Transcript};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// `transcript` along the replay at `position` (session milliseconds).
#[component]
pub fn TranscriptPanel(transcript: Transcript, position: RwSignal<f64>) -> impl IntoView {
    if transcript.lines.is_empty() {
        return view! { <NoTranscript transcript=transcript /> }.into_any();
    }
    let list = NodeRef::<leptos::html::Ol>::new();
    let lines = StoredValue::new(transcript);
    let current = Memo::new(move |_| {
        let at = position.get();
        lines.with_value(|t| t.line_at(at))
    });
    // The current line kept in view inside the list (the page does not scroll).
    Effect::new(move |_| {
        let (Some(n), Some(list)) = (current.get(), list.get()) else {
            return;
        };
        if let Some(item) = list
            .children()
            .item(n as u32)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let top = f64::from(item.offset_top());
            let (shown, height) = (
                f64::from(list.scroll_top()),
                f64::from(list.client_height()),
            );
            if top < shown || top + f64::from(item.offset_height()) > shown + height {
                list.set_scroll_top((top - height / 3.0).max(0.0) as i32);
            }
        }
    });
    let items = lines.with_value(|t| {
        t.lines
            .iter()
            .enumerate()
            .map(|(n, line)| {
                let at = line.from_ms;
                let is_current = move || current.get() == Some(n);
                view! {
                    <li class:current=is_current aria-current=move || is_current().then_some("true")>
                        <button type="button" class="transcript-line" on:click=move |_| position.set(at)>
                            <span class="transcript-when">{clock(at)}</span>
                            <span class="transcript-text">{line.text.clone()}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    });
    view! {
        <section class="replay-transcript" data-testid="replay-transcript" aria-label="Transcript">
            <h4>"What you said"</h4>
            <ol node_ref=list>{items}</ol>
        </section>
    }
    .into_any()
}

/// Why there is no transcript; the model's installation where that is all it lacks.
#[component]
fn NoTranscript(transcript: Transcript) -> impl IntoView {
    let why = transcript
        .why_none()
        .unwrap_or_else(|| "No transcript: no words were recognised.".into());
    let needs_model = transcript.speech == Speech::NeedsModel;
    let lang = transcript.lang;
    let said = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let get_model = move |_| {
        busy.set(true);
        said.set(Some("Installing the speech model…".into()));
        let lang = lang.clone();
        leptos::task::spawn_local(async move {
            said.set(Some(match install(&lang).await {
                Ok(()) => "Installed: your next recorded session gets a transcript (this one keeps none).".into(),
                Err(why) => format!(
                    "Not installed: {why}. The browser fetches the model once, so it needs a connection; try again when online."
                ),
            }));
            busy.set(false);
        });
    };
    view! {
        <p class="hint replay-transcript-none" data-testid="replay-transcript">
            {why}
            {needs_model.then(|| view! {
                " "
                <button type="button" class="secondary" disabled=move || busy.get() on:click=get_model>
                    "Install the speech model"
                </button>
                <span role="status">{move || said.get()}</span>
            })}
        </p>
    }
}
