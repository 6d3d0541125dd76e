//! Messages to the user: transient notices, the save indicator, the stored-data banner.

use super::autosave::{save_now, SaveStatus};
use super::state::use_board;
use crate::browser::download::download_text;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// How long a notice stays, in milliseconds.
const NOTICE_MS: u32 = 5000;

/// A polite live region showing the latest notice for a few seconds.
#[component]
pub fn NoticeToast() -> impl IntoView {
    let state = use_board();
    let generation = StoredValue::new(0_u64);
    Effect::new(move |_| {
        if state.notice.get().is_some() {
            generation.update_value(|g| *g += 1);
            let mine = generation.get_value();
            Timeout::new(NOTICE_MS, move || {
                if generation.get_value() == mine {
                    state.notice.set(None);
                }
            })
            .forget();
        }
    });
    view! {
        <div class="notice" role="status" aria-live="polite">
            {move || state.notice.get().map(|text| view! {
                <p>
                    {text}
                    <button type="button" class="link" aria-label="Dismiss" on:click=move |_| state.notice.set(None)>"×"</button>
                </p>
            })}
        </div>
    }
}

/// "Saved" / "Not saved" in the status bar.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let status = expect_context::<SaveStatus>();
    view! {
        <span class="save-indicator" data-testid="save-status" class:error=move || status.error.get().is_some() || status.paused.get()>
            {move || {
                if status.paused.get() {
                    "Autosave paused".to_string()
                } else if let Some(e) = status.error.get() {
                    format!("Not saved: {e}")
                } else {
                    "Saved in this browser".to_string()
                }
            }}
        </span>
    }
}

/// Banner about stored data that failed to load.
#[component]
pub fn StoredProblemBanner() -> impl IntoView {
    let status = expect_context::<SaveStatus>();
    let state = use_board();
    move || {
        status.problem.get().map(|problem| {
            let raw = problem.raw.clone();
            view! {
                <div class="banner" role="alert" data-testid="storage-banner">
                    <p>{problem.message.clone()}</p>
                    <div class="banner-actions">
                        <button type="button" on:click=move |_| {
                            let _ = download_text("breadthfirst-unreadable-board.json", "application/json", &raw);
                        }>"Download the unreadable data"</button>
                        <Show when=move || status.paused.get()>
                            <button type="button" on:click=move |_| {
                                status.paused.set(false);
                                save_now(state, status);
                            }>"Resume autosave (overwrites it)"</button>
                        </Show>
                        <button type="button" class="link" on:click=move |_| status.problem.set(None)>"Dismiss"</button>
                    </div>
                </div>
            }
        })
    }
}
