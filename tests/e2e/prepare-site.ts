/**
 * Builds the site the browser tests run against (.tmp/e2e/dist): the demo archive's
 * records plus synthetic ones, with a small page size so that lists paginate.
 * Uses the real build (scripts/build.ts) with ARCHIVE_CONTENT_DIR.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
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

function build(content: string, dist: string): void {
  const result = spawnSync(process.execPath, [resolve(root, 'scripts/build.ts')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ARCHIVE_CONTENT_DIR: content, ARCHIVE_DIST_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
build(archive, resolve(work, 'dist'));

// A second site whose records try to inject markup and script (tests/e2e/hostile.spec.ts).
const hostile = resolve(work, 'hostile-archive');
writeHostileArchive(hostile);
build(hostile, resolve(work, 'hostile-dist'));
