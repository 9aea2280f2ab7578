// One Chromium and one server of dist/ at '/', shared by every test of the file that imports this: started before
// its first test and closed after its last. `browser` and `server` are live bindings, set once `before` has run.

import { after, before } from 'node:test';
import { launchBrowser, startDistServer } from './support.mjs';

export let browser;
export let server;

before(async () => {
  browser = await launchBrowser();
  server = await startDistServer('/');
});

after(async () => {
  await server?.close();
  await browser?.close();
});
