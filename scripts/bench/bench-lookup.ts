/**
 * Times the exact search of a phrase on each search index of a built site, once its chunks
 * are loaded, two ways:
 *
 *   npm run bench:lookup -- --dist .tmp/bench-search-30000/dist
 *
 * - Pagefind's own look-up (its WebAssembly, in Chromium). Pagefind 1.6's exact search
 *   (pagefind_web's `exact_term`) goes through every posting of every token for each page
 *   it found, so its time follows R × P, the pages found times the postings of the
 *   query's tokens (for each token the pages that hold it, summed): the square of the
 *   records in an index for a phrase most records hold.
 * - The archive's (src/search/phrase-match.ts, on postings read by
 *   src/search/pagefind-index.ts), in Node's V8, the engine Chromium runs it in: one walk
 *   over the sorted postings, R + P.
 *
 * Both must find the same pages; a difference is printed and fails the run. Since every
 * word position takes two of Pagefind's (src/search/index-content.ts `LANES`), Pagefind's
 * own search can be asked only for queries the index holds as one token (a name's quad,
 * a single character); the others are timed by the archive alone. The README quotes this
 * benchmark from before the lanes, when Pagefind could be asked for every phrase.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PagefindIndex, type Postings } from '../../src/search/pagefind-index.ts';
import { matchPhrase } from '../../src/search/phrase-match.ts';
import { heldAt, phraseProbes } from '../../src/search/phrase-probes.ts';
import { parseQuery } from '../../src/search/query.ts';
import type { SearchManifest } from '../../src/search/data.ts';
import { pagefindFilesOnDisk } from '../lib/pagefind-files.ts';
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
const frequent = new Set(manifest.frequentTokens);

/**
 * A query's one token as the index holds it, for Pagefind's own exact search; null when
 * the index holds the query as several tokens. Every word position takes two of
 * Pagefind's (src/search/index-content.ts `LANES`), with a gap between two words, and
 * Pagefind's query parser drops a gap, so it can no longer be asked for a phrase of
 * several tokens: such a query is timed by the archive alone.
 */
function indexForm(tokens: readonly string[]): string[] | null {
  if (tokens.length === 1 && !tokens[0]!.startsWith('b')) return [tokens[0]!];
  const held = tokens[0]?.startsWith('b') ? heldAt(tokens, 0, frequent) : null;
  return held && held.reach >= tokens.length ? [held.token] : null;
}

const queries = values.queries.split(',').map((q) => ({ q, tokens: parseQuery(q)[0]!.tokens[0]! }));
const pagefindQueries = queries.flatMap(({ q, tokens }) => {
  const form = indexForm(tokens);
  return form ? [{ q, tokens: form }] : [];
});

const site = await openServedSite(dist, values.port);
const { browser, base } = site;
try {
  const rows: string[] = [];
  const units: number[] = [];
  const mismatches: string[] = [];
  for (const index of manifest.indexes) {
    // A page of its own per index: Pagefind's module holds one index and its merges. The
    // site's policy allows no WebAssembly (it runs none); Pagefind's own code needs it.
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
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
      { path: index.path, queries: pagefindQueries },
    );
    await page.context().close();
    const { file, json } = pagefindFilesOnDisk(dist);
    const own = await PagefindIndex.open(index.path, file, json);
    for (const { q, tokens: queryTokens } of queries) {
      // The tokens the site's look-up reads (every other pair of a long phrase, triples).
      const { tokens, offsets } = phraseProbes(queryTokens, frequent);
      const postings = await Promise.all(tokens.map((t) => own.postings(t)));
      const times: number[] = [];
      let ownFound = 0;
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        ownFound = postings.every((p) => p) ? matchPhrase(postings as Postings[], offsets).length / 2 : 0;
        times.push(performance.now() - started);
      }
      const ownMs = times.sort((a, b) => a - b)[2]!.toFixed(2);
      const m = measured.find((x) => x.q === q);
      if (!m) {
        rows.push(`| ${index.path} | ${index.count} | ${q} | ${tokens.length} | ${ownFound} | — | — | — (several tokens) | ${ownMs} |`);
        continue;
      }
      if (ownFound !== m.found) mismatches.push(`${index.path} ${q}: Pagefind ${m.found}, the archive ${ownFound}`);
      const product = m.found * m.postings;
      if (product > 5e6) units.push((m.ms * 1e6) / product);
      rows.push(`| ${index.path} | ${index.count} | ${q} | ${m.tokens} | ${m.found} | ${m.postings} | ${(product / 1e6).toFixed(1)} | ${m.ms.toFixed(1)} | ${ownMs} |`);
    }
  }
  units.sort((a, b) => a - b);
  console.log(`## Exact look-up, index chunks loaded (${dist}, ${new Date().toISOString().slice(0, 10)})\n`);
  console.log('| index | pages | query | tokens | found (R) | postings (P) | R × P (millions) | Pagefind ms (median of 3) | archive ms (median of 5) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(rows.join('\n'));
  if (units.length) console.log(`\nPagefind, where R × P exceeds 5 million: ${units[0]!.toFixed(1)}–${units[units.length - 1]!.toFixed(1)} ns per unit of R × P (median ${units[Math.floor(units.length / 2)]!.toFixed(1)})`);
  if (mismatches.length) {
    console.error(`The two look-ups disagree:\n${mismatches.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  await site.close();
}
