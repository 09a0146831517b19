/**
 * The archive's frequent pairs: the pair tokens (./tokens.ts) that stand so often in its
 * records that a phrase through one of them would read a large share of the whole index.
 * In a generated archive 招商 stands 16 times in an average record: a first search for
 * 招商引资 downloaded 244 KB of index chunks at 10,000 records, 165 KB of them the
 * positions of 招商, of which the phrase needs only those followed by 引.
 *
 * Where a frequent pair is followed by another unit of its run, the index holds a triple
 * token (`t` + the pair + that unit) in the pair's place (./index-content.ts), so a look-up
 * reads the positions of the pair followed by the unit the phrase has there
 * (./phrase-probes.ts). Only a frequent pair at the very end of a phrase has no known next
 * unit; its look-up reads the pair token (the pair at the end of a run) and every triple
 * token that starts with the pair, together as much as the pair alone was before.
 *
 * The set is chosen by {@link chooseFrequentPairs} from an even sample of the archive's
 * records, a function of the records alone, so that a rebuild and a cold build of the
 * same archive choose the same pairs; the build names them in the search manifest, and
 * the look-ups read them from there.
 */

/** Records of the archive the frequent pairs are counted in, at most (an even sample). */
export const SAMPLE_RECORDS = 1000;
/** A pair is frequent when it stands at least this many times per sampled record, on average. */
export const FREQUENT_PER_RECORD = 2;
/** Frequent pairs at most, the most frequent first: each one's triples add tokens to the index. */
export const MAX_FREQUENT_PAIRS = 256;

/** The positions of `total` records that the sample counts: evenly spread, in order. */
export function samplePositions(total: number, sample = SAMPLE_RECORDS): number[] {
  if (total <= sample) return Array.from({ length: total }, (_, i) => i);
  return Array.from({ length: sample }, (_, i) => Math.floor((i * total) / sample));
}

/**
 * The frequent pair tokens of a sample of records, given each sampled record's index
 * tokens as the index lays them out without frequent pairs: every pair token that stands
 * at least {@link FREQUENT_PER_RECORD} times per record, the {@link MAX_FREQUENT_PAIRS}
 * most frequent of them (ties in token order), sorted.
 */
export function chooseFrequentPairs(records: Iterable<readonly string[]>): string[] {
  const counts = new Map<string, number>();
  let sampled = 0;
  for (const tokens of records) {
    sampled++;
    for (const token of tokens) if (token.startsWith('b')) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  const frequent = [...counts].filter(([, count]) => count >= FREQUENT_PER_RECORD * sampled);
  frequent.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return frequent
    .slice(0, MAX_FREQUENT_PAIRS)
    .map(([token]) => token)
    .sort();
}
