// Starts Debian's Chromium (never a downloaded one) with the e2e flags and a remote-debugging port, for Lighthouse.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../support.mjs';

/**
 * Launch Chromium on a fresh profile with a DevTools port chosen by Chromium.
 * Resolves to { port, close() }; close() stops that one process and removes its profile.
 */
export async function launchChromiumWithPort({ timeoutMs = 30_000 } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'xuexi-bench-chromium-'));
  const child = spawn(
    CHROMIUM,
    [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // If this script dies before close(), take the browser and its profile with it.
  const cleanUp = () => {
    child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);
  let stderr = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`chromium did not report a DevTools port in ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const found = stderr.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`chromium exited (${code}) before it was ready:\n${stderr}`));
    });
  });
  // Keep draining stderr so Chromium never blocks on a full pipe.
  child.stderr.resume();
  return {
    port,
    async close() {
      process.off('exit', cleanUp);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      // Chromium's helpers may still be writing into the profile for a moment after it exits.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}
