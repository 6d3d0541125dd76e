//! A small blocking DevTools-protocol client, straight to the Chromium that
//! chromedriver started, for what WebDriver cannot do: act on two tabs at the same
//! instant. chromedriver runs one command at a time on the current tab; here each
//! tab has its own socket, so a test can send both tabs a command before either
//! replies.
//!
//! Input goes through `Input.dispatchKeyEvent`, the mechanism chromedriver's own
//! Actions use: trusted events from Chromium's input pipeline, to the focused
//! element of the page.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use fantoccini::wd::WindowHandle;
use serde_json::{json, Value};
use tungstenite::{Message, WebSocket};

use super::Driver;

/// How long a reply may take before the test fails.
const REPLY_TIMEOUT: Duration = Duration::from_secs(10);

/// A non-printing key as DevTools names it.
#[derive(Debug, Clone, Copy)]
pub struct NamedKey {
    /// `KeyboardEvent.key`.
    pub key: &'static str,
    /// `KeyboardEvent.code`.
    pub code: &'static str,
    /// The Windows virtual key code, which Chromium maps the key from.
    pub key_code: u32,
}

/// The right arrow key.
pub const ARROW_RIGHT: NamedKey = NamedKey {
    key: "ArrowRight",
    code: "ArrowRight",
    key_code: 39,
};

/// The down arrow key.
pub const ARROW_DOWN: NamedKey = NamedKey {
    key: "ArrowDown",
    code: "ArrowDown",
    key_code: 40,
};

/// The left arrow key.
pub const ARROW_LEFT: NamedKey = NamedKey {
    key: "ArrowLeft",
    code: "ArrowLeft",
    key_code: 37,
};

/// The up arrow key.
pub const ARROW_UP: NamedKey = NamedKey {
    key: "ArrowUp",
    code: "ArrowUp",
    key_code: 38,
};

/// A DevTools connection to one page target (one tab).
pub struct Cdp {
    socket: WebSocket<TcpStream>,
    next_id: u64,
}

impl Cdp {
    /// Connects to the tab with this WebDriver handle. chromedriver names each tab
    /// by its DevTools target id; the browser's DevTools address is in the session's
    /// capabilities (`goog:chromeOptions.debuggerAddress`).
    pub fn connect(driver: &Driver, tab: &WindowHandle) -> Cdp {
        let address = debugger_address(driver);
        let targets = http_get_json(&address, "/json/list");
        let tab_id = String::from(tab.clone());
        let url = targets
            .as_array()
            .into_iter()
            .flatten()
            .find(|t| t["id"].as_str() == Some(tab_id.as_str()))
            .and_then(|t| t["webSocketDebuggerUrl"].as_str())
            .unwrap_or_else(|| panic!("no DevTools page target for tab {tab_id}: {targets}"))
            .to_string();
        let stream = TcpStream::connect(&address)
            .unwrap_or_else(|e| panic!("cannot connect to DevTools at {address}: {e}"));
        stream
            .set_read_timeout(Some(REPLY_TIMEOUT))
            .and_then(|()| stream.set_nodelay(true))
            .expect("DevTools socket options");
        let (socket, _) = tungstenite::client(url.as_str(), stream)
            .unwrap_or_else(|e| panic!("DevTools websocket handshake with {url} failed: {e}"));
        Cdp { socket, next_id: 1 }
    }

    /// Sends a command without waiting for its reply; returns its id for
    /// [`Self::reply`].
    pub fn send(&mut self, method: &str, params: Value) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        let text = json!({ "id": id, "method": method, "params": params }).to_string();
        self.socket
            .send(Message::text(text))
            .unwrap_or_else(|e| panic!("DevTools send {method} failed: {e}"));
        id
    }

    /// Waits for the reply to command `id` (events in between are skipped) and
    /// returns its result; panics on a protocol error.
    pub fn reply(&mut self, id: u64) -> Value {
        loop {
            let value = self.next_message(&format!("the reply to command {id}"));
            if value["id"].as_u64() != Some(id) {
                continue;
            }
            if let Some(error) = value.get("error") {
                panic!("DevTools command {id} failed: {error}");
            }
            return value["result"].clone();
        }
    }

    /// Waits for the first of these events (other messages are skipped) and returns
    /// its name and parameters.
    pub fn first_event(&mut self, methods: &[&str]) -> (String, Value) {
        loop {
            let value = self.next_message(&format!("one of the events {methods:?}"));
            if let Some(method) = value["method"].as_str().filter(|m| methods.contains(m)) {
                return (method.to_string(), value["params"].clone());
            }
        }
    }

    /// The next text message, parsed; panics naming `what` was awaited on a timeout.
    fn next_message(&mut self, what: &str) -> Value {
        loop {
            let message = self
                .socket
                .read()
                .unwrap_or_else(|e| panic!("DevTools: waiting for {what} failed: {e}"));
            if let Message::Text(text) = message {
                return serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("DevTools sent bad JSON ({e}): {text}"));
            }
        }
    }

    /// Sends a command and waits for its result.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.send(method, params);
        self.reply(id)
    }

    /// Sends a key's down (`down` true) or up event to the page's focused element,
    /// without waiting; returns the command id.
    pub fn send_key(&mut self, key: NamedKey, down: bool) -> u64 {
        let kind = if down { "rawKeyDown" } else { "keyUp" };
        let params = json!({
            "type": kind,
            "key": key.key,
            "code": key.code,
            "windowsVirtualKeyCode": key.key_code,
            "nativeVirtualKeyCode": key.key_code,
        });
        self.send("Input.dispatchKeyEvent", params)
    }
}

/// Presses one key in each tab at the same instant: every key-down is sent before
/// any reply is read, then every key-up likewise.
pub fn press_at_once(presses: &mut [(&mut Cdp, NamedKey)]) {
    for down in [true, false] {
        let ids: Vec<u64> = presses
            .iter_mut()
            .map(|(cdp, key)| cdp.send_key(*key, down))
            .collect();
        for ((cdp, _), id) in presses.iter_mut().zip(ids) {
            cdp.reply(id);
        }
    }
}

/// `host:port` of the browser's DevTools server, from the new-session capabilities.
fn debugger_address(driver: &Driver) -> String {
    let caps = driver
        .client()
        .capabilities()
        .expect("chromedriver returned the session's capabilities");
    caps.get("goog:chromeOptions")
        .and_then(|o| o["debuggerAddress"].as_str())
        .unwrap_or_else(|| panic!("no goog:chromeOptions.debuggerAddress in {caps:?}"))
        .to_string()
}

/// GETs `path` from the DevTools HTTP server and parses the JSON body. The server
/// answers HTTP/1.1 only, and keeps the connection open: the body is read by its
/// `Content-Length`.
fn http_get_json(address: &str, path: &str) -> Value {
    let stream = TcpStream::connect(address)
        .unwrap_or_else(|e| panic!("cannot connect to DevTools at {address}: {e}"));
    stream
        .set_read_timeout(Some(REPLY_TIMEOUT))
        .expect("DevTools socket timeout");
    let fail = |e: std::io::Error| -> ! { panic!("DevTools GET {path} failed: {e}") };
    let request = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\n\r\n");
    (&stream)
        .write_all(request.as_bytes())
        .unwrap_or_else(|e| fail(e));
    let mut reader = BufReader::new(&stream);
    let mut length = None;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap_or_else(|e| fail(e));
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    let length = length.unwrap_or_else(|| panic!("DevTools GET {path}: no Content-Length"));
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap_or_else(|e| fail(e));
    serde_json::from_slice(&body).unwrap_or_else(|e| {
        let text = String::from_utf8_lossy(&body);
        panic!("DevTools GET {path} gave no JSON ({e}): {text}")
    })
}
