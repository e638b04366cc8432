// A static file server for end-to-end tests: serves a built site on 127.0.0.1 under a base path the
// way README.md tells hosts to: `/quiz` from quiz.html, `/` from index.html, and an unknown path
// with 404.html and status 404.
// usage: node tests/e2e/serve.mjs <dir> <port> [base=/] [--gzip] [--max-age=N]
//   --gzip: compressed as a CDN would
//   --max-age=N: every file, pages and sw.js included, with `Cache-Control: max-age=N`, as GitHub
//   Pages does (N=600); by default pages and sw.js are `no-cache` and the rest immutable
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const gzip = process.argv.includes('--gzip');
const maxAge = process.argv.find((a) => a.startsWith('--max-age='))?.slice('--max-age='.length);
const [dir = 'dist', port = '4173', base = '/'] = args;
const compressed = new Map();
const root = resolve(dir);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.txt': 'text/plain',
};

async function file(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? await readFile(path) : null;
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  let path = decodeURIComponent(url.pathname);
  if (!path.startsWith(base)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('outside the base path');
    return;
  }
  path = '/' + path.slice(base.length);
  const target = normalize(join(root, path));
  if (!target.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  let status = 200;
  let body = path.endsWith('/') ? null : await file(target);
  let type = types[extname(target)] || 'application/octet-stream';
  if (!body) {
    type = types['.html'];
    body = path.endsWith('/') ? await file(join(target, 'index.html')) : await file(`${target}.html`);
    if (!body) {
      status = 404;
      body = await file(join(root, '404.html'));
    }
  }
  const noCache = type.startsWith('text/html') || target.endsWith('sw.js');
  const cacheControl = maxAge !== undefined ? `max-age=${maxAge}` : noCache ? 'no-cache' : 'max-age=31536000, immutable';
  const headers = { 'content-type': type, 'cache-control': cacheControl };
  if (gzip && /gzip/.test(req.headers['accept-encoding'] || '') && !type.startsWith('image/')) {
    const key = `${path}:${body.length}`;
    if (!compressed.has(key)) compressed.set(key, gzipSync(body, { level: 9 }));
    body = compressed.get(key);
    headers['content-encoding'] = 'gzip';
    headers.vary = 'accept-encoding';
  }
  res.writeHead(status, headers);
  res.end(body);
}).listen(Number(port), '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));
