/**
 * Builds an archive's search index on its own (src/search/build-index.ts):
 *
 *   node scripts/index-search.ts --content DIR --out DIR [--cache DIR] [--only LABEL,…]
 *   node scripts/index-search.ts --content DIR --plan
 *
 * scripts/build.ts runs this beside Astro, on the other core: the index is made from the
 * records, not from the rendered pages, so it need not wait for them. Writes
 * DIR/pagefind/ and DIR/search-data/, and prints a JSON summary on its last line.
 * With --cache, shards whose records have not changed since the last build are reused.
 * --plan prints the shards (one label per line, with its record count); --only builds just
 * those shards into the cache, so shards can be built by separate jobs or machines and a
 * last run (or `npm run build` with ARCHIVE_CACHE_DIR) assembles them (README: Performance).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { buildSearchIndex, planSearchShards } from '../src/search/build-index.ts';

const USAGE = 'Usage: node scripts/index-search.ts --content DIR (--out DIR [--cache DIR] [--only LABEL,…] | --plan)';
const { values } = parseArgs({ options: { content: { type: 'string' }, out: { type: 'string' }, cache: { type: 'string' }, only: { type: 'string' }, plan: { type: 'boolean' } } });
if (!values.content || (!values.out && !values.plan)) {
  console.error(USAGE);
  process.exit(2);
}
if (values.plan) {
  for (const shard of planSearchShards(resolve(values.content))) console.log(`${shard.label}\t${shard.records}`);
  process.exit(0);
}
const started = performance.now();
const result = await buildSearchIndex({
  contentDir: resolve(values.content),
  outDir: resolve(values.out!),
  cacheDir: values.cache ? resolve(values.cache) : undefined,
  onlyShards: values.only ? values.only.split(',').filter(Boolean) : undefined,
  log: (message) => console.error(message),
});
console.error(`✔ Search index: ${result.records} records in ${result.shards} shard(s), ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(JSON.stringify(result));
