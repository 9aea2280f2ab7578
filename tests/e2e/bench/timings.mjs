// Times the built site in Chromium (Playwright, desktop): first paint and the first tap on a first visit, navigation to interactive (hydrated) for a returning reader, an in-app link inside WeChat on iOS (a full load from the HTTP cache), and answer click to painted feedback on a quiz.
//
// Usage: node tests/e2e/bench/timings.mjs --root DIR [--loads 10] [--answers 15] [--json FILE] [--page 000]
//                                          [--only returning --label TEXT] [--only slow]
//   DIR is served as it is (scripts/bench.sh passes a copy of dist/ with .br files, so it is served with brotli).
//   --page names the 期 whose item and quiz are timed; --only returning times only the returning reader's loads
//   (scripts/bench.sh does so on the 52-page archive), with TEXT in the table's title; --only slow times only the first
//   tap on a slow phone (CPU ×6, 150 ms latency, 1.6 Mbps; issue 17), tapped at once and after 5 s on the page.

import { writeFileSync } from 'node:fs';
import { startServer } from '../serve.mjs';
import { launchBrowser, newContext, WECHAT_IOS_UA } from '../support.mjs';
import { FEEDBACK_TARGET_MS, INTERACTIVE_TARGET_MS, SLOW_FIRST_TAP_TARGET_MS } from './targets.mjs';
import { builtCatalog, median, parseArgs, progress } from './util.mjs';

const args = parseArgs(process.argv.slice(2), {
  root: null,
  loads: '10',
  answers: '15',
  json: null,
  page: '000',
  only: 'all',
  label: '',
});
if (!args.root || !['all', 'returning', 'slow'].includes(args.only)) {
  console.error('usage: timings.mjs --root DIR [--loads N] [--answers N] [--json FILE] [--page ID] [--only returning --label TEXT | --only slow]');
  process.exit(2);
}

/** The first article of the page `--page` names, as the built catalog (catalog.json and its volumes) lists it. */
function firstArticle(root, pageId) {
  const { pages } = builtCatalog(root);
  const item = pages.find((page) => page.id === pageId)?.items.find((entry) => entry.kind === 'Article');
  if (!item) throw new Error(`${root}: page ${pageId} has no article in its catalog`);
  return item.id;
}
const ARTICLE = firstArticle(args.root, args.page);
const PAGES = [
  { name: 'home', path: '' },
  { name: 'item', path: `${args.page}/${ARTICLE}.html` },
  { name: 'quiz', path: `${args.page}/quiz-${ARTICLE}.html` },
];
/**
 * Calibration: the home page's HTML without its scripts and preloads, served at a path next to it.
 * Its first paint is what this machine and browser take for the markup and CSS alone.
 */
const CALIBRATION = { name: 'home without scripts (calibration)', path: '__bench-no-scripts.html', calibration: true };
const QUIZ_PAGE = PAGES[2].path;
/** A slow phone (issue 17): its CPU six times slower than this machine's, 150 ms latency, 1.6 Mbps down. */
const SLOW = { cpu: 6, latencyMs: 150, downloadBytesPerSecond: 1_600_000 / 8, uploadBytesPerSecond: 750_000 / 8 };
const SLOW_TAP_SAMPLES = 5;
/** The first taps timed on the slow phone: the control, and what shows that the tap has done its work. */
const SLOW_TAPS = [
  { name: '设置 on home', path: '', control: '#settings-button', result: '#settings-panel' },
  { name: '开始答题 on a quiz', path: QUIZ_PAGE, control: '#quiz-start', result: '#question' },
];
/** When the reader taps: at once after the load event, or after staying 5 s (assets/start.js starts the app meanwhile). */
const SLOW_WAITS_MS = [5000, 0];

const server = await startServer({ root: args.root, port: 0 });
const browser = await launchBrowser();
let loads;
let offlineCopyLoads;
let firstVisits;
let firstTaps;
let feedback;
let slowTaps;
let wechatLinks;
let returning;
try {
  // A returning reader: something is stored, so assets/start.js starts the app at once.
  if (args.only === 'slow') {
    slowTaps = await measureSlowFirstTaps(SLOW_TAP_SAMPLES);
  } else {
    returning = await returningReaderState();
    loads = [];
    for (const page of PAGES) loads.push(await measureLoads(page, Number(args.loads), returning));
  }
  if (args.only === 'all') {
    offlineCopyLoads = [];
    for (const page of PAGES) offlineCopyLoads.push(await measureOfflineCopyLoads(page, Number(args.loads)));
    firstVisits = [];
    for (const page of [...PAGES, CALIBRATION]) firstVisits.push(await measureLoads(page, Number(args.loads), null));
    firstTaps = [];
    for (const page of PAGES) firstTaps.push(await measureFirstTaps(page, Number(args.loads)));
    feedback = await measureFeedback(Number(args.answers));
    wechatLinks = await measureWechatLinks(returning, Number(args.loads));
  }
} finally {
  await browser.close();
  await server.close();
}
if (args.only === 'returning') {
  console.log([...returningTable(loads, args.label), ''].join('\n'));
} else if (args.only === 'slow') {
  console.log([...slowTable(slowTaps), ''].join('\n'));
} else {
  printTables(loads, offlineCopyLoads, firstVisits, firstTaps, feedback);
  console.log(wechatTable(wechatLinks).join('\n'));
}
if (args.json) {
  writeFileSync(args.json, JSON.stringify({ loads, offlineCopyLoads, firstVisits, firstTaps, feedback, wechatLinks, slowTaps }, null, 2));
}

/** The storage of a reader who has used the app once: a theme chosen in 设置. */
async function returningReaderState() {
  const context = await newContext(browser, 'desktop', { serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('#settings-button').click();
  await page.locator('#settings-panel button', { hasText: '夜间' }).click();
  await page.waitForFunction(() => localStorage.getItem('xuexi.progress') !== null);
  const state = await context.storageState();
  await context.close();
  return state;
}

/**
 * Runs before any script of the page: records when <body data-app="ready"> appears (the app has
 * hydrated and is interactive), in performance.now() time, which counts from the navigation's start.
 */
function watchLoad() {
  const mark = {};
  window.__bench = mark;
  const observer = new MutationObserver(() => {
    if (mark.ready === undefined && document.body?.dataset.app === 'ready') {
      mark.ready = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-app'] });
}

/** In the page: first contentful paint, the wasm's arrival, readiness and the last LCP entry so far. */
async function readLoad() {
  // One more frame so a paint that hydration caused has its entries, then the buffered LCP entries.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const lcpEntries = await new Promise((resolve) => {
    const lcpObserver = new PerformanceObserver((list) => {
      lcpObserver.disconnect();
      resolve(list.getEntries());
    });
    lcpObserver.observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(() => resolve([]), 2_000);
  });
  const lcp = lcpEntries.at(-1);
  const el = lcp?.element;
  const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
  return {
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    wasmEnd: wasm?.responseEnd,
    ready: window.__bench?.ready,
    lcp: lcp?.startTime,
    lcpElement: el
      ? `${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`
      : '(none)',
  };
}

/**
 * `n` loads of one page, each in a fresh context: cold HTTP cache, no service worker; with `storageState` (a
 * returning reader) the app starts at once and the load ends when it has hydrated, without (a first visit) it
 * ends at the load event, and the app is not started.
 */
async function measureLoads(page, n, storageState) {
  const samples = [];
  const kind = storageState ? 'returning reader' : 'first visit';
  for (let i = 1; i <= n; i++) {
    progress(`timings: ${kind}, load ${page.name} (/${page.path}) ${i}/${n} ...`);
    const context = await newContext(browser, 'desktop', { serviceWorkers: 'block', ...(storageState ? { storageState } : {}) });
    await context.addInitScript(watchLoad);
    if (page.calibration) await serveWithoutScripts(context, page.path);
    const tab = await context.newPage();
    await tab.goto(`${server.url}${page.path}`, { waitUntil: 'load' });
    if (storageState) {
      await tab.waitForFunction(() => window.__bench?.ready !== undefined, null, { timeout: 30_000 });
    }
    const sample = await tab.evaluate(readLoad);
    sample.load = await tab.evaluate(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd);
    samples.push(sample);
    await context.close();
  }
  return summariseLoads(page, samples);
}

/**
 * `n` loads of one page by a returning reader whose service worker holds the offline copy: one context (service
 * workers allowed) visits once, starts the app and waits until the worker controls the page; then each load is a
 * new tab of that context, where assets/start.js starts the app at once from the worker's cache.
 */
async function measureOfflineCopyLoads(page, n) {
  const context = await newContext(browser, 'desktop');
  await context.addInitScript(watchLoad);
  const first = await context.newPage();
  await first.goto(`${server.url}${page.path}`);
  await first.keyboard.press('Shift');
  await first.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  await first.close();
  const samples = [];
  for (let i = 1; i <= n; i++) {
    progress(`timings: returning reader with the offline copy, load ${page.name} (/${page.path}) ${i}/${n} ...`);
    const tab = await context.newPage();
    await tab.goto(`${server.url}${page.path}`, { waitUntil: 'load' });
    await tab.waitForFunction(() => window.__bench?.ready !== undefined, null, { timeout: 30_000 });
    samples.push(await tab.evaluate(readLoad));
    await tab.close();
  }
  await context.close();
  return summariseLoads(page, samples);
}

function summariseLoads(page, samples) {
  const pick = (key) => samples.map((s) => s[key]);
  const elements = new Map();
  for (const s of samples) elements.set(s.lcpElement, (elements.get(s.lcpElement) ?? 0) + 1);
  return {
    page: page.name,
    path: `/${page.path}`,
    loads: samples.length,
    fcp: median(pick('fcp')),
    load: median(pick('load')),
    wasmEnd: median(pick('wasmEnd')),
    ready: median(pick('ready')),
    readyMin: page.calibration ? NaN : Math.min(...pick('ready')),
    readyMax: page.calibration ? NaN : Math.max(...pick('ready')),
    lcp: median(pick('lcp')),
    lcpElement: [...elements].sort((a, b) => b[1] - a[1])[0]?.[0],
  };
}

/**
 * A first visit's first tap: the page loaded (nothing stored, no service worker), then a click on 设置, timed from
 * its pointerdown (a capturing listener on window, before start.js's) to #settings-panel in the DOM and the next
 * animation frame.
 * That includes fetching, compiling and hydrating the app, and carrying out the held tap.
 */
async function measureFirstTaps(page, n) {
  const samples = [];
  for (let i = 1; i <= n; i++) {
    progress(`timings: first tap on ${page.name} (/${page.path}) ${i}/${n} ...`);
    const context = await newContext(browser, 'desktop', { serviceWorkers: 'block' });
    const tab = await context.newPage();
    await tab.goto(`${server.url}${page.path}`, { waitUntil: 'load' });
    await tab.evaluate(() => {
      window.__tap = new Promise((resolve) => {
        let clickedAt;
        // The tap begins at pointerdown (start.js starts the app there and holds the click that follows).
        window.addEventListener('pointerdown', () => (clickedAt ??= performance.now()), { capture: true });
        const observer = new MutationObserver(() => {
          if (clickedAt === undefined || !document.querySelector('#settings-panel')) return;
          observer.disconnect();
          const inDom = performance.now() - clickedAt;
          requestAnimationFrame(() => resolve({ dom: inDom, frame: performance.now() - clickedAt }));
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
    });
    await tab.locator('#settings-button').click();
    samples.push(await tab.evaluate(() => window.__tap));
    await context.close();
  }
  const frames = samples.map((s) => s.frame);
  return { page: page.name, path: `/${page.path}`, taps: samples.length, frame: median(frames), frameMax: Math.max(...frames) };
}

/**
 * In the page: resolves window.__tap with the milliseconds from the tap's pointerdown (a capturing listener, before
 * start.js's) to `result` in the DOM and the next animation frame.
 */
function probeTap(result) {
  window.__tap = new Promise((resolve) => {
    let downAt;
    window.addEventListener('pointerdown', () => (downAt ??= performance.now()), { capture: true });
    const observer = new MutationObserver(() => {
      if (downAt === undefined || !document.querySelector(result)) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - downAt));
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/**
 * The first tap of a first visit on a slow phone: a fresh phone context (360×740, nothing stored, no service worker)
 * throttled through the DevTools protocol, the page loaded, then after each of SLOW_WAITS_MS a click on each control
 * of SLOW_TAPS; `n` visits each, medians.
 */
async function measureSlowFirstTaps(n) {
  const rows = [];
  for (const tap of SLOW_TAPS) {
    for (const waitMs of SLOW_WAITS_MS) {
      const samples = [];
      for (let i = 1; i <= n; i++) {
        progress(`timings: slow phone, ${tap.name}, tapped after ${waitMs} ms, ${i}/${n} ...`);
        const context = await newContext(browser, 'phone', { serviceWorkers: 'block' });
        const tab = await context.newPage();
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: SLOW.latencyMs,
          downloadThroughput: SLOW.downloadBytesPerSecond,
          uploadThroughput: SLOW.uploadBytesPerSecond,
        });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW.cpu });
        await tab.goto(`${server.url}${tap.path}`, { waitUntil: 'load', timeout: 120_000 });
        if (waitMs > 0) await tab.waitForTimeout(waitMs);
        await tab.evaluate(probeTap, tap.result);
        await tab.locator(tap.control).click({ timeout: 120_000 });
        samples.push(await tab.evaluate(() => window.__tap));
        await context.close();
      }
      rows.push({ tap: tap.name, path: `/${tap.path}`, waitMs, taps: samples.length, median: median(samples), max: Math.max(...samples) });
    }
  }
  return rows;
}

/** The slow phone's table: its lines. */
function slowTable(rows) {
  return [
    '## Slow phone: the first tap of a first visit (Chromium, Playwright, throttled)',
    '',
    `${rows[0].taps} first visits per row, each in a fresh 360×740 phone context (nothing stored, service workers blocked),`,
    `CPU ×${SLOW.cpu} slower, ${SLOW.latencyMs} ms latency, ${(SLOW.downloadBytesPerSecond * 8) / 1e6} Mbps down, served with brotli. The`,
    'page loaded, the reader taps at once or after staying 5 s (assets/start.js starts the app, at low priority, once',
    'the reader has stayed 3 s and the browser is idle). Milliseconds from the pointerdown to the next frame with the',
    "tap's result in the DOM.",
    '',
    `| tap | tapped | taps | **pointerdown to result, next frame** (median) | max | target ≤ ${SLOW_FIRST_TAP_TARGET_MS} ms (after 5 s) |`,
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.tap} (${r.path}) | ${r.waitMs ? `after ${r.waitMs / 1000} s` : 'at once'} | ${r.taps} | **${ms(r.median)}** | ${ms(r.max)} ` +
        `| ${r.waitMs ? met(r.median <= SLOW_FIRST_TAP_TARGET_MS) : 'reported'} |`,
    ),
  ];
}

/**
 * Inside WeChat on iOS every in-app link loads the route's own file (so WeChat shares the page on screen): `n` round
 * trips home → item → quiz → home by their links, in one tab of a returning reader whose HTTP cache holds the app
 * (a first load of each page warms it; service workers blocked, as WKWebView in WeChat has none). Each link is timed
 * from its click to <body data-app="ready"> in the new document: performance.timeOrigin there plus the ready mark,
 * minus the click's wall-clock time.
 */
async function measureWechatLinks(storageState, n) {
  const context = await newContext(browser, 'desktop', { serviceWorkers: 'block', storageState, userAgent: WECHAT_IOS_UA });
  await context.addInitScript(watchLoad);
  const tab = await context.newPage();
  const ready = () => tab.waitForFunction(() => window.__bench?.ready !== undefined, null, { timeout: 30_000 });
  for (const page of PAGES) {
    await tab.goto(`${server.url}${page.path}`);
    await ready();
  }
  await tab.goto(server.url);
  await ready();
  const links = [
    { name: 'home → item', selector: `.item-card h3 a[href$="${PAGES[1].path.split('/').pop()}"]`, to: PAGES[1].path },
    { name: 'item → quiz', selector: `a[href$="${PAGES[2].path.split('/').pop()}"]`, to: PAGES[2].path },
    { name: 'quiz → home', selector: '.app-title', to: '' },
  ];
  const samples = links.map(() => []);
  for (let i = 1; i <= n; i++) {
    for (const [at, link] of links.entries()) {
      progress(`timings: WeChat iOS link ${link.name} ${i}/${n} ...`);
      const clickedAt = await tab.evaluate(() => performance.timeOrigin + performance.now());
      await tab.locator(link.selector).first().click();
      await tab.waitForURL((url) => url.pathname === `/${link.to}`);
      await ready();
      const sample = await tab.evaluate(() => ({ origin: performance.timeOrigin, ready: window.__bench.ready }));
      samples[at].push(sample.origin + sample.ready - clickedAt);
    }
  }
  await context.close();
  return links.map((link, at) => ({
    link: link.name,
    loads: samples[at].length,
    ready: median(samples[at]),
    readyMax: Math.max(...samples[at]),
  }));
}

/** The WeChat-on-iOS table: an in-app link's click to the hydrated app of the page it loads. */
function wechatTable(rows) {
  return [
    '## Inside WeChat on iOS: an in-app link to the hydrated app (desktop Chromium, Playwright)',
    '',
    `${rows[0].loads} round trips home → item → quiz → home by their links, in one tab with WeChat's iOS user agent and a`,
    "returning reader's storage; each link loads the route's own file (so WeChat shares the page on screen), the app",
    'from the HTTP cache (revalidated: the local server sends no-cache), service workers blocked. Milliseconds from the',
    'click to <body data-app="ready"> in the new document.',
    '',
    `| link | loads | **click to interactive** (median) | max | target ≤ ${INTERACTIVE_TARGET_MS} ms |`,
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.link} | ${r.loads} | **${ms(r.ready)}** | ${ms(r.readyMax)} | ${met(r.ready <= INTERACTIVE_TARGET_MS)} |`),
    '',
  ];
}

/** Answer requests for `rel` in this context with the home HTML minus every script and preload link. */
async function serveWithoutScripts(context, rel) {
  const home = await (await fetch(server.url)).text();
  const body = home
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>/gi, '');
  await context.route(`${server.url}${rel}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
  );
}

/**
 * Installed right before a click on 提交答案: the click's time (a capturing listener, before the
 * app's own), when #feedback is in the DOM (a MutationObserver), the next animation frame after
 * that, and a task after that frame (its paint done). Resolves window.__feedback.
 */
function probeFeedback() {
  window.__feedback = new Promise((resolve) => {
    let clickedAt;
    const onClick = (event) => {
      if (event.target instanceof Element && event.target.closest('#quiz-check')) clickedAt = performance.now();
    };
    document.addEventListener('click', onClick, true);
    const observer = new MutationObserver(() => {
      if (clickedAt === undefined || !document.querySelector('#feedback')) return;
      observer.disconnect();
      document.removeEventListener('click', onClick, true);
      const inDom = performance.now();
      requestAnimationFrame(() => {
        const frame = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () =>
          resolve({ dom: inDom - clickedAt, frame: frame - clickedAt, painted: performance.now() - clickedAt });
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/** Answers `n` questions of the quiz page (retrying the quiz as often as needed), timing each 提交答案. */
async function measureFeedback(n) {
  const context = await newContext(browser, 'desktop', { serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${server.url}${QUIZ_PAGE}`);
  // The first tap starts the app (assets/start.js) and is then carried out.
  await page.locator('#quiz-start').click();
  const samples = [];
  while (samples.length < n) {
    progress(`timings: answer ${samples.length + 1}/${n} on /${QUIZ_PAGE} ...`);
    const question = await page.locator('#question').getAttribute('data-question');
    // Any answer will do, right or wrong: the time to show the verdict is what counts. An order
    // question can be checked as shown.
    if ((await page.locator('#blank-input').count()) > 0) {
      await page.locator('#blank-input').fill('答案');
    } else if ((await page.locator('#question .options label').count()) > 0) {
      await page.locator('#question .options label').first().click();
    }
    await page.waitForSelector('#quiz-check:enabled');
    await page.evaluate(probeFeedback);
    await page.locator('#quiz-check').click();
    samples.push({ question, ...(await page.evaluate(() => window.__feedback)) });
    const next = page.locator('#quiz-next');
    const last = (await next.innerText()).includes('成绩');
    await next.click();
    if (last) {
      await page.locator('#quiz-retry').click();
    } else {
      await page.waitForFunction((id) => document.querySelector('#question')?.dataset.question !== id, question);
    }
    await page.locator('#question').waitFor();
  }
  await context.close();
  const pick = (key) => samples.map((s) => s[key]);
  return {
    path: `/${QUIZ_PAGE}`,
    answers: samples.length,
    dom: median(pick('dom')),
    frame: median(pick('frame')),
    frameMax: Math.max(...pick('frame')),
    painted: median(pick('painted')),
  };
}

function printTables(loads, offlineCopyLoads, firstVisits, firstTaps, feedback) {
  const out = ['## First visit: the prerendered page (desktop Chromium, Playwright)', ''];
  out.push(
    `${firstVisits[0].loads} loads per page, each in a fresh browser context (cold HTTP cache, nothing stored, service workers`,
    'blocked), 1280×800, served from 127.0.0.1 with brotli, no network or CPU throttling. Nothing is touched, so the app',
    'does not start (assets/start.js): the page is plain HTML, readable and navigable from its first paint. Milliseconds',
    'from the start of the navigation, medians. The last row loads the home HTML with its scripts removed: what the',
    'markup and CSS alone take here.',
    '',
    '| page | FCP | load event | LCP | LCP element (most loads) |',
    '| --- | ---: | ---: | ---: | --- |',
  );
  for (const l of firstVisits) out.push(`| ${l.page} (${l.path}) | ${ms(l.fcp)} | ${ms(l.load)} | ${lcpCell(l)} |`);
  out.push('', '## First visit: the first tap (desktop Chromium, Playwright)', '');
  out.push(
    `${firstTaps[0].taps} first visits per page as above, then a click on 设置: milliseconds from its pointerdown to the next frame`,
    'with the settings panel in the DOM. The tap starts the app, so this is fetching, compiling and hydrating it plus',
    'carrying out the held tap.',
    '',
    '| page | taps | click to panel, next frame (median) | max |',
    '| --- | ---: | ---: | ---: |',
  );
  for (const t of firstTaps) out.push(`| ${t.page} (${t.path}) | ${t.taps} | ${ms(t.frame)} | ${ms(t.frameMax)} |`);
  out.push('', ...returningTable(loads, ''));
  out.push('', '## Returning reader with the offline copy: navigation to interactive (desktop Chromium, Playwright)', '');
  out.push(
    `${offlineCopyLoads[0].loads} loads per page in one browser context whose service worker holds the offline copy (after one`,
    'visit that started the app), each in a new tab: the usual case for a reader who comes back. Columns as above.',
    '',
    `| page | FCP | wasm received | **interactive** | interactive min–max | LCP | LCP element (most loads) | target ≤ ${INTERACTIVE_TARGET_MS} ms |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  );
  for (const l of offlineCopyLoads) out.push(readyRow(l));
  out.push('', '## Answer click to painted feedback (desktop Chromium, Playwright)', '');
  out.push(
    `${feedback.answers} answers on ${feedback.path} (the quiz retried as often as needed), one page load. Milliseconds from`,
    'the 提交答案 click (a capturing listener, before the app\'s own) to: #feedback in the DOM, the next animation frame',
    'after that (the target), and a task after that frame (its paint done).',
    '',
    `| page | answers | in DOM (median) | **next frame** (median) | next frame (max) | after paint (median) | target ≤ ${FEEDBACK_TARGET_MS} ms |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    `| quiz (${feedback.path}) | ${feedback.answers} | ${ms1(feedback.dom)} | **${ms1(feedback.frame)}** | ${ms1(feedback.frameMax)} ` +
      `| ${ms1(feedback.painted)} | ${met(feedback.frame <= FEEDBACK_TARGET_MS)} |`,
    '',
  );
  console.log(out.join('\n'));
}

/**
 * The returning reader's table (title, how it was measured, one row per page), `label` added to the title: its lines.
 * The loads come from the network (service workers blocked): the app and the route's data, cold.
 */
function returningTable(loads, label) {
  return [
    `## Returning reader: navigation to interactive (desktop Chromium, Playwright)${label ? `, ${label}` : ''}`,
    '',
    `${loads[0].loads} loads per page, each in a fresh browser context holding a returning reader's storage (a text size chosen),`,
    'so assets/start.js starts the app at once; cold HTTP cache, service workers blocked (so the app comes from the',
    'network, not from the offline cache), 1280×800, served from 127.0.0.1 with brotli, no throttling. Milliseconds from',
    'the start of the navigation: first contentful paint, the wasm fully received, and <body data-app="ready"> (hydrated',
    'and interactive, seen by a MutationObserver installed before any page script); medians unless marked.',
    '',
    `| page | FCP | wasm received | **interactive** | interactive min–max | LCP | LCP element (most loads) | target ≤ ${INTERACTIVE_TARGET_MS} ms |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...loads.map(readyRow),
  ];
}

/** One row of a navigation-to-interactive table. */
function readyRow(l) {
  return (
    `| ${l.page} (${l.path}) | ${ms(l.fcp)} | ${ms(l.wasmEnd)} | **${ms(l.ready)}** | ${ms(l.readyMin)}–${ms(l.readyMax)} ` +
    `| ${lcpCell(l)} | ${met(l.ready <= INTERACTIVE_TARGET_MS)} |`
  );
}

/** Whole milliseconds; n/a for what was not measured. */
function ms(v) {
  return Number.isFinite(v) ? v.toFixed(0) : 'n/a';
}

/** Milliseconds with one decimal; n/a for what was not measured. */
function ms1(v) {
  return Number.isFinite(v) ? v.toFixed(1) : 'n/a';
}

/** The verdict cell of a target. */
function met(ok) {
  return ok ? 'met' : '**missed**';
}

/** The LCP cells: its time and its element. */
function lcpCell(l) {
  return `${ms(l.lcp)} | \`${l.lcpElement}\``;
}
