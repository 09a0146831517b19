import type { Body } from '../../src/schemas/index.ts';
import { asciiDigits, NUMERAL_CHARS, parseChineseNumber } from '../../src/lib/numerals.ts';

/** A session as read from a title or text line; every part the text does not state is null. */
export interface ParsedSession {
  body: Body | null;
  level: string | null;
  place: string | null;
  term: number | null;
  meeting: number | null;
  /** The session exactly as written, e.g. 区政协十三届二次会议. */
  text: string;
  /** The proposal number written right after the session (第5号 → "5"), if any. */
  number: string | null;
}

const N = `[${NUMERAL_CHARS}]+`;
// 十三届二次会议 / 第十二届紫阳县委员会第三次会议 / 五届人大五次会议 / 十三届全国人大二次会议
const SESSION = new RegExp(`(第?)(${N})届([^，,。；;：:\\s《》“”"（）()]{0,20}?)(第?)(${N})次(?:全体)?会议`);
const NUMBER_AFTER = new RegExp(`^\\s*(?:上|期间)?[^，,。；;《》]{0,4}?第?\\s*([0-9０-９]+|[零〇一二三四五六七八九十百]+)\\s*号`);
// Words that end the text before a session: 关于, 对, 在 … are not part of a place name.
const PREFIX_STOP = /(?:关于|对于|对|在|向|经|据|将|是|的|由|及|和|与)/g;
const BODY_WORDS = /中国人民政治协商会议|政治协商会议|人民代表大会常务委员会|人民代表大会|常务委员会|常委会|委员会|政协|人大|第/g;

function bodyOf(text: string): Body | null {
  if (/政协|政治协商/.test(text)) return 'cppcc';
  if (/人大|人民代表大会/.test(text)) return 'npc';
  return null;
}

/**
 * Finds the first session (届/次会议) in a line and reads body, level, place, term and
 * meeting from it. Parts the text does not state stay null: 区政协 gives level 区 and
 * no place; 淮北市政协 gives place 淮北市 and level 市.
 */
export function parseSession(line: string): ParsedSession | null {
  const match = SESSION.exec(line);
  if (!match) return null;
  const before = line.slice(Math.max(0, match.index - 24), match.index);
  // Keep only the Han run directly before the match, cut at the last stop word.
  const run = /[\u4e00-\u9fff]*$/.exec(before)?.[0] ?? '';
  let prefix = run;
  let stop: RegExpExecArray | null;
  PREFIX_STOP.lastIndex = 0;
  while ((stop = PREFIX_STOP.exec(run)) !== null) prefix = run.slice(stop.index + stop[0].length);
  const middle = match[3] ?? '';
  const named = prefix + middle;
  const rest = named.replace(BODY_WORDS, '');
  let level: string | null = null;
  let place: string | null = null;
  if (rest.startsWith('全国')) level = '全国';
  else if (/^(省|市|区|县|州|旗|盟|镇|乡)$/.test(rest)) level = rest;
  else if (/^[\u4e00-\u9fff]{1,10}(省|市|区|县|州|旗|盟)$/.test(rest)) {
    place = rest;
    level = rest.slice(-1);
  }
  const text = prefix + match[0];
  const after = line.slice(match.index + match[0].length);
  const num = NUMBER_AFTER.exec(after);
  return {
    body: bodyOf(named),
    level,
    place,
    term: parseChineseNumber(match[2] ?? ''),
    meeting: parseChineseNumber(match[5] ?? ''),
    text,
    number: num ? normalizeNumber(num[1] ?? '') : null,
  };
}

/** A proposal number as the archive stores it: ASCII digits, leading zeros kept (0123). */
export function normalizeNumber(written: string): string | null {
  const ascii = asciiDigits(written.trim());
  if (/^\d+$/.test(ascii)) return ascii;
  const n = parseChineseNumber(ascii);
  return n === null ? null : String(n);
}

/** Finds a proposal number written as 第5号 / 5号提案 / 第0123号建议 in a line without a session. */
export function parseProposalNumber(line: string): string | null {
  const m = /第\s*([0-9０-９]+)\s*号|([0-9０-９]+)\s*号\s*(?:提案|建议|议案)/.exec(line);
  return m ? normalizeNumber(m[1] ?? m[2] ?? '') : null;
}
