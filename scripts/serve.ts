/**
 * Serves a built archive on http://127.0.0.1:4321 (or PORT), with the site's 404 page
 * for unknown paths. Usage: node scripts/serve.ts [dir]   (default dist/)
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
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

createServer((req, res) => {
  // The headers a production server should send (see docs/security.md), so local use and tests see them too.
  let path = '/';
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    // A malformed address still gets the strictest (general) policy.
  }
  for (const [name, value] of Object.entries(securityHeaders(path))) res.setHeader(name, value);
  res.setHeader('Cache-Control', cacheControl(path));
  files(req, res, () => {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(notFound);
  });
}).listen(port, host, () => console.log(`Archive served at http://${host}:${port}/ from ${dir}`));
