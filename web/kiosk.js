// The page's side of kiosk mode: whether this page is a kiosk (`?mode=kiosk`, or a kiosk.json
// beside index.html unless `?mode=classroom`), touch hardening, the offline copy (sw.js), crash
// reloads, and the daily statistics post. The game asks through `window.greenActorKiosk`; it
// parses kiosk.json itself.
(() => {
  'use strict';
  const CRASHES_KEY = 'green-actor.kiosk-crashes';
  const LOOP_KEY = 'green-actor.kiosk-reloads';
  const POSTED_KEY = 'green-actor.kiosk-posted';
  const MAX_CRASHES = 50;
  const CONFIG_TIMEOUT = 10000;
  const UPDATE_EVERY = 10 * 60000;
  // Retries of a failed statistics post: 1, 5 and 30 minutes, then hourly.
  const RETRY = [60000, 5 * 60000, 30 * 60000, 60 * 60000];
  // A crash within this long of the last crash reload counts as a reload loop.
  const LOOP_WINDOW = 2 * 60000;

  const mode = new URLSearchParams(location.search).get('mode');
  let active = mode === 'kiosk';
  let configText = null;
  let registration = null;
  let reloadAt = 0;
  let activating = false;
  let lastPost = 'none';
  let job = null; // the statistics post being sent or waiting for a retry

  const readJson = (key) => {
    try {
      return JSON.parse(localStorage.getItem(key));
    } catch (_) {
      return null;
    }
  };
  const writeJson = (key, value) => {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch (_) {
      // Without localStorage the kiosk still runs; it forgets.
    }
  };
  const readCrashes = () => {
    const list = readJson(CRASHES_KEY);
    return Array.isArray(list) ? list.filter((c) => c && typeof c.reason === 'string') : [];
  };

  try {
    const posted = localStorage.getItem(POSTED_KEY);
    if (posted) lastPost = `${posted} ok`;
  } catch (_) {
    // no localStorage
  }

  async function readConfig() {
    const abort = typeof AbortController === 'function' ? new AbortController() : null;
    const timer = abort && setTimeout(() => abort.abort(), CONFIG_TIMEOUT);
    try {
      const response = await fetch('kiosk.json', { cache: 'no-cache', signal: abort && abort.signal });
      return response.status === 200 ? await response.text() : null;
    } catch (_) {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  const CSS = `
    html.kiosk, html.kiosk * {
      user-select: none !important;
      -webkit-user-select: none !important;
      -webkit-touch-callout: none !important;
      touch-action: none;
      cursor: none !important;
    }
    html.kiosk, html.kiosk body { overscroll-behavior: none; }
  `;
  const ZOOM_KEYS = ['+', '=', '-', '_', '0'];
  const ZOOM_CODES = ['NumpadAdd', 'NumpadSubtract', 'Numpad0'];

  let fullscreenPending = false;
  function fullscreen() {
    const el = document.documentElement;
    const request = el.requestFullscreen || el.webkitRequestFullscreen;
    if (fullscreenPending || document.fullscreenElement || document.webkitFullscreenElement || !request) return;
    fullscreenPending = true;
    try {
      Promise.resolve(request.call(el, { navigationUI: 'hide' }))
        .catch(() => {})
        .then(() => (fullscreenPending = false));
    } catch (_) {
      fullscreenPending = false;
    }
  }

  function harden() {
    document.documentElement.classList.add('kiosk');
    const style = document.createElement('style');
    style.textContent = CSS;
    document.head.appendChild(style);

    const stop = (event) => event.preventDefault();
    const opts = { capture: true, passive: false };
    ['contextmenu', 'gesturestart', 'gesturechange', 'dragstart', 'selectstart'].forEach((type) =>
      window.addEventListener(type, stop, opts),
    );
    window.addEventListener('wheel', (event) => event.ctrlKey && event.preventDefault(), opts);
    window.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && (ZOOM_KEYS.includes(event.key) || ZOOM_CODES.includes(event.code))) {
        event.preventDefault();
      }
    }, opts);
    // A touch grants fullscreen only on its pointerup; a mouse on its pointerdown. Never stopped:
    // the game reads the same events on the canvas.
    ['pointerdown', 'pointerup'].forEach((type) =>
      window.addEventListener(type, fullscreen, { capture: true, passive: true }),
    );
    // The back button or a back swipe lands on this guard entry and is pushed again.
    const guard = () => history.pushState({ greenActorKiosk: true }, '', location.href);
    guard();
    window.addEventListener('popstate', guard);
    // Chromium skips entries pushed before any user gesture: push one more on the first touch.
    window.addEventListener('pointerup', guard, { capture: true, passive: true, once: true });
  }

  function registerWorker() {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('sw.js').then((reg) => {
      registration = reg;
      const update = () => reg.update().catch(() => {});
      setInterval(update, UPDATE_EVERY);
      window.addEventListener('online', update);
    }, (err) => console.warn('green-actor: no offline copy:', err && err.message ? err.message : err));
    // Ask the browser not to evict the offline copy when the disk fills (it may say no).
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
  }

  let on = false;
  function turnOn() {
    if (on) return;
    on = true;
    active = true;
    harden();
    registerWorker();
  }

  function takeCrashes() {
    if (!active) return [];
    const reasons = readCrashes().map((c) => c.reason);
    try {
      localStorage.removeItem(CRASHES_KEY);
    } catch (_) {
      // nothing kept
    }
    return reasons;
  }

  // Records the crash and reloads: after 2 s, or after 30 s, 60 s, … up to 5 min once the page
  // has crash-reloaded 3 times in a row, each within 2 minutes of the one before. Returns the
  // milliseconds until the reload (null when not a kiosk).
  function recover(reason) {
    if (!active) return null;
    const now = Date.now();
    if (reloadAt) return Math.max(0, reloadAt - now);
    const text = String(reason || 'unknown');
    const colon = text.indexOf(':');
    const kind = colon < 0 ? text : text.slice(0, colon);
    const message = colon < 0 ? '' : text.slice(colon + 1).trim().slice(0, 200);
    const crashes = readCrashes();
    crashes.push({ reason: message ? `${kind}: ${message}` : kind, at: new Date(now).toISOString() });
    writeJson(CRASHES_KEY, crashes.slice(-MAX_CRASHES));

    const loop = readJson(LOOP_KEY);
    const again = loop && Number.isFinite(loop.at) && Number.isFinite(loop.wait) && now - loop.at < loop.wait + LOOP_WINDOW;
    const streak = again ? (loop.streak | 0) + 1 : 1;
    const wait = streak <= 3 ? 2000 : Math.min(30000 * 2 ** (streak - 4), 5 * 60000);
    writeJson(LOOP_KEY, { streak, at: now, wait });
    reloadAt = now + wait;
    setTimeout(() => location.reload(), wait);
    return wait;
  }

  // The kiosk is back in its attract loop: a good moment to switch to a downloaded update. (Only
  // under an older worker: a first install takes over by itself and needs no reload.)
  function idleMoment() {
    if (!active || activating || !registration || !registration.waiting || !navigator.serviceWorker.controller) return;
    activating = true;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    registration.waiting.postMessage({ type: 'activate' });
  }

  function readPosted() {
    try {
      return localStorage.getItem(POSTED_KEY);
    } catch (_) {
      return null;
    }
  }

  async function send(current) {
    current.timer = null;
    let why;
    try {
      const response = await fetch(current.url, {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv; charset=utf-8' },
        body: current.csv,
        cache: 'no-store',
        credentials: 'omit',
      });
      if (response.ok) {
        try {
          localStorage.setItem(POSTED_KEY, current.day);
        } catch (_) {
          // posted, but it may be posted again after a reload
        }
        if (job === current) job = null;
        lastPost = `${current.day} ok`;
        return;
      }
      why = `HTTP ${response.status}`;
    } catch (err) {
      why = err && err.message ? err.message : 'network error';
    }
    if (job !== current) return; // a newer day took its place
    lastPost = `${current.day} failed: ${why}, retrying`;
    current.timer = setTimeout(() => send(current), RETRY[Math.min(current.tries, RETRY.length - 1)]);
    current.tries += 1;
  }

  function postStats(url, csv, day) {
    if (!active || typeof url !== 'string' || !url) return;
    day = String(day);
    if (readPosted() === day) {
      lastPost = `${day} ok`;
      return;
    }
    if (job && job.day === day) {
      // Already sending or waiting to retry: send the newest figures then.
      job.url = url;
      job.csv = String(csv);
      return;
    }
    if (job) clearTimeout(job.timer);
    job = { url, csv: String(csv), day, tries: 0, timer: null };
    send(job);
  }

  function swState() {
    const reg = registration;
    if (!active || !reg) return 'none';
    if (reg.waiting) return 'update waiting';
    if (reg.installing) return 'installing';
    return reg.active ? 'ready (offline)' : 'none';
  }

  function exit() {
    if (!active) return;
    const url = new URL(location.href);
    url.searchParams.set('mode', 'classroom');
    location.assign(url.href);
  }

  const kiosk = {
    get active() {
      return active;
    },
    get configText() {
      return configText;
    },
    get lastPost() {
      return lastPost;
    },
    ready: null,
    takeCrashes,
    idleMoment,
    postStats,
    memoryBytes: () => (performance.memory && performance.memory.usedJSHeapSize) || null,
    swState,
    exit,
    recover,
  };
  if (active) turnOn();
  kiosk.ready =
    mode === 'classroom'
      ? Promise.resolve(kiosk)
      : readConfig().then((text) => {
          configText = text;
          if (text !== null) turnOn();
          return kiosk;
        });
  window.greenActorKiosk = kiosk;
})();
