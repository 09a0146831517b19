import { describe, expect, test } from 'vitest';
import { cacheControl } from '../../src/lib/security-headers.ts';
import { chunkIndexOf, makeChunkTable, parseChunkTable, tableOrdinals } from '../../src/search/chunk-table.ts';
import { pageId } from '../../src/search/page-ids.ts';

// What the whole table does against real Pagefind indexes (every word found through it,
// in shards with small chunks and in their merge) is checked in pagefind-index.test.ts.
describe('the chunk table', () => {
  const chunks: [string, string, string][] = [
    ['b100aaa', 'b100b', 'x_0a1b2c3d'],
    ['b100c', 'b2', 'x_1f2e3d4c'],
    ['b3', 'u7', 'x_99887766'],
  ];

  test('keeps record numbers as runs, stale pages as runs of −1, and gives them back page by page', () => {
    const ids = [0, 1, 2, 3, 4].map((n) => pageId(n)).concat([pageId(5, true), pageId(6, true), pageId(7), pageId(8), pageId(40)]);
    const table = makeChunkTable(ids, chunks)!;
    expect(table.pages).toEqual([
      [0, 5],
      [-1, 2],
      [7, 2],
      [40, 1],
    ]);
    expect(Array.from(tableOrdinals(table))).toEqual([0, 1, 2, 3, 4, -1, -1, 7, 8, 40]);
    expect(table.prefix).toBe('x_');
    expect(table.chunks).toEqual(['0a1b2c3d', '1f2e3d4c', '99887766']);
    expect(table.from).toEqual(['b100aaa', 'b100c', 'b3']);
  });

  test('is not made while pages still have the ids Pagefind gave them', () => {
    expect(makeChunkTable(['x_3fa9c01b2e', pageId(1)], chunks)).toBeNull();
  });

  test('places a word in the last chunk whose (shortened) first word it reaches', () => {
    const from = ['b100aaa', 'b100c', 'b3'];
    expect(chunkIndexOf(from, 'b100a')).toBe(-1);
    expect(chunkIndexOf(from, 'b100aaa')).toBe(0);
    expect(chunkIndexOf(from, 'b100b99')).toBe(0);
    expect(chunkIndexOf(from, 'b100c')).toBe(1);
    expect(chunkIndexOf(from, 'b100czz')).toBe(1);
    expect(chunkIndexOf(from, 'b2zzzzz')).toBe(1);
    expect(chunkIndexOf(from, 'b3')).toBe(2);
    expect(chunkIndexOf(from, 'u7')).toBe(2);
    expect(chunkIndexOf([], 'b3')).toBe(-1);
  });

  test('a damaged table file is an error that names the file and what is wrong', () => {
    const good = makeChunkTable([pageId(0)], chunks)!;
    expect(parseChunkTable(JSON.parse(JSON.stringify(good)), 'f')).toEqual(good);
    expect(() => parseChunkTable({ ...good, version: 2 }, '/pagefind/all/chunks.1.pf_table')).toThrow('/pagefind/all/chunks.1.pf_table: unexpected chunk table, version 1 expected');
    expect(() => parseChunkTable({ ...good, pages: [[0, 0]] }, 'f')).toThrow('pages must be runs');
    expect(() => parseChunkTable({ ...good, chunks: good.chunks.slice(1) }, 'f')).toThrow('one first word per chunk');
    expect(() => parseChunkTable({ ...good, from: ['b3', 'b100c', 'b100aaa'] }, 'f')).toThrow('chunks out of order at "b100c"');
    expect(() => parseChunkTable(null, 'f')).toThrow('version 1 expected');
  });

  test('is kept by browsers like the other content-named index files', () => {
    expect(cacheControl('/pagefind/all/chunks.0a1b2c3d4e.pf_table')).toContain('immutable');
    expect(cacheControl('/pagefind/all/pagefind-entry.json')).toBe('no-cache');
  });
});
