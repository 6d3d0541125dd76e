//! The app under test: a served release build in a fresh headless Chromium, with
//! helpers that act as a user (WebDriver clicks and keys on visible elements) and
//! read the DOM through the app's stable test hooks.
//!
//! Every `App` carries a [`PageGuard`]: each wait checks the browser log, and so
//! does dropping the `App` at the end of the test, so any page error, console
//! error or CSP violation fails the test unless it opted in with
//! [`App::expect_page_error`].

use super::webdriver::POLL;
use super::{dist_dir, Driver, Element, PageGuard, StaticServer};
use fantoccini::wd::WindowHandle;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a test waits for the page to catch up.
pub const WAIT: Duration = Duration::from_secs(10);

/// A started app: the server and browser live as long as this does.
pub struct App {
    /// The browser.
    pub driver: Driver,
    /// The static server of dist/.
    pub server: StaticServer,
    guard: PageGuard,
    ready: String,
}

impl App {
    /// Serves dist/, starts a browser on it and waits for the canvas.
    pub fn open() -> App {
        App::serve(&dist_dir(), "[data-testid=canvas]")
    }

    /// Serves `dir`, starts a browser on it and waits for an element matching
    /// `ready` (the self-test serves its own page this way).
    pub fn serve(dir: &Path, ready: &str) -> App {
        App::on(StaticServer::start(dir), ready)
    }

    /// Starts a browser on what `server` serves and waits for an element matching
    /// `ready`.
    pub fn on(server: StaticServer, ready: &str) -> App {
        App::on_with(server, ready, &[])
    }

    /// Serves dist/ and starts a browser with more Chromium switches on it.
    pub fn open_with(switches: &[&str]) -> App {
        App::on_with(
            StaticServer::start(&dist_dir()),
            "[data-testid=canvas]",
            switches,
        )
    }

    fn on_with(server: StaticServer, ready: &str, switches: &[&str]) -> App {
        let driver = Driver::start_with(switches);
        driver.goto(&server.url());
        let app = App {
            driver,
            server,
            guard: PageGuard::new(),
            ready: ready.to_string(),
        };
        app.wait_for("the page to mount", || app.count(ready) == 1);
        app
    }

    /// Polls `cond` until true, failing the test with `what` after [`WAIT`].
    /// Fails at once, naming them, on page errors (see [`PageGuard`]).
    pub fn wait_for(&self, what: &str, mut cond: impl FnMut() -> bool) {
        let deadline = Instant::now() + WAIT;
        loop {
            self.check_page();
            if cond() {
                return self.check_page();
            }
            if Instant::now() >= deadline {
                panic!("timed out after {WAIT:?} waiting until {what}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Fails the test on any page error since the last check.
    pub fn check_page(&self) {
        self.guard.check(&self.driver);
    }

    /// Opts in to a page error this test provokes on purpose: SEVERE browser log
    /// entries containing `needle` pass, and the test fails if none appears.
    pub fn expect_page_error(&self, needle: &str) {
        self.guard.expect(needle);
    }

    /// How many elements match a CSS selector.
    pub fn count(&self, css: &str) -> usize {
        self.driver.find_all(css).len()
    }

    /// Runs a script in the page and returns its result.
    pub fn js(&self, script: &str) -> Value {
        self.driver.execute(script, vec![])
    }

    /// Chooses `text`, written to a file named `name`, in the Import button's file
    /// picker (WebDriver's way: the path sent to its `<input type=file>`).
    pub fn import_file(&self, name: &str, text: &str) {
        let path = super::unique_temp_dir("breadthfirst-import").join(name);
        std::fs::write(&path, text).unwrap();
        self.driver
            .find("input[type=file]")
            .send_keys(path.to_str().unwrap());
    }

    /// The text of the notice the app shows, empty when none.
    pub fn notice(&self) -> String {
        self.js("const n = document.querySelector('.notice'); return n ? n.textContent : '';")
            .as_str()
            .unwrap_or_default()
            .to_string()
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

    /// (id, kind, accessible name) of every component on the canvas. The name is
    /// "Label" or "Label (Kind)" whatever lines the label is drawn on.
    pub fn nodes(&self) -> Vec<(String, String, String)> {
        let v = self.js(
            "return [...document.querySelectorAll('[data-testid=node]')].map(n => \
             [n.dataset.id, n.dataset.kind, n.getAttribute('aria-label')])",
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

    /// Waits until the component `id` is `by` (x, y; within 3 px) from `start`, a
    /// position [`Self::node_position`] gave.
    pub fn wait_moved_by(&self, id: &str, start: (f64, f64), by: (f64, f64)) {
        self.wait_for(&format!("{id} to move by {by:?}"), || {
            let p = self.node_position(id);
            (p.0 - start.0 - by.0).abs() < 3.0 && (p.1 - start.1 - by.1).abs() < 3.0
        });
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

    /// Unexpected SEVERE browser-log entries since the last read (page errors,
    /// console errors, failed loads, CSP violations).
    pub fn page_errors(&self) -> Vec<String> {
        self.guard.errors(&self.driver)
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

    /// Practises the URL shortener freely on a board of four boxes (client, load
    /// balancer, service, cache), checks it, and waits for the checklist.
    pub fn check_a_small_board(&self) {
        self.choose_prompt("url-shortener", false);
        for name in ["Client", "Load balancer", "Service", "Cache"] {
            self.add(name);
        }
        self.click_text("button", "Check design");
        self.wait_for("the check items", || {
            self.count("[data-testid=check-item]") > 10
        });
    }

    /// Reloads and waits for the app to mount again.
    pub fn reload(&self) {
        self.driver.goto(&self.server.url());
        self.wait_for("the page to mount again", || self.count(&self.ready) == 1);
    }

    /// Makes `Date.now` return real time plus `sessionStorage['test.clock-offset']`,
    /// for every page the browser loads from now on, then reloads the app under it.
    pub fn with_controlled_clock(&self) {
        self.driver.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({"source":
                "(() => { const real = Date.now.bind(Date); \
                  Date.now = () => real() + Number(sessionStorage.getItem('test.clock-offset') || 0); })();"
            }),
        );
        self.reload();
    }

    /// How many resources the page itself fetched (by resource timing) whose name
    /// ends with `name` (the service worker's own precache is not the page's).
    pub fn fetched(&self, name: &str) -> usize {
        self.driver
            .execute(
                "return performance.getEntriesByType('resource').filter(e => e.name.endsWith(arguments[0])).length",
                vec![name.into()],
            )
            .as_u64()
            .unwrap_or(0) as usize
    }

    /// The timed session's phase, as the session bar names it.
    pub fn phase(&self) -> String {
        self.driver.find("[data-testid=phase]").text()
    }

    /// Presses "Next phase" and waits for the phase `to`.
    pub fn next_phase_to(&self, to: &str) {
        self.click_text(".session-bar button", "Next phase");
        self.wait_for(to, || self.phase() == to);
    }

    /// From a timed session's Focus: picks the first component to go deep on and
    /// goes through Depth and Failure modes (where the curveball is put at the
    /// latest) to Review.
    pub fn focus_to_review(&self) {
        self.wait_for("Focus", || self.phase() == "Focus");
        self.driver.find("[data-testid=focus-option]").click();
        self.next_phase_to("Depth");
        self.next_phase_to("Failure modes");
        self.wait_for("the curveball", || {
            self.count("[data-testid=curveball]") == 1
        });
        self.next_phase_to("Review");
    }

    /// Dismisses the notice shown, if any, as a user would to see what it covers.
    pub fn dismiss_notice(&self) {
        if self.count(".notice button[aria-label=Dismiss]") == 1 {
            self.driver
                .find(".notice button[aria-label=Dismiss]")
                .click();
        }
    }

    /// The names of the boxes the Review replay's figure shows now, sorted.
    pub fn replayed(&self) -> Vec<String> {
        let v = self.js(
            "return [...document.querySelectorAll('[data-testid=replay-board] .node .label')]\
             .map(n => [...n.querySelectorAll('tspan:not(.kind-caption)')]\
             .map(t => t.textContent).join(' '))",
        );
        let names: Vec<&str> = v
            .as_array()
            .map(|a| a.iter().map(|t| t.as_str().unwrap_or_default()).collect())
            .unwrap_or_default();
        super::sorted(&names)
    }

    /// The Review replay's readout ("1:05 of 12:30 · Breadth").
    pub fn replay_readout(&self) -> String {
        self.driver.find("[data-testid=replay-time]").text()
    }

    /// Opens the practice history (the toolbar's "Practice history") if it is closed,
    /// on `tab`, once that tab has read the history.
    pub fn open_history(&self, tab: &str) {
        const HISTORY: &str = "dialog.history[open]";
        if self.count(HISTORY) == 0 {
            self.driver
                .find("button[aria-label=\"Practice history\"]")
                .click();
            self.wait_for("the history dialog", || {
                self.count(&format!("{HISTORY} [role=tab]")) == 5
            });
        }
        self.click_text(&format!("{HISTORY} [role=tab]"), tab);
        self.wait_for(&format!("the {tab} tab"), || {
            self.js(
                "const t = document.querySelector('dialog.history [role=tab][aria-selected=true]'); \
                 const p = document.querySelector('#history-panel'); \
                 return t && p ? [t.textContent, p.textContent.includes('Reading your history')] : null;",
            ) == serde_json::json!([tab, false])
        });
    }

    /// Lets the page download files into `dir`.
    pub fn allow_downloads(&self, dir: &Path) {
        self.driver.cdp(
            "Browser.setDownloadBehavior",
            serde_json::json!({"behavior": "allow", "downloadPath": dir.to_str().unwrap()}),
        );
    }

    /// Moves the controlled clock forward by `ms`.
    pub fn advance_clock(&self, ms: f64) {
        self.driver.execute(
            "const k = 'test.clock-offset'; \
             sessionStorage.setItem(k, String(Number(sessionStorage.getItem(k) || 0) + arguments[0]));",
            vec![serde_json::json!(ms)],
        );
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
    pub fn second_tab(&self, n: usize) -> (WindowHandle, WindowHandle) {
        let first = self.driver.window();
        let second = self.driver.new_tab();
        self.switch_to(&second);
        self.driver.goto(&self.server.url());
        self.wait_for("the second tab's board", || {
            self.count("[data-testid=node]") == n
        });
        (first, second)
    }

    /// Makes the tab with this handle current.
    pub fn switch_to(&self, handle: &WindowHandle) {
        self.driver.switch_to(handle);
    }

    /// Waits for an element matching `css` whose visible text is `text`.
    pub fn with_text(&self, css: &str, text: &str) -> Element<'_> {
        // An element re-rendered meanwhile (stale) is simply not a match.
        let find = || {
            self.driver.find_all(css).into_iter().find(|e| {
                let shown = self.driver.run(e.inner().text());
                shown.is_ok_and(|t| t.trim() == text)
            })
        };
        self.wait_for(&format!("{css} named {text:?}"), || find().is_some());
        find().unwrap_or_else(|| panic!("{css} named {text:?} went away"))
    }

    /// Clicks (WebDriver Element Click) the element matching `css` whose visible
    /// text is `text`.
    pub fn click_text(&self, css: &str, text: &str) {
        self.with_text(css, text).click();
    }

    /// Clicks the save banner's button with this text.
    pub fn click_banner_button(&self, name: &str) {
        self.click_banner_button_in("save-banner", name);
    }

    /// Clicks the button with this text in the banner whose test id is `testid`.
    pub fn click_banner_button_in(&self, testid: &str, name: &str) {
        self.click_text(&format!("[data-testid={testid}] button"), name);
    }
}

impl Drop for App {
    /// The end of every browser test: fails it on page errors not yet reported,
    /// or on an expected error that never came (unless it already failed).
    fn drop(&mut self) {
        if !std::thread::panicking() {
            self.guard.finish(&self.driver);
        }
    }
}
