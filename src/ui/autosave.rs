//! Autosave to localStorage: at most ~0.5 s after a change, and when the page is hidden.
//!
//! Stored data that fails to load is copied aside under a rescue key before anything
//! is written; if it cannot be copied, autosave stays paused so it is never overwritten.
//!
//! Two tabs: every save writes a new revision ([`REV_KEY`]). A tab writes only over
//! the revision it loaded or last wrote; if another tab saved since (it hears of it
//! through the `storage` event, and checks again before writing), it stops saving and
//! asks the user which version to keep. A stale tab never overwrites a newer board.
//! The board's other parts (prompt, session, claims) are written through
//! [`write_part`] under the same guard, and opening another board bumps it too.
//!
//! Saving at the same instant in two tabs: the autosave and [`write_part`] read,
//! compare and write under a cross-tab lock ([`SAVE_LOCK`], Web Locks), so the second
//! tab reads what the first wrote. Its copy of localStorage can still lag behind the
//! lock, and a save on leaving the page cannot wait for a lock, so revisions also name
//! the tab that wrote them (`shelf::next_revision`): when two tabs write over the same
//! revision, the one whose write was replaced sees a revision not its own and warns.
//! Where Web Locks are missing, that check alone stands: a write may be replaced, but
//! never without a warning.
//!
//! Closing or reloading with a change not saved (storage full, a conflict, or a save
//! that cannot be made now) asks first.
//!
//! Backups: a board that loads, and a saved board every ten minutes, is kept in one of
//! three rolling backup slots; the Boards dialog restores them.

use super::state::BoardState;
use crate::browser::{dom, storage};
use crate::core::editor::{Editor, Viewport};
use crate::core::persist::{self, shelf};
use gloo_timers::callback::Timeout;
use leptos::ev;
use leptos::prelude::*;

/// Key of the autosaved board.
pub const STORAGE_KEY: &str = "breadthfirst.board";
/// Prefix of keys holding stored data that failed to load.
pub const RESCUE_PREFIX: &str = "breadthfirst.rescued.";
/// Key of the saved board's revision number.
pub const REV_KEY: &str = "breadthfirst.board.rev";
/// Prefix of the open board's rolling backups (`shelf::BACKUPS` slots).
pub const BACKUP_PREFIX: &str = "breadthfirst.backup.";
/// The cross-tab lock held while reading, comparing and writing the open board.
pub const SAVE_LOCK: &str = "breadthfirst.save";
/// Delay between a change and its save, in milliseconds.
const SAVE_DELAY_MS: u32 = 400;

/// A problem with stored data, shown in a banner until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredProblem {
    /// What happened, for the user.
    pub message: String,
    /// The raw stored text, offered for download.
    pub raw: String,
}

/// Save state shared with the UI.
#[derive(Clone, Copy)]
pub struct SaveStatus {
    /// The last save's error, if it failed.
    pub error: RwSignal<Option<storage::StorageError>>,
    /// Autosave is paused to protect stored data that failed to load.
    pub paused: RwSignal<bool>,
    /// Stored data that failed to load.
    pub problem: RwSignal<Option<StoredProblem>>,
    /// Changes not yet written. A tab with none never writes, so it cannot clobber
    /// what another tab saved.
    pub dirty: StoredValue<bool>,
    /// The stored revision this tab last loaded or wrote.
    pub rev: StoredValue<u64>,
    /// Another tab saved a newer revision: saving waits for the user's choice.
    pub conflict: RwSignal<bool>,
    /// Set once the page is about to show another board: nothing may be written.
    leaving: StoredValue<bool>,
    /// This tab's id, written into each revision it saves.
    tab: u64,
    /// When the next rolling backup may be taken (epoch milliseconds).
    next_backup: StoredValue<f64>,
    /// Whether persistent storage was asked for.
    asked: StoredValue<bool>,
}

impl SaveStatus {
    /// The save state of a page that loaded revision `rev`; `startup` says whether
    /// stored data failed to load (autosave may stay paused then).
    pub fn new(startup: &Startup) -> Self {
        let status = SaveStatus {
            error: RwSignal::new(None),
            paused: RwSignal::new(startup.paused),
            problem: RwSignal::new(startup.problem.clone()),
            dirty: StoredValue::new(false),
            rev: StoredValue::new(stored_rev()),
            conflict: RwSignal::new(false),
            leaving: StoredValue::new(false),
            tab: shelf::tab_id(js_sys::Math::random()),
            next_backup: StoredValue::new(0.0),
            asked: StoredValue::new(false),
        };
        if let Some((json, components)) = &startup.loaded {
            backup(status, json, *components);
        }
        status
    }
}

/// The stored revision number (0 before the first save).
pub fn stored_rev() -> u64 {
    storage::read(REV_KEY)
        .ok()
        .flatten()
        .and_then(|r| r.parse().ok())
        .unwrap_or(0)
}

/// What start-up found in storage.
pub struct Startup {
    /// The editor to start with.
    pub editor: Editor,
    /// Set when stored data could not be loaded.
    pub problem: Option<StoredProblem>,
    /// Whether autosave must stay paused (rescue copy failed).
    pub paused: bool,
    /// A note about repairs made while loading.
    pub note: Option<String>,
    /// The saved board as loaded and its component count: the last good copy, kept
    /// as a backup when one is due.
    pub loaded: Option<(String, usize)>,
}

/// Loads the autosaved board, never losing stored data that fails to load.
pub fn load_initial() -> Startup {
    let fresh = |problem, paused, note| Startup {
        editor: Editor::new(Default::default(), Viewport::default()),
        problem,
        paused,
        note,
        loaded: None,
    };
    let raw = match storage::read(STORAGE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return fresh(None, false, None),
        Err(e) => {
            return fresh(
                None,
                false,
                Some(format!("Your board will not be kept: {e}.")),
            );
        }
    };
    match persist::from_json(&raw) {
        Ok(restored) => {
            let components = restored.board.components().len();
            let note = (!restored.repairs.is_empty()).then(|| {
                let first = restored.repairs[0].to_string();
                let more = restored.repairs.len() - 1;
                if more == 0 {
                    format!("Your saved board was repaired: {first}.")
                } else {
                    format!("Your saved board was repaired: {first}, and {more} more.")
                }
            });
            Startup {
                editor: Editor::new(restored.board, restored.viewport),
                problem: None,
                paused: false,
                note,
                loaded: Some((raw.clone(), components)),
            }
        }
        Err(error) => {
            let rescue_key = format!("{RESCUE_PREFIX}{}", dom::now_ms() as u64);
            let kept = storage::write(&rescue_key, &raw).is_ok();
            let message = if kept {
                format!(
                    "Your saved board could not be opened: {error}. It was kept aside, untouched; download it below. You are on a new board; Boards lists its backups."
                )
            } else {
                format!(
                    "Your saved board could not be opened: {error}. Autosave is paused so it is not overwritten; download it, then resume autosave. Boards lists its backups."
                )
            };
            fresh(Some(StoredProblem { message, raw }), !kept, None)
        }
    }
}

/// Writes the board now, unless autosave is paused or another tab saved a newer
/// revision (then the user is asked, and nothing is written).
pub fn save_now(state: BoardState, status: SaveStatus) {
    if status.paused.get_untracked() {
        return;
    }
    let Some(rev) = claim(status) else { return };
    let (json, components) = state.with_editor(|e| {
        (
            persist::to_json(e.board(), &e.viewport()),
            e.board().components().len(),
        )
    });
    let result = storage::write(STORAGE_KEY, &json).err();
    if result.is_none() {
        bump(status, rev);
        status.dirty.set_value(false);
        ask_to_persist(status);
        backup(status, &json, components);
    }
    if status.error.get_untracked() != result {
        status.error.set(result);
    }
}

/// The stored revision, if this tab may write over it: not leaving, not in conflict,
/// and no other tab saved since this one loaded or wrote. A newer revision puts the
/// tab in conflict (the user is asked) and gives `None`.
pub fn claim(status: SaveStatus) -> Option<u64> {
    if status.leaving.get_value() || status.conflict.get_untracked() {
        return None;
    }
    let rev = stored_rev();
    if rev != status.rev.get_value() {
        status.conflict.set(true);
        return None;
    }
    Some(rev)
}

/// Records a write over revision `rev`, so other tabs learn of it.
pub fn bump(status: SaveStatus, rev: u64) {
    let next = shelf::next_revision(rev, status.tab);
    if storage::write(REV_KEY, &next.to_string()).is_ok() {
        status.rev.set_value(next);
    }
}

/// Stops every write from this page: it is about to show another board.
pub fn leave(status: SaveStatus) {
    status.leaving.set_value(true);
}

/// Writes (or with `None` removes) one of the open board's other parts (its prompt,
/// session or claims) under the same two-tab guard as the board. Writing what is
/// stored already is not a change.
/// The write happens under [`SAVE_LOCK`], after the writes this tab asked for before.
pub fn write_part(status: SaveStatus, key: &str, value: Option<&str>) {
    let (key, value) = (key.to_string(), value.map(str::to_string));
    storage::with_lock(SAVE_LOCK, move || {
        if storage::read(&key).ok().flatten() == value {
            return;
        }
        let Some(rev) = claim(status) else { return };
        let written = match &value {
            Some(value) => storage::write(&key, value),
            None => storage::remove(&key),
        };
        if written.is_ok() {
            bump(status, rev);
        }
    });
}

/// Keeps a rolling backup of a saved board when one is due (`shelf::backup_due`): at
/// most every ten minutes, three per board, the oldest replaced. Empty boards are not
/// kept, and a backup that does not fit is skipped (the board itself was saved).
fn backup(status: SaveStatus, json: &str, components: usize) {
    let now = dom::now_ms();
    if components == 0 || now < status.next_backup.get_value() {
        return;
    }
    let key = |slot: usize| format!("{BACKUP_PREFIX}{slot}");
    let mut stamps = [None; shelf::BACKUPS];
    for (slot, stamp) in stamps.iter_mut().enumerate() {
        let text = storage::read(&key(slot)).ok().flatten().unwrap_or_default();
        *stamp = shelf::parse_backup(&text).map(|b| b.0);
    }
    let newest = match shelf::backup_due(&stamps, now) {
        Some(slot) => {
            let _ = storage::write(&key(slot), &shelf::backup_text(now, components, json));
            now
        }
        None => stamps.iter().flatten().fold(0.0_f64, |a, b| a.max(*b)),
    };
    status
        .next_backup
        .set_value(newest + shelf::BACKUP_EVERY_MS);
}

/// Asks the browser, once per page, to keep this origin's storage under pressure
/// rather than evict it (it may grant that silently or decline).
fn ask_to_persist(status: SaveStatus) {
    if status.asked.get_value() {
        return;
    }
    status.asked.set_value(true);
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().storage().persist();
    }
}

/// Keeps this tab's board over another tab's newer save (the user chose it). The
/// caller writes the other parts again (prompt, session, claims).
pub fn keep_this_version(state: BoardState, status: SaveStatus) {
    status.rev.set_value(stored_rev());
    status.conflict.set(false);
    status.dirty.set_value(true);
    save_now(state, status);
}

/// Saves after every board or viewport change, throttled, and when the page hides.
pub fn install(state: BoardState, status: SaveStatus) {
    let pending = StoredValue::new(false);
    Effect::new(move |previous: Option<()>| {
        state.revision.track();
        state.viewport.track();
        status.paused.track();
        if previous.is_some() {
            status.dirty.set_value(true);
            schedule(state, status, pending);
        }
    });
    let flush = move || {
        if status.dirty.get_value() {
            save_now(state, status);
        }
    };
    // Leaving the page cannot wait for the lock: the save is made at once.
    let _ = window_event_listener(ev::pagehide, move |_| flush());
    let _ = window_event_listener(ev::beforeunload, move |ev| {
        flush();
        if unsaved(status) {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    // Another tab saved: this one's board is stale from now on.
    let _ = window_event_listener(ev::storage, move |ev| {
        if ev.key().as_deref() == Some(REV_KEY) && stored_rev() != status.rev.get_value() {
            status.conflict.set(true);
        }
    });
    let _ = window_event_listener(ev::visibilitychange, move |_| {
        if dom::document().is_some_and(|d| d.hidden()) {
            flush();
        }
    });
}

/// Arms one save timer unless one is pending. The timer is left to run (`forget`): it
/// clears the flag itself, so no handle is dropped while its callback runs.
fn schedule(state: BoardState, status: SaveStatus, pending: StoredValue<bool>) {
    if pending.get_value() {
        return;
    }
    pending.set_value(true);
    Timeout::new(SAVE_DELAY_MS, move || {
        pending.set_value(false);
        if state.dragging.get_untracked() {
            // Mid-drag: save once the drag settles.
            schedule(state, status, pending);
        } else if status.dirty.get_value() {
            storage::with_lock(SAVE_LOCK, move || {
                if status.dirty.get_value() {
                    save_now(state, status);
                }
            });
        }
    })
    .forget();
}

/// Whether this tab holds a change that is not stored and would be lost with the
/// page: a save refused (storage full, paused) or blocked by another tab's newer one.
/// A page showing another board on purpose ([`leave`]) has none.
fn unsaved(status: SaveStatus) -> bool {
    !status.leaving.get_value() && (status.dirty.get_value() || status.conflict.get_untracked())
}
