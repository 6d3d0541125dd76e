// The page's side of the service worker (sw.js, written into each build from
// src/browser/sw.js). A module beside the app's start script, it does not wait for
// the app's WebAssembly: the first visit starts caching at once, and a waiting build
// is applied as the page starts.
//
// It tells the app of a new build through the DOM: <html data-update="ready"> (a new
// build waits) or "busy" (the user asked, but other tabs of the app are open), and
// a "breadthfirst-update" event on window each time that changes. The app's banner
// answers with a "breadthfirst-apply" event on window when the user asks to reload.
//
// Updates never mix builds: a new build's worker waits until this tab is the app's
// only one, then takes over and the page reloads. A plain reload of the only tab
// applies a waiting build as the page starts; an open tab is never reloaded unasked.

const CHECK_EVERY_MS = 30 * 60 * 1000;

function tell(update) {
  document.documentElement.dataset.update = update;
  window.dispatchEvent(new Event("breadthfirst-update"));
}

// Resolves once the page has loaded and a moment has passed.
function loaded() {
  return new Promise((resolve) => {
    const settle = () => setTimeout(resolve, 500);
    if (document.readyState === "complete") settle();
    else window.addEventListener("load", settle, { once: true });
  });
}

async function start() {
  const container = navigator.serviceWorker;
  let applying = false;
  // A tab closed a moment before a reload may still be counted: the attempt made as
  // the page starts is made once more before the banner says other tabs are open.
  let retry = false;
  container.addEventListener("message", (event) => {
    if (event.data !== "busy") return;
    applying = false;
    if (retry) {
      retry = false;
      setTimeout(apply, 1500);
    } else {
      tell("busy");
    }
  });
  container.addEventListener("controllerchange", () => {
    if (applying) location.reload();
  });
  const apply = async () => {
    const registration = await container.getRegistration();
    if (registration && registration.waiting) {
      applying = true;
      registration.waiting.postMessage("apply");
    }
  };
  window.addEventListener("breadthfirst-apply", apply);

  const registration = await container.register("sw.js", { updateViaCache: "none" });
  // An older build is active while a newer one waits: this page runs the older.
  if (registration.active && registration.waiting) {
    tell("ready");
    // Once the page's own files have arrived: the older build's worker takes the
    // newer one's turn only when it has no request in hand.
    await loaded();
    retry = true;
    apply();
  }
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed" && registration.active) tell("ready");
    });
  });
  // Each start looks for a new build (the browser's own check on navigation is not
  // always made), then every half hour and whenever the tab shows again. Offline,
  // the check fails quietly and is made again later.
  const check = () => registration.update().catch(() => {});
  check();
  setInterval(check, CHECK_EVERY_MS);
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) check();
  });
}

// Service workers exist only in secure contexts (https, or http on localhost).
if ("serviceWorker" in navigator) {
  start().catch((error) => console.warn("Breadthfirst will not work offline:", error));
}
