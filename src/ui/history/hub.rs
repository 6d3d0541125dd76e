//! The history module's state: what IndexedDB holds, read once when the module
//! starts, and every change to it, written to IndexedDB first and shown after. A
//! failed write changes nothing on screen and says why.

use super::timelines::Timelines;
use super::voice::Voice;
use crate::browser::history_db::{HistoryDb, HistoryDbError, Store, Write};
use crate::browser::{dom, fetch::fetch_prompt, worker::WorkerClient};
use crate::core::check::claims::claims_from_text;
use crate::core::estimate::Assessment;
use crate::core::export::replay::{AudioClip, ReplayFormat};
use crate::core::history::bridge::{HistoryView, RecordJob, ToApp};
use crate::core::history::{
    cards_after, cards_without, day_of, practice_stats, remember, Attempt, AttemptBody,
    AttemptInput, Card, CardChanges, JournalEntry,
};
use crate::core::prompt::{parse_bundle_unchecked, Prompt};
use crate::core::protocol::{
    Appearance, CheckJob, ExportFile, ReplayFrame, ReplayJob, ReplayReply,
};
use crate::core::repetition::{Day, Grade};
use crate::core::session::{Session, Timeline};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use std::rc::Rc;
use std::sync::Arc;

/// The channel the history modules of this app's tabs tell each other on.
const CHANNEL: &str = "breadthfirst-history";

/// Where loading the history stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Reading IndexedDB.
    Loading,
    /// Read.
    Ready,
    /// IndexedDB could not be opened: nothing is kept, and why.
    Failed(String),
}

/// An attempt deleted a moment ago, with what it changed, to put back.
#[derive(Clone)]
struct Deleted {
    attempt: Attempt,
    body: Option<String>,
    cards: Vec<Card>,
}

/// The history's state and the app's channel, shared through context.
#[derive(Clone, Copy)]
pub struct Hub {
    /// Loading state.
    pub loaded: RwSignal<Loaded>,
    /// Every attempt.
    pub attempts: RwSignal<Vec<Attempt>>,
    /// Every card.
    pub cards: RwSignal<Vec<Card>>,
    /// Every journal entry.
    pub journal: RwSignal<Vec<JournalEntry>>,
    /// The whole prompts fetched so far: those the due cards, a comparison or a
    /// recorded attempt needed (each fetched once, on first need).
    pub prompts: RwSignal<Vec<Arc<Prompt>>>,
    /// Whether the history dialog is open.
    pub open: RwSignal<bool>,
    /// Whether the app is sent the library's practice figures as they change.
    stats_sent: StoredValue<bool>,
    /// Its tab.
    pub tab: RwSignal<HistoryView>,
    /// The attempt opened read-only, if any.
    pub opened: RwSignal<Option<String>>,
    /// The card under review in the Due tab, if any.
    pub reviewing: RwSignal<Option<String>>,
    /// A message for the user (saved, deleted, failed).
    pub notice: RwSignal<Option<String>>,
    /// Whether an attempt was just deleted (Undo is offered).
    pub can_undo: RwSignal<bool>,
    /// Everything was deleted: closing the dialog reloads the page.
    pub reload_on_close: RwSignal<bool>,
    /// Records that could not be read (kept in IndexedDB untouched).
    pub unreadable: RwSignal<usize>,
    db: StoredValue<Option<Rc<HistoryDb>>, LocalStorage>,
    /// Tells the history of other tabs that this one wrote (they read it again).
    others: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    worker: StoredValue<WorkerClient, LocalStorage>,
    to_app: StoredValue<js_sys::Function, LocalStorage>,
    deleted: StoredValue<Option<Deleted>, LocalStorage>,
    /// The timeline of the session being practised.
    pub timelines: Timelines,
    /// Its think-aloud recorder.
    pub voice: Voice,
}

/// The user's calendar day now.
pub fn today() -> Day {
    day_at(dom::now_ms())
}

/// The user's calendar day at `ms` (in the time zone that applied then).
fn day_at(ms: f64) -> Day {
    let offset = -js_sys::Date::new(&ms.into()).get_timezone_offset();
    day_of(ms, offset)
}

fn parse_all<T: DeserializeOwned>(texts: &[String], bad: &mut usize) -> Vec<T> {
    texts
        .iter()
        .filter_map(|t| match serde_json::from_str(t) {
            Ok(v) => Some(v),
            Err(_) => {
                *bad += 1;
                None
            }
        })
        .collect()
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

impl Hub {
    /// A hub that starts reading IndexedDB now; `to_app` receives [`ToApp`] JSON.
    pub fn new(to_app: js_sys::Function) -> Hub {
        let hub = Hub {
            loaded: RwSignal::new(Loaded::Loading),
            attempts: RwSignal::new(Vec::new()),
            cards: RwSignal::new(Vec::new()),
            journal: RwSignal::new(Vec::new()),
            prompts: RwSignal::new(Vec::new()),
            stats_sent: StoredValue::new(false),
            open: RwSignal::new(false),
            tab: RwSignal::new(HistoryView::Due),
            opened: RwSignal::new(None),
            reviewing: RwSignal::new(None),
            notice: RwSignal::new(None),
            can_undo: RwSignal::new(false),
            unreadable: RwSignal::new(0),
            reload_on_close: RwSignal::new(false),
            db: StoredValue::new_local(None),
            others: StoredValue::new_local(None),
            worker: StoredValue::new_local(WorkerClient::default()),
            to_app: StoredValue::new_local(to_app),
            deleted: StoredValue::new_local(None),
            timelines: Timelines::new(),
            voice: Voice::new(),
        };
        // Before anything is mounted, so on wasm-bindgen's executor directly.
        wasm_bindgen_futures::spawn_local(async move { hub.load().await });
        hub
    }

    async fn load(self) {
        let db = match HistoryDb::open().await {
            Ok(db) => Rc::new(db),
            Err(e) => {
                self.loaded.set(Loaded::Failed(e.to_string()));
                return;
            }
        };
        self.read_all(&db).await;
        self.db.set_value(Some(db));
        self.loaded.set(Loaded::Ready);
        self.listen_to_other_tabs();
    }

    /// Reads every attempt, card and journal entry (not the bodies).
    async fn read_all(self, db: &HistoryDb) {
        let mut bad = 0;
        let read = async |store| db.all(store).await.unwrap_or_default();
        let attempts = parse_all(&read(Store::Attempts).await, &mut bad);
        let cards = parse_all(&read(Store::Cards).await, &mut bad);
        let journal = parse_all(&read(Store::Journal).await, &mut bad);
        self.attempts.set(attempts);
        self.cards.set(cards);
        self.journal.set(journal);
        self.unreadable.set(bad);
    }

    /// Another tab wrote to the history: read it again, so neither tab writes over
    /// the other's records from a stale copy.
    fn listen_to_other_tabs(self) {
        let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
            return;
        };
        let on_message = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(db) = self.db.get_value() {
                    self.read_all(&db).await;
                }
            });
        });
        channel.set_onmessage(Some(wasm_bindgen::JsCast::unchecked_ref(
            on_message.as_ref(),
        )));
        on_message.forget();
        self.others.set_value(Some(channel));
    }

    /// Waits until the history is read (or failed to be).
    pub async fn ready(self) -> Result<Rc<HistoryDb>, String> {
        loop {
            match self.loaded.get_untracked() {
                Loaded::Ready => {
                    return self
                        .db
                        .get_value()
                        .ok_or_else(|| "the history is not open".to_string())
                }
                Loaded::Failed(why) => return Err(why),
                Loaded::Loading => gloo_timers::future::TimeoutFuture::new(20).await,
            }
        }
    }

    /// Fetches each prompt of `ids` not fetched yet (one that fails is tried again
    /// on the next need).
    pub async fn load_prompts(self, ids: impl IntoIterator<Item = String>) {
        for id in ids {
            if self.prompt_untracked(&id).is_none() {
                if let Ok(p) = fetch_prompt(&id, parse_bundle_unchecked).await {
                    self.prompts.update(|all| {
                        if !all.iter().any(|q| q.id == p.id) {
                            all.push(Arc::new(p));
                        }
                    });
                }
            }
        }
    }

    /// Prompt `id`, fetched if needed.
    pub async fn load_prompt(self, id: &str) -> Option<Arc<Prompt>> {
        self.load_prompts([id.to_string()]).await;
        self.prompt_untracked(id)
    }

    /// A prompt by id, once fetched (tracked: a view shows it when it arrives).
    pub fn prompt(self, id: &str) -> Option<Arc<Prompt>> {
        self.prompts
            .with(|all| all.iter().find(|p| p.id == id).cloned())
    }

    fn prompt_untracked(self, id: &str) -> Option<Arc<Prompt>> {
        self.prompts
            .with_untracked(|all| all.iter().find(|p| p.id == id).cloned())
    }

    /// Tells the app something.
    pub fn tell_app(self, message: &ToApp) {
        let f = self.to_app.get_value();
        let _ = f.call1(&wasm_bindgen::JsValue::NULL, &json(message).into());
    }

    /// Opens the dialog on the due cards, reviewing `card` if given.
    pub fn show_due(self, card: Option<String>) {
        self.tab.set(HistoryView::Due);
        self.opened.set(None);
        self.reviewing.set(card);
        self.open.set(true);
    }

    /// Starts a timed session of a prompt in the app (closing the dialog).
    pub fn retry(self, prompt: &str) {
        self.open.set(false);
        self.tell_app(&ToApp::Retry {
            prompt: prompt.to_string(),
        });
    }

    /// Writes a batch; on failure says why and returns false.
    async fn write(self, batch: Vec<Write>) -> bool {
        let result = match self.ready().await {
            Ok(db) => db
                .write(&batch)
                .await
                .map_err(|e: HistoryDbError| e.to_string()),
            Err(why) => Err(why),
        };
        match result {
            Ok(()) => {
                if let Some(channel) = self.others.get_value() {
                    let _ = channel.post_message(&wasm_bindgen::JsValue::from_str("changed"));
                }
                true
            }
            Err(why) => {
                self.notice.set(Some(format!("Not saved: {why}.")));
                false
            }
        }
    }

    fn card_writes(changes: &CardChanges) -> Vec<Write> {
        let mut batch: Vec<Write> = changes
            .put
            .iter()
            .map(|c| Write::Put(Store::Cards, c.id.clone(), json(c)))
            .collect();
        batch.extend(
            changes
                .remove
                .iter()
                .map(|id| Write::Delete(Store::Cards, id.clone())),
        );
        batch
    }

    fn apply_cards(self, changes: &CardChanges) {
        self.cards.update(|cards| {
            cards.retain(|c| !changes.remove.contains(&c.id));
            for card in &changes.put {
                upsert(cards, card.clone(), |c| c.id == card.id);
            }
        });
    }

    /// Records (or updates) the attempt a session or check makes: checks its final
    /// board (and breadth map) in the worker, stores the attempt, its body and the
    /// cards it grades in one transaction.
    pub async fn record(self, job: RecordJob) -> Result<String, String> {
        self.ready().await?;
        let session: Option<Session> = match &job.session {
            Some(text) => Some(
                serde_json::from_str(text)
                    .map_err(|e| format!("the session cannot be read ({e})"))?,
            ),
            None => None,
        };
        let prompt = self
            .load_prompt(&job.prompt)
            .await
            .ok_or_else(|| format!("the prompt {} could not be loaded", job.prompt))?;
        let prompt = prompt.as_ref();
        let claims = claims_from_text(&job.claims);
        let report = self
            .check(&job.prompt, job.board.clone(), session.clone())
            .await?;
        let breadth_report = match session.as_ref().and_then(|s| s.breadth_board()) {
            Some(board) => Some(self.check(&job.prompt, board.to_string(), None).await?),
            None => None,
        };
        // The day the attempt was made, however late it is recorded (a Review left
        // open overnight is recorded again on the next load): its cards are graded
        // from that day.
        let day = day_at(job.at_ms as f64);
        let attempt = Attempt::new(&AttemptInput {
            prompt,
            session: session.as_ref(),
            report: &report,
            breadth_report: breadth_report.as_ref(),
            claims: &claims,
            at_ms: job.at_ms as f64,
            day,
        });
        let timeline = match &session {
            Some(_) => self.timelines.timeline_of(self, &attempt.id).await,
            None => Default::default(),
        };
        let body = AttemptBody {
            id: attempt.id.clone(),
            board: job.board,
            session,
            report: Some(report),
            claims,
            timeline,
        };
        let changes = self.cards.with_untracked(|c| cards_after(&attempt, c, day));
        let mut batch = vec![
            Write::Put(Store::Attempts, attempt.id.clone(), json(&attempt)),
            Write::Put(Store::Bodies, attempt.id.clone(), json(&body)),
            // The body holds the timeline now.
            Write::Delete(Store::Timelines, attempt.id.clone()),
        ];
        batch.extend(Hub::card_writes(&changes));
        self.timelines.settle();
        if !self.write(batch).await {
            return Err("the attempt could not be stored".into());
        }
        let id = attempt.id.clone();
        self.attempts
            .update(|list| upsert(list, attempt, |a| a.id == id));
        self.apply_cards(&changes);
        Ok(id)
    }

    async fn check(
        self,
        prompt: &str,
        board: String,
        session: Option<Session>,
    ) -> Result<crate::core::check::Report, String> {
        let job = CheckJob {
            prompt: prompt.to_string(),
            board,
            session,
        };
        self.worker.get_value().check(job).await
    }

    /// When each of the prompt's components first appeared on the board of
    /// `timeline`.
    pub async fn appearances_in(
        self,
        prompt: String,
        timeline: Timeline,
    ) -> Result<Vec<Appearance>, String> {
        self.worker.get_value().appearances(prompt, timeline).await
    }

    /// Asks the worker to write a session's replay as a file.
    pub async fn export_replay(
        self,
        session: Session,
        timeline: String,
        title: String,
        audio: Vec<AudioClip>,
        format: ReplayFormat,
    ) -> Result<ExportFile, String> {
        let request = ReplayJob::Export {
            session,
            timeline,
            title,
            audio,
            format,
            date: dom::today(),
        };
        match self.worker.get_value().call(request).await {
            Ok(ReplayReply::Exported(file)) => Ok(file),
            other => Err(crate::browser::worker::refusal(other)),
        }
    }

    /// Asks the worker to draw a session's replay as still frames: the folder they go
    /// in and the frames, in time order.
    pub async fn replay_frames(
        self,
        session: Session,
        timeline: String,
        title: String,
    ) -> Result<(String, Vec<ReplayFrame>), String> {
        let request = ReplayJob::Frames {
            session,
            timeline,
            title,
            date: dom::today(),
        };
        match self.worker.get_value().call(request).await {
            Ok(ReplayReply::Frames { folder, frames }) => Ok((folder, frames)),
            other => Err(crate::browser::worker::refusal(other)),
        }
    }

    /// Asks the worker to assess a worksheet entry against `reference`.
    pub async fn assess(self, text: String, reference: String) -> Result<Assessment, String> {
        self.worker.get_value().estimate(text, reference).await
    }

    /// An attempt's body, read from IndexedDB.
    pub async fn body(self, id: &str) -> Result<Option<AttemptBody>, String> {
        let db = self.ready().await?;
        let text = db.get(Store::Bodies, id).await.map_err(|e| e.to_string())?;
        Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
    }

    /// Deletes an attempt (Undo puts it back): the cards it graded last go back to
    /// how they were.
    pub async fn delete_attempt(self, id: String) {
        let Some(attempt) = self
            .attempts
            .with_untracked(|l| l.iter().find(|a| a.id == id).cloned())
        else {
            return;
        };
        let body = match self.ready().await {
            Ok(db) => db.get(Store::Bodies, &id).await.ok().flatten(),
            Err(_) => None,
        };
        let (changes, before) = self.cards.with_untracked(|cards| {
            let changes = cards_without(&id, cards);
            let touched: Vec<Card> = cards
                .iter()
                .filter(|c| {
                    changes.remove.contains(&c.id) || changes.put.iter().any(|p| p.id == c.id)
                })
                .cloned()
                .collect();
            (changes, touched)
        });
        let mut batch = vec![
            Write::Delete(Store::Attempts, id.clone()),
            Write::Delete(Store::Bodies, id.clone()),
            Write::Delete(Store::Timelines, id.clone()),
        ];
        batch.extend(Hub::card_writes(&changes));
        if !self.write(batch).await {
            return;
        }
        self.attempts.update(|l| l.retain(|a| a.id != id));
        self.apply_cards(&changes);
        if self.opened.get_untracked().as_deref() == Some(id.as_str()) {
            self.opened.set(None);
        }
        self.notice.set(Some(format!(
            "Deleted the attempt at {}.",
            attempt.prompt_title
        )));
        self.deleted.set_value(Some(Deleted {
            attempt,
            body,
            cards: before,
        }));
        self.can_undo.set(true);
    }

    /// Puts back the attempt deleted last, and its cards as they were.
    pub async fn undo_delete(self) {
        let Some(d) = self.deleted.get_value() else {
            return;
        };
        let mut batch = vec![Write::Put(
            Store::Attempts,
            d.attempt.id.clone(),
            json(&d.attempt),
        )];
        if let Some(body) = &d.body {
            batch.push(Write::Put(
                Store::Bodies,
                d.attempt.id.clone(),
                body.clone(),
            ));
        }
        let restore = CardChanges {
            put: d.cards.clone(),
            remove: Vec::new(),
        };
        batch.extend(Hub::card_writes(&restore));
        if !self.write(batch).await {
            return;
        }
        self.attempts.update(|l| l.push(d.attempt.clone()));
        self.apply_cards(&restore);
        self.deleted.set_value(None);
        self.can_undo.set(false);
        self.notice.set(Some(format!(
            "Restored the attempt at {}.",
            d.attempt.prompt_title
        )));
    }

    /// Grades a card by the user's own review.
    pub async fn grade(self, id: String, grade: Grade) {
        let Some(card) = self
            .cards
            .with_untracked(|l| l.iter().find(|c| c.id == id).cloned())
        else {
            return;
        };
        let graded = card.graded(grade, today());
        let changes = CardChanges {
            put: vec![graded],
            remove: Vec::new(),
        };
        if self.write(Hub::card_writes(&changes)).await {
            self.apply_cards(&changes);
        }
    }

    /// Sends the app what the library's cards show, now and whenever the attempts or
    /// cards change (once asked, for the page's lifetime).
    pub fn send_stats(self) {
        if self.stats_sent.get_value() {
            return;
        }
        self.stats_sent.set_value(true);
        Effect::new(move |_| {
            if self.loaded.get() != Loaded::Ready {
                return;
            }
            let stats = self
                .attempts
                .with(|a| self.cards.with(|c| practice_stats(a, c, today())));
            self.tell_app(&ToApp::Stats(stats));
        });
    }

    /// Brings the card of item `key` of `prompt` due today (made if new).
    pub async fn remember(self, prompt: &str, key: &str) -> Result<(), String> {
        self.ready().await?;
        let card = self
            .cards
            .with_untracked(|c| remember(c, prompt, key, today()));
        let changes = CardChanges {
            put: vec![card],
            remove: Vec::new(),
        };
        if !self.write(Hub::card_writes(&changes)).await {
            return Err("the card could not be saved".into());
        }
        self.apply_cards(&changes);
        Ok(())
    }

    /// Saves a journal entry, and cards for its new topics.
    pub async fn save_entry(self, entry: JournalEntry) -> bool {
        let new = self.cards.with_untracked(|c| entry.new_cards(c, today()));
        let changes = CardChanges {
            put: new,
            remove: Vec::new(),
        };
        let mut batch = vec![Write::Put(Store::Journal, entry.id.clone(), json(&entry))];
        batch.extend(Hub::card_writes(&changes));
        if !self.write(batch).await {
            return false;
        }
        let id = entry.id.clone();
        self.journal.update(|l| upsert(l, entry, |e| e.id == id));
        self.apply_cards(&changes);
        let topics = changes.put.len();
        self.notice.set(Some(match topics {
            0 => "Journal entry saved.".to_string(),
            1 => "Journal entry saved; 1 topic is due for review today.".to_string(),
            n => format!("Journal entry saved; {n} topics are due for review today."),
        }));
        true
    }

    /// Deletes a journal entry (its topic cards stay: they are practice of their own).
    pub async fn delete_entry(self, id: String) {
        if self
            .write(vec![Write::Delete(Store::Journal, id.clone())])
            .await
        {
            self.journal.update(|l| l.retain(|e| e.id != id));
            self.notice.set(Some("Journal entry deleted.".into()));
        }
    }

    /// Writes a batch of whole records (an import) and adds them to what is shown.
    pub async fn add_all(self, history: crate::core::history::History) -> bool {
        let mut batch = Vec::new();
        for (a, body) in &history.attempts {
            batch.push(Write::Put(Store::Attempts, a.id.clone(), json(a)));
            if let Some(b) = body {
                batch.push(Write::Put(Store::Bodies, a.id.clone(), json(b)));
            }
        }
        for c in &history.cards {
            batch.push(Write::Put(Store::Cards, c.id.clone(), json(c)));
        }
        for e in &history.journal {
            batch.push(Write::Put(Store::Journal, e.id.clone(), json(e)));
        }
        if !self.write(batch).await {
            return false;
        }
        self.attempts
            .update(|l| l.extend(history.attempts.into_iter().map(|(a, _)| a)));
        self.cards.update(|l| l.extend(history.cards));
        self.journal.update(|l| l.extend(history.journal));
        true
    }

    /// Every body, for an export.
    pub async fn bodies(self) -> Vec<AttemptBody> {
        let Ok(db) = self.ready().await else {
            return Vec::new();
        };
        let texts = db.all(Store::Bodies).await.unwrap_or_default();
        let mut bad = 0;
        parse_all(&texts, &mut bad)
    }

    /// Empties every store; true if it was done.
    pub async fn clear(self) -> bool {
        let batch = Store::ALL.into_iter().map(Write::Clear).collect();
        if !self.write(batch).await {
            return false;
        }
        self.attempts.set(Vec::new());
        self.cards.set(Vec::new());
        self.journal.set(Vec::new());
        self.opened.set(None);
        self.deleted.set_value(None);
        self.can_undo.set(false);
        self.unreadable.set(0);
        true
    }
}

/// Replaces the record of `list` that `same` picks with `item`, or adds it.
fn upsert<T>(list: &mut Vec<T>, item: T, same: impl Fn(&T) -> bool) {
    match list.iter_mut().find(|r| same(r)) {
        Some(old) => *old = item,
        None => list.push(item),
    }
}
