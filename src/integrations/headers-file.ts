import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/security-headers.ts';

/**
 * Writes /_headers, the security headers for static hosts that read such a file
 * (Netlify, Cloudflare Pages). Written after the build because Astro never routes a
 * page file whose name starts with an underscore.
 */
export function securityHeadersFile(): AstroIntegration {
  return {
    name: 'archive:headers-file',
    hooks: {
      'astro:build:done': ({ dir }) => {
        writeFileSync(fileURLToPath(new URL('_headers', dir)), headersFile());
      },
    },
  };
}
