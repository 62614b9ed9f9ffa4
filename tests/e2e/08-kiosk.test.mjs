// Issue: kiosk mode. One kiosk page (touch, laptop size) with short times: the attract loop plays
// itself, a touch starts a game, walking away brings "Still there?" and then the loop back; the
// staff menu opens with a long press in the corner and the PIN and gives the statistics CSV; with
// the network cut the kiosk starts again and a visitor plays a round; a forced panic and a lost
// WebGL context both come back to the attract loop, counted. Screenshots at 1920×1080 and
// 1366×768 of the attract loop, the countdown and the staff menu.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  assertNoProblems,
  baseUrl,
  launchBrowser,
  LOAD_TIMEOUT,
  newGamePage,
  nextFrames,
  pressButton,
  pressKey,
  saveShot,
  sleep,
  tap,
  touchEnd,
  touchStart,
  waitForState,
  watch,
} from './lib.mjs';

const LAPTOP = { width: 1366, height: 768, touch: true };
const KIOSK = { width: 1920, height: 1080 };
const IDLE_S = 4;
const COUNTDOWN_S = 7;
const QUERY = `test=1&mode=kiosk&idle=${IDLE_S}&countdown=${COUNTDOWN_S}&attract=30`;
/** Held this long in the corner (the game asks for 3 s). */
const HOLD_MS = 4000;
const PIN = '2468';

const started = Date.now();
const step = (what) => console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);

const attracting = (s) => s.kiosk?.stage === 'attract' && s.screen === 'playing';

/** Waits for the kiosk's attract loop after a load or reload, the loading overlay gone. */
async function waitForAttract(page, what) {
  const s = await waitForState(page, attracting, LOAD_TIMEOUT, what);
  await page.waitForFunction(() => document.getElementById('overlay')?.classList.contains('gone'), null, {
    timeout: 30_000,
  });
  return s;
}

/** Forgets the console lines of a crash the test caused, so later waits do not fail on them. */
function forgetCrash(page) {
  const log = watch(page);
  log.console.length = 0;
  log.pageErrors.length = 0;
}

/** The first sorting level by keys, one item wrong; gives the results state. */
async function sortRound(page) {
  await page.focus('#game');
  let s = await waitForState(page, (s) => s.sorting?.phase === 'intro', 30_000, 'the level card');
  await pressKey(page, 'Enter');
  let previous = null;
  let wrong = true;
  for (;;) {
    s = await waitForState(
      page,
      (s) =>
        s.screen === 'results' ||
        s.sorting?.phase === 'feedback' ||
        (s.sorting?.phase === 'playing' && s.sorting.current && s.sorting.current.id !== previous),
      30_000,
      'the next item or the results',
    );
    if (s.screen === 'results') return s;
    if (s.sorting.phase === 'feedback') {
      await sleep(700);
      await pressKey(page, 'Enter');
      continue;
    }
    previous = s.sorting.current.id;
    const right = s.sorting.bins.findIndex((b) => b.id === s.sorting.current.bin);
    const bin = wrong ? (right + 1) % s.sorting.bins.length : right;
    wrong = false;
    await pressKey(page, `Digit${bin + 1}`);
  }
}

describe('08 kiosk', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('attract loop, idle reset, staff menu, offline start, and recovery from a panic and a lost GPU context', async () => {
    const { context, page } = await newGamePage(browser, LAPTOP);
    try {
      await page.goto(`${baseUrl()}?${QUERY}`, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
      let s = await waitForAttract(page, 'the attract loop at start');
      step('attract loop');
      assert.ok(s.buttons.kiosk_touch_to_start, 'the invitation covers the screen');
      // The automated player really plays: answers come in with no input.
      await waitForState(page, (t) => t.sorting?.sorted >= 1 || t.travel?.trip >= 1 || t.screen === 'results', 40_000, 'the automated player moving');
      await saveShot(page, 'kiosk-attract-1366x768');
      await page.setViewportSize(KIOSK);
      await nextFrames(page, 4);
      await saveShot(page, 'kiosk-attract-1920x1080');
      await page.setViewportSize(LAPTOP);

      // A touch: a fresh game of the scene shown, played by the visitor.
      const shown = (await waitForState(page, attracting, 10_000, 'the loop')).kiosk.attract_scene;
      await tap(page, { x: 683, y: 420 });
      s = await waitForState(page, (t) => t.kiosk.stage === 'active' && t.screen === 'playing', 10_000, 'a fresh game');
      assert.equal(s.scene, shown, 'the scene that was shown starts afresh');
      assert.equal(s.kiosk.sessions, 1);
      step('a visitor');

      // Walking away: "Still there?" after the idle time; a touch cancels it.
      const idleFrom = Date.now();
      s = await waitForState(page, (t) => t.kiosk.stage === 'countdown', 30_000, 'the countdown');
      assert.ok(Date.now() - idleFrom >= (IDLE_S - 1) * 1000, 'not before the idle time');
      await saveShot(page, 'kiosk-countdown-1366x768');
      await tap(page, { x: 683, y: 420 });
      s = await waitForState(page, (t) => t.kiosk.stage === 'active', 10_000, 'the countdown cancelled');
      assert.equal(s.kiosk.resets, 0, 'the touch came in time');
      // Nobody touches it again (at kiosk size): the countdown runs out and the loop returns.
      await page.setViewportSize(KIOSK);
      await waitForState(page, (t) => t.kiosk.stage === 'countdown', 30_000, 'the countdown again');
      await saveShot(page, 'kiosk-countdown-1920x1080');
      s = await waitForState(page, (t) => t.kiosk.stage === 'attract', 30_000, 'the reset');
      assert.equal(s.kiosk.resets, 1);
      assert.equal(s.lang, 'zh', 'the venue language is back');
      await page.setViewportSize(LAPTOP);
      step('idle reset');

      // Staff: a long press in the top-left corner, then the PIN on the pad.
      await nextFrames(page, 3);
      await touchStart(page, { x: 20, y: 20 });
      await sleep(HOLD_MS);
      await touchEnd(page);
      await waitForState(page, (t) => t.screen === 'staff', 10_000, 'the staff PIN pad');
      // The pad stands still: its keys are read once and tapped one after another.
      const pad = (await waitForState(page, (t) => t.buttons.pin_ok, 10_000, 'the pad')).buttons;
      for (const key of [...PIN.split('').map((d) => `pin_${d}`), 'pin_ok']) {
        const r = pad[key];
        const at = { x: r.x + r.w / 2, y: r.y + r.h / 2 };
        await Promise.all([touchStart(page, at), touchEnd(page)]);
        await nextFrames(page, 1);
      }
      s = await waitForState(page, (t) => t.kiosk.staff_unlocked && t.buttons.export_stats, 10_000, 'the staff menu');
      await saveShot(page, 'kiosk-staff-1366x768');
      await page.setViewportSize(KIOSK);
      await nextFrames(page, 3);
      await saveShot(page, 'kiosk-staff-1920x1080');
      await page.setViewportSize(LAPTOP);
      await nextFrames(page, 3);
      const download = page.waitForEvent('download', { timeout: 15_000 });
      await pressButton(page, 'export_stats', { touch: true });
      const csv = await (await download).createReadStream().then(async (stream) => {
        let text = '';
        for await (const chunk of stream) text += chunk;
        return text;
      });
      assert.match(csv, /^\uFEFF?day,hour,metric,scene,level,item,value\n/);
      // The visitor's, and the staff's own press that woke the loop.
      assert.match(csv, /,sessions,,,,2\n/, 'the visits are counted');
      assert.match(csv, /,resets,,,,1\n/, 'the reset is counted');
      await pressButton(page, 'staff_close', { touch: true });
      await waitForState(page, (t) => t.kiosk.stage === 'attract' || t.screen === 'title', 15_000, 'back to the exhibit');
      step('staff menu');

      // Offline: the service worker has the whole app; with the network cut it starts and plays.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.waitForFunction(() => window.greenActorKiosk?.swState?.().startsWith('ready'), null, { timeout: 60_000 });
      await context.setOffline(true);
      await page.reload({ waitUntil: 'load', timeout: LOAD_TIMEOUT });
      await waitForAttract(page, 'the attract loop offline');
      await tap(page, { x: 683, y: 420 });
      await waitForState(page, (t) => t.kiosk.stage === 'active', 10_000, 'a visitor offline');
      // A reloaded kiosk's loop begins with the first scene, sorting.
      s = await waitForState(page, (t) => t.screen === 'playing', 10_000, 'a game offline');
      assert.equal(s.scene, 'sorting');
      s = await sortRound(page);
      assert.equal(s.screen, 'results', 'a round played offline');
      await context.setOffline(false);
      step('offline round');

      // A panic: the page reloads itself into the attract loop and counts it.
      await page.evaluate(() => {
        window.__greenActorForcePanic = true;
      });
      await page.waitForEvent('load', { timeout: 30_000 });
      forgetCrash(page);
      s = await waitForAttract(page, 'the attract loop after a panic');
      assert.equal(s.kiosk.crashes, 1, 'the panic is counted');
      step('panic recovered');

      // A lost WebGL context: the same.
      await page.evaluate(() => {
        const gl = document.getElementById('game').getContext('webgl2');
        gl.getExtension('WEBGL_lose_context').loseContext();
      });
      await page.waitForEvent('load', { timeout: 30_000 });
      forgetCrash(page);
      s = await waitForAttract(page, 'the attract loop after a lost context');
      assert.equal(s.kiosk.crashes, 2, 'the lost context is counted');
      step('lost context recovered');
      assertNoProblems(page);
    } catch (err) {
      await saveShot(page, 'FAILED-kiosk').catch(() => {});
      throw err;
    } finally {
      await context.close().catch(() => {});
    }
  });
});
