// The history module's loader (src/history.rs, built by trunk as history.js and
// history_bg.wasm). Part of the first load, but it fetches nothing until the app
// calls it: `breadthfirstHistory(onMessage)` loads the module once, connects it (its
// messages go to onMessage) and resolves to the function requests are sent to.
(() => {
  let started = null;
  window.breadthfirstHistory = (onMessage) => {
    started ??= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = "./history.js";
      script.onload = () =>
        wasm_bindgen({ module_or_path: "./history_bg.wasm" })
          .then(() => resolve(wasm_bindgen.connect(onMessage)), reject);
      script.onerror = () => reject("the history module could not be fetched");
      document.head.append(script);
    });
    return started;
  };
})();
