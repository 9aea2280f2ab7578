// Review on FSRS, as a reader meets it: the cards the last SM-2 release stored (fixtures/progress-fc8411e.json, made
// by make-progress-fc8411e.mjs driving that release) migrate without loss — due days, grades and lapses kept, each
// SM-2 state turned into an FSRS memory — and are then scheduled by FSRS; and the first recitation from memory is
// the card's first grade, so a perfect one is next due in days, a poor one today.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BANK, answer } from './quizzing.mjs';
import { REPO, contextWithStored, newContext, openPage, waitForApp } from './support.mjs';
import { browser, server } from './site.mjs';

const DAY = 24 * 3600 * 1000;
const FIXTURE = readFileSync(path.join(REPO, 'tests', 'e2e', 'fixtures', 'progress-fc8411e.json'), 'utf8');
const OLD = JSON.parse(FIXTURE);
const PAGE_MD = readFileSync(path.join(REPO, 'assets', 'content', '000', 'page.md'), 'utf8');
const Q2 = PAGE_MD.match(/^q2: (.+)$/m)[1];

/** Noon of local day `day` (days since 1970-01-01 in Beijing, where the fixture was made). */
const noonOf = (day) => day * DAY + 4 * 3600 * 1000;

const storedProgress = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('xuexi.progress')));
const dueCount = async (page) => Number((await page.locator('#review-count').innerText()).match(/\d+/)[0]);

const open = (context, route) => openPage(context, server, route);

test('the fixture holds SM-2 cards as the last SM-2 release stored them', () => {
  assert.equal(OLD.schema, 2);
  const cards = OLD.progress.review.cards;
  assert.equal(cards.length, 3);
  assert.ok(cards.every((card) => card.sm2 && !card.memory));
  assert.deepEqual(cards.map((c) => c.sm2.interval_days).sort((a, b) => a - b), [1, 1, 15]);
  assert.ok(cards.some((c) => c.sm2.ease_hundredths !== 250), 'no E-Factor but the first');
});

test('SM-2 cards migrate without loss and are then scheduled by FSRS', async () => {
  const cards = OLD.progress.review.cards;
  const lastDay = Math.max(...cards.map((c) => c.last_graded ?? 0));
  const context = await contextWithStored(browser, FIXTURE, { serviceWorkers: 'block' });
  await context.clock.setFixedTime(noonOf(lastDay));
  const { page, watcher } = await open(context, 'review.html');
  // The last day of the fixture: the cards graded below good that day (SM-2 repeats them the same day) are still in
  // its queue.
  const failedToday = cards.filter((c) => c.again_today && c.last_graded === lastDay).length;
  assert.ok(failedToday >= 2, FIXTURE);
  await page.waitForFunction(() => /\d+/.test(document.querySelector('#review-count')?.innerText ?? ''));
  assert.equal(await dueCount(page), failedToday);
  // Stored again in the new schema, every card kept.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('xuexi.progress')).schema === 3);
  const migrated = (await storedProgress(page)).progress;
  assert.equal(migrated.review.cards.length, cards.length);
  for (const old of cards) {
    const card = migrated.review.cards.find((c) => c.id === old.id);
    assert.ok(card, `${old.id} was lost`);
    for (const key of ['added', 'due', 'last_graded', 'again_today', 'reviews', 'lapses']) {
      assert.deepEqual(card[key], old[key], `${old.id}: ${key}`);
    }
    assert.equal(card.sm2, undefined, `${old.id} kept its SM-2 state`);
    // A graded card's memory: stability is its last interval; difficulty in 1–10, higher for a lower E-Factor.
    assert.equal(card.memory.stability, old.sm2.interval_days, old.id);
    assert.ok(card.memory.difficulty >= 1 && card.memory.difficulty <= 10, old.id);
  }
  // Everything else is as it was.
  for (const key of ['attempts', 'best', 'questions', 'recite', 'days', 'favourites']) {
    assert.deepEqual(migrated[key], OLD.progress[key], key);
  }

  // On the long card's due day, every card is due; recalling it (记得) gives a longer interval than SM-2's last.
  const long = cards.find((c) => c.sm2.interval_days === 15);
  await context.clock.setFixedTime(noonOf(long.due));
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction(() => /\d+/.test(document.querySelector('#review-count')?.innerText ?? ''));
  assert.equal(await dueCount(page), cards.length);
  // Work through the queue until the long card has been graded: other quotations 很轻松, questions answered right.
  for (let i = 0; i < cards.length; i++) {
    const left = await dueCount(page);
    if ((await page.locator('#review-reveal').count()) > 0) {
      await page.locator('#review-reveal').click();
      const isLong = (await page.locator('blockquote.quotation').innerText()).trim() === Q2;
      await page.getByRole('button', { name: isLong ? '记得' : '很轻松', exact: true }).click();
      if (isLong) break;
    } else {
      const q = BANK.get(await page.locator('#question').getAttribute('data-question'));
      await answer(page, q, true);
      await page.locator('#review-next').click();
    }
    await page.waitForFunction((n) => Number(document.querySelector('#review-count')?.innerText.match(/\d+/)?.[0]) < n, left);
  }
  await page.waitForFunction(
    ([id, reviews]) => JSON.parse(localStorage.getItem('xuexi.progress')).progress.review.cards.find((c) => c.id === id).reviews > reviews,
    [long.id, long.reviews],
  );
  const after = (await storedProgress(page)).progress.review.cards.find((c) => c.id === long.id);
  assert.ok(after.memory.stability > 15, JSON.stringify(after));
  assert.ok(after.due - long.due > 15, JSON.stringify(after));
  watcher.assertClean();
  await context.close();
});

test('the first recitation from memory is the first grade: perfect is due in days, poor is due today', async () => {
  for (const [typed, percent, dueToday] of [
    [Q2, 100, false],
    [Q2.slice(0, Math.floor(Q2.length / 2)), null, true],
  ]) {
    const context = await newContext(browser, 'phone', { serviceWorkers: 'block' });
    await context.clock.setFixedTime(new Date('2026-12-03T09:00:00+08:00').getTime());
    const { page, watcher } = await open(context, '000/recite-q-6sst-q2.html');
    await page.getByRole('button', { name: '第四步 默写' }).click();
    await page.locator('#memory-input').fill(typed);
    await page.locator('#recite-check').click();
    await page.locator('#recite-result .verdict').waitFor();
    if (percent) assert.match(await page.locator('#recite-result .verdict').innerText(), /记住了 100%/);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('xuexi.progress') ?? 'null')?.progress.review.cards.length === 1);
    const [card] = (await storedProgress(page)).progress.review.cards;
    assert.equal(card.reviews, 1);
    if (dueToday) {
      assert.equal(card.lapses, 1);
      assert.equal(card.again_today, true);
    } else {
      // Good as a first grade: stability w2 = 2.3065 days, due in 2.
      assert.equal(card.due - card.added, 2);
      assert.equal(card.memory.stability, 2.3065);
    }
    await page.goto(`${server.url}review.html`);
    await waitForApp(page);
    await page.waitForFunction(() => /\d+/.test(document.querySelector('#review-count')?.innerText ?? ''));
    assert.equal(await dueCount(page), dueToday ? 1 : 0);
    watcher.assertClean();
    await context.close();
  }
});
