/** A sentence as a span of a longer text: `text.slice(start, end)`. */
export interface SentenceSpan {
  start: number;
  end: number;
}

// Sentence-ending punctuation, and closing marks that belong to the sentence before.
const enders = new Set(['。', '！', '？', '!', '?', '；', ';', '…', '\n']);
const closers = new Set(['”', '’', '」', '』', '）', ')', '》', '"', '…']);
/** Long sentences are cut at a comma so that speech engines never time out mid-sentence. */
const maxLength = 120;

/**
 * Splits Chinese (or mixed) text into sentence spans at 。！？；… and line breaks,
 * keeping closing quotes and brackets with their sentence and dropping blank spans.
 * Spans longer than 120 characters are cut after a comma (，、,).
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    const trimmed = trim(text, start, end);
    if (trimmed) spans.push(...cutLong(text, trimmed));
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (!enders.has(text[i])) continue;
    let end = i + 1;
    while (end < text.length && (closers.has(text[end]) || enders.has(text[end]) && text[end] !== '\n')) end++;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return spans;
}

function trim(text: string, start: number, end: number): SentenceSpan | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

function cutLong(text: string, span: SentenceSpan): SentenceSpan[] {
  const parts: SentenceSpan[] = [];
  let start = span.start;
  while (span.end - start > maxLength) {
    const window = text.slice(start, start + maxLength);
    const comma = Math.max(window.lastIndexOf('，'), window.lastIndexOf('、'), window.lastIndexOf(','));
    const end = comma > 0 ? start + comma + 1 : start + maxLength;
    parts.push({ start, end });
    start = end;
  }
  parts.push({ start, end: span.end });
  return parts;
}
