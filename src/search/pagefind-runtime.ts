/**
 * Pagefind's browser files (its script and WebAssembly) and the fields of its entry file,
 * for index folders the archive writes itself (./index-writer.ts), so that each stays a
 * whole Pagefind bundle that Pagefind's own browser code can search (Node only).
 *
 * They are inside Pagefind's binary; the one way its API gives them out is writing an
 * index, so this writes one of a single record, once per Pagefind version when a cache
 * folder is given.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { shareFile } from '../lib/shared-files.ts';

/** Pagefind's entry file as its browser code reads it. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
  [field: string]: unknown;
}

/** The browser files of one Pagefind version and its entry file's shape. */
export interface PagefindRuntime {
  /** Pagefind's version, as its index files carry it. */
  version: string;
  /** The entry file's fields other than the languages (its characters of words, …). */
  entry: Omit<PagefindEntry, 'languages'>;
  /** Copies Pagefind's script and WebAssembly into the index folder `dir`. */
  copyTo(dir: string): void;
}

/** The files of a Pagefind bundle its browser code needs besides the index itself. */
const RUNTIME_FILE = /^(pagefind\.js|wasm\..+\.pagefind)$/;

function pagefindVersion(): string {
  return (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;
}

async function writeRuntime(dir: string, language: string): Promise<void> {
  const scratch = `${dir}.${process.pid}.tmp`;
  rmSync(scratch, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addCustomRecord({ url: '/', content: 'runtime', language });
    if (added.errors.length) throw new Error(`Pagefind could not index a one-word record: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(scratch, 'bundle') });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  mkdirSync(join(scratch, 'files'), { recursive: true });
  for (const name of readdirSync(join(scratch, 'bundle'))) if (RUNTIME_FILE.test(name) || name === 'pagefind-entry.json') cpSync(join(scratch, 'bundle', name), join(scratch, 'files', name));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '..'), { recursive: true });
  renameSync(join(scratch, 'files'), dir);
  rmSync(scratch, { recursive: true, force: true });
}

/**
 * Pagefind's browser files for indexes of `language`: kept in `cacheDir` (one folder per
 * Pagefind version) when given, otherwise written to a temporary folder for this process.
 */
export async function pagefindRuntime(language: string, cacheDir?: string): Promise<PagefindRuntime> {
  const version = pagefindVersion();
  let dir: string;
  if (cacheDir) {
    dir = join(cacheDir, `pagefind-${version}-${language}`);
  } else {
    const temporary = mkdtempSync(join(tmpdir(), 'pagefind-runtime-'));
    process.once('exit', () => rmSync(temporary, { recursive: true, force: true }));
    dir = join(temporary, 'files');
  }
  if (!existsSync(join(dir, 'pagefind-entry.json'))) await writeRuntime(dir, language);
  const { languages: _languages, ...entry } = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  if (entry.version !== version) throw new Error(`${dir}: Pagefind ${entry.version}'s files, expected ${version}'s; delete the folder and build again.`);
  const files = readdirSync(dir).filter((name) => RUNTIME_FILE.test(name));
  return {
    version,
    entry,
    copyTo(target) {
      for (const name of files) shareFile(join(dir, name), join(target, name));
    },
  };
}
