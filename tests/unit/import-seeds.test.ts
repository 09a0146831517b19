import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { listRecordFiles } from '../../src/validation/validate-archive.ts';
import { importCases } from '../support/import-cases.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const RECORDS = join(ROOT, 'content', 'records');

describe('the demo archive', () => {
  const out = mkdtempSync(join(tmpdir(), 'seeds-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is exactly what importing the seed pages produces', () => {
    const seeds = importCases().filter((c) => c.name.startsWith('seed-'));
    expect(seeds).toHaveLength(5);
    const run = spawnSync('npx', ['node', 'scripts/import/cli.ts', ...seeds.map((c) => join(c.dir, c.input)), '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const produced = listRecordFiles(out).map((f) => f.slice(out.length + 1));
    const archived = listRecordFiles(RECORDS).map((f) => f.slice(RECORDS.length + 1));
    expect(produced).toEqual(archived);
    for (const rel of produced) expect(readFileSync(join(out, rel), 'utf8'), rel).toBe(readFileSync(join(RECORDS, rel), 'utf8'));
  });
});
