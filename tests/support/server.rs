//! A static file server for browser tests, on `hyper` (HTTP/1.1, keep-alive).
//!
//! (It was on `tiny_http`, whose thread pool can leave a connection unserved when a
//! browser opens more at once than it has idle threads: the page then waited for
//! Chromium's five-minute keep-alive timeout.)
//!
//! Serves one directory on `127.0.0.1` with an OS-assigned port, `GET`/`HEAD`
//! only, at `/` or under a sub-path (as a static host serves an app from
//! `/breadthfirst/`). `/` and any directory map to its `index.html`. Paths containing
//! `..` segments are refused with 403; anything resolving outside the root (e.g. via
//! symlink), outside the sub-path, or missing is 404. Every response says
//! `Cache-Control: no-store`.
//!
//! Every request target is logged ([`StaticServer::requests`]), and the directory can
//! be swapped while serving ([`StaticServer::deploy`]): a new deployment at the same
//! address.
//!
//! One test-only script is served beside the app, [`TRAP_SCRIPT`]: it throws what a
//! WebAssembly trap throws, from the page's own origin (the content security policy
//! allows no inline or blob script, and an error thrown by a WebDriver-injected script
//! reaches the page muted).

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::thread::JoinHandle;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::{Method, Request, Response};
use hyper_util::rt::TokioIo;

/// Where the test-only trap script is served.
pub const TRAP_SCRIPT: &str = "/__test/trap.js";

/// What it runs: an uncaught `RuntimeError`, as a WebAssembly trap raises.
const TRAP_SOURCE: &str = "throw new WebAssembly.RuntimeError('unreachable');\n";

/// What the workers share: the directory served, where, and the request log.
struct Site {
    root: RwLock<PathBuf>,
    mount: String,
    log: Mutex<Vec<String>>,
}

/// A running static file server; stops on drop.
pub struct StaticServer {
    addr: SocketAddr,
    site: Arc<Site>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

/// `dir`, made absolute; panics if it is not a directory.
fn directory(dir: &Path) -> PathBuf {
    let root = dir
        .canonicalize()
        .unwrap_or_else(|e| panic!("StaticServer: cannot open {}: {e}", dir.display()));
    assert!(
        root.is_dir(),
        "StaticServer: {} is not a directory",
        root.display()
    );
    root
}

impl StaticServer {
    /// Starts serving `dir` at `/` on `127.0.0.1:0` (OS-assigned port).
    ///
    /// Panics if `dir` is not a directory or the socket cannot be bound.
    pub fn start(dir: &Path) -> StaticServer {
        StaticServer::start_at(dir, "/")
    }

    /// Starts serving `dir` under the sub-path `mount` (`"/breadthfirst/"`; `"/"` for
    /// the root).
    pub fn start_at(dir: &Path, mount: &str) -> StaticServer {
        assert!(
            mount.starts_with('/') && mount.ends_with('/'),
            "StaticServer: a mount point starts and ends with '/'"
        );
        let site = Arc::new(Site {
            root: RwLock::new(directory(dir)),
            mount: mount.to_string(),
            log: Mutex::new(Vec::new()),
        });
        let listener = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap_or_else(|e| panic!("StaticServer: bind: {e}"));
        let addr = listener.local_addr().expect("StaticServer: an address");
        listener
            .set_nonblocking(true)
            .expect("StaticServer: a non-blocking socket");
        let (stop, stopped) = tokio::sync::oneshot::channel();
        let served = Arc::clone(&site);
        let thread = std::thread::Builder::new()
            .name(format!("static-server-{}", addr.port()))
            .spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_io()
                    .build()
                    .expect("StaticServer: a tokio runtime");
                rt.block_on(async move {
                    let listener = tokio::net::TcpListener::from_std(listener)
                        .expect("StaticServer: a tokio listener");
                    tokio::select! {
                        () = accept(listener, served) => {}
                        _ = stopped => {}
                    }
                });
            })
            .expect("StaticServer: spawn its thread");
        StaticServer {
            addr,
            site,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// The app's URL, with trailing slash: `http://127.0.0.1:41234/` or
    /// `http://127.0.0.1:41234/breadthfirst/`.
    pub fn url(&self) -> String {
        format!("http://{}{}", self.addr, self.site.mount)
    }

    /// Serves `dir` from now on, at the same address.
    pub fn deploy(&self, dir: &Path) {
        *self
            .site
            .root
            .write()
            .unwrap_or_else(PoisonError::into_inner) = directory(dir);
    }

    /// The targets requested so far (path and query), oldest first.
    pub fn requests(&self) -> Vec<String> {
        self.site
            .log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Forgets the requests logged so far.
    pub fn clear_requests(&self) {
        self.site
            .log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    /// The bound socket address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        // Ends the accept loop; the runtime's end drops every open connection.
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Accepts connections until the server stops, each served on its own task.
async fn accept(listener: tokio::net::TcpListener, site: Arc<Site>) {
    while let Ok((stream, _)) = listener.accept().await {
        let site = Arc::clone(&site);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request: Request<Incoming>| {
                let response = site.answer(&request);
                async move { Ok::<_, Infallible>(response) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

impl Site {
    /// Logs one request and answers it from the directory served now.
    fn answer(&self, request: &Request<Incoming>) -> Response<Full<Bytes>> {
        let target = request
            .uri()
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_string();
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(target.clone());
        let root = self
            .root
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let inside = target
            .strip_prefix(self.mount.as_str())
            .map(|rest| format!("/{rest}"));
        let head = request.method() == Method::HEAD;
        respond(&root, inside.as_deref(), request.method(), head)
    }
}

/// The answer to one request for the files under `root`; `target` is its path under
/// the mount point (`None` outside it: 404). A `HEAD` answer has no body.
fn respond(
    root: &Path,
    target: Option<&str>,
    method: &Method,
    head: bool,
) -> Response<Full<Bytes>> {
    let (code, content_type, body): (u16, &str, Vec<u8>) =
        if !matches!(*method, Method::GET | Method::HEAD) {
            (405, TEXT, b"method not allowed".to_vec())
        } else if target == Some(TRAP_SCRIPT) {
            (200, "text/javascript; charset=utf-8", TRAP_SOURCE.into())
        } else {
            match target
                .ok_or(404)
                .and_then(|t| resolve(root, t))
                .map(|p| (std::fs::read(&p), p))
            {
                Ok((Ok(bytes), path)) => (200, content_type(&path), bytes),
                Ok((Err(_), _)) | Err(404) => (404, TEXT, b"not found".to_vec()),
                Err(403) => (403, TEXT, b"forbidden".to_vec()),
                Err(code) => (code, TEXT, b"bad request".to_vec()),
            }
        };
    let length = body.len();
    let body = if head { Vec::new() } else { body };
    Response::builder()
        .status(code)
        .header("Content-Type", content_type)
        .header("Content-Length", length)
        .header("Cache-Control", "no-store")
        .body(Full::new(Bytes::from(body)))
        .expect("a valid response")
}

/// The content type of the server's own plain-text answers.
const TEXT: &str = "text/plain; charset=utf-8";

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
        "webmanifest" => "application/manifest+json",
        "txt" => "text/plain; charset=utf-8",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}
