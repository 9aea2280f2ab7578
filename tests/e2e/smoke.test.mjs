// Smoke test of the release build in dist/: loads on phone and desktop, at / and under a sub-path, cleanly.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  launchBrowser,
  newContext,
  screenshot,
  startDistServer,
  waitForApp,
  watchPage,
} from './support.mjs';

const APP_TITLE = '学习伴侣';
const BASES = ['/', '/some/sub/path/'];
const KINDS = ['phone', 'desktop'];

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

for (const base of BASES) {
  describe(`served at ${base}`, () => {
    let server;
    before(async () => {
      server = await startDistServer(base);
    });
    after(async () => {
      await server?.close();
    });

    test('index.html has a noscript message', async () => {
      const res = await fetch(server.url);
      assert.equal(res.status, 200);
      const html = await res.text();
      const noscript = html.match(/<noscript\b[^>]*>([\s\S]*?)<\/noscript>/i);
      assert.ok(noscript, 'no <noscript> element in index.html');
      assert.match(noscript[1].replace(/<[^>]*>/g, ''), /\S/, '<noscript> has no text');
    });

    for (const kind of KINDS) {
      test(`${kind}: loads, mounts and shows the app shell with no errors`, async () => {
        const context = await newContext(browser, kind);
        try {
          const page = await context.newPage();
          const watcher = watchPage(page, server.origin);

          const res = await page.goto(server.url, { waitUntil: 'load' });
          assert.equal(res?.status(), 200);
          await waitForApp(page);

          assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');

          const banner = page.getByRole('banner');
          await banner.first().waitFor({ state: 'visible' });
          await banner.first().getByText(APP_TITLE).first().waitFor({ state: 'visible' });
          assert.equal(await page.getByRole('main').count(), 1, 'expected exactly one main landmark');
          assert.equal(await page.getByRole('contentinfo').count(), 1, 'expected exactly one footer (contentinfo)');

          const name = `smoke-${kind}-${base === '/' ? 'root' : 'subpath'}`;
          await screenshot(page, name);
          // Let late requests (lazy chunks, fonts) settle before judging the page.
          await page.waitForLoadState('networkidle');
          watcher.assertClean();
        } finally {
          await context.close();
        }
      });
    }
  });
}
