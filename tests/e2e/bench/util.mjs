// Small helpers the bench scripts share: flag parsing, medians, progress lines on stderr, a build's catalog.

import { readFileSync } from 'node:fs';
import path from 'node:path';

/** `--key value` / `--key=value` flags over `defaults` (which also lists the allowed keys). */
export function parseArgs(argv, defaults) {
  const opts = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const key = flag.replace(/^--/, '');
    if (!flag.startsWith('--') || !(key in defaults)) throw new Error(`unknown argument: ${argv[i]}`);
    opts[key] = inline ?? argv[++i];
  }
  return opts;
}

/** The median of numbers (the mean of the middle two for an even count); NaN for none. */
export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A progress line on stderr (stdout carries only the tables). */
export function progress(line) {
  process.stderr.write(`bench: ${line}\n`);
}

/**
 * The catalog a build wrote under `dist/data/`, as the app and the worker read it: { volumes, pages }, the volumes
 * catalog.json names ({ file, revision }) and every page, catalog.json's then each volume's, newest first.
 */
export function builtCatalog(dist) {
  const read = (file) => JSON.parse(readFileSync(path.join(dist, 'data', file), 'utf8'));
  const catalog = read('catalog.json');
  const volumes = catalog.volumes ?? [];
  const pages = [catalog, ...volumes.map((volume) => read(volume.file))].flatMap((part) => part.pages);
  return { volumes, pages };
}
