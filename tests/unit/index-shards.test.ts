import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { writeSyntheticArchive } from '../support/synthetic-archive.ts';

// The search index is built in shards; each can be built by its own job into a shared
// cache folder, and a last run assembles them. The result must be the index one run makes.
const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'archive-shards-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const archive = join(work, 'archive');
writeSyntheticArchive(archive, 10);

function indexSearch(args: string[], content = archive) {
  const result = spawnSync(process.execPath, [join(root, 'scripts/index-search.ts'), '--content', content, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ARCHIVE_SEARCH_SHARD_SIZE: '4' },
  });
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}\n${result.stderr}` };
}

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    try {
      const bytes = readFileSync(join(dir, rel));
      out.set(rel, (rel.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('base64'));
    } catch {
      // A folder.
    }
  }
  return out;
}

describe('search shards built by separate jobs', () => {
  test('--plan lists the shards; jobs build them with --only; the last run reuses them and equals a single run', () => {
    const plan = indexSearch(['--plan']);
    expect(plan.status, plan.output).toBe(0);
    const labels = plan.stdout.trim().split('\n').map((line) => line.split('\t')[0]!);
    expect(labels.length).toBeGreaterThan(2);

    const cache = join(work, 'cache');
    for (const label of labels) {
      const job = indexSearch(['--out', join(work, `job-${label}`), '--cache', cache, '--only', label]);
      expect(job.status, job.output).toBe(0);
      expect(job.output).toContain(`search shard ${label}:`);
    }
    const assembled = indexSearch(['--out', join(work, 'assembled'), '--cache', cache]);
    expect(assembled.status, assembled.output).toBe(0);
    expect(assembled.output.match(/records unchanged, reused/g)).toHaveLength(labels.length);

    const single = indexSearch(['--out', join(work, 'single')]);
    expect(single.status, single.output).toBe(0);
    const a = files(join(work, 'assembled'));
    const b = files(join(work, 'single'));
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect([...b.keys()].filter((path) => a.get(path) !== b.get(path))).toEqual([]);
  });

  test('an unknown shard name is refused with the names there are', () => {
    const job = indexSearch(['--out', join(work, 'bad'), '--cache', join(work, 'bad-cache'), '--only', 's9-1999']);
    expect(job.status).not.toBe(0);
    expect(job.output).toContain('No search shard is named s9-1999; this archive\'s shards are s0-');
  });

  test('patches: a shard keeps its index while few records change, and its documents follow every change, a reverted one too', () => {
    const content = join(work, 'patched-archive');
    writeSyntheticArchive(content, 10);
    const cache = join(work, 'patched-cache');
    const out = join(work, 'patched');
    const run = () => {
      const result = indexSearch(['--out', out, '--cache', cache], content);
      expect(result.status, result.output).toBe(0);
      return result.output;
    };
    run();
    // Two records of one shard (2017: synthetic records 2 and 6, four to a shard here).
    const recordFiles = readdirSync(join(content, 'records', '2017')).filter((f) => /-t0000[26]\.md$/.test(f)).map((f) => join(content, 'records', '2017', f));
    expect(recordFiles).toHaveLength(2);
    const originals = recordFiles.map((f) => readFileSync(f, 'utf8'));
    recordFiles.forEach((f, i) => writeFileSync(f, `${originals[i]}\n补正第${i + 1}处。\n`));
    expect(run()).toMatch(/2 changed since its index was built, patched/);
    // One change reverted: the patch holds the other, and that record's document is its own again.
    writeFileSync(recordFiles[1]!, originals[1]!);
    expect(run()).toMatch(/1 changed since its index was built, patched/);
    const manifest = JSON.parse(readFileSync(join(out, 'search-data/manifest.json'), 'utf8')) as { shards: { base: number; patch?: { path: string; pages: number[] } }[] };
    const patched = manifest.shards.filter((shard) => shard.patch);
    expect(patched).toHaveLength(1);
    const position = patched[0]!.base + patched[0]!.patch!.pages[0]!;
    const doc = JSON.parse(gunzipSync(readFileSync(join(out, 'search-data/doc', `${position}.json.gz`))).toString()) as { id: string };
    expect(recordFiles[0]).toContain(doc.id);

    // The documents and facets equal those of an index built without a cache, byte for byte.
    // So do they when the patched shard is next restored from the cache, with its patch.
    const fresh = join(work, 'patched-fresh');
    expect(indexSearch(['--out', fresh], content).status).toBe(0);
    const b = files(join(fresh, 'search-data'));
    for (const again of [false, true]) {
      if (again) expect(run()).toMatch(/records unchanged, reused/);
      const a = files(join(out, 'search-data'));
      expect([...a.keys()]).toEqual([...b.keys()]);
      expect([...b.keys()].filter((path) => path !== 'manifest.json' && a.get(path) !== b.get(path))).toEqual([]);
    }
    expect(readdirSync(join(out, 'pagefind'))).toContain(patched[0]!.patch!.path.split('/')[2]);
  });
});
