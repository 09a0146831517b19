import { createHash } from 'node:crypto';
import type { ReferenceIndex } from '../remark/archive-links.ts';
import { hashSources } from './source-digest.ts';

/**
 * The code a record's rendered Markdown comes from, besides Astro's own, and the code
 * that decides what of it the store keeps (the record loader; the HTML beside the store).
 */
const RENDER_CODE = ['src/remark', 'src/rehype', 'src/schemas', 'src/lib/doc-number.ts', 'src/lib/numerals.ts', 'src/lib/record-loader.ts', 'src/lib/record-html.ts'];

/**
 * A digest of what a record's rendered HTML depends on besides its own file: the code
 * of the remark/rehype plugins and schemas, and the archive's link targets
 * (remark-archive-links turns the titles and 文号 a record cites into links to other
 * records). astro.config.mjs puts it into the Markdown options, which Astro hashes:
 * Astro's content store re-renders a record only when the record's file changes, and
 * starts afresh when its configuration does, so a new link target or a plugin change
 * reaches every record instead of leaving stale pages from an earlier build.
 */
export function renderInputsDigest(root: string, index: ReferenceIndex): string {
  const hash = createHash('sha256');
  hashSources(hash, root, RENDER_CODE);
  for (const map of [index.byTitle, index.byDocNo]) {
    for (const [key, target] of [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`${key}\0${target.id}\0${target.title}\0`);
    hash.update('\u0001');
  }
  return hash.digest('base64url');
}
