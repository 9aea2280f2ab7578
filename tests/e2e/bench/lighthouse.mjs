// Lighthouse (mobile profile) on the home, an item and a quiz page of a build served with brotli; prints a markdown table.
//
// Usage: node tests/e2e/bench/lighthouse.mjs --root DIR [--runs 3] [--json FILE] [--reports DIR]
//   DIR is a copy of dist/ with .br files next to the others (scripts/bench.sh makes it); the server sends
//   them to any client that accepts br. Each page runs --runs times; the table shows per-value medians.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { startServer } from '../serve.mjs';
import { launchChromiumWithPort } from './chromium.mjs';
import { kib } from './sizes.mjs';
import { LCP_TARGET_MS, LIGHTHOUSE_SCORE } from './targets.mjs';
import { median, parseArgs, progress } from './util.mjs';

const PAGES = [
  { name: 'home', path: '' },
  { name: 'item', path: '000/a-byfe.html' },
  { name: 'quiz', path: '000/quiz-a-byfe.html' },
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = [
  { id: 'first-contentful-paint', label: 'FCP', unit: 'ms' },
  { id: 'largest-contentful-paint', label: 'LCP', unit: 'ms' },
  { id: 'total-blocking-time', label: 'TBT', unit: 'ms' },
  { id: 'cumulative-layout-shift', label: 'CLS', unit: '' },
];

const args = parseArgs(process.argv.slice(2), { root: null, runs: '3', json: null, reports: null });
if (!args.root) {
  console.error('usage: lighthouse.mjs --root DIR [--runs N] [--json FILE] [--reports DIR]');
  process.exit(2);
}
const runs = Math.max(1, Number(args.runs));

const server = await startServer({ root: args.root, port: 0 });
const results = [];
try {
  for (const page of PAGES) {
    const samples = [];
    for (let run = 1; run <= runs; run++) {
      progress(`lighthouse: ${page.name} (/${page.path}) run ${run}/${runs} ...`);
      // Every run is a first visit in a profile of its own: Lighthouse's storage reset leaves the service worker an
      // earlier run registered in control, and with it the app would start at once, as for a returning reader.
      const chromium = await launchChromiumWithPort();
      let result;
      try {
        result = await lighthouse(
          `${server.url}${page.path}`,
          { port: chromium.port, output: args.reports ? 'html' : 'json', logLevel: 'error', onlyCategories: CATEGORIES },
          undefined,
        );
      } finally {
        await chromium.close();
      }
      const lhr = result.lhr;
      if (lhr.runtimeError) throw new Error(`${page.name}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      if (args.reports && run === 1) {
        mkdirSync(args.reports, { recursive: true });
        writeFileSync(path.join(args.reports, `lighthouse-${page.name}.html`), result.report);
      }
      samples.push(lhr);
    }
    results.push(summarise(page, samples));
  }
} finally {
  await server.close();
}

printTable(results);
if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2));

/** Medians over the runs of one page, and every audit that fell short in any run. */
function summarise(page, samples) {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, median(samples.map((lhr) => score100(lhr.categories[c]?.score)))]),
  );
  const metrics = Object.fromEntries(METRICS.map((m) => [m.id, median(samples.map((lhr) => lhr.audits[m.id]?.numericValue ?? NaN))]));
  const transfer = median(samples.map((lhr) => lhr.audits['total-byte-weight']?.numericValue ?? NaN));
  const shortfalls = new Map();
  const warnings = new Set();
  const errors = new Set();
  for (const lhr of samples) {
    for (const w of lhr.runWarnings ?? []) warnings.add(w);
    for (const audit of Object.values(lhr.audits)) {
      if (audit.scoreDisplayMode === 'error') errors.add(`${audit.id}: ${String(audit.errorMessage).slice(0, 200)}`);
    }
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          const key = `${c}: ${audit.title}`;
          const shown = audit.displayValue ? ` (${audit.displayValue})` : '';
          if (!shortfalls.has(key)) shortfalls.set(key, `${key}${shown}, score ${audit.score}`);
        }
      }
    }
  }
  return {
    page: page.name,
    path: `/${page.path}`,
    runs: samples.length,
    lighthouseVersion: samples[0].lighthouseVersion,
    userAgent: samples[0].environment?.hostUserAgent,
    scores,
    metrics,
    transfer,
    shortfalls: [...shortfalls.values()],
    warnings: [...warnings],
    errors: [...errors],
  };
}

/** A 0–1 score as 0–100; NaN when Lighthouse could not score it (an audit it needs errored). */
function score100(score) {
  return typeof score === 'number' ? Math.round(score * 100) : NaN;
}

function printTable(results) {
  const shown = (value) => (Number.isFinite(value) ? String(value) : 'n/a');
  const target = (ok) => (ok ? 'met' : '**missed**');
  const out = ['## Lighthouse (mobile profile: simulated slow 4G, 4× CPU slowdown; brotli)', ''];
  out.push(
    `Lighthouse ${results[0]?.lighthouseVersion} on ${results[0]?.userAgent?.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}` +
      ` (/usr/bin/chromium), median of ${results[0]?.runs} run(s) per page; targets: ${LIGHTHOUSE_SCORE} in every category, LCP ≤ ${LCP_TARGET_MS / 1000} s.`,
    '',
  );
  out.push(
    '| page | performance | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS | transferred | targets |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const r of results) {
    const s = r.scores;
    const m = r.metrics;
    const allHundred = CATEGORIES.every((c) => s[c] >= LIGHTHOUSE_SCORE);
    const lcpOk = m['largest-contentful-paint'] <= LCP_TARGET_MS;
    out.push(
      `| ${r.page} (${r.path}) | ${CATEGORIES.map((c) => shown(s[c])).join(' | ')} ` +
        `| ${Math.round(m['first-contentful-paint'])} | ${Math.round(m['largest-contentful-paint'])} ` +
        `| ${Math.round(m['total-blocking-time'])} | ${m['cumulative-layout-shift'].toFixed(3)} | ${kib(r.transfer)} ` +
        `| scores: ${target(allHundred)}; LCP: ${target(lcpOk)} |`,
    );
  }
  out.push('');
  const shortfalls = results.flatMap((r) => r.shortfalls.map((s) => `- ${r.page}: ${s}`));
  if (shortfalls.length > 0) out.push('Audits below full score (in any run):', '', ...shortfalls, '');
  const warnings = [...new Set(results.flatMap((r) => r.warnings))];
  if (warnings.length > 0) out.push('Lighthouse warnings:', '', ...warnings.map((w) => `- ${w}`), '');
  // Lighthouse 12.2 predates this Chromium: an audit that cannot read the newer trace format errors. One that
  // carries weight leaves its category unscored (n/a above); the diagnostics have no weight.
  const errors = [...new Set(results.flatMap((r) => r.errors))];
  if (errors.length > 0) out.push('Audits Lighthouse could not run:', '', ...errors.map((e) => `- ${e}`), '');
  console.log(out.join('\n'));
}
