//! A minimal synchronous W3C WebDriver client for chromedriver + Chromium.
//!
//! Speaks JSON over the tiny HTTP client in [`super::http`]; no external
//! crates beyond `serde_json`. Every WebDriver error panics with the failing
//! command and the WebDriver error code and message, so tests fail clearly.
//!
//! Coordinates for pointer actions are CSS pixels relative to the viewport
//! and are rounded to whole pixels (chromedriver rejects fractional
//! `pointerMove` coordinates in some versions).

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};

use super::http;

/// Path of the chromedriver binary.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Path of the Chromium binary.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// How long [`Driver::find`] and [`Element::find`] wait for a match.
pub const FIND_TIMEOUT: Duration = Duration::from_secs(5);
/// Poll interval for waits.
pub const POLL: Duration = Duration::from_millis(50);
/// How long [`Driver::start`] waits for chromedriver's `/status` to be ready.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(20);
/// The W3C key identifying an element reference in JSON.
pub const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A key for [`Driver::press_keys`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character, e.g. `Key::Char('z')`.
    Char(char),
    /// Control modifier.
    Ctrl,
    /// Shift modifier.
    Shift,
    /// Alt modifier.
    Alt,
    /// Meta (Cmd / Windows) modifier.
    Meta,
    /// Delete (forward delete).
    Delete,
    /// Backspace.
    Backspace,
    /// Enter / Return.
    Enter,
    /// Escape.
    Escape,
    /// Tab.
    Tab,
    /// Space bar.
    Space,
    /// Left arrow.
    ArrowLeft,
    /// Right arrow.
    ArrowRight,
    /// Up arrow.
    ArrowUp,
    /// Down arrow.
    ArrowDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Page Up.
    PageUp,
    /// Page Down.
    PageDown,
}

impl Key {
    /// The WebDriver key value (a single code point) for this key.
    pub fn value(self) -> String {
        let c = match self {
            Key::Char(c) => c,
            Key::Ctrl => '\u{E009}',
            Key::Shift => '\u{E008}',
            Key::Alt => '\u{E00A}',
            Key::Meta => '\u{E03D}',
            Key::Delete => '\u{E017}',
            Key::Backspace => '\u{E003}',
            Key::Enter => '\u{E007}',
            Key::Escape => '\u{E00C}',
            Key::Tab => '\u{E004}',
            Key::Space => '\u{E00D}',
            Key::ArrowLeft => '\u{E012}',
            Key::ArrowUp => '\u{E013}',
            Key::ArrowRight => '\u{E014}',
            Key::ArrowDown => '\u{E015}',
            Key::Home => '\u{E011}',
            Key::End => '\u{E010}',
            Key::PageUp => '\u{E00E}',
            Key::PageDown => '\u{E00F}',
        };
        c.to_string()
    }
}

/// A chromedriver process plus one browser session. Dropping it deletes the
/// session, kills chromedriver, and removes the temporary profile directory.
pub struct Driver {
    addr: SocketAddr,
    session: String,
    child: Child,
    tmp: PathBuf,
}

/// A reference to a DOM element in the current page of a [`Driver`].
pub struct Element<'a> {
    driver: &'a Driver,
    id: String,
}

/// Which error a WebDriver command returned: (`error` code, `message`).
type WdError = (String, String);

impl Driver {
    /// Launches chromedriver on a free loopback port, waits (≤ 20 s) for
    /// `/status` to report ready, and opens a headless Chromium session with
    /// a fresh temporary profile, 1280x800 window, and browser logging on.
    pub fn start() -> Driver {
        let tmp = unique_temp_dir("breadthfirst-wd");
        let mut last_err = String::new();
        // Retry a few times in case the probed port was taken in between.
        for attempt in 0..3 {
            let port = free_port();
            let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
            let log_path = tmp.join(format!("chromedriver-{attempt}.log"));
            let log = std::fs::File::create(&log_path).expect("create chromedriver log");
            let mut child = Command::new(CHROMEDRIVER)
                .arg(format!("--port={port}"))
                .arg("--allowed-ips=")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .unwrap_or_else(|e| panic!("cannot launch {CHROMEDRIVER}: {e}"));
            match wait_ready(addr, &mut child) {
                Ok(()) => {
                    let session = new_session(addr, &tmp.join("profile")).unwrap_or_else(|e| {
                        let _ = child.kill();
                        let _ = child.wait();
                        let tail = log_tail(&log_path);
                        let _ = std::fs::remove_dir_all(&tmp);
                        panic!("WebDriver new session failed: {e}\nchromedriver log tail:\n{tail}")
                    });
                    return Driver {
                        addr,
                        session,
                        child,
                        tmp,
                    };
                }
                Err(e) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    last_err = format!("{e}\nchromedriver log tail:\n{}", log_tail(&log_path));
                }
            }
        }
        let _ = std::fs::remove_dir_all(&tmp);
        panic!("chromedriver did not become ready: {last_err}");
    }

    /// The WebDriver session id.
    pub fn session_id(&self) -> &str {
        &self.session
    }

    /// Sends a raw command relative to `/session/{id}` (e.g. `"/url"`),
    /// returning `value` or the WebDriver error.
    fn try_cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, WdError> {
        let full = format!("/session/{}{path}", self.session);
        raw_cmd(self.addr, method, &full, body)
    }

    /// Like [`Self::try_cmd`] but panics naming the command on error.
    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let desc = describe(method, path, body.as_ref());
        self.try_cmd(method, path, body)
            .unwrap_or_else(|(e, m)| panic!("WebDriver command {desc} failed: {e}: {m}"))
    }

    /// Sends any WebDriver command relative to the session (`path` like
    /// `"/title"`), panicking on error. Escape hatch for unwrapped commands.
    pub fn command(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.cmd(method, path, body)
    }

    /// Navigates to `url` and waits for the page load to complete.
    pub fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    /// The current page URL.
    pub fn current_url(&self) -> String {
        self.cmd("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Runs `script` as a function body (`arguments[i]` are `args`) and
    /// returns its result. Pass elements with [`Element::to_json`].
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Runs `script` asynchronously: it must call the last argument
    /// (`arguments[arguments.length - 1]`) with the result. Default script
    /// timeout is 30 s.
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.cmd(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Waits up to 5 s for an element matching `css`; panics naming the
    /// selector if none appears.
    pub fn find(&self, css: &str) -> Element<'_> {
        self.find_from("", css).unwrap_or_else(|| {
            panic!("no element matches CSS selector {css:?} after {FIND_TIMEOUT:?}")
        })
    }

    /// All elements currently matching `css` (no waiting; may be empty).
    pub fn find_all(&self, css: &str) -> Vec<Element<'_>> {
        let v = self.cmd(
            "POST",
            "/elements",
            Some(json!({ "using": "css selector", "value": css })),
        );
        v.as_array()
            .into_iter()
            .flatten()
            .map(|e| self.element_from(e))
            .collect()
    }

    /// Polls `find` under `scope` (`""` or `"/element/{id}"`) until found or
    /// timed out.
    fn find_from(&self, scope: &str, css: &str) -> Option<Element<'_>> {
        let deadline = Instant::now() + FIND_TIMEOUT;
        let path = format!("{scope}/element");
        loop {
            let body = json!({ "using": "css selector", "value": css });
            match self.try_cmd("POST", &path, Some(body)) {
                Ok(v) => return Some(self.element_from(&v)),
                Err((e, _)) if e == "no such element" => {}
                Err((e, m)) => {
                    panic!("WebDriver find {css:?} (POST {path}) failed: {e}: {m}")
                }
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(POLL);
        }
    }

    fn element_from(&self, v: &Value) -> Element<'_> {
        let id = v
            .get(ELEMENT_KEY)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("WebDriver returned a non-element value: {v}"))
            .to_string();
        Element { driver: self, id }
    }

    /// Polls `cond` every 50 ms until it returns true; panics with
    /// `description` if `timeout` elapses first.
    pub fn wait_until(&self, description: &str, timeout: Duration, mut cond: impl FnMut() -> bool) {
        let deadline = Instant::now() + timeout;
        loop {
            if cond() {
                return;
            }
            if Instant::now() >= deadline {
                panic!("timed out after {timeout:?} waiting until {description}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Browser console entries since the last call (chromedriver drains its
    /// buffer on each read). Each entry is `{"level","message","source",
    /// "timestamp"}`; `console.error` appears with level `"SEVERE"`.
    ///
    /// Uses chromedriver's non-standard `POST /session/{id}/se/log`, falling
    /// back to the legacy `POST /session/{id}/log`. If neither exists this
    /// returns an empty Vec; use [`Self::try_browser_log`] to tell apart.
    pub fn browser_log(&self) -> Vec<Value> {
        self.try_browser_log().unwrap_or_default()
    }

    /// Like [`Self::browser_log`], but `None` when chromedriver has no log
    /// endpoint (instead of an empty Vec).
    pub fn try_browser_log(&self) -> Option<Vec<Value>> {
        for path in ["/se/log", "/log"] {
            match self.try_cmd("POST", path, Some(json!({ "type": "browser" }))) {
                Ok(v) => return Some(v.as_array().cloned().unwrap_or_default()),
                Err((e, _)) if e == "unknown command" || e == "unknown method" => continue,
                Err((e, m)) => panic!("WebDriver POST {path} (browser log) failed: {e}: {m}"),
            }
        }
        None
    }

    /// Saves a PNG screenshot of the viewport to `path` (parent dirs created).
    pub fn screenshot(&self, path: &Path) {
        let v = self.cmd("GET", "/screenshot", None);
        let b64 = v.as_str().expect("screenshot value is a string");
        let png = base64_decode(b64).expect("screenshot is valid base64");
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        std::fs::write(path, png)
            .unwrap_or_else(|e| panic!("cannot write screenshot {}: {e}", path.display()));
    }

    /// Performs raw W3C action sequences (`{"actions": [...]}` content).
    pub fn perform_actions(&self, actions: Vec<Value>) {
        self.cmd("POST", "/actions", Some(json!({ "actions": actions })));
    }

    /// Presses `keys` as one chord: all go down in order, then up in reverse.
    /// `&[Key::Ctrl, Key::Char('z')]` is Ctrl+Z;
    /// `&[Key::Ctrl, Key::Shift, Key::Char('z')]` is Ctrl+Shift+Z;
    /// `&[Key::Delete]` is a single Delete press. Goes to the focused element.
    pub fn press_keys(&self, keys: &[Key]) {
        let mut seq: Vec<Value> = keys
            .iter()
            .map(|k| json!({ "type": "keyDown", "value": k.value() }))
            .collect();
        seq.extend(
            keys.iter()
                .rev()
                .map(|k| json!({ "type": "keyUp", "value": k.value() })),
        );
        self.perform_actions(vec![keyboard(seq)]);
    }

    /// Types `text` one character at a time into the focused element.
    pub fn type_text(&self, text: &str) {
        let seq: Vec<Value> = text
            .chars()
            .flat_map(|c| {
                let v = c.to_string();
                [
                    json!({ "type": "keyDown", "value": v }),
                    json!({ "type": "keyUp", "value": v }),
                ]
            })
            .collect();
        if !seq.is_empty() {
            self.perform_actions(vec![keyboard(seq)]);
        }
    }

    /// Mouse drag in viewport coordinates: move to `from`, press the left
    /// button, move to `to` in `steps` (≥ 1) equal moves of 10 ms each, release.
    pub fn drag(&self, from: (f64, f64), to: (f64, f64), steps: usize) {
        let steps = steps.max(1);
        let mut seq = vec![
            pointer_move(from, 0),
            json!({ "type": "pointerDown", "button": 0 }),
        ];
        for i in 1..=steps {
            let t = i as f64 / steps as f64;
            let p = (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
            seq.push(pointer_move(p, 10));
        }
        seq.push(json!({ "type": "pointerUp", "button": 0 }));
        self.perform_actions(vec![mouse(seq)]);
    }

    /// Left click at a viewport point.
    pub fn click_at(&self, at: (f64, f64)) {
        self.perform_actions(vec![mouse(vec![
            pointer_move(at, 0),
            json!({ "type": "pointerDown", "button": 0 }),
            json!({ "type": "pointerUp", "button": 0 }),
        ])]);
    }

    /// Double left click at a viewport point.
    pub fn double_click_at(&self, at: (f64, f64)) {
        self.perform_actions(vec![mouse(vec![
            pointer_move(at, 0),
            json!({ "type": "pointerDown", "button": 0 }),
            json!({ "type": "pointerUp", "button": 0 }),
            json!({ "type": "pointerDown", "button": 0 }),
            json!({ "type": "pointerUp", "button": 0 }),
        ])]);
    }

    /// Moves the mouse to a viewport point without pressing.
    pub fn hover(&self, at: (f64, f64)) {
        self.perform_actions(vec![mouse(vec![pointer_move(at, 0)])]);
    }

    /// Releases all pressed keys and buttons (`DELETE /actions`).
    pub fn release_actions(&self) {
        self.cmd("DELETE", "/actions", None);
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = raw_cmd(
            self.addr,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.tmp);
    }
}

impl<'a> Element<'a> {
    /// This element as a script argument for [`Driver::execute`].
    pub fn to_json(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }

    /// The WebDriver element id.
    pub fn id(&self) -> &str {
        &self.id
    }

    fn cmd(&self, method: &str, sub: &str, body: Option<Value>) -> Value {
        self.driver
            .cmd(method, &format!("/element/{}{sub}", self.id), body)
    }

    /// Clicks the element's center (scrolling it into view first).
    pub fn click(&self) {
        self.cmd("POST", "/click", Some(json!({})));
    }

    /// Rendered text (`innerText`-like).
    pub fn text(&self) -> String {
        self.cmd("GET", "/text", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The HTML attribute `name`, if present. This is the markup attribute,
    /// not the live DOM property: use [`Self::prop`] for e.g. an input's
    /// current `value`.
    pub fn attr(&self, name: &str) -> Option<String> {
        let v = self.cmd("GET", &format!("/attribute/{}", percent_encode(name)), None);
        match v {
            Value::Null => None,
            Value::String(s) => Some(s),
            other => Some(other.to_string()),
        }
    }

    /// The DOM property `name` (e.g. `"value"`, `"checked"`); `Null` if unset.
    pub fn prop(&self, name: &str) -> Value {
        self.cmd("GET", &format!("/property/{}", percent_encode(name)), None)
    }

    /// Center of the bounding client rect, in viewport CSS pixels.
    pub fn center(&self) -> (f64, f64) {
        let v = self.driver.execute(
            "const r = arguments[0].getBoundingClientRect();\
             return [r.left + r.width / 2, r.top + r.height / 2];",
            vec![self.to_json()],
        );
        let n = |i: usize| v[i].as_f64().expect("center coordinate is a number");
        (n(0), n(1))
    }

    /// Focuses the element and types `text` into it.
    pub fn send_keys(&self, text: &str) {
        self.cmd("POST", "/value", Some(json!({ "text": text })));
    }

    /// Clears an editable element.
    pub fn clear(&self) {
        self.cmd("POST", "/clear", Some(json!({})));
    }

    /// Whether the element is rendered visibly.
    pub fn is_displayed(&self) -> bool {
        self.cmd("GET", "/displayed", None)
            .as_bool()
            .unwrap_or(false)
    }

    /// Waits up to 5 s for a descendant matching `css`; panics naming the
    /// selector if none appears.
    pub fn find(&self, css: &str) -> Element<'a> {
        self.driver
            .find_from(&format!("/element/{}", self.id), css)
            .unwrap_or_else(|| {
                panic!("no descendant matches CSS selector {css:?} after {FIND_TIMEOUT:?}")
            })
    }
}

/// Sends a command to chromedriver at `addr`; `Ok(value)` on success, or the
/// W3C (`error`, `message`) pair. Transport failures map to `("transport", ..)`.
fn raw_cmd(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> Result<Value, WdError> {
    let bytes = body.map(|b| serde_json::to_vec(&b).expect("serialize WebDriver body"));
    let resp = http::request(addr, method, path, bytes.as_deref())
        .map_err(|e| ("transport".to_string(), e))?;
    let parsed: Value = serde_json::from_slice(&resp.body).unwrap_or_else(
        |_| json!({ "value": { "error": "invalid response", "message": resp.text() } }),
    );
    let value = parsed.get("value").cloned().unwrap_or(Value::Null);
    let err = value.get("error").and_then(Value::as_str);
    if resp.status >= 400 || err.is_some() {
        let e = err.unwrap_or("unknown error").to_string();
        let m = value
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        return Err((e, format!("{m} (HTTP {})", resp.status)));
    }
    Ok(value)
}

/// Short description of a command for panic messages (body truncated).
fn describe(method: &str, path: &str, body: Option<&Value>) -> String {
    match body {
        None => format!("{method} {path}"),
        Some(b) => {
            let mut s = b.to_string();
            if s.len() > 300 {
                let mut cut = 300;
                while !s.is_char_boundary(cut) {
                    cut -= 1;
                }
                s.truncate(cut);
                s.push_str("...");
            }
            format!("{method} {path} {s}")
        }
    }
}

fn keyboard(actions: Vec<Value>) -> Value {
    json!({ "type": "key", "id": "keyboard", "actions": actions })
}

fn mouse(actions: Vec<Value>) -> Value {
    json!({
        "type": "pointer",
        "id": "mouse",
        "parameters": { "pointerType": "mouse" },
        "actions": actions
    })
}

fn pointer_move(at: (f64, f64), duration_ms: u64) -> Value {
    json!({
        "type": "pointerMove",
        "duration": duration_ms,
        "origin": "viewport",
        "x": at.0.round() as i64,
        "y": at.1.round() as i64
    })
}

/// Waits for chromedriver's `/status` to say ready, or the process to exit.
fn wait_ready(addr: SocketAddr, child: &mut Child) -> Result<(), String> {
    let deadline = Instant::now() + STARTUP_TIMEOUT;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("chromedriver exited early with {status}"));
        }
        if let Ok(v) = raw_cmd(addr, "GET", "/status", None) {
            if v.get("ready").and_then(Value::as_bool) == Some(true) {
                return Ok(());
            }
        }
        if Instant::now() >= deadline {
            return Err(format!("/status not ready after {STARTUP_TIMEOUT:?}"));
        }
        std::thread::sleep(POLL);
    }
}

/// Creates a session; returns its id.
fn new_session(addr: SocketAddr, profile: &Path) -> Result<String, String> {
    let args = [
        "--headless=new".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--no-first-run".into(),
        "--disable-quic".into(),
        "--window-size=1280,800".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    let caps = json!({
        "capabilities": {
            "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
                "goog:loggingPrefs": { "browser": "ALL" }
            }
        }
    });
    let v = raw_cmd(addr, "POST", "/session", Some(caps)).map_err(|(e, m)| format!("{e}: {m}"))?;
    v.get("sessionId")
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| format!("no sessionId in {v}"))
}

/// Asks the OS for a free loopback port (released before returning).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("probe free port on 127.0.0.1")
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

/// Last ~40 lines of a log file, for startup diagnostics.
fn log_tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}

/// Percent-encodes everything except unreserved URL characters.
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Decodes standard base64 (padding optional, ASCII whitespace ignored).
pub fn base64_decode(s: &str) -> Result<Vec<u8>, String> {
    fn val(c: u8) -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    }
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (i, c) in s.bytes().enumerate() {
        if c.is_ascii_whitespace() {
            continue;
        }
        if c == b'=' {
            break;
        }
        let v = val(c).ok_or_else(|| format!("invalid base64 byte {c:#04x} at {i}"))?;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}
