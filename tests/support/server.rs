//! A minimal static file server for browser tests.
//!
//! Serves one directory on `127.0.0.1` with an OS-assigned port, one thread
//! per connection, HTTP/1.1 keep-alive, `GET`/`HEAD` only. `/` and any
//! directory map to its `index.html`. Paths containing `..` segments are
//! refused with 403; anything resolving outside the root (e.g. via symlink)
//! or missing is 404.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use super::http::find;

/// How long an idle keep-alive connection is held open.
const IDLE_TIMEOUT: Duration = Duration::from_secs(5);
/// Largest accepted request head.
const MAX_HEAD: usize = 64 * 1024;

/// A running static file server; stops accepting connections on drop.
pub struct StaticServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
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
        let listener = TcpListener::bind("127.0.0.1:0").expect("StaticServer: bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("StaticServer: local_addr");
        let stop = Arc::new(AtomicBool::new(false));
        let stop2 = Arc::clone(&stop);
        let root = Arc::new(root);
        let thread = std::thread::Builder::new()
            .name(format!("static-server-{}", addr.port()))
            .spawn(move || {
                for conn in listener.incoming() {
                    if stop2.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = conn else { continue };
                    let root = Arc::clone(&root);
                    let _ = std::thread::Builder::new()
                        .name("static-conn".into())
                        .spawn(move || serve_connection(stream, &root));
                }
            })
            .expect("StaticServer: spawn accept thread");
        StaticServer {
            addr,
            stop,
            thread: Some(thread),
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
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept() so the thread sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Serves requests on one connection until it closes, errors, or idles out.
fn serve_connection(mut stream: TcpStream, root: &Path) {
    let _ = stream.set_read_timeout(Some(IDLE_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IDLE_TIMEOUT));
    let _ = stream.set_nodelay(true);
    let mut buf: Vec<u8> = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        // Read one request head.
        let end = loop {
            if let Some(i) = find(&buf, b"\r\n\r\n") {
                break i;
            }
            if buf.len() > MAX_HEAD {
                let _ = respond(
                    &mut stream,
                    431,
                    "text/plain",
                    b"header too large",
                    false,
                    false,
                );
                return;
            }
            match stream.read(&mut chunk) {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buf[..end]).into_owned();
        buf.drain(..end + 4);

        let mut lines = head.split("\r\n");
        let mut parts = lines.next().unwrap_or_default().split_whitespace();
        let (method, target, version) = (
            parts.next().unwrap_or_default().to_string(),
            parts.next().unwrap_or_default().to_string(),
            parts.next().unwrap_or("HTTP/1.0").to_string(),
        );
        let mut keep_alive = version == "HTTP/1.1";
        let mut body_len = 0usize;
        for line in lines {
            if let Some((k, v)) = line.split_once(':') {
                let (k, v) = (k.trim().to_ascii_lowercase(), v.trim().to_ascii_lowercase());
                match k.as_str() {
                    "connection" if v == "close" => keep_alive = false,
                    "connection" if v == "keep-alive" => keep_alive = true,
                    "content-length" => body_len = v.parse().unwrap_or(0),
                    _ => {}
                }
            }
        }
        // Discard any request body.
        while buf.len() < body_len {
            match stream.read(&mut chunk) {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        buf.drain(..body_len);

        let head_only = method == "HEAD";
        let ok = if method != "GET" && !head_only {
            respond(
                &mut stream,
                405,
                "text/plain",
                b"method not allowed",
                false,
                keep_alive,
            )
        } else {
            match resolve(root, &target) {
                Ok(path) => match std::fs::read(&path) {
                    Ok(bytes) => respond(
                        &mut stream,
                        200,
                        content_type(&path),
                        &bytes,
                        head_only,
                        keep_alive,
                    ),
                    Err(_) => respond(
                        &mut stream,
                        404,
                        "text/plain",
                        b"not found",
                        head_only,
                        keep_alive,
                    ),
                },
                Err(code) => {
                    let msg: &[u8] = if code == 403 {
                        b"forbidden"
                    } else {
                        b"not found"
                    };
                    respond(&mut stream, code, "text/plain", msg, head_only, keep_alive)
                }
            }
        };
        if !ok || !keep_alive {
            return;
        }
    }
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
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

/// Writes one response; returns false if the write failed.
fn respond(
    stream: &mut TcpStream,
    status: u16,
    ctype: &str,
    body: &[u8],
    head_only: bool,
    keep_alive: bool,
) -> bool {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        _ => "Error",
    };
    let conn = if keep_alive { "keep-alive" } else { "close" };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: {conn}\r\n\r\n",
        body.len()
    );
    let mut out = head.into_bytes();
    if !head_only {
        out.extend_from_slice(body);
    }
    stream.write_all(&out).and_then(|_| stream.flush()).is_ok()
}
