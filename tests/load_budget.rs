//! The size budgets of the built app (dist/, built by `./dev.sh test` before the
//! tests): the first load, and what is fetched on demand.

#[path = "bench/load.rs"]
mod load;

use load::{kb, measure, total, FIRST_LOAD_BUDGET, ON_DEMAND_BUDGET};

#[test]
fn the_first_load_fits_its_budget() {
    let files = measure(&load::dist_dir());
    println!("{}", load::report(&files));
    let (_, gzip, _) = total(&files, false);
    assert!(
        files
            .iter()
            .any(|f| !f.on_demand && f.name.ends_with(".wasm")),
        "no app wasm in dist/: {files:?}"
    );
    assert!(
        gzip <= FIRST_LOAD_BUDGET,
        "first load {} gzip is over its {} budget:\n{}",
        kb(gzip),
        kb(FIRST_LOAD_BUDGET),
        load::report(&files)
    );
}

#[test]
fn what_is_fetched_on_demand_fits_its_budget() {
    let files = measure(&load::dist_dir());
    let (_, gzip, _) = total(&files, true);
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
        load::report(&files)
    );
}
