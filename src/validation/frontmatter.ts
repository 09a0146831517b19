import { CORE_SCHEMA, load } from 'js-yaml';
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

/** The frontmatter lines and body of a record file, or why they cannot be told apart. */
function fences(source: string): { lines: string[]; end: number } {
  const lines = source.replace(/^\uFEFF/, '').split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { lines, end: 0 };
  return { lines, end: lines.findIndex((line, i) => i > 0 && FENCE.test(line)) };
}

/**
 * Reads a record's frontmatter and body quickly, without line tracking: for the common
 * case of a record that is valid, and for records already checked. Returns null when the
 * frontmatter is missing or is not valid YAML; {@link splitFrontmatter} then says where.
 *
 * Why two parsers: \`yaml\`'s document model locates every node for error messages, and
 * costs about 1 ms a record, most of a 10,000-record check; js-yaml reads the same YAML
 * 1.2 core schema (no timestamps, so "2020-02-30" stays the text it is) several times
 * faster. Both reject duplicate keys.
 */
export function readFrontmatter(source: string): { data: unknown; body: string } | null {
  const { lines, end } = fences(source);
  if (end <= 0) return null;
  try {
    return { data: load(lines.slice(1, end).join('\n'), { schema: CORE_SCHEMA }) ?? {}, body: lines.slice(end + 1).join('\n') };
  } catch {
    return null;
  }
}

/** The Markdown after a record's frontmatter, without reading the YAML; null when there is no frontmatter. */
export function readBody(source: string): string | null {
  const { lines, end } = fences(source);
  return end > 0 ? lines.slice(end + 1).join('\n') : null;
}

/**
 * Splits a Markdown/MDX record into frontmatter and body and parses the YAML with
 * line tracking, so that a schema problem can be reported as file:line.
 */
export function splitFrontmatter(source: string): SplitFile {
  const { lines, end } = fences(source);
  const text = lines.join('\n');
  if (end === 0) {
    return { data: undefined, body: text, lineOf: () => null, yamlErrors: [] };
  }
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
