/**
 * Times Pagefind's own look-up, the WebAssembly search that runs once its index chunks
 * are loaded, on each shard of a built site, in Chromium:
 *
 *   npm run bench:lookup -- --dist .tmp/bench-search-30000/dist
 *
 * For each query and shard it prints the pages found (R), the postings of the query's
 * tokens (P: for each token the pages that hold it, summed) and the look-up's time. Pagefind
 * 1.6's exact search (pagefind_web's `exact_term`) goes through every posting of every
 * token for each page it found, so its time follows R × P: it grows with the square of
 * the records in a shard for a phrase most records hold. This is what a new query at
 * 30,000 records spends most of its time on (npm run bench:search).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseQuery } from '../../src/search/query.ts';
import type { SearchManifest } from '../../src/search/data.ts';
import { openServedSite } from '../lib/served-site.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    port: { type: 'string', default: '4338' },
    queries: { type: 'string', default: '王玲玲,河长制,水利局,内生动力,招商引资,答复,十三届二次会议,续提出宝贵,商' },
  },
});
if (!values.dist) {
  console.error('Usage: npm run bench:lookup -- --dist DIR   (a built site, e.g. .tmp/bench-search-30000/dist)');
  process.exit(2);
}
const dist = resolve(values.dist);
const manifest = JSON.parse(readFileSync(join(dist, 'search-data/manifest.json'), 'utf8')) as SearchManifest;
const queries = values.queries.split(',').map((q) => ({ q, tokens: parseQuery(q)[0]!.tokens[0]! }));

const site = await openServedSite(dist, values.port);
const { browser, base } = site;
try {
  const rows: string[] = [];
  const units: number[] = [];
  for (const shard of manifest.shards) {
    // A page of its own per shard: Pagefind's module holds one index and its merges.
    const page = await (await browser.newContext()).newPage();
    // The search page's content security policy allows Pagefind's WebAssembly.
    await page.goto(`${base}/search/`);
    const measured = await page.evaluate(
      async ({ path, queries }) => {
        const pf = await import(/* @vite-ignore */ `${path}pagefind.js`);
        await pf.options({ excerptLength: 0, noWorker: true });
        await pf.init();
        const time = async (term: string) => {
          await pf.preload(term);
          const times: number[] = [];
          let found = 0;
          for (let i = 0; i < 3; i++) {
            const started = performance.now();
            found = (await pf.search(term)).results.length;
            times.push(performance.now() - started);
          }
          return { found, ms: times.sort((a, b) => a - b)[1]! };
        };
        // Once before timing: the browser compiles WebAssembly in tiers, the first calls slower.
        for (const { tokens } of queries) await time(`"${tokens.join(' ')}"`);
        const out = [];
        for (const { q, tokens } of queries) {
          let postings = 0;
          for (const t of new Set(tokens)) postings += (await time(`"${t}"`)).found;
          out.push({ q, tokens: tokens.length, postings, ...(await time(`"${tokens.join(' ')}"`)) });
        }
        return out;
      },
      { path: shard.path, queries },
    );
    await page.context().close();
    for (const m of measured) {
      const product = m.found * m.postings;
      if (product > 5e6) units.push((m.ms * 1e6) / product);
      rows.push(`| ${shard.path} | ${shard.count} | ${m.q} | ${m.tokens} | ${m.found} | ${m.postings} | ${(product / 1e6).toFixed(1)} | ${m.ms.toFixed(1)} |`);
    }
  }
  units.sort((a, b) => a - b);
  console.log(`## Pagefind look-up, index chunks loaded (${dist}, ${new Date().toISOString().slice(0, 10)})\n`);
  console.log('| shard | pages | query | tokens | found (R) | postings (P) | R × P (millions) | look-up ms (median of 3) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(rows.join('\n'));
  if (units.length) console.log(`\nwhere R × P exceeds 5 million: ${units[0]!.toFixed(1)}–${units[units.length - 1]!.toFixed(1)} ns per unit of R × P (median ${units[Math.floor(units.length / 2)]!.toFixed(1)})`);
} finally {
  await site.close();
}
