/**
 * Generates the scale test's archive (SCALE_RECORDS records, default 10,000) with the
 * corpus generator and builds it with the real build (scripts/build.ts) into
 * .tmp/scale/dist, which playwright.scale.config.ts serves.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { writeCorpus } from '../../scripts/corpus/generate.ts';
import { scaleDir } from './scale-dir.ts';

const root = resolve(import.meta.dirname, '../..');
const count = Number(process.env.SCALE_RECORDS ?? 10_000);
const archive = resolve(scaleDir, 'archive');
let started = performance.now();
writeCorpus(archive, count);
console.error(`✔ Generated ${count} records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
started = performance.now();
const result = spawnSync(process.execPath, [resolve(root, 'scripts/build.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ARCHIVE_CONTENT_DIR: archive, ARCHIVE_DIST_DIR: resolve(scaleDir, 'dist'), ASTRO_TELEMETRY_DISABLED: '1' },
});
if (result.status !== 0) process.exit(result.status ?? 1);
console.error(`✔ Built the scale archive in ${((performance.now() - started) / 1000).toFixed(1)} s`);
