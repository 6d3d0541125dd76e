//! A board of 1,000 components, 1,500 arrows and 50 frames, imported through the
//! file picker: the page mounts only what is on screen, on the canvas and in the
//! outline, and panning, scrolling and Tab bring the rest in; zoomed out below 30%
//! it is a few paths in which a click still picks a box; in headless Chromium.

mod support;

#[path = "bench/drag_board.rs"]
mod drag_board;

use breadthfirst::core::editor::Viewport;
use breadthfirst::core::persist;
use serde_json::Value;
use std::collections::HashSet;
use support::app::App;
use support::{browser_lock, Key};

/// Boxes mounted and not selected (the last selected box stays mounted anywhere).
fn mounted_ids(app: &App) -> HashSet<String> {
    let v = app.js(
        "return [...document.querySelectorAll('[data-testid=node]:not([aria-pressed=true])')]\
         .map(n => n.dataset.id)",
    );
    serde_json::from_value(v).unwrap()
}

/// (aria-posinset, aria-setsize) of the first mounted row of the components' list,
/// and how many rows it mounts.
fn component_rows(app: &App) -> (u64, u64, u64) {
    let v = app.js(
        "const rows = document.querySelectorAll('#outline-components ~ ul > li'); \
         if (!rows.length) return [0, 0, 0]; \
         return [+rows[0].getAttribute('aria-posinset'), +rows[0].getAttribute('aria-setsize'), rows.length];",
    );
    let v: Vec<u64> = serde_json::from_value(v).unwrap();
    (v[0], v[1], v[2])
}

fn focused_row(app: &App) -> Value {
    app.js(
        "const b = document.activeElement; \
         return b && b.classList.contains('outline-row') ? +b.parentElement.getAttribute('aria-posinset') : null;",
    )
}

#[test]
fn a_thousand_component_board_mounts_only_what_is_on_screen_and_brings_the_rest_in() {
    let _lock = browser_lock();
    let app = App::open();
    let board = drag_board::grid_board(1000, 1500, true);
    let total = board.components().len() as u64;
    let text = persist::to_json(&board, &Viewport::default());
    app.import_file("big.json", &text);
    app.wait_for("the big board's outline", || {
        component_rows(&app).1 == total
    });
    // The import shows the whole board; at 100% a screenful of it.
    app.driver.find("button[aria-label=\"Reset zoom\"]").click();

    // The canvas mounts a screenful of boxes and arrows, not the board.
    let first = mounted_ids(&app);
    let edges = app.count("[data-testid=edge]");
    assert!(
        (10..200).contains(&first.len()) && (10..300).contains(&edges),
        "{} boxes and {edges} arrows mounted",
        first.len()
    );
    // The outline mounts a screenful of rows, each knowing its place in the list.
    let (start, size, rows) = component_rows(&app);
    assert_eq!((start, size), (1, total));
    assert!(rows < 80, "{rows} rows mounted");
    app.check_page();

    // Zoomed out below 30% the board is a few paths; a click still picks a box.
    let target = app.js(
        "const c = document.querySelector('[data-testid=canvas]').getBoundingClientRect(); \
         const n = [...document.querySelectorAll('[data-testid=node]')].find(n => { \
           const r = n.getBoundingClientRect(); \
           return r.left > c.left + 120 && r.right < c.right - 120 && r.top > c.top + 120 && r.bottom < c.bottom - 120; }); \
         const r = n.getBoundingClientRect(); \
         return [n.dataset.id, r.left + r.width / 2, r.top + r.height / 2, c.left + c.width / 2, c.top + c.height / 2];",
    );
    let id = target[0]
        .as_str()
        .expect("a box near the middle")
        .to_string();
    let at = |i: usize| target[i].as_f64().unwrap();
    for _ in 0..7 {
        app.driver.press_keys(&[Key::Char('-')]);
    }
    app.wait_for("the far view", || {
        app.count("[data-testid=far-view] path") >= 3
    });
    assert_eq!(app.count("[data-testid=node]"), 0, "nothing else mounted");
    assert_eq!(app.count("[data-testid=edge]"), 0);
    // The view zooms about its centre: the box is 1.2^-7 as far from it.
    let z = 1.2f64.powi(-7);
    let (cx, cy) = (at(3), at(4));
    let far_point = (cx + (at(1) - cx) * z, cy + (at(2) - cy) * z);
    app.driver.click_at(far_point);
    app.wait_for("a click in the far view to select the box", || {
        app.count(&format!(
            "[data-testid=node][data-id=\"{id}\"][aria-pressed=true]"
        )) == 1
    });
    assert_eq!(
        app.count("[data-testid=node]"),
        1,
        "only the selected box mounts"
    );
    app.driver.press_keys(&[Key::Escape]);
    app.driver.find("button[aria-label=\"Reset zoom\"]").click();
    app.wait_for("the near view again", || {
        app.count("[data-testid=far-view]") == 0 && app.count("[data-testid=node]") > 10
    });

    // Pan 2,200 px right with the wheel: what was on screen leaves the page, the
    // boxes now in view arrive.
    let canvas = app.driver.find("[data-testid=canvas]").center();
    for _ in 0..11 {
        app.driver.wheel_at(&[], canvas, (200.0, 0.0));
    }
    app.wait_for("the pan to mount other boxes", || {
        let now = mounted_ids(&app);
        !now.is_empty() && now.is_disjoint(&first)
    });

    // Scroll the outline: rows further down are mounted in place of the first.
    let outline = app.driver.find("#outline-components").center();
    for _ in 0..20 {
        app.driver.wheel_at(&[], outline, (0.0, 400.0));
    }
    app.wait_for("the outline to mount later rows", || {
        component_rows(&app).0 > 100
    });
    let (start, size, rows) = component_rows(&app);
    assert_eq!(size, total);
    assert!(rows < 80, "{rows} rows mounted from row {start}");

    // Tab walks the list past every screenful: a click on a row in view, then Tab
    // 60 times lands 60 rows further down.
    let row = app.js(
        "const ul = document.querySelector('#outline-components ~ ul'); \
         const p = ul.closest('[data-scroll-panel]').getBoundingClientRect(); \
         const r = [...ul.querySelectorAll('li')].find(li => { \
           const b = li.getBoundingClientRect(); return b.top > p.top + 40 && b.bottom < p.bottom - 40; }); \
         return r ? +r.getAttribute('aria-posinset') : null;",
    );
    let row = row.as_u64().expect("a row in view");
    let button = app.driver.find(&format!(
        "#outline-components ~ ul > li[aria-posinset=\"{row}\"] > button"
    ));
    button.click();
    assert_eq!(focused_row(&app).as_u64(), Some(row));
    for _ in 0..60 {
        app.driver.press_keys(&[Key::Tab]);
    }
    app.wait_for("Tab to reach the row 60 further", || {
        focused_row(&app).as_u64() == Some(row + 60)
    });
    assert!(component_rows(&app).2 < 80);
    app.check_page();
}
