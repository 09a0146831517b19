/**
 * The HTTP security headers the archive should be served with. One source for the
 * generated `_headers` file (Netlify/Cloudflare-style hosts), the nginx example in
 * docs/security.md and the local server (scripts/serve.ts).
 */
const basePolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/**
 * The Content-Security-Policy, the same for every path: search reads its index in plain
 * JavaScript (src/search/pagefind-index.ts), so no page or worker compiles WebAssembly.
 */
export function contentSecurityPolicy(): string {
  return basePolicy.join('; ');
}

/**
 * How long a browser may keep a file: files whose name carries a content hash (Astro's
 * /_astro/ bundles, Pagefind's meta and index chunks) never change and are kept for a
 * year; everything else is revalidated on each use, so a rebuilt archive shows at once.
 */
export function cacheControl(path: string): string {
  return /^\/_astro\/|^\/pagefind\/[^/]+\/(.*\.pf_(meta|table|index|filter)|index\/|filter\/)/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Every security header, the same for every path. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  };
}

/** The `_headers` file: the security headers for every path, then how long files may be kept. */
export function headersFile(): string {
  const block = (pattern: string) => [pattern, ...Object.entries(securityHeaders()).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  const cache = (pattern: string, path: string) => `${pattern}\n  Cache-Control: ${cacheControl(path)}`;
  return [
    block('/*'),
    cache('/_astro/*', '/_astro/x.js'),
    cache('/pagefind/*/index/*', '/pagefind/s0/index/x.pf_index'),
    cache('/pagefind/*/*.pf_meta', '/pagefind/s0/x.pf_meta'),
    cache('/pagefind/*/*.pf_table', '/pagefind/s0/x.pf_table'),
  ].join('\n\n') + '\n';
}
