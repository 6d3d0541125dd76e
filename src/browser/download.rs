//! Saving text or a blob as a file the user downloads.

use wasm_bindgen::{JsCast, JsValue};

/// An object URL for `text` as a blob of type `mime` (revoke it when done).
pub fn object_url(text: &str, mime: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// Offers `text` as a download named `file_name`.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let url = object_url(text, mime)?;
    save(file_name, &url)
}

/// Offers a blob as a download named `file_name`.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    save(file_name, &url)
}

fn save(file_name: &str, url: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(url)
}
