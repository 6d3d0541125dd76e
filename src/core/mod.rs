//! The pure core: diagram model, editing, persistence.
//!
//! Invariant: nothing under `core` imports a web crate (leptos, web-sys, js-sys,
//! wasm-bindgen), reads a clock or draws randomness. `tests/architecture.rs` enforces it.

pub mod calendar;
pub mod check;
pub mod decimal;
pub mod diagram;
pub mod editor;
pub mod estimate;
pub mod export;
pub mod history;
pub mod import;
pub mod persist;
pub mod prompt;
pub mod protocol;
pub mod repetition;
pub mod rows;
pub mod session;
