// Times the built site in Chromium (Playwright, desktop): navigation to interactive (hydrated) per page, and answer click to painted feedback on a quiz.
//
// Usage: node tests/e2e/bench/timings.mjs --root DIR [--loads 10] [--answers 15] [--json FILE]
//   DIR is served as it is (scripts/bench.sh passes a copy of dist/ with .br files, so it is served with brotli).

import { writeFileSync } from 'node:fs';
import { startServer } from '../serve.mjs';
import { launchBrowser, newContext } from '../support.mjs';
import { FEEDBACK_TARGET_MS, INTERACTIVE_TARGET_MS } from './targets.mjs';
import { median, parseArgs, progress } from './util.mjs';

const PAGES = [
  { name: 'home', path: '' },
  { name: 'item', path: '000/a-byfe.html' },
  { name: 'quiz', path: '000/quiz-a-byfe.html' },
];
/**
 * Calibration: the home page's HTML without its scripts and preloads, served at a path next to it.
 * Its first paint is what this machine and browser take for the markup and CSS alone.
 */
const CALIBRATION = { name: 'home without scripts (calibration)', path: '__bench-no-scripts.html', calibration: true };
const QUIZ_PAGE = '000/quiz-a-byfe.html';

const args = parseArgs(process.argv.slice(2), { root: null, loads: '10', answers: '15', json: null });
if (!args.root) {
  console.error('usage: timings.mjs --root DIR [--loads N] [--answers N] [--json FILE]');
  process.exit(2);
}

const server = await startServer({ root: args.root, port: 0 });
const browser = await launchBrowser();
let loads;
let feedback;
try {
  loads = [];
  for (const page of [...PAGES, CALIBRATION]) loads.push(await measureLoads(page, Number(args.loads)));
  feedback = await measureFeedback(Number(args.answers));
} finally {
  await browser.close();
  await server.close();
}
printTables(loads, feedback);
if (args.json) writeFileSync(args.json, JSON.stringify({ loads, feedback }, null, 2));

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

/** `n` loads of one page, each in a fresh context: cold HTTP cache, no service worker, nothing stored. */
async function measureLoads(page, n) {
  const samples = [];
  for (let i = 1; i <= n; i++) {
    progress(`timings: load ${page.name} (/${page.path}) ${i}/${n} ...`);
    const context = await newContext(browser, 'desktop', { serviceWorkers: 'block' });
    await context.addInitScript(watchLoad);
    if (page.calibration) await serveWithoutScripts(context, page.path);
    const tab = await context.newPage();
    await tab.goto(`${server.url}${page.path}`, { waitUntil: 'load' });
    if (!page.calibration) {
      await tab.waitForFunction(() => window.__bench?.ready !== undefined, null, { timeout: 30_000 });
    }
    samples.push(await tab.evaluate(readLoad));
    await context.close();
  }
  const pick = (key) => samples.map((s) => s[key]);
  const elements = new Map();
  for (const s of samples) elements.set(s.lcpElement, (elements.get(s.lcpElement) ?? 0) + 1);
  return {
    page: page.name,
    path: `/${page.path}`,
    loads: samples.length,
    fcp: median(pick('fcp')),
    wasmEnd: median(pick('wasmEnd')),
    ready: median(pick('ready')),
    readyMin: page.calibration ? NaN : Math.min(...pick('ready')),
    readyMax: page.calibration ? NaN : Math.max(...pick('ready')),
    lcp: median(pick('lcp')),
    lcpElement: [...elements].sort((a, b) => b[1] - a[1])[0]?.[0],
  };
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
  await page.waitForFunction(() => document.body?.dataset.app === 'ready');
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

function printTables(loads, feedback) {
  const ms = (v) => (Number.isFinite(v) ? v.toFixed(0) : 'n/a');
  const ms1 = (v) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
  const met = (ok) => (ok ? 'met' : '**missed**');
  const out = ['## Navigation to interactive (desktop Chromium, Playwright)', ''];
  out.push(
    `${loads[0].loads} loads per page, each in a fresh browser context (cold HTTP cache, nothing stored, service workers`,
    'blocked), 1280×800, served from 127.0.0.1 with brotli, no network or CPU throttling. Milliseconds from the start of',
    'the navigation: first contentful paint, the wasm fully received, and <body data-app="ready"> (hydrated and',
    'interactive, seen by a MutationObserver installed before any page script); medians unless marked. The last row',
    'loads the home HTML with its scripts and preloads removed: what the markup and CSS alone take here.',
    '',
    `| page | FCP | wasm received | **interactive** | interactive min–max | LCP | LCP element (most loads) | target ≤ ${INTERACTIVE_TARGET_MS} ms |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  );
  for (const l of loads) {
    out.push(
      `| ${l.page} (${l.path}) | ${ms(l.fcp)} | ${ms(l.wasmEnd)} | **${ms(l.ready)}** | ${Number.isFinite(l.readyMin) ? `${ms(l.readyMin)}–${ms(l.readyMax)}` : ''} ` +
        `| ${ms(l.lcp)} | \`${l.lcpElement}\` | ${Number.isFinite(l.ready) ? met(l.ready <= INTERACTIVE_TARGET_MS) : ''} |`,
    );
  }
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
