//! The practice history's storage: one IndexedDB database (`breadthfirst-history`)
//! with a store per kind of record, each record the JSON text of its `core::history`
//! type under its id. Only the history module uses it, so it costs the first load
//! nothing. Writes go in one transaction, so a batch (an attempt and the cards it
//! graded) is stored whole or not at all.

use std::fmt;
use wasm_bindgen::JsValue;

/// The database's name.
const NAME: &str = "breadthfirst-history";
/// Its schema version (the stores below; 2 added the timelines and recordings).
const SCHEMA: u32 = 2;

/// A kind of record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    /// What Progress and the lists show of each attempt.
    Attempts,
    /// Each attempt's board, session and report, read when it is opened.
    Bodies,
    /// Spaced-repetition cards.
    Cards,
    /// Real-interview journal entries.
    Journal,
    /// The timeline of a session still being practised, by its attempt id (the
    /// attempt's body takes it when the session reaches Review).
    Timelines,
    /// What is known of each think-aloud recording, by its session's attempt id
    /// (`core::history::recording::Recording`).
    Recordings,
    /// The recordings' audio, a blob per chunk (`core::history::recording::chunk_key`).
    Audio,
}

impl Store {
    /// Every store.
    pub const ALL: [Store; 7] = [
        Store::Attempts,
        Store::Bodies,
        Store::Cards,
        Store::Journal,
        Store::Timelines,
        Store::Recordings,
        Store::Audio,
    ];

    fn name(self) -> &'static str {
        match self {
            Store::Attempts => "attempts",
            Store::Bodies => "bodies",
            Store::Cards => "cards",
            Store::Journal => "journal",
            Store::Timelines => "timelines",
            Store::Recordings => "recordings",
            Store::Audio => "audio",
        }
    }
}

/// One change of a batch.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    /// Stores `text` under `id`, replacing what was there.
    Put(Store, String, String),
    /// Removes the record `id`.
    Delete(Store, String),
    /// Removes every record of a store.
    Clear(Store),
    /// Stores a value as it is (a blob of audio) under `id`.
    PutValue(Store, String, JsValue),
    /// Removes the records whose ids lie from the first to the second, both included.
    DeleteRange(Store, String, String),
}

/// Why the history could not be read or written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryDbError {
    /// IndexedDB is missing or refused (a private window, storage turned off).
    Unavailable(String),
    /// The browser's storage quota is used up.
    Full,
    /// A read or write failed.
    Failed(String),
}

impl fmt::Display for HistoryDbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HistoryDbError::Unavailable(why) => write!(
                f,
                "this browser does not let the app keep a history here ({why})"
            ),
            HistoryDbError::Full => f.write_str(
                "the browser's storage for this site is full: export the history, then delete old attempts",
            ),
            HistoryDbError::Failed(why) => write!(f, "the history could not be saved ({why})"),
        }
    }
}

fn failed(e: idb::Error) -> HistoryDbError {
    let text = e.to_string();
    if text.contains("QuotaExceeded") {
        HistoryDbError::Full
    } else {
        HistoryDbError::Failed(text)
    }
}

/// The open database.
pub struct HistoryDb {
    db: idb::Database,
}

impl HistoryDb {
    /// Opens (creating or upgrading) the database.
    pub async fn open() -> Result<HistoryDb, HistoryDbError> {
        let mut builder = idb::builder::DatabaseBuilder::new(NAME).version(SCHEMA);
        for store in Store::ALL {
            builder = builder.add_object_store(idb::ObjectStore::builder(store.name()));
        }
        let db = builder
            .build()
            .await
            .map_err(|e| HistoryDbError::Unavailable(e.to_string()))?;
        Ok(HistoryDb { db })
    }

    /// Every record of a store, as text.
    pub async fn all(&self, store: Store) -> Result<Vec<String>, HistoryDbError> {
        let tx = self
            .db
            .transaction(&[store.name()], idb::TransactionMode::ReadOnly)
            .map_err(failed)?;
        let values = tx
            .object_store(store.name())
            .map_err(failed)?
            .get_all(None, None)
            .map_err(failed)?
            .await
            .map_err(failed)?;
        Ok(values.iter().filter_map(JsValue::as_string).collect())
    }

    /// One record, as text.
    pub async fn get(&self, store: Store, id: &str) -> Result<Option<String>, HistoryDbError> {
        let tx = self
            .db
            .transaction(&[store.name()], idb::TransactionMode::ReadOnly)
            .map_err(failed)?;
        let value = tx
            .object_store(store.name())
            .map_err(failed)?
            .get(JsValue::from_str(id))
            .map_err(failed)?
            .await
            .map_err(failed)?;
        Ok(value.and_then(|v| v.as_string()))
    }

    /// The values stored under ids from `from` to `to` (both included), in id order.
    pub async fn values(
        &self,
        store: Store,
        from: &str,
        to: &str,
    ) -> Result<Vec<JsValue>, HistoryDbError> {
        let tx = self
            .db
            .transaction(&[store.name()], idb::TransactionMode::ReadOnly)
            .map_err(failed)?;
        tx.object_store(store.name())
            .map_err(failed)?
            .get_all(Some(range(from, to).map_err(failed)?.into()), None)
            .map_err(failed)?
            .await
            .map_err(failed)
    }

    /// Applies a batch in one transaction: all of it, or (on any failure) none.
    pub async fn write(&self, batch: &[Write]) -> Result<(), HistoryDbError> {
        if batch.is_empty() {
            return Ok(());
        }
        let names: Vec<&str> = Store::ALL.iter().map(|s| s.name()).collect();
        let tx = self
            .db
            .transaction(&names, idb::TransactionMode::ReadWrite)
            .map_err(failed)?;
        for w in batch {
            let (Write::Put(store, ..)
            | Write::Delete(store, _)
            | Write::Clear(store)
            | Write::PutValue(store, ..)
            | Write::DeleteRange(store, ..)) = w;
            let os = tx.object_store(store.name()).map_err(failed)?;
            let result = match w {
                Write::Put(_, id, text) => os
                    .put(&JsValue::from_str(text), Some(&JsValue::from_str(id)))
                    .map(drop),
                Write::Delete(_, id) => os.delete(JsValue::from_str(id)).map(drop),
                Write::Clear(_) => os.clear().map(drop),
                Write::PutValue(_, id, value) => {
                    os.put(value, Some(&JsValue::from_str(id))).map(drop)
                }
                Write::DeleteRange(_, from, to) => {
                    range(from, to).and_then(|r| os.delete(r)).map(drop)
                }
            };
            result.map_err(failed)?;
        }
        match tx.commit().map_err(failed)?.await.map_err(failed)? {
            idb::TransactionResult::Committed => Ok(()),
            idb::TransactionResult::Aborted => Err(tx_aborted()),
        }
    }
}

/// The ids from `from` to `to`, both included.
fn range(from: &str, to: &str) -> Result<idb::KeyRange, idb::Error> {
    idb::KeyRange::bound(
        &JsValue::from_str(from),
        &JsValue::from_str(to),
        Some(false),
        Some(false),
    )
}

fn tx_aborted() -> HistoryDbError {
    HistoryDbError::Failed("the browser aborted the write".into())
}
