//! History benchmark (issue 15), in headless Chromium on the release build: the
//! first open of the history (the module fetched, started and its empty history
//! read), an import of 500 attempts through "Import history…", the open after a
//! reload (500 attempts read from IndexedDB), and the Progress tab opened with 500
//! attempts: from the click to its three charts painted, p50/p95/max over repeated
//! opens, against the 200 ms budget. Run with `./dev.sh bench`.

mod percentiles;
#[path = "../support/mod.rs"]
mod support;

use breadthfirst::core::check::Category;
use breadthfirst::core::history::{
    to_history_json, Attempt, AttemptKind, BreadthMark, CategoryScore, History,
};
use breadthfirst::core::session::{EndedBy, Level, Milestones, Phase, PhaseRecord};
use percentiles::summary;
use serde_json::Value;
use support::app::App;

/// Attempts in the history.
const ATTEMPTS: usize = 500;
/// Progress opens measured.
const OPENS: usize = 12;
/// Progress with 500 attempts, click to painted.
const PROGRESS_BUDGET_MS: f64 = 200.0;

/// Notes when the element matching `arguments[0]` appears `arguments[1]` times
/// (then two animation frames later: painted), timed from the next pointerdown.
const PROBE: &str = r#"
const css = arguments[0], count = arguments[1];
window.__bench = { down: null, shown: null };
addEventListener('pointerdown', () => { window.__bench.down = performance.now(); }, { capture: true, once: true });
new MutationObserver((_, observer) => {
  if (window.__bench.down === null || document.querySelectorAll(css).length < count) return;
  observer.disconnect();
  requestAnimationFrame(() => requestAnimationFrame(() => { window.__bench.shown = performance.now(); }));
}).observe(document, { childList: true, subtree: true });
"#;

/// 500 attempts over a year, at the library's prompts, scores drifting upwards.
fn history() -> History {
    let prompts = [
        ("url-shortener", "Design a URL shortener"),
        ("chat", "Design a chat service"),
        ("news-feed", "Design a news feed"),
        ("rate-limiter", "Design a distributed rate limiter"),
        ("ticket-booking", "Design a ticket booking system"),
    ];
    let attempts = (0..ATTEMPTS)
        .map(|i| {
            let (id, title) = prompts[i % prompts.len()];
            let grow = (i * 60 / ATTEMPTS) as u32;
            let score = |category, total: u32, k: usize| CategoryScore {
                category,
                found: ((total * (30 + grow)) / 100 + (k + i) as u32 % 2).min(total),
                claimed: u32::from(i % 3 == 0).min(total),
                total,
            };
            let at_ms = 1_760_000_000_000.0 + i as f64 * 63_072_000.0;
            let phase = |phase, planned: f64, extra: f64| PhaseRecord {
                phase,
                planned_ms: planned * 60_000.0,
                actual_ms: (planned + extra) * 60_000.0,
                ended_by: EndedBy::User,
            };
            Attempt {
                id: format!("t{}", at_ms as u64),
                prompt_id: id.into(),
                prompt_title: title.into(),
                kind: AttemptKind::Timed,
                level: Some(Level::L5),
                minutes: 45,
                at_ms,
                day: (at_ms / 86_400_000.0) as i64,
                phases: vec![
                    phase(Phase::Requirements, 5.0, (i % 4) as f64),
                    phase(Phase::Breadth, 9.0, 0.0),
                    phase(Phase::Focus, 2.0, (i % 2) as f64),
                    phase(Phase::Depth, 17.0, (i % 5) as f64),
                    phase(Phase::FailureModes, 12.0, 0.0),
                ],
                breadth: Some(BreadthMark {
                    components_found: 3 + (i % 5) as u32,
                    components_total: 8,
                    flows_found: (i % 4) as u32,
                    flows_total: 4,
                    milestones: Milestones {
                        entry_ms: Some(240_000.0),
                        store_ms: Some(420_000.0),
                        connected_ms: (i % 3 != 0).then_some(780_000.0),
                    },
                }),
                depth_refusals: (i % 3) as u32,
                scores: vec![
                    score(Category::Components, 8, 0),
                    score(Category::Flows, 4, 1),
                    score(Category::Depth, 3, 2),
                    score(Category::Failure, 5, 3),
                    score(Category::Hygiene, 2, 4),
                ],
                found: vec!["component:client".into()],
                missed: vec!["failure:0".into(), "flow:1".into()],
                claimed: Vec::new(),
                curveball: None,
            }
        })
        .map(|a| (a, None))
        .collect();
    History {
        attempts,
        cards: Vec::new(),
        journal: Vec::new(),
    }
}

fn number(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

/// Clicks the element matching `css` (a real click), timing it until `until`
/// appears `count` times and is painted; milliseconds.
fn timed_click(app: &App, css: &str, until: &str, count: usize) -> f64 {
    app.driver.execute(PROBE, vec![until.into(), count.into()]);
    app.driver.find(css).click();
    app.wait_for(until, || !app.js("return window.__bench.shown").is_null());
    number(&app.js("return window.__bench.shown - window.__bench.down"))
}

fn main() {
    let _lock = support::browser_lock();
    let app = App::open();
    let open = "button[aria-label='Practice history']";
    let first = timed_click(&app, open, "[role=tab]", 5);
    println!(
        "first open of the history (module fetched and started, empty history read): {first:.0} ms"
    );

    // 500 attempts through the Import button.
    app.driver.find("#history-tab-data").click();
    app.wait_for("the data tab", || app.count("input[type=file]") >= 1);
    let text = to_history_json(&history(), "bench");
    println!(
        "history file: {ATTEMPTS} attempts, {:.1} KB",
        text.len() as f64 / 1024.0
    );
    let path = support::unique_temp_dir("breadthfirst-history").join("history.json");
    std::fs::write(&path, &text).unwrap();
    let started = std::time::Instant::now();
    app.driver
        .find(".history input[type=file]")
        .send_keys(path.to_str().unwrap());
    app.wait_for("the import", || {
        app.js("const n = document.querySelector('.history-notice'); return n ? n.textContent : ''")
            .as_str()
            .is_some_and(|t| t.contains("Imported"))
    });
    println!(
        "import of {ATTEMPTS} attempts (read, merged, written in one transaction): {} ms",
        started.elapsed().as_millis()
    );

    // From IndexedDB after a reload.
    app.reload();
    let reopen = timed_click(&app, open, "[role=tab]", 5);
    println!("open after a reload ({ATTEMPTS} attempts read from IndexedDB): {reopen:.0} ms");
    let mut progress = Vec::new();
    for _ in 0..OPENS {
        progress.push(timed_click(
            &app,
            "#history-tab-progress",
            "[data-testid=progress-chart]",
            3,
        ));
        app.driver.find("#history-tab-attempts").click();
        app.wait_for("the attempts", || app.count("[data-testid=attempt]") > 0);
    }
    let (p50, p95, max) = summary(&progress);
    println!(
        "Progress with {ATTEMPTS} attempts, click to painted: p50 {p50:.0} ms, p95 {p95:.0} ms, max {max:.0} ms (budget {PROGRESS_BUDGET_MS:.0} ms: {})",
        if p95 <= PROGRESS_BUDGET_MS { "within" } else { "OVER" }
    );
    app.check_page();
}
