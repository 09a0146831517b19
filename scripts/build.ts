/**
 * Builds the archive site: checks every record first, then builds the pages (Astro) and
 * the search index (scripts/index-search.ts) side by side into staging folders, and
 * only when both succeed replaces the output folder. A bad record or a failed step never
 * leaves a half-built site behind.
 *
 * Env: ARCHIVE_CONTENT_DIR (archive folder, default content/), ARCHIVE_DIST_DIR (output, default dist/).
 */
import { spawn } from 'node:child_process';
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

const searchStaging = `${staging}.search`;
const cleanUp = () => {
  rmSync(staging, { recursive: true, force: true });
  rmSync(searchStaging, { recursive: true, force: true });
};
cleanUp();

const running = new Set<ReturnType<typeof spawn>>();
let firstFailure: { name: string; code: number } | undefined;
/**
 * Runs a Node script on this same Node (22), whatever `node` the PATH would find. When
 * one step fails the other is stopped: the build has failed either way.
 */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ name: string; code: number | null }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    running.add(child);
    child.on('close', (code, signal) => {
      running.delete(child);
      const result = { name: args[0]!, code: code ?? (signal ? 1 : 0) };
      if (result.code !== 0 && !firstFailure) {
        firstFailure = result;
        for (const other of running) other.kill();
      }
      done(result);
    });
  });
}

// One Astro cache per archive folder, so building another archive never mixes records.
const cacheDir = resolve(root, 'node_modules/.astro', createHash('sha256').update(archive).digest('hex').slice(0, 12));
// The pages and the search index are built at the same time, one per core: the index
// is made from the records, not from the pages (src/search/build-index.ts).
const results = await Promise.all([
  run([resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    ARCHIVE_CONTENT_DIR: archive,
    ARCHIVE_OUT_DIR: staging,
    ARCHIVE_CACHE_DIR: cacheDir,
    ARCHIVE_CONTENT_CHECKED: '1',
    ARCHIVE_SEARCH_INDEX: 'separate',
  }),
  run([resolve(root, 'scripts/index-search.ts'), '--content', archive, '--out', searchStaging], {}),
]);
const failed = firstFailure ?? results.find((r) => r.code !== 0);
if (failed) {
  cleanUp();
  const step = failed.name.endsWith('index-search.ts') ? 'The search index' : 'The build';
  console.error(`✖ ${step} failed (exit ${failed.code}); ${existsSync(finalDir) ? `the previous ${finalDir} is unchanged` : `no ${finalDir} was written`}.`);
  process.exit(failed.code || 1);
}
for (const part of ['pagefind', 'search-data']) renameSync(resolve(searchStaging, part), resolve(staging, part));
rmSync(searchStaging, { recursive: true, force: true });
rmSync(finalDir, { recursive: true, force: true });
renameSync(staging, finalDir);
console.error(`✔ Built ${check.recordCount} records into ${finalDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
