/**
 * Builds the site the browser tests run against (.tmp/e2e/dist): the demo archive's
 * records plus synthetic ones, with a small page size so that lists paginate.
 * Uses the real build (scripts/build.ts) with ARCHIVE_CONTENT_DIR.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeSyntheticArchive } from '../support/synthetic-archive.ts';

const root = resolve(import.meta.dirname, '../..');
const work = resolve(root, '.tmp/e2e');
const archive = resolve(work, 'archive');
rmSync(work, { recursive: true, force: true });
writeSyntheticArchive(archive, 27, { name: '浏览器测试档案', pageSize: 5 });
cpSync(resolve(root, 'content/records'), resolve(archive, 'records'), { recursive: true });

const result = spawnSync(process.execPath, [resolve(root, 'scripts/build.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ARCHIVE_CONTENT_DIR: archive, ARCHIVE_DIST_DIR: resolve(work, 'dist'), ASTRO_TELEMETRY_DISABLED: '1' },
});
process.exit(result.status ?? 1);
