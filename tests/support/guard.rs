//! The page-error guard: a browser test fails on any page error.
//!
//! Chromium reports through chromedriver's browser log (`goog:loggingPrefs`
//! `browser: ALL`, read with [`Driver::browser_log`]) every uncaught exception
//! (a wasm trap shows as `Uncaught RuntimeError: unreachable`), unhandled
//! promise rejection, `console.error`, failed resource load and Content
//! Security Policy violation as a `SEVERE` entry. The guard reads the log and
//! fails on each such entry that the test did not explicitly expect.

use std::cell::RefCell;

use serde_json::Value;

use super::Driver;

/// An error the test provokes on purpose, and whether it appeared.
struct Expected {
    needle: String,
    seen: bool,
}

/// Collects the page's `SEVERE` browser log entries and fails on the
/// unexpected ones.
#[derive(Default)]
pub struct PageGuard {
    expected: RefCell<Vec<Expected>>,
}

impl PageGuard {
    /// A guard expecting no error at all.
    pub fn new() -> PageGuard {
        PageGuard::default()
    }

    /// Opts in to a page error the test provokes on purpose: `SEVERE` entries
    /// whose message contains `needle` are allowed, and [`Self::finish`] fails
    /// if none appeared.
    pub fn expect(&self, needle: &str) {
        self.expected.borrow_mut().push(Expected {
            needle: needle.to_string(),
            seen: false,
        });
    }

    /// Reads the browser log and returns the messages of the `SEVERE` entries
    /// since the last read that no expectation allows.
    pub fn errors(&self, driver: &Driver) -> Vec<String> {
        // A round trip through the page first, so entries the page logged before
        // this call have reached chromedriver.
        driver.execute("return null;", vec![]);
        let mut expected = self.expected.borrow_mut();
        driver
            .browser_log()
            .into_iter()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| message(&e))
            .filter(|m| {
                let allowed = expected.iter_mut().find(|x| m.contains(&x.needle));
                allowed.map(|x| x.seen = true).is_none()
            })
            .collect()
    }

    /// Panics listing every unexpected page error since the last read.
    pub fn check(&self, driver: &Driver) {
        let errors = self.errors(driver);
        if !errors.is_empty() {
            panic!("{}", report(&errors));
        }
    }

    /// [`Self::check`], and panics if an expected error never appeared. For
    /// the end of a test.
    pub fn finish(&self, driver: &Driver) {
        self.check(driver);
        let missing: Vec<String> = self
            .expected
            .borrow()
            .iter()
            .filter(|x| !x.seen)
            .map(|x| x.needle.clone())
            .collect();
        assert!(
            missing.is_empty(),
            "expected page errors never appeared: {missing:?}"
        );
    }
}

/// The panic message for unexpected page errors.
pub fn report(errors: &[String]) -> String {
    let list: Vec<String> = errors.iter().map(|e| format!("  - {e}")).collect();
    format!(
        "the page reported {} error(s) (SEVERE browser log entries):\n{}",
        errors.len(),
        list.join("\n")
    )
}

fn message(entry: &Value) -> String {
    entry["message"].as_str().unwrap_or_default().to_string()
}
