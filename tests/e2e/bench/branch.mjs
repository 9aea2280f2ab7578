// 支部学习's numbers from bench_branch's markdown against issue 14's targets, as a markdown table.
// Usage: node tests/e2e/bench/branch.mjs FILE (the table `cargo run --release --bin bench_branch` printed)

import { readFileSync } from 'node:fs';
import { BRANCH_CODE_CHARS, BRANCH_EXTRACT_TARGET_MS } from './targets.mjs';

const text = readFileSync(process.argv[2], 'utf8');
const ms = Number(text.match(/\| ([\d.]+) ms \|/)?.[1]);
const chars = Number(text.match(/\| (\d+) characters \|/)?.[1]);
const met = (ok) => (ok ? 'met' : '**not met**');
console.log('| target | measured | target | |');
console.log('|---|---|---|---|');
console.log(`| extract codes from 2,000 lines with 60 codes | ${ms} ms | < ${BRANCH_EXTRACT_TARGET_MS} ms | ${met(ms < BRANCH_EXTRACT_TARGET_MS)} |`);
console.log(`| result code of a 10-question quiz | ${chars} characters | ≤ ${BRANCH_CODE_CHARS} | ${met(chars <= BRANCH_CODE_CHARS)} |`);
console.log();
