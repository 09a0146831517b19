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
 * With frequent pairs (./frequent-pairs.ts), the index holds at a word position the
 * longest token: a frequent pair followed by a unit of its run as a triple, a frequent
 * triple followed by a unit as a quad, and only at the end of its run the shorter token;
 * and beside it, at the next Pagefind position, a frequent pair's lane token: the pair
 * with the unit before it in its run, or the pair alone where it starts its run
 * (./index-content.ts `LANES`). A token covers a stretch of units, and the same argument
 * goes on from its last one: tokens whose units overlap or touch are of one run. So each
 * stretch of a phrase is covered from its first unit on by the token that reaches
 * furthest among those that overlap or touch what is covered: at each offset the longest
 * token the phrase tells the index holds ({@link heldAt}), and the lane token where the
 * phrase gives the unit before the pair or a break before it. A phrase that ends inside a
 * frequent token reads the lane token of its last pair (frequent too, as a frequent
 * triple's second pair always is): 精准招商 reads 精准 and 准招商. Offsets are Pagefind
 * positions, two per word. A phrase that is one frequent pair reads the pair's presence
 * token, once per record that holds it, in the head if the head does (./tokens.ts
 * `presenceToken`): a query for 招商 alone reads one position per record.
 */
import { GAP, LANES } from './index-content.ts';
import { extendToken, laneToken, MAX_GRAM_UNITS, presenceToken } from './tokens.ts';

/** The tokens of a phrase to read, and each one's offset (in Pagefind positions) from the phrase's first. */
export interface Probes {
  tokens: string[];
  offsets: number[];
}

/** True for a pair token (./tokens.ts `pairToken`). */
const isPair = (token: string) => token.startsWith('b');

/** A token the index holds for a phrase: where it stands (word offset and lane), and the units it covers. */
export interface Held {
  token: string;
  offset: number;
  lane: 0 | 1;
  from: number;
  reach: number;
}

/**
 * What an index built with the frequent tokens `frequent` holds at word offset `k` of a
 * phrase's tokens (`k` a pair), as far as the phrase tells: the pair, extended by one unit
 * while it is frequent and the phrase gives the run's next unit; a frequent token that
 * ends the run before the phrase does is held as it is. Null where the phrase ends before
 * the token does.
 */
export function heldAt(tokens: readonly string[], k: number, frequent: ReadonlySet<string>): Held | null {
  let token = tokens[k]!;
  let reach = k + 1;
  while (frequent.has(token) && reach - k + 1 < MAX_GRAM_UNITS) {
    // The unit after `reach` is the second unit of the pair at `reach`.
    if (isPair(tokens[reach] ?? '')) {
      token = extendToken(token, tokens[reach]!);
      reach++;
    } else if (reach < tokens.length) {
      // A break: the run ends here, and the index holds this token itself.
      break;
    } else {
      return null;
    }
  }
  return { token, offset: k, lane: 0, from: k, reach };
}

/**
 * The lane token at word offset `k` of a stretch of pairs that starts at `start`, where the
 * phrase tells it: the pair at `k` is frequent, and the phrase gives the unit before it
 * (`k` > `start`) or a break before the stretch (the pair starts its run). Null otherwise.
 */
function laneAt(tokens: readonly string[], k: number, start: number, frequent: ReadonlySet<string>): Held | null {
  if (!frequent.has(tokens[k]!)) return null;
  if (k > start) return { token: laneToken(tokens[k]!, tokens[k - 1]!), offset: k, lane: 1, from: k - 1, reach: k + 1 };
  if (start > 0) return { token: laneToken(tokens[k]!), offset: k, lane: 1, from: k, reach: k + 1 };
  return null;
}

/**
 * The tokens of `tokens` (one phrase variant, at consecutive word positions, pairs as pair
 * tokens) that a look-up reads in an index built with the frequent tokens `frequent`.
 */
export function phraseProbes(tokens: readonly string[], frequent: ReadonlySet<string> = new Set()): Probes {
  const probes: Probes = { tokens: [], offsets: [] };
  const add = (token: string, offset: number, lane: 0 | 1 = 0) => {
    probes.tokens.push(token);
    probes.offsets.push(offset * LANES + lane);
  };
  // A phrase of one frequent pair: only whether a record holds it, and in its head or
  // not, which the pair's presence token says in one position per record.
  if (tokens.length === 1 && frequent.has(tokens[0]!)) {
    add(presenceToken(tokens[0]!), 0);
    return probes;
  }
  for (let i = 0; i < tokens.length; ) {
    if (!isPair(tokens[i]!)) {
      if (tokens[i] !== GAP) add(tokens[i]!, i);
      i++;
      continue;
    }
    let end = i;
    while (end < tokens.length && isPair(tokens[end]!)) end++;
    // The pairs i … end − 1 cover the units i … end; what the index holds for them.
    const held: Held[] = [];
    for (let k = i; k < end; k++) {
      for (const h of [heldAt(tokens, k, frequent), laneAt(tokens, k, i, frequent)]) if (h) held.push(h);
    }
    const chosen: Held[] = [];
    let covered = i - 1;
    while (covered < end) {
      const next = covered + 1;
      let best: Held | null = null;
      for (const h of held) if (h.from <= next && h.reach >= next && (!best || h.reach > best.reach)) best = h;
      // Every unit is covered: a pair token, or the lane token of a frequent last pair.
      if (!best) throw new Error(`phrase probes: nothing the index holds covers unit ${next} of ${tokens.join(' ')}`);
      chosen.push(best);
      covered = best.reach;
    }
    // In position order, as matchPhrase needs them (a lane token may cover a unit before its word).
    chosen.sort((a, b) => a.offset * LANES + a.lane - (b.offset * LANES + b.lane));
    for (const h of chosen) add(h.token, h.offset, h.lane);
    i = end;
  }
  return probes;
}
