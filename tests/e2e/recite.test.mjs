// 背诵 and 今日复习 as a reader uses them: reciting a quotation through every level; a card answered wrong comes back in
// today's queue and after a right answer leaves it until its next date (the clock moved forward); the study sheet prints
// its answer key on a page of its own.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BANK, answer } from './quizzing.mjs';
import AxeBuilder from '@axe-core/playwright';
import { REPO, newContext, screenshot, waitForApp, openPage } from './support.mjs';
import { browser, server } from './site.mjs';

const PAGE_MD = readFileSync(path.join(REPO, 'assets', 'content', '000', 'page.md'), 'utf8');
const Q2 = PAGE_MD.match(/^q2: (.+)$/m)[1];
const DAY = 24 * 3600 * 1000;
const START = new Date('2026-11-28T09:00:00+08:00').getTime();

const open = (context, path = '') => openPage(context, server, path);

/** Fills every blank wrong, reads the corrections shown, fills them in and checks again. */
async function fillBlanks(page) {
  const fields = page.locator('.blank-field');
  const n = await fields.count();
  assert.ok(n > 0);
  for (let i = 0; i < n; i++) await fields.nth(i).fill('错');
  await page.locator('#recite-check').click();
  await page.locator('#recite-result').waitFor();
  assert.match(await page.locator('#recite-result').innerText(), new RegExp(`填对 0 / ${n} 空`));
  const corrections = await page.locator('.correction').allInnerTexts();
  assert.equal(corrections.length, n);
  for (let i = 0; i < n; i++) await fields.nth(i).fill(corrections[i].replace(/^（|）$/g, ''));
  await page.locator('#recite-check').click();
  await page.waitForFunction(() => document.querySelector('#recite-result')?.innerText.includes('全部正确'));
}

test('reciting a quotation through every level', async () => {
  const context = await newContext(browser, 'phone');
  const { page, watcher } = await open(context, '000/recite-q-6sst-q2.html');
  await page.locator('#recite-read').click();
  await page.locator('#recite-next').click();
  // Level 2 shows each blank's first character as a hint.
  assert.ok((await page.locator('.hint-char').count()) > 0);
  await fillBlanks(page);
  await page.locator('#recite-next').click();
  assert.equal(await page.locator('.hint-char').count(), 0);
  await fillBlanks(page);
  await page.locator('#recite-next').click();
  // Level 4: a half-remembered text shows what is missing, character by character …
  await page.locator('#memory-input').fill(Q2.slice(0, Q2.length / 2));
  await page.locator('#recite-check').click();
  await page.locator('.diff .missing').first().waitFor();
  assert.match(await page.locator('#recite-result .verdict').innerText(), /记住了 \d+%，再练练/);
  // … and the whole text, typed without punctuation, passes.
  await page.locator('#memory-input').fill(Q2.replace(/[，。、“”；：]/g, ' '));
  await page.locator('#recite-check').click();
  await page.waitForFunction(() => document.querySelector('#recite-result .verdict')?.innerText.includes('记住了 100%'));
  // The clauses can be put in order instead.
  await page.getByRole('button', { name: '改为排列句子' }).click();
  const clauses = page.locator('li.fragment');
  const n = await clauses.count();
  const original = Q2.match(/[^，。；：！？]+[，。；：！？]?/g);
  for (let target = 0; target < n; target++) {
    const shown = await clauses.locator('.fragment-text').allInnerTexts();
    let at = shown.findIndex((text, i) => i >= target && text === original[target]);
    for (; at > target; at--) await clauses.nth(at).getByRole('button', { name: /^上移/ }).click();
  }
  await page.locator('#recite-check').click();
  await page.waitForFunction(() => document.querySelector('#recite-result')?.innerText.includes('顺序完全正确'));
  await page.reload();
  await waitForApp(page);
  for (const step of ['第一步 通读', '第二步 提示填空', '第三步 填空', '第四步 默写']) {
    await page.getByRole('button', { name: `✔ ${step}` }).waitFor();
  }
  const violations = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations;
  assert.deepEqual(violations.map((v) => v.id), []);
  await screenshot(page, 'recite-phone');
  watcher.assertClean();
  await context.close();
});

test('a card answered wrong comes back today; after a right answer it leaves until its next date', async () => {
  const context = await newContext(browser, 'desktop');
  await context.clock.setFixedTime(START);
  const { page, watcher } = await open(context, '000/quiz-a-byfe.html');
  // Answer the first question wrong: it becomes a review card.
  await page.locator('#quiz-start').click();
  const id = await page.locator('#question').getAttribute('data-question');
  const blank = page.locator('#blank-input');
  if (await blank.count()) await blank.fill('不知道');
  else await page.locator('#question label[for^="option"]').last().click();
  await page.locator('#quiz-check').click();
  // 读后测 asks in bank order: the first is a multiple choice, and one option alone is wrong.
  assert.equal(id, 'a-byfe-1');
  assert.match(await page.locator('.verdict').innerText(), /回答错误/);
  await page.goto(`${server.url}review.html`);
  await waitForApp(page);
  const count = async () => Number((await page.locator('#review-count').innerText()).match(/\d+/)[0]);
  const before = await count();
  assert.equal(before, 1);
  assert.equal(await page.locator('#question').getAttribute('data-question'), id);
  // Wrong again: it stays in today's queue.
  const answerCard = async (right) => {
    const q = BANK.get(await page.locator('#question').getAttribute('data-question'));
    await answer(page, q, right);
    await page.locator('#review-next').click();
    return right;
  };
  assert.equal(await answerCard(false), false);
  await page.locator('#question').waitFor();
  assert.equal(await count(), 1, "a wrong answer keeps the card in today's queue");
  // Right: it leaves today's queue …
  await page.locator('#question').waitFor();
  assert.ok(await answerCard(true), 'the right answer was accepted');
  await page.waitForFunction(() => document.querySelector('#review-count')?.innerText.includes('还有 0 项'));
  // … and comes back on its next date.
  await context.clock.setFixedTime(START + DAY);
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction(() => /\d+/.test(document.querySelector('#review-count')?.innerText ?? ''));
  assert.equal(await count(), 1, 'the card is due again on its next date, the next day');
  assert.equal(await page.locator('#question').getAttribute('data-question'), id);
  watcher.assertClean();
  await context.close();
});

test('the study sheet prints with its answer key on a page of its own', async () => {
  const context = await newContext(browser, 'desktop');
  const { page, watcher } = await open(context, '000/sheet.html');
  assert.ok((await page.locator('.sheet-blank').count()) >= 9);
  assert.ok((await page.locator('.sheet-questions > li').count()) >= 10);
  assert.equal(await page.locator('.key-blanks > li').count(), await page.locator('.sheet-blank').count());
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#print-button').isVisible(), false);
  assert.equal(await page.locator('.app-header').isVisible(), false);
  const breakBefore = await page.locator('.answer-key').evaluate((e) => getComputedStyle(e).breakBefore);
  assert.equal(breakBefore, 'page');
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 2, `${pages} pages`);
  watcher.assertClean();
  await context.close();
});
