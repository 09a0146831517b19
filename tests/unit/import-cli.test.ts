import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/import-cases.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'import-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync('npx', ['node', 'scripts/import/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

const letter = join(FIXTURES, 'seed-003-huaibei-broken-date', '003_2abdf53516f4d64d.txt');
const form = join(FIXTURES, 'seed-002-ziyang-form', '002_21c136a10f6fe815.txt');

describe('npm run import', () => {
  it('exits 2 with usage for bad usage', () => {
    for (const args of [[], ['--nonsense', letter], [join(work, 'missing.txt')]]) {
      const run = cli(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('usage: npm run import');
    }
  });

  it('exits 0 and writes one record per page, summarised on stderr', () => {
    const out = join(work, 'ok');
    const run = cli(letter, form, '--out', out);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(out, '2022'))).toEqual(['2022-cppcc-11-1-20-694a26.md']);
    expect(run.stderr).toMatch(/pages read: 2\nrecords written: 2\npages rejected: 0\nflags: .*broken-date 1.*\ntime: /);
  });

  it('exits 1 when a page is rejected, and still writes the others', () => {
    const dir = join(work, 'mixed');
    const out = join(work, 'mixed-out');
    rmSync(dir, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', dir]);
    copyFileSync(letter, join(dir, 'a.txt'));
    writeFileSync(join(dir, 'b.txt'), '');
    const run = cli(dir, '--out', out, '--json');
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.ok, l.status])).toEqual([[true, 'written'], [false, 'rejected']]);
    expect(lines[1].errors[0].message).toMatch(/empty/);
    expect(run.stderr).toMatch(/pages rejected: 1\n .*b\.txt: the file is empty/);
    expect(readdirSync(join(out, '2022'))).toHaveLength(1);
  });

  it('prints one JSON object per input with the fields of the issue', () => {
    const run = cli(letter, '--json', '--dry-run', '--out', join(work, 'dry'));
    expect(run.status).toBe(0);
    const [line] = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(Object.keys(line)).toEqual(['source', 'ok', 'status', 'written', 'record', 'flags', 'warnings', 'errors']);
    expect(line.status).toBe('would-write');
    const r = line.record;
    expect(Object.keys(r).slice(0, 13)).toEqual(['id', 'kind', 'title', 'proposers', 'number', 'session', 'proposalTitle', 'handlingUnit', 'coUnits', 'replyDate', 'published', 'docNo', 'category']);
    expect(r).toMatchObject({
      kind: 'cppcc-proposal-reply',
      proposers: [{ name: '高斌', role: '委员' }],
      number: '20',
      session: { body: 'cppcc', level: '市', term: 11, meeting: 1, place: '淮北市' },
      handlingUnit: '淮北市投资促进中心',
      coUnits: [],
      replyDate: '2022-06-08',
      published: '2022-06-20',
      docNo: null,
      category: null,
    });
    expect(typeof r.body).toBe('string');
    expect(line.flags.map((f: { type: string }) => f.type)).toContain('broken-date');
    expect(readdirSync(work)).not.toContain('dry');
  });

  it('gives byte-identical output on re-import, and does not overwrite a changed record without --force', () => {
    const out = join(work, 'again');
    expect(cli(letter, '--out', out).status).toBe(0);
    const file = join(out, '2022', '2022-cppcc-11-1-20-694a26.md');
    const first = readFileSync(file, 'utf8');
    const second = cli(letter, '--out', out);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('(unchanged)');
    expect(readFileSync(file, 'utf8')).toBe(first);

    writeFileSync(file, `${first}\n编辑过的内容\n`);
    const refused = cli(letter, '--out', out);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/already exists with different content; it was not overwritten\. Hint: pass --force/);
    expect(readFileSync(file, 'utf8')).toContain('编辑过的内容');

    expect(cli(letter, '--out', out, '--force').status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(first);
  });

  it('imports on several threads exactly as on one: the same records, listing and summary, the first of two captures kept', () => {
    // Every importer fixture, and a second capture of one reply after it: with workers,
    // results still come back in input order, so the same capture is kept.
    const dir = join(work, 'threads-in');
    rmSync(dir, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', dir]);
    let n = 0;
    for (const name of readdirSync(FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
      for (const file of readdirSync(join(FIXTURES, name)).filter((f) => /^\d{3}_.*\.(txt|html?)$|^input\.(txt|html?)$/.test(f))) {
        copyFileSync(join(FIXTURES, name, file), join(dir, `${String(n++).padStart(3, '0')}-${file}`));
      }
    }
    copyFileSync(letter, join(dir, `${String(n++).padStart(3, '0')}-letter.txt`));
    writeFileSync(join(dir, `${String(n++).padStart(3, '0')}-letter-again.txt`), readFileSync(letter, 'utf8').replace('答复', '答覆'));
    expect(n).toBeGreaterThan(20);
    const runs = [1, 3].map((threads) => {
      const out = join(work, `threads-${threads}`);
      const run = cli(dir, '--out', out, '--threads', String(threads));
      const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));
      return {
        status: run.status,
        // The listing names records relative to the working folder, its messages in full.
        stdout: run.stdout.replaceAll(out, 'OUT').replaceAll(relative(ROOT, out), 'OUT'),
        summary: run.stderr.replaceAll(out, 'OUT').replace(/time: .*/, ''),
        records: files(out).sort().map((f) => [f, readFileSync(join(out, f), 'utf8')]),
      };
    });
    expect(runs[0]!.stdout).toContain('another page in this run produced the same record');
    expect(runs[1]).toEqual(runs[0]);
    expect(cli(letter, '--threads', '0').stderr).toContain('--threads is "0"');
  });
});
