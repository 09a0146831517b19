import { createHash } from 'node:crypto';
import type { ArchiveRecord } from '../schemas/index.ts';
import { archiveConfig } from './archive-config.ts';
import { allRecordEntries } from './archive.ts';

/*
 * Keys for Astro's incremental build (experimental.incrementalBuild in astro.config.mjs):
 * a page whose key and whose code are unchanged since the last build is copied from
 * that build instead of rendered again. Astro tracks the code (the page's module graph)
 * and the Markdown the page renders; the key must cover all the data the page shows
 * besides that. Every key here covers the archive settings (archive.yaml: name, page
 * size, deadlines …, read by the layout and the lists) and the content digest of every
 * record the page shows, so editing one record re-renders only its own page and the
 * pages that list or link it.
 */

let settings: string | undefined;
let digests: Promise<Map<string, string>> | undefined;

/** A key over the archive settings and `parts` (anything JSON can write). */
export function cacheKey(...parts: unknown[]): string {
  settings ??= JSON.stringify(archiveConfig());
  return createHash('sha256').update(settings).update('\0').update(JSON.stringify(parts)).digest('base64url');
}

/**
 * Every record's content digest (Astro's hash of the file), by id, loaded once per build.
 * A record without one is keyed by its data and rendered text instead (the store keeps no
 * raw body: `retainBody: false`).
 */
export function recordDigests(): Promise<Map<string, string>> {
  digests ??= allRecordEntries().then(
    (entries) =>
      new Map(
        entries.map((entry) => [entry.id, entry.digest !== undefined ? String(entry.digest) : createHash('sha256').update(JSON.stringify(entry.data)).update(entry.rendered?.html ?? '').digest('base64url')]),
      ),
  );
  return digests;
}

/** The digests of `records`, in order: what a list of them looks like. */
export function digestsOf(records: ReadonlyArray<Pick<ArchiveRecord, 'id'>>, all: ReadonlyMap<string, string>): (string | undefined)[] {
  return records.map((record) => all.get(record.id));
}
