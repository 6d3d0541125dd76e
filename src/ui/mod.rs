//! Leptos components. They read state from one context ([`state::BoardState`]) and
//! change it only by dispatching editor actions.

mod app;
mod appearance;
mod arrow_view;
mod autosave;
mod boards;
mod canvas;
mod clipboard;
mod component_view;
mod export;
mod figure;
mod follow_ups;
pub mod history;
mod history_link;
mod icon;
mod inline_edit;
mod keyboard;
mod library;
mod mirror;
mod modal;
mod notes;
mod notices;
mod outline;
mod palette;
mod practice;
mod quick_add;
mod report;
mod review;
mod review_page;
mod session_panel;
mod shortcuts;
mod state;
mod timeline_link;
mod toolbar;
mod touch;
mod virtual_list;
mod worker;
mod worksheet;

pub use app::App;

/// Mounts the app on the page body.
pub fn mount() {
    crate::browser::crash::install();
    leptos::mount::mount_to_body(App);
}
