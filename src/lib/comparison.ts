import { isReply, type ArchiveRecord } from '../schemas/index.ts';
import { alignSuggestions, type AlignedPair } from './suggestion-alignment.ts';

/** The suggestion-by-suggestion comparison of a reply, or [] when none can be made. */
export function comparisonFor(record: ArchiveRecord, body: string): AlignedPair[] {
  if (!isReply(record) || !record.proposal?.suggestions) return [];
  return alignSuggestions(record.proposal.suggestions, body);
}
