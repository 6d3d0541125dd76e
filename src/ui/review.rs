//! The honest review: the board held against the prompt's checklist. Opened with
//! "Check design" in free practice, and by itself in the Review phase of a timed
//! session (never before it: no hints during a session). Re-checked a moment after
//! the board stops changing, in the worker, so never inside a drag frame and not part
//! of the first load.

use super::autosave::{write_part, SaveStatus};
use super::library::Library;
use super::practice::Practice;
use super::report::ReportView;
use super::state::BoardState;
use super::worker::Worker;
use crate::browser::storage;
use crate::core::check::claims::{claims_from_text, claims_text, toggle_claim};
use crate::core::check::Report;
use crate::core::persist;
use crate::core::protocol::CheckJob;
use crate::core::session::{Phase, Session};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// Quiet time after the last change before re-checking, in milliseconds.
const RECHECK_MS: u32 = 100;

/// The check's state: whether it is shown, the latest review from the worker, and
/// what the user says was covered out loud.
#[derive(Clone, Copy)]
pub struct Checker {
    /// Shown in free practice ("Check design").
    pub open: RwSignal<bool>,
    /// The latest report (None until the first check).
    pub report: RwSignal<Option<Report>>,
    /// Item keys claimed as covered out loud for the current prompt.
    pub claims: RwSignal<Vec<String>>,
    /// Why the last check failed, if it did.
    pub error: RwSignal<Option<String>>,
    save: SaveStatus,
}

fn claims_key(prompt_id: &str) -> String {
    format!("breadthfirst.claims.{prompt_id}")
}

impl Checker {
    /// A closed checker that re-checks whenever it is visible and the board, prompt or
    /// session change.
    pub fn new(
        state: BoardState,
        library: Library,
        practice: Practice,
        save: SaveStatus,
        worker: Worker,
    ) -> Self {
        let checker = Checker {
            open: RwSignal::new(false),
            report: RwSignal::new(None),
            claims: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
            save,
        };
        // Claims belong to a prompt.
        Effect::new(move |_| {
            let claims = library
                .current
                .get()
                .and_then(|id| storage::read(&claims_key(&id)).ok().flatten())
                .unwrap_or_default();
            checker.claims.set(claims_from_text(&claims));
        });
        // What to check with: in Review the session (focus picks, breadth map), in
        // free practice none, and during a session nothing (no check).
        let inputs = Memo::new(move |_| -> Option<Option<Session>> {
            practice.session.with(|s| match s {
                Some(s) if s.phase() == Phase::Review => Some(Some(s.clone())),
                Some(_) => None,
                None => checker.open.get().then_some(None),
            })
        });
        // Only the latest check's reply is shown.
        let latest = StoredValue::new(0_u64);
        let pending = StoredValue::new_local(None::<Timeout>);
        Effect::new(move |_| {
            state.structure.track();
            let (Some(session), Some(prompt)) = (inputs.get(), library.current.get()) else {
                pending.set_value(None);
                checker.report.set(None);
                return;
            };
            // Replacing the pending timeout cancels it: only the last change checks.
            pending.set_value(Some(Timeout::new(RECHECK_MS, move || {
                latest.update_value(|n| *n += 1);
                let mine = latest.get_value();
                let job = CheckJob {
                    prompt,
                    board: state.with_editor(|e| persist::to_json(e.board(), &e.viewport())),
                    session,
                };
                leptos::task::spawn_local(async move {
                    let reply = worker.check(job).await;
                    if latest.get_value() != mine {
                        return;
                    }
                    match reply {
                        Ok(report) => {
                            checker.error.set(None);
                            checker.report.set(Some(report));
                        }
                        Err(why) => checker.error.set(Some(why)),
                    }
                });
            })));
        });
        checker
    }

    /// Forgets what was claimed for a prompt: a new timed session starts honest.
    pub fn forget_claims(&self, prompt_id: &str) {
        self.claims.set(Vec::new());
        write_part(self.save, &claims_key(prompt_id), None);
    }

    /// Marks an item as covered out loud, or takes that back; kept per prompt.
    pub fn toggle_claim(&self, key: &str, prompt_id: &str) {
        self.claims
            .update(|claims| *claims = toggle_claim(claims, key));
        self.save_claims(prompt_id);
    }

    /// Replaces the claims of a prompt (an import brings them back).
    pub fn set_claims(&self, claims: Vec<String>, prompt_id: &str) {
        self.claims.set(claims);
        self.save_claims(prompt_id);
    }

    /// Saves what was claimed for a prompt, under the two-tab guard.
    pub fn save_claims(&self, prompt_id: &str) {
        let text = self.claims.with_untracked(|c| claims_text(c));
        write_part(self.save, &claims_key(prompt_id), Some(&text));
    }
}

/// Whether the check may be shown now: free practice, or a session in Review.
fn check_allowed(practice: Practice) -> bool {
    practice
        .session
        .with(|s| s.as_ref().is_none_or(|s| s.phase() == Phase::Review))
}

/// The toolbar's "Check design" button (free practice).
#[component]
pub fn CheckButton() -> impl IntoView {
    let checker = expect_context::<Checker>();
    let practice = expect_context::<Practice>();
    let library = expect_context::<Library>();
    let disabled = move || library.current.with(Option::is_none) || !check_allowed(practice);
    let title = move || {
        if !check_allowed(practice) {
            "The checklist opens in Review: no hints during a session"
        } else if library.current.with(Option::is_none) {
            "Choose a prompt first"
        } else {
            "Hold the board against the prompt's checklist"
        }
    };
    // During a session the check waits for Review, which shows it by itself.
    let in_session = move || practice.session.with(Option::is_some);
    view! {
        <button
            type="button"
            class="tool-button prompts-button"
            hidden=in_session
            aria-pressed=move || checker.open.get().to_string()
            title=title
            disabled=disabled
            on:click=move |_| checker.open.update(|o| *o = !*o)
        >
            "Check design"
        </button>
    }
}

/// The check in the side panel (free practice): coverage and every item.
#[component]
pub fn CheckPanel() -> impl IntoView {
    let checker = expect_context::<Checker>();
    let practice = expect_context::<Practice>();
    let shown = move || {
        practice.session.with(Option::is_none)
            && (checker.report.with(Option::is_some) || checker.error.with(Option::is_some))
    };
    move || {
        shown().then(|| {
            view! {
                <section class="prompt-panel check-panel" aria-label="Check">
                    <h2 class="prompt-title">"Check"</h2>
                    <SaveAttempt />
                    <CheckOutcome />
                </section>
            }
        })
    }
}

/// The check's failure, or its report. `on_show` runs after an item was shown on the
/// board.
#[component]
pub fn CheckOutcome(#[prop(default = None)] on_show: Option<Callback<()>>) -> impl IntoView {
    let checker = expect_context::<Checker>();
    view! {
        {move || {
            checker.error.get().map(|e| view! {
                <p class="hint" role="alert">{format!("The check failed: {e}.")}</p>
            })
        }}
        {move || {
            checker.report.get().map(|report| view! { <ReportView report=report on_show=on_show /> })
        }}
    }
}

/// Saves a free-practice check as an attempt in the history.
#[component]
fn SaveAttempt() -> impl IntoView {
    use crate::core::history::bridge::{RecordJob, ToHistory};
    let checker = expect_context::<Checker>();
    let library = expect_context::<Library>();
    let link = expect_context::<super::history_link::HistoryLink>();
    let state = super::state::use_board();
    let save = move |_| {
        let Some(prompt) = library.current.get_untracked() else {
            return;
        };
        let job = RecordJob {
            prompt,
            board: state.with_editor(|e| persist::to_json(e.board(), &e.viewport())),
            session: None,
            claims: checker.claims.with_untracked(|c| claims_text(c)),
            at_ms: crate::browser::dom::now_ms() as u64,
        };
        leptos::task::spawn_local(async move {
            let text = match link.call(ToHistory::Record(job)).await {
                Err(why) => format!("Not saved: {why}."),
                Ok(()) => "Saved as an attempt in your practice history.".to_string(),
            };
            state.notice.set(Some(text));
        });
    };
    view! {
        <button type="button" class="secondary" on:click=save disabled=move || checker.report.with(Option::is_none)>
            "Save as an attempt"
        </button>
    }
}
