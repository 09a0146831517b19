/**
 * Literal matching on normalised text: the reference the index is measured against
 * (benchmark and scale test) and the way result snippets find their match.
 *
 * A variant matches where it occurs as a substring, except that a digit run or a Latin
 * run is a whole unit: 第5号 does not occur in 第15号, 2018 does not occur in 20180.
 * Whitespace of any length matches whitespace of any length.
 */

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLatin = (c: number) => c >= 97 && c <= 122;

/** True when text[at] continues the same kind of run as the character code `c`. */
function extendsRun(text: string, at: number, c: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const d = text.charCodeAt(at);
  return (isDigit(c) && isDigit(d)) || (isLatin(c) && isLatin(d));
}

/** Collapses whitespace runs to one space (matching is insensitive to their length). */
export function squashSpaces(text: string): { text: string; index: number[] } {
  let out = '';
  const index: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) {
      if (!space) {
        out += ' ';
        index.push(i);
      }
      space = true;
    } else {
      out += text[i];
      index.push(i);
      space = false;
    }
  }
  index.push(text.length);
  return { text: out, index };
}

/** Every match [start, end) of `variant` in `text` (both normalised), whole units respected. */
export function findAll(text: string, variant: string): [number, number][] {
  const out: [number, number][] = [];
  if (!variant) return out;
  const first = variant.charCodeAt(0);
  const last = variant.charCodeAt(variant.length - 1);
  for (let at = text.indexOf(variant); at !== -1; at = text.indexOf(variant, at + 1)) {
    const end = at + variant.length;
    if (extendsRun(text, at - 1, first) || extendsRun(text, end, last)) continue;
    out.push([at, end]);
  }
  return out;
}

/** True when `text` contains any of the variants. */
export function containsAny(text: string, variants: readonly string[]): boolean {
  return variants.some((v) => findAll(text, v).length > 0);
}

/** A record's searchable lines, normalised and with whitespace squashed, ready for {@link matchesAll}. */
export function literalLines(lines: readonly string[], normalizeLine: (line: string) => string): string[] {
  return lines.map((line) => squashSpaces(normalizeLine(line)).text);
}

/**
 * True when every phrase occurs (as any of its variants) within one line of `lines`:
 * what "the record contains the query" means. This is the reference that the search
 * index is measured against, so it is written plainly, with no index in between.
 */
export function matchesAll(lines: readonly string[], phrases: readonly { variants: readonly string[] }[]): boolean {
  return phrases.every((phrase) => lines.some((line) => containsAny(line, phrase.variants)));
}
