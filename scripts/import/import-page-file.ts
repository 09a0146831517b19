import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { importPage, type PageImport } from './import-page.ts';

export type { PageImport };

/** The page formats the importer reads. */
export const PAGE_EXT = /\.(txt|html?)$/i;

/**
 * Imports one page file (./import-page.ts), or says why a file of another kind is not
 * read. The lossless check's audit is left out: the command does not use it, and it is
 * the page's every line, copied once more between threads.
 */
export function importPageFile(file: string): PageImport {
  if (!PAGE_EXT.test(file)) {
    return { source: file, ok: false, record: null, body: '', paragraphs: [], fileText: null, relPath: null, flags: [], warnings: [], errors: [{ line: null, message: `${extname(file) || 'a file without extension'} is not a page format the importer reads. Hint: give .txt, .html or .htm files.` }], audit: null };
  }
  return { ...importPage(readFileSync(file), file, basename(file)), audit: null };
}
