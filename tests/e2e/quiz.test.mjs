// Self-test quizzes as a reader takes them: all right scores 100%, all wrong scores 0 and fills 错题本, a mixed result
// scores exactly, a reload mid-quiz resumes, typing in a blank writes only the unchecked answer and a tab closed
// mid-typing loses nothing, a retry reshuffles, 查看原文 marks the source and leads back, the chart shows.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BANK, answer, answerAll, currentQuestion } from './quizzing.mjs';
import { newContext, screenshot, waitForApp, openPage } from './support.mjs';
import { browser, server } from './site.mjs';

const openQuiz = (context, file) => openPage(context, server, `000/${file}`);

test('a quiz answered all right scores 100%, and the home card shows the best score', async () => {
  const context = await newContext(browser, 'phone');
  const { page, watcher } = await openQuiz(context, 'quiz-a-byfe.html');
  await page.locator('#quiz-start').click();
  const asked = await answerAll(page, () => true);
  assert.equal(asked.length, [...BANK.values()].filter((q) => q.item === 'a-byfe').length);
  assert.equal(await page.locator('#quiz-score').innerText(), `得分 ${asked.length} / ${asked.length}（100%）`);
  await page.goto(server.url);
  await waitForApp(page);
  assert.equal(await page.locator('.item-card[data-item="a-byfe"] .best').innerText(), '测验最好 100%');
  watcher.assertClean();
  await context.close();
});

test('a quiz answered all wrong scores 0 and every question lands in 错题本, retried until right', async () => {
  const context = await newContext(browser, 'desktop');
  const { page, watcher } = await openQuiz(context, 'quiz-a-7n4l.html');
  await page.locator('#quiz-start').click();
  const asked = await answerAll(page, () => false);
  assert.equal(await page.locator('#quiz-score').innerText(), `得分 0 / ${asked.length}（0%）`);
  assert.equal(await page.locator('.review-item.wrong').count(), asked.length);
  await page.goto(server.url);
  await waitForApp(page);
  await page.getByRole('link', { name: `错题本（${asked.length}）` }).click();
  await page.locator('#quiz-start').click();
  // First round: the first question wrong again, then every other right; the wrong one comes back.
  const first = await answerAll(page, (i) => i !== 0 && i < asked.length + 1);
  assert.equal(first.length, asked.length + 1);
  assert.equal(first[0].id, first[first.length - 1].id);
  await page.goto(server.url);
  await waitForApp(page);
  // Home shows 错题本 only while questions wait in it (once progress is loaded: the best score shows).
  await page.locator('.item-card[data-item="a-7n4l"] .best', { hasText: '测验最好' }).waitFor();
  assert.equal(await page.getByRole('link', { name: /^错题本/ }).count(), 0);
  watcher.assertClean();
  await context.close();
});

test('a mixed result scores exactly, and the 综合测验 is a new draw each attempt', async () => {
  const context = await newContext(browser, 'phone');
  const { page, watcher } = await openQuiz(context, 'quiz-mixed.html');
  await page.locator('#quiz-start').click();
  const asked = await answerAll(page, (i) => i % 3 === 0);
  const right = asked.filter((_, i) => i % 3 === 0).length;
  const percent = Math.round((right / asked.length) * 100);
  assert.equal(asked.length, 10);
  assert.equal(await page.locator('#quiz-score').innerText(), `得分 ${right} / 10（${percent}%）`);
  await page.locator('#quiz-retry').click();
  const again = [];
  for (let i = 0; i < 10; i++) {
    const q = await currentQuestion(page);
    again.push(q.id);
    await answer(page, q, true);
    await page.locator('#quiz-next').click();
    if (i < 9) await page.waitForFunction((id) => document.querySelector('#question')?.dataset.question !== id, q.id);
  }
  assert.notDeepEqual(again, asked.map((q) => q.id), 'a retry of 综合测验 draws anew');
  watcher.assertClean();
  await context.close();
});

test('a reload mid-quiz resumes at the same question with the same answers; a retry reshuffles options', async () => {
  const context = await newContext(browser, 'phone');
  const { page, watcher } = await openQuiz(context, 'quiz-a-ljd1.html');
  await page.locator('#quiz-start').click();
  const first = await currentQuestion(page);
  await answer(page, first, true);
  await page.locator('#quiz-next').click();
  await page.waitForFunction((id) => document.querySelector('#question')?.dataset.question !== id, first.id);
  const second = await currentQuestion(page);
  if (second.kind === 'blank') await page.locator('#blank-input').fill('半截答案');
  const ordersBefore = await page.locator('#question').innerHTML();
  await page.reload();
  await waitForApp(page);
  await page.locator('#question').waitFor();
  assert.equal((await currentQuestion(page)).id, second.id);
  assert.equal(await page.locator('#question').innerHTML(), ordersBefore);
  // Finish, then retry: the option orders of the choice questions change.
  const orders = async () => page.locator('li[data-option]').evaluateAll((els) => els.map((e) => e.dataset.option).join(','));
  const seen = [];
  for (let i = 1; ; i++) {
    const q = await currentQuestion(page);
    seen.push(await orders());
    await answer(page, q, true);
    const last = (await page.locator('#quiz-next').innerText()).includes('成绩');
    await page.locator('#quiz-next').click();
    if (last) break;
    await page.waitForFunction((id) => document.querySelector('#question')?.dataset.question !== id, q.id);
  }
  await page.locator('#quiz-retry').click();
  const reshuffled = [];
  for (let i = 0; i < seen.length; i++) {
    const q = await currentQuestion(page);
    reshuffled.push(await orders());
    await answer(page, q, true);
    const last = (await page.locator('#quiz-next').innerText()).includes('成绩');
    await page.locator('#quiz-next').click();
    if (last) break;
    await page.waitForFunction((id) => document.querySelector('#question')?.dataset.question !== id, q.id);
  }
  assert.notDeepEqual(reshuffled, seen, 'a retry shows the options in a new order');
  watcher.assertClean();
  await context.close();
});

test('typing in a blank writes only the unchecked answer, not all the progress, and a tab closed mid-typing loses nothing', async () => {
  const context = await newContext(browser, 'phone');
  const { page: first } = await openQuiz(context, 'quiz-a-ljd1.html');
  await first.locator('#quiz-start').click();
  assert.equal((await currentQuestion(first)).kind, 'blank');
  await first.evaluate(() => {
    window.writes = {};
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      window.writes[key] = (window.writes[key] ?? 0) + 1;
      return setItem.call(this, key, value);
    };
  });
  await first.locator('#blank-input').pressSequentially('半截答案', { delay: 30 });
  const writes = await first.evaluate(() => window.writes);
  assert.equal(writes['xuexi.progress'], undefined, `typing rewrote the progress: ${JSON.stringify(writes)}`);
  assert.equal(writes['xuexi.unchecked'], 4, `one small write per character: ${JSON.stringify(writes)}`);
  await first.close();
  const { page, watcher } = await openQuiz(context, 'quiz-a-ljd1.html');
  await page.locator('#blank-input').waitFor();
  assert.equal(await page.locator('#blank-input').inputValue(), '半截答案');
  // Checking saves the answer with the progress and forgets the unchecked one.
  await page.locator('#quiz-check').click();
  await page.locator('#feedback').waitFor();
  await page.waitForFunction(() => localStorage.getItem('xuexi.unchecked') === null);
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('xuexi.progress')));
  assert.deepEqual(saved.progress.questions['000/a-ljd1-1'].last_answer, { text: '半截答案' });
  watcher.assertClean();
  await context.close();
});

test('查看原文 marks the source sentence, and the way back returns to the same question', async () => {
  const context = await newContext(browser, 'phone');
  const { page, watcher } = await openQuiz(context, 'quiz-a-e0uy.html');
  await page.locator('#quiz-start').click();
  const q = await currentQuestion(page);
  await answer(page, q, false);
  await page.locator('#feedback').getByRole('link', { name: '查看原文' }).click();
  await page.locator('.item-body mark').first().waitFor();
  const marked = (await page.locator('.item-body mark').allInnerTexts()).join('');
  assert.equal(marked.replace(/[\s“”‘’，。、；：！？]/g, ''), q.source.replace(/[\s“”‘’，。、；：！？]/g, ''));
  await page.getByRole('link', { name: '← 返回题目' }).click();
  await page.locator('#feedback').waitFor();
  assert.equal((await currentQuestion(page)).id, q.id);
  watcher.assertClean();
  await context.close();
});

test('学习记录 charts the attempts made', async () => {
  const context = await newContext(browser, 'phone');
  const { page, watcher } = await openQuiz(context, 'quiz-weekly.html');
  await page.locator('#quiz-start').click();
  await answerAll(page, (i) => i % 2 === 0);
  await page.locator('#quiz-retry').click();
  await answerAll(page, () => true);
  await page.getByRole('link', { name: '记录' }).click();
  await page.locator('.score-chart').waitFor();
  assert.equal(await page.locator('.score-chart rect').count(), 2);
  assert.equal(await page.locator('#n-attempts').innerText(), '2 次');
  assert.equal(await page.locator('#streak').innerText(), '1 天');
  assert.match(await page.locator('.score-chart').getAttribute('aria-label'), /最近 2 次测验的成绩：\d+%、100%/);
  await screenshot(page, 'record-phone');
  watcher.assertClean();
  await context.close();
});
