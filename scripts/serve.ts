/**
 * Serves a built archive on http://127.0.0.1:4321 (or PORT), with the site's 404 page
 * for unknown paths, the security and cache headers of docs/security.md, and text
 * compressed as every production host compresses it (so that Lighthouse and the tests
 * measure what readers receive). Usage: node scripts/serve.ts [dir]   (default dist/)
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { cacheControl, securityHeaders } from '../src/lib/security-headers.ts';

const dir = resolve(process.argv[2] ?? process.env.ARCHIVE_DIST_DIR ?? 'dist');
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';
const files = sirv(dir, { dev: false, etag: true, gzip: false, brotli: false, extensions: ['html'] });
let notFound: Buffer;
try {
  notFound = readFileSync(resolve(dir, '404.html'));
} catch {
  console.error(`✖ ${dir} has no 404.html: is it a built archive? Run npm run build first.`);
  process.exit(1);
}

const TEXT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};
const compressed = new Map<string, { mtime: number; body: Buffer }>();

/**
 * Answers a request for a text file with its gzip form when the browser accepts it; false
 * when sirv should answer (binary files, no gzip, no such file). sirv itself only serves
 * .gz files written beside the originals, which the build does not write.
 */
function sendCompressed(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  for (const candidate of path.endsWith('/') ? [`${path}index.html`] : [path, `${path}.html`]) {
    const file = join(dir, candidate);
    const type = TEXT_TYPES[extname(file)];
    if (!type || !file.startsWith(dir + sep)) continue;
    let mtime: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) continue;
      mtime = stat.mtimeMs;
    } catch {
      continue;
    }
    let entry = compressed.get(file);
    if (!entry || entry.mtime !== mtime) compressed.set(file, (entry = { mtime, body: gzipSync(readFileSync(file)) }));
    // Pages are served no-cache: the browser revalidates, and an unchanged page costs a 304.
    const etag = `W/"gz-${entry.body.length}-${Math.floor(mtime)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag, Vary: 'Accept-Encoding' });
      res.end();
      return true;
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': entry.body.length, Vary: 'Accept-Encoding', ETag: etag });
    res.end(req.method === 'HEAD' ? undefined : entry.body);
    return true;
  }
  return false;
}

createServer((req, res) => {
  // The headers a production server should send (see docs/security.md), so local use and tests see them too.
  let path = '/';
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    // A malformed address is cached as the site's root would be (no-cache).
  }
  for (const [name, value] of Object.entries(securityHeaders())) res.setHeader(name, value);
  res.setHeader('Cache-Control', cacheControl(path));
  if (sendCompressed(req, res, path)) return;
  files(req, res, () => {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(notFound);
  });
}).listen(port, host, () => console.log(`Archive served at http://${host}:${port}/ from ${dir}`));
