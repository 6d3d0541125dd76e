//! Browser test harness for `breadthfirst`: a static file server of dist/
//! (`hyper`), a blocking facade over the `fantoccini` WebDriver client for
//! chromedriver + headless Chromium, a DevTools-protocol client to send input to
//! two tabs at the same instant, a guard that fails a test on any page error, and
//! helpers to locate the built app and serialize browser tests.
//!
//! Use from an integration test with `mod support;` and
//! `use support::{browser_lock, Key};` plus `support::app::App`.

// Each test binary uses only part of the harness.
#![allow(dead_code, unused_imports)]

pub mod app;
pub mod cdp;
pub mod downloads;
pub mod element;
pub mod guard;
pub mod input;
pub mod server;
pub mod webdriver;

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

pub use element::Element;
pub use guard::PageGuard;
pub use input::Key;
pub use server::StaticServer;
pub use webdriver::Driver;

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

/// `names` as owned strings, sorted (to compare boards whatever their order).
pub fn sorted(names: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

/// Process-wide lock so browser tests run one at a time (2-core machine).
/// Tolerates poisoning from a previously panicked test.
pub fn browser_lock() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// Creates a fresh, unique directory under the system temp dir.
pub fn unique_temp_dir(prefix: &str) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("{prefix}-{}-{nanos}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create temp dir {}: {e}", dir.display()));
    dir
}
