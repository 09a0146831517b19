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
 * Where WebAssembly may be compiled: Pagefind's, on the search page and in its look-up
 * workers (src/search/lookup-worker.ts, bundled as /_astro/lookup-worker-<hash>.js). A
 * worker runs under the policy its own script is served with, not the page's.
 */
const WASM_PATHS = /^\/search\/|^\/_astro\/lookup-worker-/;

/** The Content-Security-Policy for a path: strict everywhere, WebAssembly only where search runs. */
export function contentSecurityPolicy(path: string): string {
  const policy = WASM_PATHS.test(path) ? basePolicy.map((d) => (d === "script-src 'self'" ? "script-src 'self' 'wasm-unsafe-eval'" : d)) : basePolicy;
  return policy.join('; ');
}

/**
 * How long a browser may keep a file: files whose name carries a content hash (Astro's
 * /_astro/ bundles, Pagefind's meta and index chunks) never change and are kept for a
 * year; everything else is revalidated on each use, so a rebuilt archive shows at once.
 */
export function cacheControl(path: string): string {
  return /^\/_astro\/|^\/pagefind\/[^/]+\/(.*\.pf_(meta|index|filter)|index\/|filter\/)/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Every security header for a path. */
export function securityHeaders(path: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(path),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  };
}

/** The `_headers` file: the search rules after the general one, so they override it there. */
export function headersFile(): string {
  const block = (pattern: string, path: string) =>
    [pattern, ...Object.entries(securityHeaders(path)).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  const cache = (pattern: string, path: string) => `${pattern}\n  Cache-Control: ${cacheControl(path)}`;
  return [
    block('/*', '/'),
    block('/search/*', '/search/'),
    block('/_astro/lookup-worker-*', '/_astro/lookup-worker-x.js'),
    cache('/_astro/*', '/_astro/x.js'),
    cache('/pagefind/*/index/*', '/pagefind/s0/index/x.pf_index'),
    cache('/pagefind/*/*.pf_meta', '/pagefind/s0/x.pf_meta'),
  ].join('\n\n') + '\n';
}
