//! A static file server for browser tests, on `tiny_http`.
//!
//! Serves one directory on `127.0.0.1` with an OS-assigned port, `GET`/`HEAD`
//! only. `/` and any directory map to its `index.html`. Paths containing `..`
//! segments are refused with 403; anything resolving outside the root (e.g. via
//! symlink) or missing is 404. Every response says `Cache-Control: no-store`.
//!
//! One test-only script is served beside the app, [`TRAP_SCRIPT`]: it throws what a
//! WebAssembly trap throws, from the page's own origin (the content security policy
//! allows no inline or blob script, and an error thrown by a WebDriver-injected script
//! reaches the page muted).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use tiny_http::{Header, Method, Request, Response, Server};

/// Where the test-only trap script is served.
pub const TRAP_SCRIPT: &str = "/__test/trap.js";

/// What it runs: an uncaught `RuntimeError`, as a WebAssembly trap raises.
const TRAP_SOURCE: &str = "throw new WebAssembly.RuntimeError('unreachable');\n";

/// Threads answering requests (the browser opens a few connections at once).
const WORKERS: usize = 4;

/// A running static file server; stops on drop.
pub struct StaticServer {
    addr: SocketAddr,
    server: Arc<Server>,
    workers: Vec<JoinHandle<()>>,
}

impl StaticServer {
    /// Starts serving `dir` on `127.0.0.1:0` (OS-assigned port).
    ///
    /// Panics if `dir` is not a directory or the socket cannot be bound.
    pub fn start(dir: &Path) -> StaticServer {
        let root = dir
            .canonicalize()
            .unwrap_or_else(|e| panic!("StaticServer: cannot open {}: {e}", dir.display()));
        assert!(
            root.is_dir(),
            "StaticServer: {} is not a directory",
            root.display()
        );
        let server = Arc::new(
            Server::http("127.0.0.1:0").unwrap_or_else(|e| panic!("StaticServer: bind: {e}")),
        );
        let addr = server
            .server_addr()
            .to_ip()
            .expect("StaticServer: an IP address");
        let root = Arc::new(root);
        let workers = (0..WORKERS)
            .map(|i| {
                let (server, root) = (Arc::clone(&server), Arc::clone(&root));
                std::thread::Builder::new()
                    .name(format!("static-server-{}-{i}", addr.port()))
                    .spawn(move || {
                        // Ends when `unblock` wakes this thread on drop.
                        while let Ok(request) = server.recv() {
                            respond(&root, request);
                        }
                    })
                    .expect("StaticServer: spawn a worker")
            })
            .collect();
        StaticServer {
            addr,
            server,
            workers,
        }
    }

    /// Base URL with trailing slash, e.g. `http://127.0.0.1:41234/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// The bound socket address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        // Each `unblock` wakes one blocked `recv`; a worker answering a late request
        // (the browser fetching its manifest as it closes) is not blocked yet, so wake
        // the workers until each has ended.
        for worker in self.workers.drain(..) {
            while !worker.is_finished() {
                self.server.unblock();
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            let _ = worker.join();
        }
    }
}

/// Answers one request from the files under `root`.
fn respond(root: &Path, request: Request) {
    let header = |k: &str, v: &str| Header::from_bytes(k, v).expect("a valid header");
    let text = |code: u16, body: &str| {
        Response::from_string(body)
            .with_status_code(code)
            .with_header(header("Content-Type", "text/plain; charset=utf-8"))
            .boxed()
    };
    let response = if !matches!(request.method(), Method::Get | Method::Head) {
        text(405, "method not allowed")
    } else if request.url() == TRAP_SCRIPT {
        Response::from_string(TRAP_SOURCE)
            .with_header(header("Content-Type", "text/javascript; charset=utf-8"))
            .boxed()
    } else {
        match resolve(root, request.url()).map(|p| (std::fs::read(&p), p)) {
            Ok((Ok(bytes), path)) => Response::from_data(bytes)
                .with_header(header("Content-Type", content_type(&path)))
                .boxed(),
            Ok((Err(_), _)) | Err(404) => text(404, "not found"),
            Err(403) => text(403, "forbidden"),
            Err(code) => text(code, "bad request"),
        }
    };
    let _ = request.respond(response.with_header(header("Cache-Control", "no-store")));
}

/// Maps a request target to a file under `root`, or an HTTP error code.
fn resolve(root: &Path, target: &str) -> Result<PathBuf, u16> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path).ok_or(400u16)?;
    if !decoded.starts_with('/') || decoded.contains('\0') || decoded.contains('\\') {
        return Err(400);
    }
    let mut full = root.to_path_buf();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return Err(403),
            s => full.push(s),
        }
    }
    if full.is_dir() {
        full.push("index.html");
    }
    // Canonicalize to defeat symlinks pointing outside the root.
    let canon = full.canonicalize().map_err(|_| 404u16)?;
    if !canon.starts_with(root) {
        return Err(403);
    }
    if !canon.is_file() {
        return Err(404);
    }
    Ok(canon)
}

/// Decodes `%XX` escapes; `None` on malformed escapes or invalid UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Content-Type for a file by extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" | "map" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}
