//! The Your data tab: the history as one file (export, import with the same typed
//! errors and repairs as boards), deleting the history, and deleting everything the
//! app keeps in this browser.

use super::hub::{today, Hub};
use crate::browser::{dom, download::download_text, storage};
use crate::core::history::bridge::ToApp;
use crate::core::history::{
    date_of, from_history_json, merge, to_history_json, History, MAX_BYTES,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The tab.
#[component]
pub fn DataView() -> impl IntoView {
    let hub = expect_context::<Hub>();
    let busy = RwSignal::new(false);
    let export = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let bodies = hub.bodies().await;
            let history = History {
                attempts: hub.attempts.with_untracked(|list| {
                    list.iter()
                        .map(|a| (a.clone(), bodies.iter().find(|b| b.id == a.id).cloned()))
                        .collect()
                }),
                cards: hub.cards.get_untracked(),
                journal: hub.journal.get_untracked(),
            };
            let day = date_of(today());
            let text = to_history_json(&history, &day);
            let name = format!("breadthfirst-history-{day}.json");
            hub.notice.set(Some(
                match download_text(&name, "application/json", &text) {
                    Ok(()) => format!("Exported {} to {name}.", counts(&history)),
                    Err(_) => "The history could not be downloaded.".to_string(),
                },
            ));
            busy.set(false);
        });
    };
    let import = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        import_file(hub, file);
    };
    let delete_history = move |_| {
        let what = hub_counts(hub);
        if !dom::confirm(&format!(
            "Delete {what} from this browser? Export them first to keep a copy."
        )) {
            return;
        }
        leptos::task::spawn_local(async move {
            if hub.clear().await {
                hub.notice.set(Some(format!("Deleted {what}.")));
            }
        });
    };
    let delete_all = move |_| {
        let boards = storage::keys()
            .iter()
            .filter(|k| k.starts_with("breadthfirst."))
            .count();
        let what = format!(
            "{}, and {boards} saved boards, settings and notes",
            hub_counts(hub)
        );
        if !dom::confirm(&format!(
            "Delete everything Breadthfirst keeps in this browser: {what}? This cannot be undone."
        )) {
            return;
        }
        leptos::task::spawn_local(async move {
            if !hub.clear().await {
                return;
            }
            // The app stops saving, removes its keys and starts afresh.
            hub.tell_app(&ToApp::ForgetAll);
            hub.notice.set(Some(format!(
                "Deleted {what}. The app starts afresh when this dialog closes."
            )));
            hub.reload_on_close.set(true);
        });
    };
    view! {
        <section class="data" aria-labelledby="data-title">
            <h3 id="data-title">"Your history as a file"</h3>
            <p class="hint">
                "Everything stays in this browser. Export your attempts (with their boards), cards and journal to one file to keep a copy or move to another browser; importing adds what is not here yet."
            </p>
            <div class="journal-actions">
                <button type="button" on:click=export disabled=move || busy.get()>"Export history"</button>
                <label class="button secondary file-button">
                    "Import history…"
                    <input type="file" accept=".json,application/json" class="sr-only" on:change=import />
                </label>
            </div>
            <super::recordings::RecordingsView />
            <h3>"Delete"</h3>
            <div class="journal-actions">
                <button type="button" class="secondary danger" on:click=delete_history>
                    "Delete my practice history"
                </button>
                <button type="button" class="secondary danger" on:click=delete_all>
                    "Delete all my data"
                </button>
            </div>
        </section>
    }
}

/// "3 attempts, 12 cards and 1 journal entry".
fn counts(h: &History) -> String {
    count_text(h.attempts.len(), h.cards.len(), h.journal.len())
}

fn hub_counts(hub: Hub) -> String {
    count_text(
        hub.attempts.with_untracked(Vec::len),
        hub.cards.with_untracked(Vec::len),
        hub.journal.with_untracked(Vec::len),
    )
}

fn count_text(attempts: usize, cards: usize, entries: usize) -> String {
    let n = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {} and {}",
        n(attempts, "attempt", "attempts"),
        n(cards, "card", "cards"),
        n(entries, "journal entry", "journal entries")
    )
}

/// Reads a history file and adds what it has that is not stored yet.
fn import_file(hub: Hub, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_BYTES as f64 {
        hub.notice.set(Some(format!(
            "Could not import {name}: it is over {} MB. Nothing changed.",
            MAX_BYTES / 1_048_576
        )));
        return;
    }
    let promise = file.text();
    leptos::task::spawn_local(async move {
        let text = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(t) => t.as_string().unwrap_or_default(),
            Err(_) => {
                hub.notice
                    .set(Some(format!("Could not read {name}. Nothing changed.")));
                return;
            }
        };
        let (incoming, repairs) = match from_history_json(&text) {
            Ok(read) => read,
            Err(e) => {
                hub.notice.set(Some(format!(
                    "Could not import {name}: {e}. Nothing changed."
                )));
                return;
            }
        };
        let stored = History {
            attempts: hub
                .attempts
                .with_untracked(|l| l.iter().map(|a| (a.clone(), None)).collect()),
            cards: hub.cards.get_untracked(),
            journal: hub.journal.get_untracked(),
        };
        let m = merge(&stored, incoming);
        let added = counts(&m.new);
        if !hub.add_all(m.new).await {
            return;
        }
        let mut text = format!("Imported {name}: {added}");
        if m.already > 0 {
            text.push_str(&format!("; {} already here, kept as they were", m.already));
        }
        if !repairs.is_empty() {
            text.push_str(&format!("; repaired: {repairs}"));
        }
        text.push('.');
        hub.notice.set(Some(text));
    });
}
