//! The app under test: a served release build in a fresh headless Chromium, with
//! helpers that read the DOM through the app's stable test hooks.

use super::{dist_dir, Driver, StaticServer};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::Duration;

/// How long a test waits for the page to catch up.
pub const WAIT: Duration = Duration::from_secs(10);

/// A started app: the server and browser live as long as this does.
pub struct App {
    /// The browser.
    pub driver: Driver,
    /// The static server of dist/.
    pub server: StaticServer,
}

impl App {
    /// Serves dist/, starts a browser on it and waits for the canvas.
    pub fn open() -> App {
        let server = StaticServer::start(&dist_dir());
        let driver = Driver::start();
        driver.goto(&server.url());
        let app = App { driver, server };
        app.wait_for("the canvas to mount", || {
            app.count("[data-testid=canvas]") == 1
        });
        app
    }

    /// Polls `cond` until true, failing the test with `what` after [`WAIT`].
    pub fn wait_for(&self, what: &str, cond: impl FnMut() -> bool) {
        self.driver.wait_until(what, WAIT, cond);
    }

    /// How many elements match a CSS selector.
    pub fn count(&self, css: &str) -> usize {
        self.driver.find_all(css).len()
    }

    /// Runs a script in the page and returns its result.
    pub fn js(&self, script: &str) -> Value {
        self.driver.execute(script, vec![])
    }

    /// Clicks the palette button whose accessible name is `name`.
    pub fn add(&self, name: &str) {
        let before = self.count("[data-testid=node]");
        self.driver
            .find(&format!("button[aria-label=\"{name}\"]"))
            .click();
        self.wait_for(&format!("a {name} to appear"), || {
            self.count("[data-testid=node]") == before + 1
        });
    }

    /// (id, kind, text) of every component on the canvas.
    pub fn nodes(&self) -> Vec<(String, String, String)> {
        let v = self.js(
            "return [...document.querySelectorAll('[data-testid=node]')].map(n => \
             [n.dataset.id, n.dataset.kind, n.textContent])",
        );
        v.as_array()
            .unwrap()
            .iter()
            .map(|t| {
                let s = |i: usize| t[i].as_str().unwrap_or_default().to_string();
                (s(0), s(1), s(2))
            })
            .collect()
    }

    /// (from, to) of every arrow.
    pub fn edges(&self) -> Vec<(String, String)> {
        let v = self.js(
            "return [...document.querySelectorAll('[data-testid=edge]')].map(e => \
             [e.dataset.from, e.dataset.to])",
        );
        v.as_array()
            .unwrap()
            .iter()
            .map(|t| (t[0].as_str().unwrap().into(), t[1].as_str().unwrap().into()))
            .collect()
    }

    /// Centre of the component with this id, in viewport pixels.
    pub fn node_center(&self, id: &str) -> (f64, f64) {
        self.driver
            .find(&format!("[data-testid=node][data-id=\"{id}\"] .shape"))
            .center()
    }

    /// Client rect (x, y) of a component's shape: where it is on screen.
    pub fn node_position(&self, id: &str) -> (f64, f64) {
        let v = self.driver.execute(
            "const r = document.querySelector(`[data-testid=node][data-id=\"${arguments[0]}\"] .shape`)\
             .getBoundingClientRect(); return [r.x, r.y];",
            vec![json!(id)],
        );
        (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
    }

    /// SEVERE browser-log entries since the last read (page errors, failed loads).
    pub fn page_errors(&self) -> Vec<String> {
        self.driver
            .browser_log()
            .into_iter()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Saves a screenshot under target/screenshots/.
    pub fn screenshot(&self, name: &str) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        self.driver.screenshot(&dir.join(name));
    }

    /// Picks a prompt in the library: a timed session ("Start session") or free
    /// practice, and waits for the library to close.
    pub fn choose_prompt(&self, id: &str, timed: bool) {
        self.driver.find("button[aria-label=\"Prompts\"]").click();
        self.wait_for("the prompt cards", || {
            self.count("[data-testid=prompt-card]") > 0
        });
        let button = if timed {
            ":not(.secondary)"
        } else {
            ".secondary"
        };
        self.driver
            .find(&format!(
                "[data-prompt=\"{id}\"] .card-actions button{button}"
            ))
            .click();
        self.wait_for("the library to close", || {
            self.count("dialog.library[open]") == 0
        });
    }

    /// Reloads and waits for the app to mount again.
    pub fn reload(&self) {
        self.driver.goto(&self.server.url());
        self.wait_for("the canvas to mount again", || {
            self.count("[data-testid=canvas]") == 1
        });
    }

    /// Waits until autosave has written a board with `n` components.
    pub fn wait_saved(&self, n: usize) {
        self.wait_for(&format!("autosave of {n} components"), || {
            let v = self.js(
                "try { return JSON.parse(localStorage.getItem('breadthfirst.board'))\
                 .board.components.length; } catch (e) { return -1; }",
            );
            v.as_i64() == Some(n as i64)
        });
    }

    /// Opens the app in a second tab on the same origin (where the first tab's board
    /// has `n` components) and returns the handles of (first, second); the second tab
    /// is current.
    pub fn second_tab(&self, n: usize) -> (Value, Value) {
        let first = self.driver.command("GET", "/window", None);
        let second = self
            .driver
            .command("POST", "/window/new", Some(json!({ "type": "tab" })))["handle"]
            .clone();
        self.switch_to(&second);
        self.driver.goto(&self.server.url());
        self.wait_for("the second tab's board", || {
            self.count("[data-testid=node]") == n
        });
        (first, second)
    }

    /// Makes the tab with this handle current.
    pub fn switch_to(&self, handle: &Value) {
        self.driver
            .command("POST", "/window", Some(json!({ "handle": handle })));
    }

    /// Clicks the save banner's button with this text.
    pub fn click_banner_button(&self, name: &str) {
        self.driver.execute(
            "[...document.querySelectorAll('[data-testid=save-banner] button')]\
               .find(b => b.textContent.trim() === arguments[0]).click(); return null;",
            vec![json!(name)],
        );
    }
}
