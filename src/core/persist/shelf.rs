//! Many boards in one browser: the list of boards, where each one's parts are kept,
//! rolling backups, and what the Boards dialog lists.
//!
//! The dialog's work is planned here, purely: [`plan`] takes a snapshot of storage and
//! an action and gives the writes to make (in an order that is safe to undo step by
//! step), what the dialog lists and the open board's name. It runs in the check worker,
//! so none of it is in the app's first load; the app only applies the writes.
//!
//! The open board lives in the keys the app reads and writes ("live" keys:
//! `breadthfirst.board`, `.prompt`, `.session`, `.claims.<prompt>`, `.backup.<n>`).
//! Every other board keeps the same parts under `breadthfirst.boards.<id>.<part>`, so
//! opening a board moves parts between two prefixes without reading them. The list
//! (`breadthfirst.boards`) holds one line per board, `id TAB saved-ms TAB name`, in the
//! order shown.

use crate::core::diagram::normalize_label;
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// Prefix of the open board's parts.
pub const LIVE: &str = "breadthfirst.";
/// Key of the list of boards.
pub const INDEX_KEY: &str = "breadthfirst.boards";
/// Key of the open board's id and name (`id TAB name`).
pub const OPEN_KEY: &str = "breadthfirst.open";
/// Rolling backups kept per board.
pub const BACKUPS: usize = 3;
/// Least time between two backups of a board, in milliseconds.
pub const BACKUP_EVERY_MS: f64 = 10.0 * 60.0 * 1000.0;

/// Low bits of a stored revision that name the tab that wrote it.
pub const TAB_BITS: u32 = 20;

/// A tab's id for [`next_revision`], from a uniform random number in `[0, 1)`.
pub fn tab_id(random: f64) -> u64 {
    (random.clamp(0.0, 1.0) * f64::from(1u32 << TAB_BITS)) as u64 & ((1 << TAB_BITS) - 1)
}

/// The revision a tab writes over `stored`: one more save (high bits) by `tab` (low
/// [`TAB_BITS`] bits). Two tabs that both write over the same revision write different
/// values, so the one whose write was replaced sees a revision not its own, even
/// though both counted the same number of saves.
pub fn next_revision(stored: u64, tab: u64) -> u64 {
    (((stored >> TAB_BITS) + 1) << TAB_BITS) | (tab & ((1 << TAB_BITS) - 1))
}

/// One board in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Stable id, naming its storage slot.
    pub id: u32,
    /// When it was last put away (epoch milliseconds; 0 if unknown).
    pub saved: f64,
    /// Its name, normalised like a label.
    pub name: String,
}

/// Reads the list, skipping damaged lines and repeated ids.
pub fn parse_index(text: &str) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for line in text.lines() {
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(saved), Some(name)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        // Integers: parsing a float would pull the float parser into the app.
        let (Ok(id), Ok(saved)) = (id.parse(), saved.parse::<u64>()) else {
            continue;
        };
        if entries.iter().all(|e| e.id != id) {
            entries.push(Entry {
                id,
                saved: saved as f64,
                name: board_name(name, id),
            });
        }
    }
    entries
}

/// Writes the list in the form [`parse_index`] reads.
pub fn index_text(entries: &[Entry]) -> String {
    let mut out = String::new();
    for e in entries {
        let _ = writeln!(out, "{}\t{}\t{}", e.id, e.saved as u64, e.name);
    }
    out
}

/// A board name: normalised like a label (one line, at most 80 characters, no
/// control characters), or "Board <id>" when nothing is left.
pub fn board_name(raw: &str, id: u32) -> String {
    let shown: String = raw
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let name = normalize_label(&shown);
    if name.is_empty() {
        format!("Board {id}")
    } else {
        name
    }
}

/// An id no listed board and no stored slot has.
pub fn next_id(entries: &[Entry], slots: &[u32]) -> u32 {
    let listed = entries.iter().map(|e| e.id);
    listed.chain(slots.iter().copied()).max().unwrap_or(0) + 1
}

/// The open board's id and name from [`OPEN_KEY`]'s text.
pub fn parse_open(text: &str) -> Option<(u32, &str)> {
    let (id, name) = text.split_once('\t').unwrap_or((text, ""));
    Some((id.parse().ok()?, name))
}

/// Where a board's parts are kept: the live prefix when it is open, else its slot.
pub fn prefix(id: Option<u32>) -> String {
    match id {
        None => LIVE.to_string(),
        Some(id) => format!("{INDEX_KEY}.{id}."),
    }
}

/// The part a storage key holds under `prefix`, if it is one of a board's parts.
pub fn part_of<'k>(key: &'k str, prefix: &str) -> Option<&'k str> {
    let part = key.strip_prefix(prefix)?;
    let listed = matches!(part, "board" | "prompt" | "session")
        || part.starts_with("claims.")
        || part.starts_with("backup.");
    listed.then_some(part)
}

/// The slot ids found among storage keys (boards whose parts exist).
pub fn slot_ids<'k>(keys: impl IntoIterator<Item = &'k str>) -> Vec<u32> {
    let mut ids: Vec<u32> = Vec::new();
    for key in keys {
        let id = key
            .strip_prefix(INDEX_KEY)
            .and_then(|rest| rest.strip_prefix('.'))
            .and_then(|rest| rest.split('.').next())
            .and_then(|id| id.parse().ok());
        if let Some(id) = id.filter(|id| !ids.contains(id)) {
            ids.push(id);
        }
    }
    ids
}

/// The backup slot to write now, if one is due: none while the newest backup is
/// younger than [`BACKUP_EVERY_MS`], else an empty slot or the oldest one.
pub fn backup_due(stamps: &[Option<f64>; BACKUPS], now: f64) -> Option<usize> {
    if stamps.iter().flatten().any(|t| now - t < BACKUP_EVERY_MS) {
        return None;
    }
    let mut best = 0;
    for (i, stamp) in stamps.iter().enumerate() {
        match (stamp, stamps[best]) {
            (None, _) => return Some(i),
            (Some(t), Some(b)) if *t < b => best = i,
            _ => {}
        }
    }
    Some(best)
}

/// A backup as stored: `ms TAB components`, a newline, then the saved board.
pub fn backup_text(now: f64, components: usize, json: &str) -> String {
    format!("{}\t{components}\n{json}", now as u64)
}

/// A stored backup's time, component count and saved board.
pub fn parse_backup(text: &str) -> Option<(f64, usize, &str)> {
    let (head, json) = text.split_once('\n')?;
    let (stamp, count) = head.split_once('\t')?;
    let stamp: u64 = stamp.parse().ok()?;
    Some((stamp as f64, count.parse().ok()?, json))
}

/// `YYYY-MM-DD HH:MM` for epoch milliseconds, `offset_min` minutes ahead of UTC.
pub fn when(ms: f64, offset_min: i64) -> String {
    let minutes = (ms / 60_000.0).floor() as i64 + offset_min;
    let (days, minute) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
    format!(
        "{} {:02}:{:02}",
        crate::core::calendar::date_of(days),
        minute / 60,
        minute % 60
    )
}

/// What the Boards dialog shows: the data the app renders.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    /// The boards, in the order shown.
    pub boards: Vec<BoardRow>,
    /// The open board's backups, newest first.
    pub backups: Vec<BackupRow>,
    /// The name of a board just deleted, offered for undo.
    pub deleted: Option<String>,
}

/// One board in the dialog.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BoardRow {
    /// Its id.
    pub id: u32,
    /// Its name.
    pub name: String,
    /// What it practises: the prompt's title, and "· timed session" when it holds
    /// one; empty for none.
    pub practised: String,
    /// When it was put away (local time, `yyyy-mm-dd hh:mm`); empty if unknown.
    pub saved: String,
    /// Whether it is the board open now.
    pub open: bool,
}

/// One backup of the open board.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BackupRow {
    /// Its storage slot.
    pub slot: u32,
    /// When it was kept (local time, `yyyy-mm-dd hh:mm`).
    pub when: String,
    /// How many components it holds.
    pub components: usize,
}

/// The rows of the dialog for a list, the open board's backups (slot, time, count)
/// and what each board practises (same order as `entries`).
fn listing(
    entries: &[Entry],
    practised: Vec<String>,
    open: u32,
    backups: &[(usize, f64, usize)],
    offset_min: i64,
) -> Listing {
    let boards = entries
        .iter()
        .zip(
            practised
                .into_iter()
                .chain(std::iter::repeat(String::new())),
        )
        .map(|(e, practised)| BoardRow {
            id: e.id,
            name: e.name.clone(),
            practised,
            saved: if e.saved > 0.0 {
                when(e.saved, offset_min)
            } else {
                String::new()
            },
            open: e.id == open,
        })
        .collect();
    let mut newest_first: Vec<&(usize, f64, usize)> = backups.iter().collect();
    newest_first.sort_by(|a, b| b.1.total_cmp(&a.1));
    Listing {
        boards,
        backups: newest_first
            .into_iter()
            .map(|&(slot, time, components)| BackupRow {
                slot: slot as u32,
                when: when(time, offset_min),
                components,
            })
            .collect(),
        deleted: None,
    }
}

/// What the user asked of the Boards dialog.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BoardsAction {
    /// List the boards (changes nothing but a missing or damaged list).
    #[default]
    Show,
    /// Put the open board away and open a new, empty one.
    New,
    /// Put the open board away and open another.
    Open,
    /// Make this tab's board the open one again (another tab opened a different
    /// one), without a reload.
    Reclaim,
    /// Copy a board (without its backups).
    Duplicate,
    /// Delete a board that is not open.
    Delete,
    /// Rename a board.
    Rename,
}

impl BoardsAction {
    /// Every action.
    pub const ALL: [BoardsAction; 7] = [
        BoardsAction::Show,
        BoardsAction::New,
        BoardsAction::Open,
        BoardsAction::Reclaim,
        BoardsAction::Duplicate,
        BoardsAction::Delete,
        BoardsAction::Rename,
    ];
}

/// A request to the Boards planner, made by the app.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ShelfRequest {
    /// The action.
    pub action: BoardsAction,
    /// The board acted on.
    pub id: u32,
    /// The new name (`Rename`), the new board's name (`New`; empty for "Board N"), or
    /// this tab's board name (`Reclaim`).
    pub name: String,
    /// Every `breadthfirst.` key in storage with its text.
    pub store: Vec<(String, String)>,
    /// Now, in epoch milliseconds.
    pub now: f64,
    /// Minutes ahead of UTC, for times shown.
    pub offset_min: i64,
    /// The name of the board deleted last, whose undo the dialog offers.
    pub deleted: String,
}

/// What the app is to do for a request.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Storage writes in order (`None` removes); each step can be undone.
    pub writes: Vec<(String, Option<String>)>,
    /// Reload the page: another board is now open.
    pub reload: bool,
    /// The open board's name.
    pub title: String,
    /// What the dialog shows once the writes are made.
    pub listing: Listing,
    /// Why the action was refused (nothing is written then); empty when it was not.
    pub error: String,
    /// The name of the board this plan deletes (its undo is offered).
    pub deleted: String,
}

/// Storage as the plan goes: the snapshot with the writes so far.
struct Store {
    items: Vec<(String, String)>,
    writes: Vec<(String, Option<String>)>,
}

impl Store {
    fn get(&self, key: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn set(&mut self, key: String, value: Option<String>) {
        if self.get(&key) == value.as_deref() {
            return;
        }
        self.items.retain(|(k, _)| *k != key);
        if let Some(v) = &value {
            self.items.push((key.clone(), v.clone()));
        }
        self.writes.push((key, value));
    }

    /// The parts of the board at `place` (`None`: the open board).
    fn parts(&self, place: Option<u32>) -> Vec<(String, String)> {
        let prefix = prefix(place);
        let mut parts = Vec::new();
        for (key, value) in &self.items {
            if let Some(part) = part_of(key, &prefix) {
                parts.push((part.to_string(), value.clone()));
            }
        }
        parts
    }

    /// Moves every part from one place to another, part by part (each written before
    /// its source is removed, so storage never needs room for two whole boards).
    fn move_parts(&mut self, from: Option<u32>, to: Option<u32>) {
        let (source, target) = (prefix(from), prefix(to));
        for (part, value) in self.parts(from) {
            self.set(format!("{target}{part}"), Some(value));
            self.set(format!("{source}{part}"), None);
        }
    }
}

/// Plans a Boards action on a snapshot of storage (see the module docs). A missing or
/// damaged list is rebuilt first: the open board is listed (as "My board" when new)
/// and any stored board missing from the list comes back as "Recovered board N".
/// `titles` names prompts by id, to show what each board practises.
pub fn plan(req: &ShelfRequest, titles: &[(&str, &str)]) -> Plan {
    let mut store = Store {
        items: req.store.clone(),
        writes: Vec::new(),
    };
    let mut list = parse_index(store.get(INDEX_KEY).unwrap_or(""));
    let keys: Vec<&str> = req.store.iter().map(|(k, _)| k.as_str()).collect();
    let slots = slot_ids(keys);
    let open_text = store.get(OPEN_KEY).and_then(parse_open);
    let mut open = open_text.map_or_else(|| next_id(&list, &slots), |(id, _)| id);
    let listed = |list: &mut Vec<Entry>, id: u32, name: String| {
        if list.iter().all(|e| e.id != id) {
            list.push(Entry {
                id,
                saved: 0.0,
                name,
            });
        }
    };
    if list.iter().all(|e| e.id != open) {
        list.insert(
            0,
            Entry {
                id: open,
                saved: 0.0,
                name: "My board".into(),
            },
        );
    }
    for &id in &slots {
        listed(&mut list, id, format!("Recovered board {id}"));
    }
    let mut out = Plan::default();
    let position = |list: &[Entry], id: u32| list.iter().position(|e| e.id == id);
    let mut target = None;
    match req.action {
        BoardsAction::New => {
            let id = next_id(&list, &slots);
            list.insert(
                0,
                Entry {
                    id,
                    saved: req.now,
                    name: board_name(&req.name, id),
                },
            );
            target = Some(id);
        }
        BoardsAction::Open if position(&list, req.id).is_none() => {
            out.error = "that board is no longer in the list".into();
        }
        BoardsAction::Open => target = Some(req.id),
        BoardsAction::Reclaim => {
            listed(&mut list, req.id, board_name(&req.name, req.id));
            target = Some(req.id);
        }
        BoardsAction::Duplicate => {
            let mut parts = store.parts((req.id != open).then_some(req.id));
            parts.retain(|(part, _)| !part.starts_with("backup."));
            let id = next_id(&list, &slots);
            let (at, name) = match position(&list, req.id) {
                Some(i) => (i + 1, format!("{} (copy)", list[i].name)),
                None => (0, String::new()),
            };
            for (part, value) in parts {
                store.set(format!("{}{part}", prefix(Some(id))), Some(value));
            }
            list.insert(
                at,
                Entry {
                    id,
                    saved: req.now,
                    name: board_name(&name, id),
                },
            );
        }
        BoardsAction::Delete if req.id == open => {
            out.error = "the open board cannot be deleted; open another board first".into();
        }
        BoardsAction::Delete => {
            for (part, _) in store.parts(Some(req.id)) {
                store.set(format!("{}{part}", prefix(Some(req.id))), None);
            }
            if let Some(i) = position(&list, req.id) {
                out.deleted = list.remove(i).name;
            }
        }
        BoardsAction::Rename => {
            if let Some(i) = position(&list, req.id) {
                list[i].name = board_name(&req.name, req.id);
            }
        }
        BoardsAction::Show => {}
    }
    if let Some(t) = target.filter(|t| *t != open) {
        // What is in the open board's slot is stale: the live parts are its truth.
        for (part, _) in store.parts(Some(open)) {
            store.set(format!("{}{part}", prefix(Some(open))), None);
        }
        store.move_parts(None, Some(open));
        store.move_parts(Some(t), None);
        if let Some(i) = position(&list, open) {
            list[i].saved = req.now;
        }
        out.reload = req.action != BoardsAction::Reclaim;
        open = t;
    }
    if !out.error.is_empty() {
        store.writes.clear();
    }
    let title = list
        .iter()
        .find(|e| e.id == open)
        .map_or(String::new(), |e| e.name.clone());
    store.set(OPEN_KEY.into(), Some(format!("{open}\t{title}")));
    store.set(INDEX_KEY.into(), Some(index_text(&list)));
    let mut backups = Vec::new();
    for (part, value) in store.parts(None) {
        let slot = part.strip_prefix("backup.").and_then(|s| s.parse().ok());
        if let (Some(slot), Some((time, count, _))) = (slot, parse_backup(&value)) {
            backups.push((slot, time, count));
        }
    }
    let deleted = if out.deleted.is_empty() {
        &req.deleted
    } else {
        &out.deleted
    };
    let practised: Vec<String> = list
        .iter()
        .map(|e| {
            let place = prefix((e.id != open).then_some(e.id));
            let part = |name: &str| store.get(&format!("{place}{name}"));
            let title = part("prompt")
                .and_then(|id| titles.iter().find(|t| t.0 == id))
                .map_or("", |t| t.1);
            match (title, part("session").is_some()) {
                ("", _) => String::new(),
                (title, true) => format!("{title} · timed session"),
                (title, false) => title.to_string(),
            }
        })
        .collect();
    out.listing = listing(&list, practised, open, &backups, req.offset_min);
    out.listing.deleted = (!deleted.is_empty()).then(|| deleted.clone());
    out.title = title;
    out.writes = store.writes;
    out
}
