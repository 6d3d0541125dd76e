//! Fetching a text file served beside the app.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// GETs `url` (relative to the page or worker script) and returns its body as text,
/// or why not. Works in a window and in a web worker.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let global = js_sys::global();
    let request = if let Some(window) = global.dyn_ref::<web_sys::Window>() {
        window.fetch_with_str(url)
    } else if let Some(worker) = global.dyn_ref::<web_sys::WorkerGlobalScope>() {
        worker.fetch_with_str(url)
    } else {
        return Err("no fetch in this context".into());
    };
    let response = JsFuture::from(request)
        .await
        .map_err(|e| format!("network error: {e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().map_err(|e| format!("{e:?}"))?;
    JsFuture::from(text)
        .await
        .map_err(|e| format!("{e:?}"))?
        .as_string()
        .ok_or_else(|| "the body is not text".to_string())
}
