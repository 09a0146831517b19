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
 */
import { GAP } from './index-content.ts';

/** The tokens of a phrase to read, and each one's offset from the phrase's first position. */
export interface Probes {
  tokens: string[];
  offsets: number[];
}

/** True for a pair token (./tokens.ts `pairToken`). */
const isPair = (token: string) => token.startsWith('b');

/** The tokens of `tokens` (one phrase variant, at consecutive positions) that a look-up reads. */
export function phraseProbes(tokens: readonly string[]): Probes {
  const probes: Probes = { tokens: [], offsets: [] };
  const add = (i: number) => {
    probes.tokens.push(tokens[i]!);
    probes.offsets.push(i);
  };
  for (let i = 0; i < tokens.length; ) {
    if (!isPair(tokens[i]!)) {
      if (tokens[i] !== GAP) add(i);
      i++;
      continue;
    }
    let end = i;
    while (end < tokens.length && isPair(tokens[end]!)) end++;
    for (let j = i; j < end - 1; j += 2) add(j);
    add(end - 1);
    i = end;
  }
  return probes;
}
