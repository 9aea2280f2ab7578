// The bench's last table: every target of the fast-first-paint issue and of issue 12 (a year of weekly pages) beside what the other bench scripts measured.
//
// Usage: node tests/e2e/bench/summary.mjs [--sizes FILE] [--lighthouse FILE] [--timings FILE] [--search FILE]
//                                         [--archive FILE] [--archive-timings FILE] [--slow-timings FILE]
//   --sizes, --lighthouse, --timings and --archive are the --json outputs of sizes.mjs, lighthouse.mjs, timings.mjs
//   and archive.mjs; --archive-timings that of timings.mjs --only returning on the 52-page archive, --slow-timings
//   that of timings.mjs --only slow; --search is the
//   markdown that `cargo run --release --bin bench_search` prints. A missing file shows as "not measured".

import { existsSync, readFileSync } from 'node:fs';
import { kib } from './sizes.mjs';
import {
  APP_BUDGET,
  ARCHIVE_FIRST_VISIT_BUDGET,
  ARCHIVE_PAGES,
  FEEDBACK_TARGET_MS,
  FIRST_VISIT_BUDGET,
  INTERACTIVE_TARGET_MS,
  LCP_TARGET_MS,
  LIGHTHOUSE_SCORE,
  OFFLINE_CORE_GROWTH_PER_WEEK,
  SEARCH_TARGETS_MS,
  SLOW_FIRST_TAP_TARGET_MS,
  WEEKLY_UPDATE_BUDGET,
} from './targets.mjs';
import { parseArgs } from './util.mjs';

const args = parseArgs(process.argv.slice(2), {
  sizes: null,
  lighthouse: null,
  timings: null,
  search: null,
  archive: null,
  'archive-timings': null,
  'slow-timings': null,
});
const read = (file, parse) => (file && existsSync(file) ? parse(readFileSync(file, 'utf8')) : null);
const sizes = read(args.sizes, JSON.parse);
const lighthouse = read(args.lighthouse, JSON.parse);
const timings = read(args.timings, JSON.parse);
const search = read(args.search, searchRows);
const archive = read(args.archive, JSON.parse);
const archiveTimings = read(args['archive-timings'], JSON.parse);
const slowTimings = read(args['slow-timings'], JSON.parse);
/** bench_search's name for the archive of a year. */
const YEAR_SEARCH = `${ARCHIVE_PAGES} pages (a year)`;

const rows = [];
const row = (measure, result, target, ok) => rows.push(`| ${measure} | ${result} | ${target} | ${verdict(ok)} |`);
const NOT_MEASURED = 'not measured';

if (sizes) {
  row('first-visit total (home), brotli -q 11', kib(sizes.firstVisit.brotli), `≤ ${kib(FIRST_VISIT_BUDGET)}`, sizes.firstVisit.brotli <= FIRST_VISIT_BUDGET);
} else {
  row('first-visit total (home), brotli -q 11', NOT_MEASURED, `≤ ${kib(FIRST_VISIT_BUDGET)}`, null);
}
for (const name of ['home', 'item', 'quiz']) {
  const page = lighthouse?.find((p) => p.page === name);
  const scores = page
    ? ['performance', 'accessibility', 'best-practices', 'seo'].map((c) => page.scores[c])
    : null;
  row(
    `Lighthouse ${name}: performance / accessibility / best practices / SEO`,
    scores ? scores.map((s) => (Number.isFinite(s) ? s : 'n/a')).join(' / ') : NOT_MEASURED,
    Array(4).fill(LIGHTHOUSE_SCORE).join(' / '),
    scores ? scores.every((s) => s >= LIGHTHOUSE_SCORE) : null,
  );
  const lcp = page?.metrics['largest-contentful-paint'];
  row(`Lighthouse ${name}: LCP (mobile)`, page ? `${(lcp / 1000).toFixed(2)} s` : NOT_MEASURED, `≤ ${(LCP_TARGET_MS / 1000).toFixed(2)} s`, page ? lcp <= LCP_TARGET_MS : null);
}
for (const name of ['home', 'item', 'quiz']) {
  const visit = timings?.firstVisits?.find((l) => l.page === name);
  row(
    `first visit, ${name}: readable and navigable (plain HTML), at the load event (desktop, median)`,
    visit ? `${visit.load.toFixed(0)} ms` : NOT_MEASURED,
    `≤ ${INTERACTIVE_TARGET_MS} ms`,
    visit ? visit.load <= INTERACTIVE_TARGET_MS : null,
  );
}
for (const name of ['home', 'item', 'quiz']) {
  const load = timings?.loads.find((l) => l.page === name);
  row(
    `returning reader, ${name}: navigation to the hydrated app (desktop, median)`,
    load ? `${load.ready.toFixed(0)} ms` : NOT_MEASURED,
    `≤ ${INTERACTIVE_TARGET_MS} ms`,
    load ? load.ready <= INTERACTIVE_TARGET_MS : null,
  );
}
for (const name of ['home', 'item', 'quiz']) {
  const load = timings?.offlineCopyLoads?.find((l) => l.page === name);
  row(
    `returning reader with the offline copy, ${name}: navigation to the hydrated app (desktop, median)`,
    load ? `${load.ready.toFixed(0)} ms` : NOT_MEASURED,
    `≤ ${INTERACTIVE_TARGET_MS} ms`,
    load ? load.ready <= INTERACTIVE_TARGET_MS : null,
  );
}
for (const name of ['home', 'item', 'quiz']) {
  const tap = timings?.firstTaps?.find((t) => t.page === name);
  row(
    `first visit, ${name}: first tap (设置) to its result, starting the app (desktop, median)`,
    tap ? `${tap.frame.toFixed(0)} ms` : NOT_MEASURED,
    'none set; reported',
    null,
  );
}
// Issue 17: the first tap on a slow phone, made after 5 s on the page.
for (const tap of ['设置 on home', '开始答题 on a quiz']) {
  const slow = slowTimings?.slowTaps?.find((t) => t.tap === tap && t.waitMs > 0);
  row(
    `slow phone (CPU ×6, 150 ms, 1.6 Mbps): first tap on ${tap}, after 5 s, to its result (median of 5)`,
    slow ? `${slow.median.toFixed(0)} ms` : NOT_MEASURED,
    `≤ ${SLOW_FIRST_TAP_TARGET_MS} ms`,
    slow ? slow.median <= SLOW_FIRST_TAP_TARGET_MS : null,
  );
}
const feedback = timings?.feedback;
row(
  'answer click to the next frame with feedback (median)',
  feedback ? `${feedback.frame.toFixed(1)} ms` : NOT_MEASURED,
  `≤ ${FEEDBACK_TARGET_MS} ms`,
  feedback ? feedback.frame <= FEEDBACK_TARGET_MS : null,
);
for (const name of Object.keys(SEARCH_TARGETS_MS)) {
  if (name !== YEAR_SEARCH) searchRow(`search query, ${name}`, name);
}

// Issue 12: a year of weekly pages.
const year = `${ARCHIVE_PAGES} pages`;
const wasm = archive?.wasm;
row(
  `a year: the wasm of ${year} is the same bytes as that of 1 page (SHA-256)`,
  wasm ? (wasm.identical ? 'identical' : `DIFFERENT (${wasm.one.sha256.slice(0, 12)}… vs ${wasm.year.sha256.slice(0, 12)}…)`) : NOT_MEASURED,
  'identical',
  wasm ? wasm.identical : null,
);
byteRow('a year: the app (wasm + JS glue), brotli -q 11', archive?.app.brotli, APP_BUDGET);
byteRow('a year: first visit (home), 1 page, brotli -q 11', archive?.firstVisit.one.brotli, ARCHIVE_FIRST_VISIT_BUDGET);
byteRow(`a year: first visit (home), ${year}, brotli -q 11`, archive?.firstVisit.year.brotli, ARCHIVE_FIRST_VISIT_BUDGET);
const steps = archive?.update.steps?.map((step) => `${step.from} → ${step.to}`).join(' and ');
byteRow(
  `a year: returning reader's weekly update, the dearest of ${steps ?? `${year} → ${ARCHIVE_PAGES + 1}`}, brotli -q 11`,
  archive?.update.brotli,
  WEEKLY_UPDATE_BUDGET,
);
const offline = archive?.offline;
row(
  `a year: offline copy at install (the service worker's core), ${year} vs 1 page, brotli -q 11`,
  offline
    ? `${kib(offline.year.core.brotli)} vs ${kib(offline.one.core.brotli)}: ${offline.growthPerWeek.toFixed(0)} bytes a week`
    : NOT_MEASURED,
  `≤ ${OFFLINE_CORE_GROWTH_PER_WEEK} bytes a week`,
  offline ? offline.growthPerWeek <= OFFLINE_CORE_GROWTH_PER_WEEK : null,
);
row(
  `a year: keeping the whole archive offline (the core and every page's data), ${year}, brotli -q 11`,
  offline ? kib(offline.year.all.brotli) : NOT_MEASURED,
  'none set; reported',
  null,
);
searchRow(`a year: search query, ${year}`, YEAR_SEARCH);
for (const name of ['home', 'item', 'quiz']) {
  const load = archiveTimings?.loads.find((l) => l.page === name);
  row(
    `a year: returning reader, ${name} of ${year}: navigation to the hydrated app (desktop, median)`,
    load ? `${load.ready.toFixed(0)} ms` : NOT_MEASURED,
    `≤ ${INTERACTIVE_TARGET_MS} ms`,
    load ? load.ready <= INTERACTIVE_TARGET_MS : null,
  );
}

const notes = [];
if (archive?.mixed.length > 0) {
  notes.push(`**dist/ changed while the bench ran** (${archive.mixed.join(', ')}): the "a year" rows compare two builds.`, '');
}
console.log(
  ['## Targets at a glance', '', '| measure | result | target | |', '| --- | --- | --- | --- |', ...rows, '', ...notes].join('\n'),
);

/** A row for a brotli byte count against its budget, in KiB and bytes (a few bytes over would round to the budget). */
function byteRow(measure, bytes, budget) {
  const measured = Number.isFinite(bytes);
  row(measure, measured ? `${kib(bytes)} (${bytes} bytes)` : NOT_MEASURED, `≤ ${kib(budget)}`, measured ? bytes <= budget : null);
}

/** A row for one of bench_search's archives: its p95 with all hits against its target in SEARCH_TARGETS_MS. */
function searchRow(measure, archiveName) {
  const target = SEARCH_TARGETS_MS[archiveName];
  const found = search?.find((r) => r.archive === archiveName);
  const p95 = found ? Number(found['p95 ms, all hits']) : NaN;
  row(
    `${measure} (p95, all hits)`,
    found ? `${p95} ms (p95 of the hits shown ${found['query p95 ms']} ms, median ${found['query median ms']} ms)` : NOT_MEASURED,
    `≤ ${target} ms`,
    found ? p95 <= target : null,
  );
}

/** The verdict cell: met, missed, or empty when nothing was measured or no target is set. */
function verdict(ok) {
  if (ok === null) return '';
  return ok ? 'met' : '**missed**';
}

/** The rows of bench_search's markdown table, as objects keyed by its header cells. */
function searchRows(markdown) {
  const lines = markdown.split('\n').filter((l) => l.startsWith('|'));
  if (lines.length < 3) return [];
  const cells = (line) => line.split('|').slice(1, -1).map((c) => c.trim());
  const header = cells(lines[0]);
  return lines.slice(2).map((line) => Object.fromEntries(cells(line).map((c, i) => [header[i], c])));
}
