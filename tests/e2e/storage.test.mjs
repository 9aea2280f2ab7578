// Nothing ever lost: corrupt stored progress is kept aside and the app starts clean and says so (a newer release's data
// stays as it is: nothing_lost.test.mjs); missing or full storage leaves the app working in memory; every bad import is
// refused without changing anything; a good export moves progress to another device; two tabs answering at once lose
// nothing.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { contextWithStored as storedContext, newContext, openPage } from './support.mjs';
import { browser, server } from './site.mjs';

const KEY = 'xuexi.progress';
const BACKUP = 'xuexi.progress.backup';

/** A context whose storage holds `value` under the progress key before the first load only. */
const contextWithStored = (value) => storedContext(browser, value, { key: KEY });

const open = (context, path = '') => openPage(context, server, path);

const stored = (page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);

const CORRUPT = [
  ['not JSON', 'this is not json'],
  ['truncated', '{"schema":2,"progress":{"settings":{"font_step":1,"th'],
  ['wrong types', '{"schema":2,"progress":{"reading":[1,2,3]}}'],
  ['out-of-range setting', '{"schema":2,"progress":{"settings":{"font_step":99}}}'],
  ['empty', ''],
  ['no envelope', '[]'],
];

for (const [name, value] of CORRUPT) {
  test(`corrupt storage (${name}) is kept aside; the app starts clean, says so and works`, async () => {
    const context = await contextWithStored(value);
    const { page, watcher } = await open(context);
    await page.locator('.notice').waitFor();
    assert.equal(await stored(page, BACKUP), value);
    await page.locator('.item-card h3 a').first().click();
    await page.locator('#item-title').waitFor();
    await page.locator('#settings-button').click();
    await page.getByRole('button', { name: '夜间' }).click();
    assert.match(await stored(page), /"theme":"dark"/);
    assert.equal(await stored(page, BACKUP), value, 'the backup is never overwritten');
    watcher.assertClean();
    await context.close();
  });
}

test('storage that is unavailable (private mode) or full leaves the app working in memory, with a warning', async () => {
  for (const breakStorage of [
    () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } }),
    () => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; },
  ]) {
    const context = await newContext(browser, 'phone');
    await context.addInitScript(breakStorage);
    const { page } = await open(context, '000/a-byfe.html');
    await page.getByRole('button', { name: '☆ 收藏' }).click();
    await page.locator('.notice').waitFor();
    await page.getByRole('button', { name: '★ 已收藏' }).waitFor();
    await page.locator('#settings-button').click();
    await page.getByRole('button', { name: '护眼' }).click();
    assert.equal(await page.getAttribute('html', 'data-theme'), 'sepia');
    await context.close();
  }
});

/** Opens 学习记录 with some progress made, returns the page and the stored progress. */
async function withProgress() {
  const context = await newContext(browser, 'desktop');
  const { page, watcher } = await open(context, '000/a-byfe.html');
  await page.getByRole('button', { name: '☆ 收藏' }).click();
  await page.locator('.app-tools').getByRole('link', { name: '记录' }).click();
  await page.locator('#import-file').waitFor();
  return { context, page, watcher, before: await stored(page) };
}

const BAD_IMPORTS = [
  ['not JSON', 'hello'],
  ['truncated export', '{"format":"xuexi-progress","schema":2,"exported_ms":1,"progress":{"rea'],
  ['another app', '{"format":"other","schema":2,"progress":{}}'],
  ['future version', '{"format":"xuexi-progress","schema":9,"progress":{}}'],
  ['wrong types', '{"format":"xuexi-progress","schema":2,"progress":{"favourites":{"a":1}}}'],
  ['unknown item', '{"format":"xuexi-progress","schema":2,"progress":{"reading":{"999/x":{"percent":1}}}}'],
  ['XSS payload', '{"format":"xuexi-progress","schema":2,"progress":{"favourites":["<img src=x onerror=alert(1)>"]}}'],
  ['empty file', ''],
];

test('every bad import file is refused with a reason and changes nothing', async () => {
  const { context, page, watcher, before } = await withProgress();
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  for (const [name, text] of BAD_IMPORTS) {
    await page.locator('#import-file').setInputFiles({ name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.locator('#import-result[role="alert"]').waitFor();
    assert.match(await page.locator('#import-result').innerText(), /没有导入：.+本机记录没有改变/, name);
    assert.equal(await stored(page), before, `${name} changed the stored progress`);
  }
  const huge = Buffer.alloc(20 * 1024 * 1024, 'x');
  await page.locator('#import-file').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: huge });
  await page.waitForFunction(() => document.querySelector('#import-result')?.innerText.includes('文件太大'));
  await page.locator('#import-code').fill('XUEXI.!!!not-base64!!!');
  await page.locator('#import-code-button').click();
  await page.waitForFunction(() => document.querySelector('#import-result')?.innerText.includes('学习码'));
  assert.equal(await stored(page), before);
  assert.equal(dialogs, 0, 'the XSS payload never ran');
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  watcher.assertClean();
  await context.close();
});

test('an export moves progress to another device, by file or by code', async () => {
  const { context, page } = await withProgress();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-button').click()]);
  const file = await download.path();
  await page.getByRole('button', { name: '生成学习码' }).last().click();
  const code = await page.locator('#export-code').inputValue();
  assert.match(code, /^XUEXI\./);
  for (const way of ['file', 'code']) {
    const other = await newContext(browser, 'phone');
    const { page: there } = await open(other, 'record.html');
    if (way === 'file') await there.locator('#import-file').setInputFiles(file);
    else {
      await there.locator('#import-code').fill(code);
      await there.locator('#import-code-button').click();
    }
    await there.locator('#import-result[role="status"]').waitFor();
    await there.getByRole('link', { name: '收藏', exact: true }).click();
    await there.getByRole('link', { name: '包袱卸下去 干劲鼓起来' }).waitFor();
    await other.close();
  }
  await context.close();
});

test('two tabs answering at once lose nothing', async () => {
  const context = await newContext(browser, 'desktop');
  const { page: one } = await open(context, '000/quiz-a-byfe.html');
  const { page: two } = await open(context, '000/quiz-a-7n4l.html');
  await one.locator('#quiz-start').click();
  await two.locator('#quiz-start').click();
  for (let round = 0; round < 3; round++) {
    for (const page of [one, two]) {
      // Any answer will do: an option, a word in the blank, or an ordering as shown.
      const label = page.locator('#question label[for^="option"]').first();
      if (await label.count()) await label.click();
      else if (await page.locator('#blank-input').count()) await page.locator('#blank-input').fill('某个答案');
      await page.locator('#quiz-check').click();
      await page.locator('#feedback').waitFor();
      const id = await page.locator('#question').getAttribute('data-question');
      await page.locator('#quiz-next').click();
      await page.waitForFunction((q) => document.querySelector('#question')?.dataset.question !== q, id);
    }
  }
  await one.waitForTimeout(100);
  const saved = JSON.parse(await stored(one));
  const answered = Object.keys(saved.progress.questions);
  assert.equal(answered.filter((k) => k.startsWith('000/a-byfe-')).length, 3, JSON.stringify(answered));
  assert.equal(answered.filter((k) => k.startsWith('000/a-7n4l-')).length, 3, JSON.stringify(answered));
  assert.deepEqual(Object.keys(saved.progress.in_progress).sort(), ['000/quiz-a-7n4l', '000/quiz-a-byfe']);
  await context.close();
});
