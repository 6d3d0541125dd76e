//! Breadthfirst: practise system-design interviews breadth-first.
//!
//! The crate is layered one way: [`core`] is pure Rust (no browser, no clock, no
//! randomness) and runs natively under `cargo test`; `browser` wraps the Web APIs the
//! app needs; `ui` holds the Leptos components. Only `core` is compiled for native
//! targets.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;
