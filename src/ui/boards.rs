//! The Boards dialog: many boards in one browser (new, open, rename, duplicate, delete
//! with undo) and the open board's rolling backups (restore).
//!
//! The worker plans each action on a snapshot of storage
//! (`core::persist::shelf::plan`), so none of that logic is in the first load; this
//! side applies the planned writes, undoing them step by step if storage refuses one.
//! One action is planned at a time. Opening a board then reloads the page: the
//! cheapest correct way to start its history, selection and session afresh.

use super::autosave::{self, save_now, SaveStatus, BACKUP_PREFIX};
use super::export::Importer;
use super::library::{Library, PROMPT_KEY};
use super::modal::Modal;
use super::practice::{Practice, SESSION_KEY};
use super::review::Checker;
use super::state::BoardState;
use super::worker::Worker;
use crate::browser::dom;
use crate::browser::storage::{self, StorageError};
use crate::browser::worker::refusal;
use crate::core::persist::shelf::{self, BackupRow, BoardRow, BoardsAction, Listing, Plan};
use crate::core::protocol::{Reply, Request};
use crate::core::session::Session;
use leptos::prelude::*;

/// Storage writes in order; `None` removes the key.
type Writes = Vec<(String, Option<String>)>;

/// The Boards dialog and what it acts on.
#[derive(Clone, Copy)]
pub struct Boards {
    /// Whether the dialog is showing.
    pub open: RwSignal<bool>,
    /// What the dialog lists (None until the first plan).
    listing: RwSignal<Option<Listing>>,
    /// An action is being planned: the others wait. Buttons say so with
    /// `aria-disabled` rather than `disabled`, which would drop keyboard focus from
    /// the button that has it.
    busy: RwSignal<bool>,
    /// The board this tab shows.
    mine: u32,
    /// The board deleted last: its name and the writes that bring it back.
    undo: StoredValue<Option<(String, Writes)>>,
    state: BoardState,
    save: SaveStatus,
    library: Library,
    practice: Practice,
    checker: Checker,
    importer: Importer,
    worker: Worker,
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
    pub fn new(
        state: BoardState,
        save: SaveStatus,
        library: Library,
        practice: Practice,
        checker: Checker,
        importer: Importer,
        worker: Worker,
    ) -> Self {
        let (mine, name) = stored_open().unwrap_or_else(|| {
            let keys = storage::keys();
            let slots = shelf::slot_ids(keys.iter().map(String::as_str));
            let id = slots.into_iter().max().unwrap_or(0) + 1;
            let _ = storage::write(shelf::OPEN_KEY, &format!("{id}\tMy board"));
            (id, "My board".into())
        });
        show_name(&name);
        Boards {
            open: RwSignal::new(false),
            listing: RwSignal::new(None),
            busy: RwSignal::new(false),
            mine,
            undo: StoredValue::new(None),
            state,
            save,
            library,
            practice,
            checker,
            importer,
            worker,
        }
    }

    /// Opens the dialog.
    pub fn show(&self) {
        self.open.set(true);
        self.request(BoardsAction::Show, 0, String::new(), Vec::new());
    }

    fn say(&self, text: String) {
        self.state.notice.set(Some(text));
    }

    /// Asks the worker to plan `action` on board `id` over a snapshot of storage,
    /// then applies the plan (with `extra` writes after it when it opens a board).
    fn request(self, action: BoardsAction, id: u32, name: String, extra: Writes) {
        if self.busy.get_untracked() {
            return;
        }
        if action != BoardsAction::Show {
            // Undo brings back the list as it was: only until something else changes.
            self.undo.set_value(None);
        }
        let deleted = self
            .undo
            .with_value(|u| u.as_ref().map(|u| u.0.clone()))
            .unwrap_or_default();
        let store = storage::keys()
            .into_iter()
            .filter(|key| key.starts_with(shelf::LIVE))
            .filter_map(|key| Some((key.clone(), storage::read(&key).ok()??)))
            .collect();
        let request = shelf::ShelfRequest {
            action,
            id,
            name,
            store,
            now: dom::now_ms(),
            offset_min: utc_offset(),
            deleted,
        };
        let rev = autosave::stored_rev();
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let reply = self.worker.call(Request::PlanBoards(request)).await;
            self.busy.set(false);
            match reply {
                Ok(Reply::Planned(plan)) => self.receive(action, id, rev, plan, extra),
                other => self.say(format!(
                    "Your boards could not be read: {}.",
                    refusal(other)
                )),
            }
        });
    }

    /// Applies a plan for `action` on board `id` made over the stored revision `rev`.
    fn receive(self, action: BoardsAction, id: u32, rev: u64, plan: Plan, extra: Writes) {
        if !plan.error.is_empty() {
            self.say(format!("Could not do that: {}.", plan.error));
        }
        let reload = plan.reload;
        // Moving the open board's parts writes them as they were when asked: nothing
        // may have been saved since (by this tab, or another), and a board this tab
        // is leaving must have no unsaved change. (Reclaim keeps this tab's version
        // from memory, unsaved changes included.)
        if (reload || action == BoardsAction::Reclaim)
            && (autosave::stored_rev() != rev || (reload && self.save.dirty.get_value()))
        {
            return self
                .say("The board changed meanwhile, so nothing was moved. Try again.".into());
        }
        let mut writes = plan.writes;
        if reload {
            writes.extend(extra);
        }
        let undo = match apply(&writes) {
            Ok(undo) => undo,
            Err(e) => return self.say(format!("Could not do that: {e}. Nothing was changed.")),
        };
        if !plan.deleted.is_empty() {
            self.undo.set_value(Some((plan.deleted, undo)));
        }
        show_name(&plan.title);
        if reload {
            autosave::leave(self.save);
            autosave::bump(self.save, rev);
            return dom::reload();
        }
        if action == BoardsAction::Reclaim {
            self.keep_all();
        }
        let focus_undo = action == BoardsAction::Delete && plan.listing.deleted.is_some();
        self.listing.set(Some(plan.listing));
        match action {
            BoardsAction::Delete if focus_undo => {
                dom::after_render(|| dom::focus("[data-testid=boards] [data-undo]"));
            }
            // The renamed row is drawn anew: focus goes back to its name field.
            BoardsAction::Rename => {
                dom::after_render(move || dom::focus(&format!("[data-rename=\"{id}\"]")));
            }
            _ => {}
        }
    }

    /// Saves the open board now; false (and the user told why) if it cannot be saved
    /// or this tab is out of date.
    fn flushed(&self) -> bool {
        save_now(self.state, self.save);
        let why = if self.save.conflict.get_untracked() {
            "this tab is out of date; choose a version in the banner first".to_string()
        } else if self.save.dirty.get_value() {
            let error = self.save.error.get_untracked();
            format!(
                "your latest changes are not saved ({}); download this board first",
                error.map_or("not written".into(), |e| e.to_string())
            )
        } else {
            return true;
        };
        self.say(format!("Could not do that: {why}."));
        false
    }

    /// Starts a timed session on a new board: the open board is put away whole, and
    /// the page reloads on the new board with the session running.
    pub fn start_session_on_new_board(&self, title: &str, session: &Session) {
        if !self.flushed() {
            return;
        }
        let Ok(json) = serde_json::to_string(session) else {
            return;
        };
        let extra = vec![
            (SESSION_KEY.to_string(), Some(json)),
            (PROMPT_KEY.to_string(), Some(session.prompt_id.clone())),
        ];
        self.request(BoardsAction::New, 0, title.to_string(), extra);
    }

    /// "Keep this tab's version": if another tab opened a different board meanwhile,
    /// this tab's board is made the open one again first (a worker plan), then every
    /// part of this tab's version is written.
    pub fn reclaim(&self) {
        match stored_open() {
            Some((open, _)) if open != self.mine => {
                let title = dom::document().map(|d| d.title()).unwrap_or_default();
                let name = title.trim_end_matches(" · Breadthfirst").to_string();
                self.request(BoardsAction::Reclaim, self.mine, name, Vec::new());
            }
            _ => self.keep_all(),
        }
    }

    /// The board and every other part written again from this tab.
    fn keep_all(&self) {
        autosave::keep_this_version(self.state, self.save);
        self.practice.save();
        self.library.save();
        if let Some(id) = self.library.current.get_untracked() {
            self.checker.save_claims(&id);
        }
    }

    /// Brings back the board deleted last. Focus moves to "New board" first: the
    /// Undo button goes away with the message.
    fn undo_delete(self) {
        dom::focus("[data-testid=boards] [data-new]");
        if let Some((name, undo)) = self.undo.get_value() {
            match apply(&undo) {
                Ok(_) => self.undo.set_value(None),
                Err(e) => {
                    self.say(format!("Could not bring back “{name}”: {e}."));
                    return;
                }
            }
        }
        self.request(BoardsAction::Show, 0, String::new(), Vec::new());
    }

    /// Replaces the board with one of its backups, as one undoable step (an import).
    fn restore(&self, slot: u32) {
        let text = storage::read(&format!("{BACKUP_PREFIX}{slot}"))
            .ok()
            .flatten()
            .unwrap_or_default();
        match shelf::parse_backup(&text) {
            Some((time, _, json)) => {
                let name = format!("the backup of {}", shelf::when(time, utc_offset()));
                self.importer.import_text(&name, json);
                self.open.set(false);
            }
            None => self.say("Could not restore: that backup is gone.".into()),
        }
    }
}

/// The Boards dialog.
#[component]
pub fn BoardsDialog() -> impl IntoView {
    let boards = expect_context::<Boards>();
    view! {
        <Modal open=boards.open title="Boards" class="library boards" title_id="boards-title">
            <BoardsBody />
        </Modal>
    }
}

#[component]
fn BoardsBody() -> impl IntoView {
    let boards = expect_context::<Boards>();
    let busy = boards.busy;
    let deleted = move || {
        boards.listing.with(|l| l.as_ref().and_then(|l| l.deleted.clone())).map(|name| {
            view! {
                <p role="status">
                    {format!("Deleted “{name}”. ")}
                    <button type="button" class="link" data-undo on:click=move |_| boards.undo_delete()>
                        "Undo"
                    </button>
                </p>
            }
        })
    };
    let rows = move || {
        boards
            .listing
            .with(|l| l.as_ref().map(|l| l.boards.clone()).unwrap_or_default())
    };
    let backups = move || {
        boards
            .listing
            .with(|l| l.as_ref().map(|l| l.backups.clone()).unwrap_or_default())
    };
    let loading = move || boards.listing.with(Option::is_none);
    view! {
        <div data-testid="boards" aria-busy=move || busy.get().to_string()>
            {deleted}
            <p>
                <button
                    type="button"
                    class="tool-button"
                    data-new
                    aria-disabled=move || busy.get().to_string()
                    on:click=move |_| {
                        if boards.flushed() {
                            boards.request(BoardsAction::New, 0, String::new(), Vec::new());
                        }
                    }
                >
                    "New board"
                </button>
            </p>
            <Show when=loading>
                <p class="hint">"Loading your boards…"</p>
            </Show>
            <ul class="boards-list">
                <For each=rows key=|row| format!("{}|{}|{}|{}|{}", row.id, row.name, row.practised, row.saved, row.open) let:row>
                    <BoardRowView row=row />
                </For>
            </ul>
            <h3>"Backups of the open board"</h3>
            {move || {
                let list = backups();
                if list.is_empty() {
                    view! {
                        <p class="hint">
                            "None yet. One is kept when you open the app and every 10 minutes while you work, three at most."
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <ul class="boards-list backups">
                            {list.into_iter().map(|b| view! { <BackupRowView row=b /> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

#[component]
fn BoardRowView(row: BoardRow) -> impl IntoView {
    let boards = expect_context::<Boards>();
    let busy = boards.busy;
    let BoardRow {
        id,
        name,
        practised,
        saved,
        open,
    } = row;
    let when = if open { "Open now".to_string() } else { saved };
    let named = name.clone();
    let button = move |verb: &'static str, act: fn(Boards, u32)| {
        view! {
            <button
                type="button"
                aria-label=format!("{verb} {named}")
                aria-disabled=move || busy.get().to_string()
                on:click=move |_| act(boards, id)
            >
                {verb}
            </button>
        }
    };
    view! {
        <li>
            <span class="board-name">
                <input
                    data-rename=id.to_string()
                    aria-label=format!("Name of {name}")
                    value=name.clone()
                    maxlength="80"
                    on:change=move |ev| {
                        boards.request(BoardsAction::Rename, id, event_target_value(&ev), Vec::new());
                    }
                />
                <small>{practised}</small>
            </span>
            <span class="hint">{when}</span>
            <span class="board-actions">
                {(!open).then(|| button("Open", |b, id| {
                    if b.flushed() {
                        b.request(BoardsAction::Open, id, String::new(), Vec::new());
                    }
                }))}
                {button("Duplicate", |b, id| {
                    if id != b.mine || b.flushed() {
                        b.request(BoardsAction::Duplicate, id, String::new(), Vec::new());
                    }
                })}
                {(!open).then(|| button("Delete", |b, id| {
                    b.request(BoardsAction::Delete, id, String::new(), Vec::new());
                }))}
            </span>
        </li>
    }
}

#[component]
fn BackupRowView(row: BackupRow) -> impl IntoView {
    let boards = expect_context::<Boards>();
    let BackupRow {
        slot,
        when,
        components,
    } = row;
    view! {
        <li>
            <span>{format!("{when} · {components} component{}", if components == 1 { "" } else { "s" })}</span>
            <button
                type="button"
                data-restore=slot.to_string()
                aria-label=format!("Restore the backup of {when}")
                on:click=move |_| boards.restore(slot)
            >
                "Restore"
            </button>
        </li>
    }
}
