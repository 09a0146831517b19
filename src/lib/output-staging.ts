/**
 * Reuses the previous build's output as the next build's staging folder, so that a
 * rebuild neither copies every unchanged page nor deletes the old site.
 *
 * Without this, a rebuild after one correction started from an empty staging folder:
 * Astro copied each of its unchanged pages back from its cache (a directory, a stat
 * and a copy per page: 11 s of a 10,000-record rebuild), and the swap at the end deleted
 * the whole previous output (29,000 files: 10 s). Astro keeps a page that is already in
 * its output folder when the page is unchanged since its last build (`existsSync`
 * before restoring, in astro/dist/core/build/generate.js), provided the folder is not
 * emptied first (`vite.build.emptyOutDir: false`). So:
 *
 * 1. {@link swapOutput}: the new output replaces the old by renames, and the old output
 *    stays as the staging folder of the next build instead of being deleted.
 * 2. {@link prepareStaging}, before the next build: the staging folder is one build
 *    behind. Every page that Astro's incremental manifest lists is brought to Astro's
 *    copy of it in its cache (what Astro would otherwise copy back), and every record
 *    JSON file (which src/integrations/record-json.ts keeps the same way) to the
 *    published output's: a file whose size or bytes differ is copied, with its time
 *    (a few files after a correction). Everything else (assets, search index, pages no
 *    longer listed) is removed; the build writes it again.
 * 3. {@link removeOrphanPages}, when Astro has written its pages and before the link
 *    check (src/integrations/prepared-output.ts): a page of the old manifest that this
 *    build neither listed nor wrote (a deleted record's page) is removed.
 *
 * The folder is reused only when Astro's manifest and the record JSON list are the ones
 * the published output was built with (recorded by {@link swapOutput}): if a later build
 * failed after rewriting them, or the output was built elsewhere, the staging folder is
 * deleted and Astro restores from its cache as before. A rebuild then equals a cold
 * build byte for byte (tests/unit/incremental-build.test.ts), as it did.
 *
 * A build with no previous output (the first into a folder) leaves none to reuse, so the
 * rebuild after it had Astro copy every page from its cache: 7 s of a 17 s rebuild at
 * 10,000 records (copying a file costs about 0.5 ms on the reference machine). Instead,
 * {@link swapOutput} then makes Astro's cache copies of the pages (and the record JSON
 * files, which src/integrations/record-json.ts keeps there too) the next staging folder,
 * by one rename: they are the published files' bytes. The next preparation keeps them as
 * they are. Astro writes new copies of the pages it renders after that; for a page with
 * no copy left, the published page is the source, provided its stamp
 * (src/lib/file-stamp.ts) is the one it had when published, so a page edited by hand in
 * the published output is still never carried over: it is rendered again.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileStamp } from './file-stamp.ts';
import { filesUnder } from './files-under.ts';
import { checkedPages, checkedSiteFile, rekeyCheckedPages } from './link-check-cache.ts';
import { readRecordJsonState, recordJsonPath, recordJsonStateFile } from './record-json-state.ts';
import { writeWhole } from './write-whole.ts';

/** What {@link prepareStaging} did. */
export interface StagingPlan {
  /** Whether the previous output is being reused. */
  reused: boolean;
  /** Files already identical in the staging folder. */
  kept: number;
  /** Files copied in (from Astro's cache or the published output). */
  copied: number;
  /** Files removed because the build writes them again. */
  removed: number;
  /** When the build started (ms since the epoch): a file older than this was not written by it. */
  since: number;
}

const manifestFile = (astroCache: string) => join(astroCache, 'incremental-build.json');
// The manifest of the published output, kept while a build replaces Astro's.
const previousManifestFile = (astroCache: string) => join(astroCache, 'incremental-build.published.json');
// One record per output folder: two outputs built from one archive share its cache.
const publishedFile = (astroCache: string, finalDir: string) => join(astroCache, 'published', `${createHash('sha256').update(finalDir).digest('hex').slice(0, 16)}.json`);
/** Where Astro keeps its copy of each page it rendered (INCREMENTAL_OUTPUT_DIR in astro/dist/core/build/incremental.js). */
export const cachedOutputDir = (astroCache: string) => join(astroCache, 'dist');

/** What {@link swapOutput} records about the output it published. */
interface Published {
  finalDir: string;
  /** {@link stateDigest} of the build that made it. */
  manifest: string | null;
  /** Each listed file's stamp when published (pages and record JSON files, relative paths). */
  stamps?: Record<string, string>;
  /** Set while the staging folder holds only Astro's cache copies of the published build's files. */
  stagingFromCache?: boolean;
}

function readPublished(astroCache: string, finalDir: string): Published | null {
  try {
    return JSON.parse(readFileSync(publishedFile(astroCache, finalDir), 'utf8')) as Published;
  } catch {
    return null; // Never published from this cache.
  }
}

/** The files a build lists (Astro's pages and the record JSON files), relative to the output folder. */
function listedFiles(astroCache: string): { astroPages: Set<string>; all: Set<string> } {
  const astroPages = manifestPages(astroCache);
  const jsonFiles = Object.keys(readRecordJsonState(astroCache)?.files ?? {}).map(recordJsonPath);
  return { astroPages, all: new Set([...astroPages, ...jsonFiles]) };
}

/**
 * A digest of the cache files that say what an output folder holds: Astro's manifest
 * and the record JSON list (src/lib/record-json-state.ts). Null without Astro's manifest.
 */
function stateDigest(astroCache: string): string | null {
  const hash = createHash('sha256');
  try {
    hash.update(readFileSync(manifestFile(astroCache)));
  } catch {
    return null;
  }
  try {
    hash.update(readFileSync(recordJsonStateFile(astroCache)));
  } catch {
    hash.update('no record JSON list');
  }
  return hash.digest('hex');
}

/**
 * The output files Astro's incremental manifest in `astroCache` lists, relative to the
 * output folder ('/'-separated). Astro stores them URL-encoded (`encodeURI`).
 */
export function manifestPages(astroCache: string, file = manifestFile(astroCache)): Set<string> {
  const pages = new Set<string>();
  let manifest: { routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }> };
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return pages;
  }
  for (const route of Object.values(manifest.routes ?? {})) {
    for (const path of Object.values(route.paths ?? {})) if (path.outputFile) pages.add(decodeURI(path.outputFile));
  }
  return pages;
}

/** Removes `root/rel` and then each parent folder it leaves empty, up to `root`. */
function removeWithEmptyParents(root: string, rel: string): void {
  unlinkSync(join(root, rel));
  for (let dir = dirname(rel); dir !== '.' && dir !== ''; dir = dirname(dir)) {
    try {
      rmdirSync(join(root, dir));
    } catch {
      return; // Not empty.
    }
  }
}

/**
 * Makes `staging` ready for a build into it (see the module comment): the published
 * output's pages (as Astro keeps them) and record JSON files, and nothing else. Folders a build writes whole
 * (`_astro`, the search index) are moved to `trash` in one rename each, for the caller
 * to delete while the build runs. Without a published output to follow, `staging` is
 * deleted and the build starts from an empty folder.
 */
export function prepareStaging(options: { finalDir: string; staging: string; astroCache: string; trash: string }): StagingPlan {
  const { finalDir, staging, astroCache, trash } = options;
  const plan: StagingPlan = { reused: false, kept: 0, copied: 0, removed: 0, since: Date.now() };
  if (!existsSync(staging)) return plan;
  const published = readPublished(astroCache, finalDir);
  if (!existsSync(finalDir) || published === null || published.manifest !== stateDigest(astroCache)) {
    rmSync(staging, { recursive: true, force: true });
    return plan;
  }
  // The folder holds the cache copies swapOutput moved there (with nothing written into
  // it since: the mark goes now, before this build writes anything).
  const fromCache = published.stagingFromCache === true;
  if (fromCache) writeWhole(publishedFile(astroCache, finalDir), JSON.stringify({ ...published, stagingFromCache: false } satisfies Published));
  // A file is brought to Astro's own copy in its cache, which is what Astro would copy
  // back if the page were missing: a page edited by hand in the published output is not
  // carried into the next one. Without a copy (swapOutput moved them, or the record JSON
  // files of an older cache), the published file is taken if it is the one published.
  const { astroPages, all: pages } = listedFiles(astroCache);
  const sourceOf = (rel: string) => {
    const cached = join(cachedOutputDir(astroCache), rel);
    const want = statSync(cached, { throwIfNoEntry: false });
    if (want) return { path: cached, want };
    const publishedCopy = join(finalDir, rel);
    const stamp = published.stamps?.[rel];
    if (stamp === undefined || !existsSync(publishedCopy) || fileStamp(publishedCopy) !== stamp) return undefined;
    return { path: publishedCopy, want: statSync(publishedCopy) };
  };
  copyFileSync(manifestFile(astroCache), previousManifestFile(astroCache));
  // Top-level folders holding no listed page go whole, by one rename.
  const keepTop = new Set([...pages].map((p) => p.split('/')[0]!));
  mkdirSync(trash, { recursive: true });
  for (const entry of readdirSync(staging, { withFileTypes: true })) {
    if (entry.isDirectory() && !keepTop.has(entry.name)) {
      renameSync(join(staging, entry.name), join(trash, entry.name));
      plan.removed++;
    }
  }
  for (const rel of filesUnder(staging)) {
    if (!pages.has(rel)) {
      removeWithEmptyParents(staging, rel);
      plan.removed++;
    }
  }
  // The link check read the published pages when it passed (in the staging folder,
  // before the swap published it). A page here that now holds the same bytes under another time is, for the
  // check, a page it has read: it is told so (src/lib/link-check-cache.ts), which spares
  // reading every page after a build whose pages got other times (the first after the
  // cache copies came here: 133,000 pages at 100,000 records).
  const linkCheck = checkedSiteFile(astroCache, staging);
  const checked = checkedPages(linkCheck);
  const rekeyed = new Map<string, string>();
  const carryCheck = (rel: string, target: string) => {
    const path = `/${rel}`;
    const checkedKey = checked[path];
    if (checkedKey === undefined) return;
    const now = statSync(target, { bigint: true });
    const key = `${now.size}:${now.mtimeNs}`;
    if (key === checkedKey) return;
    // The page read was the one published if its stamp then says so; this one holds its
    // bytes, having been brought to its source: Astro's copy, which holds the bytes it
    // published, or the published page itself when its stamp is still that one.
    if (published.stamps?.[rel]?.startsWith(`${checkedKey}:`)) rekeyed.set(path, key);
  };
  for (const rel of pages) {
    const target = join(staging, rel);
    if (fromCache && existsSync(target)) {
      if (astroPages.has(rel)) carryCheck(rel, target);
      plan.kept++;
      continue;
    }
    const source = sourceOf(rel);
    const have = statSync(target, { throwIfNoEntry: false });
    if (!source) {
      // Listed but not there (removed by hand), or edited by hand: the build writes it.
      if (have) removeWithEmptyParents(staging, rel);
      continue;
    }
    const { path, want } = source;
    // Size and modification time, as rsync compares: each build writes a changed file
    // anew, and a copy made here carries its source's time. When only the time differs
    // (the first time, or a page Astro copied from its cache), the bytes decide: reading
    // both costs less than a copy.
    const sameTime = have !== undefined && Math.abs(have.mtimeMs - want.mtimeMs) < 1;
    if (have && have.size === want.size && (sameTime || readFileSync(target).equals(readFileSync(path)))) {
      // The page takes its source's time as utimes sets it (whole milliseconds) unless
      // it has it already, even when within a millisecond of it (a page Astro wrote just
      // before its cached copy): the two staging folders, which alternate, then carry
      // the same time for the same page, by which the link check knows a page it has
      // read (src/lib/link-check-cache.ts).
      if (Math.abs(have.mtimeMs - want.mtime.getTime()) >= 0.01) utimesSync(target, want.atime, want.mtime);
      if (astroPages.has(rel)) carryCheck(rel, target);
      plan.kept++;
      continue;
    }
    if (!have) mkdirSync(dirname(target), { recursive: true });
    copyFileSync(path, target);
    utimesSync(target, want.atime, want.mtime);
    if (astroPages.has(rel)) carryCheck(rel, target);
    plan.copied++;
  }
  if (rekeyed.size > 0) rekeyCheckedPages(linkCheck, rekeyed);
  plan.reused = true;
  return plan;
}

/**
 * Once Astro has written its pages into a reused staging folder `outDir` (the build
 * started at `since`, ms since the epoch): removes each page of the published output's
 * manifest that Astro's new manifest does not list and that this build did not write (a
 * page Astro no longer generates, such as a deleted record's). Returns how many.
 */
export function removeOrphanPages(outDir: string, astroCache: string, since: number): number {
  const before = manifestPages(astroCache, previousManifestFile(astroCache));
  const now = manifestPages(astroCache);
  let removed = 0;
  for (const rel of before) {
    if (now.has(rel)) continue;
    const stat = statSync(join(outDir, rel), { throwIfNoEntry: false });
    // A page rendered without a cache key is not in the manifest, but was written now.
    if (!stat || stat.mtimeMs >= since) continue;
    removeWithEmptyParents(outDir, rel);
    removed++;
  }
  return removed;
}

/**
 * Publishes `staging` as `finalDir` by renames (the site is never missing for longer
 * than between two renames), keeps the old output as the next build's staging folder,
 * and records which Astro manifest the published output was built with, and the stamp of
 * each file it lists. With no old output, Astro's cache copies of the pages become the
 * next staging folder (see the module comment).
 */
export function swapOutput(options: { finalDir: string; staging: string; astroCache: string }): void {
  const { finalDir, staging, astroCache } = options;
  const old = `${finalDir}.old`;
  rmSync(old, { recursive: true, force: true });
  // Renaming the folder leaves its files' stamps as they are.
  const stamps: Record<string, string> = {};
  for (const rel of listedFiles(astroCache).all) {
    try {
      stamps[rel] = fileStamp(join(staging, rel));
    } catch {
      // Listed but not written (a page Astro skipped): nothing to vouch for.
    }
  }
  const hadOutput = existsSync(finalDir);
  if (hadOutput) renameSync(finalDir, old);
  renameSync(staging, finalDir);
  if (hadOutput) renameSync(old, staging);
  const stagingFromCache = !hadOutput && existsSync(cachedOutputDir(astroCache));
  if (stagingFromCache) renameSync(cachedOutputDir(astroCache), staging);
  writeWhole(publishedFile(astroCache, finalDir), JSON.stringify({ finalDir, manifest: stateDigest(astroCache), stamps, stagingFromCache } satisfies Published));
}
