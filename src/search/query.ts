import { RUN_BREAK } from './index-content.ts';
import { isNumeralChar, normalize, type ToSimplified } from './normalize.ts';
import { phraseTokens, textRuns } from './tokens.ts';

/**
 * One thing the reader asked for: a word, or a "quoted phrase". A record matches when
 * it contains any of the phrase's variants (which differ only in how a numeral at the
 * phrase's edge is written).
 */
export interface QueryPhrase {
  /** As typed (quotes removed). */
  raw: string;
  /** True when typed in quotes. */
  quoted: boolean;
  /** Normalised forms; the first is the plain one. */
  variants: string[];
  /**
   * For each variant, the Pagefind tokens at consecutive positions (a gap token stands
   * for a position any word may hold; ./phrase-probes.ts picks those to look up).
   */
  tokens: string[][];
}

/** Quote marks that delimit a phrase in a query. */
const QUOTES = /["＂“”„「」『』]/;

/** Splits a query into words and quoted phrases: `河长制 "水利局 答复"` → two phrases. */
export function splitQuery(query: string): { text: string; quoted: boolean }[] {
  const parts: { text: string; quoted: boolean }[] = [];
  let quoted = false;
  let current = '';
  const flush = () => {
    if (quoted) {
      if (current.trim()) parts.push({ text: current.trim(), quoted: true });
    } else {
      for (const word of current.split(/\s+/)) if (word) parts.push({ text: word, quoted: false });
    }
    current = '';
  };
  for (const ch of query) {
    if (QUOTES.test(ch)) {
      flush();
      quoted = !quoted;
    } else {
      current += ch;
    }
  }
  flush();
  return parts;
}

/** The tokens of one normalised phrase: runs' tokens joined by run breaks, as the index lays them out. */
function tokensOf(normalized: string): string[] {
  const runs = textRuns(normalized);
  const out: string[] = [];
  for (const run of runs) {
    // Punctuation alone is not indexed on its own.
    if (run.length === 1 && run[0]!.kind === 'other') continue;
    if (out.length) out.push(...RUN_BREAK);
    out.push(...phraseTokens(run));
  }
  return out;
}

/**
 * Parses a query into phrases with their normalised variants and tokens. Phrases whose
 * text normalises to nothing (punctuation only) are dropped.
 */
export function parseQuery(query: string, toSimplified?: ToSimplified): QueryPhrase[] {
  const phrases: QueryPhrase[] = [];
  for (const part of splitQuery(query)) {
    const variants = new Set<string>();
    const plain = normalize(part.text, { toSimplified }).text.replace(/\s+/g, ' ').trim();
    if (!plain) continue;
    variants.add(plain);
    const leading = isNumeralChar(part.text.trim()[0] ?? '');
    const trailing = isNumeralChar(part.text.trim().slice(-1));
    for (const edges of [
      { leading, trailing: false },
      { leading: false, trailing },
      { leading, trailing },
    ]) {
      if (!edges.leading && !edges.trailing) continue;
      variants.add(normalize(part.text.trim(), { toSimplified, edgeNumerals: edges }).text.replace(/\s+/g, ' ').trim());
    }
    const list = [...variants].filter((v) => tokensOf(v).length > 0);
    if (!list.length) continue;
    phrases.push({ raw: part.text, quoted: part.quoted, variants: list, tokens: list.map(tokensOf) });
  }
  return phrases;
}
