(() => {
  "use strict";
  // The replay page's player. Each drawn piece carries the span of session time it is
  // on the board (data-t="from to" in milliseconds; no "to": until the end). The data
  // block gives the length, the phases and the sound clips. No text of the session is
  // ever written into the page here: the script only shows, hides and seeks.
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($("replay-data").textContent);
  const end = data.end;
  const pieces = Array.from(document.querySelectorAll("[data-t]"), (el) => {
    const [from, to] = el.getAttribute("data-t").split(" ").map(Number);
    return { el, from, to: to === undefined ? Infinity : to, shown: !el.hasAttribute("visibility") };
  });
  const scrub = $("scrub");
  const play = $("play");
  const speed = $("speed");
  const readout = $("clock");
  const sound = $("sound");
  let at = end;
  let rate = 1;
  let playing = false;
  let run = 0;
  let current = null;

  const clock = (ms) => {
    const s = Math.round(Math.max(0, ms) / 1000);
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  };
  const phaseAt = (t) => {
    let name = data.phases[0].name;
    for (const p of data.phases) if (p.at <= t) name = p.name;
    return name;
  };

  const show = () => {
    for (const p of pieces) {
      const on = p.from <= at && at < p.to;
      if (on !== p.shown) {
        p.shown = on;
        if (on) p.el.removeAttribute("visibility");
        else p.el.setAttribute("visibility", "hidden");
      }
    }
    scrub.value = String(at);
    readout.textContent = clock(at) + " of " + clock(end) + " · " + phaseAt(at);
  };

  // Sound: consecutive clips, each from its session time until the next one starts
  // or it ends. While playing, the clip of the position plays from the matching
  // offset, moved back in step when it drifts by more than 0.3 s.
  const clips = data.audio.map((c, i, all) => {
    const el = new Audio("data:" + c.mime + ";base64," + c.data);
    el.preload = "auto";
    return { el, start: c.start, next: i + 1 < all.length ? all[i + 1].start : Infinity };
  });
  const follow = () => {
    let want = null;
    if (playing) for (const c of clips) if (c.start <= at && at < c.next) want = c;
    const offset = want ? (at - want.start) / 1000 : 0;
    // Past its end (a recorder's file may not know its duration until played out).
    if (want && (want.el.duration <= offset || (want.el.ended && offset >= want.el.currentTime))) {
      want = null;
    }
    if (current && current !== want) current.el.pause();
    current = want;
    if (!want) return;
    want.el.playbackRate = rate;
    want.el.muted = !sound.checked;
    if (Math.abs(want.el.currentTime - offset) > 0.3 * rate) want.el.currentTime = offset;
    if (want.el.paused) want.el.play().catch(() => {});
  };

  const seek = (t) => {
    at = Math.min(end, Math.max(0, t));
    show();
    follow();
  };
  const stop = () => {
    playing = false;
    run += 1;
    play.textContent = "Play";
    follow();
  };
  const start = () => {
    if (at >= end) at = 0;
    playing = true;
    play.textContent = "Pause";
    const mine = ++run;
    let last = performance.now();
    const frame = (now) => {
      if (mine !== run) return;
      at = Math.min(end, at + (now - last) * rate);
      last = now;
      if (at >= end) stop();
      seek(at);
      if (mine === run) requestAnimationFrame(frame);
    };
    seek(at);
    requestAnimationFrame(frame);
  };
  const toggle = () => (playing ? stop() : start());

  play.addEventListener("click", toggle);
  speed.addEventListener("change", () => {
    rate = Number(speed.value) || 1;
    follow();
  });
  scrub.addEventListener("input", () => seek(Number(scrub.value)));
  for (const b of document.querySelectorAll("button[data-at]")) {
    b.addEventListener("click", () => seek(Number(b.getAttribute("data-at"))));
  }
  if (sound) sound.addEventListener("change", follow);
  document.addEventListener("keydown", (e) => {
    if (e.key === " " && e.target === document.body) {
      e.preventDefault();
      toggle();
    }
  });
  show();
})();
