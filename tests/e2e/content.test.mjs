// Every paragraph and quotation of every item appears, verbatim, on the built page of that item, opened by its own URL.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO, newContext, startDistServer, waitForApp, watchPage } from './support.mjs';
import { browser, server } from './site.mjs';

/**
 * The items of every content file, read independently of the Rust parser:
 * `## kind id` starts an item, `pN: text` / `qN: text` lines are its paragraphs and quotations.
 */
function readContent() {
  const root = path.join(REPO, 'assets', 'content');
  const items = [];
  for (const pageId of readdirSync(root).sort()) {
    const text = readFileSync(path.join(root, pageId, 'page.md'), 'utf8');
    let item = null;
    for (const line of text.split('\n')) {
      const heading = line.match(/^## (\w+) ([a-z0-9-]+)$/);
      if (heading) {
        item = { pageId, kind: heading[1], id: heading[2], title: null, texts: [] };
        items.push(item);
        continue;
      }
      const title = line.match(/^title: (.+)$/);
      if (item && title) item.title = title[1];
      const part = line.match(/^[pq]\d+: (.+)$/);
      if (item && part) item.texts.push(part[1]);
    }
  }
  return items;
}

const ITEMS = readContent();

test('the content files hold the whole page: 9 items', () => {
  assert.equal(ITEMS.length, 9);
  assert.deepEqual(
    ITEMS.map((i) => i.kind),
    ['article', 'article', 'photo', 'article', 'quotations', 'photo', 'article', 'article', 'article'],
  );
});

test('every item page shows each of its paragraphs verbatim', async () => {
  const context = await newContext(browser, 'phone');
  const page = await context.newPage();
  const watcher = watchPage(page, server.origin);
  for (const item of ITEMS) {
    await page.goto(`${server.url}${item.pageId}/${item.id}.html`);
    await waitForApp(page);
    const shown = await page.locator('main').innerText();
    const flat = shown.replace(/\s+/g, '');
    for (const text of item.texts) {
      assert.ok(flat.includes(text.replace(/\s+/g, '')), `${item.id}: missing «${text.slice(0, 30)}…»`);
    }
    if (item.title) {
      assert.equal(await page.locator('#item-title').innerText(), item.title);
    }
  }
  watcher.assertClean();
  await context.close();
});

test('a deep link under a sub-path, with WeChat query junk, lands on its item and paragraph', async () => {
  const sub = await startDistServer('/study/party/');
  const context = await newContext(browser, 'phone');
  const page = await context.newPage();
  const watcher = watchPage(page, sub.origin);
  const item = ITEMS.find((i) => i.kind === 'article' && i.texts.length > 3);
  await page.goto(`${sub.url}${item.pageId}/${item.id}.html?from=singlemessage&p=p3&isappinstalled=0`);
  await waitForApp(page);
  assert.equal(await page.locator('#item-title').innerText(), item.title);
  assert.equal((await page.locator('p.marked').innerText()).replace(/\s*¶$/, ''), item.texts[2]);
  await page.locator('header a').first().click();
  await waitForApp(page);
  assert.equal(new URL(page.url()).pathname, '/study/party/');
  watcher.assertClean();
  await context.close();
  await sub.close();
});

test('with JavaScript off, every item file already holds its full text (prerendered)', async () => {
  const context = await newContext(browser, 'phone', { javaScriptEnabled: false });
  const page = await context.newPage();
  for (const item of ITEMS) {
    await page.goto(`${server.url}${item.pageId}/${item.id}.html`);
    const flat = (await page.locator('#app').innerText()).replace(/\s+/g, '');
    for (const text of item.texts) {
      assert.ok(flat.includes(text.replace(/\s+/g, '')), `${item.id}: missing «${text.slice(0, 30)}…» without JavaScript`);
    }
  }
  await context.close();
});
