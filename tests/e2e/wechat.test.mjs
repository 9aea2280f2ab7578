// Inside WeChat (Android WeChat user agent, 360×740, touch, no service worker): every flow works — reading, settings,
// favourites, search, a quiz, recitation, review, and moving progress by code (WeChat cannot download files).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newContext, waitForApp, watchPage, WECHAT_UA } from './support.mjs';
import { browser, server } from './site.mjs';


async function wechatContext() {
  const context = await newContext(browser, 'phone', { userAgent: WECHAT_UA });
  await context.addInitScript(() => {
    delete Navigator.prototype.serviceWorker;
    delete window.speechSynthesis;
    delete Window.prototype.speechSynthesis;
  });
  return context;
}

test('inside WeChat every flow works, with no service worker, no speech and no downloads', async () => {
  const context = await wechatContext();
  const page = await context.newPage();
  const watcher = watchPage(page, server.origin);
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await page.goto(`${server.url}?from=singlemessage&isappinstalled=0`);
  await waitForApp(page);
  assert.equal(await page.evaluate(() => 'serviceWorker' in navigator), false);

  // Read an item, change the text size, keep it as a favourite.
  await page.locator('.item-card h3 a').first().tap();
  await page.locator('#item-title').waitFor();
  assert.equal(await page.getByRole('button', { name: '朗读' }).count(), 0, 'no read-aloud without speech');
  await page.locator('.wechat-hint').waitFor();
  await page.locator('#settings-button').tap();
  await page.getByRole('button', { name: '150%' }).tap();
  await page.locator('#settings-close').tap();
  await page.getByRole('button', { name: '☆ 收藏' }).tap();

  // Search.
  await page.locator('#search-button').tap();
  await page.locator('#search-input').fill('民事民议');
  await page.locator('.search-result a').first().tap();
  await page.locator('p.marked mark').first().waitFor();

  // A quiz question, answered and explained.
  await page.goto(`${server.url}000/quiz-a-byfe.html?from=timeline`);
  await waitForApp(page);
  await page.locator('#quiz-start').tap();
  await page.locator('#question label[for^="option"]').first().tap();
  await page.locator('#quiz-check').tap();
  await page.locator('#feedback .explanation').waitFor();

  // Recitation and review.
  await page.goto(`${server.url}000/recite-q-6sst-q1.html`);
  await waitForApp(page);
  await page.locator('#recite-read').tap();
  await page.goto(`${server.url}review.html`);
  await waitForApp(page);
  await page.locator('#review-count').waitFor();
  assert.match(await page.locator('#review-count').innerText(), /今天还有 [1-9]\d* 项/);

  // Progress leaves WeChat as a code to copy, never as a download.
  await page.goto(`${server.url}record.html`);
  await waitForApp(page);
  await page.getByText('再在浏览器里添加到主屏幕').waitFor();
  await page.locator('#export-button').tap();
  const code = await page.locator('#export-code').inputValue();
  assert.match(code, /^XUEXI\./);
  assert.equal(downloads.length, 0);

  // … and arrives on another phone's WeChat.
  const other = await wechatContext();
  const there = await other.newPage();
  await there.goto(`${server.url}record.html`);
  await waitForApp(there);
  await there.locator('#import-code').fill(code);
  await there.locator('#import-code-button').tap();
  await there.locator('#import-result').waitFor();
  assert.match(await there.locator('#import-result').innerText(), /导入成功/);
  await there.goto(`${server.url}favourites.html`);
  await waitForApp(there);
  await there.locator('.favourite-list a').first().waitFor();
  watcher.assertClean();
  await other.close();
  await context.close();
});
