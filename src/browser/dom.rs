//! Small DOM helpers: element lookup, focus, sizes, time.

use wasm_bindgen::JsCast;

/// The document, if any.
pub fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Asks the user a yes/no question in the browser's own dialog; no window means no.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

/// Milliseconds since the epoch, from the browser clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The first element matching a CSS selector.
pub fn query(selector: &str) -> Option<web_sys::Element> {
    document()?.query_selector(selector).ok().flatten()
}

/// Moves keyboard focus to the element matching `selector`, if it exists.
pub fn focus(selector: &str) {
    let Some(el) = query(selector) else { return };
    if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus();
    }
}

/// Runs `f` after the next paint is scheduled (once the DOM has caught up).
pub fn after_render(f: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let cb = wasm_bindgen::closure::Closure::once_into_js(f);
        let _ = window.request_animation_frame(cb.unchecked_ref());
    }
}

/// Whether an event target takes typed text (or list keys), where shortcuts must not
/// fire. A checkbox, radio or button input does not.
pub fn is_text_field(target: &web_sys::EventTarget) -> bool {
    target.dyn_ref::<web_sys::Element>().is_some_and(|el| {
        match el.tag_name().to_ascii_lowercase().as_str() {
            "textarea" | "select" => true,
            "input" => !matches!(
                el.get_attribute("type")
                    .unwrap_or_default()
                    .to_ascii_lowercase()
                    .as_str(),
                "checkbox" | "radio" | "button" | "submit" | "reset" | "range" | "color" | "file"
            ),
            _ => el.has_attribute("contenteditable"),
        }
    })
}

/// Whether an event target is a button, link, checkbox (or other input that is not a
/// text field) or summary: Enter and Space belong to it.
pub fn is_control(target: &web_sys::EventTarget) -> bool {
    target.dyn_ref::<web_sys::Element>().is_some_and(|el| {
        matches!(
            el.tag_name().to_ascii_lowercase().as_str(),
            "button" | "a" | "input" | "summary"
        )
    })
}

/// The value of `<html data-{name}>`, where a script outside the app (offline.js)
/// leaves news for it.
pub fn root_data(name: &str) -> Option<String> {
    document()?
        .document_element()?
        .get_attribute(&format!("data-{name}"))
}

/// Fires a plain event named `name` on the window, for a script outside the app.
pub fn signal_window(name: &str) {
    if let (Some(w), Ok(event)) = (web_sys::window(), web_sys::Event::new(name)) {
        let _ = w.dispatch_event(&event);
    }
}

/// Reloads the page.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Whether an event target is inside a dialog or a menu, where board shortcuts must
/// not fire.
pub fn in_overlay(target: &web_sys::EventTarget) -> bool {
    target
        .dyn_ref::<web_sys::Element>()
        .and_then(|el| {
            el.closest("dialog, [role=menu], details[open]")
                .ok()
                .flatten()
        })
        .is_some()
}

/// Whether a modal dialog is showing (the board behind it is inert).
pub fn modal_open() -> bool {
    query("dialog[open]").is_some()
}

/// Today in the user's time zone, `yyyy-mm-dd`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}
