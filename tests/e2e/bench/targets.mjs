// The targets of the fast-first-paint issue, in one place for the bench scripts and the size test.

/** Brotli -q 11 bytes of everything a first visit to the home page downloads. */
export const FIRST_VISIT_BUDGET = 120 * 1024;
/** Every Lighthouse category, on every measured page. */
export const LIGHTHOUSE_SCORE = 100;
/** Largest contentful paint under Lighthouse's mobile profile. */
export const LCP_TARGET_MS = 1000;
/** Navigation start to the hydrated app (<body data-app="ready">), desktop. */
export const INTERACTIVE_TARGET_MS = 200;
/** 提交答案 click to the next animation frame with #feedback in the DOM. */
export const FEEDBACK_TARGET_MS = 16;
/** One search query: on this page, and on the synthetic archive of 200 pages. */
export const SEARCH_TARGETS_MS = { 'this page': 5, '200 pages': 50 };
