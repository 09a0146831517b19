import { isReply, type ArchiveRecord } from '../schemas/index.ts';
import { allRecordEntries } from './archive.ts';
import { recordBody } from './record-body.ts';
import { alignSuggestions, type AlignedPair } from './suggestion-alignment.ts';

let cache: Promise<Map<string, AlignedPair[]>> | undefined;

/**
 * The suggestion-by-suggestion comparison of every reply that has one, by record id, made
 * once per build: the record page links to it and the comparison page shows it. Only a
 * reply that lists suggestions has its text read (Astro's store keeps none; see
 * record-body.ts).
 */
export function recordComparisons(): Promise<Map<string, AlignedPair[]>> {
  cache ??= allRecordEntries().then((entries) => {
    const comparisons = new Map<string, AlignedPair[]>();
    for (const entry of entries) {
      const record = entry.data as ArchiveRecord;
      if (!isReply(record) || !record.proposal?.suggestions) continue;
      const pairs = alignSuggestions(record.proposal.suggestions, recordBody(entry));
      if (pairs.length) comparisons.set(entry.id, pairs);
    }
    return comparisons;
  });
  return cache;
}
