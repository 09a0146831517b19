import type { DocNumber } from '../schemas/index.ts';
import { asciiDigits } from './numerals.ts';

// An issuer abbreviation, a bracketed year and a serial: 宣招〔2025〕12号, 宿商【2025】7号,
// 国办函[2019]第3号, 皖政(2018) 45 号. Bracket pairs need not match on real pages.
const DOC_NO = /^([\u4e00-\u9fffA-Za-z]{1,16}?)\s*[〔\[［【(（{｛〖]\s*((?:19|20)\d{2})\s*[〕\]］】)）}｝〗]\s*(第?)\s*(\d{1,5})\s*号$/;

/**
 * Reads a 文号 written in any bracket style. Returns it as printed plus the archive's
 * normalised form (year in 〔〕, ASCII digits, no spaces), or null when the text is
 * not a document number.
 */
export function parseDocNumber(input: string): DocNumber | null {
  const text = input.trim();
  const m = DOC_NO.exec(asciiDigits(text));
  if (!m) return null;
  return { text, normalized: `${m[1]}〔${m[2]}〕${m[3]}${m[4]}号` };
}
