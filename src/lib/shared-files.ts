/**
 * Puts a file that is never changed in place at a second path (Node only): a hard link
 * where the file system allows one, else a copy. The search index's cache and output
 * share their documents and index files this way: a 10,000-record index copied about
 * 20,000 files per build (9 s of CPU, most of it opening and copying), where a link is
 * one metadata write.
 *
 * Safe only because nothing writes into such a file after it is made: every writer in
 * the build creates a new file (the destination is removed first here, so a link never
 * turns one file's update into another's), and the old output is replaced, not edited.
 * (Someone who edits a search file of the published output in place edits the cache's
 * copy too, and the next build serves it again: the output is the build's to write.)
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Makes `to` the same file as `from` (a link, or a copy across file systems), replacing what `to` was. */
export function shareFile(from: string, to: string): void {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Another file system, or one without hard links: a copy is the same bytes.
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK' && code !== 'ENOTSUP') throw error;
    copyFileSync(from, to);
  }
}

/** {@link shareFile} for every file under the folder `from`, into `to` (created, merged into if it exists). */
export function shareTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    if (entry.isDirectory()) shareTree(source, join(to, entry.name));
    else shareFile(source, join(to, entry.name));
  }
}
