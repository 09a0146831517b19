/**
 * Writes a synthetic archive for benchmarks and scale tests:
 *
 *   npm run generate:corpus -- --count 10000 --out .tmp/corpus-10k [--seed 1]
 *
 * The same count and seed always give the same archive (archive.yaml + records/<year>/<id>.md).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './records.ts';

/** Writes the archive settings (archive.yaml) of a generated archive of `count` records into `out`. */
export function writeArchiveSettings(out: string, count: number): void {
  writeFileSync(
    join(out, 'archive.yaml'),
    [
      'name: 合成测试档案',
      `description: 由 scripts/corpus 生成的 ${count} 条合成记录，用于检索和性能测试。`,
      'office: 测试办公室',
      'region: 安徽省宣城市、淮北市，陕西省紫阳县等（合成）',
      'baseUrl: https://corpus.example.org/',
      'contact: 合成数据，仅供测试。',
      'pageSize: 20',
      '',
    ].join('\n'),
  );
}

/** Writes `count` records and the archive settings into `out` (emptied first). */
export function writeCorpus(out: string, count: number, seed = 1): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'records'), { recursive: true });
  writeArchiveSettings(out, count);
  const years = new Set<number>();
  for (const record of generateCorpus({ seed, count })) {
    if (!years.has(record.year)) {
      mkdirSync(join(out, 'records', String(record.year)), { recursive: true });
      years.add(record.year);
    }
    writeFileSync(join(out, 'records', String(record.year), `${record.id}.md`), record.source);
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  const count = Number(values.count);
  if (!values.out || !Number.isInteger(count) || count < 1) {
    console.error('Usage: npm run generate:corpus -- --count N --out DIR [--seed S]');
    process.exit(2);
  }
  const started = performance.now();
  writeCorpus(resolve(values.out), count, Number(values.seed));
  console.error(`✔ Wrote ${count} records to ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
