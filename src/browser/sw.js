// Breadthfirst's service worker: the app works offline after its first visit.
//
// The build (dev.sh post-build) writes this file into dist/ with VERSION and FILES
// filled in: every file of that build with its SHA-256. Installing fetches them all,
// checks each digest and stores them in one cache named after the version; a file
// that does not match (a deploy half done) fails the install, which is retried on a
// later visit. So a page is always served entirely by one build: its own cache.
//
// A new build waits (never skipWaiting on its own): the page shows "Update ready"
// and applies it when the user asks, and only while it is the app's only tab, so no
// open tab ever runs with files from two builds. The page (src/browser/offline.js)
// sends "apply"; the answer is "applying" or "busy".

const VERSION = "__VERSION__";
const FILES = __FILES__;
const PREFIX = "breadthfirst-";
const CACHE = PREFIX + VERSION;

const hex = (buffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

async function fetchChecked([path, digest]) {
  const response = await fetch(new Request(path, { cache: "no-store" }));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const body = await response.clone().arrayBuffer();
  const actual = hex(await crypto.subtle.digest("SHA-256", body));
  if (actual !== digest) throw new Error(`${path} is not the file of build ${VERSION}`);
  return [path, response];
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const fetched = await Promise.all(FILES.map(fetchChecked));
      const cache = await caches.open(CACHE);
      await Promise.all(fetched.map(([path, response]) => cache.put(path, response)));
    })(),
  );
});

// The first build installed takes the open tabs at once (they were loaded from the
// network a moment ago, so they run this build), so their later fetches (the prompt
// library, the checklist worker) come from its cache too. A later build replaces the
// older one's cache.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const older = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
      if (older.length === 0) await self.clients.claim();
      for (const name of older) await caches.delete(name);
    })(),
  );
});

// The path of a request inside the app's scope ("" is the app itself), or null.
function inScope(url) {
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  return url.pathname.slice(scope.pathname.length);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const path = inScope(url);
  if (path === null) return;
  // The app is the scope's own address or index.html, whatever the query (its state
  // is in storage, not in the URL); any other address is a file of the build, or not
  // ours at all (the network answers, as it would without this worker).
  const file = path === "" ? "index.html" : path;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(file, { ignoreSearch: file === "index.html" });
      return hit || fetch(request);
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data !== "apply") return;
  event.waitUntil(
    (async () => {
      const scope = self.registration.scope;
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const tabs = windows.filter((w) => w.url.startsWith(scope)).length;
      if (tabs <= 1) {
        await self.skipWaiting();
        event.source.postMessage("applying");
      } else {
        event.source.postMessage("busy");
      }
    })(),
  );
});
