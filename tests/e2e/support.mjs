// Shared helpers for the end-to-end tests: Chromium via playwright-core, the dist/ server, viewports, a page watcher.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.XUEXI_DIST || path.join(REPO, 'dist');
export const ARTIFACTS = path.join(REPO, 'target', 'e2e-artifacts');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Launch the system Chromium (never a downloaded one). */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Serve dist/ on 127.0.0.1 at a free port, optionally under a sub-path like '/some/sub/path/'.
 * The server is unref'd, so one that a failing test never closes cannot keep the test file alive.
 */
export async function startDistServer(base = '/') {
  const srv = await startServer({ root: DIST, port: 0, base });
  srv.server.unref();
  return srv;
}

export const ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';

/** The user agent of WeChat's in-app browser on Android. */
export const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 12; V2031A Build/SP1A.210812.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5015 MMWEBSDK/20230701 MMWEBID/1234 ' +
  'MicroMessenger/8.0.40.2420(0x28002851) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

/**
 * The user agent of WeChat's in-app browser on iOS, whose share menu (发送给朋友, 分享到朋友圈, 复制链接) sends the URL
 * the page was loaded with, not one pushed since.
 */
export const WECHAT_IOS_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 ' +
  'MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN';

export const VIEWPORTS = {
  phone: {
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent: ANDROID_UA,
  },
  desktop: {
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
  },
};

/** A new browser context for 'phone' or 'desktop', Chinese locale; extra options override. */
export function newContext(browser, kind, extra = {}) {
  const opts = VIEWPORTS[kind];
  if (!opts) throw new Error(`unknown viewport kind: ${kind}`);
  return browser.newContext({ locale: 'zh-CN', ...opts, ...extra });
}

/**
 * A new context (as newContext) whose storage holds `value` under `key` before its first page loads, once: a reload
 * or another page of the same tab sees what the app wrote since, not the value again.
 */
export async function contextWithStored(browser, value, { kind = 'phone', key = 'xuexi.progress', ...extra } = {}) {
  const context = await newContext(browser, kind, extra);
  await context.addInitScript(
    ([k, stored]) => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(k, stored);
      }
    },
    [key, value],
  );
  return context;
}

/**
 * Record everything that should not happen on a page: console errors, uncaught page errors,
 * failed requests (network failure or HTTP >= 400) and requests to any origin but the test
 * server's (data: and blob: are fine). Call `assertClean()` (or inspect `problems()`) at the end.
 * A request the browser aborts because the page itself navigated away (reload, goto, a link that loads a file) while
 * it was in flight — the app's version.json check, typically — is the browser's doing, not a problem.
 */
export function watchPage(page, serverOrigin) {
  const log = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
  const inFlight = new Set();
  const cutByNavigation = new WeakSet();
  page.on('requestfinished', (req) => inFlight.delete(req));
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.consoleErrors.push(`${msg.text()} @ ${msg.location()?.url ?? ''}`);
  });
  page.on('pageerror', (err) => log.pageErrors.push(String(err?.stack || err)));
  page.on('requestfailed', (req) => {
    inFlight.delete(req);
    const errorText = req.failure()?.errorText ?? '';
    if (errorText === 'net::ERR_ABORTED' && cutByNavigation.has(req)) return;
    log.failedRequests.push(`${req.method()} ${req.url()}: ${errorText || 'failed'}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) log.failedRequests.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
  });
  page.on('request', (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) {
      for (const earlier of inFlight) cutByNavigation.add(earlier);
    }
    inFlight.add(req);
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    let origin;
    try {
      origin = new URL(url).origin;
    } catch {
      origin = url;
    }
    if (origin !== serverOrigin) log.foreignRequests.push(`${req.method()} ${url}`);
  });
  return {
    log,
    /** Only the non-empty lists, e.g. { consoleErrors: [...] }; {} when clean. */
    problems() {
      return Object.fromEntries(Object.entries(log).filter(([, list]) => list.length > 0));
    },
    /** Throw with every recorded problem if any list is non-empty. */
    assertClean() {
      const found = this.problems();
      if (Object.keys(found).length > 0) {
        throw new Error(`page problems:\n${JSON.stringify(found, null, 2)}`);
      }
    },
  };
}

/**
 * Open `path` (relative to the site root) on `server` in a new page of `context`, watched for problems, and wait until
 * the app is interactive. Returns `{ page, watcher }`.
 */
export async function openPage(context, server, path = '') {
  const page = await context.newPage();
  const watcher = watchPage(page, server.origin);
  await page.goto(`${server.url}${path}`);
  await waitForApp(page);
  return { page, watcher };
}

/**
 * Wait until the Yew app has hydrated the page (the Rust code sets <body data-app="ready">). On a first visit
 * the app starts only at the reader's first touch or key (assets/start.js), so this presses Shift, a key that
 * does nothing else, as a reader's first key press.
 */
export async function waitForApp(page, timeout = 60_000) {
  if ((await page.evaluate(() => document.body?.dataset.app)) !== 'ready') await page.keyboard.press('Shift');
  await page.waitForFunction(() => document.body?.dataset.app === 'ready', null, { timeout });
}

/** Save a full-page screenshot to target/e2e-artifacts/<name>.png and return its path. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
