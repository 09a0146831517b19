/**
 * Builds the archive site: checks every record first, builds into a staging folder,
 * indexes it, and only then replaces the output folder. A bad record or a failed step
 * never leaves a half-built site behind.
 *
 * Env: ARCHIVE_CONTENT_DIR (archive folder, default content/), ARCHIVE_DIST_DIR (output, default dist/).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../src/lib/content-dir.ts';
import { renderProblems } from '../src/validation/format-issues.ts';
import { validateArchive } from '../src/validation/validate-archive.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const archive = contentDir(root);
const finalDir = resolve(process.env.ARCHIVE_DIST_DIR || resolve(root, 'dist'));
const staging = `${finalDir}.staging-${process.pid}`;
const started = performance.now();

const check = validateArchive(archive, process.cwd());
if (check.problems.length) {
  console.error(`✖ The archive at ${archive} has ${check.problems.length} problem(s); nothing was built:\n${renderProblems(check.problems)}`);
  process.exit(1);
}
console.error(`✔ ${check.recordCount} records checked in ${archive}`);
if (check.warnings.length) console.error(`⚠ ${check.warnings.length} warning(s) to review (the build goes on):\n${renderProblems(check.warnings)}`);

rmSync(staging, { recursive: true, force: true });
// One Astro cache per archive folder, so building another archive never mixes records.
const cacheDir = resolve(root, 'node_modules/.astro', createHash('sha256').update(archive).digest('hex').slice(0, 12));
// Run Astro on this same Node (22), whatever `node` the PATH would find.
const result = spawnSync(process.execPath, [resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    ARCHIVE_CONTENT_DIR: archive,
    ARCHIVE_OUT_DIR: staging,
    ARCHIVE_CACHE_DIR: cacheDir,
    ARCHIVE_CONTENT_CHECKED: '1',
  },
});
if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`✖ The build failed (exit ${result.status ?? result.signal}); ${existsSync(finalDir) ? `the previous ${finalDir} is unchanged` : `no ${finalDir} was written`}.`);
  process.exit(result.status || 1);
}
rmSync(finalDir, { recursive: true, force: true });
renameSync(staging, finalDir);
console.error(`✔ Built ${check.recordCount} records into ${finalDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
