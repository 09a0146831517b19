import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readBody } from '../validation/frontmatter.ts';

/**
 * A record's Markdown text, read from its file: what follows the frontmatter, trimmed,
 * as Astro's `entry.body` gives it. Astro's content store does not keep the text
 * (`retainBody: false` in src/content.config.ts: the store every build reads, bundles
 * and compiles is a third smaller), so the few pages that need it — the side-by-side
 * comparison and the whole-archive JSON — read it here.
 */
export function recordBody(entry: { id: string; filePath?: string }): string {
  // Astro gives the path relative to the project root, where it runs.
  if (!entry.filePath) throw new Error(`record ${entry.id}: Astro gave no file path, so its text cannot be read`);
  const body = readBody(readFileSync(resolve(process.cwd(), entry.filePath), 'utf8'));
  if (body === null) throw new Error(`${entry.filePath}: no frontmatter, though the archive check passed it`);
  return body.trim();
}
