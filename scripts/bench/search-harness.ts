/**
 * Runs the site's search engine (src/search/engine.ts, the code the search page runs)
 * inside a Playwright page against a built site, and reads the site's record numbering,
 * so that a query's complete result list can be compared with literal matching.
 * Used by `npm run bench:search` and by the scale test in `npm test`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import type { SearchRequest } from '../../src/search/engine.ts';
import type { SearchDoc } from '../../src/search/data.ts';

/** Where the harness is served from; a same-origin path, so the site's CSP allows it. */
const HARNESS_PATH = '/__search-harness.js';
/** Where the harness's look-up worker is served from (search-harness-entry.ts starts it). */
const WORKER_PATH = '/__search-lookup-worker.js';

let bundled: Promise<{ harness: string; worker: string }> | undefined;
/**
 * The harness entry and the site's look-up worker bundled for the browser (once per
 * process). The site's own build bundles the worker with Vite; esbuild leaves a worker
 * alone, so the harness bundles it here and starts it itself.
 */
function harnessSource(): Promise<{ harness: string; worker: string }> {
  bundled ??= build({
    entryPoints: { harness: resolve(import.meta.dirname, 'search-harness-entry.ts'), worker: resolve(import.meta.dirname, '../../src/search/lookup-worker.ts') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    outdir: 'out',
    logLevel: 'silent',
  }).then((result) => {
    const text = (name: string) => result.outputFiles.find((f) => f.path.endsWith(`/out/${name}.js`))!.text;
    return { harness: text('harness'), worker: text('worker') };
  });
  return bundled;
}

/** A search as the harness runs it: the full ordered result list and the engine's time. */
export type HarnessSearch = (q: string, filters?: SearchRequest['filters'], sort?: SearchRequest['sort']) => Promise<{ records: number[]; ms: number }>;

/**
 * Opens the site's search page in `page` (its CSP and its index) and loads the engine
 * into it. `page` must have a baseURL pointing at the served site.
 */
export async function openSearchHarness(page: Page): Promise<HarnessSearch> {
  const source = await harnessSource();
  await page.route(`**${HARNESS_PATH}`, (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: source.harness }));
  await page.route(`**${WORKER_PATH}`, (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: source.worker }));
  // The engine falls back to looking up on the page when its workers fail; the harness
  // measures the workers, so that is an error here.
  let workerFailure: string | null = null;
  page.on('console', (m) => {
    if (m.text().includes('look-up workers unavailable')) workerFailure = m.text();
  });
  await page.goto('/search/');
  await page.evaluate(async (path) => {
    await import(path);
  }, HARNESS_PATH);
  return async (q, filters, sort) => {
    const outcome = await page.evaluate(([q, filters, sort]) => window.archiveSearch(q, filters, sort), [q, filters, sort] as const);
    if (workerFailure) throw new Error(`the search harness's look-up workers failed: ${workerFailure}`);
    return outcome;
  };
}

/** Record id of each record number (the order of /search-data/doc/<n>.json.gz) in a built site. */
export function recordIdsByNumber(dist: string): string[] {
  const dir = join(dist, 'search-data', 'doc');
  const count = readdirSync(dir).length;
  return Array.from({ length: count }, (_, n) => (JSON.parse(gunzipSync(readFileSync(join(dir, `${n}.json.gz`))).toString('utf8')) as SearchDoc).id);
}
