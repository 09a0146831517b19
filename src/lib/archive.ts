import { getCollection, type CollectionEntry } from 'astro:content';
import type { ArchiveRecord } from '../schemas/index.ts';
import { recordDate } from './record-facts.ts';

/** A record entry as Astro loads it. */
export type RecordEntry = CollectionEntry<'records'>;

let cache: Promise<RecordEntry[]> | undefined;

/**
 * Every record, newest first (by reply or publication date, then id), loaded once per
 * build. Pages and lists all read from this one sorted array.
 */
export function allRecordEntries(): Promise<RecordEntry[]> {
  cache ??= getCollection('records').then((entries) =>
    entries.sort((a, b) => {
      const da = recordDate(a.data as ArchiveRecord) ?? '';
      const db = recordDate(b.data as ArchiveRecord) ?? '';
      return da < db ? 1 : da > db ? -1 : a.id.localeCompare(b.id);
    }),
  );
  return cache;
}

/** Every record's data, newest first. */
export async function allRecords(): Promise<ArchiveRecord[]> {
  return (await allRecordEntries()).map((entry) => entry.data as ArchiveRecord);
}
