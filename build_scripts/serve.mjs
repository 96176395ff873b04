#!/usr/bin/env node
// A small static server for dist/ on 127.0.0.1, with the MIME types the page needs
// (application/wasm enables streaming compilation; modules need text/javascript).
// Gzips compressible responses when asked, so sizes match a real host; like one, it keeps
// each file's compressed body (until the file changes) instead of compressing every request.
//
//   node build_scripts/serve.mjs [dir]       PORT=8080 picks the port; default: a free one
//   import { startServer } from './serve.mjs'; const { url, close } = await startServer();

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt']);

/** Map a request path to a file inside `dir`, or null if it would leave it. */
export function resolveInside(dir, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(dir, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  return file === dir || file.startsWith(dir + path.sep) ? file : null;
}

// file -> { mtimeMs, size, gzipped }: compressing app.js anew per request cost tens of ms.
const gzipCache = new Map();

async function gzipOnce(file, info) {
  const hit = gzipCache.get(file);
  if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.gzipped;
  const gzipped = gzipSync(await readFile(file));
  gzipCache.set(file, { mtimeMs: info.mtimeMs, size: info.size, gzipped });
  return gzipped;
}

/**
 * Serve `dir` on 127.0.0.1. Resolves to { url, port, close() } once listening.
 * port 0 (the default without PORT) asks the OS for a free port.
 */
export async function startServer({ dir = path.join(ROOT, 'dist'), port = Number(process.env.PORT ?? 0), log = false } = {}) {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed', { Allow: 'GET, HEAD' });
    const file = resolveInside(root, new URL(req.url, 'http://localhost').pathname);
    if (!file) return send(403, 'forbidden');
    try {
      const info = await stat(file);
      if (!info.isFile()) return send(404, 'not found');
      const ext = path.extname(file).toLowerCase();
      const headers = { 'Content-Type': MIME_TYPES[ext] ?? 'application/octet-stream' };
      const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const body = gzip ? await gzipOnce(file, info) : await readFile(file);
      if (gzip) {
        headers['Content-Encoding'] = 'gzip';
        headers.Vary = 'Accept-Encoding';
      }
      headers['Content-Length'] = body.length;
      return send(200, body, headers);
    } catch (error) {
      return send(error.code === 'ENOENT' ? 404 : 500, error.code === 'ENOENT' ? 'not found' : 'server error');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.address().port;
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}/`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  startServer({ dir, log: process.env.LOG === '1' }).then(({ url }) => {
    console.log(`Serving ${path.relative(process.cwd(), dir ?? path.join(ROOT, 'dist')) || '.'} at ${url}`);
  }, (error) => {
    console.error(`serve: ${error.message}`);
    process.exit(1);
  });
}
