import { isMetadataLine } from './metadata-table.ts';

const TITLE_WORDS = /答复|复函|回复|答覆|答復|办理|意见|通知|报告|办法|决定|规定|方案|公告|通告|摘要|总结|统计|情况|提案|建议|议案|规则|细则|名单|目录|纪要|公报|召开|举行|会议/;

/**
 * True for a line that reads as a page headline: short, no sentence ending, and one of
 * the words headlines of this corpus use (…的答复, 复函, 意见, 通知, 总结 …).
 */
export function isTitleLike(key: string): boolean {
  if (key.length < 4 || key.length > 100 || key.startsWith('|')) return false;
  if (/[。；;：:，,]$/.test(key) || /^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[)）]|^\d+[.、．]/.test(key)) return false;
  if (isMetadataLine(key)) return false;
  return TITLE_WORDS.test(key) && !/[。]/.test(key);
}

/** Compares two titles ignoring spaces and punctuation width. */
export function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s\u3000]/g, '').replace(/[，]/g, ',').replace(/[：]/g, ':').replace(/[（]/g, '(').replace(/[）]/g, ')');
  return norm(a) === norm(b);
}
