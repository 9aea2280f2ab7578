// The archive (往期) as a reader meets it: the site rebuilt for three weekly pages (scripts/build-archive.sh, the
// wasm untouched) lists the current 期 first and every earlier page below it with its 期号 and date; each page has
// its own home, quizzes and records; search, 学习记录, 错题本, 今日复习 and 收藏 span the pages and say which page a
// result belongs to; progress saved by the one-page release (b84fa02) is read as it was; an earlier page once
// opened stays available offline; and all of it works inside WeChat.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from './serve.mjs';
import { answer, currentQuestion } from './quizzing.mjs';
import { DIST, REPO, WECHAT_UA, contextWithStored, launchBrowser, newContext, openPage, waitForApp } from './support.mjs';

const ARCHIVE = path.join(REPO, 'target', 'e2e-archive-3');
/** Progress exactly as the released one-page app (commit b84fa02) stored it. */
const RELEASED_PROGRESS = readFileSync(path.join(REPO, 'tests', 'e2e', 'fixtures', 'progress-b84fa02.json'), 'utf8');

let browser;
let server;

before(async () => {
  // Volumes of two pages, so the catalog ships as a volume (000, 001) and catalog.json (002), as a long archive's does.
  execFileSync(path.join(REPO, 'scripts', 'build-archive.sh'), ['3', ARCHIVE], {
    stdio: 'pipe',
    env: { ...process.env, XUEXI_VOLUME_PAGES: '2' },
  });
  browser = await launchBrowser();
  server = await startServer({ root: ARCHIVE, port: 0 });
  server.server.unref();
});

after(async () => {
  await server?.close();
  await browser?.close();
});

/** A context whose storage holds the released app's progress before any page loads. */
const contextWithReleasedProgress = () => contextWithStored(browser, RELEASED_PROGRESS);

const open = (context, rel = '') => openPage(context, server, rel);

test('adding pages changes no byte of the wasm nor of the offline shell, and the first page stays what it was', () => {
  const wasm = (dir) => readdirSync(dir).filter((f) => f.endsWith('.wasm'));
  assert.deepEqual(wasm(ARCHIVE), wasm(DIST));
  const [file] = wasm(DIST);
  assert.ok(readFileSync(path.join(ARCHIVE, file)).equals(readFileSync(path.join(DIST, file))));
  // The offline shell serves every page of every week alike: the same bytes, so a weekly update copies it.
  assert.ok(readFileSync(path.join(ARCHIVE, 'shell.html')).equals(readFileSync(path.join(DIST, 'shell.html'))), 'shell.html changed with the archive');
  // No article text in the wasm: the content travels as data.
  const bytes = readFileSync(path.join(DIST, file));
  for (const words of ['包袱卸下去', '新时代坚持和发展', '土地进了']) {
    assert.equal(bytes.indexOf(Buffer.from(words)), -1, `the wasm holds «${words}»`);
  }
  const data = (file) => JSON.parse(readFileSync(path.join(ARCHIVE, 'data', file), 'utf8'));
  const catalog = data('catalog.json');
  assert.deepEqual(catalog.pages.map((p) => p.id), ['002']);
  assert.deepEqual(catalog.volumes.map((v) => v.file), ['volume-000.json']);
  const pages = [...catalog.pages, ...data('volume-000.json').pages];
  assert.deepEqual(
    pages.map((p) => [p.id, p.issue, `${p.date.year}-${p.date.month}-${p.date.day}`]),
    [
      ['002', '第3期', '2024-1-16'],
      ['001', '第2期', '2024-1-9'],
      ['000', '第1期', '2024-1-2'],
    ],
  );
});

test('home shows the current 期 first and every earlier page below it, each opening its own home', async () => {
  const context = await newContext(browser, 'phone');
  const { page, watcher } = await open(context);
  assert.match(await page.locator('#page-title').innerText(), /第3期/);
  const entries = page.locator('.archive-entry');
  assert.equal(await entries.count(), 2);
  assert.match(await entries.nth(0).innerText(), /第2期 · 2024年1月9日/);
  assert.match(await entries.nth(1).innerText(), /第1期 · 2024年1月2日/);
  assert.match(await entries.nth(1).innerText(), /已读 0 \/ 9 篇/);
  // In the app: the earlier page is fetched and shown with its items and quizzes.
  await entries.nth(1).getByRole('link').click();
  await page.waitForURL(/000\/index\.html$/);
  await page.locator('#page-title').filter({ hasText: '第1期' }).waitFor();
  assert.equal(await page.locator('.item-card').count(), 9);
  assert.equal(await page.locator('.archive-entry').count(), 0);
  await page.getByRole('link', { name: '综合测验' }).click();
  await page.waitForURL(/000\/quiz-mixed\.html$/);
  await page.locator('#quiz-start').click();
  const question = await currentQuestion(page);
  await answer(page, question, false);
  await page.locator('#feedback').waitFor();
  watcher.assertClean();
  await context.close();
});

test('progress saved by the one-page release is read as it was, and the records say which page it belongs to', async () => {
  const stored = JSON.parse(RELEASED_PROGRESS).progress;
  const context = await contextWithReleasedProgress();
  const { page, watcher } = await open(context);
  // No notice: nothing was unreadable, nothing set aside.
  assert.equal(await page.locator('.notice').count(), 0);
  const earliest = page.locator('.archive-entry[data-page="000"]');
  const nRead = Object.entries(stored.reading).filter(([key, r]) => key.startsWith('000/') && r.read).length;
  assert.match(await earliest.innerText(), new RegExp(`已读 ${nRead} / 9 篇`));
  const best = Math.max(...Object.values(stored.best));
  assert.match(await earliest.innerText(), new RegExp(`测验最好 ${best}%`));
  // Settings survived: the text size and theme chosen in the old app.
  const theme = await page.evaluate(() => document.documentElement.dataset.theme ?? '');
  assert.equal(theme, stored.settings.theme === 'system' ? '' : stored.settings.theme);

  // 学习记录: page 000's own section, and the attempts named with their page.
  await page.getByRole('link', { name: '记录' }).click();
  await page.locator('.completion-page[data-page="000"]').waitFor();
  assert.equal(await page.locator('.attempt-list li').count(), Math.min(stored.attempts.length, 12));
  assert.match(await page.locator('.attempt-list li').first().innerText(), /第1期/);

  // 错题本 across pages.
  const mistakes = Object.entries(stored.questions).filter(([, q]) => !q.last_correct).length;
  await page.goto(`${server.url}mistakes.html`);
  await waitForApp(page);
  if (mistakes > 0) {
    assert.match(await page.locator('.mistake-pages li[data-page="000"]').innerText(), new RegExp(`第1期.*${mistakes} 道`));
  }

  // 收藏: each favourite with its page.
  await page.goto(`${server.url}favourites.html`);
  await waitForApp(page);
  const favourites = page.locator('.favourite-list li');
  assert.equal(await favourites.count(), stored.favourites.length);
  for (let i = 0; i < stored.favourites.length; i += 1) {
    await favourites.nth(i).filter({ hasText: '第1期' }).waitFor();
  }

  // 今日复习 across pages: on a day when every card is due, each says which page it is from.
  const cards = stored.review?.cards ?? [];
  if (cards.length > 0) {
    await page.clock.setFixedTime(new Date('2031-01-01T09:00:00'));
    await page.goto(`${server.url}review.html`);
    await waitForApp(page);
    await page.locator('#review-count').filter({ hasText: `今天还有 ${cards.length} 项要复习` }).waitFor();
    await page.locator('.review-card .card-page').filter({ hasText: '第1期' }).waitFor();
  }

  // A quiz left running in the old app resumes at the question it was on (finished ones are kept too, and show
  // their result).
  const running = Object.entries(stored.in_progress).filter(([, session]) => session.phase === 'running');
  assert.ok(running.length > 0, 'the stored copy has a quiz in progress');
  for (const [key] of running) {
    await page.goto(`${server.url}${key}.html`);
    await waitForApp(page);
    await page.locator('#question').waitFor();
  }
  // And what the old app wrote is still there, under the same keys: nothing was migrated away.
  const now = JSON.parse(await page.evaluate(() => localStorage.getItem('xuexi.progress'))).progress;
  for (const key of Object.keys(stored.reading)) assert.ok(key in now.reading, key);
  for (const key of Object.keys(stored.best)) assert.equal(now.best[key], stored.best[key], key);
  assert.deepEqual(now.favourites, stored.favourites);
  watcher.assertClean();
  await context.close();
});

test('search spans every page and says which page each hit is on', async () => {
  const context = await newContext(browser, 'phone');
  const { page, watcher } = await open(context);
  await page.locator('#search-button').click();
  await page.locator('#search-input').fill('托管');
  await page.locator('.search-result').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('#search-loading'));
  const pagesNamed = await page.locator('.search-result .result-page').allInnerTexts();
  for (const issue of ['第1期', '第2期', '第3期']) {
    assert.ok(pagesNamed.some((text) => text.includes(issue)), `no hit on ${issue}: ${pagesNamed}`);
  }
  watcher.assertClean();
  await context.close();
});

test("the service worker takes the catalog and its volumes when it installs, and no earlier page's data", async () => {
  const context = await newContext(browser, 'phone');
  // Nothing touched and no app started: what is cached comes from the install alone.
  await context.addInitScript(() => (window.xuexiSettleMs = 3_600_000));
  const page = await context.newPage();
  await page.goto(server.url);
  const cached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const names = (await caches.keys()).filter((name) => name.startsWith('xuexi '));
    const requests = (await Promise.all(names.map(async (name) => (await caches.open(name)).keys()))).flat();
    return requests.map((request) => new URL(request.url).pathname.replace(/^.*\/data\//, 'data/'));
  });
  assert.equal(await page.evaluate(() => document.body.dataset.app ?? ''), '', 'the app started');
  const data = cached.filter((file) => file.startsWith('data/')).sort();
  assert.deepEqual(data, ['data/002.json', 'data/catalog.json', 'data/volume-000.json']);
  await context.close();
});

test('an earlier page once opened stays available offline, inside WeChat too', async () => {
  for (const userAgent of [undefined, WECHAT_UA]) {
    const context = await newContext(browser, 'phone', userAgent ? { userAgent } : {});
    const { page, watcher } = await open(context);
    const controlled = await page.evaluate(async () => {
      if (!('serviceWorker' in navigator)) return false;
      await navigator.serviceWorker.ready;
      return true;
    });
    if (controlled) await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // Open page 001 inside the app, then go offline.
    await page.locator('.archive-entry[data-page="001"] a').click();
    await page.locator('#page-title').filter({ hasText: '第2期' }).waitFor();
    await page.locator('.item-card').first().getByRole('link').first().click();
    await page.locator('#item-title').waitFor();
    await context.setOffline(true);
    await page.goto(`${server.url}001/index.html`);
    await waitForApp(page);
    await page.locator('#page-title').filter({ hasText: '第2期' }).waitFor();
    await page.goto(`${server.url}001/quiz-mixed.html`);
    await waitForApp(page);
    await page.locator('#quiz-start').waitFor();
    await context.setOffline(false);
    watcher.assertClean();
    await context.close();
  }
});
