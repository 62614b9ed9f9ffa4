// Issue: waste sorting and the scene seam. A later level in English at laptop size: items ride
// the conveyor belt, the language switch in the round changes the scene's own text, and Back
// leaves the round. Then a second shipped pack is chosen with `?pack=shanghai`.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  assertNoProblems,
  launchBrowser,
  openGame,
  pressButton,
  pressKey,
  saveShot,
  sleep,
  waitForState,
  withPage,
} from './lib.mjs';

describe('03 conveyor', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a conveyor level in English at 1366x768', async () => {
    const size = { width: 1366, height: 768 };
    await withPage(browser, size, 'conveyor-1366x768', async ({ page }) => {
      await openGame(page, { size });
      await pressButton(page, 'lang_en');
      await waitForState(page, (s) => s.lang === 'en', 30_000, 'English');
      await pressButton(page, 'start');
      await waitForState(page, (s) => s.screen === 'scene_select', 30_000, 'the scene list');
      await pressButton(page, 'level_sorting_4');
      const intro = await waitForState(page, (s) => s.sorting?.phase === 'intro', 60_000, 'the level card');
      assert.equal(intro.sorting.level_index, 3, 'level 4 was chosen');
      assert.equal(intro.sorting.level_title, 'Conveyor belt', 'the scene shows its English text');
      await saveShot(page, 'sorting-intro-en-1366x768');
      await pressButton(page, 'begin');
      const first = await waitForState(page, (s) => s.sorting?.current, 30_000, 'an item on the belt');
      await sleep(1500);
      const later = await waitForState(
        page,
        (s) => s.sorting?.current?.id === first.sorting.current.id && s.sorting.current.x > first.sorting.current.x + 5,
        30_000,
        'the item to ride the belt',
      );
      assert.ok(Math.abs(later.sorting.current.y - first.sorting.current.y) < 1, 'the belt is level');
      await saveShot(page, 'sorting-conveyor-1366x768');
      const keys = { R: '1', H: '2', F: '3', O: '4' };
      await pressKey(page, keys[later.sorting.current.bin]);
      await waitForState(page, (s) => s.sorting?.correct === 1, 30_000, 'the first right answer');
      await pressButton(page, 'lang_zh');
      await waitForState(page, (s) => s.sorting?.level_title === '传送带', 30_000, 'the level title in Chinese');
      await pressButton(page, 'home');
      await waitForState(page, (s) => s.buttons.leave && s.buttons.stay, 30_000, 'Back to ask before throwing the round away');
      await saveShot(page, 'sorting-leave-question-1366x768');
      await pressButton(page, 'leave');
      await waitForState(page, (s) => s.screen === 'scene_select', 30_000, 'back to the scene list');

      const shanghai = await openGame(page, { size, query: 'test=1&pack=shanghai' });
      assert.equal(shanghai.pack.id, 'shanghai', 'the named pack runs');
      assert.equal(shanghai.pack.label, 'packs/shanghai');
      assert.deepEqual(shanghai.errors, []);
      assert.deepEqual(shanghai.pack.scenes[0].levels, ['shanghai-1', 'shanghai-2']);
      await pressButton(page, 'start');
      await waitForState(page, (s) => s.screen === 'scene_select' && s.buttons.level_sorting_2, 30_000, 'the Shanghai levels');
      await pressButton(page, 'level_sorting_1');
      const card = await waitForState(page, (s) => s.sorting?.phase === 'intro', 60_000, 'the Shanghai level card');
      assert.equal(card.sorting.level, 'shanghai-1');
      await saveShot(page, 'sorting-intro-shanghai-1366x768');
      assertNoProblems(page);
    });
  });
});
