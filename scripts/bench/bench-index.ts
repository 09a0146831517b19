/**
 * The search index step alone, at any size:
 *
 *   npm run bench:index -- --records 100000 [--shard 6000] [--out DIR]
 *
 * Generates N records, then runs the build's index step (src/search/build-index.ts,
 * exactly as the Astro integration calls it) in a child process, and prints wall time,
 * the peak memory of the whole process tree (Node and each Pagefind process), the
 * shards and the index size. It needs no site build, so it shows the index's memory at
 * 100,000 records in minutes.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../corpus/generate.ts';
import { buildSearchIndex } from '../../src/search/build-index.ts';
import { duBytes, runMeasured } from './measure.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { records: { type: 'string', default: '10000' }, shard: { type: 'string' }, out: { type: 'string' }, child: { type: 'boolean', default: false }, archive: { type: 'string' } } });

if (values.child) {
  // The measured part: what the integration does at the end of a build.
  const result = await buildSearchIndex({
    contentDir: values.archive!,
    outDir: values.out!,
    ...(values.shard ? { maxShard: Number(values.shard) } : {}),
    onShard: (s) => console.error(`shard ${s.name}: ${s.records} records in ${s.seconds.toFixed(1)} s`),
  });
  console.log(JSON.stringify(result));
} else {
  const count = Number(values.records);
  const work = resolve(values.out ?? join(root, '.tmp', `bench-index-${count}`));
  const archive = join(work, 'archive');
  const out = join(work, 'site');
  let started = performance.now();
  writeCorpus(archive, count);
  console.error(`generated ${count} records in ${((performance.now() - started) / 1000).toFixed(1)} s; indexing…`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  started = performance.now();
  const run = await runMeasured(process.execPath, [import.meta.filename, '--child', '--archive', archive, '--out', out, ...(values.shard ? ['--shard', values.shard] : [])], { echo: true });
  if (run.status !== 0) throw new Error(`indexing failed (exit ${run.status})`);
  const result = JSON.parse(run.output.trim().split('\n').pop()!) as { records: number; shards: number };
  const pagefindPeak = Object.entries(run.peakByProgram).filter(([name]) => name.startsWith('pagefind')).reduce((m, [, v]) => Math.max(m, v), 0);
  console.log(`## Search index: ${result.records} records in ${result.shards} shards`);
  console.log(`wall time ${run.seconds.toFixed(0)} s; peak memory ${run.peakMb.toFixed(0)} MB for the whole tree (Node ${(run.peakByProgram.node ?? 0).toFixed(0)} MB, one Pagefind process ${pagefindPeak.toFixed(0)} MB)`);
  console.log(`index size: Pagefind ${(duBytes(join(out, 'pagefind')) / 2 ** 20).toFixed(0)} MB, search data ${(duBytes(join(out, 'search-data')) / 2 ** 20).toFixed(0)} MB`);
}
