//! The Boards dialog: many boards in one browser (new, open, rename, duplicate, delete
//! with undo) and the open board's rolling backups (restore).
//!
//! The check worker plans each action on a snapshot of storage
//! (`core::persist::shelf::plan`), so none of that logic is in the first load; this
//! side applies the planned writes, undoing them step by step if storage refuses one.
//! Opening a board then reloads the page: the cheapest correct way to start its
//! history, selection and session afresh.

use super::app::{handles, Handles};
use super::autosave::{self, save_now, SaveStatus, BACKUP_PREFIX};
use super::export::Importer;
use super::library::{clicked, closes_dialog, escape_closes};
use super::state::BoardState;
use crate::browser::dom;
use crate::browser::storage::{self, StorageError};
use crate::core::dialog;
use crate::core::persist::shelf;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// Storage writes in order; `None` removes the key.
type Writes = Vec<(String, Option<String>)>;

/// The Boards dialog's reactive state (the rest is plain, in [`Pending`]).
#[derive(Clone, Copy)]
pub struct Boards {
    /// Whether the dialog is showing.
    pub open: RwSignal<bool>,
    /// The dialog, as HTML from the latest plan.
    html: RwSignal<String>,
}

/// What the dialog remembers between a request and its plan.
#[derive(Default)]
struct Pending {
    /// The board this tab shows.
    mine: u32,
    /// The action waiting for its plan, and the stored revision when it was asked.
    waiting: Option<(&'static str, u64)>,
    /// The board deleted last: its name and the writes that bring it back.
    undo: Option<(String, Writes)>,
}

thread_local! {
    static PENDING: RefCell<Pending> = RefCell::new(Pending::default());
}

/// The open board's id and name as stored.
fn stored_open() -> Option<(u32, String)> {
    let text = storage::read(shelf::OPEN_KEY).ok().flatten()?;
    shelf::parse_open(&text).map(|(id, name)| (id, name.to_string()))
}

/// Sets the page title to the open board's name.
fn show_name(name: &str) {
    if let (Some(d), false) = (dom::document(), name.is_empty()) {
        d.set_title(&format!("{name} · Breadthfirst"));
    }
}

/// Minutes ahead of UTC in this browser.
fn utc_offset() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}

/// Makes the writes in order. If one fails, those made are undone (newest first) and
/// the error is returned; else the writes that undo them all.
fn apply(writes: &[(String, Option<String>)]) -> Result<Writes, StorageError> {
    let mut undo = Vec::new();
    for (key, value) in writes {
        let before = storage::read(key).ok().flatten();
        let done = match value {
            Some(text) => storage::write(key, text),
            None => storage::remove(key),
        };
        if let Err(e) = done {
            undo.reverse();
            let _ = apply(&undo);
            return Err(e);
        }
        undo.push((key.clone(), before));
    }
    undo.reverse();
    Ok(undo)
}

impl Boards {
    /// The dialog's state, showing the open board's name as the page title. On a
    /// first start the open board takes an id no stored board has, so a plan made in
    /// another tab can always tell which board this tab shows.
    pub fn new() -> Self {
        let (id, name) = stored_open().unwrap_or_else(|| {
            let keys = storage::keys();
            let slots = shelf::slot_ids(keys.iter().map(String::as_str));
            let id = slots.into_iter().max().unwrap_or(0) + 1;
            let _ = storage::write(shelf::OPEN_KEY, &format!("{id}\tMy board"));
            (id, "My board".into())
        });
        show_name(&name);
        PENDING.with_borrow_mut(|p| p.mine = id);
        Boards {
            open: RwSignal::new(false),
            html: RwSignal::new("<p class=\"hint\">Loading your boards…</p>".into()),
        }
    }

    /// Opens the dialog.
    pub fn show(&self) {
        self.open.set(true);
        self.request("show", 0, String::new());
    }

    /// Asks the worker to plan `action` on board `id` over a snapshot of storage.
    fn request(&self, action: &'static str, id: u32, name: String) {
        let deleted = PENDING.with_borrow_mut(|p| {
            if action != "show" {
                // Undo brings back the list as it was: only until something else changes.
                p.undo = None;
            }
            p.waiting = Some((action, autosave::stored_rev()));
            p.undo.as_ref().map(|u| u.0.clone()).unwrap_or_default()
        });
        let store = storage::keys()
            .into_iter()
            .filter(|key| key.starts_with(shelf::LIVE))
            .filter_map(|key| Some((key.clone(), storage::read(&key).ok()??)))
            .collect();
        handles().checker.plan_shelf(shelf::ShelfRequest {
            action: action.into(),
            id,
            name,
            store,
            now: dom::now_ms(),
            offset_min: utc_offset(),
            deleted,
        });
    }

    /// Applies a plan from the worker.
    pub fn receive(&self, answer: Result<&str, &str>) {
        let Some((action, rev)) = PENDING.with_borrow_mut(|p| p.waiting.take()) else {
            return;
        };
        let Handles {
            state,
            save: status,
            ..
        } = handles();
        let say = |text: String| state.notice.set(Some(text));
        let text = match answer {
            Ok(text) => text,
            Err(why) => return say(format!("Your boards could not be read: {why}.")),
        };
        let fields = shelf::decode_fields(text);
        if fields.len() < 5 {
            return say("Your boards could not be read: the answer was damaged.".into());
        }
        if !fields[2].is_empty() {
            say(format!("Could not do that: {}.", fields[2]));
        }
        let reload = fields[0] == "r";
        // Moving the open board's parts writes them as they were when asked: nothing
        // may have been saved since (by this tab, or another), and a board this tab
        // is leaving must have no unsaved change. ("reclaim" keeps this tab's version
        // from memory, unsaved changes included.)
        if (reload || action == "reclaim")
            && (autosave::stored_rev() != rev || (reload && status.dirty.get_value()))
        {
            return say("The board changed meanwhile, so nothing was moved. Try again.".into());
        }
        let writes: Writes = fields[5..]
            .chunks_exact(2)
            .map(|w| (w[0].to_string(), w[1].strip_prefix('=').map(str::to_string)))
            .collect();
        let undo = match apply(&writes) {
            Ok(undo) => undo,
            Err(e) => return say(format!("Could not do that: {e}. Nothing was changed.")),
        };
        PENDING.with_borrow_mut(|p| {
            if !fields[3].is_empty() {
                p.undo = Some((fields[3].to_string(), undo));
            }
        });
        show_name(fields[1]);
        if reload {
            autosave::leave();
            autosave::bump(status, rev);
            return dom::reload();
        }
        if action == "reclaim" {
            keep_all();
        }
        // A rename keeps the field as typed: redrawing would move focus.
        if action != "rename" {
            self.html.set(fields[4].to_string());
            dom::after_render(|| dom::focus(".boards [data-undo], .boards [data-new]"));
        }
    }

    /// Saves the open board now; false (and the user told why) if it cannot be saved
    /// or this tab is out of date.
    fn flushed(&self, state: BoardState, status: SaveStatus) -> bool {
        save_now(state, status);
        let why = if status.conflict.get_untracked() {
            "this tab is out of date; choose a version in the banner first".to_string()
        } else if status.dirty.get_value() {
            let error = status.error.get_untracked();
            format!(
                "your latest changes are not saved ({}); download this board first",
                error.map_or("not written".into(), |e| e.to_string())
            )
        } else {
            return true;
        };
        state.notice.set(Some(format!("Could not do that: {why}.")));
        false
    }

    /// "Keep this tab's version": if another tab opened a different board meanwhile,
    /// this tab's board is made the open one again first (a worker plan), then every
    /// part of this tab's version is written.
    pub fn reclaim(&self) {
        let mine = PENDING.with_borrow(|p| p.mine);
        match stored_open() {
            Some((open, _)) if open != mine => {
                let title = dom::document().map(|d| d.title()).unwrap_or_default();
                let name = title.trim_end_matches(" · Breadthfirst").to_string();
                self.request("reclaim", mine, name);
            }
            _ => keep_all(),
        }
    }

    /// Handles a click on one of the dialog's buttons.
    fn click(&self, ev: &web_sys::MouseEvent) {
        let Handles {
            state,
            save: status,
            ..
        } = handles();
        let id = |attr| clicked(ev, attr).and_then(|(_, v)| v.parse::<u32>().ok());
        let mine = PENDING.with_borrow(|p| p.mine);
        if clicked(ev, "data-new").is_some() {
            if self.flushed(state, status) {
                self.request("new", 0, String::new());
            }
        } else if let Some(id) = id("data-open") {
            if self.flushed(state, status) {
                self.request("open", id, String::new());
            }
        } else if let Some(id) = id("data-duplicate") {
            if id != mine || self.flushed(state, status) {
                self.request("duplicate", id, String::new());
            }
        } else if let Some(id) = id("data-delete") {
            self.request("delete", id, String::new());
        } else if clicked(ev, "data-undo").is_some() {
            if let Some((name, undo)) = PENDING.with_borrow_mut(|p| p.undo.take()) {
                if let Err(e) = apply(&undo) {
                    state.notice.set(Some(format!("Could not undo: {e}.")));
                    PENDING.with_borrow_mut(|p| p.undo = Some((name, undo)));
                }
            }
            self.request("show", 0, String::new());
        } else if let Some(slot) = id("data-restore") {
            self.restore(slot, state);
        }
    }

    /// Replaces the board with one of its backups, as one undoable step (an import).
    fn restore(&self, slot: u32, state: BoardState) {
        let text = storage::read(&format!("{BACKUP_PREFIX}{slot}"))
            .ok()
            .flatten()
            .unwrap_or_default();
        match shelf::parse_backup(&text) {
            Some((time, _, json)) => {
                let name = format!("the backup of {}", shelf::when(time, utc_offset()));
                Importer::from_context().import_text(&name, json);
                self.open.set(false);
            }
            None => state
                .notice
                .set(Some("Could not restore: that backup is gone.".into())),
        }
    }
}

/// "Keep this tab's version", once this tab's board is the open one: the board and
/// every other part written again from this tab.
fn keep_all() {
    let h = handles();
    autosave::keep_this_version(h.state, h.save);
    h.practice.save();
    h.library.save();
    if let Some(id) = h.library.current.get_untracked() {
        h.checker.save_claims(&id);
    }
}

/// The Boards dialog: HTML text planned by the worker, with delegated listeners.
#[component]
pub fn BoardsDialog() -> impl IntoView {
    let boards = handles().boards;
    let on_click = move |ev: web_sys::MouseEvent| {
        if closes_dialog(&ev) {
            boards.open.set(false);
        } else {
            boards.click(&ev);
        }
    };
    let on_change = move |ev: web_sys::Event| {
        let field = ev.target().and_then(|t| {
            let el = t.dyn_into::<web_sys::HtmlInputElement>().ok()?;
            Some((el.get_attribute("data-rename")?.parse().ok()?, el.value()))
        });
        if let Some((id, name)) = field {
            boards.request("rename", id, name);
        }
    };
    view! {
        <div
            on:click=on_click
            on:change=on_change
            on:keydown=escape_closes(boards.open)
            inner_html=move || {
                if boards.open.get() {
                    format!(
                        "{}{}<div data-testid=\"boards\">{}</div>{}",
                        dialog::start("library boards", "boards-title", "Boards"),
                        dialog::CLOSE,
                        boards.html.get(),
                        dialog::END
                    )
                } else {
                    String::new()
                }
            }
        ></div>
    }
}
