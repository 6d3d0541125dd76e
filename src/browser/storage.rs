//! `localStorage` with typed errors.

use std::fmt;
use wasm_bindgen::JsCast;

/// Why storage could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No `localStorage` (disabled, or a sandboxed frame).
    Unavailable,
    /// The browser refused the write because storage is full.
    QuotaExceeded,
    /// Any other failure, with the browser's message.
    Other(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str("browser storage is unavailable"),
            StorageError::QuotaExceeded => f.write_str("browser storage is full"),
            StorageError::Other(message) => write!(f, "browser storage failed: {message}"),
        }
    }
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

fn classify(error: wasm_bindgen::JsValue) -> StorageError {
    match error.dyn_into::<web_sys::DomException>() {
        Ok(e) if e.name() == "QuotaExceededError" || e.code() == 22 => StorageError::QuotaExceeded,
        Ok(e) => StorageError::Other(e.message()),
        Err(other) => StorageError::Other(format!("{other:?}")),
    }
}

/// Reads a key; `Ok(None)` when absent.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    storage()?.get_item(key).map_err(classify)
}

/// Writes a key.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, value).map_err(classify)
}

/// Removes a key.
pub fn remove(key: &str) -> Result<(), StorageError> {
    storage()?.remove_item(key).map_err(classify)
}

/// Every key in storage (none when storage is unavailable).
pub fn keys() -> Vec<String> {
    let Ok(s) = storage() else {
        return Vec::new();
    };
    let count = s.length().unwrap_or(0);
    (0..count).filter_map(|i| s.key(i).ok().flatten()).collect()
}
