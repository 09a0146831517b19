// Characters that Markdown, GFM or MDX give a meaning anywhere in a line: emphasis,
// code, links, HTML/JSX, expressions, tables, strikethrough, entities, escapes.
const ALWAYS = /[\\`*_{}[\]<>#|~&]/g;
// At the start of a paragraph: list items (1. / 1) / - / +), setext and thematic breaks.
const ORDERED_START = /^(\d{1,9})([.)])/;
const BULLET_START = /^[-+=]/;
// MDX reads a paragraph starting with import/export as JavaScript (ESM).
const ESM_START = /^(import|export)\b/;

/**
 * Escapes one paragraph of published text so that Markdown and MDX render it as
 * exactly that text: every significant character is backslash-escaped, and the
 * paragraph can never start a list, heading, quote, code block, HTML block or ESM.
 * Newlines inside are not expected (a paragraph is one published line).
 */
export function escapeParagraph(text: string): string {
  let out = text.replace(ALWAYS, '\\$&');
  out = out.replace(ORDERED_START, '$1\\$2');
  if (BULLET_START.test(out)) out = `\\${out}`;
  // A letter cannot be backslash-escaped; a character reference renders the same letter.
  out = out.replace(ESM_START, (word) => `&#x${word.charCodeAt(0).toString(16)};${word.slice(1)}`);
  return out;
}

/** Joins paragraphs as Markdown: each escaped, separated by one blank line. */
export function paragraphsToMarkdown(paragraphs: readonly string[]): string {
  return paragraphs.map(escapeParagraph).join('\n\n');
}

/** Reverses escapeParagraph for one escaped paragraph (used by checks and tests). */
export function unescapeParagraph(markdown: string): string {
  return markdown.replace(/^&#x(69|65);/, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
