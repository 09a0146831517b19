/** True for a table row written with pipes: `| 提案人 | 陈丛霞 |`. */
export function isPipeRow(text: string): boolean {
  return /^\|.*\|$/.test(text) && text.length > 2;
}

/** True for a Markdown-style separator row: `|---|:---:|`. */
export function isSeparatorRow(text: string): boolean {
  return /^\|[\s:|-]+\|$/.test(text) && text.includes('-');
}

/** The cells of a pipe row, trimmed; `\|` inside a cell is a literal pipe. */
export function pipeCells(text: string): string[] {
  return text
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/\\\|/g, '|').trim());
}
