import { LineCounter, parseDocument } from 'yaml';

/** A record file split into its YAML frontmatter and its Markdown body. */
export interface SplitFile {
  /** The parsed frontmatter (undefined when the file has none). */
  data: unknown;
  /** The Markdown after the closing `---`. */
  body: string;
  /** Line (1-based) in the file where a frontmatter path is written, when it is. */
  lineOf: (path: ReadonlyArray<PropertyKey>) => number | null;
  /** YAML syntax errors, each with its line. */
  yamlErrors: { line: number; message: string }[];
}

const FENCE = /^---[ \t]*\r?$/;

/**
 * Splits a Markdown/MDX record into frontmatter and body and parses the YAML with
 * line tracking, so that a schema problem can be reported as file:line.
 */
export function splitFrontmatter(source: string): SplitFile {
  const text = source.replace(/^\uFEFF/, '');
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return { data: undefined, body: text, lineOf: () => null, yamlErrors: [] };
  }
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end === -1) {
    return {
      data: undefined,
      body: '',
      lineOf: () => null,
      yamlErrors: [{ line: 1, message: 'the frontmatter opened with --- is never closed with ---' }],
    };
  }
  const yamlText = lines.slice(1, end).join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true });
  const yamlErrors = doc.errors.map((error) => ({
    line: (error.linePos?.[0]?.line ?? 0) + 1,
    message: error.message.split('\n')[0] ?? error.message,
  }));
  const lineOf = (path: ReadonlyArray<PropertyKey>): number | null => {
    // Walk up to the nearest ancestor that is written (a missing field reports its parent).
    for (let depth = path.length; depth > 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line + 1;
    }
    // Nothing on the path is written (a missing top-level field): point at the opening ---.
    return 1;
  };
  return { data: yamlErrors.length ? undefined : (doc.toJS() ?? {}), body: lines.slice(end + 1).join('\n'), lineOf, yamlErrors };
}
