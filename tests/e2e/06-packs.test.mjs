// Issue: teacher packs in the browser. On one page at laptop size: a broken pack picked through the
// real file input shows its located problems while the built-in pack keeps running; the example
// pack (docs/examples, as the zip `pack build` makes) shows its report and a preview of every
// level, is used and played; after a reload it is still there; a damaged store is reported and
// reset, and the built-in pack runs again.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ROOT,
  assertNoProblems,
  everyButtonFits,
  launchBrowser,
  nextFrames,
  openGame,
  pressButton,
  pressKey,
  saveShot,
  waitForState,
  waitForTitle,
  withPage,
} from './lib.mjs';

const EXAMPLE_ZIP = path.join(ROOT, 'docs/examples/example-shanghai-1.0.0.zip');
const BROKEN_MANIFEST = path.join(ROOT, 'tests/fixtures/broken-syntax/pack.json');

/** Presses "open a file" and hands the file chooser it opens `file`. */
async function pickFile(page, file) {
  const chooser = page.waitForEvent('filechooser', { timeout: 30_000 });
  await pressButton(page, 'open_pack');
  await (await chooser).setFiles(file);
}

async function opened(page, what) {
  return waitForState(page, (s) => s.screen === 'packs' && s.packs?.opened, 60_000, what);
}

/** Sorts the round's items with keys 1–6, always right, until the results. */
async function sortRoundWithKeys(page) {
  await page.focus('#game');
  let previous = null;
  for (;;) {
    const s = await waitForState(
      page,
      (s) => s.screen === 'results' || (s.sorting?.phase === 'playing' && s.sorting.current && s.sorting.current.id !== previous),
      30_000,
      'the next item or the results',
    );
    if (s.screen === 'results') {
      return s;
    }
    previous = s.sorting.current.id;
    if (previous === 'SH-H02') {
      await saveShot(page, 'packs-own-picture-1366x768'); // the pack's own picture of a button cell
    }
    await pressKey(page, `Digit${s.sorting.bins.findIndex((b) => b.id === s.sorting.current.bin) + 1}`);
  }
}

describe('06 packs', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a broken pack is reported, the example pack is previewed, played and kept over a reload', { timeout: 10 * 60_000 }, async () => {
    const size = { width: 1366, height: 768 };
    await withPage(browser, size, 'packs-1366x768', async ({ page }) => {
      let s = await openGame(page, { size, query: 'test=1&seed=3&persist=0' });
      assert.equal(s.pack.id, 'default', 'the built-in pack runs at first');
      await pressButton(page, 'packs');
      s = await waitForState(page, (s) => s.screen === 'packs' && s.packs, 30_000, 'the pack manager');
      assert.deepEqual(s.packs.kept, [], 'nothing is kept yet');
      await everyButtonFits(page, size, 'pack manager');
      await saveShot(page, 'packs-manager-1366x768');

      await pickFile(page, BROKEN_MANIFEST);
      s = await opened(page, 'the broken pack\'s report');
      assert.equal(s.packs.opened.playable, false);
      assert.ok(s.packs.opened.errors >= 1);
      assert.match(s.packs.opened.problems[0], /^pack\.json:6:3: /, 'the problem is located, line and column');
      assert.ok(!s.buttons.use_pack, 'a pack with nothing playable cannot be used');
      await saveShot(page, 'packs-broken-report-1366x768');
      await pressButton(page, 'discard_pack');
      s = await waitForState(page, (s) => s.screen === 'packs' && !s.packs.opened, 30_000, 'the manager again');
      assert.equal(s.pack.id, 'default', 'the built-in pack still runs');

      await pickFile(page, EXAMPLE_ZIP);
      s = await opened(page, 'the example pack\'s report');
      const example = s.packs.opened;
      assert.equal(example.playable, true);
      assert.equal(example.errors, 0, `no errors: ${example.problems.join('; ')}`);
      assert.equal(example.id, 'example-shanghai@1.0.0');
      assert.deepEqual(example.levels.map((l) => l.scene), ['sorting', 'travel'], 'every level is previewed');
      assert.ok(example.levels[0].lines.some((line) => line.includes('→')), 'items with their bins');
      assert.ok(example.levels[1].lines.length > 1, 'the week\'s trips');
      await everyButtonFits(page, size, 'pack report');
      await saveShot(page, 'packs-example-preview-1366x768');
      for (const other of [{ width: 1920, height: 1080 }, { width: 390, height: 844 }]) {
        await page.setViewportSize(other);
        await nextFrames(page, 3);
        await everyButtonFits(page, other, `pack report at ${other.width}x${other.height}`);
        await saveShot(page, `packs-example-preview-${other.width}x${other.height}`);
      }
      await page.setViewportSize(size);
      await nextFrames(page, 3);
      await pressButton(page, 'use_pack');
      s = await waitForState(page, (s) => s.screen === 'scene_select' && s.pack.id === 'example-shanghai', 30_000, 'the example pack running');
      assert.equal(s.pack.version, '1.0.0');
      await pressButton(page, 'level_sorting_1');
      await waitForState(page, (s) => s.sorting?.phase === 'intro', 60_000, 'the example level');
      await pressButton(page, 'begin');
      s = await sortRoundWithKeys(page);
      assert.equal(s.results.scene, 'sorting');
      assert.equal(s.results.correct, s.results.total, 'every answer right');

      await page.reload({ waitUntil: 'load' });
      s = await waitForTitle(page);
      s = await waitForState(page, (s) => s.pack?.id === 'example-shanghai', 30_000, 'the kept pack after a reload');
      await pressButton(page, 'packs');
      s = await waitForState(page, (s) => s.screen === 'packs' && s.packs.kept.length === 1, 30_000, 'the kept pack listed');
      assert.equal(s.packs.active, 'example-shanghai@1.0.0');
      await saveShot(page, 'packs-kept-1366x768');

      // A store another version left damaged: reported, cleared, and the built-in pack runs.
      await page.evaluate(async () => {
        const db = await new Promise((resolve, reject) => {
          const open = indexedDB.open('green-actor-packs', 1);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        await new Promise((resolve, reject) => {
          const put = db.transaction('packs', 'readwrite').objectStore('packs').put({ id: 'example-shanghai@1.0.0', files: 'not files' });
          put.onsuccess = resolve;
          put.onerror = () => reject(put.error);
        });
      });
      await page.reload({ waitUntil: 'load' });
      await waitForTitle(page);
      await pressButton(page, 'packs');
      s = await waitForState(page, (s) => s.screen === 'packs' && s.packs.notice, 30_000, 'the store\'s notice');
      assert.match(s.packs.notice, /损坏/);
      assert.deepEqual(s.packs.kept, [], 'the damaged store was cleared');
      assert.equal(s.pack.id, 'default', 'the built-in pack runs');
      assertNoProblems(page);
    });
  });
});
