// When the app starts (assets/start.js): a first visit reads as plain HTML and fetches no wasm; the first tap or key
// starts the app and is not lost; a reader who stays 3 s gets it without a touch; a returning reader gets the app at
// once; reaching an item's end starts it and marks
// the item read; a failed fetch says so and the next tap tries again; and hydration keeps the prerendered page.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { routeHtmlFiles } from './bench/sizes.mjs';
import { DIST, newContext, watchPage } from './support.mjs';
import { browser, server } from './site.mjs';

const LOADING = '请稍等，正在准备…';
const FAILED = '学习功能没能加载，请检查网络后再点一次。';

/**
 * A first visit: a fresh phone context (service workers blocked unless asked), the page open, watched. Unless `settles`,
 * the app does not start on its own after the reader has stayed a while (assets/start.js), so what starts it is the
 * touch under test, however slow the machine.
 */
async function firstVisit(path, { serviceWorkers = 'block', settles = false } = {}) {
  const context = await newContext(browser, 'phone', { serviceWorkers });
  if (!settles) await context.addInitScript(() => (window.xuexiSettleMs = 3_600_000));
  const page = await context.newPage();
  const watcher = watchPage(page, server.origin);
  const wasm = [];
  page.on('request', (request) => {
    if (/\.wasm$|\/xuexi-[0-9a-f]+\.js$/.test(new URL(request.url()).pathname)) wasm.push(request.url());
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  return { context, page, watcher, appRequests: wasm };
}

/**
 * Runs before the page's scripts: records in window.addedAt when boot.js adds a script or the manifest link, on the
 * page's own clock (that of paint timing).
 */
function recordLateAdditions() {
  window.addedAt = [];
  new MutationObserver((records) => {
    for (const node of records.flatMap((record) => [...record.addedNodes])) {
      const late = (node.tagName === 'SCRIPT' && node.src) || (node.tagName === 'LINK' && node.rel === 'manifest');
      if (late) window.addedAt.push({ url: node.src || node.href, at: performance.now() });
    }
  }).observe(document, { childList: true, subtree: true });
}

/** The file `url` names, without its build hash: `/start.js`. */
const unhashed = (url) => new URL(url).pathname.replace(/-[0-9a-f]{16}\.js$/, '.js');

/** A first visit in which the reader chose 夜间 in 设置: from then on that context holds a returning reader's storage. */
async function storedReader() {
  const visit = await firstVisit('');
  await visit.page.locator('#settings-button').click();
  await visit.page.locator('#settings-panel button', { hasText: '夜间' }).click();
  return visit;
}

const isReady = (page) => page.evaluate(() => document.body.dataset.app === 'ready');
const appReady = (page) => page.waitForFunction(() => document.body.dataset.app === 'ready');

/** Holds every request for the app's files until `release()` is called. */
async function holdApp(context) {
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  await context.route(/\/xuexi-[0-9a-f]+\.js(\?.*)?$/, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

test('a first visit fetches no app until the reader touches the page, and its text is all there', async () => {
  for (const path of ['', '000/a-byfe.html', '000/quiz-a-byfe.html']) {
    const { context, page, watcher, appRequests } = await firstVisit(path);
    await page.waitForTimeout(1000);
    assert.deepEqual(appRequests, [], `/${path}: the app was fetched before any touch`);
    assert.equal(await isReady(page), false, `/${path}: the app started by itself`);
    assert.ok((await page.locator('#app h1, #app h2').count()) > 0, `/${path}: the prerendered page has no heading`);
    // A touch on plain text starts it (as the reader scrolls with a finger).
    await page.locator('main').first().dispatchEvent('pointerdown');
    await appReady(page);
    assert.ok(appRequests.length >= 2, `/${path}: the app's JS and wasm were not fetched`);
    watcher.assertClean();
    await context.close();
  }
});

test('nothing but the page is fetched before its first paint: its scripts and the manifest are asked for after it', async () => {
  for (const path of ['', '000/a-byfe.html', '000/quiz-a-byfe.html']) {
    const context = await newContext(browser, 'phone');
    await context.addInitScript(() => (window.xuexiSettleMs = 3_600_000));
    await context.addInitScript(recordLateAdditions);
    const page = await context.newPage();
    const watcher = watchPage(page, server.origin);
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    await page.locator('link[rel="manifest"]').waitFor({ state: 'attached' });
    const { paint, resources, added } = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      resources: performance.getEntriesByType('resource').map((entry) => ({ url: entry.name, at: entry.startTime })),
      added: window.addedAt,
    }));
    assert.ok(paint > 0, `/${path}: no first contentful paint`);
    assert.deepEqual(
      added.map((entry) => unhashed(entry.url)).sort(),
      ['/manifest.webmanifest', '/preflight.js', '/start.js'],
      `/${path}: boot.js added other things`,
    );
    for (const entry of [...added, ...resources]) {
      assert.ok(entry.at >= paint, `/${path}: ${entry.url} was asked for at ${entry.at} ms, before the first paint at ${paint} ms`);
    }
    watcher.assertClean();
    await context.close();
  }
});

test('a reader who stays 3 s on a loaded page gets the app without a touch', async () => {
  const { context, page, watcher, appRequests } = await firstVisit('000/a-byfe.html', { settles: true });
  const loadedAt = Date.now();
  assert.deepEqual(appRequests, [], 'the app was fetched before the reader stayed');
  await appReady(page);
  assert.ok(Date.now() - loadedAt >= 2500, `the app started ${Date.now() - loadedAt} ms after the load`);
  assert.ok(appRequests.length >= 2, "the app's JS and wasm were not fetched");
  watcher.assertClean();
  await context.close();
});

test('a tap on a link opens the next page as plain HTML, without fetching the app', async () => {
  const { context, page, watcher, appRequests } = await firstVisit('');
  await page.locator('.item-card h3 a').first().click();
  await page.waitForURL(/000\/a-[a-z0-9]+\.html$/);
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  assert.deepEqual(appRequests, [], 'the app was fetched for a tap on a link');
  assert.equal(await isReady(page), false);
  watcher.assertClean();
  await context.close();
});

test('the first tap on a control waits for the app, says so, and is then carried out', async () => {
  const { context, page, watcher } = await firstVisit('000/a-byfe.html');
  const release = await holdApp(context);
  await page.locator('#settings-button').click();
  const note = page.locator('.app-status');
  await note.waitFor();
  assert.equal(await note.innerText(), LOADING);
  assert.equal(await page.locator('#settings-button').getAttribute('aria-busy'), 'true');
  assert.equal(await page.locator('#settings-panel').count(), 0, 'the panel opened before the app was there');
  release();
  await page.locator('#settings-panel').waitFor();
  assert.equal(await page.locator('#settings-button').getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#settings-button').getAttribute('aria-busy'), null);
  assert.ok(await note.isHidden(), 'the loading note stayed after the app started');
  watcher.assertClean();
  await context.close();
});

test('a first key press of a shortcut is carried out too: / opens the search', async () => {
  const { context, page, watcher } = await firstVisit('');
  await page.keyboard.press('/');
  await page.locator('#search-panel').waitFor();
  watcher.assertClean();
  await context.close();
});

test('a returning reader gets the app at once: stored progress, or a service worker that controls the page', async () => {
  const stored = await storedReader();
  await stored.context.addInitScript(recordLateAdditions);
  const again = await stored.context.newPage();
  const wasmFetches = [];
  again.on('request', (request) => request.url().endsWith('.wasm') && wasmFetches.push(request.url()));
  await again.goto(`${server.url}000/a-byfe.html`);
  await appReady(again);
  // boot.js asked for it early (a preload), and start.js's fetch found that copy: one download.
  assert.equal(await again.evaluate(() => document.documentElement.dataset.appStart), 'now');
  assert.equal(wasmFetches.length, 1, `the wasm was fetched ${wasmFetches.length} times`);
  // start.js is asked for at once, so the app compiles and hydrates while the page paints; the manifest and
  // preflight.js still wait for the first paint.
  await again.locator('link[rel="manifest"]').waitFor({ state: 'attached' });
  const { paint, added } = await again.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    added: window.addedAt,
  }));
  const addedAt = Object.fromEntries(added.map((entry) => [unhashed(entry.url), entry.at]));
  assert.deepEqual(Object.keys(addedAt).sort(), ['/manifest.webmanifest', '/preflight.js', '/start.js']);
  assert.ok(addedAt['/start.js'] < paint, `start.js was added at ${addedAt['/start.js']} ms, not before the first paint at ${paint} ms`);
  for (const late of ['/manifest.webmanifest', '/preflight.js']) {
    assert.ok(addedAt[late] >= paint, `${late} was added at ${addedAt[late]} ms, before the first paint at ${paint} ms`);
  }
  await stored.context.close();

  const controlled = await firstVisit('', { serviceWorkers: 'allow' });
  await controlled.page.evaluate(() => navigator.serviceWorker.ready);
  await controlled.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.equal(await isReady(controlled.page), false, 'the service worker started the app');
  await controlled.page.evaluate(() => localStorage.clear());
  await controlled.page.reload();
  await appReady(controlled.page);
  controlled.watcher.assertClean();
  await controlled.context.close();
});

test("a returning reader's early compile that fails is tried again by start.js: the app still starts", async () => {
  const stored = await storedReader();
  // boot.js's own fetch of the wasm (the first) fails as a dropped connection would.
  const wasmFetches = [];
  await stored.context.route(/\.wasm$/, async (route) => {
    wasmFetches.push(route.request().url());
    if (wasmFetches.length === 1) await route.abort('connectionreset');
    else await route.continue();
  });
  const again = await stored.context.newPage();
  await again.goto(`${server.url}000/a-byfe.html`);
  await appReady(again);
  assert.equal(wasmFetches.length, 2, `the wasm was asked for ${wasmFetches.length} times`);
  assert.equal(await again.getByText(FAILED).count(), 0, 'the reader was told the app could not be fetched');
  await stored.context.close();
});

test('reading to the end of an item, without a tap, starts the app and marks the item read', async () => {
  const { context, page, watcher } = await firstVisit('000/a-byfe.html');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await appReady(page);
  await page.waitForFunction(() => {
    const saved = JSON.parse(localStorage.getItem('xuexi.progress') || 'null');
    return Object.values(saved?.progress?.reading ?? {}).some((r) => r.read);
  });
  watcher.assertClean();
  await context.close();
});

test('when the app cannot be fetched the tap says so, and the next tap tries again', async () => {
  const context = await newContext(browser, 'phone', { serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${server.url}000/a-byfe.html`, { waitUntil: 'load' });
  await context.route(/\/xuexi-[0-9a-f]+\.js(\?.*)?$/, (route) => route.abort('internetdisconnected'));
  await page.locator('#settings-button').click();
  const note = page.locator('.app-status');
  await page.waitForFunction((text) => document.querySelector('.app-status')?.textContent === text, FAILED);
  assert.equal(await note.getAttribute('role'), 'status');
  assert.equal(await page.locator('#settings-button').getAttribute('aria-busy'), null);
  assert.equal(await page.locator('.preflight').count(), 0, 'a network failure is not "too old"');
  await context.unroute(/\/xuexi-[0-9a-f]+\.js(\?.*)?$/);
  await page.locator('#settings-button').click();
  await page.locator('#settings-panel').waitFor();
  assert.ok(await note.isHidden());
  await context.close();
});

test('hydration keeps the prerendered page: no node of any route is rendered again', async () => {
  // shell.html is no route: the service worker's offline page, with nothing prerendered to keep.
  const routes = routeHtmlFiles(DIST).filter((file) => file !== 'shell.html');
  for (const path of routes.map((file) => (file === 'index.html' ? '' : file))) {
    const { context, page, watcher } = await firstVisit(path);
    await page.evaluate(() => {
      window.prerendered = [...document.querySelectorAll('#app h1, #app h2, #app p, #app li')];
    });
    await page.keyboard.press('Shift');
    await appReady(page);
    const kept = await page.evaluate(() => window.prerendered.filter((node) => node.isConnected).length);
    const total = await page.evaluate(() => window.prerendered.length);
    assert.ok(total >= 3, `/${path}: too few nodes to compare (${total})`);
    assert.equal(kept, total, `/${path}: ${total - kept} of ${total} prerendered nodes were replaced`);
    watcher.assertClean();
    await context.close();
  }
});
