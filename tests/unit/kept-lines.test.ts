import { mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { keptLines, type LineSource } from '../../src/lib/kept-lines.ts';

// The whole-archive JSON is made of one line per record; a rebuild makes again only the
// lines of changed records, and must give the same bytes a build from nothing gives.
const work = mkdtempSync(join(tmpdir(), 'archive-kept-lines-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs keptLines over `items`, whose line is "<id>@<digest>" with some text, and says which were made. */
function run(file: string, items: LineSource[], key = 'k') {
  const made: string[] = [];
  const lines = [...keptLines(items, (i) => (made.push(items[i]!.id), `{"id":"${items[i]!.id}","v":"${items[i]!.digest}","text":"答复正文${items[i]!.id}"}`), file, key)].map((line) => line.toString('utf8'));
  return { made, lines };
}

const items = (digests: Record<string, string>) => Object.entries(digests).map(([id, digest]) => ({ id, digest }));

describe('lines kept from one build to the next', () => {
  test('only the lines of changed items are made again, in the new order, with the same bytes as made afresh', () => {
    const file = join(work, 'a', 'records.json.lines');
    const first = run(file, items({ a: '1', b: '1', c: '1' }));
    expect(first.made).toEqual(['a', 'b', 'c']);
    // b changed, d is new, a is gone, and the order changed.
    const second = run(file, items({ d: '1', c: '1', b: '2' }));
    expect(second.made).toEqual(['d', 'b']);
    expect(second.lines).toEqual(run(join(work, 'fresh', 'records.json.lines'), items({ d: '1', c: '1', b: '2' })).lines);
    expect(second.lines[1]).toBe(first.lines[2]);
    // Another key (other code or settings) reuses nothing.
    expect(run(file, items({ d: '1', c: '1', b: '2' }), 'other').made).toEqual(['d', 'c', 'b']);
  });

  test('a build stopped halfway leaves the last complete lines, and cut-short lines are not trusted', () => {
    const file = join(work, 'b', 'records.json.lines');
    run(file, items({ a: '1', b: '1' }));
    const stopped = keptLines(items({ a: '2', b: '2' }), () => 'changed', file, 'k');
    stopped.next();
    stopped.return(undefined);
    expect(run(file, items({ a: '1', b: '1' })).made).toEqual([]);
    truncateSync(file, 10);
    expect(run(file, items({ a: '1', b: '1' })).made).toEqual(['a', 'b']);
  });
});
