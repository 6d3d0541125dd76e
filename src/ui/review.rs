//! The honest review: the board held against the prompt's checklist. Opened with
//! "Check design" in free practice, and by itself in the Review phase of a timed
//! session (never before it: no hints during a session). Re-checked a moment after
//! the board stops changing, in a web worker, so never inside a drag frame and not
//! part of the first load.

use super::autosave::write_part;
use super::export;
use super::library::{clicked, Library};
use super::practice::Practice;
use super::state::{use_board, BoardState};
use crate::browser::check_worker::CheckWorker;
use crate::browser::storage;
use crate::core::check::wire::{
    claims_from_text, read_answer, read_export, toggle_claim, CheckRequest,
};
use crate::core::diagram::{escape_markup, ComponentId};
use crate::core::editor::Action;
use crate::core::persist;
use crate::core::persist::shelf::{encode_request, ShelfRequest};
use crate::core::session::{Phase, Session};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Quiet time after the last change before re-checking, in milliseconds.
const RECHECK_MS: u32 = 100;

/// The check's state: whether it is shown, the latest report as HTML written by the
/// worker, and what the user says was covered out loud.
#[derive(Clone, Copy)]
pub struct Checker {
    /// Shown in free practice ("Check design").
    pub open: RwSignal<bool>,
    /// Latest report, as HTML (None until the first check).
    pub html: RwSignal<Option<String>>,
    /// Item keys claimed as covered out loud for the current prompt, one per line.
    pub claims: RwSignal<String>,
    /// Why the last check failed, if it did.
    pub error: RwSignal<Option<String>>,
    /// The worker, started on the first check or export.
    worker: StoredValue<Option<CheckWorker>, LocalStorage>,
    /// Sequence number of the latest export, and whether it is to be copied.
    export: StoredValue<(u64, bool)>,
    state: BoardState,
}

/// Exports are numbered from here, apart from checks.
const FIRST_EXPORT: u64 = 1 << 40;
/// The number of every Boards request (each is answered in order).
const SHELF: u64 = 1 << 50;
/// The number of every request for an imported file's practice.
const IMPORT: u64 = 1 << 51;

fn claims_key(prompt_id: &str) -> String {
    format!("breadthfirst.claims.{prompt_id}")
}

impl Checker {
    /// A closed checker that re-checks whenever it is visible and the board, prompt,
    /// session or claims change.
    pub fn new(state: BoardState) -> Self {
        let checker = Checker {
            open: RwSignal::new(false),
            html: RwSignal::new(None),
            claims: RwSignal::new(String::new()),
            error: RwSignal::new(None),
            worker: StoredValue::new_local(None),
            export: StoredValue::new((FIRST_EXPORT, false)),
            state,
        };
        // Answers to anything but the latest request are stale and dropped.
        let latest = StoredValue::new(0u64);
        checker.worker.set_value(Some(CheckWorker::new(move |text| {
            let (seq, body) = read_answer(&text);
            if seq == IMPORT {
                if let Ok(body) = body {
                    export::Importer::from_context().restore_practice(body);
                }
                return;
            }
            // A worker that failed (number 0) fails a waiting Boards request too.
            if seq == SHELF || (seq == 0 && body.is_err()) {
                super::app::handles().boards.receive(body);
                if seq == SHELF {
                    return;
                }
            }
            if seq >= FIRST_EXPORT {
                let (last, copy) = checker.export.get_value();
                match body.map(read_export) {
                    Ok(Some((file, mime, content))) if seq == last => {
                        export::deliver(state, copy, file, mime, content);
                    }
                    Err(why) => state.notice.set(Some(format!("The export failed: {why}."))),
                    _ => {}
                }
                return;
            }
            match body {
                _ if seq != 0 && seq != latest.get_value() => {}
                Ok(html) => {
                    checker.error.set(None);
                    checker.html.set(Some(html.to_string()));
                }
                Err(why) => checker.error.set(Some(why.to_string())),
            }
        })));
        let library = expect_context::<Library>();
        let practice = expect_context::<Practice>();
        // Claims belong to a prompt.
        Effect::new(move |_| {
            let claims = library
                .current
                .get()
                .and_then(|id| storage::read(&claims_key(&id)).ok().flatten())
                .unwrap_or_default();
            checker.claims.set(claims);
        });
        // What to check with: in Review the session (focus picks, breadth map,
        // timings), in free practice none, and during a session nothing (no check).
        let inputs = Memo::new(move |_| -> Option<Option<Session>> {
            practice.session.with(|s| match s {
                Some(s) if s.phase() == Phase::Review => Some(Some(s.clone())),
                Some(_) => None,
                None => checker.open.get().then_some(None),
            })
        });
        let pending = StoredValue::new_local(None::<Timeout>);
        Effect::new(move |_| {
            state.structure.track();
            let claims = claims_from_text(&checker.claims.get());
            let (Some(session), Some(prompt)) = (inputs.get(), library.current.get()) else {
                pending.set_value(None);
                checker.html.set(None);
                return;
            };
            // Replacing the pending timeout cancels it: only the last change checks.
            pending.set_value(Some(Timeout::new(RECHECK_MS, move || {
                latest.update_value(|s| *s += 1);
                let request = CheckRequest {
                    seq: latest.get_value(),
                    prompt,
                    board: state.with_editor(|e| persist::to_json(e.board(), &e.viewport())),
                    claims,
                    session,
                    ..CheckRequest::default()
                };
                if let Err(e) = checker.send(&request) {
                    checker
                        .error
                        .set(Some(format!("the check could not start ({e})")));
                }
            })));
        });
        checker
    }

    fn send(&self, request: &CheckRequest) -> Result<(), String> {
        self.worker
            .try_update_value(|w| w.as_mut().map(|w| w.request(request)))
            .flatten()
            .unwrap_or_else(|| Err("no worker".into()))
    }

    /// Asks the worker for an export (`request.export`), to be downloaded or, with
    /// `copy`, copied; only the latest export is delivered.
    pub fn export(&self, mut request: CheckRequest, copy: bool) {
        let seq = self.export.get_value().0 + 1;
        self.export.set_value((seq, copy));
        request.seq = seq;
        if let Err(e) = self.send(&request) {
            self.state
                .notice
                .set(Some(format!("The export could not start ({e}).")));
        }
    }

    /// Asks the worker what practice an imported file records; the answer goes to
    /// `Importer::restore_practice`.
    pub fn ask_practice(&self, text: &str) {
        let request = CheckRequest {
            seq: IMPORT,
            import: text.to_string(),
            ..CheckRequest::default()
        };
        let _ = self.send(&request);
    }

    /// Asks the worker to plan a Boards action; the plan goes to `Boards::receive`.
    pub fn plan_shelf(&self, shelf: ShelfRequest) {
        let request = CheckRequest {
            seq: SHELF,
            shelf: encode_request(&shelf),
            ..CheckRequest::default()
        };
        if let Err(e) = self.send(&request) {
            super::app::handles().boards.receive(Err(&e));
        }
    }

    /// Forgets what was claimed for a prompt: a new timed session starts honest.
    pub fn forget_claims(&self, prompt_id: &str) {
        self.claims.set(String::new());
        write_part(&claims_key(prompt_id), None);
    }

    /// Marks an item as covered out loud, or takes that back; kept per prompt.
    fn toggle_claim(&self, key: &str, prompt_id: &str) {
        self.claims.update(|text| *text = toggle_claim(text, key));
        self.save_claims(prompt_id);
    }

    /// Saves what was claimed for a prompt, under the two-tab guard.
    pub fn save_claims(&self, prompt_id: &str) {
        let text = self.claims.get_untracked();
        write_part(&claims_key(prompt_id), Some(&text));
    }
}

/// Whether the check may be shown now: free practice, or a session in Review.
fn check_allowed(practice: Practice) -> bool {
    practice
        .session
        .with(|s| s.as_ref().is_none_or(|s| s.phase() == Phase::Review))
}

/// The toolbar's "Check design" button.
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
    view! {
        <button
            type="button"
            class="tool-button prompts-button"
            aria-pressed=move || checker.open.get().to_string()
            title=title
            disabled=disabled
            on:click=move |_| checker.open.update(|o| *o = !*o)
        >
            "Check design"
        </button>
    }
}

/// The report, grouped by category, with coverage and claims. The list is written as
/// escaped HTML text (`core::check::html`) and its buttons and checkboxes are handled
/// by one delegated listener each.
#[component]
pub fn CheckPanel() -> impl IntoView {
    let checker = expect_context::<Checker>();
    let practice = expect_context::<Practice>();
    let library = expect_context::<Library>();
    let state = use_board();
    let html = move || {
        let error = checker.error.get().map(|e| {
            format!(
                "<p class=\"hint\" role=\"alert\">The check failed: {}.</p>",
                escape_markup(&e)
            )
        });
        let body = checker.html.get();
        if error.is_none() && body.is_none() {
            return String::new();
        }
        let heading = if practice.session.with(Option::is_some) {
            "Review"
        } else {
            "Check"
        };
        format!(
            "<section class=\"prompt-panel check-panel\" aria-label=\"Check\"><h2 class=\"prompt-title\">{heading}</h2>{}{}</section>",
            error.unwrap_or_default(),
            body.unwrap_or_default()
        )
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let ids: Vec<ComponentId> = clicked(&ev, "data-show")
            .iter()
            .flat_map(|(_, list)| list.split(','))
            .filter_map(|id| id.parse().ok().map(ComponentId))
            .collect();
        if let Some(first) = ids.first().copied() {
            let _ = state.dispatch(Action::SelectComponents(ids));
            let _ = state.dispatch(Action::RevealComponent(first));
        }
    };
    let on_change = move |ev: web_sys::Event| {
        let key = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.get_attribute("data-claim"));
        if let (Some(key), Some(prompt)) = (key, library.current.get_untracked()) {
            checker.toggle_claim(&key, &prompt);
        }
    };
    view! { <div on:click=on_click on:change=on_change inner_html=html></div> }
}
