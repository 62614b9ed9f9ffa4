// Issue: classroom mode. A teacher's page (laptop) builds a lesson from the built-in pack and
// gives its link; a student's phone page opens that link, enters only a seat number with the
// number pad, plays the lesson with one mistake and saves the results file; the file dropped on
// the teacher's page appears in the class table, and the projector shows the missed item.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  assertNoProblems,
  everyButtonFits,
  launchBrowser,
  newGamePage,
  nextFrames,
  openGame,
  pressButton,
  pressKey,
  saveShot,
  scrollToButton,
  sleep,
  tap,
  waitForState,
} from './lib.mjs';

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844, touch: true };
const SEAT = '12';
/** A moment to read the feedback card, longer than its guard against a carried-over tap. */
const READING_MS = 800;

const started = Date.now();
/** Prints how long the test has run, to see where its time goes. */
const step = (what) => console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);

/**
 * Sorts the round: the first item wrong with a finger (tap the item, then a bin), the rest right
 * with the number keys (the quick way; 02-sorting plays whole rounds by touch).
 */
async function sortWithOneMistake(page) {
  let s = await waitForState(page, (s) => s.sorting?.phase === 'playing' && s.sorting.current, 30_000, 'the first item');
  const first = s.sorting.current;
  const right = s.sorting.bins.findIndex((b) => b.id === first.bin);
  const wrong = s.sorting.bins[(right + 1) % s.sorting.bins.length];
  await tap(page, { x: first.x, y: first.y });
  await nextFrames(page, 2);
  await tap(page, { x: wrong.x + wrong.w / 2, y: wrong.y + wrong.h / 2 });
  await waitForState(page, (t) => t.sorting?.phase === 'feedback', 30_000, 'the feedback card');
  // The tap on the bin must not also dismiss the card that says why: it stays to be read.
  await sleep(READING_MS);
  s = await waitForState(page, () => true, 10_000, 'the feedback card');
  assert.equal(s.sorting.phase, 'feedback', 'the why-card stays after the tap that sorted');
  await pressButton(page, 'continue', { touch: true });
  await page.focus('#game');
  let previous = first.id;
  for (;;) {
    s = await waitForState(
      page,
      (s) => s.screen === 'results' || (s.sorting?.phase === 'playing' && s.sorting.current && s.sorting.current.id !== previous),
      30_000,
      'the next item or the results',
    );
    if (s.screen === 'results') return s;
    previous = s.sorting.current.id;
    await pressKey(page, `Digit${s.sorting.bins.findIndex((b) => b.id === s.sorting.current.bin) + 1}`);
  }
}

describe('07 classroom', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a teacher plans a lesson, a phone joins by its link with a seat number and the results file reaches the class table', async () => {
    const teacher = await newGamePage(browser, LAPTOP);
    const student = await newGamePage(browser, PHONE);
    try {
      // The teacher's lesson: the first sorting level.
      await openGame(teacher.page, { size: LAPTOP });
      step('teacher page loaded');
      await pressButton(teacher.page, 'class');
      await pressButton(teacher.page, 'teacher');
      await pressButton(teacher.page, 'add_0_0');
      await scrollToButton(teacher.page, 'make_lesson');
      await pressButton(teacher.page, 'make_lesson');
      const planned = await waitForState(teacher.page, (s) => s.classroom?.teacher?.lesson, 30_000, 'the lesson code');
      const code = planned.classroom.teacher.lesson;
      assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
      await scrollToButton(teacher.page, 'lesson_qr');
      await everyButtonFits(teacher.page, LAPTOP, 'the lesson builder', { scrolls: true });
      await saveShot(teacher.page, 'class-lesson-builder-1366x768');

      // The teacher closes the page while the students play (two pages drawing at once on
      // SwiftShader would halve the speed of both); the lesson is kept in this browser.
      await teacher.page.close();
      step('lesson planned');

      // The student's phone opens the link: the code is filled in; only the seat is asked.
      await openGame(student.page, { size: PHONE, query: `test=1&lesson=${code}` });
      step('student page loaded');
      const joining = await waitForState(student.page, (s) => s.screen === 'join', 30_000, 'the join screen');
      assert.equal(joining.classroom.join.code, code);
      for (const digit of SEAT) {
        await scrollToButton(student.page, `seat_${digit}`);
        await pressButton(student.page, `seat_${digit}`, { touch: true });
      }
      await waitForState(student.page, (s) => s.classroom.join.seat === SEAT, 10_000, 'the seat number');
      await saveShot(student.page, 'class-join-390x844');
      await scrollToButton(student.page, 'join_start');
      await pressButton(student.page, 'join_start', { touch: true });
      step('joined');
      await waitForState(student.page, (s) => s.sorting?.phase === 'intro', 60_000, 'the lesson level');
      await pressButton(student.page, 'begin', { touch: true });
      const results = await sortWithOneMistake(student.page);
      assert.equal(results.results.missed.length, 1);
      step('level played');
      await pressButton(student.page, 'lesson_next', { touch: true });
      const card = await waitForState(student.page, (s) => s.screen === 'lesson_card', 30_000, 'the results card');
      assert.equal(card.classroom.student.seat, Number(SEAT));
      assert.equal(card.classroom.student.over, true);
      await waitForState(student.page, (s) => s.buttons?.result_qr, 10_000, 'the result QR');
      await saveShot(student.page, 'class-results-card-390x844');

      // "Save my results file" downloads the small file a student sends to the teacher.
      await scrollToButton(student.page, 'save_result');
      const download = student.page.waitForEvent('download', { timeout: 30_000 });
      await pressButton(student.page, 'save_result', { touch: true });
      const file = await download;
      assert.equal(file.suggestedFilename(), `green-actor-seat-${SEAT}.json`);
      const text = await (await file.createReadStream()).toArray().then((parts) => Buffer.concat(parts).toString('utf8'));
      const saved = JSON.parse(text);
      assert.equal(saved.format, 'green-actor-result');
      assert.equal(saved.code, card.classroom.student.result_code);
      assert.deepEqual(Object.keys(saved).sort(), ['code', 'format', 'lesson', 'seat'], 'nothing but the lesson, seat and code');

      step('results file saved');

      // A phone that drops the page (sending the file in another app) gets the card back.
      await student.page.reload({ waitUntil: 'load' });
      const back = await waitForState(student.page, (s) => s.screen === 'lesson_card', 120_000, 'the card after a reload');
      assert.equal(back.classroom.student.result_code, card.classroom.student.result_code);
      step('card back after a reload');

      // Dropped on the teacher's page, it appears in the class table.
      assertNoProblems(student.page);
      await student.context.close();

      // The teacher opens the exhibit again: the lesson is still there.
      teacher.page = await teacher.context.newPage();
      await openGame(teacher.page, { size: LAPTOP });
      await pressButton(teacher.page, 'class');
      await pressButton(teacher.page, 'teacher');
      const kept = await waitForState(teacher.page, (s) => s.screen === 'teacher', 30_000, "the teacher's view");
      assert.equal(kept.classroom.teacher.lesson, code, 'the lesson is kept over a reload');
      await pressButton(teacher.page, 'tab_class');
      const transfer = await teacher.page.evaluateHandle(({ name, text }) => {
        const data = new DataTransfer();
        data.items.add(new File([text], name, { type: 'application/json' }));
        return data;
      }, { name: file.suggestedFilename(), text });
      await teacher.page.dispatchEvent('#game', 'drop', { dataTransfer: transfer });
      const table = await waitForState(teacher.page, (s) => s.classroom.teacher.seats.length === 1, 30_000, 'the seat in the class table');
      const [line] = table.classroom.teacher.seats;
      assert.deepEqual([line.seat, line.correct, line.total], [Number(SEAT), results.results.total - 1, results.results.total]);
      assert.deepEqual(table.classroom.teacher.most_missed, results.results.missed);
      assert.equal(table.screen, 'teacher', 'a results file is not opened as a pack');
      await saveShot(teacher.page, 'class-table-1366x768');
      await scrollToButton(teacher.page, 'tab_projector');
      await pressButton(teacher.page, 'tab_projector');
      await waitForState(teacher.page, (s) => s.classroom.teacher.tab === 'projector', 10_000, 'the projector');
      await saveShot(teacher.page, 'class-projector-1366x768');
      assertNoProblems(teacher.page);
      step('class table and projector');
    } finally {
      await teacher.context.close().catch(() => {});
      await student.context.close().catch(() => {});
    }
  });
});
