#!/usr/bin/env node
// A small static file server for the built site (node:http, no dependencies): serves dist/ on
// 127.0.0.1:4321 (or --dir/--port/--host, PORT), directory URLs as index.html, a redirect to the
// trailing slash, 404.html for the rest; never serves outside the folder or dotfiles. Used by
// `npm start` and by the end-to-end tests (import { serve }).

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/** Pagefind needs WebAssembly; nothing else runs but the site's own files. */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

async function fileAt(path) {
  const info = await stat(path).catch(() => null);
  return info;
}

/**
 * Starts the server. Resolves to `{ server, url, close }` once it listens.
 * @param {{ dir?: string, port?: number, host?: string, log?: boolean }} [options]
 */
export async function serve(options = {}) {
  const root = resolve(options.dir ?? 'dist');
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 4321;
  const log = options.log ?? false;
  const rootInfo = await fileAt(root);
  if (!rootInfo?.isDirectory()) throw new Error(`${root}: no such folder; run \`npm run build\` first`);

  const send = (res, status, path, info, head) => {
    res.writeHead(status, {
      'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': CSP,
    });
    if (head) res.end();
    else createReadStream(path).pipe(res);
  };

  const notFound = async (res, head) => {
    const page = join(root, '404.html');
    const info = await fileAt(page);
    if (info?.isFile()) return send(res, 404, page, info, head);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('404 not found\n');
  };

  const server = createServer(async (req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('bad request\n');
      return;
    }
    if (log) console.log(`${req.method} ${pathname}`);
    const segments = pathname.split('/').filter((s) => s !== '');
    if (pathname.includes('\0') || segments.some((s) => s.startsWith('.') || s.includes('\\'))) return notFound(res, head);
    let path = resolve(root, ...segments);
    if (path !== root && !path.startsWith(root + sep)) return notFound(res, head);
    let info = await fileAt(path);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        const url = new URL(req.url ?? '/', 'http://x');
        res.writeHead(301, { location: `${url.pathname}/${url.search}` });
        res.end();
        return;
      }
      path = join(path, 'index.html');
      info = await fileAt(path);
    }
    if (!info?.isFile()) return notFound(res, head);
    send(res, 200, path, info, head);
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}/`;
  return { server, url, close: () => new Promise((ok) => server.close(() => ok())) };
}

function args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [k, v] = a.includes('=') ? a.split(/=(.*)/s, 2) : [a, argv[i + 1]];
    if (k === '--dir' || k === '--port' || k === '--host') {
      out[k.slice(2)] = v;
      if (!a.includes('=')) i++;
    } else if (k === '--log') out.log = true;
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const a = args(process.argv.slice(2));
  const port = Number(a.port ?? process.env.PORT ?? 4321);
  serve({ dir: a.dir ?? 'dist', port, host: a.host ?? '127.0.0.1', log: Boolean(a.log) })
    .then(({ url }) => {
      console.log(`Jiaokan is being served from ${resolve(a.dir ?? 'dist')}`);
      console.log(`  ${url}            (simplified)`);
      console.log(`  ${url}zh-Hant/    (traditional)`);
      console.log('Press Ctrl+C to stop.');
    })
    .catch((err) => {
      console.error(`serve: ${err.message}`);
      process.exit(1);
    });
}
