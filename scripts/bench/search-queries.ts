/**
 * The query set of the search benchmark and the scale test: fixed queries of every kind
 * the search issue names (common and rare words, names, phrases across a word boundary,
 * digits, multi-word and quoted queries, normalisation variants), plus phrases of 2 to 14
 * characters cut from the archive's own records at seeded positions, so that rare text
 * is asked for whatever the corpus holds.
 */
import { rng } from '../lib/seeded-random.ts';
import type { ReferenceRecord } from './literal-reference.ts';

/** One query and why it is in the set. */
export interface BenchQuery {
  q: string;
  what: string;
}

/** Queries that mean something on any archive built from the seed pages' language. */
export const FIXED_QUERIES: BenchQuery[] = [
  { q: '招商引资', what: 'common word' },
  { q: '内生动力', what: 'word the browser segmenter splits' },
  { q: '河长制', what: 'term' },
  { q: '王玲玲', what: 'name' },
  { q: '葛亚', what: 'two-character name' },
  { q: '业招', what: 'across a word boundary' },
  { q: '第5号', what: 'digits inside Han' },
  { q: '第五号', what: 'Chinese numeral → digits' },
  { q: '2018年', what: 'year' },
  { q: '２０１８年', what: 'full-width digits' },
  { q: '十三届二次会议', what: 'session in Chinese numerals' },
  { q: '13届2次会议', what: 'session in digits' },
  { q: '提案辦理', what: 'Traditional → Simplified' },
  { q: '水利局 答复', what: 'two words (all must match)' },
  { q: '"进一步完善市直招商引资工作机制"', what: 'quoted phrase' },
  { q: '商', what: 'one character' },
];

function sampledPhrase(reference: readonly ReferenceRecord[], r: () => number, length: number): string | null {
  for (let attempt = 0; attempt < 50; attempt++) {
    const record = reference[Math.floor(r() * reference.length)]!;
    const line = record.lines[Math.floor(r() * record.lines.length)]!;
    // A run of Han characters (and digits) only, so the phrase reads as text.
    const runs = line.match(/[\p{Script=Han}0-9]+/gu)?.filter((run) => run.length >= length) ?? [];
    if (!runs.length) continue;
    const run = runs[Math.floor(r() * runs.length)]!;
    const start = Math.floor(r() * (run.length - length + 1));
    // A digit run is searched whole (第5号 is not in 第15号): never cut one in two.
    const cutsDigits = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && /\d/.test(a) && /\d/.test(b);
    if (cutsDigits(run[start - 1], run[start]) || cutsDigits(run[start + length - 1], run[start + length])) continue;
    return run.slice(start, start + length);
  }
  return null;
}

/** The fixed queries and `sampled` phrases drawn from `reference` with `seed`. */
export function queryset(reference: readonly ReferenceRecord[], sampled = 24, seed = 7): BenchQuery[] {
  const r = rng(seed);
  const lengths = [2, 2, 3, 3, 4, 4, 5, 6, 8, 10, 14];
  const out = [...FIXED_QUERIES];
  for (let i = 0; i < sampled; i++) {
    const length = lengths[i % lengths.length]!;
    const q = sampledPhrase(reference, r, length);
    if (q && !out.some((o) => o.q === q)) out.push({ q, what: `${length} characters from a record` });
  }
  return out;
}
