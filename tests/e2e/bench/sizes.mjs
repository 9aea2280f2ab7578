// Byte sizes of a release build: which files a first visit to the home page downloads, which the app adds when it starts, and their raw/gzip/brotli sizes (shared by scripts/bench.sh and size.test.mjs).
//
// As a module:  firstVisitFiles(dist), appFiles(dist), measure(dist, rel), firstVisitReport(dist), appReport(dist), ...
// As a CLI:     node tests/e2e/bench/sizes.mjs DIST [--json FILE]   markdown size tables on stdout

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';

import { FIRST_VISIT_BUDGET } from './targets.mjs';

export { FIRST_VISIT_BUDGET };

/**
 * Files assets/start.js fetches on every page, without the app: the service worker script it
 * registers once the page has loaded. (What the service worker then caches, in the background, is reported apart:
 * its core, by archive.mjs.)
 */
export const FETCHED_BY_START = ['sw.js'];

/** Files the app fetches by itself once it runs: the version file it compares with its own. */
export const FETCHED_BY_APP = ['version.json'];

/** `<link rel>` values whose target the browser downloads while loading the page. */
const DOWNLOADED_LINK_RELS = new Set([
  'stylesheet',
  'icon',
  'shortcut',
  'apple-touch-icon',
  'manifest',
  'modulepreload',
  'preload',
  'prefetch',
]);

/**
 * The files (paths relative to dist, '/'-separated, sorted) a first visit to the home page
 * downloads before anyone touches it, each with why: the home HTML; what its tags reference
 * (stylesheets, scripts, icons, the manifest, preloads, images) and what any inline module script
 * imports (Trunk's eager loader would name the JS glue and the wasm there); the icons the manifest
 * lists; url()s in the CSS; and FETCHED_BY_START. Throws when a referenced file is missing from
 * dist: that build is broken.
 */
export function firstVisitFiles(dist) {
  const found = new Map();
  const missing = [];
  const add = (rel, why) => {
    if (rel === null || found.has(rel)) return;
    if (!isFile(path.join(dist, rel))) {
      missing.push(`${rel} (${why})`);
      return;
    }
    found.set(rel, why);
  };

  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  add('index.html', 'home HTML');
  const baseHref = tags(html, 'base')[0]?.href ?? './';
  const pageUrl = new URL(baseHref, 'http://dist.invalid/');
  const fromPage = (ref) => relativeToDist(ref, pageUrl);

  for (const link of tags(html, 'link')) {
    const rels = String(link.rel ?? '').toLowerCase().split(/\s+/);
    const rel = rels.find((r) => DOWNLOADED_LINK_RELS.has(r));
    if (rel && link.href) add(fromPage(link.href), `<link rel=${rels.join(' ')}>`);
  }
  for (const script of tags(html, 'script')) {
    if (script.src) add(fromPage(script.src), '<script src>');
  }
  // The scripts boot.js (inside the page) asks for once the page has painted.
  for (const meta of tags(html, 'meta').filter((m) => m.name === 'xuexi-scripts')) {
    for (const src of String(meta.content ?? '').split(/\s+/).filter(Boolean)) add(fromPage(src), 'loaded by boot.js after the first paint');
  }
  // The manifest boot.js links once the page has painted (the browser then fetches it and an icon it lists).
  for (const meta of tags(html, 'meta').filter((m) => m.name === 'xuexi-manifest')) {
    if (meta.content) add(fromPage(meta.content), '<link rel=manifest> added by boot.js after the first paint');
  }
  for (const img of tags(html, 'img')) {
    if (img.src) add(fromPage(img.src), '<img src>');
  }
  for (const body of inlineScripts(html)) {
    for (const [, ref] of body.matchAll(/["'`]([^"'`\s]+\.(?:m?js|wasm))["'`]/g)) {
      add(fromPage(ref), 'imported by the inline loader');
    }
  }

  for (const [rel, why] of [...found]) {
    if (why.startsWith('<link rel=manifest')) {
      const manifestUrl = new URL(rel, 'http://dist.invalid/');
      const manifest = JSON.parse(readFileSync(path.join(dist, rel), 'utf8'));
      for (const icon of manifest.icons ?? []) add(relativeToDist(icon.src, manifestUrl), 'manifest icon');
    }
  }
  for (const [rel] of [...found]) {
    if (!rel.endsWith('.css')) continue;
    const cssUrl = new URL(rel, 'http://dist.invalid/');
    const css = readFileSync(path.join(dist, rel), 'utf8');
    for (const [, , ref] of css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)) {
      if (!ref.startsWith('data:')) add(relativeToDist(ref, cssUrl), `url() in ${rel}`);
    }
  }
  for (const rel of FETCHED_BY_START) {
    if (isFile(path.join(dist, rel))) add(rel, 'registered by start.js after load');
  }

  if (missing.length > 0) {
    throw new Error(`${dist}: the home page references files the build does not have:\n  ${missing.join('\n  ')}`);
  }
  return [...found].map(([file, why]) => ({ file, why })).sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * The files the app adds when it starts (at the reader's first touch or key, or at once for a
 * returning reader), each with why: the JS glue and the wasm that `<meta name="xuexi-app">` names,
 * and FETCHED_BY_APP. Throws when the home page has no such meta or a file is missing.
 */
export function appFiles(dist) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const meta = tags(html, 'meta').find((m) => m.name === 'xuexi-app');
  if (!meta?.['data-js'] || !meta?.['data-wasm']) {
    throw new Error(`${dist}/index.html: no <meta name="xuexi-app" data-js data-wasm> (did tools/src/bin/precache.rs run?)`);
  }
  const pageUrl = new URL(tags(html, 'base')[0]?.href ?? './', 'http://dist.invalid/');
  const files = [
    { file: relativeToDist(meta['data-js'], pageUrl), why: 'JS glue, imported by start.js' },
    { file: relativeToDist(meta['data-wasm'], pageUrl), why: 'wasm, fetched by the JS glue' },
    ...FETCHED_BY_APP.map((file) => ({ file, why: 'fetched by the app' })),
  ];
  const missing = files.filter(({ file }) => !isFile(path.join(dist, file)));
  if (missing.length > 0) throw new Error(`${dist}: the app's files are missing: ${missing.map((m) => m.file).join(', ')}`);
  return files;
}

/**
 * The data files the app reads before it hydrates the home page: this build's catalog and the files the home page's
 * `<meta name="xuexi-data">` names (the current page's data). Reported apart from the app's code: they change every
 * week, the app does not.
 */
export function appDataFiles(dist) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const data = tags(html, 'meta').find((m) => m.name === 'xuexi-data');
  const named = (data?.content ?? '').split(' ').filter(Boolean).map((url) => url.split('?')[0]);
  const files = ['data/catalog.json', ...named].map((file) => ({ file, why: 'data the app reads before it hydrates' }));
  const missing = files.filter(({ file }) => !isFile(path.join(dist, file)));
  if (missing.length > 0) throw new Error(`${dist}: the app's data files are missing: ${missing.map((m) => m.file).join(', ')}`);
  return files;
}

/** Every HTML file in dist (one per route, index.html included), sorted. */
export function routeHtmlFiles(dist) {
  return distFiles(dist).filter((rel) => rel.endsWith('.html'));
}

/** Every file in dist a host serves: no dot-folders (Trunk's .stage), source maps or precompressed copies. */
export function distFiles(dist) {
  const out = [];
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel);
      else if (entry.isFile() && !/\.(map|br|gz)$/.test(entry.name)) out.push(rel);
    }
  };
  walk(dist, '');
  return out.sort();
}

/** { file, raw, brotli } of one file (brotli -q 11, the CLI's window), plus gzip (gzip -9 -n) when asked. */
export function measure(dist, rel, { gzip = false } = {}) {
  const bytes = readFileSync(path.join(dist, rel));
  const row = { file: rel, raw: bytes.length, brotli: brotliBytes(bytes) };
  if (gzip) row.gzip = gzipBytes(bytes);
  return row;
}

/** brotli -q 11 size of a buffer; the same bytes as the brotli 1.0.9 CLI (24-bit window). */
export function brotliBytes(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: 11,
      [zlib.BROTLI_PARAM_LGWIN]: 24,
      [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;
}

/** gzip -9 -n size of a buffer, from the gzip CLI (node's zlib level 9 gives other bytes than gzip -9). */
export function gzipBytes(bytes) {
  const run = spawnSync('gzip', ['-9', '-n', '-c'], { input: bytes, maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`gzip failed: ${run.stderr}`);
  return run.stdout.length;
}

/** The first visit measured: { rows: [{file, why, raw, brotli, gzip?}], raw, brotli, gzip?, budget, over }. */
export function firstVisitReport(dist, { gzip = false } = {}) {
  const report = reportOf(dist, firstVisitFiles(dist), { gzip });
  return { ...report, budget: FIRST_VISIT_BUDGET, over: report.brotli > FIRST_VISIT_BUDGET };
}

/** The app's files measured: { rows, raw, brotli, gzip? }. */
export function appReport(dist, { gzip = false } = {}) {
  return reportOf(dist, appFiles(dist), { gzip });
}

function reportOf(dist, files, { gzip }) {
  const rows = files.map(({ file, why }) => ({ ...measure(dist, file, { gzip }), why }));
  const report = { rows, raw: sum(rows, 'raw'), brotli: sum(rows, 'brotli') };
  if (gzip) report.gzip = sum(rows, 'gzip');
  return report;
}

/** A markdown table of a first-visit report, largest brotli first (the failure message of the size test). */
export function firstVisitBreakdown(report) {
  const rows = [...report.rows].sort((a, b) => b.brotli - a.brotli);
  const lines = ['| file | why it is downloaded | raw | brotli -q 11 |', '| --- | --- | ---: | ---: |'];
  for (const r of rows) lines.push(`| ${r.file} | ${r.why} | ${r.raw} | ${r.brotli} |`);
  lines.push(`| **total** (${rows.length} files) | | **${report.raw}** | **${report.brotli}** (${kib(report.brotli)}) |`);
  return lines.join('\n');
}

/** Bytes as KiB with one decimal, whole KiB without: '240.2 KiB', '120 KiB'. */
export const kib = (bytes) => `${Number((bytes / 1024).toFixed(1))} KiB`;

// ---- helpers ---------------------------------------------------------------------------

function sum(rows, key) {
  return rows.reduce((total, row) => total + row[key], 0);
}

function isFile(file) {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** A same-origin reference resolved against `baseUrl`, as a path relative to dist; null for other origins and data: URLs. */
function relativeToDist(ref, baseUrl) {
  if (/^(data|blob):/i.test(ref)) return null;
  const url = new URL(ref, baseUrl);
  if (url.origin !== baseUrl.origin) return null;
  let rel = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  return rel;
}

/** The attributes (lower-case names) of every `<name ...>` start tag in html, comments removed. */
function tags(html, name) {
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  const out = [];
  for (const [, attrs] of text.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))) {
    const found = {};
    for (const [, key, , dq, sq, bare] of attrs.matchAll(/([^\s"'=<>/]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      found[key.toLowerCase()] = dq ?? sq ?? bare ?? '';
    }
    out.push(found);
  }
  return out;
}

/** The bodies of the inline `<script>` elements (those without src). */
function inlineScripts(html) {
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  return [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs))
    .map(([, , body]) => body);
}

// ---- CLI -------------------------------------------------------------------------------

function printTables(dist, jsonFile) {
  const firstVisit = firstVisitReport(dist, { gzip: true });
  const app = appReport(dist, { gzip: true });
  const inFirstVisit = new Set(firstVisit.rows.map((r) => r.file));
  const inApp = new Set(app.rows.map((r) => r.file));
  const routes = routeHtmlFiles(dist);
  const routeRows = routes.map((rel) => measure(dist, rel, { gzip: true }));
  const assets = distFiles(dist).filter((rel) => !rel.endsWith('.html') || rel === 'index.html');
  const assetRows = assets.map(
    (rel) => [...firstVisit.rows, ...app.rows].find((r) => r.file === rel) ?? measure(dist, rel, { gzip: true }),
  );
  const allRows = [...assetRows, ...routeRows.filter((r) => r.file !== 'index.html')];
  const total = (rows) => ({ raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip'), brotli: sum(rows, 'brotli') });
  const routeTotal = total(routeRows);
  const everything = total(allRows);
  const largestRoute = [...routeRows].sort((a, b) => b.brotli - a.brotli)[0];

  const out = [];
  out.push('## Sizes of dist/ (bytes)', '');
  out.push(
    'Every file but the route HTML files (index.html is the home route). "page" marks what a first visit to the',
    'home page downloads: the home HTML, what it references, the manifest\'s icons and the service worker script.',
    '"app" marks what starting the app adds: at the first touch or key on a first visit, at once for a reader who',
    'has used it before (then usually from the service worker\'s cache).',
    '',
  );
  out.push('| file | downloaded | raw | gzip -9 | brotli -q 11 |', '| --- | :---: | ---: | ---: | ---: |');
  for (const r of assetRows) {
    const when = inFirstVisit.has(r.file) ? 'page' : inApp.has(r.file) ? 'app' : '';
    out.push(`| ${r.file} | ${when} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
  }
  out.push('');
  out.push('| total | files | raw | gzip -9 | brotli -q 11 | target |', '| --- | ---: | ---: | ---: | ---: | --- |');
  const verdict = firstVisit.over
    ? `≤ ${kib(FIRST_VISIT_BUDGET)} brotli: **over by ${kib(firstVisit.brotli - FIRST_VISIT_BUDGET)}**`
    : `≤ ${kib(FIRST_VISIT_BUDGET)} brotli: met`;
  out.push(
    `| **first visit** (home page) | ${firstVisit.rows.length} | ${firstVisit.raw} | ${firstVisit.gzip} | **${firstVisit.brotli}** (${kib(firstVisit.brotli)}) | ${verdict} |`,
  );
  out.push(
    `| the app, when it starts | ${app.rows.length} | ${app.raw} | ${app.gzip} | ${app.brotli} (${kib(app.brotli)}) | |`,
  );
  const both = { raw: firstVisit.raw + app.raw, gzip: firstVisit.gzip + app.gzip, brotli: firstVisit.brotli + app.brotli };
  out.push(
    `| first visit and the app | ${firstVisit.rows.length + app.rows.length} | ${both.raw} | ${both.gzip} | ${both.brotli} (${kib(both.brotli)}) | |`,
  );
  out.push(
    `| all route HTML files | ${routes.length} | ${routeTotal.raw} | ${routeTotal.gzip} | ${routeTotal.brotli} (${kib(routeTotal.brotli)}) | |`,
  );
  out.push(
    `| largest route file (${largestRoute.file}) | 1 | ${largestRoute.raw} | ${largestRoute.gzip} | ${largestRoute.brotli} | |`,
  );
  out.push(
    `| all of dist/ (every route and every page's data) | ${allRows.length} | ${everything.raw} | ${everything.gzip} | ${everything.brotli} (${kib(everything.brotli)}) | |`,
  );
  out.push('');
  console.log(out.join('\n'));

  if (jsonFile) {
    const summary = {
      firstVisit: { files: firstVisit.rows.length, raw: firstVisit.raw, gzip: firstVisit.gzip, brotli: firstVisit.brotli, budget: FIRST_VISIT_BUDGET },
      app: { files: app.rows.length, raw: app.raw, gzip: app.gzip, brotli: app.brotli },
      routes: { files: routes.length, ...routeTotal },
      all: { files: allRows.length, ...everything },
    };
    writeFileSync(jsonFile, JSON.stringify(summary, null, 2));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] && !args[0].startsWith('--')) {
    const json = args.indexOf('--json');
    printTables(args[0], json >= 0 ? args[json + 1] : null);
  } else {
    console.error('usage: sizes.mjs DIST [--json FILE]');
    process.exit(2);
  }
}
