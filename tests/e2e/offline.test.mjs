// The installable, offline shell: the manifest and icons Chromium asks for; after one visit every route and the
// search work with the server gone; a new build is offered and applied only on the reader's tap; and in a
// WeChat-like browser without service workers the app works the same and offers updates as a plain reload.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from './serve.mjs';
import { chromium } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  DIST,
  REPO,
  launchBrowser,
  newContext,
  startDistServer,
  waitForApp,
  watchPage,
  WECHAT_UA,
} from './support.mjs';

const WECHAT_JUNK = '?from=singlemessage&isappinstalled=0';
const UPDATE = '有新版本，点击更新';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Every route file of a built site, as [path relative to the root, the title its HTML names]. */
async function routeFiles(root = DIST) {
  const files = await readdir(root, { recursive: true });
  const routes = [];
  for (const file of files.filter((f) => f.endsWith('.html') && f !== 'shell.html').sort()) {
    const html = await readFile(path.join(root, file), 'utf8');
    const title = html.match(/<title>([^<]*)<\/title>/)[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    routes.push([file.split(path.sep).join('/'), title]);
  }
  return routes;
}

/** The files the built service worker caches when it installs (one `["path", "revision", 1],` line each). */
async function precacheSize(root = DIST) {
  return (await readFile(path.join(root, 'sw.js'), 'utf8')).match(/^ {4}\[".*", "[0-9a-f]+", 1\],$/gm).length;
}

/** Waits until the service worker is active and controls the page; returns the files in its cache. */
async function waitForPrecache(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const names = (await caches.keys()).filter((name) => name.startsWith('xuexi '));
    const counts = await Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).length));
    return { names, counts };
  });
}

function pageVersion(page) {
  return page.locator('meta[name="xuexi-version"]').getAttribute('content');
}

test('installable: every route names the manifest, whose icons are the right size, and Chromium agrees', async () => {
  for (const [file] of await routeFiles()) {
    const html = await readFile(path.join(DIST, file), 'utf8');
    // boot.js links it once the page has painted (the install check would fetch it and an icon before the paint).
    assert.match(html, /<meta name="xuexi-manifest" content="manifest.webmanifest">/, file);
    assert.doesNotMatch(html, /<link rel="manifest"/, file);
    assert.match(html, /<link rel="apple-touch-icon" href="icons\/apple-touch-icon.png">/, file);
  }
  const manifest = JSON.parse(await readFile(path.join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.name, '学习伴侣');
  assert.equal(manifest.lang, 'zh-CN');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  const icons = [...manifest.icons, { src: 'icons/apple-touch-icon.png', sizes: '180x180' }];
  assert.ok(manifest.icons.some((icon) => icon.purpose === 'maskable'));
  for (const icon of icons) {
    const png = await readFile(path.join(DIST, icon.src));
    assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
  }

  // Chromium offers no installation in an incognito profile, which every browser.newContext() is.
  const server = await startDistServer('/some/sub/path/');
  const profile = await mkdtemp(path.join(os.tmpdir(), 'xuexi-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}000/a-byfe.html`);
    await waitForApp(page);
    const cdp = await context.newCDPSession(page);
    const { errors, url } = await cdp.send('Page.getAppManifest');
    assert.equal(url, `${server.url}manifest.webmanifest`);
    assert.deepEqual(errors, []);
    assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('after one visit every route, with WeChat query junk, and the search work with the server gone', async () => {
  const server = await startDistServer('/');
  const context = await newContext(browser, 'phone');
  const page = await context.newPage();
  const watcher = watchPage(page, server.origin);
  await page.goto(server.url);
  await waitForApp(page);
  const { names, counts } = await waitForPrecache(page);
  assert.equal(names.length, 1);
  // The core only (the page the reader is on, home, is part of it): no route page of the archive.
  assert.deepEqual(counts, [await precacheSize()]);

  await server.close();
  await context.setOffline(true);
  const routes = await routeFiles();
  assert.ok(routes.length > 10, 'too few route files');
  for (const [file, title] of routes) {
    await page.goto(`${server.url}${file}${WECHAT_JUNK}`);
    await waitForApp(page);
    assert.equal(await page.title(), title, file);
    assert.equal(await page.getByRole('heading', { name: '没有找到这一页' }).count(), 0, file);
  }
  await page.reload();
  await waitForApp(page);

  await page.goto(`${server.url}000/a-e0uy.html?p=p2&q=%E6%89%98%E7%AE%A1${WECHAT_JUNK.replace('?', '&')}`);
  await waitForApp(page);
  assert.match(await page.locator('p.marked').innerText(), /^自2020年成立合作社以来/);

  await page.goto(server.url);
  await waitForApp(page);
  await page.locator('#search-button').tap();
  await page.locator('#search-input').fill('托管');
  await page.locator('.search-result a').first().waitFor();
  assert.match(await page.locator('.search-result a').first().innerText(), /土地进了“托管班”/);

  // A quiz, answered offline: drawn, checked and explained on the device.
  await page.goto(`${server.url}000/quiz-mixed.html`);
  await waitForApp(page);
  await page.locator('#quiz-start').click();
  const option = page.locator('#question label[for^="option"]').first();
  if (await option.count()) await option.click();
  else if (await page.locator('#blank-input').count()) await page.locator('#blank-input').fill('答案');
  await page.locator('#quiz-check').click();
  await page.locator('#feedback .explanation').waitFor();
  // A page the build does not have: offline, the app says so instead of the browser's error page.
  await page.goto(`${server.url}000/a-none.html`);
  await waitForApp(page);
  await page.getByRole('heading', { name: '没有找到这一页' }).waitFor();
  watcher.assertClean();
  await context.close();
});

/**
 * Deploys a changed build into `root`: one more rule in the app's CSS (inside every HTML file, with its hash in the
 * CSP, as precache.rs puts it), then precache again. Returns its version.
 */
async function deployNewBuild(root) {
  const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const pages = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
  for (const file of pages) {
    const html = await readFile(path.join(root, file), 'utf8');
    const [element, css] = html.match(/<style data-inlined>([\s\S]*?)<\/style>/);
    const changed = `${css}\n:root { --xuexi-build: 2; }\n`;
    const rewritten = html
      .replace(element, `<style data-inlined>${changed}</style>`)
      .replace(hash(css), hash(changed));
    await writeFile(path.join(root, file), rewritten);
  }
  execFileSync(precacheBinary(), [root], { stdio: 'pipe' });
  return JSON.parse(await readFile(path.join(root, 'version.json'), 'utf8')).version;
}

/** The precache binary scripts/build.sh ran to make dist/ (no rebuild: others may be mid-edit). */
function precacheBinary() {
  const built = ['debug', 'release']
    .map((profile) => path.join(REPO, 'target', profile, 'precache'))
    .filter((file) => existsSync(file))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  assert.ok(built.length > 0, 'no target/*/precache: run scripts/build.sh');
  return built[0];
}

test('a new build is offered, and applied only when the reader taps', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'xuexi-update-'));
  await cp(DIST, root, { recursive: true });
  const server = await startServer({ root, port: 0 });
  server.server.unref();
  const context = await newContext(browser, 'phone');
  const page = await context.newPage();
  const watcher = watchPage(page, server.origin);
  try {
    await page.goto(`${server.url}000/a-byfe.html`);
    await waitForApp(page);
    await waitForPrecache(page);
    const first = await pageVersion(page);
    assert.match(first, /^[0-9a-f]{16}$/);

    const second = await deployNewBuild(root);
    assert.notEqual(second, first);
    const downloaded = [];
    context.on('request', (request) => {
      const file = new URL(request.url()).pathname;
      if (request.serviceWorker() && file !== '/sw.js') downloaded.push(file);
    });
    await page.reload();
    await waitForApp(page);
    await page.evaluate(() => {
      window.sameDocument = true;
    });
    const prompt = page.getByRole('button', { name: UPDATE });
    await prompt.waitFor();
    // Offered, not applied: still the first build, in the same document.
    assert.equal(await pageVersion(page), first);
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page reloaded by itself');

    await Promise.all([page.waitForEvent('load'), prompt.tap()]);
    await waitForApp(page);
    assert.equal(await pageVersion(page), second);
    const marker = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--xuexi-build'));
    assert.equal(marker.trim(), '2');
    assert.equal(await prompt.count(), 0);
    // The new build downloaded what changed (the HTML files, which hold the CSS and name the version), no more.
    assert.ok(downloaded.includes('/index.html') || downloaded.includes('/'), `home was not downloaded: ${downloaded}`);
    assert.ok(!downloaded.some((file) => /\.(wasm|js|png)$/.test(file)), `downloaded again: ${downloaded}`);
    const { names } = await waitForPrecache(page);
    assert.equal(names.length, 1, 'the first build’s cache was not removed');
    assert.ok(names[0].endsWith(second));
    watcher.assertClean();
  } finally {
    await context.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
});

test('WeChat without service workers: works online, registers nothing, and a new build is a plain reload', async () => {
  const server = await startDistServer('/');
  const context = await newContext(browser, 'phone', { userAgent: WECHAT_UA });
  await context.addInitScript(() => {
    delete Navigator.prototype.serviceWorker;
  });
  const page = await context.newPage();
  const watcher = watchPage(page, server.origin);
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));

  await page.goto(`${server.url}000/a-e0uy.html?p=p2${WECHAT_JUNK.replace('?', '&')}`);
  await waitForApp(page);
  assert.match(await page.locator('p.marked').innerText(), /^自2020年成立合作社以来/);
  await page.locator('#search-button').tap();
  await page.locator('#search-input').fill('托管');
  await page.locator('.search-result a').first().waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(await page.evaluate(() => 'serviceWorker' in navigator), false);
  assert.deepEqual(context.serviceWorkers(), []);
  assert.ok(!requested.includes('/sw.js'), 'asked for sw.js');
  assert.ok(requested.includes('/version.json'), 'never checked version.json');
  assert.equal(await page.getByRole('button', { name: UPDATE }).count(), 0);
  watcher.assertClean();

  // The server now has a newer build; the reader comes back to the page.
  await page.route('**/version.json', (route) => route.fulfill({ json: { version: 'a-newer-build' } }));
  await page.evaluate(() => {
    window.sameDocument = true;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const prompt = page.getByRole('button', { name: UPDATE });
  await prompt.waitFor();
  assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page reloaded by itself');
  await Promise.all([page.waitForEvent('load'), prompt.tap()]);
  await waitForApp(page);
  assert.equal(await page.evaluate(() => window.sameDocument), undefined, 'no reload');
  watcher.assertClean();
  await context.close();
  await server.close();
});
