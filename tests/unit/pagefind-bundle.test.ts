import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cborArrayHead, cborHead, cborItemEnd, decodeCbor, encodeCbor, withoutSignature } from '../../src/search/cbor.ts';
import { pageId, pageOrdinal } from '../../src/search/page-ids.ts';
import { assignPageIds, rechunkIndex } from '../../src/search/pagefind-bundle.ts';

// The archive rewrites the index folders Pagefind writes (smaller chunks, short page
// ids). Pagefind's browser code must read them as its own: same words with the same
// postings, a chunk table it can look words up in, an entry file naming the new meta.
const work = mkdtempSync(join(tmpdir(), 'archive-pf-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const read = (path: string) => decodeCbor(withoutSignature(gunzipSync(readFileSync(path))));

interface Bundle {
  meta: unknown[];
  words: Map<string, string>;
  chunks: { from: string; to: string; words: string[]; bytes: number[] }[];
}

function readBundle(dir: string): Bundle {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const metas = readdirSync(dir).filter((f) => f.endsWith('.pf_meta'));
  expect(metas).toEqual([`pagefind.${entry.languages.x!.hash}.pf_meta`]);
  const meta = read(join(dir, metas[0]!)) as unknown[];
  const table = meta[2] as [string, string, string][];
  expect(readdirSync(join(dir, 'index')).sort()).toEqual(table.map(([, , hash]) => `${hash}.pf_index`).sort());
  const words = new Map<string, string>();
  const chunks = table.map(([from, to, hash]) => {
    const list = (read(join(dir, 'index', `${hash}.pf_index`)) as unknown[][])[0] as [string, unknown][];
    for (const word of list) words.set(word[0], JSON.stringify(word));
    return { from, to, words: list.map((w) => w[0]), bytes: list.map((w) => encodeCbor(w).length) };
  });
  return { meta, words, chunks };
}

let dir = '';
let before: Bundle;

beforeAll(async () => {
  dir = join(work, 'index');
  const { index } = await pagefind.createIndex({ forceLanguage: 'x' });
  // 60 records of 40 words drawn from 400, so that words differ in how many postings they hold.
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  for (let r = 0; r < 60; r++) {
    const words = Array.from({ length: 40 }, () => `w${(next() % 400) % (r % 3 === 0 ? 400 : 80)}q`);
    await index!.addCustomRecord({ url: `/r/${r}/`, content: words.join(' '), language: 'x' });
  }
  await index!.writeFiles({ outputPath: dir });
  await pagefind.close();
  before = readBundle(dir);
}, 60_000);

describe("rewriting Pagefind's index folder", () => {
  test('CBOR encodes back to the bytes it was decoded from, and items are cut where they end', () => {
    const value = [0, 23, 24, 255, 256, 65535, 65536, 2 ** 32, -1, -24, -25, -257, '', '河长制', 'b54w', [[1, [-25, 754], []]], new Map([['k', 1]]), true, null];
    const bytes = encodeCbor(value);
    expect(decodeCbor(bytes)).toEqual(value);
    expect(encodeCbor(decodeCbor(bytes))).toEqual(bytes);
    // Walking the items without decoding them finds each one's own bytes.
    expect(cborItemEnd(bytes, 0)).toBe(bytes.length);
    let at = cborHead(bytes, 0).next;
    for (const item of value) {
      const end = cborItemEnd(bytes, at);
      expect(bytes.subarray(at, end)).toEqual(encodeCbor(item));
      at = end;
    }
    expect(cborArrayHead(value.length)).toEqual(bytes.subarray(0, cborHead(bytes, 0).next));
    for (const n of [0, 23, 24, 255, 256, 65536]) expect(cborArrayHead(n)).toEqual(encodeCbor(new Array(n).fill(0)).subarray(0, cborHead(encodeCbor(new Array(n).fill(0)), 0).next));
  });

  test('re-chunking keeps every word and its postings, in order, in chunks a look-up finds', () => {
    const maxBytes = 300;
    const { before: chunksBefore, after } = rechunkIndex(dir, maxBytes);
    const now = readBundle(dir);
    expect(chunksBefore).toBe(before.chunks.length);
    expect(after).toBe(now.chunks.length);
    expect(after).toBeGreaterThan(chunksBefore);
    // Every word, byte for byte.
    expect([...now.words.keys()]).toEqual([...before.words.keys()].sort());
    for (const [word, postings] of before.words) expect(now.words.get(word)).toBe(postings);
    // Each chunk closes once it reaches maxBytes, not before.
    now.chunks.forEach((chunk, i) => {
      const size = chunk.bytes.reduce((a, b) => a + b, 0);
      if (i < now.chunks.length - 1) expect(size).toBeGreaterThanOrEqual(maxBytes);
      expect(size - chunk.bytes.at(-1)!).toBeLessThan(maxBytes);
    });
    // Pagefind loads the first chunk whose bounds hold the word, comparing it cut to each
    // bound's length (bounds are the shortest prefixes that tell neighbours apart): the
    // chunk that has it. tests/e2e/search.spec.ts asks Pagefind itself for every word.
    const holds = (k: { from: string; to: string }, word: string) => word.slice(0, k.from.length) >= k.from && word.slice(0, k.to.length) <= k.to;
    for (const [c, chunk] of now.chunks.entries()) {
      for (const word of chunk.words) expect(now.chunks.findIndex((k) => holds(k, word))).toBe(c);
    }
    // The rest of the meta file is Pagefind's.
    expect(now.meta.filter((_, i) => i !== 2)).toEqual(before.meta.filter((_, i) => i !== 2));
  });

  test('page ids replace Pagefind\'s hashes and word counts; nothing else changes', () => {
    const pages = (before.meta[1] as unknown[][]).length;
    expect(() => assignPageIds(dir, ['a'])).toThrow(`has ${pages} pages, expected 1`);
    expect(() => assignPageIds(dir, Array.from({ length: pages }, () => 'a'))).toThrow('unique');
    const ids = Array.from({ length: pages }, (_, i) => pageId(1000 + i, i === 3));
    const chunks = readBundle(dir).chunks;
    assignPageIds(dir, ids);
    const now = readBundle(dir);
    expect((now.meta[1] as unknown[][]).map((p) => p[0])).toEqual(ids);
    expect((now.meta[1] as unknown[][]).every((p) => p[1] === 1)).toBe(true);
    expect((now.meta[1] as unknown[][]).map((p) => p.slice(2))).toEqual((before.meta[1] as unknown[][]).map((p) => p.slice(2)));
    expect(now.chunks).toEqual(chunks);
    expect(ids.map(pageOrdinal)).toEqual(ids.map((_, i) => (i === 3 ? null : 1000 + i)));
    expect(() => pageOrdinal('x_b539ee7')).toThrow('not a record number');
  });
});
