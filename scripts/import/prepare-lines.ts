import { isMojibakeLine, looksLikeMojibake, repairMojibake } from './dirt/mojibake.ts';
import { removePinyin } from './dirt/pinyin-mirror.ts';
import { isTraditional, toSimplifiedAligned } from './dirt/traditional.ts';
import { maskPii } from './pii.ts';
import type { SourceLine } from './read-page.ts';
import type { Line, Report } from './types.ts';

const MAY_HAVE_PII = /1[3-9][0-9][- ]?[0-9]{4}[- ]?[0-9]{4}|[0-9]{17}/;
const TRIM = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;

/** The page's lines with personal numbers masked, safe repairs applied and a Simplified key. */
export interface PreparedPage {
  lines: Line[];
  traditional: boolean;
}

/**
 * Prepares the lines of a page: masks personal numbers (before anything keeps a copy),
 * repairs reversible mojibake and removes inserted pinyin (both recorded as repairs with
 * the original line), and detects Traditional writing (structure is then recognised on
 * a Simplified copy while the text stays as published).
 */
export function prepareLines(source: readonly SourceLine[], report: Report): PreparedPage {
  const lines: Line[] = [];
  let mobiles = 0;
  let idCards = 0;
  const piiLines: number[] = [];
  const whole = source.map((l) => l.text).join('\n');
  const mojibakeText = looksLikeMojibake(whole);
  // Most pages carry no personal number at all; skip the per-line masking then.
  const mayHavePii = MAY_HAVE_PII.test(whole);
  let pinyinCount = 0;
  let pinyinExample: string | null = null;
  for (const s of source) {
    const pii = mayHavePii ? maskPii(s.text) : { text: s.text, mobiles: 0, idCards: 0 };
    if (pii.mobiles || pii.idCards) piiLines.push(s.no);
    mobiles += pii.mobiles;
    idCards += pii.idCards;
    const raw = pii.text;
    let text = raw.replace(TRIM, '');
    if (mojibakeText && isMojibakeLine(text)) {
      const fixed = repairMojibake(text);
      if (fixed.repaired) {
        report.flags.push({ type: 'mojibake', where: null, line: s.no, note: `第${s.no}行是乱码(UTF-8 文字被当作 GBK 读取),已无损还原,原文见修复记录`, original: null });
        report.repairs.push({ type: 'mojibake', where: null, line: s.no, original: text, replacement: fixed.text });
      }
      if (fixed.unrepaired) {
        report.flags.push({ type: 'mojibake', where: null, line: s.no, note: `第${s.no}行有乱码(UTF-8 文字被当作 GBK 读取),无法无损还原,保留原样`, original: text });
      }
      text = fixed.text;
    }
    const pinyin = removePinyin(text);
    if (pinyin.count) {
      pinyinCount += pinyin.count;
      pinyinExample ??= pinyin.example;
      report.repairs.push({ type: 'pinyin-mirror', where: null, line: s.no, original: text, replacement: pinyin.text });
      text = pinyin.text;
    }
    lines.push({ no: s.no, raw, text, key: text });
  }
  if (mobiles || idCards) {
    const parts = [mobiles ? `${mobiles}个手机号码` : '', idCards ? `${idCards}个身份证号码` : ''].filter(Boolean).join('、');
    report.flags.push({ type: 'pii-masked', where: null, line: piiLines[0] ?? null, note: `原网页公开了个人信息(${parts},第${piiLines.join('、')}行),已遮盖中间数字`, original: null });
  }
  if (pinyinCount) {
    report.flags.push({ type: 'pinyin-mirror', where: 'body', line: null, note: `镜像站在${pinyinCount}处汉字后插入了拼音(如“${pinyinExample ?? ''}”),已删除拼音,原文见修复记录`, original: null });
  }
  const traditional = isTraditional(lines.map((l) => l.text).join('\n'));
  if (traditional) {
    for (const line of lines) line.key = toSimplifiedAligned(line.text);
    report.flags.push({ type: 'traditional', where: 'body', line: null, note: '原网页为繁体中文;正文按原样保留,标题、单位等字段已转为简体,繁体原文见修复记录', original: null });
  }
  return { lines, traditional };
}
