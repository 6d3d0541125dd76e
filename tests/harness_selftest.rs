//! Self-test of the browser harness in `tests/support/` against a temporary
//! directory of hand-written static files (not the app's `dist/`).

mod support;

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{json, Value};
use support::{browser_lock, http, unique_temp_dir, Driver, Key, StaticServer};

const INDEX: &str = r#"<!doctype html>
<html><head><meta charset="utf-8"><title>harness selftest</title>
<link rel="stylesheet" href="style.css">
</head><body>
<button id="add">Add</button>
<ul id="out"></ul>
<input id="name" type="text">
<div id="keys" tabindex="0">keys</div>
<div id="hover">hover me</div>
<div id="nested"><span class="inner" data-k="v">inner text</span></div>
<div id="drag" data-x="100" data-y="300" data-moves="0"></div>
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
"#;

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
        std::fs::write(base.join("secret.txt"), "TOP-SECRET").unwrap();
        let server = StaticServer::start(&root);
        Site { base, server }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.url())
    }

    fn get(&self, path: &str) -> http::Response {
        http::request(self.server.addr(), "GET", path, None).unwrap()
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
        index.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(index.text().contains("harness selftest"));
    assert_eq!(site.get("/index.html").body, index.body);
    assert_eq!(site.get("/?q=1").status, 200);

    let wasm = site.get("/app.wasm");
    assert_eq!(wasm.status, 200);
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(wasm.body, WASM);

    for (path, ctype) in [
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/data.json", "application/json"),
    ] {
        let r = site.get(path);
        assert_eq!(
            (r.status, r.header("content-type")),
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
        .map(|_| std::thread::spawn(move || http::request(addr, "GET", "/app.js", None).unwrap()))
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
    if d.try_browser_log().is_none() {
        eprintln!("SKIP: this chromedriver has no browser log endpoint");
        return;
    }
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
#[should_panic(
    expected = "WebDriver command POST /execute/sync {\"args\":[],\"script\":\"throw new Error('boom')\"} failed: javascript error"
)]
fn webdriver_errors_name_the_command() {
    let _lock = browser_lock();
    let site = Site::new();
    let d = open(&site);
    d.execute("throw new Error('boom')", vec![]);
}

#[test]
fn base64_decoder() {
    use support::base64_decode;
    assert_eq!(base64_decode("").unwrap(), b"");
    assert_eq!(base64_decode("Zg==").unwrap(), b"f");
    assert_eq!(base64_decode("Zm8=").unwrap(), b"fo");
    assert_eq!(base64_decode("Zm9v").unwrap(), b"foo");
    assert_eq!(base64_decode("Zm9vYmFy\n").unwrap(), b"foobar");
    assert_eq!(base64_decode("iVBORw0KGgo=").unwrap(), b"\x89PNG\r\n\x1a\n");
    assert_eq!(base64_decode("+/+/").unwrap(), [0xfb, 0xff, 0xbf]);
    assert!(base64_decode("Zm9v*").is_err());
}
