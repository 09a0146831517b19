import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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

function indexSearch(args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'scripts/index-search.ts'), '--content', archive, ...args], {
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
});
