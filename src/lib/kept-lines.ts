import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeWhole } from './write-whole.ts';

/** One item of a list whose lines {@link keptLines} keeps: its id, and a digest of what its line is made from. */
export interface LineSource {
  id: string;
  digest: string;
}

/** The index of a kept-lines file: what each line was made from, in file order, and its length in bytes. */
interface LineIndex {
  key: string;
  items: [id: string, digest: string, bytes: number][];
}

/**
 * The previous build's lines, by id, when made under the same `key`. Read whole: the
 * file holds one archive-wide output (40 MB at 10,000 records, 400 MB at 100,000), and
 * its lines are handed out as views of it, without copies.
 */
function previousLines(file: string, key: string): Map<string, { digest: string; line: Buffer }> {
  const lines = new Map<string, { digest: string; line: Buffer }>();
  let index: LineIndex;
  let bytes: Buffer;
  try {
    index = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as LineIndex;
    if (index.key !== key) return lines;
    bytes = readFileSync(file);
  } catch {
    return lines; // None yet, or unreadable: every line is made.
  }
  let at = 0;
  for (const [id, digest, length] of index.items) {
    if (at + length > bytes.length) return new Map(); // Cut short: trust none of it.
    lines.set(id, { digest, line: bytes.subarray(at, at + length) });
    at += length;
  }
  return lines;
}

/**
 * Each item's line of an archive-wide file (the whole-archive JSON), in the order of
 * `items`, made by `make` only for an item whose digest differs from the one its line
 * was made from in the last build: the others come from `file` in the build cache, where
 * this build's lines are kept for the next once all have been read. `key` names
 * everything else a line depends on (the code that makes it, the site's address): with
 * another key nothing is reused.
 *
 * Why: such a file changes with every record, so every build wrote it again from every
 * record, a rebuild after one correction too: at 100,000 records reading 100,000 record
 * files and encoding 400 MB, about 12 s of an 80 s rebuild. Written by hand: it is one
 * file of lines and an index of their lengths.
 */
export function* keptLines(items: readonly LineSource[], make: (index: number) => string, file: string, key: string): Generator<Buffer> {
  const before = previousLines(file, key);
  const index: LineIndex = { key, items: [] };
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const out = openSync(temporary, 'w');
  let complete = false;
  try {
    for (let i = 0; i < items.length; i++) {
      const { id, digest } = items[i]!;
      const kept = before.get(id);
      const line = kept && kept.digest === digest ? kept.line : Buffer.from(make(i));
      writeSync(out, line);
      index.items.push([id, digest, line.length]);
      yield line;
    }
    complete = true;
  } finally {
    closeSync(out);
    if (complete) {
      // The old index goes before its lines do, and the new one comes after them: an
      // index never describes another build's lines.
      rmSync(`${file}.json`, { force: true });
      renameSync(temporary, file);
      writeWhole(`${file}.json`, JSON.stringify(index));
    } else {
      rmSync(temporary, { force: true });
    }
  }
}
