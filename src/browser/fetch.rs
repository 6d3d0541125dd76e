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

/// Which reader a fetched prompt goes through: the whole prompt (checklist included)
/// or what the app shows.
pub type PromptReader = fn(
    &str,
) -> (
    Vec<crate::core::prompt::Prompt>,
    Vec<crate::core::prompt::BadPromptFile>,
);

/// Fetches prompt `id` (served as `prompts/<id>.txt`) and reads it with `read`; a
/// malformed id, a failed fetch or a file that does not read is an error saying so.
pub async fn fetch_prompt(
    id: &str,
    read: PromptReader,
) -> Result<crate::core::prompt::Prompt, String> {
    // Ids come from storage and imported files: only a prompt file name is fetched.
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(format!("\"{id}\" is not a prompt of this library"));
    }
    let text = fetch_text(&format!("prompts/{id}.txt")).await?;
    let (mut prompts, bad) = read(&text);
    match (prompts.pop(), bad.first()) {
        (Some(prompt), _) if prompt.id == id => Ok(prompt),
        (_, Some(bad)) => Err(format!("{} has {} problems", bad.file, bad.errors.len())),
        _ => Err(format!("prompts/{id}.txt holds another prompt")),
    }
}
