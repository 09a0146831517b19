/**
 * Search benchmark at archive scale:
 *
 *   npm run bench:search -- --records 10000 [--out DIR] [--seed S]
 *
 * Generates N records (scripts/corpus), builds them into a temporary folder through
 * ARCHIVE_CONTENT_DIR with the real build, serves the site and, in Chromium:
 * - measures what the first search downloads on a fresh visit to the search page;
 * - runs every query of scripts/bench/search-queries.ts through the real search page
 *   (put into the form and submitted at once, timed until the results are shown) and
 *   through the site's engine for the complete result list, which is compared with
 *   literal matching (recall and precision);
 * - runs them again on a fresh page, typed as an input method enters text and submitted
 *   a moment later, as a reader does (the page preloads while the reader pauses);
 * - times both ways again in a plain Chromium (../lib/plain-chromium.ts), which does not
 *   report every request to a test driver as Playwright's does;
 * and prints build time, peak memory of each step, index size, first-search bytes and
 * query latency p50/p95.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { writeCorpus } from '../corpus/generate.ts';
import { literalMatches, loadReference, scoreQuery } from './literal-reference.ts';
import { duBytes, runMeasured } from './measure.ts';
import { openSearchHarness, recordIdsByNumber } from './search-harness.ts';
import { openPlainPage } from '../lib/plain-chromium.ts';
import { openServedSite } from '../lib/served-site.ts';
import { queryset } from './search-queries.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '10000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    port: { type: 'string', default: '4337' },
    // Measure the site already built in --out (after a change to the browser side only).
    reuse: { type: 'boolean', default: false },
  },
});
const count = Number(values.records);
if (!Number.isInteger(count) || count < 1) {
  console.error('Usage: npm run bench:search -- --records N [--out DIR] [--seed S]');
  process.exit(2);
}
const work = resolve(values.out ?? join(root, '.tmp', `bench-search-${count}`));
const archive = join(work, 'archive');
const dist = join(work, 'dist');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Bytes a static host sends for a body served as is: gzip files as they are, other text gzipped. */
function servedBytes(url: string, body: Buffer): number {
  if (/\.(gz|pf_\w+|pagefind|wasm)(\?|$)/.test(url) || (body[0] === 0x1f && body[1] === 0x8b)) return body.byteLength;
  return gzipSync(body, { level: 6 }).byteLength;
}

/** Opens the search page fresh and runs one query from the URL; returns what it downloaded. */
async function firstSearch(page: Page, q: string): Promise<{ total: number; search: number; requests: number; ms: number; parts: string }> {
  const sizes: Promise<{ url: string; bytes: number }>[] = [];
  page.on('response', (response) => {
    sizes.push(
      (async () => {
        // A repeated fetch answered from the browser's cache transfers nothing.
        const wire = await response.request().sizes();
        if (response.status() === 304 || wire.responseBodySize <= 0) return { url: response.url(), bytes: 0 };
        // Sent compressed (a .gz file labelled so): the bytes on the wire are the measure.
        if (response.headers()['content-encoding']) return { url: response.url(), bytes: wire.responseBodySize };
        return { url: response.url(), bytes: servedBytes(response.url(), await response.body()) };
      })().catch(() => ({ url: response.url(), bytes: 0 })),
    );
  });
  const started = performance.now();
  await page.goto(`/search/?q=${encodeURIComponent(q)}`);
  await page.locator('#search-status').filter({ hasText: /找到/ }).waitFor({ timeout: 120_000 });
  const ms = performance.now() - started;
  await page.waitForLoadState('networkidle');
  const all = await Promise.all(sizes);
  const search = all.filter((s) => /\/(pagefind|search-data)\//.test(s.url)).reduce((sum, s) => sum + s.bytes, 0);
  const groups: [string, RegExp][] = [
    ['facet columns', /\/search-data\/facets\//],
    ['record cards', /\/search-data\/doc\//],
    ['chunk tables', /\.pf_table/],
    ['Pagefind meta', /\.pf_meta/],
    ['Pagefind index chunks', /\.pf_index/],
    ['Pagefind entry files', /\/pagefind\/.*\.(js|pagefind|json)/],
    ['page, styles and scripts', /./],
  ];
  const breakdown = new Map<string, { files: number; bytes: number }>();
  for (const s of all) {
    const [name] = groups.find(([, pattern]) => pattern.test(s.url))!;
    const entry = breakdown.get(name) ?? { files: 0, bytes: 0 };
    entry.files++;
    entry.bytes += s.bytes;
    breakdown.set(name, entry);
  }
  const parts = [...breakdown].map(([name, b]) => `${name} ${kb(b.bytes)} (${b.files})`).join(', ');
  return { total: all.reduce((sum, s) => sum + s.bytes, 0), search, requests: all.length, ms, parts };
}

/**
 * Types `q` into the search page's form and waits for the results: milliseconds until
 * they are shown, and of those the engine's own (matching, facets, ranking).
 */
async function pageQuery(page: Page, q: string): Promise<{ ms: number; engineMs: number }> {
  return page.evaluate(submitQuery, q);
}

/** {@link pageQuery}'s script, run in the search page. */
async function submitQuery(q: string): Promise<{ ms: number; engineMs: number }> {
  const form = document.getElementById('search-form') as HTMLFormElement;
  (form.querySelector('input[name="q"]') as HTMLInputElement).value = q;
  const done = new Promise<number>((resolve) => document.addEventListener('archive:search-done', (e) => resolve((e as CustomEvent<{ ms: number }>).detail.ms), { once: true }));
  const started = performance.now();
  form.requestSubmit();
  const engineMs = await done;
  return { ms: performance.now() - started, engineMs };
}

/**
 * The new-query latencies of `queries` in a plain Chromium: submitted at once (each then
 * repeated, as in the Playwright run), and typed on a fresh page.
 */
async function plainLatencies(url: string, queries: readonly string[]): Promise<{ latencies: number[]; typed: number[] }> {
  const submit = (page: Awaited<ReturnType<typeof openPlainPage>>, q: string) => page.evaluate<{ ms: number }>(`(${submitQuery.toString()})(${JSON.stringify(q)})`);
  const latencies: number[] = [];
  const typed: number[] = [];
  let page = await openPlainPage(url);
  try {
    await submit(page, '招商引资'); // loads the engine
    for (const q of queries) {
      latencies.push((await submit(page, q)).ms);
      await submit(page, q);
    }
  } finally {
    await page.close();
  }
  page = await openPlainPage(url);
  try {
    await submit(page, '招商引资');
    for (const q of queries) {
      await page.evaluate(`(() => { const input = document.getElementById('search-q'); input.focus(); input.select(); })()`);
      await page.insertText(q);
      await new Promise((r) => setTimeout(r, TYPED_PAUSE_MS));
      typed.push((await submit(page, q)).ms);
    }
  } finally {
    await page.close();
  }
  return { latencies, typed };
}

/**
 * How long after the query is typed the benchmark's reader submits it. A reader types
 * Chinese with an input method, which puts the chosen characters into the field at once;
 * then the reader presses Enter.
 */
const TYPED_PAUSE_MS = 300;

/**
 * Types `q` into the search field as an input method puts it there (one input event),
 * waits TYPED_PAUSE_MS, and submits: milliseconds from the submit until the results are
 * shown. When the reader pauses, the page looks the query up ahead of the submit.
 */
async function typedQuery(page: Page, q: string): Promise<number> {
  const input = page.locator('#search-q');
  await input.focus();
  await input.selectText();
  await page.keyboard.insertText(q);
  await page.waitForTimeout(TYPED_PAUSE_MS);
  return (await pageQuery(page, q)).ms;
}

async function main(): Promise<void> {
  const started = performance.now();
  const reuse = values.reuse && existsSync(join(dist, 'search-data'));
  if (!reuse) writeCorpus(archive, count, Number(values.seed));
  const generateSeconds = (performance.now() - started) / 1000;
  console.error(reuse ? `measuring the site built in ${dist}…` : `generated ${count} records in ${generateSeconds.toFixed(1)} s; building…`);
  const build = reuse
    ? { status: 0, seconds: NaN, peakMb: NaN, peakByStep: {} as Record<string, number>, output: '' }
    : await runMeasured(process.execPath, [join(root, 'scripts/build.ts')], {
        cwd: root,
        env: { ...process.env, ARCHIVE_CONTENT_DIR: archive, ARCHIVE_DIST_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1' },
      });
  if (build.status !== 0) {
    console.error(build.output.slice(-4000));
    throw new Error(`the build failed (exit ${build.status})`);
  }
  const astroSeconds = Number(/\[build\] ✓ Completed in (?:(\d+)m )?([\d.]+)s/.exec(build.output.split('generating static routes')[1] ?? '')?.slice(1).reduce((s, v, i) => s + (v ? Number(v) * (i === 0 ? 60 : 1) : 0), 0) ?? NaN);
  const indexMatch = /Search index: (\d+) records in (\d+) shard\(s\), ([\d.]+) s/.exec(build.output);
  const indexPeak = build.peakByStep['index-search.ts'] ?? NaN;
  const astroPeak = build.peakByStep['astro.mjs'] ?? NaN;

  const site = await openServedSite(dist, values.port);
  const { browser, base: baseURL } = site;
  try {
    const reference = loadReference(archive);
    const ids = recordIdsByNumber(dist);
    const queries = queryset(reference);

    // A fresh visit each: a common phrase (in most records), a typical term, and the
    // archive's most frequent pair alone (招商: 16 times in an average generated record),
    // whose look-up reads every position it has.
    const firsts: { q: string; first: Awaited<ReturnType<typeof firstSearch>> }[] = [];
    for (const q of ['招商引资', '河长制', '招商']) {
      const fresh = await browser.newContext({ baseURL });
      firsts.push({ q, first: await firstSearch(await fresh.newPage(), q) });
      await fresh.close();
    }

    const context = await browser.newContext({ baseURL });
    const searchPage = await context.newPage();
    await searchPage.goto('/search/');
    await pageQuery(searchPage, '招商引资'); // loads the engine: the following queries are warm
    const search = await openSearchHarness(await context.newPage());
    const rows: string[][] = [];
    const latencies: number[] = [];
    const repeats: number[] = [];
    const engineTimes: number[] = [];
    let allExact = true;
    for (const { q, what } of queries) {
      const { ms, engineMs } = await pageQuery(searchPage, q);
      latencies.push(ms);
      engineTimes.push(engineMs);
      // The same query again: its index chunks and result cards are now in the browser.
      repeats.push((await pageQuery(searchPage, q)).ms);
      const expected = literalMatches(reference, q);
      const found = new Set((await search(q)).records.map((n) => ids[n]!));
      const { recall, precision } = scoreQuery(expected, found);
      if (recall < 1 || precision < 1) allExact = false;
      rows.push([q, what, String(expected.size), String(found.size), recall.toFixed(2), precision.toFixed(2), ms.toFixed(0)]);
    }
    await context.close();

    // The same queries again on a fresh page (nothing preloaded or cached), typed.
    const typedContext = await browser.newContext({ baseURL });
    const typedPage = await typedContext.newPage();
    await typedPage.goto('/search/');
    await pageQuery(typedPage, '招商引资');
    const typed: number[] = [];
    for (const { q } of queries) typed.push(await typedQuery(typedPage, q));
    await typedContext.close();
    const plain = await plainLatencies(`${baseURL}/search/`, queries.map((q) => q.q));
    rows.forEach((row, i) => row.splice(6, 0, plain.latencies[i]!.toFixed(0)));

    const out: string[] = [];
    out.push(`## Search benchmark: ${count} records (seed ${values.seed}), ${new Date().toISOString().slice(0, 10)}`);
    out.push('');
    out.push('| step | wall time | peak memory |');
    out.push('| --- | --- | --- |');
    out.push(`| generate corpus | ${generateSeconds.toFixed(1)} s | — |`);
    out.push(`| build (check, then Astro pages and search index side by side) | ${build.seconds.toFixed(0)} s | ${build.peakMb.toFixed(0)} MB (whole process tree) |`);
    out.push(`| Astro pages | ${Number.isFinite(astroSeconds) ? `${astroSeconds.toFixed(0)} s` : '?'} | ${astroPeak.toFixed(0)} MB |`);
    out.push(`| search index (${indexMatch?.[2] ?? '?'} shards) | ${indexMatch?.[3] ?? '?'} s | ${indexPeak.toFixed(0)} MB |`);
    out.push('');
    const pagefindDir = join(dist, 'pagefind');
    const dataDir = join(dist, 'search-data');
    out.push(`index size: index ${mb(duBytes(pagefindDir))} + search data ${mb(duBytes(dataDir))} (site ${mb(duBytes(dist))})`);
    for (const { q, first } of firsts) {
      out.push(`first search (fresh visit to /search/?q=${q}): ${first.requests} requests, ${kb(first.total)} in all, of which search index and data ${kb(first.search)}; results shown after ${first.ms.toFixed(0)} ms`);
      out.push(`  (as a static host sends them, gzip for text: ${first.parts})`);
    }
    out.push(`query latency through the search page (submit → results shown), engine loaded, in Chromium: new query p50 ${percentile(plain.latencies, 50).toFixed(0)} ms, p95 ${percentile(plain.latencies, 95).toFixed(0)} ms; typed as an input method enters it and submitted ${TYPED_PAUSE_MS} ms later (looked up ahead meanwhile) p50 ${percentile(plain.typed, 50).toFixed(0)} ms, p95 ${percentile(plain.typed, 95).toFixed(0)} ms`);
    out.push(`  the same under Playwright, which reports every request to its driver: new query p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms; repeated query p50 ${percentile(repeats, 50).toFixed(0)} ms, p95 ${percentile(repeats, 95).toFixed(0)} ms`);
    out.push(`  a new query typed, under Playwright: p50 ${percentile(typed, 50).toFixed(0)} ms, p95 ${percentile(typed, 95).toFixed(0)} ms`);
    out.push(`  of a new query, the engine (index look-up, all-words, facets, ranking): p50 ${percentile(engineTimes, 50).toFixed(0)} ms, p95 ${percentile(engineTimes, 95).toFixed(0)} ms; the rest loads and draws ten result cards`);
    out.push('');
    out.push('| query | what | contain it | found | recall | precision | ms | ms under Playwright |');
    out.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const row of rows) out.push(`| ${row.join(' | ')} |`);
    out.push('');
    out.push(allExact ? 'every query: recall 1.00, precision 1.00' : 'SOME QUERIES MISSED OR OVERMATCHED (see the table)');
    console.log(out.join('\n'));
    if (!allExact) process.exitCode = 1;
  } finally {
    await site.close();
  }
}

if (!existsSync(join(root, 'node_modules', 'astro'))) {
  console.error('Run npm install first.');
  process.exit(2);
}
await main();
