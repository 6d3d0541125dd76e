//! Self-test of the browser harness in `tests/support/` against a temporary
//! directory of hand-written static files (not the app's `dist/`): the static
//! server, the WebDriver facade, real input, and the page-error guard.

mod support;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::time::Duration;

use serde_json::{json, Value};
use support::app::App;
use support::{browser_lock, unique_temp_dir, Driver, Key, StaticServer};

const INDEX: &str = r#"<!doctype html>
<html><head><meta charset="utf-8"><title>harness selftest</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="style.css">
</head><body>
<button id="add">Add</button>
<ul id="out"></ul>
<input id="name" type="text">
<div id="keys" tabindex="0">keys</div>
<div id="hover">hover me</div>
<div id="nested"><span class="inner" data-k="v">inner text</span></div>
<div id="drag" data-x="100" data-y="300" data-moves="0"></div>
<button id="throw">Throw</button>
<button id="trap">Trap</button>
<script src="app.js"></script>
</body></html>
"#;

const STYLE: &str = "body{margin:0;font:16px sans-serif}\
#keys,#hover{width:200px;height:40px;border:1px solid #000}\
#drag{position:absolute;left:100px;top:300px;width:80px;height:80px;\
background:#c33;touch-action:none}";

const APP_JS: &str = r#"
let n = 0;
document.getElementById('add').addEventListener('click', () => {
  n += 1;
  const li = document.createElement('li');
  li.className = 'item';
  li.textContent = 'clicked ' + n;
  document.getElementById('out').appendChild(li);
});
window.__keys = [];
const keys = document.getElementById('keys');
keys.addEventListener('keydown', (e) => {
  window.__keys.push({ key: e.key, ctrl: e.ctrlKey, shift: e.shiftKey });
  console.error('selftest-keydown:' + e.key);
  e.preventDefault();
});
const hover = document.getElementById('hover');
hover.addEventListener('mouseenter', () => { hover.dataset.hovered = 'yes'; });
window.__dbl = 0;
hover.addEventListener('dblclick', () => { window.__dbl += 1; });
const drag = document.getElementById('drag');
let start = null;
drag.addEventListener('pointerdown', (e) => {
  drag.setPointerCapture(e.pointerId);
  start = { px: e.clientX, py: e.clientY, x: +drag.dataset.x, y: +drag.dataset.y };
  drag.dataset.state = 'down';
});
drag.addEventListener('pointermove', (e) => {
  if (!start) return;
  const x = start.x + e.clientX - start.px;
  const y = start.y + e.clientY - start.py;
  drag.dataset.x = x; drag.dataset.y = y;
  drag.style.left = x + 'px'; drag.style.top = y + 'px';
  drag.dataset.moves = +drag.dataset.moves + 1;
});
drag.addEventListener('pointerup', () => { start = null; drag.dataset.state = 'up'; });
document.getElementById('throw').addEventListener('click', () => {
  throw new Error('selftest-uncaught');
});
// A wasm module whose export `f` is one `unreachable`: calling it traps, as a
// Rust panic does in the release build (panic = "abort").
const trap = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0,
  7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11]))).exports.f;
document.getElementById('trap').addEventListener('click', () => trap());
"#;

/// A page whose policy refuses its own inline script.
const CSP_PAGE: &str = r#"<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="script-src 'self'">
</head><body><p id="csp">csp</p><script>document.title = 'ran';</script></body></html>
"#;

/// A page loading a script that is not there.
const BROKEN_PAGE: &str =
    "<!doctype html><link rel=\"icon\" href=\"data:,\"><p id=\"broken\">broken</p><script src=\"/no-such-script.js\"></script>";

/// Smallest valid wasm module: magic + version.
const WASM: &[u8] = b"\0asm\x01\0\0\0";

/// A temporary site directory (removed on drop) and a server for it.
struct Site {
    base: PathBuf,
    server: StaticServer,
}

impl Site {
    fn new() -> Site {
        let base = unique_temp_dir("harness-selftest");
        let root = base.join("site");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("index.html"), INDEX).unwrap();
        std::fs::write(root.join("style.css"), STYLE).unwrap();
        std::fs::write(root.join("app.js"), APP_JS).unwrap();
        std::fs::write(root.join("app.wasm"), WASM).unwrap();
        std::fs::write(root.join("data.json"), "{\"ok\":true}").unwrap();
        std::fs::write(root.join("sub/page.html"), "<p>sub</p>").unwrap();
        std::fs::write(root.join("csp.html"), CSP_PAGE).unwrap();
        std::fs::write(root.join("broken.html"), BROKEN_PAGE).unwrap();
        std::fs::write(base.join("secret.txt"), "TOP-SECRET").unwrap();
        let server = StaticServer::start(&root);
        Site { base, server }
    }

    /// The served directory.
    fn root(&self) -> PathBuf {
        self.base.join("site")
    }

    /// The app fixture (with its page-error guard) on this site.
    fn app(&self) -> App {
        App::serve(&self.root(), "#drag")
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.url())
    }

    fn get(&self, path: &str) -> Reply {
        get(self.server.addr(), path)
    }
}

/// An HTTP response as the self-test reads it.
struct Reply {
    status: u16,
    content_type: Option<String>,
    body: Vec<u8>,
}

impl Reply {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `GET path` verbatim (no client-side normalisation of `..`, unlike a
/// browser) over HTTP/1.0 and reads the whole reply.
fn get(addr: SocketAddr, path: &str) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let content_type = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.trim().to_string());
    Reply {
        status,
        content_type,
        body: raw[end + 4..].to_vec(),
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.base);
    }
}

/// Opens the selftest page in a fresh browser.
fn open(site: &Site) -> Driver {
    let d = Driver::start();
    d.goto(&site.server.url());
    d.find("#drag");
    d
}

#[test]
fn server_content_types_404_and_traversal() {
    let _lock = browser_lock();
    let site = Site::new();
    assert!(site.server.url().starts_with("http://127.0.0.1:"));
    assert!(site.server.url().ends_with('/'));

    let index = site.get("/");
    assert_eq!(index.status, 200);
    assert_eq!(
        index.content_type.as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert!(index.text().contains("harness selftest"));
    assert_eq!(site.get("/index.html").body, index.body);
    assert_eq!(site.get("/?q=1").status, 200);

    let wasm = site.get("/app.wasm");
    assert_eq!(wasm.status, 200);
    assert_eq!(wasm.content_type.as_deref(), Some("application/wasm"));
    assert_eq!(wasm.body, WASM);

    for (path, ctype) in [
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/data.json", "application/json"),
    ] {
        let r = site.get(path);
        assert_eq!(
            (r.status, r.content_type.as_deref()),
            (200, Some(ctype)),
            "{path}"
        );
    }
    assert_eq!(site.get("/sub/page.html").text(), "<p>sub</p>");

    assert_eq!(site.get("/missing.js").status, 404);
    assert_eq!(site.get("/sub/nope").status, 404);

    for evil in [
        "/../secret.txt",
        "/sub/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/sub/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
    ] {
        let r = site.get(evil);
        assert!(r.status == 403 || r.status == 404, "{evil} -> {}", r.status);
        assert!(!r.text().contains("TOP-SECRET"), "{evil} leaked the file");
    }

    // Concurrent connections, one thread each.
    let addr = site.server.addr();
    let handles: Vec<_> = (0..8)
        .map(|_| std::thread::spawn(move || get(addr, "/app.js")))
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap().body, APP_JS.as_bytes());
    }
}

#[test]
fn click_button_appends_text() {
    let _lock = browser_lock();
    let site = Site::new();
    let d = open(&site);
    assert!(d.current_url().starts_with(&site.server.url()));
    let add = d.find("#add");
    assert!(add.is_displayed());
    assert_eq!(add.text(), "Add");
    assert!(d.find_all(".item").is_empty());
    add.click();
    add.click();
    d.wait_until("two items are listed", Duration::from_secs(5), || {
        d.find_all(".item").len() == 2
    });
    let items: Vec<String> = d.find_all(".item").iter().map(|e| e.text()).collect();
    assert_eq!(items, ["clicked 1", "clicked 2"]);
    assert_eq!(d.find("#out").text(), "clicked 1\nclicked 2");

    let inner = d.find("#nested").find(".inner");
    assert_eq!(inner.text(), "inner text");
    assert_eq!(inner.attr("data-k").as_deref(), Some("v"));
    assert_eq!(inner.attr("data-absent"), None);
    assert_eq!(
        d.execute("return arguments[0].tagName", vec![inner.to_json()]),
        json!("SPAN")
    );

    d.goto(&site.url("sub/page.html"));
    assert_eq!(d.find("p").text(), "sub");
    assert!(d.current_url().ends_with("/sub/page.html"));
}

#[test]
fn typing_into_input() {
    let _lock = browser_lock();
    let site = Site::new();
    let d = open(&site);
    let input = d.find("#name");
    input.send_keys("hello");
    assert_eq!(
        d.execute("return document.getElementById('name').value", vec![]),
        json!("hello")
    );
    input.clear();
    assert_eq!(input.prop("value"), json!(""));
    assert_eq!(input.attr("value"), None, "attr() is the markup attribute");
    input.click();
    d.type_text("Abc def!");
    d.press_keys(&[Key::Backspace]);
    d.press_keys(&[Key::ArrowLeft]);
    d.press_keys(&[Key::Delete]);
    d.type_text("X");
    assert_eq!(input.prop("value"), json!("Abc deX"));
}

#[test]
fn key_chords_reach_keydown_listener() {
    let _lock = browser_lock();
    let site = Site::new();
    let d = open(&site);
    d.find("#keys").click();
    d.press_keys(&[Key::Ctrl, Key::Char('a')]);
    d.press_keys(&[Key::Ctrl, Key::Char('z')]);
    d.press_keys(&[Key::Ctrl, Key::Shift, Key::Char('z')]);
    for k in [
        Key::Delete,
        Key::Backspace,
        Key::Enter,
        Key::Escape,
        Key::ArrowLeft,
        Key::ArrowRight,
        Key::ArrowUp,
        Key::ArrowDown,
    ] {
        d.press_keys(&[k]);
    }
    d.release_actions();
    let log = d.execute("return window.__keys", vec![]);
    let got: Vec<(String, bool, bool)> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| !matches!(e["key"].as_str(), Some("Control" | "Shift")))
        .map(|e| {
            (
                e["key"].as_str().unwrap().to_string(),
                e["ctrl"].as_bool().unwrap(),
                e["shift"].as_bool().unwrap(),
            )
        })
        .collect();
    let want = [
        ("a", true, false),
        ("z", true, false),
        ("Z", true, true),
        ("Delete", false, false),
        ("Backspace", false, false),
        ("Enter", false, false),
        ("Escape", false, false),
        ("ArrowLeft", false, false),
        ("ArrowRight", false, false),
        ("ArrowUp", false, false),
        ("ArrowDown", false, false),
    ];
    let want: Vec<(String, bool, bool)> = want
        .iter()
        .map(|(k, c, s)| (k.to_string(), *c, *s))
        .collect();
    // With Shift held, Chromium reports the shifted character ("Z").
    assert_eq!(got, want, "raw keydown log: {log}");
}

#[test]
fn pointer_drag_click_hover_double_click() {
    let _lock = browser_lock();
    let site = Site::new();
    let d = open(&site);
    let drag = d.find("#drag");
    let (cx, cy) = drag.center();
    assert_eq!((cx, cy), (140.0, 340.0));
    d.drag((cx, cy), (cx + 150.0, cy + 60.0), 10);
    assert_eq!(drag.attr("data-state").as_deref(), Some("up"));
    assert_eq!(drag.attr("data-x").as_deref(), Some("250"));
    assert_eq!(drag.attr("data-y").as_deref(), Some("360"));
    let moves: u32 = drag.attr("data-moves").unwrap().parse().unwrap();
    assert!(
        moves >= 5,
        "expected several pointermove events, got {moves}"
    );
    assert_eq!(drag.center(), (290.0, 400.0));

    let hover = d.find("#hover");
    assert_eq!(hover.attr("data-hovered"), None);
    d.hover(hover.center());
    d.wait_until("#hover sees mouseenter", Duration::from_secs(2), || {
        hover.attr("data-hovered").is_some()
    });
    d.double_click_at(hover.center());
    assert_eq!(d.execute("return window.__dbl", vec![]), json!(1));

    d.click_at(d.find("#add").center());
    assert_eq!(d.find(".item").text(), "clicked 1");
}

#[test]
fn browser_log_captures_console_error() {
    let _lock = browser_lock();
    let site = Site::new();
    let d = open(&site);
    d.find("#keys").click();
    d.press_keys(&[Key::Enter]);
    let mut seen: Vec<Value> = Vec::new();
    d.wait_until(
        "console.error shows in browser_log",
        Duration::from_secs(5),
        || {
            seen.extend(d.browser_log());
            seen.iter().any(|e| {
                e["level"] == "SEVERE"
                    && e["message"]
                        .as_str()
                        .is_some_and(|m| m.contains("selftest-keydown:Enter"))
            })
        },
    );
}

#[test]
fn screenshot_writes_png_and_execute_async() {
    let _lock = browser_lock();
    let site = Site::new();
    let d = open(&site);
    let v = d.execute_async(
        "const done = arguments[arguments.length - 1];\
         setTimeout(() => done(arguments[0] * 2), 20);",
        vec![json!(21)],
    );
    assert_eq!(v, json!(42));
    let path = site.base.join("shots/page.png");
    d.screenshot(&path);
    let png = std::fs::read(&path).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(
        png.len() > 1000,
        "suspiciously small PNG: {} bytes",
        png.len()
    );
    // IHDR width/height are big-endian u32 at offsets 16 and 20.
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(w, 1280, "viewport width");
}

#[test]
#[should_panic(expected = "timed out after 200ms waiting until the impossible happens")]
fn wait_until_panics_with_description() {
    let _lock = browser_lock();
    let site = Site::new();
    let d = open(&site);
    d.wait_until("the impossible happens", Duration::from_millis(200), || {
        false
    });
}

#[test]
#[should_panic(expected = "no element matches CSS selector \"#nope\"")]
fn find_panics_naming_selector() {
    let _lock = browser_lock();
    let site = Site::new();
    let d = open(&site);
    d.find("#nope");
}

#[test]
#[should_panic(expected = "WebDriver execute throw new Error('boom') failed")]
fn webdriver_errors_name_the_command() {
    let _lock = browser_lock();
    let site = Site::new();
    let d = open(&site);
    d.execute("throw new Error('boom')", vec![]);
}

// The page-error guard: every browser test goes through `App`, whose waits and
// end (its Drop) read the browser log and fail on SEVERE entries.

#[test]
fn the_guard_reports_a_console_error_to_an_explicit_check() {
    let _lock = browser_lock();
    let site = Site::new();
    let app = site.app();
    assert_eq!(app.page_errors(), Vec::<String>::new());
    app.driver.find("#keys").click();
    app.driver.press_keys(&[Key::Enter]);
    let errors = app.page_errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("selftest-keydown:Enter"), "{errors:?}");
    let failed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        app.driver.press_keys(&[Key::Escape]);
        app.check_page();
    }));
    let message = failed.expect_err("check_page fails on a console.error");
    let message = message.downcast_ref::<String>().unwrap();
    assert!(message.contains("selftest-keydown:Escape"), "{message}");
}

#[test]
#[should_panic(expected = "selftest-keydown:Enter")]
fn a_console_error_fails_the_test_at_its_end() {
    let _lock = browser_lock();
    let site = Site::new();
    let app = site.app();
    app.driver.find("#keys").click();
    app.driver.press_keys(&[Key::Enter]);
    // No further check: dropping the App fails the test.
}

#[test]
#[should_panic(expected = "Uncaught Error: selftest-uncaught")]
fn an_uncaught_exception_fails_the_next_wait() {
    let _lock = browser_lock();
    let site = Site::new();
    let app = site.app();
    app.driver.find("#throw").click();
    app.wait_for("the page to be there", || app.count("#drag") == 1);
    unreachable!("the wait fails first");
}

#[test]
#[should_panic(expected = "RuntimeError: unreachable")]
fn a_wasm_trap_fails_the_test() {
    let _lock = browser_lock();
    let site = Site::new();
    let app = site.app();
    app.driver.find("#trap").click();
}

#[test]
#[should_panic(expected = "Content Security Policy")]
fn a_csp_violation_fails_the_test() {
    let _lock = browser_lock();
    let site = Site::new();
    let app = site.app();
    app.driver.goto(&site.url("csp.html"));
    app.driver.find("#csp");
}

#[test]
#[should_panic(expected = "no-such-script.js - Failed to load resource")]
fn a_failed_load_fails_the_test() {
    let _lock = browser_lock();
    let site = Site::new();
    let app = site.app();
    app.driver.goto(&site.url("broken.html"));
    app.driver.find("#broken");
}

#[test]
fn an_expected_error_passes_only_when_the_test_opts_in() {
    let _lock = browser_lock();
    let site = Site::new();
    let app = site.app();
    app.expect_page_error("selftest-keydown:Enter");
    app.driver.find("#keys").click();
    app.driver.press_keys(&[Key::Enter]);
    app.check_page();
}

#[test]
#[should_panic(expected = "expected page errors never appeared: [\"selftest-keydown:Enter\"]")]
fn an_expected_error_that_never_comes_fails_the_test() {
    let _lock = browser_lock();
    let site = Site::new();
    let app = site.app();
    app.expect_page_error("selftest-keydown:Enter");
}
