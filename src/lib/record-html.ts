import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { astroCacheDir } from './cache-dir.ts';
import { writeWhole } from './write-whole.ts';

/**
 * Rendered record bodies, kept as one file per record beside Astro's content store
 * instead of inside it (see src/lib/record-loader.ts for why). A file is named by the
 * digest Astro gives the record's source, so it changes exactly when the record does.
 */
export function recordHtmlDir(cacheDir: string = astroCacheDir()): string {
  return join(cacheDir, 'record-html');
}

function fileOf(dir: string, digest: string): string {
  if (!/^[0-9a-z]+$/i.test(digest)) throw new Error(`record digest "${digest}" is not a plain hash; it cannot name a file`);
  return join(dir, `${digest}.html`);
}

/** Keeps one record's rendered HTML; written whole or not at all (temporary file, then rename). */
export function writeRecordHtml(dir: string, digest: string, html: string): void {
  writeWhole(fileOf(dir, digest), html);
}

/**
 * One record's rendered HTML, for its page. A record Astro's store lists without its
 * file means the cache folder was changed by hand: the error says which folder to delete.
 */
export function readRecordHtml(entry: { id: string; digest?: string }, dir: string = recordHtmlDir()): string {
  if (!entry.digest) throw new Error(`record ${entry.id}: Astro's store gave no digest, so its rendered text cannot be found`);
  const file = fileOf(dir, entry.digest);
  // Read, not checked first: this runs once per record page.
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`record ${entry.id}: its rendered text ${file} is missing from the build cache. Delete the cache folder ${join(dir, '..')} and build again.`);
  }
}

/** Deletes the rendered bodies no record has any more (records changed or removed). */
export function pruneRecordHtml(dir: string, live: ReadonlySet<string>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const digest = name.endsWith('.html') ? name.slice(0, -'.html'.length) : null;
    if (digest !== null && live.has(digest)) continue;
    rmSync(join(dir, name), { force: true });
  }
}
