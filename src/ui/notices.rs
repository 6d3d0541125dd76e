//! Messages to the user: transient notices, the save indicator, the banners.

use super::autosave::{leave, save_now, SaveStatus};
use super::boards::Boards;
use super::state::use_board;
use crate::browser::{dom, download::download_text};
use crate::core::persist;
use crate::core::protocol::file_name;
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
            {move || {
                state.notice.get().map(|text| view! {
                    <p>
                        {text}
                        <button type="button" class="link" aria-label="Dismiss" on:click=move |_| state.notice.set(None)>
                            "×"
                        </button>
                    </p>
                })
            }}
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

/// What a banner button does.
#[derive(Clone, Copy, PartialEq)]
enum BannerAction {
    /// Download the stored data that failed to load.
    DownloadRaw,
    /// Resume autosave, overwriting that data.
    Resume,
    /// Hide the storage banner.
    Dismiss,
    /// Load the newer version another tab saved.
    Reload,
    /// Keep this tab's version.
    Keep,
    /// Download the board as it is in this tab.
    Download,
    /// Apply the new build that waits.
    Update,
    /// Hide the update banner until the next start.
    Later,
}

/// One banner: its message, and buttons with what they do.
#[component]
fn Banner(
    testid: &'static str,
    /// `alert` for problems, `status` for news.
    #[prop(default = "alert")]
    role: &'static str,
    message: String,
    buttons: Vec<(BannerAction, &'static str)>,
    on_action: Callback<BannerAction>,
) -> impl IntoView {
    let buttons = buttons
        .into_iter()
        .map(|(action, label)| {
            view! { <button type="button" on:click=move |_| on_action.run(action)>{label}</button> }
        })
        .collect_view();
    view! {
        <div class="banner" role=role data-testid=testid>
            <p>{message}</p>
            <div class="banner-actions">{buttons}</div>
        </div>
    }
}

/// What the page has heard of a new build from the service worker's page script
/// (`src/browser/offline.js`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Update {
    /// A new build is installed and waits: reloading applies it.
    Ready,
    /// The user asked, but other tabs of the app are open: they would run two builds.
    OtherTabs,
}

/// A new build of the app, as the update banner shows it.
#[derive(Clone, Copy)]
pub struct UpdateStatus {
    /// The latest news of a new build (`None` once dismissed, or before any).
    update: RwSignal<Option<Update>>,
}

impl UpdateStatus {
    /// Reads the news offline.js left, and listens for more.
    pub fn start() -> Self {
        let read = || match dom::root_data("update").as_deref() {
            Some("ready") => Some(Update::Ready),
            Some("busy") => Some(Update::OtherTabs),
            _ => None,
        };
        let update = RwSignal::new(read());
        let _ = window_event_listener_untyped("breadthfirst-update", move |_| update.set(read()));
        UpdateStatus { update }
    }

    /// Asks offline.js to apply the waiting build: the page reloads, or the banner
    /// says other tabs are open.
    fn apply(self) {
        dom::signal_window("breadthfirst-apply");
    }
}

/// The banners:
/// - stored data that failed to load (`storage-banner`): download it, resume
///   autosave if it is paused, dismiss;
/// - saving blocked (`save-banner`): another tab saved a newer board (load it, or keep
///   this tab's version), or storage refused the write (full: download the board;
///   nothing in memory is dropped, and saving resumes with the next change that fits);
/// - a new build is ready (`update-banner`): reload to apply it, or later.
#[component]
pub fn Banners() -> impl IntoView {
    let status = expect_context::<SaveStatus>();
    let updates = expect_context::<UpdateStatus>();
    let state = use_board();
    let boards = expect_context::<Boards>();
    let on_action = Callback::new(move |action: BannerAction| match action {
        BannerAction::DownloadRaw => {
            let raw = status
                .problem
                .with_untracked(|p| p.as_ref().map(|p| p.raw.clone()));
            let _ = download_text(
                "breadthfirst-unreadable-board.json",
                "application/json",
                &raw.unwrap_or_default(),
            );
        }
        BannerAction::Resume => {
            status.paused.set(false);
            save_now(state, status);
        }
        BannerAction::Dismiss => status.problem.set(None),
        // This tab's changes are dropped on purpose: no question on leaving.
        BannerAction::Reload => {
            leave(status);
            dom::reload();
        }
        // This tab's version wins (see `Boards::reclaim`).
        BannerAction::Keep => boards.reclaim(),
        BannerAction::Download => {
            let json = state.with_editor(|e| persist::to_json(e.board(), &e.viewport()));
            let name = file_name("breadthfirst-board", &crate::browser::dom::today(), "json");
            let _ = download_text(&name, "application/json", &json);
        }
        BannerAction::Update => updates.apply(),
        BannerAction::Later => updates.update.set(None),
    });
    let update_banner = move || {
        let message = match updates.update.get()? {
            Update::Ready => "Update ready: a new version of Breadthfirst is installed. Reload to use it; your board and session carry over.",
            Update::OtherTabs => "Update ready, but Breadthfirst is open in other tabs: close them, then reload here (two versions must not run side by side).",
        };
        let buttons = vec![
            (BannerAction::Update, "Reload"),
            (BannerAction::Later, "Later"),
        ];
        Some(
            view! { <Banner testid="update-banner" role="status" message=message.to_string() buttons=buttons on_action=on_action /> },
        )
    };
    let storage_banner = move || {
        status.problem.get().map(|problem| {
            let mut buttons = vec![(BannerAction::DownloadRaw, "Download the unreadable data")];
            if status.paused.get() {
                buttons.push((BannerAction::Resume, "Resume autosave (overwrites it)"));
            }
            buttons.push((BannerAction::Dismiss, "Dismiss"));
            view! { <Banner testid="storage-banner" message=problem.message buttons=buttons on_action=on_action /> }
        })
    };
    let download = (BannerAction::Download, "Download this board");
    let save_banner = move || {
        if status.conflict.get() {
            Some(view! {
                <Banner
                    testid="save-banner"
                    message="This board was changed in another tab, so this tab stopped saving: it would overwrite the newer version.".to_string()
                    buttons=vec![
                        (BannerAction::Reload, "Load the newer version"),
                        (BannerAction::Keep, "Keep this tab's version"),
                        download,
                    ]
                    on_action=on_action
                />
            })
        } else {
            status.error.get().map(|error| view! {
                <Banner
                    testid="save-banner"
                    message=format!("Your latest changes are not saved: {error}. They are safe while this tab stays open; download the board to keep them. Saving resumes by itself once there is room.")
                    buttons=vec![download]
                    on_action=on_action
                />
            })
        }
    };
    view! { <div class="banners">{storage_banner}{save_banner}{update_banner}</div> }
}
