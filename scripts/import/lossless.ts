import { parseDate } from './dates.ts';
import { isKnownLabel } from './labels.ts';
import type { Dropped } from './types.ts';

/** One Han character the record lacks, with the page lines it stands on. */
export interface MissingText {
  char: string;
  count: number;
  lines: number[];
}

/** The outcome of the lossless check. */
export interface LosslessResult {
  ok: boolean;
  missing: MissingText[];
  /** Dropped fragments that are neither chrome nor a known label nor a true duplicate. */
  unjustified: Dropped[];
}

// Han characters of the Basic Multilingual Plane (CJK, Extension A, compatibility);
// supplementary-plane Han is rare in these pages and not counted.
const NOT_HAN = /[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

function hanOnly(text: string): string {
  return text.replace(NOT_HAN, '');
}

/** Every string value inside a record, depth first (frontmatter fields, flags, repairs). */
export function recordStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) recordStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) recordStrings(v, out);
  return out;
}

/**
 * Proves that no Han character of the page was lost: counts every Han character of
 * the page (minus lines removed as chrome, labels consumed as structure, dates parsed
 * into date fields and values that were printed twice) and requires the record (frontmatter, flags, repairs and body) to
 * hold at least as many of each. A label must be a known label, a parsed date must parse, and a
 * duplicate must really be in the record, so these exemptions cannot hide lost text. `fold` maps both
 * sides to one script (Simplified) for Traditional pages.
 */
export function checkLossless(
  pageLines: readonly { no: number; raw: string }[],
  dropped: readonly Dropped[],
  recordTexts: readonly string[],
  fold: (text: string) => string = (t) => t,
): LosslessResult {
  const counts = new Int32Array(0x10000);
  const chromeLines = new Set(dropped.filter((d) => d.reason === 'chrome').map((d) => d.line));
  const kept = pageLines.filter((l) => !chromeLines.has(l.no)).map((l) => ({ no: l.no, han: hanOnly(fold(l.raw)) }));
  for (const line of kept) for (let i = 0; i < line.han.length; i++) counts[line.han.charCodeAt(i)]++;
  const recordHan = hanOnly(fold(recordTexts.join('\n')));
  for (let i = 0; i < recordHan.length; i++) counts[recordHan.charCodeAt(i)]--;
  const unjustified: Dropped[] = [];
  for (const d of dropped) {
    if (d.reason === 'chrome') continue;
    const han = hanOnly(fold(d.text));
    const justified =
      d.reason === 'label' ? isKnownLabel(fold(d.text)) : d.reason === 'parsed' ? parseDate(d.text)?.date != null : recordHan.includes(han);
    if (!justified) {
      unjustified.push(d);
      continue;
    }
    for (let i = 0; i < han.length; i++) counts[han.charCodeAt(i)]--;
  }
  const missing: MissingText[] = [];
  const seen = new Set<number>();
  for (const line of kept) {
    for (let i = 0; i < line.han.length; i++) {
      const code = line.han.charCodeAt(i);
      if (seen.has(code) || (counts[code] ?? 0) <= 0) continue;
      seen.add(code);
      const char = String.fromCharCode(code);
      missing.push({ char, count: counts[code] ?? 0, lines: kept.filter((l) => l.han.includes(char)).map((l) => l.no).slice(0, 5) });
    }
  }
  return { ok: missing.length === 0 && unjustified.length === 0, missing, unjustified };
}
