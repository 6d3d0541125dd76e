//! The think-aloud recordings kept in this browser (issue 17), in the Your data tab:
//! each with its prompt, day, length and size, deleted one by one, and how much of
//! the storage this browser allows the site is used.

use super::hub::Hub;
use super::voice_playback::delete_recording;
use crate::browser::dom;
use crate::browser::history_db::Store;
use crate::core::history::clock;
use crate::core::history::recording::{size_text, Recording};
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The site's storage use and quota in bytes, as the browser estimates them.
async fn storage_estimate() -> Option<(f64, f64)> {
    let promise = web_sys::window()?.navigator().storage().estimate().ok()?;
    let estimate = JsFuture::from(promise).await.ok()?;
    let field = |name: &str| {
        js_sys::Reflect::get(&estimate, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((field("usage")?, field("quota")?))
}

/// The recordings, newest first, and the storage figures.
async fn read(hub: Hub) -> Result<(Vec<Recording>, Option<(f64, f64)>), String> {
    let db = hub.ready().await?;
    let texts = db.all(Store::Recordings).await.map_err(|e| e.to_string())?;
    let mut list: Vec<Recording> = texts
        .iter()
        .filter_map(|t| Recording::from_json(t).ok())
        .collect();
    list.sort_by(|a, b| b.id.cmp(&a.id));
    Ok((list, storage_estimate().await))
}

/// The section.
#[component]
pub fn RecordingsView() -> impl IntoView {
    let hub = expect_context::<Hub>();
    let state = RwSignal::new(None::<Result<(Vec<Recording>, Option<(f64, f64)>), String>>);
    let refresh = move || {
        leptos::task::spawn_local(async move { state.set(Some(read(hub).await)) });
    };
    refresh();
    let delete = move |id: String| {
        if !dom::confirm("Delete this voice recording? It cannot be brought back.") {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Err(why) = delete_recording(hub, &id).await {
                hub.notice
                    .set(Some(format!("The recording was not deleted: {why}.")));
            }
            refresh();
        });
    };
    let title = move |r: &Recording| {
        let prompt = hub
            .prompt(&r.prompt)
            .map_or_else(|| r.prompt.clone(), |p| p.title.clone());
        let day = hub.attempts.with(|list| {
            list.iter()
                .find(|a| a.id == r.id)
                .map(|a| crate::core::history::date_of(a.day))
        });
        match day {
            Some(day) => format!("{prompt}, {day}"),
            None => prompt,
        }
    };
    view! {
        <section class="recordings" aria-labelledby="recordings-title">
            <h3 id="recordings-title">"Voice recordings"</h3>
            {move || match state.get() {
                None => view! { <p class="hint">"Reading the recordings…"</p> }.into_any(),
                Some(Err(why)) => view! { <p class="hint" role="alert">{why}</p> }.into_any(),
                Some(Ok((list, estimate))) => {
                    let used = estimate.map(|(usage, quota)| {
                        format!(
                            "This site uses {} of the {} this browser allows it.",
                            size_text(usage as u64),
                            size_text(quota as u64)
                        )
                    });
                    let none = list.is_empty().then(|| {
                        view! { <p class="hint">"No voice recordings."</p> }
                    });
                    let rows = list
                        .into_iter()
                        .map(|r| {
                            let id = r.id.clone();
                            view! {
                                <li data-testid="recording-row">
                                    <span>
                                        {format!(
                                            "{}: {} ({})",
                                            title(&r),
                                            clock(r.duration_ms()),
                                            size_text(r.bytes())
                                        )}
                                    </span>
                                    <button
                                        type="button"
                                        class="secondary danger"
                                        on:click=move |_| delete(id.clone())
                                    >
                                        "Delete"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <p class="hint">
                            "Recorded while you thought aloud in timed sessions; they stay in this browser and are never uploaded. "
                            {used}
                        </p>
                        {none}
                        <ul class="recording-list">{rows}</ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
