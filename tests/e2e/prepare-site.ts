/**
 * Builds the site the browser tests run against (.tmp/e2e/dist): the demo archive's
 * records plus synthetic ones, with a small page size so that lists paginate.
 * Uses the real build (scripts/build.ts) with ARCHIVE_CONTENT_DIR.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeHostileArchive } from '../support/hostile-archive.ts';
import { writeSyntheticArchive } from '../support/synthetic-archive.ts';

const root = resolve(import.meta.dirname, '../..');
// E2E_DIR lets two test runs on one machine keep apart (default .tmp/e2e).
const work = resolve(root, process.env.E2E_DIR ?? '.tmp/e2e');
const archive = resolve(work, 'archive');
rmSync(work, { recursive: true, force: true });
writeSyntheticArchive(archive, 27, { name: '浏览器测试档案', pageSize: 5 });
cpSync(resolve(root, 'content/records'), resolve(archive, 'records'), { recursive: true });

function build(content: string, dist: string): string {
  const result = spawnSync(process.execPath, [resolve(root, 'scripts/build.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ARCHIVE_CONTENT_DIR: content, ARCHIVE_DIST_DIR: dist, ARCHIVE_CACHE_DIR: `${dist}.cache`, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (result.status !== 0) process.exit(result.status ?? 1);
  return result.stderr;
}

// The site is built, then one record is corrected and the site built again, so that the
// browser tests search an index with a patch (src/search/build-index.ts): the corrected
// record's old text must no longer be found, its new text must (tests/e2e/search.spec.ts).
const corrected = resolve(archive, 'records/2015', readdirSync(resolve(archive, 'records/2015')).find((f) => f.endsWith('-t00020.md'))!);
const original = readFileSync(corrected, 'utf8');
writeFileSync(corrected, `${original}\n原定安排：湖滨栈道改造暂缓实施。\n`);
build(archive, resolve(work, 'dist'));
writeFileSync(corrected, `${original}\n补正说明：湖滨栈道改造已经完工。\n`);
if (!/patched/.test(build(archive, resolve(work, 'dist')))) {
  console.error('The corrected record was not indexed as a patch: the browser tests would not search a patched index.');
  process.exit(1);
}

// A second site whose records try to inject markup and script (tests/e2e/hostile.spec.ts).
const hostile = resolve(work, 'hostile-archive');
writeHostileArchive(hostile);
build(hostile, resolve(work, 'hostile-dist'));
