// The bench's last table: every target of the fast-first-paint issue beside what the other bench scripts measured.
//
// Usage: node tests/e2e/bench/summary.mjs [--sizes FILE] [--lighthouse FILE] [--timings FILE] [--search FILE]
//   The first three are the --json outputs of sizes.mjs, lighthouse.mjs and timings.mjs; --search is the markdown
//   that `cargo run --release --bin bench_search` prints. A missing file shows as "not measured".

import { existsSync, readFileSync } from 'node:fs';
import { kib } from './sizes.mjs';
import {
  FEEDBACK_TARGET_MS,
  FIRST_VISIT_BUDGET,
  INTERACTIVE_TARGET_MS,
  LCP_TARGET_MS,
  LIGHTHOUSE_SCORE,
  SEARCH_TARGETS_MS,
} from './targets.mjs';
import { parseArgs } from './util.mjs';

const args = parseArgs(process.argv.slice(2), { sizes: null, lighthouse: null, timings: null, search: null });
const read = (file, parse) => (file && existsSync(file) ? parse(readFileSync(file, 'utf8')) : null);
const sizes = read(args.sizes, JSON.parse);
const lighthouse = read(args.lighthouse, JSON.parse);
const timings = read(args.timings, JSON.parse);
const search = read(args.search, searchRows);

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
  row(`Lighthouse ${name}: LCP (mobile)`, page ? `${(lcp / 1000).toFixed(2)} s` : NOT_MEASURED, `≤ ${(LCP_TARGET_MS / 1000).toFixed(1)} s`, page ? lcp <= LCP_TARGET_MS : null);
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
    `first visit, ${name}: first tap (字号) to its result, starting the app (desktop, median)`,
    tap ? `${tap.frame.toFixed(0)} ms` : NOT_MEASURED,
    'none set; reported',
    null,
  );
}
const feedback = timings?.feedback;
row(
  'answer click to the next frame with feedback (median)',
  feedback ? `${feedback.frame.toFixed(1)} ms` : NOT_MEASURED,
  `≤ ${FEEDBACK_TARGET_MS} ms`,
  feedback ? feedback.frame <= FEEDBACK_TARGET_MS : null,
);
for (const [name, target] of Object.entries(SEARCH_TARGETS_MS)) {
  const found = search?.find((r) => r.archive === name);
  const p95 = found ? Number(found['p95 ms, all hits']) : NaN;
  row(
    `search query, ${name} (p95, all hits)`,
    found ? `${p95} ms (median ${found['query median ms']} ms)` : NOT_MEASURED,
    `≤ ${target} ms`,
    found ? p95 <= target : null,
  );
}

console.log(
  ['## Targets at a glance', '', '| measure | result | target | |', '| --- | --- | --- | --- |', ...rows, ''].join('\n'),
);

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
