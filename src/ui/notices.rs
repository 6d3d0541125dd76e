//! Messages to the user: transient notices, the save indicator, the banners.

use super::autosave::{save_now, SaveStatus};
use super::boards::Boards;
use super::library::clicked;
use super::state::use_board;
use crate::browser::{dom, download::download_text};
use crate::core::check::wire::file_name;
use crate::core::diagram::escape_markup;
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
    let html = move || {
        state.notice.get().map_or(String::new(), |text| {
            format!(
                "<p>{}<button type=\"button\" class=\"link\" aria-label=\"Dismiss\" data-dismiss>×</button></p>",
                escape_markup(&text)
            )
        })
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if clicked(&ev, "data-dismiss").is_some() {
            state.notice.set(None);
        }
    };
    view! { <div class="notice" role="status" aria-live="polite" on:click=on_click inner_html=html></div> }
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

/// One banner as HTML: the message, then buttons carrying `data-banner=<action>`.
fn banner_html(out: &mut String, testid: &str, message: &str, buttons: &[(&str, &str)]) {
    out.push_str(&format!(
        "<div class=\"banner\" role=\"alert\" data-testid=\"{testid}\"><p>{}</p><div class=\"banner-actions\">",
        escape_markup(message)
    ));
    for (action, label) in buttons {
        out.push_str(&format!(
            "<button type=\"button\" data-banner=\"{action}\">{label}</button>"
        ));
    }
    out.push_str("</div></div>");
}

/// The banners, HTML text with one delegated listener:
/// - stored data that failed to load (`storage-banner`): download it, resume
///   autosave if it is paused, dismiss;
/// - saving blocked (`save-banner`): another tab saved a newer board (load it, or keep
///   this tab's version), or storage refused the write (full: download the board;
///   nothing in memory is dropped, and saving resumes with the next change that fits).
#[component]
pub fn Banners() -> impl IntoView {
    let status = expect_context::<SaveStatus>();
    let state = use_board();
    let boards = expect_context::<Boards>();
    let html = move || {
        let mut out = String::new();
        if let Some(problem) = status.problem.get() {
            let mut buttons = vec![("raw", "Download the unreadable data")];
            if status.paused.get() {
                buttons.push(("resume", "Resume autosave (overwrites it)"));
            }
            buttons.push(("dismiss", "Dismiss"));
            banner_html(&mut out, "storage-banner", &problem.message, &buttons);
        }
        let download = ("download", "Download this board");
        if status.conflict.get() {
            banner_html(
                &mut out,
                "save-banner",
                "This board was changed in another tab, so this tab stopped saving: it would overwrite the newer version.",
                &[
                    ("reload", "Load the newer version"),
                    ("keep", "Keep this tab's version"),
                    download,
                ],
            );
        } else if let Some(error) = status.error.get() {
            banner_html(
                &mut out,
                "save-banner",
                &format!("Your latest changes are not saved: {error}. They are safe while this tab stays open; download the board to keep them. Saving resumes by itself once there is room."),
                &[download],
            );
        }
        out
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some((_, action)) = clicked(&ev, "data-banner") else {
            return;
        };
        match action.as_str() {
            "raw" => {
                let raw = status
                    .problem
                    .with_untracked(|p| p.as_ref().map(|p| p.raw.clone()));
                let _ = download_text(
                    "breadthfirst-unreadable-board.json",
                    "application/json",
                    &raw.unwrap_or_default(),
                );
            }
            "resume" => {
                status.paused.set(false);
                save_now(state, status);
            }
            "dismiss" => status.problem.set(None),
            "reload" => dom::reload(),
            // This tab's version wins (see `Boards::reclaim`).
            "keep" => boards.reclaim(),
            _ => {
                let json = state.with_editor(|e| persist::to_json(e.board(), &e.viewport()));
                let name = file_name("breadthfirst-board", &super::export::today(), "json");
                let _ = download_text(&name, "application/json", &json);
            }
        }
    };
    view! { <div class="banners" on:click=on_click inner_html=html></div> }
}
