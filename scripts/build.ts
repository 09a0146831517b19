/**
 * Builds the archive site: checks every record first, then builds the pages (Astro) and
 * the search index (scripts/index-search.ts) side by side into staging folders, and
 * only when both succeed replaces the output folder. A bad record or a failed step never
 * leaves a half-built site behind.
 *
 * Env: ARCHIVE_CONTENT_DIR (archive folder, default content/), ARCHIVE_DIST_DIR (output, default dist/),
 * ARCHIVE_CACHE_DIR (what one build keeps for the next; default node_modules/.astro/<archive hash>/),
 * ARCHIVE_BUILD_ONE_AT_A_TIME=1 (pages, then the index, for a machine with less memory).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { setPriority, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../src/lib/content-dir.ts';
import { renderProblems } from '../src/validation/format-issues.ts';
import { prepareStaging, swapOutput } from '../src/lib/output-staging.ts';
import { clearStagingReady, markStagingReady } from '../src/lib/staging-ready.ts';
import { validateArchive } from '../src/validation/validate-archive.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const archive = contentDir(root);
const finalDir = resolve(process.env.ARCHIVE_DIST_DIR || resolve(root, 'dist'));
// Always the same staging folder: Astro hashes its output folder into the key of its
// content cache, so a folder named per run would discard the cache on every build.
// Two builds into the same output at once are refused (the lock below). Between builds
// it holds the previous output, which the next build reuses (src/lib/output-staging.ts).
const staging = `${finalDir}.staging`;
const lock = `${finalDir}.lock`;
const started = performance.now();

// One cache per archive folder (Astro's content store and unchanged pages, the search
// shards, the records' checks), so building another archive never mixes records.
const cacheDir = resolve(process.env.ARCHIVE_CACHE_DIR || resolve(root, 'node_modules/.astro', createHash('sha256').update(archive).digest('hex').slice(0, 12)));
const check = validateArchive(archive, process.cwd(), { cacheFile: resolve(cacheDir, 'record-checks.json') });
if (check.problems.length) {
  console.error(`✖ The archive at ${archive} has ${check.problems.length} problem(s); nothing was built:\n${renderProblems(check.problems)}`);
  process.exit(1);
}
console.error(`✔ ${check.recordCount} records checked in ${archive}`);
if (check.warnings.length) console.error(`⚠ ${check.warnings.length} warning(s) to review (the build goes on):\n${renderProblems(check.warnings)}`);

takeLock(lock, 'refuse');
// Astro writes parts of every build into <checkout>/.astro/ (the list of MDX modules to
// render among them), whatever the archive: two builds from one checkout at the same
// time would render each other's records. The second one waits.
takeLock(resolve(root, 'node_modules/.astro/build.lock'), 'wait');
const searchStaging = `${staging}.search`;
const trash = `${staging}.trash`;
const cleanUp = () => {
  rmSync(staging, { recursive: true, force: true });
  rmSync(searchStaging, { recursive: true, force: true });
};

/**
 * Takes the lock file `path` for this build: while another live build holds it, either
 * refuses (two builds into one output) or waits for it (two builds from one checkout).
 * A lock left by a build that no longer runs is taken over; the lock goes when this
 * process exits.
 */
function takeLock(path: string, busy: 'refuse' | 'wait'): void {
  mkdirSync(dirname(path), { recursive: true });
  let told = false;
  for (;;) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      process.on('exit', () => rmSync(path, { force: true }));
      return;
    } catch {
      // Someone holds it, or held it.
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(path, 'utf8'));
    } catch {
      continue; // Released in between: try again.
    }
    let alive = false;
    try {
      // (0 or garbage would address a process group, or nothing: treat it as no holder.)
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid) {
        process.kill(holder, 0);
        alive = true;
      }
    } catch {
      // No such process: a build that was killed left its lock behind.
    }
    if (!alive) {
      rmSync(path, { force: true });
      continue;
    }
    if (busy === 'refuse') {
      console.error(`✖ Another build (process ${holder}) is writing ${finalDir}; wait for it to finish, or stop it and run the build again.`);
      process.exit(1);
    }
    if (!told) console.error(`… waiting for another build from this checkout (process ${holder}) to finish`);
    told = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
}
rmSync(searchStaging, { recursive: true, force: true });
rmSync(trash, { recursive: true, force: true });
// Astro waits for this mark before it builds into the staging folder (src/lib/staging-ready.ts).
const stagingReady = `${staging}.ready`;
clearStagingReady(stagingReady);
process.on('exit', () => clearStagingReady(stagingReady));

const running = new Set<ReturnType<typeof spawn>>();
let firstFailure: { name: string; code: number; signal?: NodeJS.Signals | null } | undefined;
/**
 * Runs a Node script on this same Node (22), whatever `node` the PATH would find, at a
 * lower priority if `lowPriority`. When one step fails the other is stopped: the build
 * has failed either way.
 */
function run(args: string[], env: NodeJS.ProcessEnv, nodeFlags: string[] = [], lowPriority = false): Promise<{ name: string; code: number | null; signal?: NodeJS.Signals | null }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...nodeFlags, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    if (lowPriority && child.pid !== undefined) {
      try {
        setPriority(child.pid, 10);
      } catch {
        // Not allowed here: it runs at the same priority, only a little slower.
      }
    }
    running.add(child);
    child.on('close', (code, signal) => {
      running.delete(child);
      const result = { name: args[0]!, code: code ?? (signal ? 1 : 0), signal };
      if (result.code !== 0 && !firstFailure) {
        firstFailure = result;
        for (const other of running) other.kill();
      }
      done(result);
    });
  });
}

/**
 * Node flags for Astro's process: its heap limit. V8's default here is about 4.3 GB, and
 * Astro holds the whole content store and every record's data while it renders; a limit
 * below what an archive needs ends the build with an out-of-memory crash. Up to its
 * limit, though, V8 lets the heap grow rather than collect: at 100,000 records, with a
 * limit of 14 GB, Astro's process peaked at 7.1 GB in one run and 9.4 GB in the next,
 * and at 6.1 GB with a limit of 6 GB, in no more time (README: Performance and scale).
 * So the limit is 6 GB, or 60 KB per record for a larger archive, and never more than
 * 60 % of the machine's memory; an operator's own NODE_OPTIONS limit wins.
 */
function astroHeapMb(records: number): number {
  const machine = Math.floor((totalmem() / 2 ** 20) * 0.6);
  return Math.min(machine, Math.max(6144, Math.ceil(records * 0.06)));
}
const givenHeap = /--max-old-space-size=(\d+)/.exec(process.env.NODE_OPTIONS ?? '');
const astroHeapLimit = givenHeap ? null : astroHeapMb(check.recordCount);

const pages = () =>
  run([resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    ARCHIVE_CONTENT_DIR: archive,
    ARCHIVE_OUT_DIR: staging,
    ARCHIVE_CACHE_DIR: cacheDir,
    ARCHIVE_CONTENT_CHECKED: '1',
    ARCHIVE_SEARCH_INDEX: 'separate',
    // Keep the pages prepareStaging left there (astro.config.mjs), and remove those the
    // site no longer has (src/integrations/prepared-output.ts).
    ARCHIVE_OUT_DIR_PREPARED: '1',
    ARCHIVE_STAGING_READY: stagingReady,
  }, astroHeapLimit ? [`--max-old-space-size=${astroHeapLimit}`] : []);
// At a lower priority than Astro: Astro's process decides how long a build takes (the
// index is done well before it, cold or not), and on two cores the index otherwise
// takes CPU time from Astro's helper threads (its collector, its bundler): a 10,000-record
// rebuild took 7.0–7.3 s so, 7.3–7.5 s at the same priority, in alternating runs.
const searchIndex = () => run([resolve(root, 'scripts/index-search.ts'), '--content', archive, '--out', searchStaging, '--cache', resolve(cacheDir, 'search-index')], {}, [], true);
// The pages and the search index are built at the same time, one per core: the index
// is made from the records, not from the pages (src/search/build-index.ts). The two
// together need the sum of their memory (Astro about 6 GB and the index 1.2 GB at
// 100,000 records); one after the other, Astro's alone, in the sum of their times.
const oneAtATime = process.env.ARCHIVE_BUILD_ONE_AT_A_TIME === '1';
if (oneAtATime) console.error('… building the pages, then the search index (ARCHIVE_BUILD_ONE_AT_A_TIME=1)');
const pagesDone = pages();
const indexDone = oneAtATime ? undefined : searchIndex();
// The staging folder is prepared while Astro starts (src/lib/staging-ready.ts).
let trashed: Promise<void> = Promise.resolve();
try {
  const staged = prepareStaging({ finalDir, staging, astroCache: cacheDir, trash });
  markStagingReady(stagingReady, { reused: staged.reused, since: staged.since });
  if (staged.reused) console.error(`… reusing the previous output: ${staged.kept} unchanged files kept, ${staged.copied} brought up to date, ${staged.removed} files and folders to write again (${((Date.now() - staged.since) / 1000).toFixed(1)} s)`);
  // What the build writes again is deleted while it runs.
  trashed = rm(trash, { recursive: true, force: true });
} catch (error) {
  for (const child of running) child.kill();
  cleanUp();
  console.error(`✖ Preparing the output folder ${staging} failed; ${existsSync(finalDir) ? `the previous ${finalDir} is unchanged` : `no ${finalDir} was written`}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const results = oneAtATime ? [await pagesDone, firstFailure ? firstFailure : await searchIndex()] : await Promise.all([pagesDone, indexDone!]);
const failed = firstFailure ?? results.find((r) => r.code !== 0);
if (failed) {
  cleanUp();
  const step = failed.name.endsWith('index-search.ts') ? 'The search index' : 'The build';
  console.error(`✖ ${step} failed (exit ${failed.code}); ${existsSync(finalDir) ? `the previous ${finalDir} is unchanged` : `no ${finalDir} was written`}.`);
  // V8 aborts a process that reaches its heap limit.
  if (failed.signal === 'SIGABRT' && !failed.name.endsWith('index-search.ts')) {
    const heap = astroHeapLimit ?? Number(givenHeap![1]);
    console.error(`  If the output above says "heap limit", Astro ran out of its ${heap} MB heap: build again with a larger one, e.g. NODE_OPTIONS=--max-old-space-size=${heap * 2} npm run build.`);
  }
  process.exit(failed.code || 1);
}
await trashed;
for (const part of ['pagefind', 'search-data']) renameSync(resolve(searchStaging, part), resolve(staging, part));
rmSync(searchStaging, { recursive: true, force: true });
swapOutput({ finalDir, staging, astroCache: cacheDir });
console.error(`✔ Built ${check.recordCount} records into ${finalDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
