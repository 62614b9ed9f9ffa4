// Issue: waste sorting. A round of the first level played like a visitor would: drag and drop
// with the mouse or a finger, tap the item then the bin, a wrong answer with its explanation,
// keys 1–4, and the results screen. At kiosk size the round also checks that every screen fits
// (04-fit checks the laptop and the phone; one page load serves both checks).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  assertNoProblems,
  dragTo,
  everyButtonFits,
  launchBrowser,
  nextFrames,
  openGame,
  pressButton,
  pressKey,
  saveShot,
  tap,
  waitForState,
  withPage,
} from './lib.mjs';

const centre = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

const KIOSK = { width: 1920, height: 1080 };
const KIOSK_TAG = '1920x1080';

/** Every button of `screen` fits the kiosk's window; a screenshot of it for 04-fit's set, unless
 * the round takes one of that screen anyway. */
async function fitsAtKiosk(page, screen, shot = null) {
  const s = await everyButtonFits(page, KIOSK, screen);
  if (shot) await saveShot(page, `fit-${shot}-${KIOSK_TAG}`);
  return s;
}

/**
 * From the title screen to the first sorting level's intro card, then into play; with `fit`,
 * every screen on the way is checked to fit the kiosk.
 */
async function startSorting(page, touch, fit = false) {
  if (fit) {
    await fitsAtKiosk(page, 'title', 'title');
    await pressButton(page, 'lang_en', { touch });
    const english = await waitForState(page, (s) => s.lang === 'en', 30_000, 'English');
    assert.ok(english.title.includes('Green Actor'), `English title shown, got ${JSON.stringify(english.title)}`);
    await fitsAtKiosk(page, 'title in English', 'title-en');
    await pressButton(page, 'lang_zh', { touch });
    await waitForState(page, (s) => s.lang === 'zh', 30_000, 'Chinese again');
  }
  await pressButton(page, 'start', { touch });
  await waitForState(page, (s) => s.screen === 'scene_select', 30_000, 'the scene list');
  if (fit) {
    const list = await fitsAtKiosk(page, 'scene list', 'scenes');
    assert.ok(list.buttons.level_sorting_5, 'every level is reachable without scrolling');
  }
  await pressButton(page, 'scene_sorting', { touch });
  const s = await waitForState(
    page,
    (s) => s.screen === 'playing' && s.scene === 'sorting' && s.sorting?.phase === 'intro',
    60_000,
    'the level intro',
  );
  assert.equal(s.sorting.level_index, 0, 'the first level starts');
  assert.equal(s.sorting.sorted, 0);
  assert.ok(s.sorting.total > 3, `a round has more than three items (has ${s.sorting.total})`);
  assert.ok(s.sorting.bins.length >= 2, 'the bins are laid out');
  if (fit) await fitsAtKiosk(page, 'level card', 'level-card');
  await pressButton(page, 'begin', { touch });
  const playing = await waitForState(page, (s) => s.sorting?.phase === 'playing' && s.sorting.current, 30_000, 'play to begin');
  if (fit) await fitsAtKiosk(page, 'play', 'play');
  return playing;
}

/** Waits for the next item to wait for the player, after `sorted` answers, and returns the state. */
async function nextItem(page, sorted, previousId = null) {
  await waitForState(
    page,
    (s) =>
      s.sorting?.phase === 'playing' &&
      s.sorting.sorted === sorted &&
      s.sorting.current !== null &&
      s.sorting.current.id !== previousId,
    30_000,
    `item ${sorted + 1}`,
  );
  // Let it settle where it spawns.
  await nextFrames(page, 2);
  return waitForState(page, (s) => s.sorting?.current && s.sorting.current.id !== previousId, 10_000, 'the item');
}

function binRect(s, id) {
  const bin = s.sorting.bins.find((b) => b.id === id);
  assert.ok(bin, `bin ${id} is on screen (bins: ${s.sorting.bins.map((b) => b.id).join(', ')})`);
  return bin;
}

function wrongBin(s, item) {
  const bin = s.sorting.bins.find((b) => b.id !== item.bin);
  assert.ok(bin, 'there is a wrong bin');
  return bin;
}

/** Drags the current item onto bin `id` and waits for the answer to count. */
async function dragItemTo(page, s, id, { touch = false } = {}) {
  const item = s.sorting.current;
  await dragTo(page, { x: item.x, y: item.y }, centre(binRect(s, id)), { touch });
  return waitForState(page, (t) => t.sorting && t.sorting.sorted === s.sorting.sorted + 1, 30_000, `${item.id} sorted into ${id}`);
}

/** Sorts the rest of the round with keys 1–6 (the bins in their order), always right. */
async function finishWithKeys(page) {
  await page.focus('#game');
  let previousId = null;
  for (;;) {
    const now = await waitForState(
      page,
      (s) =>
        s.screen === 'results' ||
        s.sorting?.phase === 'finished' ||
        (s.sorting?.phase === 'playing' && s.sorting.current && s.sorting.current.id !== previousId),
      30_000,
      'the next item or the end of the round',
    );
    if (now.screen === 'results' || now.sorting.phase === 'finished') {
      break;
    }
    const { current, bins, sorted } = now.sorting;
    previousId = current.id;
    const key = bins.findIndex((b) => b.id === current.bin) + 1;
    assert.ok(key >= 1 && key <= 6, `the right bin ${current.bin} has a key`);
    await pressKey(page, `Digit${key}`);
    const after = await waitForState(
      page,
      (s) => s.screen === 'results' || (s.sorting && s.sorting.sorted === sorted + 1),
      30_000,
      `${current.id} sorted with key ${key}`,
    );
    if (after.sorting && after.sorting.feedback) {
      assert.fail(`key ${key} put ${current.id} in the wrong bin: ${JSON.stringify(after.sorting.feedback)}`);
    }
  }
  return waitForState(page, (s) => s.screen === 'results' && s.results, 30_000, 'the results screen');
}

describe('02 sorting', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a round with the mouse and keys at 1920x1080, every screen fitting', { timeout: 15 * 60_000 }, async () => {
    await withPage(browser, KIOSK, 'sorting-1920x1080', async ({ page }) => {
      await openGame(page);
      let s = await startSorting(page, false, true);
      const level = s.sorting.level;

      // 1: right bin
      s = await nextItem(page, 0);
      const first = s.sorting.current;
      s = await dragItemTo(page, s, first.bin);
      assert.equal(s.sorting.correct, 1, `${first.id} into ${first.bin} is right`);
      assert.equal(s.sorting.streak, 1);
      assert.ok(s.sorting.score > 0, 'a right answer scores');

      // 2: a wrong bin on purpose → feedback card with the reason
      s = await nextItem(page, 1, first.id);
      const second = s.sorting.current;
      const wrong = wrongBin(s, second);
      await dragItemTo(page, s, wrong.id);
      s = await waitForState(page, (t) => t.sorting?.phase === 'feedback' && t.sorting.feedback, 30_000, 'the feedback card');
      const { feedback } = s.sorting;
      assert.equal(feedback.item, second.id);
      assert.equal(feedback.chosen, wrong.id);
      assert.equal(feedback.correct, second.bin, 'the feedback names the right bin');
      assert.ok(typeof feedback.reason === 'string' && feedback.reason.trim().length > 0, 'the feedback explains why');
      assert.equal(s.sorting.streak, 0, 'a wrong answer ends the streak');
      await saveShot(page, 'sorting-feedback-1920x1080');
      await fitsAtKiosk(page, 'why card');
      await pressButton(page, 'continue');
      await waitForState(page, (t) => t.sorting?.phase === 'playing', 30_000, 'play to go on');

      // 3: right bin again
      s = await nextItem(page, 2, second.id);
      const third = s.sorting.current;
      s = await dragItemTo(page, s, third.bin);
      assert.equal(s.sorting.sorted, 3);
      assert.equal(s.sorting.correct, 2);
      assert.equal(s.sorting.streak, 1, 'the streak starts again after the wrong answer');

      // The rest with keys 1–4, at laptop size: every screen was checked at kiosk size above, and
      // rendering at 1920×1080 costs twice the time; the results are checked at kiosk size again.
      await page.setViewportSize({ width: 1366, height: 768 });
      s = await finishWithKeys(page);
      await page.setViewportSize(KIOSK);
      const { results } = s;
      assert.equal(results.scene, 'sorting');
      assert.equal(results.level, level);
      assert.equal(results.correct, results.total - 1, 'all but the wrong one right');
      assert.ok(results.missed.includes(second.id), `${second.id} is among the lessons: ${results.missed}`);
      await nextFrames(page, 3);
      await saveShot(page, 'results-1920x1080');
      s = await fitsAtKiosk(page, 'results');
      for (const name of ['next_level', 'retry', 'scenes']) {
        assert.ok(s.buttons[name], `${name} is shown without scrolling`);
      }

      assertNoProblems(page);
    });
  });

  test('a round with touch at 390x844', { timeout: 15 * 60_000 }, async () => {
    await withPage(browser, { width: 390, height: 844, touch: true }, 'sorting-390x844', async ({ page }) => {
      await openGame(page);
      let s = await startSorting(page, true);

      // 1: drag with a finger to the right bin
      s = await nextItem(page, 0);
      const first = s.sorting.current;
      s = await dragItemTo(page, s, first.bin, { touch: true });
      assert.equal(s.sorting.correct, 1, `${first.id} into ${first.bin} (finger drag) is right`);

      // 2: tap the item, then tap the right bin
      s = await nextItem(page, 1, first.id);
      const second = s.sorting.current;
      await tap(page, { x: second.x, y: second.y });
      await nextFrames(page, 2);
      await saveShot(page, 'sorting-390x844');
      s = await waitForState(page, (t) => t.sorting?.current?.id === second.id, 10_000, 'the tapped item to wait');
      assert.equal(s.sorting.sorted, 1, 'tapping the item alone does not sort it');
      await tap(page, centre(binRect(s, second.bin)));
      s = await waitForState(page, (t) => t.sorting && t.sorting.sorted === 2, 30_000, `${second.id} sorted by tap-tap`);
      assert.equal(s.sorting.correct, 2, `${second.id} into ${second.bin} (tap-tap) is right`);
      assert.equal(s.sorting.streak, 2);

      // 3: a wrong bin with a finger, then "continue" on the feedback card
      s = await nextItem(page, 2, second.id);
      const third = s.sorting.current;
      await dragItemTo(page, s, wrongBin(s, third).id, { touch: true });
      s = await waitForState(page, (t) => t.sorting?.phase === 'feedback' && t.sorting.feedback, 30_000, 'the feedback card');
      assert.equal(s.sorting.feedback.correct, third.bin);
      assert.ok(s.sorting.feedback.reason.trim().length > 0, 'the feedback explains why');
      await saveShot(page, 'sorting-feedback-390x844');
      await pressButton(page, 'continue', { touch: true });
      await waitForState(page, (t) => t.sorting?.phase === 'playing', 30_000, 'play to go on');

      s = await finishWithKeys(page);
      assert.equal(s.results.correct, s.results.total - 1, 'all but the wrong one right');
      assert.ok(s.results.missed.includes(third.id), `${third.id} is among the lessons: ${s.results.missed}`);
      await nextFrames(page, 3);
      await saveShot(page, 'results-390x844');

      assertNoProblems(page);
    });
  });
});
