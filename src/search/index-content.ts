import { normalize, type ToSimplified } from './normalize.ts';
import type { RecordText } from './record-text.ts';
import { isSearchableUnit, pairToken, textRuns, tripleToken, unitToken, type Unit } from './tokens.ts';

/**
 * Positions below this belong to the record's head (title, proposal title, proposers,
 * handling unit). A match whose first position is in the head ranks above body-only
 * matches; Pagefind reports positions without loading anything else.
 */
export const HEAD_SIZE = 256;

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

/** Appends a run break unless `out` is empty or already ends with one. */
function pushBreak(out: string[]): void {
  if (out.length && !(out[out.length - 2] === BREAK && out[out.length - 1] === GAP)) out.push(...RUN_BREAK);
}

/**
 * Appends the tokens of one line: per run, its pairs, each frequent pair followed by
 * another unit of the run as its triple token instead (./frequent-pairs.ts); the
 * positions are the same either way.
 */
function emitLine(line: string, out: string[], singles: Set<string>, toSimplified: ToSimplified | undefined, frequent?: ReadonlySet<string>): void {
  for (const run of textRuns(normalize(line, { toSimplified }).text)) {
    pushBreak(out);
    if (run.length === 1) out.push(unitToken(run[0]));
    for (let i = 0; i + 1 < run.length; i++) {
      const pair = pairToken(run[i], run[i + 1]);
      out.push(i + 2 < run.length && frequent?.has(pair) ? tripleToken(run[i], run[i + 1], run[i + 2]) : pair);
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
export function indexLayout(text: RecordText, toSimplified?: ToSimplified): IndexLayout {
  const head: string[] = [];
  const overflow: string[] = [];
  let used = 0;
  const singles = new Set<string>();
  for (const line of text.head) {
    const lineTokens: string[] = [];
    const lineSingles = new Set<string>();
    emitLine(line, lineTokens, lineSingles, toSimplified);
    const newSingles = [...lineSingles].filter((t) => !singles.has(t));
    // Room for the line, a break before it, a break before the singles and all singles.
    const lineSize = RUN_BREAK.length + lineTokens.length;
    if (used + lineSize + RUN_BREAK.length + singles.size + newSingles.length > HEAD_SIZE) {
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
 * The word stream Pagefind indexes for one record: pair tokens in text order (head,
 * then body; `frequent` pairs as triple tokens where a unit follows), each single-unit
 * token once, and fillers that fix the head's size.
 */
export function indexContent(text: RecordText, toSimplified?: ToSimplified, frequent?: ReadonlySet<string>): { content: string; words: number } {
  const layout = indexLayout(text, toSimplified);
  const head: string[] = [];
  const headSingles = new Set<string>();
  for (const line of layout.head) emitLine(line, head, headSingles, toSimplified, frequent);
  head.push(...RUN_BREAK, ...headSingles);
  if (head.length > HEAD_SIZE) throw new Error(`head of ${head.length} words exceeds ${HEAD_SIZE}`);
  while (head.length < HEAD_SIZE) head.push(GAP);

  const body: string[] = [];
  const bodySingles = new Set<string>();
  for (const line of layout.body) emitLine(line, body, bodySingles, toSimplified, frequent);
  body.push(...RUN_BREAK);
  for (const t of bodySingles) if (!headSingles.has(t)) body.push(t);
  const words = [...head, ...body];
  return { content: words.join(' '), words: words.length };
}
