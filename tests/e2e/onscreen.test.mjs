// Older readers on a phone (issue 17), at 360×740 with WeChat's user agent, at 100% and 200% text, default and 夜间:
// after every action the next thing to read or tap is fully on screen below the sticky header — the new question's
// number and prompt after 下一题, the score after 查看成绩, the verdict and 下一题 after 提交答案, the result of a
// recitation (every question of the bank at 200%) — nothing scrolls sideways (recitation corrections included), the
// header takes at most a fifth of the screen; the first touch moves no text; a tap anywhere on a home card opens its
// item; the ¶ link adds no line; 提交答案 says why it cannot check yet; shortcuts are explained only with a keyboard.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answer, currentQuestion } from './quizzing.mjs';
import { WECHAT_UA, newContext, openPage, screenshot, watchPage } from './support.mjs';
import { browser, server } from './site.mjs';

const PHONE = { viewport: { width: 360, height: 740 }, userAgent: WECHAT_UA };
const SIZES = ['100%', '200%'];
const THEMES = ['默认', '夜间'];

/** Waits until the app's effects after the last action have run and the page has been laid out. */
const settle = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** The elements (by selector) that are not wholly on screen below the header: their names with where they are. */
async function offScreen(page, selectors) {
  return page.evaluate((selectors) => {
    const header = document.querySelector('.app-header').getBoundingClientRect().bottom;
    const bottom = window.innerHeight;
    return selectors.flatMap((selector) => {
      const element = document.querySelector(selector);
      if (!element) return [`${selector}: missing`];
      const rect = element.getBoundingClientRect();
      const inside = rect.top >= header - 0.5 && rect.bottom <= bottom + 0.5 && rect.height > 0;
      return inside ? [] : [`${selector}: ${Math.round(rect.top)}–${Math.round(rect.bottom)} px, room ${Math.round(header)}–${bottom}`];
    });
  }, selectors);
}

const scrollsSideways = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

/** A phone context with the text size and theme chosen through 设置, as a reader does. */
async function readerAt(size, theme) {
  const context = await newContext(browser, 'phone', PHONE);
  const { page, watcher } = await openPage(context, server, '');
  await page.locator('#settings-button').tap();
  await page.getByRole('button', { name: size, exact: true }).tap();
  if (theme !== '默认') await page.getByRole('button', { name: theme, exact: true }).tap();
  // 关闭 stays one word on one line.
  const closeLines = await page.locator('#settings-close').evaluate((button) => {
    const range = document.createRange();
    range.selectNodeContents(button);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  assert.equal(closeLines, 1, `${size} ${theme}: 关闭 breaks over ${closeLines} lines`);
  await page.locator('#settings-close').tap();
  return { context, page, watcher };
}

/**
 * Takes the quiz `file` of page 000 from 开始答题 to the score, answering question i right when `right(i)`, and checks
 * after each step that what comes next is wholly on screen below the header and nothing scrolls sideways.
 */
async function takeQuiz(page, name, file, right) {
  await page.goto(`${server.url}000/${file}`);
  await page.waitForFunction(() => document.body?.dataset.app === 'ready');
  await page.locator('#quiz-start').tap();
  await settle(page);
  for (let i = 0; ; i++) {
    const q = await currentQuestion(page);
    assert.deepEqual(await offScreen(page, ['#question .question-meta', '#question-prompt']), [], `${name}, ${file}: ${q.id}`);
    await answer(page, q, right(i));
    await settle(page);
    assert.deepEqual(await offScreen(page, ['#feedback .verdict', '#quiz-next']), [], `${name}, ${file}: verdict of ${q.id}`);
    if (['single', 'multiple', 'truefalse'].includes(q.kind)) {
      assert.ok((await page.locator('.right-answer .option-mark').count()) > 0, `${q.id}: the right option is not marked`);
    }
    assert.equal(await scrollsSideways(page), false, `${name}: ${q.id} scrolls sideways`);
    const last = (await page.locator('#quiz-next').innerText()).includes('成绩');
    await page.locator('#quiz-next').tap();
    if (last) break;
    await page.waitForFunction((id) => document.querySelector('#question')?.dataset.question !== id, q.id);
    await settle(page);
  }
  await page.locator('#quiz-score').waitFor();
  await settle(page);
  assert.deepEqual(await offScreen(page, ['#quiz-score']), [], `${name}, ${file}: the score`);
  assert.equal(await scrollsSideways(page), false, `${name}, ${file}: the result scrolls sideways`);
}

for (const size of SIZES) {
  for (const theme of THEMES) {
    const name = `${size} ${theme}`;

    test(`${name}: the header is one row, at most a fifth of the screen, and home does not scroll sideways`, async () => {
      const { context, page, watcher } = await readerAt(size, theme);
      const height = await page.locator('.app-header').evaluate((h) => h.getBoundingClientRect().height);
      assert.ok(height <= 740 / 5, `${name}: the header is ${height} px high`);
      assert.equal(await scrollsSideways(page), false, `${name}: home scrolls sideways`);
      watcher.assertClean();
      await context.close();
    });

    test(`${name}: every step of a quiz shows what comes next, below the header`, async () => {
      const { context, page, watcher } = await readerAt(size, theme);
      await takeQuiz(page, name, 'quiz-mixed.html', (i) => i % 2 === 0);
      const cut = await page.locator('#quiz-score').evaluate((s) => s.scrollWidth > s.clientWidth + 1);
      assert.equal(cut, false, `${name}: the score is cut off`);
      await screenshot(page, `onscreen-result-${size}-${theme === '夜间' ? 'dark' : 'default'}`);
      watcher.assertClean();
      await context.close();
    });

    test(`${name}: recitation shows its results on screen and its corrections wrap`, async () => {
      const { context, page, watcher } = await readerAt(size, theme);
      await page.goto(`${server.url}000/recite-q-6sst-q1.html`);
      await page.waitForFunction(() => document.body?.dataset.app === 'ready');
      await page.locator('#recite-read').tap();
      await page.locator('#recite-next').tap();
      const fields = page.locator('.blank-field');
      for (let i = 0; i < (await fields.count()); i++) await fields.nth(i).fill('错');
      await page.locator('#recite-check').tap();
      await page.locator('.correction').first().waitFor();
      await settle(page);
      assert.equal(await scrollsSideways(page), false, `${name}: the corrections scroll sideways`);
      assert.deepEqual(await offScreen(page, ['#recite-result']), [], `${name}: the blanks' result`);
      // 默写: the result and 下一则 come on screen.
      await page.getByRole('button', { name: /第四步/ }).tap();
      await page.locator('#memory-input').fill('不记得了');
      await page.locator('#recite-check').tap();
      await page.locator('#recite-result .verdict').waitFor();
      await settle(page);
      assert.deepEqual(await offScreen(page, ['#recite-result .verdict']), [], `${name}: the 默写 result`);
      assert.equal(await page.getByRole('link', { name: '下一则' }).count(), 1, `${name}: no 下一则 after 默写`);
      assert.equal(await scrollsSideways(page), false, `${name}: 默写 scrolls sideways`);
      watcher.assertClean();
      await context.close();
    });
  }
}

test('200%: every question of the bank, answered wrong (its right answer shown), keeps the verdict and 下一题 on screen', async () => {
  const { context, page, watcher } = await readerAt('200%', '默认');
  const files = ['a-byfe', 'a-7n4l', 'a-e0uy', 'a-i5x2', 'a-kp5g', 'a-ljd1', 'p-h3lr', 'p-jt9r'].map((item) => `quiz-${item}.html`);
  for (const file of [...files, 'quiz-weekly.html']) await takeQuiz(page, '200% 默认', file, () => false);
  watcher.assertClean();
  await context.close();
});

test('a tap on 提交答案 before answering says what is missing', async () => {
  const context = await newContext(browser, 'phone', PHONE);
  const { page, watcher } = await openPage(context, server, '000/quiz-a-byfe.html');
  await page.locator('#quiz-start').tap();
  assert.equal(await page.locator('#quiz-check').getAttribute('aria-disabled'), 'true');
  // Playwright will not tap what is aria-disabled; a reader's finger does.
  await page.locator('#quiz-check').tap({ force: true });
  assert.match(await page.locator('#check-why').innerText(), /^请先/);
  assert.equal(await page.locator('#feedback').count(), 0);
  watcher.assertClean();
  await context.close();
});

test('the first touch moves no text: 朗读 and the WeChat hint have their place from the first paint', async () => {
  const context = await newContext(browser, 'phone', PHONE);
  const page = await context.newPage();
  const watcher = watchPage(page, server.origin);
  await page.addInitScript(() => {
    // The touch starts the app, not the reader's staying (assets/start.js), however slow the machine.
    window.xuexiSettleMs = 3_600_000;
    window.shifts = [];
    new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value))).observe({
      type: 'layout-shift',
      buffered: true,
    });
  });
  await page.goto(`${server.url}000/a-e0uy.html`, { waitUntil: 'load' });
  const before = await page.locator('#p1').boundingBox();
  assert.equal(await page.locator('.wechat-hint').isVisible(), true, 'the WeChat hint is not there before the app');
  assert.equal(await page.getByRole('button', { name: '朗读' }).isVisible(), true, '朗读 is not there before the app');
  const shiftsBefore = await page.evaluate(() => window.shifts.length);
  await page.touchscreen.tap(180, before.y + 10);
  await page.waitForFunction(() => document.body?.dataset.app === 'ready');
  await page.waitForTimeout(500);
  const after = await page.locator('#p1').boundingBox();
  assert.equal(after.y, before.y, 'the first paragraph moved when the app started');
  const shifts = await page.evaluate((n) => window.shifts.slice(n), shiftsBefore);
  assert.equal(shifts.reduce((sum, v) => sum + v, 0), 0, `layout shifts after the first touch: ${shifts.join(', ')}`);
  watcher.assertClean();
  await context.close();
});

test('a tap anywhere on a home card opens its item, before and after the app starts', async () => {
  for (const started of [false, true]) {
    const context = await newContext(browser, 'phone', PHONE);
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    if (started) {
      await page.keyboard.press('Shift');
      await page.waitForFunction(() => document.body?.dataset.app === 'ready');
    }
    const card = page.locator('.item-card:not(.quotation-card)').first();
    const id = await card.getAttribute('data-item');
    await card.locator('.teaser').scrollIntoViewIfNeeded();
    const box = await card.locator('.card-meta').boundingBox();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(new RegExp(`000/${id}\\.html$`));
    await page.locator('#item-title').waitFor();
    await context.close();
  }
});

test('the ¶ link is a 44 px target clear of the text, adding no line to a paragraph', async () => {
  const context = await newContext(browser, 'phone', PHONE);
  const { page } = await openPage(context, server, '000/a-e0uy.html');
  const found = await page.evaluate(() =>
    [...document.querySelectorAll('.item-body > p')].flatMap((p) => {
      const link = p.querySelector('.para-link');
      if (!link) return [];
      const box = link.getBoundingClientRect();
      const text = document.createRange();
      text.setStartBefore(p.firstChild);
      text.setEndBefore(link);
      const first = text.getClientRects()[0];
      const problems = [];
      if (box.width < 44 || box.height < 44) problems.push(`${p.id}: ¶ is ${box.width}×${box.height}`);
      if (box.right > first.left) problems.push(`${p.id}: ¶ overlaps the text`);
      const height = p.getBoundingClientRect().height;
      link.style.display = 'none';
      if (height > p.getBoundingClientRect().height + 0.5) problems.push(`${p.id}: ¶ adds a line`);
      link.style.display = '';
      return problems;
    }),
  );
  assert.deepEqual(found, []);
  await context.close();
});

test('keyboard shortcuts are explained only where there is a keyboard', async () => {
  for (const [kind, shown] of [['phone', false], ['desktop', true]]) {
    const context = await newContext(browser, kind);
    const { page } = await openPage(context, server, '');
    assert.equal(await page.getByText('快捷键').isVisible(), shown, kind);
    await context.close();
  }
});
