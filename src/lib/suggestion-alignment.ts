import { leadingNumber, type NumberingStyle } from '../remark/numbering.ts';
import { parseChineseNumber } from './numerals.ts';

/** One numbered part of a text: its number and its Markdown. */
export interface NumberedPart {
  number: number;
  markdown: string;
}

/** A suggestion lined up with the part of the reply that answers it. */
export interface AlignedPair {
  number: number;
  suggestion: string;
  answer: string;
}

function partNumber(label: string): number | null {
  return /^\d+$/.test(label) ? Number(label) : parseChineseNumber(label);
}

/**
 * Splits Markdown into its outermost numbered parts (一、 …), each running until the
 * next part of the same style. Text before the first part is left out.
 */
export function numberedParts(markdown: string): NumberedPart[] {
  const paragraphs = markdown.split(/\n\s*\n/);
  let style: NumberingStyle | null = null;
  const parts: NumberedPart[] = [];
  for (const paragraph of paragraphs) {
    const numbering = leadingNumber(paragraph.replace(/\\(.)/g, '$1'));
    style ??= numbering?.style ?? null;
    const number = numbering && numbering.style === style ? partNumber(numbering.label) : null;
    if (number !== null) parts.push({ number, markdown: paragraph });
    else if (parts.length) parts[parts.length - 1]!.markdown += `\n\n${paragraph}`;
  }
  return parts;
}

// 关于建议“一” / 关于第二条建议 / 建议三 — a reply part that names the suggestion it answers.
const NAMES_SUGGESTION = /建议\s*[“"「]?\s*([一二三四五六七八九十]+|\d+)\s*[”"」]?|第\s*([一二三四五六七八九十]+|\d+)\s*条建议/;

/**
 * Lines up a proposal's numbered suggestions with the reply's numbered parts: by the
 * suggestion each reply part names (关于建议“二”), or, when no part names one, by order
 * if both have the same number of parts. Returns [] when no alignment is certain;
 * nothing is paired by guesswork.
 */
export function alignSuggestions(suggestionsMarkdown: string, replyMarkdown: string): AlignedPair[] {
  const suggestions = numberedParts(suggestionsMarkdown);
  const answers = numberedParts(replyMarkdown);
  if (suggestions.length < 2 || answers.length === 0) return [];
  const named = answers.map((answer) => {
    const firstLine = answer.markdown.split('\n')[0]!;
    const match = NAMES_SUGGESTION.exec(firstLine);
    return match ? partNumber((match[1] ?? match[2])!) : null;
  });
  const bySuggestion = new Map(suggestions.map((s) => [s.number, s.markdown]));
  if (named.some((n) => n !== null)) {
    return answers.flatMap((answer, i) => {
      const n = named[i];
      const suggestion = n !== null && n !== undefined ? bySuggestion.get(n) : undefined;
      return suggestion ? [{ number: n!, suggestion, answer: answer.markdown }] : [];
    });
  }
  if (suggestions.length !== answers.length) return [];
  return suggestions.map((s, i) => ({ number: s.number, suggestion: s.markdown, answer: answers[i]!.markdown }));
}
