// Keeping what readers have done: 学习记录 shows the browser's answer to the request for persistent storage (granted,
// declined, or no such request), and once a reader has something worth keeping the backup reminder appears — at most
// once a week, not for a month after a backup code was made — and leads to the code and 文件传输助手.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO, contextWithStored, newContext, openPage, waitForApp } from './support.mjs';
import { browser, server } from './site.mjs';

const DAY = 24 * 3600 * 1000;
const START = new Date('2026-12-03T09:00:00+08:00').getTime();
// Progress stored by an earlier release: quizzes finished, favourites, review cards; never backed up.
const STORED = readFileSync(path.join(REPO, 'tests', 'e2e', 'fixtures', 'progress-b84fa02.json'), 'utf8');

const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('xuexi.progress')).progress);

const open = (context, route) => openPage(context, server, route);

test('学习记录 shows whether the browser keeps the storage', async () => {
  const cases = [
    // Headless Chromium declines persistent storage to a site a fresh profile has no reason to trust (and CDP's
    // durableStorage grant does not change its answer), so a browser that grants it (an installed app) is stood in
    // for by its answer.
    { name: 'granted', grant: true, answer: 'granted', text: /已设为持久保存/ },
    { name: 'declined', grant: false, answer: 'declined', text: /没有同意持久保存/ },
    { name: 'no such request', remove: true, answer: 'unsupported', text: /不能设置持久保存/ },
  ];
  for (const c of cases) {
    const context = await newContext(browser, 'phone');
    if (c.grant) await context.addInitScript(() => (StorageManager.prototype.persist = () => Promise.resolve(true)));
    if (c.remove) await context.addInitScript(() => delete StorageManager.prototype.persist);
    const { page, watcher } = await open(context, 'record.html');
    const status = page.locator('#storage-persist');
    await status.waitFor();
    assert.equal(await status.getAttribute('data-persisted'), c.answer, c.name);
    assert.match(await status.innerText(), c.text, c.name);
    watcher.assertClean();
    await context.close();
  }
});

test('the backup reminder: at once for a reader with something worth keeping, then at most weekly, and not for a month after a backup', async () => {
  const context = await contextWithStored(browser, STORED);
  await context.clock.setFixedTime(START);
  const { page, watcher } = await open(context, '');
  const reminder = page.locator('#backup-reminder');
  await reminder.waitFor();
  assert.match(await reminder.innerText(), /文件传输助手/);
  assert.match(await reminder.innerText(), /学习码/);
  assert.equal((await stored(page)).reminded_ms, START);

  // Shown once: another page, or the same one reloaded, the same week, does not remind again.
  await page.locator('#backup-reminder-later').click();
  assert.equal(await reminder.count(), 0);
  await context.clock.setFixedTime(START + 6 * DAY);
  await page.goto(`${server.url}000/a-byfe.html`);
  await waitForApp(page);
  await page.waitForTimeout(300);
  assert.equal(await reminder.count(), 0, 'reminded twice within a week');

  // A week later: again. 去备份 leads to 学习记录, where the reminder is not shown.
  await context.clock.setFixedTime(START + 7 * DAY);
  await page.reload();
  await waitForApp(page);
  await reminder.waitFor();
  await reminder.getByRole('link', { name: '去备份' }).click();
  await page.locator('#export-button').waitFor();
  assert.equal(await reminder.count(), 0);
  assert.equal(await page.locator('#backup-title').innerText(), '备份与恢复');

  // Making a code records the backup, and the code's label says where to keep it.
  await page.getByRole('button', { name: '生成学习码' }).click();
  assert.match(await page.locator('label[for="export-code"]').innerText(), /文件传输助手/);
  assert.match(await page.locator('#export-code').inputValue(), /^XUEXI\./);
  await page.waitForFunction((at) => JSON.parse(localStorage.getItem('xuexi.progress')).progress.backed_up_ms === at, START + 7 * DAY);

  // No reminder for a month after the backup, even when a week has passed since the last one …
  await context.clock.setFixedTime(START + 7 * DAY + 29 * DAY);
  await page.goto(server.url);
  await waitForApp(page);
  await page.waitForTimeout(300);
  assert.equal(await reminder.count(), 0, 'reminded within a month of a backup');
  // … and after a month, again.
  await context.clock.setFixedTime(START + 7 * DAY + 30 * DAY);
  await page.reload();
  await waitForApp(page);
  await reminder.waitFor();
  watcher.assertClean();
  await context.close();
});

test('a reader with nothing worth keeping is not reminded', async () => {
  const context = await newContext(browser, 'phone');
  const { page, watcher } = await open(context, '');
  // Settings alone are nothing to back up.
  await page.locator('#settings-button').click();
  await page.getByRole('button', { name: '夜间' }).click();
  await page.reload();
  await waitForApp(page);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#backup-reminder').count(), 0);
  assert.equal((await stored(page)).reminded_ms, null);
  watcher.assertClean();
  await context.close();
});

test('the reminder never appears in the middle of what the reader is doing: it waits for the next page', async () => {
  const context = await newContext(browser, 'phone');
  const { page, watcher } = await open(context, '000/a-byfe.html');
  await page.getByRole('button', { name: '☆ 收藏' }).click();
  await page.getByRole('button', { name: '★ 已收藏' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#backup-reminder').count(), 0, 'the reminder pushed the page down mid-visit');
  await page.reload();
  await waitForApp(page);
  await page.locator('#backup-reminder').waitFor();
  watcher.assertClean();
  await context.close();
});
