import * as OpenCC from 'opencc-js/t2cn';

// Loading the dictionaries costs time, so the converter is built on first use.
let convert: ((text: string) => string) | null = null;
function converter(): (text: string) => string {
  convert ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return convert;
}

// Common characters that exist only in Traditional writing; a cheap first test so that
// the full conversion runs only on pages that may be Traditional.
const TRADITIONAL_HINT = /[們這個為與會說國時來對於發關經開問題進過還讓從應當動後點現員議屆覆區縣機構號稱務導實設計劃業產際處響據則辦較廣東歷總門間長書見車電話語認識論隊費項標準條狀態級]/g;

/** Han characters in a text. */
function hanCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

/**
 * Converts Traditional characters to Simplified, character for character, so that the
 * result has exactly the length of the input and offsets can be shared.
 */
export function toSimplifiedAligned(text: string): string {
  const whole = converter()(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const one = converter()(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}

/**
 * True when a page is written in Traditional characters: at least 5 characters, and
 * 5% of its Han characters, change under conversion. A Simplified page that names
 * a few Traditional titles stays Simplified.
 */
export function isTraditional(text: string): boolean {
  const hints = text.match(TRADITIONAL_HINT)?.length ?? 0;
  if (hints < 3) return false;
  const simplified = toSimplifiedAligned(text);
  let changed = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== simplified.charCodeAt(i)) changed++;
  return changed >= 5 && changed >= hanCount(text) * 0.05;
}
