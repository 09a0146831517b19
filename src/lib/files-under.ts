import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under `dir`, as `prefix` + its '/'-separated path inside `dir`
 * ('records/a/index.html' with the default prefix, '/records/a/index.html' with '/').
 * Paths are built by concatenation while walking, not with `path.relative` per file,
 * which mattered over the 345,000 files of a 100,000-record output.
 */
export function filesUnder(dir: string, prefix = '', out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`, out);
    else out.push(`${prefix}${entry.name}`);
  }
  return out;
}
