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
