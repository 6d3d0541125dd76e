//! The practice history (issue 15) in headless Chromium, acting as a user: timed
//! sessions on a controlled clock become attempts whose figures Progress charts, the
//! Review of a retry compares it with the attempt before, missed items come back as
//! cards the next day (and not before), the interview journal survives a reload and
//! feeds the cards, and the history file carries everything to a fresh profile.
//!
//! `Date.now` is patched before the app loads to add an offset kept in
//! `sessionStorage['test.clock-offset']`, as in browser_session.rs. The app counts
//! local calendar days, so the clock is first moved to 10:00 local time: a session
//! of the day ends well before midnight, and the test moves to either side of the
//! next midnight on purpose.

mod support;

use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::app::App;
use support::{browser_lock, Key};

const MIN: f64 = 60_000.0;
const PROMPT: &str = "url-shortener";
const TITLE: &str = "Design a URL shortener";

// ---------------------------------------------------------------------------
// The controlled clock.

/// Milliseconds from the page's (fake) now to the next `hour`:00 local time.
fn until_local_hour(app: &App, hour: u32) -> f64 {
    app.driver
        .execute(
            "const now = Date.now(); const d = new Date(now); d.setHours(arguments[0], 0, 0, 0); \
             if (d.getTime() <= now) d.setDate(d.getDate() + 1); return d.getTime() - now;",
            vec![json!(hour)],
        )
        .as_f64()
        .unwrap()
}

/// Milliseconds from the page's (fake) now to the next local midnight.
fn until_local_midnight(app: &App) -> f64 {
    app.driver
        .execute(
            "const now = Date.now(); const d = new Date(now); d.setHours(24, 0, 0, 0); \
             return d.getTime() - now;",
            vec![],
        )
        .as_f64()
        .unwrap()
}

/// The page's (fake) local date, `YYYY-MM-DD`.
fn local_date(app: &App) -> String {
    app.js(
        "const d = new Date(Date.now()); \
         return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;",
    )
    .as_str()
    .unwrap()
    .to_string()
}

// ---------------------------------------------------------------------------
// A timed session.

fn phase(app: &App) -> String {
    app.driver.find("[data-testid=phase]").text()
}

/// "Next phase" in the session bar, and waits for `to`.
fn next_phase(app: &App, to: &str) {
    app.click_text(".session-bar button", "Next phase");
    app.wait_for(&format!("the phase {to}"), || phase(app) == to);
}

/// A box to draw: its name (typed into quick add) and the kind the catalogue gives it.
type Boxes<'a> = &'a [(&'a str, &'a str)];
/// Arrows between boxes, by name.
type Arrows<'a> = &'a [(&'a str, &'a str)];

const FIRST_BOXES: Boxes = &[
    ("Client", "client"),
    ("Load balancer", "load_balancer"),
    ("Shortener service", "service"),
    ("Postgres", "sql_database"),
    ("Redis cache", "cache"),
];
const FIRST_ARROWS: Arrows = &[
    ("Client", "Load balancer"),
    ("Load balancer", "Shortener service"),
    ("Shortener service", "Postgres"),
    ("Shortener service", "Redis cache"),
];
const SECOND_BOXES: Boxes = &[
    ("Client", "client"),
    ("Load balancer", "load_balancer"),
    ("Shortener service", "service"),
    ("Postgres", "sql_database"),
    ("Redis cache", "cache"),
    ("Kafka", "message_queue"),
    ("Analytics worker", "worker"),
];
const SECOND_ARROWS: Arrows = &[
    ("Client", "Load balancer"),
    ("Load balancer", "Shortener service"),
    ("Shortener service", "Postgres"),
    ("Shortener service", "Redis cache"),
    ("Shortener service", "Kafka"),
    ("Kafka", "Analytics worker"),
];

/// The id of the component whose accessible name starts with `name`.
fn node_named(app: &App, name: &str) -> String {
    app.nodes()
        .into_iter()
        .find(|n| n.2 == name || n.2.starts_with(&format!("{name} (")))
        .unwrap_or_else(|| panic!("no component named {name}: {:?}", app.nodes()))
        .0
}

/// Adds a box through quick add ("/", its name, Enter) and checks its kind.
fn quick_add(app: &App, name: &str, kind: &str) {
    let before = app.nodes().len();
    app.driver.press_keys(&[Key::Char('/')]);
    app.wait_for("the quick-add field", || app.count("input.quick-add") == 1);
    app.driver.type_text(name);
    app.driver.press_keys(&[Key::Enter]);
    app.wait_for(&format!("a box named {name}"), || {
        let nodes = app.nodes();
        nodes.len() == before + 1
            && nodes
                .iter()
                .any(|n| n.2 == name || n.2.starts_with(&format!("{name} (")))
    });
    let id = node_named(app, name);
    let found = app
        .nodes()
        .into_iter()
        .find(|n| n.0 == id)
        .map(|n| n.1)
        .unwrap();
    assert_eq!(found, kind, "the kind quick add gave {name}");
}

/// Draws an arrow from `from` to `to`: select, Shift-select, C.
fn connect(app: &App, from: &str, to: &str) {
    let (a, b) = (node_named(app, from), node_named(app, to));
    app.driver.click_at(app.node_center(&a));
    app.driver
        .click_at_holding(&[Key::Shift], app.node_center(&b));
    app.driver.press_keys(&[Key::Char('c')]);
    app.wait_for(&format!("an arrow {from} -> {to}"), || {
        app.edges().contains(&(a.clone(), b.clone()))
    });
}

/// Draws a board on the (empty) canvas.
fn draw(app: &App, boxes: Boxes, arrows: Arrows) {
    assert_eq!(
        app.count("[data-testid=node]"),
        0,
        "an empty board to draw on"
    );
    // The board takes the keys once it has been clicked.
    app.driver.find("[data-testid=canvas]").click();
    for (name, kind) in boxes {
        quick_add(app, name, kind);
    }
    for (from, to) in arrows {
        connect(app, from, to);
    }
    assert_eq!(app.count("[data-testid=edge]"), arrows.len());
}

/// How a session goes after Requirements.
struct Plan<'a> {
    boxes: Boxes<'a>,
    arrows: Arrows<'a>,
    /// Leave Breadth with "Next phase" (the gate lets a full map through); else its
    /// time runs out.
    leave_breadth_early: bool,
    /// Details typed on the focus component in Depth.
    details: Option<&'a str>,
    /// Minutes past Depth's plan (17) before "Next phase".
    depth_over: f64,
    /// Minutes past Failure modes' plan (12) before "Next phase".
    failure_over: f64,
}

/// Runs a timed session from Requirements (just started) to its Review.
fn session(app: &App, plan: &Plan) {
    app.wait_for("the session bar", || app.count("[data-testid=phase]") == 1);
    app.wait_for("Requirements", || phase(app) == "Requirements");
    next_phase(app, "Breadth");
    draw(app, plan.boxes, plan.arrows);
    if plan.leave_breadth_early {
        next_phase(app, "Focus");
    } else {
        // Breadth ends by itself at its limit (9 minutes by default).
        app.advance_clock(9.0 * MIN);
        app.wait_for("Breadth to end by itself", || phase(app) == "Focus");
    }
    // Focus cannot be left before a pick: the shortener service.
    let service = node_named(app, "Shortener service");
    app.driver
        .find(&format!(
            "[data-testid=focus-option][data-focus=\"{service}\"]"
        ))
        .click();
    next_phase(app, "Depth");
    if let Some(text) = plan.details {
        app.driver
            .find("[data-testid=depth-notes] textarea")
            .click();
        app.driver.type_text(text);
        app.driver.press_keys(&[Key::Tab]);
        app.wait_for("the details to be saved", || {
            app.driver.execute(
                "return (localStorage.getItem('breadthfirst.board') || '').includes(arguments[0])",
                vec![json!(text)],
            ) == json!(true)
        });
    }
    if plan.depth_over > 0.0 {
        app.advance_clock((17.0 + plan.depth_over) * MIN);
    }
    next_phase(app, "Failure modes");
    if plan.failure_over > 0.0 {
        app.advance_clock((12.0 + plan.failure_over) * MIN);
    }
    next_phase(app, "Review");
    app.wait_for("the check in Review", || {
        app.count("[data-testid=review] [data-testid=coverage]") == 1
            && app.count("[data-testid=review] [data-testid=check-item]") > 0
    });
}

/// What a session's Review shows.
#[derive(Debug)]
struct Review {
    /// Headline percent found on the board.
    percent: u32,
    /// (category name, found, total), in report order.
    counts: Vec<(String, u32, u32)>,
    /// (status, title) of every scored item but hygiene, in report order.
    items: Vec<(String, String)>,
    /// (phase, planned minutes, actual minutes) of each ended phase.
    timings: Vec<(String, f64, f64)>,
}

impl Review {
    fn count(&self, category: &str) -> (u32, u32) {
        self.counts
            .iter()
            .find(|c| c.0 == category)
            .map(|c| (c.1, c.2))
            .unwrap_or_else(|| panic!("no category {category} in {:?}", self.counts))
    }

    /// Titles of the items with this status.
    fn titles(&self, status: &str) -> Vec<String> {
        self.items
            .iter()
            .filter(|i| i.0 == status)
            .map(|i| i.1.clone())
            .collect()
    }

    /// Minutes over plan in all (Review aside) and in Breadth, from the timing table.
    /// Minutes over plan in all, then in Requirements, Focus, Depth and Failure
    /// modes (the phases that can overrun), from the timing table.
    fn overrun(&self) -> Vec<f64> {
        let over = |t: &(String, f64, f64)| (t.2 - t.1).max(0.0);
        let mut all = vec![self.timings.iter().map(over).sum()];
        for phase in ["Requirements", "Focus", "Depth", "Failure modes"] {
            all.push(self.timings.iter().filter(|t| t.0 == phase).map(over).sum());
        }
        all
    }
}

fn review(app: &App) -> Review {
    let v = app.js(
        "const r = document.querySelector('[data-testid=review]'); \
         return { \
           percent: r.querySelector('[data-testid=coverage] strong').textContent, \
           counts: [...r.querySelectorAll('.check-category')].map(s => \
             [s.getAttribute('aria-label'), s.querySelector('.count').textContent]), \
           items: [...r.querySelectorAll('[data-testid=check-item]')] \
             .filter(i => i.dataset.category !== 'hygiene' && !i.classList.contains('advice')) \
             .map(i => [i.dataset.status, i.querySelector('.check-title').textContent.trim()]), \
           timings: [...r.querySelectorAll('.timing tbody tr')].map(t => [...t.cells].map(c => c.textContent)) \
         };",
    );
    let percent = v["percent"]
        .as_str()
        .unwrap()
        .trim_end_matches('%')
        .parse()
        .unwrap();
    let counts = v["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let (found, total) = c[1].as_str().unwrap().split_once('/').unwrap();
            (
                c[0].as_str().unwrap().to_string(),
                found.parse().unwrap(),
                total.parse().unwrap(),
            )
        })
        .collect();
    let items = serde_json::from_value(v["items"].clone()).unwrap();
    let timings = v["timings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let n = |i: usize| t[i].as_str().unwrap().parse::<f64>().unwrap();
            (t[0].as_str().unwrap().to_string(), n(1), n(2))
        })
        .collect();
    Review {
        percent,
        counts,
        items,
        timings,
    }
}

/// "62%" for found/total, "–" for a category without items (as the chart's table).
fn percent_cell(found: u32, total: u32) -> String {
    (found * 100)
        .checked_div(total)
        .map_or_else(|| "–".to_string(), |p| format!("{p}%"))
}

/// The comparison drawn into the Review: each list by its heading.
fn comparison(app: &App) -> BTreeMap<String, Vec<String>> {
    let v = app.js(
        "const c = document.querySelector('[data-testid=compare]'); const out = {}; \
         for (const h of c.querySelectorAll('h4')) { \
           const n = h.nextElementSibling; \
           out[h.textContent] = n && n.tagName === 'UL' \
             ? [...n.querySelectorAll('li')].map(l => l.textContent.trim()) : []; \
         } \
         return out;",
    );
    serde_json::from_value(v).unwrap()
}

// ---------------------------------------------------------------------------
// The history dialog.

const HISTORY: &str = "dialog.history[open]";

/// Opens the history on `tab` (see `App::open_history`).
fn open_history(app: &App, tab: &str) {
    app.open_history(tab);
}

fn close_history(app: &App) {
    app.driver
        .find(&format!("{HISTORY} button[aria-label=Close]"))
        .click();
    app.wait_for("the history to close", || app.count(HISTORY) == 0);
}

/// The history dialog's notice.
fn history_notice(app: &App) -> String {
    app.js("const n = document.querySelector('.history-notice'); return n ? n.textContent : '';")
        .as_str()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// `data-attempt` of every attempt listed, in order.
fn attempt_ids(app: &App) -> Vec<String> {
    attr_list(app, "[data-testid=attempt]", "data-attempt")
}

/// `data-card` of every card of the Due today tab, in order.
fn due_cards(app: &App, within: &str) -> Vec<String> {
    attr_list(
        app,
        &format!("{within} [data-testid=due-item]"),
        "data-card",
    )
}

fn attr_list(app: &App, css: &str, attr: &str) -> Vec<String> {
    let v = app.driver.execute(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.getAttribute(arguments[1]));",
        vec![json!(css), json!(attr)],
    );
    serde_json::from_value(v).unwrap()
}

/// Opens a Progress chart's "Show as a table" and returns (header, rows).
fn chart_table(app: &App, chart: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let figure = format!("{HISTORY} [data-testid=progress-chart][data-chart={chart}]");
    if app.count(&format!("{figure} table")) == 0 {
        app.driver.find(&format!("{figure} summary")).click();
        app.wait_for(&format!("the {chart} table"), || {
            app.count(&format!("{figure} table")) == 1
        });
    }
    let v = app.driver.execute(
        "const t = document.querySelector(arguments[0] + ' table'); \
         return [[...t.tHead.rows[0].cells].map(c => c.textContent), \
                 [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.textContent))];",
        vec![json!(figure)],
    );
    serde_json::from_value(v).unwrap()
}

/// Every record of the history's IndexedDB stores, by store and id (read-only, for
/// assertions; the database must exist, i.e. the history module has run).
fn stored(app: &App) -> BTreeMap<String, BTreeMap<String, Value>> {
    let v = app.driver.execute_async(
        "const done = arguments[arguments.length - 1]; \
         const open = indexedDB.open('breadthfirst-history'); \
         open.onerror = () => done({ error: String(open.error) }); \
         open.onsuccess = () => { \
           const db = open.result; const names = ['attempts', 'bodies', 'cards', 'journal']; \
           const tx = db.transaction(names, 'readonly'); const out = {}; let left = names.length; \
           for (const name of names) { \
             const store = tx.objectStore(name); const keys = store.getAllKeys(); const values = store.getAll(); \
             values.onsuccess = () => { \
               out[name] = {}; \
               keys.result.forEach((k, i) => { out[name][k] = JSON.parse(values.result[i]); }); \
               if (--left === 0) { db.close(); done(out); } \
             }; \
           } \
         };",
        vec![],
    );
    assert!(v.get("error").is_none(), "IndexedDB: {v}");
    serde_json::from_value(v).unwrap()
}

fn ids(records: &BTreeMap<String, BTreeMap<String, Value>>, store: &str) -> Vec<String> {
    records[store].keys().cloned().collect()
}

// ---------------------------------------------------------------------------
// The journal.

/// The field of the journal form whose label starts with `label`.
fn journal_field<'a>(app: &'a App, label: &str) -> support::Element<'a> {
    let labels = app
        .driver
        .find_all(&format!("{HISTORY} form.journal-form label.field"));
    let field = labels
        .into_iter()
        .find(|l| l.text().starts_with(label))
        .unwrap_or_else(|| panic!("no journal field {label}"));
    field.find("input, textarea, select")
}

/// Clicks a field of the form and types into it.
fn fill(app: &App, label: &str, text: &str) {
    journal_field(app, label).click();
    app.driver.type_text(text);
}

/// The struggled question of the journal entry the tests write: (field, text typed).
const STRUGGLE: [(&str, &str); 3] = [
    (
        "What was asked (1)",
        "Shard the limiter's counters across nodes",
    ),
    ("What I said (1)", "One Redis for everything"),
    (
        "What I should have said (1)",
        "Partition keys over a ring of nodes and elect a leader per shard",
    ),
];

/// Writes and saves a journal entry (Acme, Staff engineer, knew it but could not
/// access it); with `struggle`, a struggled question with two topics (one per line).
/// Returns its id. Takes a screenshot of the filled form if `shot` names one.
fn write_journal_entry(app: &App, struggle: bool, shot: Option<&str>) -> String {
    open_history(app, "Interview journal");
    let before = attr_list(app, "[data-testid=journal-entry]", "data-entry");
    app.click_text(&format!("{HISTORY} .journal-actions button"), "New entry");
    app.wait_for("the journal form", || {
        app.count(&format!("{HISTORY} form.journal-form")) == 1
    });
    let mut typed = vec![
        ("Company", "Acme"),
        ("Role", "Staff engineer"),
        (
            "Questions handled well",
            "Requirements and the API for the rate limiter",
        ),
    ];
    if struggle {
        typed.extend(STRUGGLE);
    }
    for (label, text) in &typed {
        fill(app, label, text);
    }
    if struggle {
        // Two topics, one per line.
        journal_field(app, "Topics to review (1)").click();
        app.driver.type_text("Consistent hashing");
        app.driver.press_keys(&[Key::Enter]);
        app.driver.type_text("Leader election");
        typed.push((
            "Topics to review (1)",
            "Consistent hashing\nLeader election",
        ));
    }
    app.driver
        .find(&format!(
            "{HISTORY} input[type=radio][name=diagnosis][value=could_not_access]"
        ))
        .click();
    if let Some(name) = shot {
        app.screenshot(name);
    }
    // Every field holds what was typed into it.
    let values: Vec<(String, Value)> = typed
        .iter()
        .map(|(label, _)| (label.to_string(), journal_field(app, label).prop("value")))
        .collect();
    let expected: Vec<(String, Value)> = typed
        .iter()
        .map(|(label, text)| (label.to_string(), json!(text)))
        .collect();
    assert_eq!(values, expected, "the journal form's fields");
    app.click_text(&format!("{HISTORY} form.journal-form button"), "Save entry");
    app.wait_for("the entry to be listed", || {
        app.count(&format!("{HISTORY} form.journal-form")) == 0
            && app.count("[data-testid=journal-entry]") == before.len() + 1
    });
    let saved = if struggle {
        "Journal entry saved; 2 topics are due for review today."
    } else {
        "Journal entry saved."
    };
    assert_eq!(history_notice(app), saved);
    attr_list(app, "[data-testid=journal-entry]", "data-entry")
        .into_iter()
        .find(|id| !before.contains(id))
        .unwrap()
}

/// (title, meta lines) of the journal entry `id`.
fn journal_entry(app: &App, id: &str) -> (String, Vec<String>) {
    let v = app.driver.execute(
        "const e = document.querySelector(`[data-testid=journal-entry][data-entry=\"${arguments[0]}\"]`); \
         return e ? [e.querySelector('h4').textContent, [...e.querySelectorAll('.meta')].map(m => m.textContent)] : null;",
        vec![json!(id)],
    );
    serde_json::from_value(v).unwrap_or_else(|e| panic!("no journal entry {id}: {e}"))
}

// ---------------------------------------------------------------------------
// Downloads.

fn download_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("breadthfirst-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Waits for a finished download whose name starts with `prefix`; returns its path.
fn downloaded(dir: &Path, prefix: &str) -> PathBuf {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        let done = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .find(|e| {
                let name = e.file_name().to_string_lossy().to_string();
                name.starts_with(prefix)
                    && name.ends_with(".json")
                    && e.metadata().is_ok_and(|m| m.len() > 0)
            });
        if let Some(entry) = done {
            return entry.path();
        }
        std::thread::sleep(support::webdriver::POLL);
    }
    let present: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    panic!("no download {prefix}*.json; the folder has {present:?}");
}

/// Chooses `path` in the Your data tab's "Import history…" file picker (WebDriver's
/// way: the path sent to its `<input type=file>`).
fn import_history(app: &App, path: &Path) {
    app.driver
        .find(&format!("{HISTORY} .file-button input[type=file]"))
        .send_keys(path.to_str().unwrap());
}

// ---------------------------------------------------------------------------
// The tests.

#[test]
fn two_timed_sessions_become_two_attempts_whose_figures_progress_charts() {
    let _lock = browser_lock();
    let app = App::open();
    app.with_controlled_clock();
    app.advance_clock(until_local_hour(&app, 10));

    // The first session: five boxes, Breadth ends by itself, Depth runs 3 minutes over.
    app.choose_prompt(PROMPT, true);
    session(
        &app,
        &Plan {
            boxes: FIRST_BOXES,
            arrows: FIRST_ARROWS,
            leave_breadth_early: false,
            details: None,
            depth_over: 3.0,
            failure_over: 0.0,
        },
    );
    let first = review(&app);
    // The checklist of the prompt for this board: Client, entry, service, store and
    // cache of its 8 components; every flow but the click stream; the focus
    // component has no details; no failure mode is answered.
    assert_eq!(first.count("Components"), (5, 8), "{first:?}");
    assert_eq!(first.count("Data flows"), (3, 4), "{first:?}");
    assert_eq!(first.count("Depth"), (0, 1), "{first:?}");
    assert_eq!(first.count("Failure modes"), (0, 5), "{first:?}");
    assert_eq!(first.percent, 8 * 100 / 18, "{first:?}");
    // The first attempt at a prompt has nothing to compare with.
    app.wait_for("the first attempt's comparison", || {
        app.count("[data-testid=review] [data-testid=compare-first]") == 1
    });
    assert_eq!(app.count("[data-testid=compare]"), 0);

    open_history(&app, "Attempts");
    app.wait_for("one attempt", || attempt_ids(&app).len() == 1);
    let first_id = attempt_ids(&app)[0].clone();
    assert_eq!(
        app.driver
            .find("[data-testid=attempt] [data-testid=attempt-score]")
            .text(),
        format!("{}%", first.percent)
    );
    assert_eq!(
        app.driver
            .find("[data-testid=attempt]")
            .attr("data-prompt")
            .as_deref(),
        Some(PROMPT)
    );

    // Progress has its figures: one row per chart table.
    open_history(&app, "Progress");
    let (head, rows) = chart_table(&app, "categories");
    let expected: Vec<String> = head[1..]
        .iter()
        .map(|name| {
            let (found, total) = first.count(name);
            percent_cell(found, total)
        })
        .collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][1..], expected[..]);

    // Opened read-only: the check and the boards as they were.
    open_history(&app, "Attempts");
    app.click_text("[data-testid=attempt] button", "Open");
    app.wait_for("the attempt opened", || {
        app.count("[data-testid=attempt-detail]") == 1
    });
    let scores = app.js(
        "return [...document.querySelectorAll('[data-testid=attempt-detail] tr[data-category]')] \
           .map(r => [r.cells[0].textContent, ...[...r.querySelectorAll('td')].map(c => Number(c.textContent))]);",
    );
    for (name, found, total) in &first.counts {
        let row = scores
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r[0] == json!(name))
            .unwrap_or_else(|| panic!("no row {name} in {scores}"));
        // Found, claimed, missed, items.
        assert_eq!(
            row,
            &json!([name, found, 0, total - found, total]),
            "{name}"
        );
    }
    app.wait_for("the attempt's boards", || {
        app.count("[data-testid=attempt-breadth-map] svg .node") == 5
            && app.count("[data-testid=attempt-final-board] svg .node") == 5
    });
    app.screenshot("history-attempt.png");

    // Retry from the attempt: a fresh timed session of the same prompt, on a new
    // board (the running session in Review is discarded once the user agrees).
    app.click_text("[data-testid=attempt-detail] button", "Retry this prompt");
    app.driver.accept_dialog();
    app.wait_for("the retry's session on a fresh board", || {
        app.count(HISTORY) == 0
            && app.count("[data-testid=phase]") == 1
            && phase(&app) == "Requirements"
            && app.count("[data-testid=node]") == 0
    });

    // The second session: seven boxes, Breadth left early through the gate, details
    // on the focus component, Failure modes 2 minutes over.
    session(
        &app,
        &Plan {
            boxes: SECOND_BOXES,
            arrows: SECOND_ARROWS,
            leave_breadth_early: true,
            details: Some(
                "Reads each code from the cache first and falls back to Postgres on a miss",
            ),
            depth_over: 0.0,
            failure_over: 2.0,
        },
    );
    let second = review(&app);
    assert_eq!(second.count("Components"), (7, 8), "{second:?}");
    assert_eq!(second.count("Data flows"), (4, 4), "{second:?}");
    assert_eq!(second.count("Depth"), (1, 1), "{second:?}");
    assert_eq!(second.count("Failure modes"), (0, 5), "{second:?}");
    assert_eq!(second.percent, 12 * 100 / 18, "{second:?}");
    app.wait_for("the comparison with the first attempt", || {
        app.count("[data-testid=review] [data-testid=compare]") == 1
    });
    let compared = comparison(&app);
    scroll_to(&app, "[data-testid=review]", "[data-testid=compare]");
    app.screenshot("history-review-compare.png");

    // Both attempts are listed, newest first.
    open_history(&app, "Attempts");
    app.wait_for("two attempts", || attempt_ids(&app).len() == 2);
    let listed = attempt_ids(&app);
    assert_eq!(listed[1], first_id, "newest first: {listed:?}");
    let scores = texts(&app, "[data-testid=attempt-score]");
    assert_eq!(
        scores,
        [
            format!("{}%", second.percent),
            format!("{}%", first.percent)
        ]
    );

    // Progress: each chart's table has both attempts' figures, oldest first.
    open_history(&app, "Progress");
    app.wait_for("the three charts", || {
        app.count("[data-testid=progress-chart]") == 3
    });
    app.screenshot("history-progress.png");
    let (head, rows) = chart_table(&app, "categories");
    assert_eq!(
        head,
        [
            "Attempt",
            "Components",
            "Data flows",
            "Depth",
            "Failure modes",
            "Design hygiene"
        ]
    );
    assert_eq!(rows.len(), 2, "{rows:?}");
    for (row, r) in rows.iter().zip([&first, &second]) {
        assert!(row[0].ends_with(TITLE), "{row:?}");
        let expected: Vec<String> = head[1..]
            .iter()
            .map(|name| {
                let (found, total) = r.count(name);
                percent_cell(found, total)
            })
            .collect();
        assert_eq!(row[1..], expected[..], "categories of {row:?}");
    }
    assert_eq!(rows[0][1..5], ["62%", "75%", "0%", "0%"]);
    assert_eq!(rows[1][1..5], ["87%", "100%", "100%", "0%"]);

    // Breadth discipline: the prompt's components and flows on the map when Breadth
    // ended (nothing was added after it in either session).
    let (_, rows) = chart_table(&app, "breadth");
    let breadth = |r: &Review| {
        let (c, ct) = r.count("Components");
        let (f, ft) = r.count("Data flows");
        format!("{}%", (c + f) * 100 / (ct + ft))
    };
    assert_eq!(
        rows.iter().map(|r| r[1].clone()).collect::<Vec<_>>(),
        [breadth(&first), breadth(&second)]
    );
    assert_eq!(rows[0][1], "66%");
    assert_eq!(rows[1][1], "91%");

    // Time use: minutes over plan, as the Reviews' timing tables show them.
    let (head, rows) = chart_table(&app, "overrun");
    assert_eq!(
        head,
        [
            "Attempt",
            "In all",
            "Requirements",
            "Focus",
            "Depth",
            "Failure modes"
        ]
    );
    for (row, r) in rows.iter().zip([&first, &second]) {
        let expected: Vec<String> = r.overrun().iter().map(|m| format!("{m:.1} min")).collect();
        assert_eq!(
            row[1..],
            expected[..],
            "overrun of {row:?} against {:?}",
            r.timings
        );
    }
    assert!(
        rows[0][1].starts_with("3."),
        "Depth ran 3 minutes over: {rows:?}"
    );
    assert!(
        rows[1][1].starts_with("2."),
        "Failure modes ran 2 over: {rows:?}"
    );

    // The weakest category over the two: failure modes, never answered.
    assert!(
        app.driver
            .find("[data-testid=weakest]")
            .text()
            .starts_with("Weakest over your last 2 attempts: Failure modes (0% found)."),
        "{}",
        app.driver.find("[data-testid=weakest]").text()
    );
    let per_prompt = app.js(
        "const r = document.querySelector(`.prompt-scores tr[data-prompt='url-shortener']`); \
         return r ? [...r.cells].slice(0, 4).map(c => c.textContent) : null;",
    );
    assert_eq!(
        per_prompt,
        json!([
            TITLE,
            "2",
            format!("{}%", second.percent),
            format!("{}%", second.percent.max(first.percent))
        ])
    );
    app.screenshot("history-progress-tables.png");
    // Problems found that do not stop the test, reported together at its end.
    let mut problems: Vec<String> = Vec::new();
    for chart in ["categories", "breadth", "overrun"] {
        problems.extend(axis_problems(&app, chart));
    }
    close_history(&app);

    // The retry's Review against the first: what the bigger board newly covers, and
    // what both missed, by the titles the Reviews give them.
    let weak_now: BTreeSet<String> = second
        .titles("missed")
        .into_iter()
        .chain(second.titles("self"))
        .collect();
    let missed_then = first.titles("missed");
    let newly: Vec<String> = missed_then
        .iter()
        .filter(|t| !weak_now.contains(*t))
        .cloned()
        .collect();
    let still: Vec<String> = second
        .titles("missed")
        .into_iter()
        .filter(|t| missed_then.contains(t))
        .collect();
    assert_eq!(
        newly,
        [
            "Click event stream",
            "Click aggregation",
            "Clicks feed analytics",
            "Details on Shortener service"
        ],
        "what the second Review found that the first missed"
    );
    assert!(still.contains(&"Code generator".to_string()), "{still:?}");
    for (heading, expected) in [
        ("Newly covered", newly),
        ("Still missed", still),
        ("Covered before, not now", Vec::new()),
    ] {
        if compared.get(heading) != Some(&expected) {
            problems.push(format!(
                "the Review's comparison lists under {heading:?} {:?}, not the items' titles {expected:?}",
                compared.get(heading)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    app.check_page();
}

/// Where a chart's y-axis labels are wrong: each label must state the value of the
/// gridline it sits on (the bottom line is 0, the top one the axis maximum).
fn axis_problems(app: &App, chart: &str) -> Vec<String> {
    let v = app.driver.execute(
        "const svg = document.querySelector(`[data-testid=progress-chart][data-chart=${arguments[0]}] svg`); \
         return [[...svg.querySelectorAll('line.grid')].map(l => Number(l.getAttribute('y1'))), \
                 [...svg.querySelectorAll('text.tick[text-anchor=end]')] \
                   .map(t => [t.textContent, Number(t.getAttribute('y'))])];",
        vec![json!(chart)],
    );
    let (grid, labels): (Vec<f64>, Vec<(String, f64)>) = serde_json::from_value(v).unwrap();
    assert_eq!(grid.len(), labels.len(), "a label per gridline in {chart}");
    let bottom = grid.iter().copied().fold(f64::MIN, f64::max);
    let top = grid.iter().copied().fold(f64::MAX, f64::min);
    let number = |text: &str| text.trim_end_matches('%').parse::<f64>().unwrap();
    let max = labels
        .iter()
        .find(|(_, y)| (y - 4.0 - top).abs() < 0.01)
        .map(|(t, _)| number(t))
        .unwrap();
    labels
        .iter()
        .filter_map(|(text, y)| {
            let value = max * (bottom - (y - 4.0)) / (bottom - top);
            ((number(text) - value).abs() > 1e-6).then(|| {
                format!(
                    "the {chart} chart labels the gridline at {value} as {text:?} (axis 0 to {max})"
                )
            })
        })
        .collect()
}

/// Turns the mouse wheel over the visible part of `container` until `target` is in
/// the upper half of the viewport.
fn scroll_to(app: &App, container: &str, target: &str) {
    for _ in 0..30 {
        let v = app.driver.execute(
            "const c = document.querySelector(arguments[0]).getBoundingClientRect(); \
             const t = document.querySelector(arguments[1]).getBoundingClientRect(); \
             const h = window.innerHeight, w = window.innerWidth; \
             return [(Math.max(c.left, 0) + Math.min(c.right, w)) / 2, \
                     (Math.max(c.top, 0) + Math.min(c.bottom, h)) / 2, t.top, h];",
            vec![json!(container), json!(target)],
        );
        let n = |i: usize| v[i].as_f64().unwrap();
        let (x, y, top, height) = (n(0), n(1), n(2), n(3));
        if (0.0..height / 2.0).contains(&top) {
            return;
        }
        let by = (top - height / 4.0).clamp(-400.0, 400.0);
        app.driver.wheel_at(&[], (x, y), (0.0, by));
        let moved = || {
            app.driver
                .execute(
                    "return document.querySelector(arguments[0]).getBoundingClientRect().top;",
                    vec![json!(target)],
                )
                .as_f64()
                .is_some_and(|now| (now - top).abs() > 1.0)
        };
        app.wait_for(&format!("the wheel to scroll {container}"), moved);
    }
    panic!("{target} could not be scrolled into view");
}

/// The visible text of every element matching `css`, in order.
fn texts(app: &App, css: &str) -> Vec<String> {
    app.driver.find_all(css).iter().map(|e| e.text()).collect()
}

/// The cards the first board's session makes: the prompt's, and one per component,
/// flow and failure mode it missed (the prompt's card first, as the due list sorts).
fn first_board_cards() -> Vec<String> {
    let mut cards = vec![format!("p:{PROMPT}")];
    cards.extend(
        [
            "component:counter",
            "component:events",
            "component:idgen",
            "failure:0",
            "failure:1",
            "failure:2",
            "failure:3",
            "failure:4",
            "flow:3",
        ]
        .iter()
        .map(|k| format!("i:{PROMPT}:{k}")),
    );
    cards
}

/// A timed session of the first board, at 10:00 local time, up to its Review and its
/// attempt recorded with its cards (none due today: checked in the history and the
/// library). Returns the day (days since the epoch) the attempt was recorded on.
fn a_session_with_missed_items(app: &App) -> i64 {
    app.with_controlled_clock();
    app.advance_clock(until_local_hour(app, 10));
    app.choose_prompt(PROMPT, true);
    session(
        app,
        &Plan {
            boxes: FIRST_BOXES,
            arrows: FIRST_ARROWS,
            leave_breadth_early: true,
            details: None,
            depth_over: 0.0,
            failure_over: 0.0,
        },
    );
    app.wait_for("the attempt recorded", || {
        app.count("[data-testid=review] [data-testid=compare-first]") == 1
    });
    let expected: BTreeSet<String> = first_board_cards().into_iter().collect();
    app.wait_for("the cards stored", || {
        ids(&stored(app), "cards")
            .into_iter()
            .collect::<BTreeSet<_>>()
            == expected
    });
    let records = stored(app);
    let attempt = records["attempts"].values().next().unwrap();
    let day = attempt["day"].as_i64().unwrap();
    let start = attempt["at_ms"].as_f64().unwrap();
    assert_eq!(
        day,
        (start / 86_400_000.0).floor() as i64 + utc_offset_days(app, start)
    );
    for card in records["cards"].values() {
        assert_eq!(
            card["schedule"]["due"],
            json!(day + 1),
            "due tomorrow: {card}"
        );
    }
    nothing_due(app);
    day
}

/// 1 if the local date at `ms` is a day ahead of UTC's, -1 if behind, else 0.
fn utc_offset_days(app: &App, ms: f64) -> i64 {
    app.driver
        .execute(
            "const d = new Date(arguments[0]); \
             const local = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()); \
             const utc = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()); \
             return Math.round((local - utc) / 86400000);",
            vec![json!(ms)],
        )
        .as_i64()
        .unwrap()
}

/// Neither the history's Due today tab nor the library's short list shows a card.
fn nothing_due(app: &App) {
    open_history(app, "Due today");
    app.wait_for("the empty due list", || {
        app.driver
            .find("#history-panel .due")
            .text()
            .contains("Nothing due today.")
    });
    assert_eq!(due_cards(app, "#history-panel"), Vec::<String>::new());
    close_history(app);
    app.driver.find("button[aria-label=\"Prompts\"]").click();
    app.wait_for("the library's due list", || {
        app.count("#due-slot .due") == 1
    });
    assert!(app
        .driver
        .find("#due-slot .due")
        .text()
        .contains("Nothing due today."));
    assert_eq!(due_cards(app, "#due-slot"), Vec::<String>::new());
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("the library to close", || {
        app.count("dialog.library[open]") == 0
    });
}

/// Waits until the Due today tab lists exactly `expected`; on a timeout, fails with
/// what it lists and what IndexedDB holds.
fn wait_due(app: &App, expected: &[String]) {
    let want: BTreeSet<String> = expected.iter().cloned().collect();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        app.check_page();
        let listed = due_cards(app, "#history-panel");
        if listed.iter().cloned().collect::<BTreeSet<_>>() == want {
            return;
        }
        if Instant::now() >= deadline {
            let records = stored(app);
            let attempts: Vec<(String, Value)> = records["attempts"]
                .iter()
                .map(|(id, a)| (id.clone(), a["day"].clone()))
                .collect();
            let cards: Vec<(String, Value)> = records["cards"]
                .iter()
                .map(|(id, c)| (id.clone(), c["schedule"]["due"].clone()))
                .collect();
            panic!(
                "the Due today tab on {} lists {listed:?}, not {expected:?}; \
                 stored attempts (id, day): {attempts:?}; cards (id, due day): {cards:?}",
                local_date(app)
            );
        }
        std::thread::sleep(support::webdriver::POLL);
    }
}

#[test]
fn a_missed_item_is_due_the_next_day_and_not_before() {
    let _lock = browser_lock();
    let app = App::open();
    let expected = first_board_cards();
    a_session_with_missed_items(&app);
    // The user ends the session after reading its Review.
    app.click_text(".session-bar button", "End session");
    app.driver.accept_dialog();
    app.wait_for("the session to end", || {
        app.count("[data-testid=phase]") == 0
    });

    // A minute before the next local midnight: still nothing.
    app.advance_clock(until_local_midnight(&app) - MIN);
    app.reload();
    nothing_due(&app);

    // A minute after it: the missed items and the prompt are due.
    app.advance_clock(2.0 * MIN);
    app.reload();
    open_history(&app, "Due today");
    wait_due(&app, &expected);
    let due = due_cards(&app, "#history-panel");
    assert_eq!(due[0], format!("p:{PROMPT}"), "the prompt first: {due:?}");
    app.screenshot("history-due.png");
    close_history(&app);
    // The library's short list: the first five, and the way to all of them.
    app.driver.find("button[aria-label=\"Prompts\"]").click();
    app.wait_for("the library's due list", || {
        due_cards(&app, "#due-slot").len() == 5
    });
    assert_eq!(due_cards(&app, "#due-slot"), due[..5]);
    assert!(app
        .driver
        .find("#due-slot .due h3")
        .text()
        .contains(&format!("Due today ({})", expected.len())));
    app.with_text(
        "#due-slot button",
        &format!("All {} due cards", expected.len()),
    );
    app.screenshot("history-due-library.png");
    app.driver.press_keys(&[Key::Escape]);
    app.wait_for("the library to close", || {
        app.count("dialog.library[open]") == 0
    });

    // Review one item card: its question, then the answer, then "Good".
    let events = format!("i:{PROMPT}:component:events");
    open_history(&app, "Due today");
    app.driver
        .find(&format!(
            "#history-panel [data-testid=due-item][data-card=\"{events}\"] button"
        ))
        .click();
    app.wait_for("the card under review", || {
        app.count("[data-testid=card-review]") == 1
    });
    let question = app.driver.find("[data-testid=card-review] h3").text();
    assert!(question.contains("Click event stream"), "{question}");
    assert_eq!(app.count("[data-testid=card-answer]"), 0);
    app.click_text("[data-testid=card-review] button", "Show the answer");
    app.wait_for("the answer", || app.count("[data-testid=card-answer]") == 1);
    assert!(app
        .driver
        .find("[data-testid=card-answer]")
        .text()
        .contains("message queue"));
    app.screenshot("history-card-review.png");
    app.driver
        .find("[data-testid=card-answer] button[data-grade=good]")
        .click();
    app.wait_for("the card to leave the due list", || {
        app.count("[data-testid=card-review]") == 0
            && due_cards(&app, "#history-panel").len() == expected.len() - 1
    });
    assert!(!due_cards(&app, "#history-panel").contains(&events));
    // It stays out after a reload: the grade is stored.
    close_history(&app);
    app.reload();
    open_history(&app, "Due today");
    wait_due(
        &app,
        &expected
            .iter()
            .filter(|c| **c != events)
            .cloned()
            .collect::<Vec<_>>(),
    );
    app.check_page();
}

#[test]
fn missed_items_are_due_the_next_day_while_the_review_stays_open() {
    let _lock = browser_lock();
    let app = App::open();
    let expected = first_board_cards();
    let day = a_session_with_missed_items(&app);
    // The session stays in its Review (as it does until the user ends it or starts
    // another); the app is opened again the next day.
    app.advance_clock(until_local_midnight(&app) + MIN);
    app.reload();
    app.wait_for("the Review again", || {
        app.count("[data-testid=review] [data-testid=coverage]") == 1
    });
    open_history(&app, "Due today");
    wait_due(&app, &expected);
    let records = stored(&app);
    let attempt = records["attempts"].values().next().unwrap();
    assert_eq!(
        attempt["day"],
        json!(day),
        "the attempt keeps its day: {attempt}"
    );
    app.check_page();
}

#[test]
fn the_journal_saves_across_a_reload_and_its_topics_are_due_today() {
    let _lock = browser_lock();
    let app = App::open();
    let id = write_journal_entry(&app, true, Some("history-journal-form.png"));
    let date = local_date(&app);
    let title = format!("Acme, Staff engineer (System design, {date})");
    let meta = vec![
        "I knew it but could not access it".to_string(),
        "Topics: Consistent hashing, Leader election".to_string(),
    ];
    assert_eq!(journal_entry(&app, &id), (title.clone(), meta.clone()));
    close_history(&app);

    app.reload();
    open_history(&app, "Interview journal");
    app.wait_for("the entry after a reload", || {
        app.count("[data-testid=journal-entry]") == 1
    });
    assert_eq!(journal_entry(&app, &id), (title, meta));
    app.screenshot("history-journal.png");

    // Its topics are cards due today.
    open_history(&app, "Due today");
    app.wait_for("the topic cards", || {
        due_cards(&app, "#history-panel").len() == 2
    });
    assert_eq!(
        due_cards(&app, "#history-panel"),
        [
            format!("t:{id}:consistent hashing"),
            format!("t:{id}:leader election")
        ]
    );
    let texts = texts(&app, "#history-panel [data-testid=due-item] .due-text");
    assert_eq!(texts, ["Consistent hashing", "Leader election"]);
    app.check_page();
}

#[test]
fn export_then_import_into_a_fresh_profile_restores_everything() {
    let _lock = browser_lock();
    let dir = download_dir("history-export");
    let first = App::open();
    first.driver.cdp(
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": dir.to_str().unwrap() }),
    );
    // An attempt (a free-practice check saved) and a journal entry.
    first.check_a_small_board();
    first.click_text(".check-panel button", "Save as an attempt");
    first.wait_for("the attempt saved", || {
        first
            .notice()
            .starts_with("Saved as an attempt in your practice history.")
    });
    let entry = write_journal_entry(&first, true, None);
    let kept = stored(&first);
    assert_eq!(kept["attempts"].len(), 1, "{kept:?}");
    assert_eq!(kept["bodies"].len(), 1);
    assert_eq!(ids(&kept, "journal"), std::slice::from_ref(&entry));
    let cards = kept["cards"].len();
    assert!(
        cards > 3,
        "the prompt, the missed items and two topics: {:?}",
        ids(&kept, "cards")
    );

    open_history(&first, "Your data");
    first.click_text(&format!("{HISTORY} button"), "Export history");
    let file = downloaded(&dir, "breadthfirst-history-");
    let name = file.file_name().unwrap().to_str().unwrap().to_string();
    first.wait_for("the export's notice", || {
        history_notice(&first)
            == format!("Exported 1 attempt, {cards} cards and 1 journal entry to {name}.")
    });
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(doc["format"], "breadthfirst-history");
    assert_eq!(doc["version"], 1);
    let listed = |list: &str, id: &dyn Fn(&Value) -> &Value| -> Vec<String> {
        let mut v: Vec<String> = doc[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| id(r).as_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        listed("attempts", &|r| &r["attempt"]["id"]),
        ids(&kept, "attempts")
    );
    assert_eq!(listed("cards", &|r| &r["id"]), ids(&kept, "cards"));
    assert_eq!(listed("journal", &|r| &r["id"]), ids(&kept, "journal"));
    let attempt = ids(&kept, "attempts")[0].clone();
    drop(first);

    // A fresh profile (a new browser, served at another origin) has no history.
    let second = App::open();
    open_history(&second, "Attempts");
    second.wait_for("the empty list", || {
        second
            .driver
            .find("#history-panel")
            .text()
            .contains("No attempts yet")
    });
    open_history(&second, "Your data");
    import_history(&second, &file);
    second.wait_for("the import's notice", || {
        history_notice(&second)
            == format!("Imported {name}: 1 attempt, {cards} cards and 1 journal entry.")
    });
    assert_eq!(stored(&second), kept, "every record as it was exported");
    open_history(&second, "Attempts");
    second.wait_for("the imported attempt", || {
        attempt_ids(&second) == [attempt.clone()]
    });
    // Opened, it shows the board it was made on.
    second.click_text("[data-testid=attempt] button", "Open");
    second.wait_for("the imported attempt's board", || {
        second.count("[data-testid=attempt-final-board] svg .node") == 4
    });
    open_history(&second, "Interview journal");
    second.wait_for("the imported entry", || {
        attr_list(&second, "[data-testid=journal-entry]", "data-entry") == [entry.clone()]
    });
    // The imported cards are due when they were: the journal's topics today, the
    // check's items tomorrow.
    open_history(&second, "Due today");
    second.wait_for("the imported cards, the topics due today", || {
        due_cards(&second, "#history-panel")
            == [
                format!("t:{entry}:consistent hashing"),
                format!("t:{entry}:leader election"),
            ]
    });

    // The same file again adds nothing.
    open_history(&second, "Your data");
    import_history(&second, &file);
    let all = 1 + cards + 1;
    second.wait_for("the second import's notice", || {
        history_notice(&second)
            == format!(
                "Imported {name}: 0 attempts, 0 cards and 0 journal entries; {all} already here, kept as they were."
            )
    });
    assert_eq!(stored(&second), kept);

    // A board file is refused, and nothing changes.
    let board = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/complete-url-shortener.json");
    import_history(&second, &board);
    second.wait_for("the refusal", || {
        history_notice(&second).starts_with("Could not import complete-url-shortener.json")
    });
    assert_eq!(
        history_notice(&second),
        "Could not import complete-url-shortener.json: this is a board file, not a history \
         file: open it with Import on the board. Nothing changed."
    );
    assert_eq!(stored(&second), kept);
    assert_eq!(
        second.count("[data-testid=node]"),
        0,
        "the board is left alone"
    );
    second.check_page();
    drop(second);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_second_tab_sees_what_the_first_writes_without_a_reload() {
    let _lock = browser_lock();
    let app = App::open();
    let (first, second) = app.second_tab(0);
    open_history(&app, "Interview journal");
    app.switch_to(&first);
    let id = write_journal_entry(&app, true, None);
    // The second tab's history, open all along, reads it again when told.
    app.switch_to(&second);
    app.wait_for("the entry in the second tab", || {
        attr_list(&app, "[data-testid=journal-entry]", "data-entry") == [id.clone()]
    });
    // And a card graded there is not put back by the first tab's stale copy.
    open_history(&app, "Due today");
    app.wait_for("the topic cards in the second tab", || {
        due_cards(&app, "#history-panel").len() == 2
    });
    app.driver
        .find("#history-panel [data-testid=due-item] button")
        .click();
    app.click_text("[data-testid=card-review] button", "Show the answer");
    app.driver
        .find("[data-testid=card-review] button[data-grade=good]")
        .click();
    app.wait_for("one card left in the second tab", || {
        due_cards(&app, "#history-panel").len() == 1
    });
    app.switch_to(&first);
    open_history(&app, "Due today");
    app.wait_for("one card left in the first tab too", || {
        due_cards(&app, "#history-panel").len() == 1
    });
    app.check_page();
}

#[test]
fn an_attempt_deleted_by_mistake_comes_back_with_undo() {
    let _lock = browser_lock();
    let app = App::open();
    app.check_a_small_board();
    app.click_text(".check-panel button", "Save as an attempt");
    app.wait_for("the attempt saved", || {
        app.notice()
            .starts_with("Saved as an attempt in your practice history.")
    });
    open_history(&app, "Attempts");
    app.wait_for("the attempt", || attempt_ids(&app).len() == 1);
    let id = attempt_ids(&app)[0].clone();
    let before = stored(&app);
    app.driver
        .find("[data-testid=attempt] button.danger")
        .click();
    app.wait_for("the attempt gone", || attempt_ids(&app).is_empty());
    assert!(history_notice(&app).starts_with("Deleted the attempt at"));
    let gone = stored(&app);
    assert!(
        gone["attempts"].is_empty() && gone["bodies"].is_empty(),
        "{gone:?}"
    );
    assert!(
        gone["cards"].is_empty(),
        "the cards it made go with it: {gone:?}"
    );
    app.click_text(".history-notice button", "Undo");
    app.wait_for("the attempt back", || attempt_ids(&app) == [id.clone()]);
    assert_eq!(stored(&app), before, "everything it had is back");
    app.check_page();
}

#[test]
fn delete_all_my_data_says_what_it_removes_and_starts_afresh() {
    let _lock = browser_lock();
    let app = App::open();
    app.check_a_small_board();
    app.click_text(".check-panel button", "Save as an attempt");
    app.wait_for("the attempt saved", || {
        app.notice()
            .starts_with("Saved as an attempt in your practice history.")
    });
    write_journal_entry(&app, true, None);
    let kept = stored(&app);
    let cards = kept["cards"].len();
    open_history(&app, "Your data");
    app.click_text(&format!("{HISTORY} button"), "Delete all my data");
    // The browser's confirmation says what goes; accepted, it goes.
    let question = app.driver.dialog_text();
    assert!(
        question.starts_with(&format!(
            "Delete everything Breadthfirst keeps in this browser: 1 attempt, {cards} cards and 1 journal entry, and"
        )),
        "{question}"
    );
    app.driver.accept_dialog();
    app.wait_for("what was removed", || {
        history_notice(&app).starts_with(&format!(
            "Deleted 1 attempt, {cards} cards and 1 journal entry, and"
        ))
    });
    let gone = stored(&app);
    assert!(gone.values().all(BTreeMap::is_empty), "{gone:?}");
    // Closing the dialog starts the app afresh: an empty board, no prompt.
    close_history(&app);
    app.wait_for("a fresh app", || {
        app.count("[data-testid=canvas]") == 1 && app.count("[data-testid=node]") == 0
    });
    let keys = app.js(
        "return Object.keys(localStorage).filter(k => k.startsWith('breadthfirst.prompt') || k.startsWith('breadthfirst.claims'))",
    );
    assert_eq!(keys, json!([]), "the prompt and claims went too");
    app.check_page();
}
