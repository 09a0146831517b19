/**
 * Turns normalised text into the opaque ASCII tokens that Pagefind indexes, and a query
 * into the same tokens. Pagefind then never segments, stems or splits anything itself.
 *
 * Units: one Han character, one run of digits, one run of Latin letters, or one other
 * visible character (punctuation is kept, so a phrase with punctuation matches exactly).
 * Whitespace separates runs. Tokens:
 * - `b<unit><unit>`: two adjacent units of a run, one per position (overlapping pairs);
 *   a phrase of n units is the n−1 pairs at consecutive positions, which Pagefind's
 *   exact ("quoted") search checks.
 * - `u<unit>`: a single unit, for one-character queries (once per record per section).
 * - `l<unit><unit><unit>` and `a<unit><unit>`: a frequent pair with the unit before it in its
 *   run, or the pair alone where it starts its run, beside the token its position holds
 *   (./index-content.ts `LANES`), at every position where the pair stands.
 * - `p<unit><unit>`: a frequent pair, once per record (in the head or the body) where it
 *   stands, for a query of that pair alone.
 * - `t<unit><unit><unit>` and `q<unit>…` (four units): a frequent pair (./frequent-pairs.ts)
 *   and the unit after it in the same run, standing in the pair's place, and a frequent
 *   triple and the unit after it in the triple's place: a phrase through a very common
 *   pair then reads the postings of that pair followed by what the phrase has there, not
 *   of every occurrence.
 *
 * Unit codes are prefix-free, so no token is a prefix of another one and Pagefind's prefix
 * expansion can never widen a query: a BMP Han character is 3 base-36 digits not starting
 * with `z`; any other character is `z` + 4 base-36 digits of its code point; a digit run is
 * `zz` + digits + `z`; a Latin run is `zy` + letters + `0`.
 */

/** What a unit is. */
export type UnitKind = 'han' | 'digits' | 'latin' | 'other';

/** One unit of normalised text. */
export interface Unit {
  code: string;
  kind: UnitKind;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
}

const HAN = /\p{Script=Han}/u;
/** Longest Latin run that gets its own unit; longer runs (URLs, base64) are cut. */
const MAX_LATIN = 24;
const MAX_DIGITS = 18;

/** The prefix-free code of one character that is not a digit or Latin letter. */
export function charCode(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x3400 && cp <= 0x9fff) return (cp - 0x3400).toString(36).padStart(3, '0');
  return `z${cp.toString(36).padStart(4, '0')}`;
}

// Each character's code and kind, worked out once: the index asks for them at every
// character of every record. Capped, so hostile text cannot grow it without end.
const CHARACTER_UNITS = new Map<number, { code: string; kind: UnitKind }>();

function characterUnit(cp: number): { code: string; kind: UnitKind } {
  let unit = CHARACTER_UNITS.get(cp);
  if (!unit) {
    const ch = String.fromCodePoint(cp);
    unit = { code: charCode(ch), kind: HAN.test(ch) ? 'han' : 'other' };
    if (CHARACTER_UNITS.size < 65536) CHARACTER_UNITS.set(cp, unit);
  }
  return unit;
}

/** The units of one whitespace-free run of normalised text. */
function runUnits(text: string, start: number, end: number, out: Unit[]): void {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < end && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      out.push({ code: `zz${text.slice(i, Math.min(j, i + MAX_DIGITS))}z`, kind: 'digits', start: i, end: j });
      i = j;
    } else if (c >= 97 && c <= 122) {
      let j = i + 1;
      while (j < end && text.charCodeAt(j) >= 97 && text.charCodeAt(j) <= 122) j++;
      out.push({ code: `zy${text.slice(i, Math.min(j, i + MAX_LATIN))}0`, kind: 'latin', start: i, end: j });
      i = j;
    } else {
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      // Letters of other scripts (é after NFKC, Cyrillic …) are rare here; each is its own unit.
      const unit = characterUnit(cp);
      out.push({ code: unit.code, kind: unit.kind, start: i, end: i + width });
      i += width;
    }
  }
}

/** Splits normalised text into runs (separated by whitespace), each a list of units. */
export function textRuns(text: string): Unit[][] {
  const runs: Unit[][] = [];
  const ws = /\s+/g;
  let last = 0;
  const push = (from: number, to: number) => {
    if (to <= from) return;
    const units: Unit[] = [];
    runUnits(text, from, to, units);
    if (units.length) runs.push(units);
  };
  for (let m = ws.exec(text); m; m = ws.exec(text)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, text.length);
  return runs;
}

/** The pair token of two adjacent units. */
export function pairToken(a: Unit, b: Unit): string {
  return `b${a.code}${b.code}`;
}

/** The first letter of the tokens of 2, 3 and 4 units. */
const GRAM_LETTERS = ['b', 't', 'q'] as const;
/** Units in the longest token: a frequent triple is extended, a quad never. */
export const MAX_GRAM_UNITS = GRAM_LETTERS.length + 1;

/** The token of `count` (2 to {@link MAX_GRAM_UNITS}) units of `run` from `start`. */
export function gramToken(run: readonly Unit[], start: number, count: number): string {
  const letter = GRAM_LETTERS[count - 2];
  if (!letter || start + count > run.length) throw new Error(`no token of ${count} units at ${start} of a run of ${run.length}`);
  let token = letter;
  for (let i = start; i < start + count; i++) token += run[i]!.code;
  return token;
}

/** Where the unit code starting at `at` of a token ends, by the prefix-free rules above. */
function unitCodeEnd(token: string, at: number): number {
  if (token[at] !== 'z') return at + 3;
  if (token[at + 1] === 'z') return token.indexOf('z', at + 2) + 1;
  if (token[at + 1] === 'y') return token.indexOf('0', at + 2) + 1;
  return at + 5;
}

/**
 * The token one unit longer than `token` (a pair or triple token): its units, then the
 * second unit of the pair token `pair`, which starts with `token`'s last unit.
 * `b甲乙` and `b乙丙` give `t甲乙丙`; `t甲乙丙` and `b丙丁` give `q甲乙丙丁`.
 */
export function extendToken(token: string, pair: string): string {
  const letter = GRAM_LETTERS[GRAM_LETTERS.indexOf(token[0] as (typeof GRAM_LETTERS)[number]) + 1];
  const second = unitCodeEnd(pair, 1);
  if (!letter || !pair.startsWith('b') || second <= 1 || second >= pair.length) throw new Error(`cannot extend "${token}" by "${pair}"`);
  return `${letter}${token.slice(1)}${pair.slice(second)}`;
}

/** The pair token of the first two units of a pair, triple or quad token: `t甲乙丙` → `b甲乙`. */
export function leadingPair(token: string): string {
  if (!GRAM_LETTERS.includes(token[0] as (typeof GRAM_LETTERS)[number])) throw new Error(`"${token}" is not a pair, triple or quad token`);
  return `b${token.slice(1, unitCodeEnd(token, unitCodeEnd(token, 1)))}`;
}

/**
 * The token of the frequent pair token `pair` in the second lane (./index-content.ts
 * `LANES`): with `before`, the pair token that ends with the pair's first unit (the unit
 * before it in its run), `b丙甲` and `b甲乙` → `l丙甲乙`; without, where the pair starts its
 * run, `b甲乙` → `a甲乙`.
 */
export function laneToken(pair: string, before?: string): string {
  if (!before) return `a${pair.slice(1)}`;
  return `l${before.slice(1, unitCodeEnd(before, 1))}${pair.slice(1)}`;
}

/**
 * The token that says a record holds the frequent pair token `pair` somewhere (once per
 * record, among its single-unit tokens, ./index-content.ts): `b甲乙` → `p甲乙`.
 */
export function presenceToken(pair: string): string {
  return `p${pair.slice(1)}`;
}

/** True for a pair, triple or quad token. */
export function isGramToken(token: string): boolean {
  return GRAM_LETTERS.includes(token[0] as (typeof GRAM_LETTERS)[number]);
}

/** The single-unit token. */
export function unitToken(a: Unit): string {
  return `u${a.code}`;
}

/** True for units worth a single-unit token (punctuation alone is not searched). */
export function isSearchableUnit(unit: Unit): boolean {
  return unit.kind !== 'other';
}

/**
 * The tokens Pagefind must find at consecutive positions for a phrase of units
 * (already one whitespace-free run): the overlapping pairs, or the single-unit token.
 */
export function phraseTokens(units: Unit[]): string[] {
  if (units.length === 1) return [unitToken(units[0])];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < units.length; i++) tokens.push(pairToken(units[i], units[i + 1]));
  return tokens;
}
