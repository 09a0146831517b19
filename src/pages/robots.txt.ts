import type { APIRoute } from 'astro';
import { archiveConfig } from '../lib/archive-config.ts';

/** robots.txt: everything may be crawled; the sitemap lists every page. */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', archiveConfig().baseUrl).href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
