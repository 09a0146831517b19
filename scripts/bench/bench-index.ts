/**
 * The search index step alone, at any size:
 *
 *   npm run bench:index -- --records 100000 [--shard 6000] [--out DIR]
 *
 * Generates N records, then runs the build's own index step (scripts/index-search.ts,
 * as scripts/build.ts runs it) and prints wall time, the peak memory of the whole process
 * tree, the shards and the index size. It needs no site
 * build, so it shows the index's memory at 100,000 records in minutes.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../corpus/generate.ts';
import { duBytes, runMeasured } from './measure.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { records: { type: 'string', default: '10000' }, shard: { type: 'string' }, out: { type: 'string' } } });
const count = Number(values.records);
if (!Number.isInteger(count) || count < 1) {
  console.error('Usage: npm run bench:index -- --records N [--shard S] [--out DIR]');
  process.exit(2);
}
const work = resolve(values.out ?? join(root, '.tmp', `bench-index-${count}`));
const archive = join(work, 'archive');
const out = join(work, 'site');
const started = performance.now();
writeCorpus(archive, count);
console.error(`generated ${count} records in ${((performance.now() - started) / 1000).toFixed(1)} s; indexing…`);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const run = await runMeasured(process.execPath, [join(root, 'scripts/index-search.ts'), '--content', archive, '--out', out], {
  echo: true,
  env: { ...process.env, ...(values.shard ? { ARCHIVE_SEARCH_SHARD_SIZE: values.shard } : {}) },
});
if (run.status !== 0) throw new Error(`indexing failed (exit ${run.status})`);
const result = JSON.parse(run.output.trim().split('\n').pop()!) as { records: number; shards: number };
console.log(`## Search index: ${result.records} records in ${result.shards} shards`);
console.log(`wall time ${run.seconds.toFixed(0)} s; peak memory ${run.peakMb.toFixed(0)} MB for the whole process tree`);
console.log(`index size: index ${(duBytes(join(out, 'pagefind')) / 2 ** 20).toFixed(0)} MB, search data ${(duBytes(join(out, 'search-data')) / 2 ** 20).toFixed(0)} MB`);
