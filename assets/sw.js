// 学习伴侣's service worker: keeps the files of one build in one cache, so the app opens and works offline,
// without the offline copy growing with the archive.
//
// This is the template; tools/src/bin/precache.rs writes dist/sw.js from it, replacing the BUILD line with the
// build's version and its files with the first 16 hex digits of their SHA-256 (their revision) and whether each is
// part of the core: the app's files, the home page, the offline shell, the catalog and the current 期's data. The
// list names neither the route pages (one per item, quiz… of every 期), nor the catalog's volumes, nor the earlier
// pages' data, whose revisions the catalog holds; so it stays the same size however long the archive grows. The
// volumes are part of the core all the same: cached at install, as catalog.json names them.
//
// Installing: the core is cached up front. Every file is cached under its URL plus `?rev=<revision>`, so a new
// build copies every file it shares with the old one (the app's files, and the data of each earlier page a reader
// once opened) instead of downloading it again; a weekly update downloads only what changed. Files are fetched
// through the browser's HTTP cache and checked against their revision; a stale copy is fetched again past the
// cache, and a core file that still does not match (a half-finished deploy) fails the install, which the browser
// retries on the next visit.
//
// Requests:
// - A listed file comes from the cache, whatever its query string (WeChat's ?from=…&isappinstalled=0, the app's
//   ?p=…&q=…, a data file's ?v=…); `…/` means `…/index.html`. One not cached yet (an earlier 期's data) comes from
//   the network and is kept once it matches its revision.
// - A page of the site (a navigation under the scope) comes from the cache if this build kept it, else from the
//   network, and is kept: a page once opened stays available offline until the next build. Offline, a page never
//   opened is answered with the offline shell (shell.html: the page with nothing prerendered, its <base href> set
//   for the page's depth), which the app renders from its data; a page the app does not know says so.
// - Everything else, version.json above all, is left to the browser.
//
// The whole archive: a page may ask (message ARCHIVE with keepAll: true) to keep every page's data offline. The
// choice is kept in a cache of its own, so every later build keeps the whole archive too; the worker answers each
// ARCHIVE message with what it keeps ({type: 'ARCHIVE', keepAll, kept, total, busy}).
//
// Updates: a new build installs next to the old one and waits. The page (src/ui/service_worker.rs) offers
// "有新版本，点击更新" and, on the reader's click only, posts SKIP_WAITING; the new worker then activates, deletes
// the old build's cache and takes over, and the page reloads once on `controllerchange`.

const BUILD = { version: 'dev', files: [] };

// One cache per build and per scope: two copies of the site under different sub-paths of one origin keep theirs.
const SCOPE = self.registration.scope;
const PREFIX = `xuexi ${SCOPE} `;
const CACHE = PREFIX + BUILD.version;
// The reader's choice outlives builds: a name that dropOtherBuilds() leaves alone.
const SETTINGS = `xuexi-settings ${SCOPE}`;
const KEEP_ALL_KEY = `${SCOPE}keep-archive`;
const REVISIONS = new Map(BUILD.files.map(([path, revision]) => [SCOPE + path, revision]));
const SHELL = 'shell.html';
const CATALOG = `${SCOPE}data/catalog.json`;
const PAGE_DATA = new RegExp(`^${SCOPE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}data/[0-9a-z-]+\\.json$`);

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  // claim(): a page opened before the first install is served from here from now on, like every later one.
  event.waitUntil(dropOtherBuilds().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'SKIP_WAITING') self.skipWaiting();
  if (data.type === 'ARCHIVE') event.waitUntil(archive(event.source, data.keepAll));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith('/')) url.pathname += 'index.html';
  if (REVISIONS.has(url.href)) {
    event.respondWith(fromCache(url.href, request, REVISIONS.get(url.href)));
  } else if (PAGE_DATA.test(url.href)) {
    event.respondWith(
      dataRevisions().then(({ volumes, pages }) => fromCache(url.href, request, volumes.get(url.href) ?? pages.get(url.href))),
    );
  } else if (request.mode === 'navigate' && url.href.startsWith(SCOPE) && url.pathname.endsWith('.html')) {
    event.respondWith(page(url.href, request));
  }
});

async function precache() {
  const cache = await caches.open(CACHE);
  const keepAll = await keepAllChosen();
  // The pages open right now, as this build serves them: the page a reader installed the app from, or was
  // reading when the update came, works offline and reloads as this build.
  const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const pages = open
    .map((client) => new URL(client.url))
    .map((url) => {
      url.search = '';
      url.hash = '';
      if (url.pathname.endsWith('/')) url.pathname += 'index.html';
      return url.href;
    })
    .filter((href) => href.startsWith(SCOPE) && href.endsWith('.html') && !REVISIONS.has(href));
  await Promise.all(
    [...new Set(pages)].map(async (href) => {
      try {
        const response = await fetch(href, { cache: 'reload' });
        if (response.ok) await cache.put(href, response);
      } catch (error) {
        // Offline while installing: the page comes from the network next time, or the shell.
      }
    }),
  );
  await Promise.all(BUILD.files.map(([path, revision, core]) => keep(cache, path, revision, core)));
  // The catalog's volumes, named by the catalog.json just cached: part of the core (a failure fails the install).
  const { volumes = [] } = await cachedCatalogPart(cache, CATALOG);
  await Promise.all(volumes.map((volume) => keep(cache, `data/${volume.file}`, volume.revision, true)));
  // Earlier pages' data, named by the catalog: what an older build kept is copied (a page once opened stays
  // offline), and the rest is fetched only for a reader who chose to keep it all.
  revisionsOf = null;
  await Promise.all(
    [...(await dataRevisions()).pages].map(async ([url, revision]) => {
      try {
        await keep(cache, url.slice(SCOPE.length), revision, keepAll);
      } catch (error) {
        // Not worth failing the update for: the page comes on its first use.
      }
    }),
  );
}

// This build's copy of `path` in `cache`: there already, copied from an earlier build's cache (same revision), or,
// when `fetchIt`, fetched and checked (a failure throws). Says whether the cache now has it.
async function keep(cache, path, revision, fetchIt) {
  const key = keyOf(path, revision);
  if (await cache.match(key)) return true;
  const earlier = await caches.match(key);
  if (earlier) {
    await cache.put(key, earlier);
    return true;
  }
  if (!fetchIt) return false;
  await cache.put(key, await fetchChecked(SCOPE + path, revision));
  return true;
}

// The data files this build's catalog names, each with its revision: { volumes, pages } of Map(url → revision),
// from catalog.json and the volumes it names (all cached with the core).
let revisionsOf = null;
async function dataRevisions() {
  if (revisionsOf) return revisionsOf;
  const cache = await caches.open(CACHE);
  const catalog = await cachedCatalogPart(cache, CATALOG);
  const volumes = new Map((catalog.volumes || []).map((volume) => [`${SCOPE}data/${volume.file}`, volume.revision]));
  const parts = [catalog, ...(await Promise.all([...volumes.keys()].map((url) => cachedCatalogPart(cache, url))))];
  const pages = new Map(parts.flatMap((part) => part.pages).map((page) => [`${SCOPE}data/${page.id}.json`, page.revision]));
  revisionsOf = { volumes, pages };
  return revisionsOf;
}

// A part of the catalog as `cache` holds it, or one of no pages.
async function cachedCatalogPart(cache, url) {
  const cached = await cache.match(url, { ignoreSearch: true });
  return cached ? cached.json() : { pages: [] };
}

async function fetchChecked(url, revision) {
  for (const mode of ['default', 'reload']) {
    const response = await fetch(url, { cache: mode });
    if (!response.ok) throw new Error(`precache: ${url}: HTTP ${response.status}`);
    if (await matches(response, revision)) return response;
  }
  throw new Error(`precache: ${url}: not the content of build ${BUILD.version}`);
}

async function matches(response, revision) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return hex.startsWith(revision);
}

async function fromCache(url, request, revision) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(url, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  // Kept only when it is this build's file (a deploy in progress may serve another).
  if (revision && response.ok && (await matches(response, revision))) {
    await cache.put(keyOf(url.slice(SCOPE.length), revision), response.clone());
  }
  return response;
}

// A route's page: this build's copy if it kept one, else the network's (kept), else the offline shell.
async function page(url, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(url, { ignoreSearch: true });
  if (cached) return cached;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(url, response.clone());
    return response;
  } catch (error) {
    return shellFor(url);
  }
}

// The offline shell for a route at `url`, with its <base href> pointing back at the site root.
async function shellFor(url) {
  const cache = await caches.open(CACHE);
  const shell = await cache.match(SCOPE + SHELL, { ignoreSearch: true });
  if (!shell) return Response.redirect(SCOPE, 302);
  const depth = url.slice(SCOPE.length).split('/').length - 1;
  const base = depth > 0 ? '../'.repeat(depth) : './';
  const html = (await shell.text()).replace('<base href="./">', `<base href="${base}">`);
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

async function archive(client, keepAll) {
  if (keepAll === true) {
    const settings = await caches.open(SETTINGS);
    await settings.put(KEEP_ALL_KEY, new Response('1'));
  }
  const keep = await keepAllChosen();
  const pages = [...(await dataRevisions()).pages].map(([url, revision]) => [url.slice(SCOPE.length), revision]);
  const cache = await caches.open(CACHE);
  const kept = async () => {
    let n = 0;
    for (const [path, revision] of pages) if (await cache.match(keyOf(path, revision))) n += 1;
    return n;
  };
  const report = async (busy) => {
    if (client) client.postMessage({ type: 'ARCHIVE', keepAll: keep, kept: await kept(), total: pages.length, busy });
  };
  if (keep) {
    await report(true);
    for (const [path, revision] of pages) {
      try {
        if (await cache.match(keyOf(path, revision))) continue;
        await keep(cache, path, revision, true);
      } catch (error) {
        // Offline or a deploy in progress: the count says what is kept; the next visit tries again.
      }
      await report(true);
    }
  }
  await report(false);
}

async function keepAllChosen() {
  const settings = await caches.open(SETTINGS);
  return !!(await settings.match(KEEP_ALL_KEY));
}

function keyOf(path, revision) {
  return `${SCOPE}${path}?rev=${revision}`;
}

async function dropOtherBuilds() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
}
