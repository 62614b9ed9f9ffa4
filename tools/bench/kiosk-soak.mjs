#!/usr/bin/env node
// Soaks kiosk mode (a benchmark, not a test): serves dist/ with web/serve.py on a free port, opens
// the kiosk at 1366×768 with short timers and goes round its loop: the attract loop plays, a
// visitor taps once, nobody touches it again, "Still there?" counts down, the kiosk resets to the
// attract loop. Prints the JS heap, the wasm memory, console errors and panics at the start and
// the end. Exits non-zero only when the page crashed or stopped going round.
//
//   node tools/bench/kiosk-soak.mjs [--cycles N | --minutes M]   (default 3 cycles; after web/build)

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const E2E = path.join(ROOT, 'tests', 'e2e');
const DIST = path.resolve(process.env.GREEN_ACTOR_DIST || path.join(ROOT, 'dist'));
const QUERY = 'mode=kiosk&test=1&idle=4&countdown=2&attract=6';
const SIZE = { width: 1366, height: 768 };
// How long the attract loop plays before the visitor comes.
const DWELL = 3000;

const say = (line) => console.log(`soak: ${line}`);
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : null;
};
const minutes = option('--minutes');
const cycles = minutes ? Infinity : option('--cycles') || 3;
if (!(cycles > 0) || (minutes !== null && !(minutes > 0))) {
  console.error('usage: node tools/bench/kiosk-soak.mjs [--cycles N | --minutes M]');
  process.exit(2);
}
if (!fs.existsSync(path.join(DIST, 'index.html')) || !fs.existsSync(path.join(E2E, 'node_modules', 'playwright-core'))) {
  say('needs a web build (web/build --release) and playwright-core (npm ci in tests/e2e)');
  process.exit(2);
}

const { chromium } = createRequire(path.join(E2E, 'package.json'))('playwright-core');
const { CHROMIUM, CHROMIUM_ARGS, LOAD_TIMEOUT, cdp, sleep, state, touchEnd, touchStart, watch } = await import(
  pathToFileURL(path.join(E2E, 'lib.mjs')).href
);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startServer() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const server = spawn('python3', [path.join(ROOT, 'web', 'serve.py'), '--dir', DIST, '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.on('exit', () => server.kill());
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(200)) {
    if (server.exitCode !== null) throw new Error(`web/serve.py exited with code ${server.exitCode}`);
    const up = await fetch(url).then((r) => r.ok, () => false);
    if (up) return url;
  }
  throw new Error(`web/serve.py did not answer at ${url} within 15 s`);
}

let crashed = false;

/** The kiosk part of the game's test state, or null while the page (re)loads. */
async function kiosk(page) {
  try {
    const s = await state(page);
    return s && s.kiosk ? { ...s.kiosk, frame: s.frame } : null;
  } catch (err) {
    if (crashed) throw new Error('the page crashed');
    return null; // a reload in progress
  }
}

async function until(page, predicate, what, timeout = LOAD_TIMEOUT) {
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await sleep(100)) {
    const k = await kiosk(page);
    if (k && predicate(k)) return k;
    if (crashed) throw new Error(`the page crashed while waiting for ${what}`);
  }
  throw new Error(`no ${what} within ${Math.round(timeout / 1000)} s; last kiosk state: ${JSON.stringify(await kiosk(page))}`);
}

/** Waits until the attract loop has played for DWELL ms without a break. */
async function attractFor(page) {
  for (;;) {
    await until(page, (k) => k.stage === 'attract', 'the attract loop');
    const since = Date.now();
    for (;;) {
      const k = await kiosk(page);
      if (!k || k.stage !== 'attract') break;
      if (Date.now() - since >= DWELL) return;
      await sleep(100);
    }
  }
}

async function figures(page) {
  await (await cdp(page)).send('HeapProfiler.collectGarbage').catch(() => {});
  return page.evaluate(() => ({
    heap: performance.memory ? performance.memory.usedJSHeapSize : null,
    wasm: Number(window.__greenActorWasmMemoryBytes) > 0 ? Number(window.__greenActorWasmMemoryBytes) : null,
    sw: window.greenActorKiosk ? window.greenActorKiosk.swState() : 'no kiosk.js',
  }));
}

const mb = (bytes) => (bytes === null ? 'n/a' : `${(bytes / 1048576).toFixed(1)} MB`);

function report(label, f, log, k, loads) {
  const errors = log.console.filter((m) => m.type === 'error').length;
  const panics = log.console.filter((m) => m.text.includes('panicked at')).length;
  say(
    `${label}: JS heap ${mb(f.heap)}, wasm memory ${mb(f.wasm)}, console errors ${errors}, ` +
      `page errors ${log.pageErrors.length}, panics ${panics}, reloads ${loads - 1}, ` +
      `resets ${k ? k.resets : '?'}, attract turns ${k ? k.attract_turns : '?'}, service worker ${f.sw}`,
  );
}

async function main() {
  const url = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
    headless: true,
  });
  const context = await browser.newContext({ viewport: SIZE, deviceScaleFactor: 1, hasTouch: true });
  const page = await context.newPage();
  const log = watch(page);
  let loads = 0;
  page.on('load', () => (loads += 1));
  page.on('crash', () => (crashed = true));

  say(`${url}?${QUERY} at ${SIZE.width}×${SIZE.height}, ${minutes ? `${minutes} min` : `${cycles} cycle(s)`}`);
  await page.goto(`${url}?${QUERY}`, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
  await attractFor(page);
  const started = Date.now();
  report('start', await figures(page), log, await kiosk(page), loads);

  const centre = { x: SIZE.width / 2, y: SIZE.height / 2 };
  let done = 0;
  let failure = null;
  try {
    while (done < cycles && (!minutes || Date.now() - started < minutes * 60_000)) {
      const cycleStart = Date.now();
      // A crash reloads the kiosk (its own recovery): that cycle starts again.
      const cycleLoads = loads;
      const reloaded = () => loads > cycleLoads;
      const before = await until(page, () => true, 'the game');
      await touchStart(page, centre);
      await until(page, (k) => k.frame >= before.frame + 2 || reloaded(), 'two frames after the tap');
      await touchEnd(page);
      await until(page, (k) => k.stage !== 'attract' || reloaded(), 'the visitor ending the attract loop', 60_000);
      await until(page, (k) => k.stage === 'countdown' || reloaded(), '"Still there?"');
      await attractFor(page);
      const took = ((Date.now() - cycleStart) / 1000).toFixed(1);
      if (reloaded()) {
        say(`a cycle ended in a reload after ${took} s; going round again`);
        if (loads - 1 > done + 3) throw new Error('the page keeps reloading');
        continue;
      }
      done += 1;
      say(`cycle ${done}: ${took} s`);
    }
  } catch (err) {
    failure = err;
    say(`stopped: ${err.message}`);
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (!crashed) {
    const end = await figures(page).catch(() => ({ heap: null, wasm: null, sw: '?' }));
    report('end', end, log, await kiosk(page), loads);
  }
  say(`${done} cycle(s) in ${seconds} s${crashed ? '; the page crashed' : ''}`);
  await browser.close();
  process.exit(failure || crashed ? 1 : 0);
}

main().catch((err) => {
  console.error(`soak: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
