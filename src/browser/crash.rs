//! The crash screen. A panic (or a WebAssembly trap) leaves the app unable to go on;
//! rather than dying silently, the page shows the static "Something went wrong"
//! card from index.html with the message, and logs the message to the console.
//! Nothing here touches the app's state: it may be mid-update when this runs.

use super::dom;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Shows the crash card with `message`, and logs it as an error.
pub fn show(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
    if let Some(detail) = dom::query("#crash-detail") {
        detail.set_text_content(Some(message));
    }
    if let Some(card) = dom::query("#crash") {
        let _ = card.remove_attribute("hidden");
    }
}

/// Shows the crash card on any panic, and on a WebAssembly trap that is not one.
pub fn install() {
    std::panic::set_hook(Box::new(|info| show(&info.to_string())));
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(|ev: web_sys::ErrorEvent| {
        let is_trap = ev
            .error()
            .dyn_ref::<js_sys::Error>()
            .is_some_and(|e| e.name() == "RuntimeError");
        if is_trap {
            show(&ev.message());
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref());
    }
    on_error.forget();
}
