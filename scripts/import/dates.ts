import { asciiDigits, parseChineseNumber } from '../../src/lib/numerals.ts';

/** A date as printed on a page, with what could be read from it. */
export interface ParsedDate {
  /** YYYY-MM-DD when the printed text gives exactly one calendar date, else null. */
  date: string | null;
  /** The date exactly as printed (trimmed). */
  text: string;
  /** True when the printed form is damaged: separators or 日 lost, digits run together. */
  broken: boolean;
  /** True when the damaged form allows more than one date (2021112: 1月12日 or 11月2日). */
  ambiguous: boolean;
}

function iso(year: number, month: number, day: number): string | null {
  if (year < 1949 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null; // 2月30日 and the like
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const CLEAN = /^(\d{4})\s*([-/.年])\s*(\d{1,2})\s*([-/.月])\s*(\d{1,2})\s*(日?)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const CHINESE = /^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日?$/;
const MONTH_ONLY = /^(\d{4})年(\d{1,2})月$/;
const RUN = /^((?:19|20)\d{2})(\d{2,4})$/;

/**
 * Reads one printed date. Clean forms (2018-11-05, 2018年11月5日, 2018/7/24,
 * 二〇一八年九月三十日) parse as they are. Damaged forms are marked broken and parsed
 * only when a single reading exists: 202268 → 2022-06-08, 2021830 → 2021-08-30
 * (83月 is impossible), 20211026 → 2021-10-26, 2018年9月30 → 2018-09-30; 2021112 stays null.
 * Returns null when the text is not a date at all.
 */
export function parseDate(input: string): ParsedDate | null {
  const text = input.trim();
  const t = asciiDigits(text);
  let m = CLEAN.exec(t);
  if (m) {
    const chinese = m[2] === '年' || m[4] === '月';
    if (chinese !== (m[2] === '年' && m[4] === '月')) return null; // mixed 2018年9-30: not a date form we know
    const date = iso(Number(m[1]), Number(m[3]), Number(m[5]));
    if (!date) return null;
    const broken = chinese && m[6] !== '日';
    return { date, text, broken, ambiguous: false };
  }
  m = CHINESE.exec(t);
  if (m) {
    const y = parseChineseNumber(m[1] ?? '');
    const mo = parseChineseNumber(m[2] ?? '');
    const d = parseChineseNumber(m[3] ?? '');
    const date = y && mo && d ? iso(y, mo, d) : null;
    return date ? { date, text, broken: !t.endsWith('日'), ambiguous: false } : null;
  }
  m = MONTH_ONLY.exec(t);
  if (m && iso(Number(m[1]), Number(m[2]), 1)) return { date: null, text, broken: true, ambiguous: false };
  m = RUN.exec(t);
  if (m) {
    const year = Number(m[1]);
    const rest = m[2] ?? '';
    // Every way to split the run into month and day; keep the real dates.
    const readings = new Set<string>();
    for (let cut = 1; cut < rest.length; cut++) {
      const monthText = rest.slice(0, cut);
      const dayText = rest.slice(cut);
      if (monthText.length > 2 || dayText.length > 2) continue;
      const date = iso(year, Number(monthText), Number(dayText));
      if (date) readings.add(date);
    }
    if (readings.size === 0) return null;
    const only = readings.size === 1 ? [...readings][0] ?? null : null;
    return { date: only, text, broken: true, ambiguous: readings.size > 1 };
  }
  return null;
}

/** Finds the first date-looking run inside a longer line (e.g. 发布时间:2018-11-05 00:00). */
export function findDate(line: string): ParsedDate | null {
  const m = /(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)/.exec(asciiDigits(line));
  return m ? parseDate(m[1] ?? '') : null;
}
