//! Leptos components. They read state from one context ([`state::BoardState`]) and
//! change it only by dispatching editor actions.

mod app;
mod arrow_view;
mod autosave;
mod canvas;
mod component_view;
mod export;
mod icon;
mod inline_edit;
mod keyboard;
mod library;
mod mirror;
mod notes;
mod notices;
mod outline;
mod palette;
mod practice;
mod review;
mod session_panel;
mod state;
mod toolbar;

pub use app::App;

/// Mounts the app on the page body.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
