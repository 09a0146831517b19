import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { importPage, type PageImport } from '../../scripts/import/import-page.ts';
import { jsonRecord } from '../../scripts/import/json-output.ts';

/** Where the importer's fixture cases live. */
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');

/** One fixture case: a folder with one page file beside expected.md and expected.json. */
export interface ImportCase {
  name: string;
  dir: string;
  /** The page file's name (input.txt, input.html, or a seed's original name). */
  input: string;
}

/** Every fixture case, sorted by name. */
export function importCases(): ImportCase[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(FIXTURES, d.name);
      const pages = readdirSync(dir).filter((f) => /\.(txt|html?)$/i.test(f) && !f.startsWith('expected'));
      if (pages.length !== 1) throw new Error(`${dir}: expected exactly one page file, found ${pages.length}`);
      return { name: d.name, dir, input: pages[0] as string };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Imports a case's page the way the CLI does (source.file is the page's own name). */
export function importCase(c: ImportCase): PageImport {
  return importPage(readFileSync(join(c.dir, c.input)), c.input, c.input);
}

/** The expected.json view of an import: stable, free of absolute paths. */
export function caseJson(result: PageImport): unknown {
  return {
    ok: result.ok,
    path: result.relPath,
    record: result.record ? jsonRecord(result.record, result.body) : null,
    flags: result.flags,
    warnings: result.warnings,
    errors: result.errors,
  };
}

// The site renders records as Markdown (GFM); MDX is the strictest reader of the same text.
const gfm = unified().use(remarkParse).use(remarkGfm);
const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

function textOf(node: RootContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
  return '';
}

/**
 * Renders a record body as Markdown and as MDX and returns each top-level block as
 * `{ type, text, plain }` — plain is false when anything but text appears inside.
 */
export function renderedBlocks(markdown: string, flavour: 'gfm' | 'mdx'): { type: string; text: string; plain: boolean }[] {
  const tree = (flavour === 'gfm' ? gfm : mdx).parse(markdown) as Root;
  return tree.children.map((block) => ({
    type: block.type,
    text: textOf(block),
    plain: block.type === 'paragraph' && block.children.every((c) => c.type === 'text'),
  }));
}
