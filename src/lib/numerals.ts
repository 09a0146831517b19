const DIGIT_VALUES: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Full-width digits (０-９) become ASCII; other characters are left alone. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * Reads a number written in Chinese numerals or digits, as terms, meetings and
 * proposal numbers are written: 十三 → 13, 二十 → 20, 一百零五 → 105, 13 → 13, １３ → 13.
 * Digit-by-digit forms (二〇一八 → 2018) are read too. Returns null for anything else.
 */
export function parseChineseNumber(input: string): number | null {
  const text = asciiDigits(input.trim());
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text);
  if ([...text].every((c) => c in DIGIT_VALUES) && text.length > 1) {
    // 二〇一八: each character is one digit (years are written this way).
    return Number([...text].map((c) => DIGIT_VALUES[c]).join(''));
  }
  let total = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in DIGIT_VALUES) {
      if (digit !== null && digit !== 0) return null; // two digits in a row: not a numeral
      digit = DIGIT_VALUES[c] as number;
    } else if (c in UNITS) {
      const unit = UNITS[c] as number;
      // 十三: a leading 十 means one ten.
      total += (digit ?? 1) * unit;
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

/** The characters that can make up a number in a session or proposal number. */
export const NUMERAL_CHARS = '0-9０-９零〇○一二两三四五六七八九十百千';

const DIGITS = '零一二三四五六七八九';


/**
 * Writes a positive integer below 10,000 in Chinese numerals the way sessions are
 * written (13 → 十三, 20 → 二十, 105 → 一百零五). No library does this small job
 * without pulling in a full number-formatting package.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] ?? '';
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : DIGITS[d]) + unit;
  });
  return out;
}
