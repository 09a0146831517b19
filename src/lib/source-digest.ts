import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(root: string, path: string): string[] {
  const full = join(root, path);
  if (!/\.[cm]?[jt]s$/.test(path)) return readdirSync(full, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() || /\.[cm]?[jt]s$/.test(entry.name) ? sourceFiles(root, join(path, entry.name)) : []));
  return [full];
}

/**
 * Adds to `hash` the source files at `paths` (files, or folders read recursively for
 * .js/.ts files) under `root`, in a fixed order: a cache keyed by it is thrown away
 * when the code that made it changes.
 */
export function hashSources(hash: ReturnType<typeof createHash>, root: string, paths: readonly string[]): void {
  for (const file of paths.flatMap((path) => sourceFiles(root, path)).sort()) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
}
