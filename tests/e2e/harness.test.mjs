// Tests of the e2e harness itself: the static server (serve.mjs) and the page watcher (support.mjs), on a temp dir.

import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from './serve.mjs';
import { launchBrowser, newContext, watchPage } from './support.mjs';

/** GET exactly this path (no client-side URL normalisation or decoding): { status, headers, body }. */
function rawGet(port, rawPath, headers = {}) {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: rawPath, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

let root;
before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'xuexi-harness-'));
  await mkdir(path.join(root, 'sub'));
  const files = {
    'index.html': '<!doctype html><link rel="icon" href="data:,"><title>t</title><p>home</p>',
    'sub/index.html': '<!doctype html><p>sub</p>',
    'app.wasm': 'raw wasm',
    'app.wasm.br': 'brotli wasm',
    'app.js': 'console.log(1)',
    'app.css': 'p{}',
    'manifest.webmanifest': '{}',
    'data.json': '{}',
    'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'robots.txt': 'ok',
    'bad.html': `<!doctype html><link rel="icon" href="data:,"><title>bad</title><script>
      console.error('boom');
      fetch('./missing.js').catch(() => {});
      fetch('http://127.0.0.2:9/elsewhere').catch(() => {});
      setTimeout(() => { throw new Error('uncaught'); }, 0);
    </script>`,
  };
  for (const [name, body] of Object.entries(files)) await writeFile(path.join(root, name), body);
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('serve.mjs', () => {
  for (const base of ['/', '/some/sub/path/']) {
    test(`serves files with the right types under ${base}`, async () => {
      const srv = await startServer({ root, port: 0, base });
      try {
        assert.ok(srv.port > 0);
        assert.equal(srv.url, `http://127.0.0.1:${srv.port}${base}`);
        const types = {
          '': 'text/html; charset=utf-8',
          'index.html?v=1': 'text/html; charset=utf-8',
          'sub/': 'text/html; charset=utf-8',
          'app.js': 'text/javascript; charset=utf-8',
          'app.css': 'text/css; charset=utf-8',
          'data.json': 'application/json; charset=utf-8',
          'manifest.webmanifest': 'application/manifest+json; charset=utf-8',
          'icon.svg': 'image/svg+xml',
          'robots.txt': 'text/plain; charset=utf-8',
        };
        for (const [rel, type] of Object.entries(types)) {
          const res = await fetch(srv.url + rel);
          assert.equal(res.status, 200, rel);
          assert.equal(res.headers.get('content-type'), type, rel);
          assert.equal(res.headers.get('cache-control'), 'no-cache', rel);
        }
        for (const rel of ['nope', 'some/route', 'sub/nope']) {
          assert.equal((await fetch(srv.url + rel)).status, 404, rel);
        }
        for (const rel of ['../../../../etc/passwd', '%2e%2e/%2e%2e/%2e%2e/etc/passwd', '..%2f..%2f..%2fetc%2fpasswd']) {
          assert.equal((await rawGet(srv.port, base + rel)).status, 404, rel);
        }
        const dir = await fetch(`${srv.url}sub`, { redirect: 'manual' });
        assert.equal(dir.status, 301);
        assert.equal(dir.headers.get('location'), `${base}sub/`);
        if (base !== '/') {
          assert.equal((await fetch(`${srv.origin}/index.html`)).status, 404, 'outside the base');
        }
      } finally {
        await srv.close();
      }
    });
  }

  test('serves file.br when the client accepts br, else the raw file', async () => {
    const srv = await startServer({ root, port: 0 });
    try {
      const plain = await fetch(`${srv.url}app.wasm`, { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(plain.headers.get('content-type'), 'application/wasm');
      assert.equal(plain.headers.get('content-encoding'), null);
      assert.equal(await plain.text(), 'raw wasm');

      // node's fetch would decode br itself, so read the raw bytes.
      const br = await rawGet(srv.port, '/app.wasm', { 'accept-encoding': 'gzip, br' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(br.headers['content-type'], 'application/wasm');
      const body = br.body;
      const refused = await rawGet(srv.port, '/app.wasm', { 'accept-encoding': 'br;q=0' });
      assert.equal(refused.body, 'raw wasm');
      assert.equal(body, 'brotli wasm');
    } finally {
      await srv.close();
    }
  });
});

describe('watchPage', () => {
  let browser;
  let srv;
  before(async () => {
    browser = await launchBrowser();
    srv = await startServer({ root, port: 0 });
  });
  after(async () => {
    await browser?.close();
    await srv?.close();
  });

  test('a clean page has no problems', async () => {
    const context = await newContext(browser, 'desktop');
    try {
      const page = await context.newPage();
      const watcher = watchPage(page, srv.origin);
      await page.goto(srv.url, { waitUntil: 'networkidle' });
      assert.deepEqual(watcher.problems(), {});
      watcher.assertClean();
    } finally {
      await context.close();
    }
  });

  test('records console errors, page errors, failed and foreign requests', async () => {
    const context = await newContext(browser, 'phone');
    try {
      const page = await context.newPage();
      const watcher = watchPage(page, srv.origin);
      await page.goto(`${srv.url}bad.html`, { waitUntil: 'networkidle' });
      const { log } = watcher;
      assert.ok(log.consoleErrors.some((e) => e.includes('boom')), JSON.stringify(log));
      assert.ok(log.pageErrors.some((e) => e.includes('uncaught')), JSON.stringify(log));
      assert.ok(log.failedRequests.some((e) => e.includes('missing.js') && e.includes('404')), JSON.stringify(log));
      assert.ok(log.failedRequests.some((e) => e.includes('127.0.0.2')), JSON.stringify(log));
      assert.ok(log.foreignRequests.some((e) => e.includes('127.0.0.2')), JSON.stringify(log));
      assert.throws(() => watcher.assertClean(), /page problems/);
    } finally {
      await context.close();
    }
  });
});
