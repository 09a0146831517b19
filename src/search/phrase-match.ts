/**
 * Pagefind's exact ("quoted") search, done in time linear in the postings it reads: the
 * pages that hold tokens t0 … tn−1 at consecutive locations, and the first such location.
 *
 * Why by hand: Pagefind 1.6's own (`exact_term` in pagefind_web) goes, for every page it
 * found, through every posting of every token of the query, so its time follows the pages
 * found times the postings read: for a phrase most records hold, the square of a shard's
 * size (302 ms over seven shards at 30,000 records for 续提出宝贵, README, Search). Both
 * lists here are sorted by page, so one walk side by side finds the same pages.
 */
import type { Postings } from './pagefind-index.ts';

/** First index ≥ `from` in sorted `list` whose value is ≥ `value` (galloping, then binary). */
function seek(list: Int32Array, from: number, end: number, value: number): number {
  let step = 1;
  let lo = from;
  let hi = from;
  while (hi < end && list[hi]! < value) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > end) hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The pages where each `tokens[i]` occurs at location l + `offsets[i]` for some l (by
 * default offsets 0 … n−1: consecutive locations), each with the first such l, earliest
 * first: flat pairs [page, location, …] in page order. `offsets` increase; the first
 * need not be 0 (a phrase's first probe may stand after its start, ./phrase-probes.ts),
 * and l is where the phrase starts. Pagefind's rule for one token: the page's first
 * location.
 */
export function matchPhrase(tokens: readonly Postings[], offsets: ArrayLike<number> = Array.from(tokens.keys())): Int32Array {
  const n = tokens.length;
  if (n === 0) return new Int32Array(0);
  if (offsets.length !== n) throw new Error('matchPhrase: one offset per token');
  for (let i = 1; i < n; i++) if (!(offsets[i]! > offsets[i - 1]!)) throw new Error('matchPhrase: offsets must increase');
  // The rarest token drives the walk; the others are sought forward in their page lists.
  let driver = 0;
  for (let i = 1; i < n; i++) if (tokens[i]!.pages.length < tokens[driver]!.pages.length) driver = i;
  const lead = tokens[driver]!;
  const cursor = new Int32Array(n);
  const at = new Int32Array(n);
  // At most one pair per page of the rarest token.
  const out = new Int32Array(lead.pages.length * 2);
  let found = 0;
  pages: for (let d = 0; d < lead.pages.length; d++) {
    const page = lead.pages[d]!;
    for (let i = 0; i < n; i++) {
      const { pages } = tokens[i]!;
      const c = i === driver ? d : seek(pages, cursor[i]!, pages.length, page);
      cursor[i] = c;
      if (c === pages.length) break pages;
      if (pages[c] !== page) continue pages;
    }
    const first = firstRun(tokens, offsets, cursor, at);
    if (first >= 0) {
      out[found++] = page;
      out[found++] = first - offsets[0]!;
    }
  }
  return out.slice(0, found);
}

/**
 * The first location l of token 0 on the page where every token i is at
 * l + offsets[i] − offsets[0] (each token's locations on the page are
 * `tokens[i].locations[starts[cursor[i]]…]`), or −1. The tokens' locations are walked forward together, so a page costs the sum of its
 * locations, not their product. `at` is scratch space, one slot per token.
 */
function firstRun(tokens: readonly Postings[], offsets: ArrayLike<number>, cursor: Int32Array, at: Int32Array): number {
  const n = tokens.length;
  for (let i = 0; i < n; i++) at[i] = tokens[i]!.starts[cursor[i]!]!;
  const zero = tokens[0]!;
  const zeroEnd = zero.starts[cursor[0]! + 1]!;
  for (; at[0]! < zeroEnd; at[0]!++) {
    const l = zero.locations[at[0]!]!;
    let ok = true;
    for (let i = 1; i < n; i++) {
      const { locations, starts } = tokens[i]!;
      const end = starts[cursor[i]! + 1]!;
      const want = l + offsets[i]! - offsets[0]!;
      const k = seek(locations, at[i]!, end, want);
      at[i] = k;
      if (k === end) return -1;
      if (locations[k] !== want) {
        ok = false;
        break;
      }
    }
    if (ok) return l;
  }
  return -1;
}
