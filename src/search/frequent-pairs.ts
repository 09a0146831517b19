/**
 * The archive's frequent pairs and triples: the pair tokens (./tokens.ts) that stand so
 * often in its records that a phrase through one of them would read a large share of the
 * whole index, and the triples that stand as often. In a generated archive 招商 stands 16
 * times in an average record: a first search for 招商引资 downloaded 244 KB of index chunks
 * at 10,000 records, 165 KB of them the positions of 招商, of which the phrase needs only
 * those followed by 引资.
 *
 * Where a frequent pair is followed by another unit of its run, the index holds a triple
 * token (`t` + the pair + that unit) in the pair's place, and where that triple is frequent
 * too and followed by another unit, a quad token; beside it, the pair with the unit
 * before it (./index-content.ts `LANES`). A look-up reads the longest token its phrase
 * gives at each offset it reads (./phrase-probes.ts): 招商引资 is one quad, and 精准招商
 * reads 精准 and 准招商.
 *
 * The set is chosen by {@link chooseFrequentTokens} from an even sample of the archive's
 * records, a function of the records alone, so that a rebuild and a cold build of the
 * same archive choose the same tokens; the build names them in the search manifest, and
 * the look-ups read them from there.
 */
import { extendToken } from './tokens.ts';

/** Records of the archive the frequent pairs are counted in, at most (an even sample). */
export const SAMPLE_RECORDS = 1000;
/** A pair or triple is frequent when it stands at least this many times per sampled record, on average. */
export const FREQUENT_PER_RECORD = 2;
/** Frequent pairs, and frequent triples, at most each, the most frequent first: each one's extensions add tokens to the index. */
export const MAX_FREQUENT = 256;

/** The positions of `total` records that the sample counts: evenly spread, in order. */
export function samplePositions(total: number, sample = SAMPLE_RECORDS): number[] {
  if (total <= sample) return Array.from({ length: total }, (_, i) => i);
  return Array.from({ length: sample }, (_, i) => Math.floor((i * total) / sample));
}

/** The tokens of `counts` that stand at least {@link FREQUENT_PER_RECORD} times per record, the most frequent first. */
function mostFrequent(counts: ReadonlyMap<string, number>, records: number): string[] {
  const frequent = [...counts].filter(([, count]) => count >= FREQUENT_PER_RECORD * records);
  frequent.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return frequent.slice(0, MAX_FREQUENT).map(([token]) => token);
}

/**
 * The frequent tokens of a sample of records, given each sampled record's words as the
 * index lays them out without frequent tokens (./index-content.ts `indexWords`): the pair tokens that stand at least
 * {@link FREQUENT_PER_RECORD} times per record, then, of those pairs followed by another
 * unit of their run and a frequent pair again (the next token is a frequent pair), the
 * triples that stand as often; at most
 * {@link MAX_FREQUENT} of each, sorted.
 */
export function chooseFrequentTokens(records: readonly (readonly string[])[]): string[] {
  const count = (counts: Map<string, number>, token: string) => counts.set(token, (counts.get(token) ?? 0) + 1);
  const pairCounts = new Map<string, number>();
  for (const tokens of records) for (const token of tokens) if (token.startsWith('b')) count(pairCounts, token);
  const pairs = new Set(mostFrequent(pairCounts, records.length));
  const tripleCounts = new Map<string, number>();
  for (const tokens of records) {
    // Only a triple whose second pair is frequent too: a phrase that ends inside it can
    // then read the lane token of that pair (./phrase-probes.ts).
    for (let i = 0; i + 1 < tokens.length; i++) if (pairs.has(tokens[i]!) && pairs.has(tokens[i + 1]!)) count(tripleCounts, extendToken(tokens[i]!, tokens[i + 1]!));
  }
  return [...pairs, ...mostFrequent(tripleCounts, records.length)].sort();
}
