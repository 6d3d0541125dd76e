//! `localStorage` with typed errors.

use std::fmt;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks`, the Web Locks API (web-sys offers it only as unstable).
    type LockManager;

    /// Runs `callback` once this tab holds the lock `name`; held until it returns.
    #[wasm_bindgen(method)]
    fn request(this: &LockManager, name: &str, callback: &js_sys::Function) -> js_sys::Promise;
}

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

/// Runs `f` while this tab holds the cross-tab lock `name` (Web Locks: a holder in
/// another tab of this origin makes it wait, and requests are served in order), or at
/// once where the browser has no Web Locks.
pub fn with_lock(name: &str, f: impl FnOnce() + 'static) {
    let locks = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("locks")).ok())
        .filter(|locks| locks.is_object());
    let Some(locks) = locks else {
        return f();
    };
    let callback = Closure::once_into_js(move |_lock: JsValue| f());
    // The returned promise settles with `f`'s end. It could reject only if `f`
    // threw (a panic stops the whole app anyway) or with an abort signal (none is
    // given), so it is not awaited: an executor for it would cost the first load.
    let _ = locks
        .unchecked_into::<LockManager>()
        .request(name, callback.unchecked_ref());
}
