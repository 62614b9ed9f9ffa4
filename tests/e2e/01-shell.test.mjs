// Issue: foundation and walk-up quality. The loading page draws its Chinese with its own embedded
// font; the game loads in a browser at laptop and phone sizes, shows its title in Chinese first,
// switches to English (and remembers it), and reaches the scene list. At kiosk size 02-sorting's
// round checks the same screens (one page load fewer: a 1920×1080 page renders at half the speed).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  assertNoProblems,
  canvasNotBlank,
  fontsDrawing,
  launchBrowser,
  openGame,
  pressButton,
  saveShot,
  SIZES,
  waitForState,
  waitForTitle,
  withPage,
} from './lib.mjs';

/** The loading page's title and status line are drawn with the font embedded in the page. */
async function loadingPageUsesItsOwnFont(page) {
  for (const selector of ['#overlay h1', '#status-text']) {
    const fonts = await fontsDrawing(page, selector);
    const chinese = fonts.filter((f) => f.familyName === 'GreenActorPage');
    assert.ok(
      chinese.length === 1 && chinese[0].isCustomFont && chinese[0].glyphCount > 0,
      `${selector} is drawn with ${JSON.stringify(fonts)}`,
    );
  }
  const title = (await fontsDrawing(page, '#overlay h1'));
  assert.deepEqual(title.map((f) => f.familyName), ['GreenActorPage'], 'every glyph of 绿色行动者 comes from it');
}

describe('01 shell', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  const sizes = SIZES.filter((s) => s.width !== 1920);
  for (const size of sizes) {
    const tag = `${size.width}x${size.height}`;
    // The language choice is checked across a reload at the first size only: each load of the
    // game costs 10–30 s under SwiftShader.
    const checkReload = size === sizes[0];

    test(`title, language and scene list at ${tag}${size.touch ? ' (touch)' : ''}`, { timeout: 15 * 60_000 }, async () => {
      await withPage(browser, size, `shell-${tag}`, async ({ page }) => {
        const whileLoading = checkReload ? loadingPageUsesItsOwnFont : undefined;
        let s = await openGame(page, { whileLoading });
        assert.equal(s.errors.length, 0, `the built-in pack has errors: ${s.errors.join('; ')}`);

        assert.ok(await canvasNotBlank(page), `the title screen looks blank: ${JSON.stringify(canvasNotBlank.details)}`);
        assert.equal(s.lang, 'zh', 'Chinese is the default language');
        assert.ok(s.title.includes('绿色行动者'), `Chinese title shown, got ${JSON.stringify(s.title)}`);
        await saveShot(page, `title-${tag}`);

        await pressButton(page, 'lang_en', { touch: size.touch });
        s = await waitForState(page, (s) => s.lang === 'en', 30_000, 'English');
        assert.ok(s.title.includes('Green Actor'), `English title shown, got ${JSON.stringify(s.title)}`);
        assert.equal(s.screen, 'title');
        await saveShot(page, `title-en-${tag}`);

        await pressButton(page, 'start', { touch: size.touch });
        s = await waitForState(page, (s) => s.screen === 'scene_select', 30_000, 'the scene list');
        assert.ok(s.buttons.scene_sorting, 'the scene list offers waste sorting');
        assert.ok(await canvasNotBlank(page), `the scene list looks blank: ${JSON.stringify(canvasNotBlank.details)}`);
        await saveShot(page, `scenes-${tag}`);

        if (checkReload) {
          await page.reload({ waitUntil: 'load' });
          s = await waitForTitle(page);
          assert.equal(s.lang, 'en', 'the language choice is remembered across a reload');
          assert.ok(s.title.includes('Green Actor'), `English title after reload, got ${JSON.stringify(s.title)}`);
        }

        assertNoProblems(page);
      });
    });
  }
});
