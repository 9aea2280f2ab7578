// What the archive costs, on a synthetic year of weekly pages: the wasm is the same bytes for 1 page or 52, the app's size and what it is made of, the first visit, a returning reader's weekly update, and the offline copy at install (the archive section of scripts/bench.sh).
//
// Usage: node tests/e2e/bench/archive.mjs --one DIST --year DIR --next DIR [--before DIR] [--twiggy FILE] [--json FILE]
//   DIST is the one-page build (dist/); --year and --next the builds of 52 and 53 pages made with its wasm
//   (scripts/build-archive.sh 52 / 53), --before that of 51 (the week before: 52 closes a volume of the catalog, so
//   its update carries the whole new volume, the dearest week of a quarter); --twiggy the output of `twiggy top -f json` on the wasm before wasm-bindgen and
//   wasm-opt (without it, the app's make-up is not shown). Markdown tables on stdout; --json writes what summary.mjs reads.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FETCHED_BY_APP, appFiles, brotliBytes, distFiles, firstVisitReport, kib } from './sizes.mjs';
import {
  APP_BUDGET,
  ARCHIVE_FIRST_VISIT_BUDGET,
  OFFLINE_CORE_GROWTH_PER_WEEK,
  WEEKLY_UPDATE_BUDGET,
} from './targets.mjs';
import { builtCatalog, parseArgs } from './util.mjs';

/** How many parts of the wasm the make-up table shows; the rest are summed in one row. */
const SHOWN_PARTS = 16;
/** brotli -q 11 sizes by SHA-256 of the content: the builds share the wasm and the app's files. */
const brotliByContent = new Map();

const args = parseArgs(process.argv.slice(2), { one: null, year: null, next: null, before: null, twiggy: null, json: null });
if (!args.one || !args.year || !args.next) {
  console.error('usage: archive.mjs --one DIST --year DIR --next DIR [--before DIR] [--twiggy FILE] [--json FILE]');
  process.exit(2);
}

const builds = { one: build(args.one), year: build(args.year), next: build(args.next) };
const mixed = mixedAppFiles(builds);
const wasm = { one: wasmOf(builds.one), year: wasmOf(builds.year) };
wasm.identical = wasm.one.sha256 === wasm.year.sha256;
const app = appOf(builds.one);
const shares = args.twiggy && existsSync(args.twiggy) ? wasmShares(JSON.parse(readFileSync(args.twiggy, 'utf8'))) : null;
const firstVisit = { one: firstVisitOf(builds.one), year: firstVisitOf(builds.year) };
// Every weekly update measured, and the dearest of them (what the target is checked against).
const updates = [[builds.year, builds.next]];
if (args.before) updates.unshift([build(args.before), builds.year]);
const weekly = updates.map(([prev, next]) => ({ prev, next, ...weeklyUpdate(prev, next) }));
const update = weekly.reduce((dearest, u) => (u.brotli > dearest.brotli ? u : dearest));
const offline = { one: offlineCopy(builds.one), year: offlineCopy(builds.year) };
const weeksAdded = builds.year.pages - builds.one.pages;
offline.growthPerWeek = weeksAdded > 0 ? (offline.year.core.brotli - offline.one.core.brotli) / weeksAdded : NaN;

printTables();
if (args.json) {
  const pages = { one: builds.one.pages, year: builds.year.pages, next: builds.next.pages };
  const steps = weekly.map((u) => ({ from: u.prev.pages, to: u.next.pages, brotli: u.brotli }));
  const result = { pages, mixed, wasm, app, shares, firstVisit, update: { brotli: update.brotli, from: update.prev.pages, to: update.next.pages, steps }, offline };
  writeFileSync(args.json, JSON.stringify(result, null, 2));
}

/**
 * A build: its folder, the service worker's list ({ file, revision, core }), every page's data file with its revision
 * as the catalog names them ({ file, revision }; the worker reads earlier pages' revisions there), and how many pages.
 */
function build(dist) {
  const listed = serviceWorkerList(dist);
  const { volumes, pages } = builtCatalog(dist);
  // The catalog's volumes are core files the list does not name: the worker caches them at install, as
  // catalog.json names them.
  const files = [...listed, ...volumes.map((v) => ({ file: `data/${v.file}`, revision: v.revision, core: true }))];
  const data = pages.map((page) => ({ file: `data/${page.id}.json`, revision: page.revision }));
  return { dist, files, listed: listed.length, data, pages: data.length };
}

/**
 * The files sw.js lists (tools/src/bin/precache.rs writes its BUILD line), as { file, revision, core }: core files are
 * cached when the worker installs, any other when first used. Throws when sw.js lists nothing: that build is broken,
 * or precache changed its format.
 */
function serviceWorkerList(dist) {
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const files = [...sw.matchAll(/^\s*\["([^"]+)",\s*"([0-9a-f]+)",\s*([01])\],?$/gm)].map(([, file, revision, core]) => ({
    file,
    revision,
    core: core === '1',
  }));
  if (files.length === 0) throw new Error(`${dist}/sw.js: no [path, revision, core] entries in its BUILD line`);
  return files;
}

/**
 * The app's files (every listed file but HTML and data) whose revision is not the same in the three builds: none,
 * unless dist/ was rebuilt between its snapshot and scripts/build-archive.sh copying its files, which makes every
 * comparison of 1 page with 52 a comparison of two builds.
 */
function mixedAppFiles({ one, year, next }) {
  const appFile = (f) => !f.file.endsWith('.html') && !f.file.startsWith('data/');
  const revisions = (b) => new Map(b.files.filter(appFile).map((f) => [f.file, f.revision]));
  const [a, b, c] = [one, year, next].map(revisions);
  const names = new Set([...a.keys(), ...b.keys(), ...c.keys()]);
  return [...names].filter((name) => a.get(name) !== b.get(name) || a.get(name) !== c.get(name)).sort();
}

/** The one .wasm file of a build, with its SHA-256. */
function wasmOf({ dist }) {
  const found = distFiles(dist).filter((rel) => rel.endsWith('.wasm'));
  if (found.length !== 1) throw new Error(`${dist}: expected one .wasm file, found ${found.length}`);
  const bytes = readFileSync(path.join(dist, found[0]));
  return { file: found[0], raw: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The app a reader's first touch starts, without version.json (a few bytes the app fetches): the JS glue and the wasm. */
function appOf({ dist }) {
  const rows = appFiles(dist)
    .filter(({ file }) => !FETCHED_BY_APP.includes(file))
    .map(({ file, why }) => ({ file, why, ...sizeOf(dist, file) }));
  return { rows, raw: sum(rows, 'raw'), brotli: sum(rows, 'brotli'), budget: APP_BUDGET };
}

/** sizes.mjs's first visit to home, with the home HTML's share and the largest files. */
function firstVisitOf({ dist }) {
  const report = firstVisitReport(dist);
  const largest = [...report.rows].sort((a, b) => b.brotli - a.brotli).slice(0, 3);
  return {
    files: report.rows.length,
    raw: report.raw,
    brotli: report.brotli,
    home: report.rows.find((r) => r.file === 'index.html').brotli,
    largest: largest.map(({ file, brotli }) => ({ file, brotli })),
    budget: ARCHIVE_FIRST_VISIT_BUDGET,
  };
}

/**
 * What a returning reader downloads when `next` replaces `prev`: sw.js (the browser's update check), each core file of
 * the new list that is new or has another revision (the worker copies every other one from the old build's cache, the
 * data of the page that was current included), version.json (the app's check), and the home of each new page (not
 * listed: fetched when the reader opens it).
 */
function weeklyUpdate(prev, next) {
  const before = new Map([...prev.data, ...prev.files].map((f) => [f.file, f.revision]));
  const rows = [{ file: 'sw.js', why: "the browser's update check" }];
  for (const f of next.files) {
    if (!f.core || before.get(f.file) === f.revision) continue;
    rows.push({ file: f.file, why: before.has(f.file) ? 'core, changed' : 'core, new' });
  }
  for (const rel of FETCHED_BY_APP) rows.push({ file: rel, why: 'fetched by the app' });
  const newPages = next.data.filter((f) => !before.has(f.file)).map((f) => pageId(f.file));
  for (const id of newPages) rows.push({ file: `${id}/index.html`, why: "the new page's home, when opened" });
  const measured = rows.map((r) => ({ ...r, ...sizeOf(next.dist, r.file) }));
  // Files that changed but are not fetched at install: earlier pages' data, for readers who open them.
  const core = new Set(next.files.filter((f) => f.core).map((f) => f.file));
  const others = [...next.data, ...next.files].filter((f) => !core.has(f.file));
  const otherChanged = others.filter((f) => before.has(f.file) && before.get(f.file) !== f.revision);
  const copied = [...core].filter((file) => before.get(file) === next.files.find((f) => f.file === file).revision).length;
  return {
    rows: measured,
    raw: sum(measured, 'raw'),
    brotli: sum(measured, 'brotli'),
    copied,
    otherChanged: otherChanged.map((f) => f.file),
    budget: WEEKLY_UPDATE_BUDGET,
  };
}

/**
 * The offline copy: the core (cached at install), and the whole archive (the listed files and every page's data: what
 * "keep the whole archive offline" holds), with how many files sw.js lists.
 */
function offlineCopy({ dist, files, listed, data }) {
  const total = (list) => ({ files: list.length, brotli: list.reduce((n, f) => n + brotliOf(dist, f), 0) });
  const core = files.filter((f) => f.core).map((f) => f.file);
  const all = [...new Set([...files.map((f) => f.file), ...data.map((f) => f.file)])];
  return { listed, core: total(core), coreData: core.filter(isPageData).length, all: total(all) };
}

/**
 * The wasm's code and data grouped by the leading path of each item's name (twiggy's shallow bytes), largest first:
 * { parts: [{ part, bytes, share }], total, left, crates: [{ crate, share }] }. Custom sections (function names,
 * wasm-bindgen's metadata) and wasm-bindgen's describe functions are left out (`left`): they are never shipped.
 */
function wasmShares(items) {
  const parts = new Map();
  let left = 0;
  for (const { name, shallow_size: bytes } of items) {
    const part = partOf(name);
    if (part === null) left += bytes;
    else parts.set(part, (parts.get(part) ?? 0) + bytes);
  }
  const total = [...parts.values()].reduce((a, b) => a + b, 0);
  const share = (bytes) => (100 * bytes) / total;
  const sorted = [...parts].sort((a, b) => b[1] - a[1]).map(([part, bytes]) => ({ part, bytes, share: share(bytes) }));
  const crates = new Map();
  for (const { part, bytes } of sorted) {
    const crate = crateOf(part);
    crates.set(crate, (crates.get(crate) ?? 0) + bytes);
  }
  return {
    parts: sorted,
    total,
    left,
    crates: [...crates].sort((a, b) => b[1] - a[1]).map(([crate, bytes]) => ({ crate, share: share(bytes) })),
  };
}

// ---- helpers ---------------------------------------------------------------------------

/**
 * The part an item of twiggy's list belongs to: `data segments`; a Rust path cut to its crate (`yew`, `serde_json`),
 * to two segments for the core (`xuexi_core::quiz`) and to the module for the app (`xuexi::ui::pages::item`,
 * `xuexi::ui::store`); Rust's own crates together; `others` for what has no path; null for what is never shipped.
 */
function partOf(name) {
  if (/^"[a-z ]+" subsection$|^custom section |__wbindgen_describe|wasm_bindgen::describe::/.test(name)) return null;
  if (name.startsWith('data segment')) return 'data segments';
  const segments = leadingPath(name.replace(/\[[0-9a-f]{16}\]/g, ''));
  if (!segments || segments.length < 2) return 'others';
  const [crate, module, sub] = segments;
  if (['core', 'alloc', 'std', '__rustc'].includes(crate)) return 'core:: / alloc:: / std::';
  if (crate === 'xuexi_core') return `xuexi_core::${module}`;
  if (crate === 'xuexi' && module === 'ui' && segments.length > 3 && ['pages', 'components', 'hooks'].includes(sub)) {
    return segments.slice(0, 4).join('::');
  }
  if (crate === 'xuexi') return segments.slice(0, 3).join('::');
  return crate;
}

/**
 * The path segments an item's code belongs to: `a::b::f` → a, b, f; `<T as Trait>::f` → T's path (Trait's when T is a
 * type parameter or a primitive, which count for `core`); `core::ptr::drop_in_place<T>` → T's path.
 */
function leadingPath(name) {
  const dropped = name.match(/^core::ptr::drop_in_place<(.*)>(::h[0-9a-f]{16})?$/);
  if (dropped) return leadingPath(dropped[1]);
  const bare = name.replace(/^(?:<|&|mut |dyn |\*const |\*mut |\[|\(|\s)+/, '');
  const first = bare.match(/^[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_{][A-Za-z0-9_{}]*)*/)?.[0];
  if (first?.includes('::')) return first.split('::');
  const trait = bare.match(/ as (?:&|mut |dyn )*([A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)+)/)?.[1];
  if (trait) return trait.split('::');
  return first ? ['core', first] : null;
}

/** The crate (or family) a part counts for in the one-line summary. */
function crateOf(part) {
  if (part.startsWith('xuexi::')) return "the app's UI (xuexi)";
  if (part.startsWith('xuexi_core::')) return 'the core (xuexi_core)';
  if (/^(yew|implicit_clone)/.test(part)) return 'yew';
  if (/^serde/.test(part) || ['itoa', 'ryu', 'zmij', 'indexmap', 'hashbrown'].includes(part)) return 'serde, serde_json and collections';
  if (/^(wasm_bindgen|js_sys|web_sys|gloo)/.test(part)) return 'wasm-bindgen, js-sys, web-sys, gloo';
  if (part.startsWith('core::')) return "Rust's core, alloc and std";
  if (part === 'data segments') return 'data segments';
  return 'others';
}

/** `data/000.json` and the like: one page's data (not the catalog nor one of its volumes). */
function isPageData(file) {
  return /^data\/[^/]+\.json$/.test(file) && file !== 'data/catalog.json' && !file.startsWith('data/volume-');
}

/** `data/052.json` → `052`. */
function pageId(file) {
  return file.slice('data/'.length, -'.json'.length);
}

/** { raw, brotli } of a file of a build. */
function sizeOf(dist, rel) {
  return { raw: readFileSync(path.join(dist, rel)).length, brotli: brotliOf(dist, rel) };
}

/** brotli -q 11 bytes of a file, computed once per content (the builds share the wasm and the app's files). */
function brotliOf(dist, rel) {
  const bytes = readFileSync(path.join(dist, rel));
  const key = createHash('sha256').update(bytes).digest('hex');
  if (!brotliByContent.has(key)) brotliByContent.set(key, brotliBytes(bytes));
  return brotliByContent.get(key);
}

function sum(rows, key) {
  return rows.reduce((total, row) => total + row[key], 0);
}

// ---- output ----------------------------------------------------------------------------

/** The verdict cell of a byte budget (what is over it in bytes when that is under a KiB, where KiB would round to 0). */
function withinBudget(bytes, budget) {
  const over = bytes - budget;
  if (over <= 0) return `≤ ${kib(budget)}: met`;
  return `≤ ${kib(budget)}: **missed by ${over < 1024 ? `${over} bytes` : kib(over)}**`;
}

function printTables() {
  const { one, year, next } = builds;
  const name = (b) => (b === one ? `${b.pages} page${b.pages === 1 ? '' : 's'} (dist/)` : `${b.pages} pages`);
  const out = [`## A year of weekly pages: what the archive costs (${year.pages} and ${next.pages} pages)`, ''];
  out.push(
    `Synthetic archives made from page 000 (tools/src/bin/synth_archive.rs): ${year.pages} weekly pages, the newest current,`,
    `and ${next.pages} (next week added), each built by scripts/build-archive.sh with dist/'s wasm and app files; dist/ holds`,
    "the repository's one page. Bytes; brotli -q 11 with the brotli CLI's window.",
    '',
    ...(mixed.length > 0
      ? [
          `**dist/ changed while the bench ran**: ${mixed.join(', ')} differ between dist/'s snapshot and the archives,`,
          'so what follows compares two builds, not 1 page with 52. Run the bench again when no other build is running.',
          '',
        ]
      : []),
    '### The wasm is the same bytes whatever the archive',
    '',
    '| build | wasm | raw | SHA-256 |',
    '| --- | --- | ---: | --- |',
    `| ${name(one)} | ${wasm.one.file} | ${wasm.one.raw} | \`${wasm.one.sha256}\` |`,
    `| ${name(year)} | ${wasm.year.file} | ${wasm.year.raw} | \`${wasm.year.sha256}\` |`,
    '',
    wasm.identical
      ? `**identical**: building ${year.pages} pages needs no other wasm (build-archive.sh reuses dist/'s, and no step after it rewrites it).`
      : `**DIFFERENT**: the ${year.pages}-page build's wasm is not dist/'s (was dist/ rebuilt while the bench ran?).`,
    '',
    '### The app: the wasm and its JS glue',
    '',
    '| file | why | raw | brotli -q 11 | target |',
    '| --- | --- | ---: | ---: | --- |',
  );
  for (const r of app.rows) out.push(`| ${r.file} | ${r.why} | ${r.raw} | ${r.brotli} | |`);
  out.push(`| **the app** | | ${app.raw} | **${app.brotli}** (${kib(app.brotli)}) | ${withinBudget(app.brotli, app.budget)} |`, '');
  out.push(...sharesLines(), '');

  out.push(
    '### First visit to home, whatever the archive',
    '',
    "What sizes.mjs counts for a first visit: home's HTML, what it references, the manifest's icons and sw.js.",
    '',
    '| build | files | raw | brotli -q 11 | of which home HTML | largest (brotli) | target |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- |',
  );
  for (const [b, fv] of [[one, firstVisit.one], [year, firstVisit.year]]) {
    const largest = fv.largest.map((l) => `${l.file} ${l.brotli}`).join(', ');
    out.push(
      `| ${name(b)} | ${fv.files} | ${fv.raw} | **${fv.brotli}** (${kib(fv.brotli)}) | ${fv.home} | ${largest} | ${withinBudget(fv.brotli, fv.budget)} |`,
    );
  }
  out.push('');

  for (const u of weekly) out.push(...updateLines(u));

  const growth = offline.growthPerWeek;
  const delta = offline.year.core.brotli - offline.one.core.brotli;
  out.push(
    '### The offline copy at install does not grow with the archive',
    '',
    "The service worker's core (core=1 in sw.js: the app's files, home, the shell, the catalog with its volumes and the current page's",
    'data) is cached at install. "Keep the whole archive offline" adds every page\'s data (the catalog names them).',
    '',
    '| build | files sw.js lists | core files | page data in the core | **core**, brotli -q 11 | whole archive: files | whole archive, brotli -q 11 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const [b, o] of [[one, offline.one], [year, offline.year]]) {
    out.push(
      `| ${name(b)} | ${o.listed} | ${o.core.files} | ${o.coreData} | **${o.core.brotli}** (${kib(o.core.brotli)}) | ${o.all.files} | ${o.all.brotli} (${kib(o.all.brotli)}) |`,
    );
  }
  out.push(
    '',
    `With ${weeksAdded} more weeks the core is ${Math.abs(delta)} bytes ${delta >= 0 ? 'larger' : 'smaller'}: ` +
      `${growth.toFixed(0)} bytes a week (target ≤ ${OFFLINE_CORE_GROWTH_PER_WEEK}: ${growth <= OFFLINE_CORE_GROWTH_PER_WEEK ? 'met' : '**missed**'}).`,
    '',
    "The synthetic pages repeat page 000's text, but each has item ids and titles of its own (synth_archive.rs), so the",
    "catalog, which names them all, compresses as a real year's would; each page's data is compressed on its own.",
    '',
  );
  console.log(out.join('\n'));
}

/** One weekly update's table: what a reader of `prev` downloads when `next` is deployed. */
function updateLines(u) {
  const { prev, next } = u;
  const out = [
    `### A returning reader's weekly update (${prev.pages} → ${next.pages} pages)`,
    '',
    `What a reader of the ${prev.pages}-page site downloads when page ${next.pages} is deployed: sw.js, each core file of the`,
    "new list that is new or changed (the worker copies the others from the old build's cache), version.json, and the",
    `new page's home when it is opened. ${u.copied} core files are copied from the old cache, not downloaded.`,
    u.otherChanged.length > 0
      ? `Earlier pages' data that changed (${u.otherChanged.join(', ')}) comes only when opened, or for a reader keeping the whole archive.`
      : "No earlier page's data changed.",
    '',
    '| file | why | raw | brotli -q 11 | target |',
    '| --- | --- | ---: | ---: | --- |',
  ];
  for (const r of u.rows) out.push(`| ${r.file} | ${r.why} | ${r.raw} | ${r.brotli} | |`);
  out.push(
    `| **the weekly update** (${u.rows.length} files) | | ${u.raw} | **${u.brotli}** (${kib(u.brotli)}) | ${withinBudget(u.brotli, u.budget)} |`,
    '',
  );
  return out;
}

/** The make-up table, or a line saying why it is missing. */
function sharesLines() {
  if (!shares) {
    return ["What the wasm is made of: not measured (no `twiggy top` output; scripts/bench.sh's stderr says why)."];
  }
  const lines = [
    'What the wasm is made of: `twiggy top` on target/wasm32-unknown-unknown/release/xuexi.wasm, the wasm before',
    'wasm-bindgen and wasm-opt (function names are there), grouped by the leading path of each name. Measured before',
    'wasm-opt, so these are shares, not the bytes shipped. Custom sections (names, wasm-bindgen\'s metadata) and',
    `wasm-bindgen's describe functions (${shares.left} bytes) are left out: they are never shipped. Generic code counts`,
    "where its name starts (yew's `CompStateInner<COMP>::view` holds our components' views inlined); `drop_in_place<T>`",
    'counts for T.',
    '',
    '| part | bytes before wasm-opt | share |',
    '| --- | ---: | ---: |',
  ];
  for (const p of shares.parts.slice(0, SHOWN_PARTS)) lines.push(`| ${p.part} | ${p.bytes} | ${p.share.toFixed(1)} % |`);
  const rest = shares.parts.slice(SHOWN_PARTS);
  if (rest.length > 0) {
    const bytes = sum(rest, 'bytes');
    lines.push(`| ${rest.length} smaller parts | ${bytes} | ${((100 * bytes) / shares.total).toFixed(1)} % |`);
  }
  lines.push(`| **code and data** | ${shares.total} | 100 % |`, '');
  lines.push(`By crate: ${shares.crates.map((c) => `${c.crate} ${c.share.toFixed(0)} %`).join(', ')}.`);
  return lines;
}
