//! Entry point of the history module (see `ui::history`): a second wasm module the
//! app fetches on first use (`history_loader.js`). It exports one function, `connect`.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

fn main() {}

/// Starts the history module; returns the function the app sends requests to.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn connect(to_app: js_sys::Function) -> js_sys::Function {
    breadthfirst::ui::history::connect(to_app)
}
