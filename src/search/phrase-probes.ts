/**
 * Which tokens of a phrase a look-up reads. A phrase of n units is n−1 overlapping pair
 * tokens, and a look-up fetches and decodes the postings of each (one index chunk each,
 * most of a long phrase's time). Every other pair of a run is enough:
 *
 * - The index lays each run's pairs at consecutive positions and puts two positions, the
 *   break token and a gap, between runs (./index-content.ts `RUN_BREAK`); the head's
 *   single-unit tokens and fillers come only after a break.
 * - So a position right after a pair holds either the next pair of the same run or a
 *   break, and a pair two positions after a pair is always the pair after the next one in
 *   the same run: 甲乙 at l and 丙丁 at l + 2 mean 乙丙 at l + 1, the text 甲乙丙丁.
 *
 * Of each stretch of pair tokens, the pairs at even offsets from its start and its last
 * are read: 7 of the 13 pairs of a 14-character phrase. Break and single-unit tokens are
 * read as they are (a break says that a run ends there; a single-unit token is a run of
 * one), and gaps not at all (any word may stand there). The pages found, and the first
 * location, are those all the tokens give.
 *
 * With frequent pairs (./frequent-pairs.ts), the index holds a frequent pair followed by
 * a unit of its run as a triple token in the pair's place, and only a frequent pair at the
 * end of its run as the pair token. A triple token covers three units, and the same
 * argument goes one position further: a triple at l means a pair at l + 1 of the same run,
 * so a pair or triple at l + 3 is of that run too. So each stretch is covered from its
 * first unit on by the token that reaches furthest among those that overlap or touch what
 * is covered: a frequent pair whose next unit the phrase gives as its triple, a frequent
 * pair before a break as itself, and other pairs as themselves. A frequent pair at the end
 * of the phrase has no known next unit: it is read as {@link UNION} + the pair (the pair
 * token and every triple token that starts with it, ./pagefind-index.ts), and only where
 * no other token covers the phrase's last unit.
 */
import { GAP } from './index-content.ts';
import { extendPair } from './tokens.ts';

/** Marks a probe that reads a frequent pair followed by anything: the pair token and all its triples. */
export const UNION = '*';

/** The tokens of a phrase to read, and each one's offset from the phrase's first position. */
export interface Probes {
  tokens: string[];
  offsets: number[];
}

/** True for a pair token (./tokens.ts `pairToken`). */
const isPair = (token: string) => token.startsWith('b');

/**
 * The tokens of `tokens` (one phrase variant, at consecutive positions, pairs as pair
 * tokens) that a look-up reads in an index built with the frequent pairs `frequent`.
 */
export function phraseProbes(tokens: readonly string[], frequent: ReadonlySet<string> = new Set()): Probes {
  const probes: Probes = { tokens: [], offsets: [] };
  const add = (token: string, offset: number) => {
    probes.tokens.push(token);
    probes.offsets.push(offset);
  };
  for (let i = 0; i < tokens.length; ) {
    if (!isPair(tokens[i]!)) {
      if (tokens[i] !== GAP) add(tokens[i]!, i);
      i++;
      continue;
    }
    let end = i;
    while (end < tokens.length && isPair(tokens[end]!)) end++;
    // The pairs i … end − 1 cover the units i … end. What the index holds at offset k:
    const atOffset = (k: number): { token: string; reach: number; union: boolean } => {
      const pair = tokens[k]!;
      if (!frequent.has(pair)) return { token: pair, reach: k + 1, union: false };
      if (k + 1 < end) return { token: extendPair(pair, tokens[k + 1]!), reach: k + 2, union: false };
      // Before a break the run ends, and so the index holds the pair token itself.
      if (end < tokens.length) return { token: pair, reach: k + 1, union: false };
      return { token: `${UNION}${pair}`, reach: k + 1, union: true };
    };
    // The union is unavoidable when nothing else reaches the stretch's last unit: then it
    // is an ordinary choice (it may spare the pair before it).
    const unionNeeded = atOffset(end - 1).union && !(end - 2 >= i && atOffset(end - 2).reach >= end);
    let covered = i - 1;
    while (covered < end) {
      const next = covered + 1;
      let best: ReturnType<typeof atOffset> | null = null;
      let bestOffset = -1;
      for (let k = Math.max(i, next - 2); k <= Math.min(next, end - 1); k++) {
        const here = atOffset(k);
        if (here.reach < next) continue;
        const worse = (a: typeof here) => a.union && !unionNeeded;
        if (!best || (worse(best) && !worse(here)) || (worse(best) === worse(here) && here.reach > best.reach)) {
          best = here;
          bestOffset = k;
        }
      }
      // Every unit of the stretch is reached by the pair that starts there or the one before.
      if (!best) throw new Error(`phrase probes: nothing covers unit ${next} of ${tokens.join(' ')}`);
      add(best.token, bestOffset);
      covered = best.reach;
    }
    i = end;
  }
  return probes;
}
