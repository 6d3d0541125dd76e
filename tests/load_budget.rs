//! The size limits of the built app (dist/, built by `./dev.sh test` before the
//! tests): the first load under its ceiling (its budget is not met yet; see
//! `bench/load.rs`), and what is fetched on demand under its budget.

#[path = "bench/load.rs"]
mod load;

use load::{
    history_total, kb, measure, total, FileSize, FIRST_LOAD_CEILING, HISTORY_BUDGET,
    ON_DEMAND_BUDGET,
};
use std::sync::OnceLock;

/// dist/ measured once for both tests (brotli at its best level takes seconds).
fn files() -> &'static [FileSize] {
    static FILES: OnceLock<Vec<FileSize>> = OnceLock::new();
    FILES.get_or_init(|| measure(&load::dist_dir()))
}

#[test]
fn the_first_load_stays_under_its_ceiling() {
    let files = files();
    println!("{}", load::report(files));
    let (_, gzip, _) = total(files, false);
    assert!(
        files
            .iter()
            .any(|f| !f.on_demand && f.name.ends_with(".wasm")),
        "no app wasm in dist/: {files:?}"
    );
    assert!(
        gzip <= FIRST_LOAD_CEILING,
        "first load {} gzip is over its {} ceiling:\n{}",
        kb(gzip),
        kb(FIRST_LOAD_CEILING),
        load::report(files)
    );
}

#[test]
fn what_is_fetched_on_demand_fits_its_budget() {
    let files = files();
    let (_, gzip, _) = total(files, true);
    assert!(
        files
            .iter()
            .any(|f| f.on_demand && f.name.starts_with("checker")),
        "no worker in dist/: {files:?}"
    );
    assert!(
        gzip <= ON_DEMAND_BUDGET,
        "on-demand modules {} gzip are over their {} budget:\n{}",
        kb(gzip),
        kb(ON_DEMAND_BUDGET),
        load::report(files)
    );
}

#[test]
fn the_history_module_fits_its_budget_and_is_not_in_the_first_load() {
    let files = files();
    assert!(
        files
            .iter()
            .any(|f| f.history && f.name == "history_bg.wasm"),
        "no history module in dist/: {files:?}"
    );
    // The page names only the loader, which fetches nothing until it is called
    // (browser_history_load checks that in Chromium).
    let html = std::fs::read_to_string(load::dist_dir().join("index.html")).unwrap();
    assert!(
        html.contains("history_loader.js"),
        "no history loader in index.html"
    );
    assert!(
        !html.contains("history.js") && !html.contains("history_bg.wasm"),
        "index.html loads the history module up front"
    );
    let (_, gzip, _) = history_total(files);
    assert!(
        gzip <= HISTORY_BUDGET,
        "the history module {} gzip is over its {} budget:\n{}",
        kb(gzip),
        kb(HISTORY_BUDGET),
        load::report(files)
    );
}
