//! Leptos components. They read state from one context ([`state::BoardState`]) and
//! change it only by dispatching editor actions.

mod app;
mod arrow_view;
mod autosave;
mod boards;
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
    // In debug builds a panic shows its message and place as an uncaught error in the
    // console; release builds leave the formatting out of the first load (a panic
    // there still surfaces as an uncaught error, without the message).
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(|info| wasm_bindgen::throw_str(&info.to_string())));
    leptos::mount::mount_to_body(App);
}
