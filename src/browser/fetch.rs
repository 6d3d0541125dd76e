//! Fetching a text file served beside the app.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// GETs `url` (relative to the page) and returns its body as text, or why not.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
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
