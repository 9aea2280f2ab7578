// The content security policy and the preflight: the inline stylesheet and boot script are allowed by their hashes only, no route breaks the CSP or asks another origin for anything,
// injected inline code and eval are refused, and where the app cannot run (no WebAssembly, or a wasm the browser
// will not compile) the Chinese message appears above the page's own text without hiding it.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, test } from 'node:test';
import { DIST, newContext, waitForApp, watchPage } from './support.mjs';
import { browser, server } from './site.mjs';

const TOO_OLD =
  '您的微信或浏览器版本过旧，无法运行学习功能。请将微信更新到最新版本，或点右上角 ··· 选择「在浏览器中打开」。';

/** Every route file of dist/, relative to the site root. */
async function routeFiles() {
  const files = await readdir(DIST, { recursive: true });
  return files.filter((file) => file.endsWith('.html')).map((file) => file.split(path.sep).join('/')).sort();
}

/** A phone context that records every CSP violation in `window.cspViolations`. */
async function recordingContext(extra) {
  const context = await newContext(browser, 'phone', extra);
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return context;
}

test('the CSP is strict and complete: the inline stylesheet and boot script are allowed by their hashes alone', async () => {
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'|unsafe-hashes/);
  // One hash each: the boot script and the stylesheet that precache.rs put inside every page.
  const script = policy.match(/script-src 'self' 'wasm-unsafe-eval' ('sha256-[A-Za-z0-9+/]+=*');/);
  const style = policy.match(/style-src 'self' ('sha256-[A-Za-z0-9+/]+=*');/);
  assert.ok(script && style, policy);
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'"]) {
    assert.ok(policy.includes(directive), directive);
  }
  const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  for (const file of await routeFiles()) {
    const route = await readFile(path.join(DIST, file), 'utf8');
    assert.ok(route.includes(policy), `${file} has another policy`);
    const inlineScripts = [...route.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
    assert.deepEqual(inlineScripts.map((m) => hash(m[1])), [script[1]], `${file}: inline scripts other than boot.js`);
    const styles = [...route.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)];
    assert.deepEqual(styles.map((m) => hash(m[1])), [style[1]], `${file}: inline styles other than app.css`);
    assert.doesNotMatch(route, /<link[^>]*rel="stylesheet"/, `${file} still loads a stylesheet`);
  }
});

test('no route breaks the CSP, logs an error or asks another origin for anything', async () => {
  const context = await recordingContext();
  const problems = [];
  for (const file of await routeFiles()) {
    const page = await context.newPage();
    const watcher = watchPage(page, server.origin);
    await page.goto(`${server.url}${file}?from=singlemessage&isappinstalled=0`);
    await waitForApp(page);
    await page.waitForLoadState('networkidle');
    const violations = await page.evaluate(() => window.cspViolations);
    problems.push(...violations.map((v) => `${file}: CSP: ${v}`));
    problems.push(...Object.entries(watcher.problems()).map(([kind, list]) => `${file}: ${kind}: ${list.join('; ')}`));
    if ((await page.locator('.preflight').count()) > 0) problems.push(`${file}: preflight message shown`);
    await page.close();
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('injected inline code and eval are refused', async () => {
  const context = await recordingContext();
  const page = await context.newPage();
  await page.goto(`${server.url}000/a-byfe.html`);
  await waitForApp(page);
  const outcome = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = "script";';
    document.body.append(script);
    const image = document.createElement('div');
    image.innerHTML = '<img src="data:," onerror="window.injected = \'handler\'">';
    document.body.append(image);
    // From a timer: code that page.evaluate runs directly is exempt from the page's CSP.
    return new Promise((resolve) => {
      setTimeout(() => {
        try {
          resolve(eval('"eval ran"'));
        } catch (error) {
          resolve(error.name);
        }
      });
    });
  });
  assert.equal(outcome, 'EvalError');
  await page.waitForFunction(() => window.cspViolations.length >= 3);
  assert.equal(await page.evaluate(() => window.injected), undefined);
  const directives = await page.evaluate(() => window.cspViolations.map((v) => v.split(' ')[0]));
  assert.deepEqual(directives.sort(), ['script-src', 'script-src-attr', 'script-src-elem'].sort());
  await context.close();
});

/** Opens an item with `initScript` run first; returns the page once the preflight message is there. */
async function openCrippled(initScript) {
  const context = await newContext(browser, 'phone');
  await context.addInitScript(initScript);
  const page = await context.newPage();
  await page.goto(`${server.url}000/a-byfe.html`);
  await page.locator('.preflight').waitFor();
  return { context, page };
}

/** The message reads as it should, sits above the prerendered page, and the page's own text is all there. */
async function assertMessageAbovePage(page) {
  assert.equal(await page.locator('.preflight').innerText(), TOO_OLD);
  assert.equal(await page.locator('.preflight').count(), 1);
  const title = page.locator('#item-title');
  assert.equal(await title.innerText(), '包袱卸下去 干劲鼓起来');
  assert.ok(await title.isVisible());
  assert.ok((await page.locator('#app').innerText()).length > 500, 'the article text is gone');
  const message = await page.locator('.preflight').boundingBox();
  const app = await page.locator('#app').boundingBox();
  assert.ok(message.y + message.height <= app.y + 1, 'the message covers the page');
}

test('without WebAssembly the preflight message appears above the page, which stays readable', async () => {
  const { context, page } = await openCrippled(() => {
    delete globalThis.WebAssembly;
  });
  await assertMessageAbovePage(page);
  await context.close();
});

test('a browser that may not compile wasm (old Chrome under this CSP) gets the same message before any tap', async () => {
  const { context, page } = await openCrippled(() => {
    const error = () => new WebAssembly.CompileError('Wasm code generation disallowed by embedder');
    const refuse = () => Promise.reject(error());
    WebAssembly.Module = function () {
      throw error();
    };
    WebAssembly.compile = refuse;
    WebAssembly.instantiate = refuse;
    WebAssembly.instantiateStreaming = refuse;
  });
  await assertMessageAbovePage(page);
  await context.close();
});

test('a wasm refused only when the app starts brings the message at the tap', async () => {
  const context = await newContext(browser, 'phone');
  await context.addInitScript(() => {
    const refuse = () => Promise.reject(new WebAssembly.CompileError('refused'));
    WebAssembly.instantiate = refuse;
    WebAssembly.instantiateStreaming = refuse;
  });
  const page = await context.newPage();
  await page.goto(`${server.url}000/a-byfe.html`);
  assert.equal(await page.locator('.preflight').count(), 0, 'the message came before the app was asked for');
  await page.locator('#settings-button').click();
  await page.locator('.preflight').waitFor();
  await assertMessageAbovePage(page);
  await context.close();
});
