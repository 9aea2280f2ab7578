// Issue 18, as a hostile and an unlucky reader would try it: a second unreadable copy never destroys the first and data
// from a newer release is never overwritten (by a reload or by a tab mid-quiz); with storage full, unreadable progress
// stays until its copy is stored; imports with impossible numbers are refused; and the quiz's keyboard flow: Enter twice
// on 提交答案 shows the feedback, Enter in a blank submits, and the focus follows 开始答题 and 查看成绩.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BANK, answer, currentQuestion } from './quizzing.mjs';
import { contextWithStored as storedContext, newContext, openPage, waitForApp } from './support.mjs';
import { browser, server } from './site.mjs';

const KEY = 'xuexi.progress';
const BACKUP = 'xuexi.progress.backup';
// The schema this build writes (3 since review moved to FSRS), and one the next release might write.
const SCHEMA = 3;
const NEWER = JSON.stringify({ schema: SCHEMA + 1, progress: { favourites: ['000/a-byfe.html'], note: 'VALUABLE' } });

const open = (context, path = '') => openPage(context, server, path);
const stored = (page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);
/** Every value in storage, to look for a text wherever it was kept. */
const everything = (page) => page.evaluate(() => Object.values({ ...localStorage }));

/** A context whose storage holds `value` under the progress key before the first load only. */
const contextWithStored = (value, kind = 'phone') => storedContext(browser, value, { kind, key: KEY });

async function reload(page, path = '') {
  await page.goto(`${server.url}${path}`);
  await waitForApp(page);
}

test('r18: a second unreadable copy keeps the first, and a newer release\'s data is never overwritten', async () => {
  const context = await contextWithStored('garbage-1');
  const { page, watcher } = await open(context);
  await page.locator('.notice').waitFor();
  assert.equal(await stored(page, BACKUP), 'garbage-1');
  await reload(page, '000/a-byfe.html');
  await page.getByRole('button', { name: '☆ 收藏' }).click();
  await page.getByRole('button', { name: '★ 已收藏' }).waitFor();
  assert.match(await stored(page), /a-byfe\.html/);

  // A newer release stored its data; this release loads.
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, NEWER]);
  await reload(page);
  const said = await page.locator('.notice').innerText();
  assert.match(said, new RegExp(`第 ${SCHEMA + 1} 版`));
  assert.doesNotMatch(said, /另存为备份/, 'it says only what happened');
  assert.equal(await stored(page), NEWER);
  assert.equal(await stored(page, BACKUP), 'garbage-1');

  // Changes made meanwhile stay in memory; what the newer release stored stays as it is.
  await reload(page, '000/a-7n4l.html');
  await page.getByRole('button', { name: '☆ 收藏' }).click();
  await page.getByRole('button', { name: '★ 已收藏' }).waitFor();
  assert.equal(await stored(page), NEWER);

  // A second unreadable text gets a backup of its own.
  await page.evaluate((key) => localStorage.setItem(key, 'garbage-2'), KEY);
  await reload(page);
  await page.locator('.notice').waitFor();
  const kept = await everything(page);
  assert.ok(kept.includes('garbage-1') && kept.includes('garbage-2'), JSON.stringify(kept));
  watcher.assertClean();
  await context.close();
});

test('r18: a tab in the middle of a quiz never writes over what a newer release saved in another tab', async () => {
  const context = await newContext(browser, 'desktop');
  const { page: older, watcher } = await open(context, '000/quiz-a-byfe.html');
  await older.locator('#quiz-start').click();
  await answer(older, await currentQuestion(older), true);
  await older.locator('#quiz-next').click();
  // Another tab, a newer release, saves.
  const { page: newer } = await open(context, '');
  await newer.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, NEWER]);
  await older.bringToFront();
  await answer(older, await currentQuestion(older), true);
  await older.locator('.notice').waitFor();
  assert.match(await older.locator('.notice').innerText(), new RegExp(`第 ${SCHEMA + 1} 版`));
  assert.equal(await stored(older), NEWER);
  watcher.assertClean();
  await context.close();
});

test('r18: with storage full, unreadable progress stays until its copy is stored', async () => {
  const original = `{"schema":2,"progress":${'x'.repeat(68_000)}`;
  const context = await newContext(browser, 'phone');
  await context.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key, value);
      // Fill storage until setItem throws, in ever smaller pieces.
      let n = 0;
      for (let size = 1 << 20; size >= 1; size >>= 1) {
        try {
          for (;;) localStorage.setItem(`filler-${n++}`, 'x'.repeat(size));
        } catch {
          // Full at this size; try a smaller piece.
        }
      }
    },
    [KEY, original],
  );
  const { page, watcher } = await open(context);
  await page.locator('.notice').waitFor();
  const said = await page.locator('.notice').innerText();
  assert.match(said, /无法读取/);
  assert.doesNotMatch(said, /已另存为备份/, 'it says only what happened');
  assert.ok((await stored(page)) === original, 'the unreadable original is still there');
  await reload(page, '000/a-byfe.html');
  await page.getByRole('button', { name: '☆ 收藏' }).click();
  await page.getByRole('button', { name: '★ 已收藏' }).waitFor();
  assert.ok((await stored(page)) === original, 'the original is never replaced while its copy cannot be stored');

  // Room again: the next change stores the copy first, then the progress.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await page.getByRole('button', { name: '★ 已收藏' }).click();
  await page.getByRole('button', { name: '☆ 收藏' }).waitFor();
  await page.waitForFunction(([key, schema]) => localStorage.getItem(key)?.startsWith(`{"schema":${schema},"progress":{`), [KEY, SCHEMA]);
  assert.ok((await everything(page)).includes(original), 'the copy is stored');
  await page.locator('.notice', { hasText: '已另存为备份' }).waitFor();
  watcher.assertClean();
  await context.close();
});

const attempt = (score, total, percent) => ({ attempts: [{ quiz: '000/quiz-a-e0uy', score, total, percent, time_ms: 1000, finished_ms: 1 }] });

const IMPOSSIBLE = [
  ['a best score of 4294967295%', { best: { '000/quiz-a-e0uy': 4294967295 } }, /最好成绩/],
  ['score 99 of 1 at 150%', attempt(99, 1, 150), /答对 99 题/],
  ['a percentage that is not the score', attempt(1, 2, 90), /成绩却是 90%/],
  ['more questions than the quiz has', attempt(200, 200, 100), /这个测验只有/],
  ['a recall of 255%', { recite: { '000/q-6sst/q1': { best_recall_percent: 255 } } }, /背诵正确率/],
  ['4294967295 seconds of reading', { reading: { '000/a-byfe': { seconds: 4294967295 } } }, /阅读时间/],
  ['the largest day', { days: [9223372036854775807n] }, /学习日期/],
  ['the smallest day', { days: [-9223372036854775808n] }, /学习日期/],
];

test('r18: imports with impossible numbers are refused with the reason and change nothing', async () => {
  const context = await newContext(browser, 'desktop');
  const { page, watcher } = await open(context, '000/a-byfe.html');
  await page.getByRole('button', { name: '☆ 收藏' }).click();
  await page.locator('.app-tools').getByRole('link', { name: '记录' }).click();
  await page.locator('#import-file').waitFor();
  const before = await stored(page);
  for (const [name, progress, reason] of IMPOSSIBLE) {
    // Days beyond JavaScript's safe integers are written as the digits a hand-made file holds.
    const text = JSON.stringify(progress, (_, v) => (typeof v === 'bigint' ? `@${v}@` : v)).replace(/"@(-?\d+)@"/g, '$1');
    const file = `{"format":"xuexi-progress","schema":2,"exported_ms":1,"progress":${text}}`;
    await page.locator('#import-file').setInputFiles({ name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.locator('#import-result[role="alert"]').waitFor();
    const said = await page.locator('#import-result').innerText();
    assert.match(said, /没有导入：学习记录里有不可能的数字/, `${name}: ${said}`);
    assert.match(said, reason, `${name}: ${said}`);
    assert.match(said, /本机记录没有改变/, name);
    assert.equal(await stored(page), before, `${name} changed the stored progress`);
    // The next import's result must be its own: clear the message by importing nothing.
    await page.locator('#import-code').fill('');
    await page.locator('#import-code-button').click();
    await page.waitForFunction(() => document.querySelector('#import-result')?.innerText.includes('没有内容'));
  }
  await reload(page);
  assert.equal(await page.locator('.item-card .best', { hasText: '测验最好' }).count(), 0, 'no impossible best score on home');
  watcher.assertClean();
  await context.close();
});

/** The quiz of item a-byfe, started from the keyboard. */
async function startByKeyboard(context) {
  const { page, watcher } = await open(context, '000/quiz-a-byfe.html');
  await page.locator('#quiz-start').focus();
  await page.keyboard.press('Enter');
  await page.locator('#question').waitFor();
  return { page, watcher };
}

test('r18: Enter pressed twice on 提交答案 shows the feedback instead of skipping it', async () => {
  const context = await newContext(browser, 'desktop');
  const { page, watcher } = await startByKeyboard(context);
  const q = await currentQuestion(page);
  assert.equal(q.kind, 'multiple');
  await page.locator('li[data-option="0"] label').click();
  await page.locator('#quiz-check').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.locator('#feedback').waitFor();
  assert.equal(await page.locator('#question').getAttribute('data-question'), q.id, 'still on the question answered');
  assert.equal(await page.locator('#quiz-next').count(), 1);
  watcher.assertClean();
  await context.close();
});

test('r18: Enter in a blank\'s text box submits the answer', async () => {
  const context = await newContext(browser, 'desktop');
  const { page, watcher } = await startByKeyboard(context);
  for (;;) {
    const q = await currentQuestion(page);
    if (q.kind === 'blank') {
      await page.locator('#blank-input').fill(q.answer);
      await page.locator('#blank-input').press('Enter');
      await page.locator('#feedback').waitFor();
      assert.match(await page.locator('.verdict').innerText(), /正确/);
      break;
    }
    await answer(page, q, true);
    await page.locator('#quiz-next').click();
    await page.waitForFunction((id) => document.querySelector('#question')?.dataset.question !== id, q.id);
  }
  watcher.assertClean();
  await context.close();
});

test('r18: after 开始答题 the focus is on the question, after 查看成绩 on the score', async () => {
  const context = await newContext(browser, 'desktop');
  const { page, watcher } = await startByKeyboard(context);
  const focused = () => page.evaluate(() => document.activeElement?.closest('[id]')?.id ?? document.activeElement?.tagName);
  assert.equal(await focused(), 'question');
  // The next Tab reaches the first answer, not the header.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.querySelector('#question').contains(document.activeElement)));
  const n = [...BANK.values()].filter((q) => q.item === 'a-byfe').length;
  for (let i = 0; i < n; i++) {
    const q = await currentQuestion(page);
    await answer(page, q, true);
    await page.locator('#quiz-next').focus();
    await page.keyboard.press('Enter');
    if (i < n - 1) await page.waitForFunction((id) => document.querySelector('#question')?.dataset.question !== id, q.id);
  }
  await page.locator('#quiz-score').waitFor();
  await page.waitForFunction(() => document.activeElement !== document.body);
  assert.equal(await focused(), 'quiz-score');
  watcher.assertClean();
  await context.close();
});
