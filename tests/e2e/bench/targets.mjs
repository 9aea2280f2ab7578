// The targets of the fast-first-paint issue and of issue 12 (a year of weekly pages), in one place for the bench scripts and the size test.

/** Brotli -q 11 bytes of everything a first visit to the home page downloads. */
export const FIRST_VISIT_BUDGET = 120 * 1024;
/** Every Lighthouse category, on every measured page. */
export const LIGHTHOUSE_SCORE = 100;
/** Largest contentful paint under Lighthouse's mobile profile (issue 15: the stylesheet and boot.js inside the page). */
export const LCP_TARGET_MS = 850;
/** Navigation start to the hydrated app (<body data-app="ready">), desktop. */
export const INTERACTIVE_TARGET_MS = 200;
/** 提交答案 click to the next animation frame with #feedback in the DOM. */
export const FEEDBACK_TARGET_MS = 16;
/** Issue 17: on a slow phone (CPU ×6, 150 ms latency, 1.6 Mbps), a first visit's first tap, made after 5 s on the page, to its result. */
export const SLOW_FIRST_TAP_TARGET_MS = 800;
/** One search query: on this page, on a year of weekly pages (issue 12) and on the synthetic archive of 200 pages. */
export const SEARCH_TARGETS_MS = { 'this page': 5, '52 pages (a year)': 20, '200 pages': 50 };

// The targets of issue 12, a year of weekly pages: measured on synthetic archives of 52 and 53 pages
// (scripts/build-archive.sh) by archive.mjs, timings.mjs and bench_search.

/** The pages of a year: the archive these targets are set for. */
export const ARCHIVE_PAGES = 52;
/** Brotli -q 11 bytes of the app a reader's first touch starts: the wasm and its JS glue. */
export const APP_BUDGET = 200 * 1024;
/** Brotli -q 11 bytes of a first visit to home (firstVisitFiles in sizes.mjs), whatever the archive's size. */
export const ARCHIVE_FIRST_VISIT_BUDGET = 20 * 1024;
/** Brotli -q 11 bytes a returning reader downloads when next week's page is added: the service worker's update and the new page's home. */
export const WEEKLY_UPDATE_BUDGET = 40 * 1024;
/**
 * Brotli -q 11 bytes by which the install-time offline copy (the service worker's core) may grow for each week the archive
 * has beyond the first: the page's catalog entry (its items' ids and titles, its questions as runs: about 230 bytes for
 * a page of its own, as synth_archive.rs makes them) and a line of sw.js a quarter. One more page's data cached at
 * install (about 13 KiB) would add 260 bytes a week over a year, so it misses this.
 */
export const OFFLINE_CORE_GROWTH_PER_WEEK = 300;

// The targets of issue 14 (支部学习), measured natively by bench_branch.

/** Finding the result codes in a pasted chat of 2,000 lines with 60 codes (median). */
export const BRANCH_EXTRACT_TARGET_MS = 50;
/** The most characters of a 10-question quiz's result code. */
export const BRANCH_CODE_CHARS = 40;
