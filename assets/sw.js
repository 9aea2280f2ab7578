// 学习伴侣's service worker: keeps every file of one build in one cache, so the app opens and works offline.
//
// This is the template; src/bin/precache.rs writes dist/sw.js from it, replacing the BUILD line with the build's
// version and every file of dist/ with the first 16 hex digits of its SHA-256 (its revision).
//
// Installing: a file is cached under its URL plus `?rev=<revision>`, so a new build copies the files it shares
// with the old one instead of downloading them again. The others are fetched through the browser's HTTP cache
// (a first visit has just downloaded the page's own files, the wasm above all) and checked against their revision;
// a stale copy is fetched again past the cache, and a file that still does not match (a half-finished deploy)
// fails the install, which the browser retries on the next visit.
//
// Requests:
// - A file of the build comes from the cache, whatever its query string (WeChat's ?from=…&isappinstalled=0, the
//   app's ?p=…&q=…); `…/` means `…/index.html`. Should the cache have lost it, the network answers.
// - A page that is not in the build (a newer week's link, a mistyped address) goes to the network, so the host's
//   own answer shows; offline, the reader is sent to the home page rather than the browser's error page.
//   (Serving index.html in its place would not work: its relative URLs resolve against <base href="./">, which
//   is the wrong directory for a page at any other depth.)
// - Everything else, version.json above all, is left to the browser.
//
// Updates: a new build installs next to the old one and waits. The page (src/ui/service_worker.rs) offers
// "有新版本，点击更新" and, on the reader's click only, posts SKIP_WAITING; the new worker then activates, deletes
// the old build's cache and takes over, and the page reloads once on `controllerchange`.

const BUILD = { version: 'dev', files: [] };

// One cache per build and per scope: two copies of the site under different sub-paths of one origin keep theirs.
const SCOPE = self.registration.scope;
const PREFIX = `xuexi ${SCOPE} `;
const CACHE = PREFIX + BUILD.version;
const FILES = new Set(BUILD.files.map(([path]) => SCOPE + path));

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  // claim(): a page opened before the first install is served from here from now on, like every later one.
  event.waitUntil(dropOtherBuilds().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith('/')) url.pathname += 'index.html';
  if (FILES.has(url.href)) {
    event.respondWith(fromCache(url.href, request));
  } else if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => Response.redirect(SCOPE, 302)));
  }
});

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    BUILD.files.map(async ([path, revision]) => {
      const key = `${SCOPE}${path}?rev=${revision}`;
      if (await cache.match(key)) return;
      const response = (await caches.match(key)) || (await fetchChecked(SCOPE + path, revision));
      await cache.put(key, response);
    }),
  );
}

async function fetchChecked(url, revision) {
  for (const mode of ['default', 'reload']) {
    const response = await fetch(url, { cache: mode });
    if (!response.ok) throw new Error(`precache: ${url}: HTTP ${response.status}`);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
    const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
    if (hex.startsWith(revision)) return response;
  }
  throw new Error(`precache: ${url}: not the content of build ${BUILD.version}`);
}

async function fromCache(url, request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(url, { ignoreSearch: true })) || fetch(request);
}

async function dropOtherBuilds() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
}
