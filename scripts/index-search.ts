/**
 * Builds an archive's search index on its own (src/search/build-index.ts):
 *
 *   node scripts/index-search.ts --content DIR --out DIR
 *
 * scripts/build.ts runs this beside Astro, on the other core: the index is made from the
 * records, not from the rendered pages, so it need not wait for them. Writes
 * DIR/pagefind/ and DIR/search-data/, and prints a JSON summary on its last line.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { buildSearchIndex } from '../src/search/build-index.ts';

const { values } = parseArgs({ options: { content: { type: 'string' }, out: { type: 'string' } } });
if (!values.content || !values.out) {
  console.error('Usage: node scripts/index-search.ts --content DIR --out DIR');
  process.exit(2);
}
const started = performance.now();
const result = await buildSearchIndex({
  contentDir: resolve(values.content),
  outDir: resolve(values.out),
  log: (message) => console.error(message),
});
console.error(`✔ Search index: ${result.records} records in ${result.shards} shard(s), ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(JSON.stringify(result));
