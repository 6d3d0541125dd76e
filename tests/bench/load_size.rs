//! Prints what the built app weighs: each file of the first load and of what is
//! fetched on demand, raw, gzip and brotli, against their budgets.

#[path = "load.rs"]
mod load;

fn main() {
    let files = load::measure(&load::dist_dir());
    print!("{}", load::report(&files));
}
