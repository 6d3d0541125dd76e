// Starts the app's web worker (src/checker.rs, built by trunk as checker.js and
// checker_bg.wasm): browser/worker.rs opens this script. wasm-bindgen's init takes
// an object; the bare path that trunk's own loader shim passes is deprecated.
importScripts("./checker.js");
wasm_bindgen({ module_or_path: "./checker_bg.wasm" });
