//! The timeline of the session being practised (issue 17). The app reports each
//! moment ([`crate::core::history::bridge::ToHistory::Moment`]: the board when a
//! gesture ends, a phase, the curveball, focus picks, note edits); it is recorded
//! here and kept in IndexedDB half a second later (a reload or a crash loses at most
//! that), and goes into the attempt's body when the session reaches Review. None of
//! it is in the app's first load.

use super::hub::Hub;
use crate::browser::history_db::{Store, Write};
use crate::core::history::bridge::ToApp;
use crate::core::session::{Moment, Timeline, TimelineRecorder};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// How long after a moment the timeline is written to IndexedDB.
const SAVE_AFTER_MS: u32 = 500;

/// The session's recorder, and what waits for it.
#[derive(Clone, Copy)]
pub struct Timelines {
    /// The attempt id of the session recorded, and its recorder.
    current: StoredValue<Option<(String, TimelineRecorder)>, LocalStorage>,
    /// Moments that came while a timeline was read back from IndexedDB.
    waiting: StoredValue<Vec<(String, f64, Moment)>, LocalStorage>,
    loading: StoredValue<bool>,
    save: StoredValue<Option<Timeout>, LocalStorage>,
}

impl Timelines {
    /// Nothing recorded yet.
    pub fn new() -> Self {
        Timelines {
            current: StoredValue::new_local(None),
            waiting: StoredValue::new_local(Vec::new()),
            loading: StoredValue::new(false),
            save: StoredValue::new_local(None),
        }
    }

    /// Records a moment of `attempt`'s session, reading its timeline back first if
    /// another (or none) is in hand (the page was reloaded mid-session).
    pub fn moment(self, hub: Hub, attempt: String, at_ms: f64, moment: Moment) {
        let ours = self
            .current
            .with_value(|c| c.as_ref().is_some_and(|(a, _)| *a == attempt));
        if ours && !self.loading.get_value() {
            self.record(hub, at_ms, moment);
            return;
        }
        self.waiting
            .update_value(|w| w.push((attempt.clone(), at_ms, moment)));
        if self.loading.get_value() {
            return;
        }
        self.loading.set_value(true);
        self.flush(hub);
        leptos::task::spawn_local(async move {
            let timeline = stored(hub, &attempt).await.unwrap_or_default();
            self.current
                .set_value(Some((attempt, TimelineRecorder::resume(timeline))));
            self.loading.set_value(false);
            let waiting = self
                .waiting
                .try_update_value(std::mem::take)
                .unwrap_or_default();
            for (attempt, at_ms, moment) in waiting {
                self.moment(hub, attempt, at_ms, moment);
            }
        });
    }

    fn record(self, hub: Hub, at_ms: f64, moment: Moment) {
        let result = self
            .current
            .try_update_value(|c| c.as_mut().map(|(_, r)| r.record(at_ms, moment)))
            .flatten();
        match result {
            Some(Ok(true)) => {
                let timer = Timeout::new(SAVE_AFTER_MS, move || self.flush(hub));
                self.save.set_value(Some(timer));
            }
            Some(Err(why)) => hub.tell_app(&ToApp::Notice(format!(
                "A change could not be added to the session's replay: {why}."
            ))),
            _ => {}
        }
    }

    /// Writes the timeline in hand to IndexedDB now (a pending write is done now).
    fn flush(self, hub: Hub) {
        let pending = self.save.try_update_value(Option::take).flatten();
        let Some(timer) = pending else {
            return;
        };
        timer.cancel();
        let Some((attempt, text)) = self.current.with_value(|c| {
            c.as_ref().map(|(a, r)| {
                let text = serde_json::to_string(r.timeline()).unwrap_or_default();
                (a.clone(), text)
            })
        }) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let written = match hub.ready().await {
                Ok(db) => db
                    .write(&[Write::Put(Store::Timelines, attempt, text)])
                    .await
                    .map_err(|e| e.to_string()),
                Err(why) => Err(why),
            };
            if let Err(why) = written {
                hub.tell_app(&ToApp::Notice(format!(
                    "The session's replay could not be saved: {why}. The session goes on."
                )));
            }
        });
    }

    /// Gives up a pending write: the attempt's body now holds the timeline.
    pub fn settle(self) {
        if let Some(timer) = self.save.try_update_value(Option::take).flatten() {
            timer.cancel();
        }
    }

    /// `attempt`'s timeline: the one in hand, else the one kept in IndexedDB, else
    /// the attempt's (empty when none was kept).
    pub async fn timeline_of(self, hub: Hub, attempt: &str) -> Timeline {
        let held = self.current.with_value(|c| {
            c.as_ref()
                .filter(|(a, _)| a == attempt)
                .map(|(_, r)| r.timeline().clone())
        });
        if let Some(timeline) = held {
            return timeline;
        }
        if let Some(timeline) = stored(hub, attempt).await {
            return timeline;
        }
        match hub.body(attempt).await {
            Ok(Some(body)) => body.timeline,
            _ => Timeline::default(),
        }
    }
}

/// The timeline kept in IndexedDB for `attempt` while its session ran.
async fn stored(hub: Hub, attempt: &str) -> Option<Timeline> {
    let db = hub.ready().await.ok()?;
    let text = db.get(Store::Timelines, attempt).await.ok()??;
    serde_json::from_str(&text).ok()
}
