// A '?' or U+FFFD stands for a character the page lost when it was re-encoded. A '?'
// is only counted where a question mark makes no sense: in runs, at the start of a
// line, or between two Han characters when the first is not a question word.
const LOST = /\uFFFD+|\?{2,}|^\?+|(?<=[\u4e00-\u9fff])\?(?=[\u4e00-\u9fff])/g;
const QUESTION_END = /[吗呢么么何谁哪啥否]$/;

/** Counts characters in a text that stand for lost characters. */
export function countLost(text: string): number {
  let count = 0;
  LOST.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LOST.exec(text)) !== null) {
    if (m[0] === '?' && m.index > 0 && QUESTION_END.test(text.slice(0, m.index))) continue;
    count += m[0].length;
  }
  return count;
}

/** True for a line made only of lost-character marks and spaces (a lost &nbsp; line). */
export function isLostOnly(text: string): boolean {
  return /^[?\uFFFD\s]+$/.test(text) && /[?\uFFFD]/.test(text);
}

/** Removes lost-character padding at the start of a line (lost spaces before a sign-off). */
export function stripLostPadding(text: string): string {
  return text.replace(/^[?\uFFFD\s]+/, '').trim();
}
