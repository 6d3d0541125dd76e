//! Browser test harness for `breadthfirst`: a static file server, a minimal
//! synchronous W3C WebDriver client for chromedriver + headless Chromium, and
//! helpers to locate the built app and serialize browser tests.
//!
//! Use from an integration test with `mod support;` and
//! `use support::{browser_lock, dist_dir, Driver, Key, StaticServer};`.
//! Std + `serde_json` only.

// Each test binary uses only part of the harness.
#![allow(dead_code, unused_imports)]

pub mod app;
pub mod http;
pub mod server;
pub mod webdriver;

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

pub use server::StaticServer;
pub use webdriver::{base64_decode, unique_temp_dir, Driver, Element, Key};

/// The built app directory: `$BREADTHFIRST_DIST` if set, else
/// `<crate>/dist`. Panics if it has no `index.html`.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("BREADTHFIRST_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "{} has no index.html: run ./dev.sh test (it builds the release into dist/ first)",
        dir.display()
    );
    dir
}

/// Process-wide lock so browser tests run one at a time (2-core machine).
/// Tolerates poisoning from a previously panicked test.
pub fn browser_lock() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}
