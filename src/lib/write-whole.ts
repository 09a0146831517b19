import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `file` whole or not at all: to a temporary file of this process beside it,
 * then renamed into place, so a build stopped halfway (or another process reading it)
 * never sees a partial file. Creates the folder if needed.
 */
export function writeWhole(file: string, data: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}
