import { findAll, squashSpaces } from './literal.ts';
import { normalize, type ToSimplified } from './normalize.ts';

/** A piece of snippet text; `mark` pieces are what the reader searched for. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** Where a search matched in a text line, as [start, end) offsets of the original line. */
export function matchRanges(line: string, variants: readonly string[], toSimplified?: ToSimplified): [number, number][] {
  const n = normalize(line, { toSimplified });
  const squashed = squashSpaces(n.text);
  const ranges: [number, number][] = [];
  for (const v of variants) {
    for (const [s, e] of findAll(squashed.text, v)) {
      const start = n.map[squashed.index[s]!]!;
      // The end maps through the last matched character, so an expanded character is covered whole.
      const lastNorm = squashed.index[e - 1]!;
      let end = n.map[lastNorm + 1]!;
      if (end <= start) end = start + 1;
      ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Cuts a window of about `width` characters around the first range and marks every range in it. */
export function snippetParts(line: string, ranges: [number, number][], width = 60): SnippetPart[] {
  const chars = [...line];
  if (!ranges.length) return [{ text: chars.slice(0, width).join('') + (chars.length > width ? '…' : ''), mark: false }];
  // Work in code units for the ranges, then make sure the window does not split a surrogate pair.
  const first = ranges[0]!;
  let from = Math.max(0, first[0] - Math.floor(width / 3));
  let to = Math.min(line.length, Math.max(first[1], from + width));
  if (from > 0 && /[\udc00-\udfff]/.test(line[from]!)) from--;
  if (to < line.length && /[\udc00-\udfff]/.test(line[to]!)) to++;
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: '…', mark: false });
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    if (a > at) parts.push({ text: line.slice(at, a), mark: false });
    parts.push({ text: line.slice(a, b), mark: true });
    at = b;
  }
  if (at < to) parts.push({ text: line.slice(at, to), mark: false });
  if (to < line.length) parts.push({ text: '…', mark: false });
  return parts;
}
