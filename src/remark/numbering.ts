/** The numbering styles of Chinese official letters, outermost first. */
export const numberingStyles = [
  { style: 'han', pattern: /^\s*([一二三四五六七八九十百]+)\s*、/ },
  { style: 'paren-han', pattern: /^\s*[（(]\s*([一二三四五六七八九十百]+)\s*[）)]/ },
  { style: 'arabic', pattern: /^\s*(\d{1,2})\s*[.．、](?!\d)/ },
  { style: 'paren-arabic', pattern: /^\s*[（(]\s*(\d{1,2})\s*[）)]/ },
] as const;
export type NumberingStyle = (typeof numberingStyles)[number]['style'];

/** The numbering a line starts with, e.g. 二、 → { style: 'han', label: '二' }; null for none. */
export function leadingNumber(text: string): { style: NumberingStyle; label: string } | null {
  for (const { style, pattern } of numberingStyles) {
    const match = pattern.exec(text);
    if (match) return { style, label: match[1]! };
  }
  return null;
}
