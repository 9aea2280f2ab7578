// Tiny dependency-free static file server for dist/ (used by scripts/serve.sh and the e2e tests); no SPA rewrites.
//
// As a module:  const srv = await startServer({ root: 'dist', port: 0, base: '/sub/path/' });
//               srv.url  -> 'http://127.0.0.1:PORT/sub/path/'   await srv.close();
// As a CLI:     node tests/e2e/serve.mjs [--root dist] [--port 8080] [--base /sub/path/]

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Normalise a base sub-path to the form '/a/b/' (or '/'). */
export function normaliseBase(base = '/') {
  const parts = String(base).split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

async function fileStat(file) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

/**
 * Map a request path (already without query) to a file under root, or null.
 * A directory maps to its index.html (or a redirect to add the trailing slash);
 * anything outside root or base is null.
 */
async function resolveFile(root, base, urlPath) {
  // Returns { file, size }, { redirect }, or null.
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  // '/sub/path' (no trailing slash) is the base directory: redirect like a real static host.
  if (`${decoded}/` === base) return { redirect: base };
  if (!decoded.startsWith(base)) return null;
  const rel = decoded.slice(base.length);
  const file = path.resolve(root, `.${path.posix.sep}${rel}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  const st = await fileStat(file);
  if (st?.isFile()) return { file, size: st.size };
  if (st?.isDirectory()) {
    if (!decoded.endsWith('/')) return { redirect: `${urlPath}/` };
    const index = path.join(file, 'index.html');
    const ist = await fileStat(index);
    if (ist?.isFile()) return { file: index, size: ist.size };
  }
  return null;
}

/** True when Accept-Encoding lists 'br' without q=0. */
function acceptsBrotli(req) {
  return String(req.headers['accept-encoding'] || '')
    .split(',')
    .map((part) => part.trim().split(/\s*;\s*/))
    .some(([name, ...params]) => name === 'br' && !params.some((p) => /^q=0(\.0*)?$/.test(p)));
}

/**
 * Start the server. Resolves to { server, port, url, close() }.
 * options: root (default 'dist'), port (default 8080; 0 = any free port),
 *          base (default '/'), quiet (default true).
 */
export async function startServer({ root = 'dist', port = 8080, base = '/', quiet = true } = {}) {
  const absRoot = path.resolve(root);
  const rootStat = await fileStat(absRoot);
  if (!rootStat?.isDirectory()) throw new Error(`serve: no such directory: ${absRoot} (build first)`);
  const basePath = normaliseBase(base);

  const server = createServer(async (req, res) => {
    const urlPath = (req.url || '/').split(/[?#]/, 1)[0];
    const done = (status, headers, body) => {
      res.writeHead(status, { 'Cache-Control': 'no-cache', ...headers });
      res.end(body);
      if (!quiet) console.log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return done(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'method not allowed\n');
    }
    let found;
    try {
      found = await resolveFile(absRoot, basePath, urlPath);
    } catch {
      found = null;
    }
    if (!found) return done(404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'not found\n');
    if (found.redirect) return done(301, { Location: found.redirect }, '');

    const type = MIME[path.extname(found.file).toLowerCase()] || 'application/octet-stream';
    const headers = { 'Content-Type': type, Vary: 'Accept-Encoding' };
    let { file, size } = found;
    if (acceptsBrotli(req)) {
      const br = await fileStat(`${file}.br`);
      if (br?.isFile()) {
        file = `${file}.br`;
        size = br.size;
        headers['Content-Encoding'] = 'br';
      }
    }
    headers['Content-Length'] = String(size);
    res.writeHead(200, { 'Cache-Control': 'no-cache', ...headers });
    if (!quiet) console.log(`200 ${req.method} ${req.url}`);
    if (req.method === 'HEAD') return res.end();
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const chosen = server.address().port;
  return {
    server,
    port: chosen,
    base: basePath,
    origin: `http://127.0.0.1:${chosen}`,
    url: `http://127.0.0.1:${chosen}${basePath}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function parseArgs(argv) {
  const opts = { root: 'dist', port: Number(process.env.PORT || 8080), base: '/', quiet: false };
  for (let i = 0; i < argv.length; i += 1) {
    const [key, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    if (key === '--root') opts.root = value;
    else if (key === '--port') opts.port = Number(value);
    else if (key === '--base') opts.base = value;
    else throw new Error(`serve: unknown argument ${argv[i]}`);
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const srv = await startServer(opts);
  console.log(`serving ${path.resolve(opts.root)} at ${srv.url}  (Ctrl-C to stop)`);
  const stop = () => srv.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
