// Shared helpers for Green Actor's browser tests: launch Debian's Chromium (SwiftShader WebGL2),
// open the game with its test hooks (`?test=1`), read `greenActor.state()`, and act like a player
// with the mouse, touch (CDP) and keys.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
export const SHOTS = path.join(HERE, 'screenshots');

/** SwiftShader is slow: loading the game can take minutes on a busy two-core machine. */
export const LOAD_TIMEOUT = 180_000;

/** The three sizes every screen must fit: a kiosk, a laptop and a phone held upright. */
export const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 390, height: 844, touch: true },
];
export const STEP_TIMEOUT = 60_000;

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where the runner's server is; `GREEN_ACTOR_URL` is set by run.mjs. */
export function baseUrl() {
  const url = process.env.GREEN_ACTOR_URL;
  if (!url) {
    throw new Error('GREEN_ACTOR_URL is not set: run the browser tests with `node tests/e2e/run.mjs`');
  }
  return url.endsWith('/') ? url : url + '/';
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts Chromium (Playwright makes a fresh user-data-dir for it). */
export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A fresh browser context and page at `size` ({width, height}); `touch: true` makes it a phone
 * (touch events, mobile viewport).
 *
 * The device pixel ratio stays 1: headless Chromium's emulated ratio is not applied to
 * ResizeObserver's devicePixelContentBoxSize, which winit sizes the canvas by, so an emulated
 * ratio of 2 gives a canvas at half resolution that no real phone shows.
 */
export async function newGamePage(browser, { width, height, touch = false }) {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    hasTouch: touch,
    isMobile: touch,
  });
  const page = await context.newPage();
  watch(page);
  return { context, page };
}

// ---------------------------------------------------------------------------------------------
// Console and page errors

const logs = new WeakMap();

/** Starts collecting console messages and page errors of `page` (once per page). */
export function watch(page) {
  if (logs.has(page)) {
    return logs.get(page);
  }
  const log = { console: [], pageErrors: [] };
  logs.set(page, log);
  page.on('console', (msg) => log.console.push({ type: msg.type(), text: msg.text() }));
  page.on('pageerror', (err) => log.pageErrors.push(String(err && err.stack ? err.stack : err)));
  return log;
}

export function logOf(page) {
  return watch(page);
}

const BEVY_ERROR = /^(%c)?ERROR\b/;

/** Console errors (the browser's and the game's), page errors and panics seen so far. */
export function problems(page) {
  const log = watch(page);
  const found = [];
  for (const { type, text } of log.console) {
    // Bevy logs its own errors through console.log as "%cERROR%c <file:line>%c <message>".
    if (type === 'error' || /panicked/.test(text) || BEVY_ERROR.test(text)) {
      found.push(`console.${type}: ${text}`);
    }
  }
  for (const err of log.pageErrors) {
    found.push(`page error: ${err}`);
  }
  return found;
}

/** Fails with every console error, page error and panic message the page produced. */
export function assertNoProblems(page) {
  const found = problems(page);
  if (found.length) {
    throw new Error(`the page reported ${found.length} problem(s):\n  ${found.join('\n  ')}`);
  }
}

function panicOf(page) {
  const log = watch(page);
  const panic = log.console.find(({ text }) => /panicked/.test(text));
  if (panic) {
    return panic.text;
  }
  return log.pageErrors.find((err) => /RuntimeError|unreachable/.test(err)) || null;
}

// ---------------------------------------------------------------------------------------------
// Game state

/** The game's published test state, or null before the game wrote one. */
export async function state(page) {
  return page.evaluate(() => (window.greenActor ? window.greenActor.state() : null));
}

function summary(s) {
  if (!s) {
    return 'no state yet';
  }
  const short = { screen: s.screen, scene: s.scene, lang: s.lang, frame: s.frame, buttons: Object.keys(s.buttons || {}) };
  const scene = s.scene && s[s.scene];
  if (scene) {
    const { bins, ...rest } = scene; // each scene's own entry, less its layout
    short[s.scene] = rest;
  }
  if (s.results) {
    short.results = s.results;
  }
  if (s.errors && s.errors.length) {
    short.errors = s.errors;
  }
  return JSON.stringify(short);
}

/**
 * Polls `greenActor.state()` until `predicate(state)` is truthy and returns that state.
 * Fails early when the game panics; the timeout error shows the last state and console lines.
 */
export async function waitForState(page, predicate, timeout = STEP_TIMEOUT, what = '') {
  const deadline = Date.now() + timeout;
  let last = null;
  for (;;) {
    try {
      last = await state(page);
    } catch (err) {
      // A navigation in progress destroys the context; try again.
      if (!/context was destroyed|navigat/i.test(String(err))) {
        throw err;
      }
      last = null;
    }
    if (last && predicate(last)) {
      return last;
    }
    const panic = panicOf(page);
    if (panic) {
      throw new Error(`the game crashed while waiting${what ? ` for ${what}` : ''}: ${panic}`);
    }
    if (Date.now() > deadline) {
      const tail = watch(page).console.slice(-8).map(({ type, text }) => `  console.${type}: ${text.slice(0, 300)}`);
      throw new Error(
        `timed out after ${Math.round(timeout / 1000)} s waiting${what ? ` for ${what}` : ''}` +
          `${predicate.name ? ` (${predicate.name})` : ''}\n  predicate: ${String(predicate).slice(0, 200)}` +
          `\n  last state: ${summary(last)}` +
          (tail.length ? `\n  last console lines:\n${tail.join('\n')}` : ''),
      );
    }
    await sleep(100);
  }
}

/**
 * Waits until the game has drawn `count` more frames. (Input sent just before may land in the
 * first of them or in the one after: wait two frames to be sure the game has seen it.)
 */
export async function nextFrames(page, count = 1, timeout = STEP_TIMEOUT) {
  const start = (await state(page))?.frame ?? 0;
  return waitForState(page, (s) => s.frame >= start + count, timeout, `${count} frame(s)`);
}

/**
 * Opens the game with its test hooks and waits for the title screen (up to 3 minutes), with the
 * page's loading overlay gone. `size` ({width, height}) resizes the page first.
 */
export async function openGame(page, { size, query = 'test=1', timeout = LOAD_TIMEOUT, whileLoading } = {}) {
  watch(page);
  if (size) {
    await page.setViewportSize({ width: size.width, height: size.height });
  }
  await page.goto(`${baseUrl()}?${query}`, { waitUntil: 'load', timeout });
  if (whileLoading) {
    await whileLoading(page);
  }
  return waitForTitle(page, timeout);
}

/**
 * The fonts Chromium really drew an element's text with (CDP `CSS.getPlatformFontsForNode`):
 * [{familyName, isCustomFont, glyphCount}].
 */
export async function fontsDrawing(page, selector) {
  await page.evaluate(() => document.fonts.ready);
  const session = await cdp(page);
  await session.send('DOM.enable');
  await session.send('CSS.enable');
  const { root } = await session.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
  return fonts;
}

/** Waits for the title screen after a load or reload. */
export async function waitForTitle(page, timeout = LOAD_TIMEOUT) {
  const started = Date.now();
  const s = await waitForState(page, (s) => s.screen === 'title', timeout, 'the title screen');
  const overlayGone = () => {
    const overlay = document.getElementById('overlay');
    return !overlay || overlay.classList.contains('gone');
  };
  await page.waitForFunction(overlayGone, null, { timeout: 10_000, polling: 100 });
  if (process.env.GREEN_ACTOR_VERBOSE) {
    console.log(`# title screen after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Input

const centre = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const sameRect = (a, b) => a && b && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

/**
 * Waits for button `name` to be shown and to stay where it is over two more frames (a panel that
 * just opened may be measured on its first frame and placed on the next); returns its rect.
 */
export async function buttonRect(page, name, timeout = STEP_TIMEOUT) {
  let seen = null; // {rect, frame}: where the button was first seen at its current place
  const s = await waitForState(
    page,
    (s) => {
      const rect = s.buttons && s.buttons[name];
      if (!rect || !(rect.w > 0 && rect.h > 0)) {
        seen = null;
        return false;
      }
      if (!seen || !sameRect(rect, seen.rect)) {
        seen = { rect, frame: s.frame };
        return false;
      }
      return s.frame >= seen.frame + 2;
    },
    timeout,
    `button "${name}"`,
  );
  return s.buttons[name];
}

/**
 * Clicks the centre of button `name` with the mouse: the pointer moves there and rests for two
 * frames (the buttons answer to a hovering pointer), then presses and releases. Press and
 * release are sent together so that they reach the game in one frame: sent one after the other,
 * each waits for a frame, and a SwiftShader frame can outlast the longest press that still
 * counts as a click (0.8 s for the game's buttons).
 */
export async function clickButton(page, name, timeout = STEP_TIMEOUT) {
  const { x, y } = centre(await buttonRect(page, name, timeout));
  await page.mouse.move(x, y);
  await nextFrames(page, 2);
  const session = await cdp(page);
  const event = (type, buttons) =>
    session.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons, clickCount: 1 });
  await Promise.all([event('mousePressed', 1), event('mouseReleased', 0)]);
  await nextFrames(page, 1);
}

const cdpSessions = new WeakMap();

/** The page's Chrome DevTools Protocol session, for touch input. */
export function cdp(page) {
  if (!cdpSessions.has(page)) {
    // The promise is kept, so that calls made at the same time share one session.
    cdpSessions.set(page, page.context().newCDPSession(page));
  }
  return cdpSessions.get(page);
}

function touchPoint({ x, y }) {
  return { x: Math.round(x), y: Math.round(y), id: 1, radiusX: 4, radiusY: 4, force: 1 };
}

export async function touchStart(page, at) {
  await (await cdp(page)).send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [touchPoint(at)] });
}

export async function touchMove(page, at) {
  await (await cdp(page)).send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [touchPoint(at)] });
}

export async function touchEnd(page) {
  await (await cdp(page)).send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/**
 * Taps a point of the play field with a finger: touch start and end on separate frames, as the
 * game picks up an item on one frame and sees it let go on a later one.
 */
export async function tap(page, at) {
  await touchStart(page, at);
  await nextFrames(page, 2);
  await touchEnd(page);
  await nextFrames(page, 1);
}

/** Taps the centre of button `name` with a finger: a quick tap, start and end in one frame. */
export async function tapButton(page, name, timeout = STEP_TIMEOUT) {
  const at = centre(await buttonRect(page, name, timeout));
  await Promise.all([touchStart(page, at), touchEnd(page)]);
  await nextFrames(page, 1);
}

/**
 * Scrolls the page's scrolling card with the mouse wheel until button `name` is wholly inside the
 * window (a long card holds some buttons below the fold).
 */
export async function scrollToButton(page, name, timeout = STEP_TIMEOUT) {
  const { height, width } = page.viewportSize();
  for (let tries = 0; tries < 20; tries += 1) {
    const rect = await buttonRect(page, name, timeout);
    const below = rect.y + rect.h - (height - 8);
    const above = 8 - rect.y;
    if (below <= 0 && above <= 0) return rect;
    await page.mouse.move(width / 2, height / 2);
    await page.mouse.wheel(0, below > 0 ? Math.min(below + 40, height / 2) : -Math.min(above + 40, height / 2));
    await nextFrames(page, 3);
  }
  throw new Error(`button "${name}" could not be scrolled into view`);
}

/** Clicks (mouse) or taps (touch) button `name`. */
export async function pressButton(page, name, { touch = false, timeout = STEP_TIMEOUT } = {}) {
  return touch ? tapButton(page, name, timeout) : clickButton(page, name, timeout);
}

/**
 * Drags from `from` to `to` ({x, y} in CSS px) with real pointer moves in `steps` steps, with the
 * mouse or (`touch: true`) a finger through CDP touch events.
 */
export async function dragTo(page, from, to, { touch = false, steps = 12 } = {}) {
  const at = (i) => ({ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps });
  if (touch) {
    await touchStart(page, from);
  } else {
    await page.mouse.move(from.x, from.y);
    await nextFrames(page, 2);
    await page.mouse.down();
  }
  // The game picks the item up on the frame that sees the press; it follows from the next one.
  await nextFrames(page, 2);
  for (let i = 1; i <= steps; i++) {
    const p = at(i);
    if (touch) {
      await touchMove(page, p);
    } else {
      await page.mouse.move(p.x, p.y);
    }
    await sleep(16);
    if (i % 3 === 0 || i === steps) {
      await nextFrames(page, 1);
    }
  }
  if (touch) {
    await touchEnd(page);
  } else {
    await page.mouse.up();
  }
  await nextFrames(page, 1);
}

/** Presses and releases a key on separate frames (`key` as Playwright names it, e.g. "Digit1"). */
export async function pressKey(page, key) {
  await page.keyboard.down(key);
  await nextFrames(page, 1);
  await page.keyboard.up(key);
}

// ---------------------------------------------------------------------------------------------
// Fitting the window

/** The smallest tap target, in CSS px. */
export const MIN_TAP = 44;

/**
 * Every drawn button is inside the window (on a scrolling page: across it) and big enough for a
 * finger; returns the state.
 */
export async function everyButtonFits(page, size, screen, { scrolls = false } = {}) {
  await nextFrames(page, 3);
  const s = await waitForState(page, (s) => Object.keys(s.buttons).length > 0, 10_000, `buttons on ${screen}`);
  const found = [];
  for (const [name, r] of Object.entries(s.buttons)) {
    const across = r.x >= -0.5 && r.x + r.w <= size.width + 0.5;
    const inside = across && (scrolls || (r.y >= -0.5 && r.y + r.h <= size.height + 0.5));
    if (!inside) found.push(`${name} at ${JSON.stringify(r)} is outside ${size.width}x${size.height}`);
    if (r.w < MIN_TAP || r.h < MIN_TAP) found.push(`${name} is ${r.w.toFixed(1)}x${r.h.toFixed(1)} px`);
  }
  if (found.length) {
    throw new Error(`${screen} at ${size.width}x${size.height}:\n  ${found.join('\n  ')}`);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Screenshots

/** Saves a PNG screenshot as tests/e2e/screenshots/<name>.png and returns its path. */
export async function saveShot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Decodes an 8-bit, non-interlaced PNG (what Chromium's screenshots are) into RGBA pixels. */
export function decodePng(buffer) {
  const signature = '89504e470d0a1a0a';
  if (buffer.subarray(0, 8).toString('hex') !== signature) {
    throw new Error('not a PNG');
  }
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  let bitDepth = 0;
  let interlace = 0;
  let palette = null;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8];
      colorType = data[9];
      interlace = data[12];
    } else if (type === 'PLTE') {
      palette = data;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType];
  if (bitDepth !== 8 || interlace !== 0 || !channels) {
    throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}`);
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(width * height * 4);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = previous[i];
      const c = i >= channels ? previous[i - channels] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) {
        throw new Error(`bad PNG filter ${filter}`);
      }
      line[i] = (line[i] + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const s = x * channels;
      if (colorType === 6) {
        line.copy(pixels, o, s, s + 4);
      } else if (colorType === 2) {
        pixels[o] = line[s];
        pixels[o + 1] = line[s + 1];
        pixels[o + 2] = line[s + 2];
        pixels[o + 3] = 255;
      } else if (colorType === 3) {
        const p = line[s] * 3;
        pixels[o] = palette[p];
        pixels[o + 1] = palette[p + 1];
        pixels[o + 2] = palette[p + 2];
        pixels[o + 3] = 255;
      } else {
        const g = line[s];
        pixels[o] = g;
        pixels[o + 1] = g;
        pixels[o + 2] = g;
        pixels[o + 3] = colorType === 4 ? line[s + 1] : 255;
      }
    }
    previous = line;
  }
  return { width, height, pixels };
}

/** Distinct colours and the share of pixels that differ from the most common colour. */
export function colourStats({ width, height, pixels }) {
  const counts = new Map();
  for (let i = 0; i < width * height * 4; i += 4) {
    const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  let top = 0;
  for (const n of counts.values()) {
    top = Math.max(top, n);
  }
  return { distinct: counts.size, varied: 1 - top / (width * height) };
}

/** The mean colour [r, g, b] of a part of the page ({x, y, w, h} in CSS px). */
export async function meanColour(page, { x, y, w, h }) {
  const clip = { x: Math.round(x), y: Math.round(y), width: Math.round(w), height: Math.round(h) };
  const { width, height, pixels } = decodePng(await page.screenshot({ type: 'png', clip }));
  const sum = [0, 0, 0];
  for (let i = 0; i < width * height * 4; i += 4) {
    sum[0] += pixels[i];
    sum[1] += pixels[i + 1];
    sum[2] += pixels[i + 2];
  }
  return sum.map((v) => v / (width * height));
}

/**
 * True when the page shows a drawn picture: a screenshot (PNG) with many distinct colours and
 * a good share of pixels that are not the background. Returns the stats as `details`.
 */
export async function canvasNotBlank(page, { minColours = 64, minVaried = 0.02 } = {}) {
  const stats = colourStats(decodePng(await page.screenshot({ type: 'png' })));
  const ok = stats.distinct >= minColours && stats.varied >= minVaried;
  canvasNotBlank.details = stats;
  return ok;
}

// ---------------------------------------------------------------------------------------------
// Test scaffolding

/** Runs `body({page, context})` on a fresh page; on failure saves `FAILED-<label>.png` first. */
export async function withPage(browser, size, label, body) {
  const { context, page } = await newGamePage(browser, size);
  try {
    return await body({ page, context });
  } catch (err) {
    try {
      const file = await saveShot(page, `FAILED-${label}`);
      err.message += `\n  screenshot: ${path.relative(ROOT, file)}`;
      err.message += `\n  last state: ${summary(await state(page))}`;
    } catch {
      // the page may be gone
    }
    throw err;
  } finally {
    await context.close().catch(() => {});
  }
}
