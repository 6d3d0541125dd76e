//! A blocking facade over the `fantoccini` WebDriver client, for chromedriver +
//! headless Chromium: each method runs one command on a private tokio runtime
//! and panics naming the command on any WebDriver error, so tests read as plain
//! sequential code and fail clearly.
//!
//! Coordinates are CSS pixels relative to the viewport.

use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::error::CmdError;
use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand, WindowHandle};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

use super::{unique_temp_dir, Element};

/// Path of the chromedriver binary.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Path of the Chromium binary.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// How long [`Driver::find`] and [`Element::find`] wait for a match.
pub const FIND_TIMEOUT: Duration = Duration::from_secs(5);
/// Poll interval for waits.
pub const POLL: Duration = Duration::from_millis(50);
/// How long [`Driver::start`] waits for chromedriver to accept a session.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(20);

/// Chromium's flags: a fresh profile is added per session.
const CHROMIUM_ARGS: [&str; 10] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--window-size=1280,800",
];

/// A chromedriver process plus one browser session. Dropping it ends the
/// session, kills chromedriver, and removes the temporary profile directory.
pub struct Driver {
    rt: tokio::runtime::Runtime,
    client: Client,
    child: Child,
    tmp: PathBuf,
}

/// Any WebDriver command relative to the session, for what fantoccini has no
/// method for (chromedriver's log and DevTools endpoints, raw properties).
#[derive(Debug)]
struct Raw {
    method: http::Method,
    path: String,
    body: Option<Value>,
}

impl WebDriverCompatibleCommand for Raw {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session.unwrap_or_default();
        base.join(&format!("session/{session}/{}", self.path))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        (
            self.method.clone(),
            self.body.as_ref().map(Value::to_string),
        )
    }
}

impl Driver {
    /// Launches chromedriver on a free loopback port and opens a headless
    /// Chromium session with a fresh temporary profile, a 1280x800 window and
    /// every browser log entry kept (read by [`Self::browser_log`]).
    pub fn start() -> Driver {
        Driver::start_with(&[])
    }

    /// [`Self::start`] with more Chromium switches (a fake microphone, say).
    pub fn start_with(extra: &[&str]) -> Driver {
        let tmp = unique_temp_dir("breadthfirst-wd");
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let port = free_port();
        let log_path = tmp.join("chromedriver.log");
        let log = std::fs::File::create(&log_path).expect("create chromedriver log");
        let mut child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot launch {CHROMEDRIVER}: {e}"));
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", tmp.join("profile").display()));
        args.extend(extra.iter().map(|a| a.to_string()));
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
            "goog:loggingPrefs": { "browser": "ALL" }
        });
        let Value::Object(caps) = caps else {
            unreachable!()
        };
        let caps: Capabilities = caps;
        let url = format!("http://{}/", SocketAddr::from((Ipv4Addr::LOCALHOST, port)));
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        let client = loop {
            let attempt = rt.block_on(async {
                ClientBuilder::new(HttpConnector::new())
                    .capabilities(caps.clone())
                    .connect(&url)
                    .await
            });
            match attempt {
                Ok(client) => break client,
                // chromedriver is still starting: its port refuses connections.
                Err(_)
                    if Instant::now() < deadline && child.try_wait().ok().flatten().is_none() =>
                {
                    std::thread::sleep(POLL);
                }
                Err(e) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    let tail = log_tail(&log_path);
                    let _ = std::fs::remove_dir_all(&tmp);
                    panic!("WebDriver new session failed: {e}\nchromedriver log tail:\n{tail}");
                }
            }
        };
        Driver {
            rt,
            client,
            child,
            tmp,
        }
    }

    /// Runs one fantoccini future on this driver's runtime.
    pub fn run<T>(&self, fut: impl Future<Output = Result<T, CmdError>>) -> Result<T, CmdError> {
        self.rt.block_on(fut)
    }

    /// Like [`Self::run`], but panics with `what` and the error.
    pub fn block<T>(&self, what: &str, fut: impl Future<Output = Result<T, CmdError>>) -> T {
        self.run(fut)
            .unwrap_or_else(|e| panic!("WebDriver {what} failed: {e}"))
    }

    /// The process id of chromedriver: this session's Chromium processes are its
    /// descendants (the benches read their memory from /proc).
    pub fn chromedriver_pid(&self) -> u32 {
        self.child.id()
    }

    /// The fantoccini client, for what this facade does not wrap.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Sends a command relative to `/session/{id}/` (e.g. `"window/new"`).
    /// Returns its `value`, or panics naming the command.
    pub fn command(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let what = describe(method, path, body.as_ref());
        self.try_command(method, path, body)
            .unwrap_or_else(|e| panic!("WebDriver {what} failed: {e}"))
    }

    /// Like [`Self::command`], but returns the error.
    pub fn try_command(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, CmdError> {
        let method = http::Method::from_bytes(method.as_bytes()).expect("an HTTP method");
        let path = path.trim_start_matches('/').to_string();
        self.run(self.client.issue_cmd(Raw { method, path, body }))
    }

    /// Navigates to `url` and waits for the load.
    pub fn goto(&self, url: &str) {
        self.block(&format!("goto {url}"), self.client.goto(url));
    }

    /// The current page URL.
    pub fn current_url(&self) -> String {
        self.block("current_url", self.client.current_url())
            .to_string()
    }

    /// Runs `script` as a function body (`arguments[i]` are `args`) and
    /// returns its result. Pass elements with [`Element::to_json`].
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        let what = format!("execute {}", short(script));
        self.block(&what, self.client.execute(script, args))
    }

    /// Runs `script` asynchronously: it must call the last argument
    /// (`arguments[arguments.length - 1]`) with the result.
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> Value {
        let what = format!("execute_async {}", short(script));
        self.block(&what, self.client.execute_async(script, args))
    }

    /// Waits up to [`FIND_TIMEOUT`] for an element matching `css`; panics
    /// naming the selector if none appears.
    pub fn find(&self, css: &str) -> Element<'_> {
        let found = self.rt.block_on(
            self.client
                .wait()
                .at_most(FIND_TIMEOUT)
                .every(POLL)
                .for_element(Locator::Css(css)),
        );
        match found {
            Ok(el) => Element::new(self, el),
            Err(CmdError::WaitTimeout) => {
                panic!("no element matches CSS selector {css:?} after {FIND_TIMEOUT:?}")
            }
            Err(e) => panic!("WebDriver find {css:?} failed: {e}"),
        }
    }

    /// All elements currently matching `css` (no waiting; may be empty).
    pub fn find_all(&self, css: &str) -> Vec<Element<'_>> {
        let what = format!("find_all {css:?}");
        self.block(&what, self.client.find_all(Locator::Css(css)))
            .into_iter()
            .map(|el| Element::new(self, el))
            .collect()
    }

    /// Polls `cond` every 50 ms until it returns true; panics with
    /// `description` if `timeout` elapses first.
    pub fn wait_until(&self, description: &str, timeout: Duration, mut cond: impl FnMut() -> bool) {
        let deadline = Instant::now() + timeout;
        while !cond() {
            if Instant::now() >= deadline {
                panic!("timed out after {timeout:?} waiting until {description}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Browser console entries since the last call (chromedriver drains its
    /// buffer on each read). Each entry is `{"level","message","source",
    /// "timestamp"}`; page errors come with level `"SEVERE"`.
    ///
    /// Uses chromedriver's `POST /session/{id}/se/log`, falling back to the
    /// legacy `POST /session/{id}/log`; panics if neither exists, so a guard
    /// built on it can never pass by reading nothing.
    pub fn browser_log(&self) -> Vec<Value> {
        let body = json!({ "type": "browser" });
        let mut last = String::new();
        for path in ["se/log", "log"] {
            match self.try_command("POST", path, Some(body.clone())) {
                Ok(v) => return v.as_array().cloned().unwrap_or_default(),
                Err(e) => last = format!("{path}: {e}"),
            }
        }
        panic!("chromedriver has no browser log endpoint: {last}");
    }

    /// A PNG screenshot of the viewport, saved to `path` (parent dirs created).
    pub fn screenshot(&self, path: &Path) {
        let png = self.block("screenshot", self.client.screenshot());
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        std::fs::write(path, png)
            .unwrap_or_else(|e| panic!("cannot write screenshot {}: {e}", path.display()));
    }

    /// The handle of the current tab.
    pub fn window(&self) -> WindowHandle {
        self.block("get window handle", self.client.window())
    }

    /// Opens a new tab and returns its handle (the current tab stays current).
    pub fn new_tab(&self) -> WindowHandle {
        self.block("new window", self.client.new_window(true))
            .handle
    }

    /// Closes the current tab (switch to another one after).
    pub fn close_tab(&self) {
        self.block("close window", self.client.close_window());
    }

    /// Runs a DevTools protocol command on the current tab (chromedriver's
    /// `goog/cdp/execute`) and returns its result.
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.command(
            "POST",
            "/goog/cdp/execute",
            Some(json!({ "cmd": cmd, "params": params })),
        )
    }

    /// Makes the tab with this handle current.
    pub fn switch_to(&self, handle: &WindowHandle) {
        self.block(
            "switch to window",
            self.client.switch_to_window(handle.clone()),
        );
    }

    /// Accepts the open `confirm`/`alert` dialog (the user presses OK).
    pub fn accept_dialog(&self) {
        self.block("accept alert", self.client.accept_alert());
    }

    /// The open dialog's message (a `confirm` or `alert`).
    pub fn dialog_text(&self) -> String {
        self.block("read alert", self.client.get_alert_text())
    }

    /// Dismisses the open dialog (the user presses Cancel).
    pub fn dismiss_dialog(&self) {
        self.block("dismiss alert", self.client.dismiss_alert());
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.rt.block_on(self.client.clone().close());
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.tmp);
    }
}

/// Short description of a command for panic messages (body truncated).
fn describe(method: &str, path: &str, body: Option<&Value>) -> String {
    match body {
        None => format!("{method} {path}"),
        Some(b) => format!("{method} {path} {}", short(&b.to_string())),
    }
}

/// `s` cut to 300 characters.
fn short(s: &str) -> String {
    match s.char_indices().nth(300) {
        Some((cut, _)) => format!("{}...", &s[..cut]),
        None => s.to_string(),
    }
}

/// Asks the OS for a free loopback port (released before returning).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("probe free port on 127.0.0.1")
}

/// Last ~40 lines of a log file, for startup diagnostics.
fn log_tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}
