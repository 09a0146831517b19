import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeWhole } from './write-whole.ts';

/**
 * What the last link check that passed saw: every file of the output folder, and for
 * each HTML page the size and modification time it had then. Those pages' links were
 * all good then.
 */
export interface CheckedSite {
  /** The code of the check (a check that changes trusts nothing older). */
  code: string;
  /** Every file of the output folder, as a site path (/records/x/index.html). */
  files: string[];
  /** Each HTML page's `size:mtimeNs` when it was read. */
  pages: Record<string, string>;
}

/** Where the link check of output folder `outDir` keeps what it saw, in the build cache `cacheDir`. */
export function checkedSiteFile(cacheDir: string, outDir: string): string {
  // With or without a trailing slash (Astro gives the folder as a URL, which has one).
  return join(cacheDir, 'link-check', `${createHash('sha256').update(outDir.replace(/[\\/]+$/, '')).digest('hex').slice(0, 16)}.json`);
}

/**
 * The pages whose links need not be read again: those of the last passing check, made
 * by the same `code`, when every file that existed then still `exists`. A page's links
 * can only break by its own text changing (its size and time then differ) or by a
 * file it links to disappearing; when any file has gone, every page is read (a
 * record deleted now and then costs one full check, not a list of who links to whom).
 * Empty when there is nothing to trust.
 */
export function trustedPages(file: string, code: string, exists: (path: string) => boolean): Map<string, string> {
  let saved: CheckedSite;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return new Map();
  }
  if (saved.code !== code || !Array.isArray(saved.files) || !saved.files.every(exists)) return new Map();
  return new Map(Object.entries(saved.pages));
}

/** The pages the last passing check read, each with its `size:mtimeNs` then (empty without one). */
export function checkedPages(file: string): Record<string, string> {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as CheckedSite).pages ?? {};
  } catch {
    return {};
  }
}

/** Records a check that found nothing broken, for the next one. */
export function saveCheckedSite(file: string, site: CheckedSite): void {
  writeWhole(file, JSON.stringify(site));
}

/**
 * Tells the last passing check that some of its pages are now other files of the same
 * bytes: `keys` maps a site path to the `size:mtimeNs` of the file that holds it now
 * (src/lib/output-staging.ts, which moves Astro's copies of the published pages into the
 * output folder). Pages the check did not read are left out.
 */
export function rekeyCheckedPages(file: string, keys: ReadonlyMap<string, string>): void {
  let saved: CheckedSite;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return;
  }
  for (const [path, key] of keys) if (path in saved.pages) saved.pages[path] = key;
  saveCheckedSite(file, saved);
}
