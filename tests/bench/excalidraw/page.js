// Excalidraw full-window, for the side-by-side drag bench (../excalidraw_side.rs).
//
// window.__excalidraw: the excalidrawAPI, once mounted.
// window.__loadScene(elements, scrollX, scrollY): restores `elements` (a .excalidraw
//   file's elements), shows them with that scroll at zoom 1, and resolves with the
//   milliseconds from the call until the main thread is idle again with a frame drawn.

import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { CaptureUpdateAction, Excalidraw, restoreElements } from "@excalidraw/excalidraw";
import "@excalidraw/excalidraw/index.css";

let mounted;
const api = new Promise((resolve) => (mounted = resolve));

createRoot(document.getElementById("root")).render(
  createElement(Excalidraw, {
    excalidrawAPI: (x) => {
      window.__excalidraw = x;
      mounted(x);
    },
  }),
);

// Resolves once a message posted to the main thread comes back at once twice in a
// row: nothing else (React's scheduled work, effects drawing the canvases) was queued.
window.__idle = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    let sent = 0;
    let quick = 0;
    let since = 0;
    channel.port1.onmessage = () => {
      const now = performance.now();
      if (now - sent < 0.2) {
        if (quick++ === 0) since = sent;
        if (quick === 2) {
          channel.port1.close();
          resolve(since);
          return;
        }
      } else {
        quick = 0;
      }
      sent = performance.now();
      channel.port2.postMessage(0);
    };
    sent = performance.now();
    channel.port2.postMessage(0);
  });

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

window.__loadScene = async (elements, scrollX, scrollY) => {
  const excalidraw = await api;
  const t0 = performance.now();
  excalidraw.updateScene({
    elements: restoreElements(elements, null, { repairBindings: true }),
    appState: { scrollX, scrollY, zoom: { value: 1 } },
    captureUpdate: CaptureUpdateAction.NEVER,
  });
  await frame();
  await window.__idle();
  await frame();
  return performance.now() - t0;
};
