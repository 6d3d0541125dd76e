//! Messages to the user: transient notices, the save indicator, the stored-data banner.

use super::autosave::{keep_this_version, save_now, SaveStatus};
use super::state::use_board;
use crate::browser::{dom, download::download_text};
use crate::core::check::wire::file_name;
use crate::core::persist;
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
        <span class="save-indicator" data-testid="save-status" class:error=move || status.error.get().is_some() || status.paused.get() || status.conflict.get()>
            {move || {
                if status.paused.get() {
                    "Autosave paused".to_string()
                } else if status.conflict.get() {
                    "Not saved: changed in another tab".to_string()
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

/// Banner when saving is blocked: another tab saved a newer board (choose which to
/// keep), or storage refused the write (full: download the board; nothing in memory is
/// dropped, and saving resumes with the next change that fits).
#[component]
pub fn SaveBanner() -> impl IntoView {
    let status = expect_context::<SaveStatus>();
    let state = use_board();
    let download = move |_| {
        let json = state.with_editor(|e| persist::to_json(e.board(), &e.viewport()));
        let name = file_name("breadthfirst-board", &super::export::today(), "json");
        let _ = download_text(&name, "application/json", &json);
    };
    move || {
        let (message, conflict) = if status.conflict.get() {
            (
                "This board was changed in another tab, so this tab stopped saving: it would overwrite the newer version.".to_string(),
                true,
            )
        } else {
            let error = status.error.get()?;
            (
                format!("Your latest changes are not saved: {error}. They are safe while this tab stays open; download the board to keep them. Saving resumes by itself once there is room."),
                false,
            )
        };
        Some(view! {
            <div class="banner" role="alert" data-testid="save-banner">
                <p>{message}</p>
                <div class="banner-actions">
                    {conflict.then(|| view! {
                        <button type="button" on:click=move |_| dom::reload()>"Load the newer version"</button>
                        <button type="button" on:click=move |_| keep_this_version(state, status)>"Keep this tab's version"</button>
                    })}
                    <button type="button" on:click=download>"Download this board"</button>
                </div>
            </div>
        })
    }
}
