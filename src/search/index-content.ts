import { normalize, type ToSimplified } from './normalize.ts';
import type { RecordText } from './record-text.ts';
import { gramToken, isGramToken, isSearchableUnit, laneToken, leadingPair, MAX_GRAM_UNITS, pairToken, presenceToken, textRuns, unitToken, type Unit } from './tokens.ts';

/**
 * Positions below this belong to the record's head (title, proposal title, proposers,
 * handling unit). A match whose first position is in the head ranks above body-only
 * matches; Pagefind reports positions without loading anything else. Positions here are
 * the record's word positions; Pagefind's are two per word ({@link LANES}).
 */
export const HEAD_SIZE = 256;

/**
 * Pagefind positions per word position: a word at position p stands at Pagefind position
 * 2p (its own token), and 2p + 1 holds the lane token of a frequent pair there
 * (./frequent-pairs.ts, ./tokens.ts `laneToken`), or a gap. The token at 2p of a frequent
 * pair followed by another unit of its run is the longer token, which a phrase that goes
 * on reads. The lane token is the pair with the unit before it in its run (the pair alone
 * where it starts the run), which a phrase that ends with the pair reads: 精准招商 reads
 * 准招商, not every 招商. Doubling the positions adds 2–4 % to a word's postings (measured
 * on a generated archive): differences between positions take a byte more now and then.
 */
export const LANES = 2;

/** Occupies a position without being indexed (Pagefind drops punctuation-only words). */
export const GAP = '.';
/** Stands between runs (whitespace, line and field breaks), so a phrase never spans them. */
export const BREAK = 's';
/**
 * What stands between two runs: the break token, then a gap. Two positions, not one, so
 * that two pairs two positions apart are always two overlapping halves of one run; a
 * look-up may then skip every other pair of a long phrase (./phrase-probes.ts). With a
 * one-position break, 甲乙 and 丙丁 of the text 甲乙 丙丁 would stand two apart too.
 */
export const RUN_BREAK = [BREAK, GAP] as const;
/**
 * What stands before the single tokens after the head's text and after the body's: a run
 * break and one more gap. With a run break alone, a quoted phrase of one-character runs
 * ("丁 丁": 丁, break, gap, 丁) matched a record whose text ends with 丁 and whose first
 * single token is 丁's.
 */
export const SINGLES_BREAK = [...RUN_BREAK, GAP] as const;

/** Appends a run break unless `out` is empty or already ends with one. */
function pushBreak(out: string[]): void {
  if (out.length && !(out[out.length - 2] === BREAK && out[out.length - 1] === GAP)) out.push(...RUN_BREAK);
}

/**
 * Appends the tokens of one line: per run, its pairs, each frequent pair followed by
 * another unit of the run as its triple token instead, and each frequent triple followed
 * by another unit as its quad token (./frequent-pairs.ts); the positions are the same
 * either way. Adds to `singles` its units' tokens and its frequent pairs' presence tokens.
 */
function emitLine(line: string, out: string[], singles: Set<string>, toSimplified: ToSimplified | undefined, frequent?: ReadonlySet<string>): void {
  for (const run of textRuns(normalize(line, { toSimplified }).text)) {
    pushBreak(out);
    if (run.length === 1) out.push(unitToken(run[0]));
    for (let i = 0; i + 1 < run.length; i++) {
      let token = pairToken(run[i], run[i + 1]);
      if (frequent?.has(token)) singles.add(presenceToken(token));
      for (let units = 3; units <= MAX_GRAM_UNITS && i + units <= run.length && frequent?.has(token); units++) token = gramToken(run, i, units);
      out.push(token);
    }
    for (const unit of run) if (isSearchableUnit(unit)) singles.add(unitToken(unit as Unit));
  }
}

/** The lines of a record as the index lays them out: head (ranked higher) and body. */
export interface IndexLayout {
  head: string[];
  body: string[];
}

/**
 * Splits a record's text into the head (as many head fields as fit in HEAD_SIZE
 * positions) and the body (head fields that did not fit, then every section).
 */
export function indexLayout(text: RecordText, toSimplified?: ToSimplified, frequent?: ReadonlySet<string>): IndexLayout {
  const head: string[] = [];
  const overflow: string[] = [];
  let used = 0;
  const singles = new Set<string>();
  for (const line of text.head) {
    const lineTokens: string[] = [];
    const lineSingles = new Set<string>();
    emitLine(line, lineTokens, lineSingles, toSimplified, frequent);
    const newSingles = [...lineSingles].filter((t) => !singles.has(t));
    // Room for the line, a break before it, the break before the singles and all singles.
    const lineSize = RUN_BREAK.length + lineTokens.length;
    if (used + lineSize + SINGLES_BREAK.length + singles.size + newSingles.length > HEAD_SIZE) {
      overflow.push(line);
      continue;
    }
    head.push(line);
    used += lineSize;
    for (const t of newSingles) singles.add(t);
  }
  return { head, body: [...overflow, ...text.sections.flatMap((s) => s.lines)] };
}

/**
 * The words of one record, one per position: pair tokens in text order (head, then body;
 * `frequent` pairs and triples one unit longer where a unit follows), each single-unit
 * token and each frequent pair's presence token once (in the head if the head holds it),
 * and fillers that fix the head's size.
 */
export function indexWords(text: RecordText, toSimplified?: ToSimplified, frequent?: ReadonlySet<string>): string[] {
  const layout = indexLayout(text, toSimplified, frequent);
  const head: string[] = [];
  const headSingles = new Set<string>();
  for (const line of layout.head) emitLine(line, head, headSingles, toSimplified, frequent);
  head.push(...SINGLES_BREAK, ...headSingles);
  if (head.length > HEAD_SIZE) throw new Error(`head of ${head.length} words exceeds ${HEAD_SIZE}`);
  while (head.length < HEAD_SIZE) head.push(GAP);

  const body: string[] = [];
  const bodySingles = new Set<string>();
  for (const line of layout.body) emitLine(line, body, bodySingles, toSimplified, frequent);
  body.push(...SINGLES_BREAK);
  for (const t of bodySingles) if (!headSingles.has(t)) body.push(t);
  return [...head, ...body];
}

/**
 * The word stream Pagefind indexes for one record: its words ({@link indexWords}), each
 * followed by the lane token of a frequent pair there or a gap ({@link LANES}).
 */
export function indexContent(text: RecordText, toSimplified?: ToSimplified, frequent?: ReadonlySet<string>): { content: string; words: number } {
  const out: string[] = [];
  let before: string | null = null;
  for (const word of indexWords(text, toSimplified, frequent)) {
    const pair = frequent?.size && isGramToken(word) ? leadingPair(word) : null;
    // The pair before, if this one continues its run (a pair-like word right before).
    out.push(word, pair && frequent!.has(pair) ? laneToken(pair, before ?? undefined) : GAP);
    before = pair;
  }
  return { content: out.join(' '), words: out.length };
}
