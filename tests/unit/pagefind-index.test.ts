import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { pagefindFilesOnDisk } from '../../scripts/lib/pagefind-files.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pageId } from '../../src/search/page-ids.ts';
import { assignPageIds, mergeIndexes, rechunkIndex } from '../../src/search/pagefind-bundle.ts';
import { PagefindIndex, type Postings } from '../../src/search/pagefind-index.ts';
import { matchPhrase } from '../../src/search/phrase-match.ts';

// The look-ups read Pagefind's index files themselves. Pagefind 1.6 writes page numbers
// and locations as differences, which its published source (1.4) does not describe, so
// the reader is checked against indexes Pagefind writes here from known text: every word
// of every record must come back at exactly the locations it has in that text.
const work = mkdtempSync(join(tmpdir(), 'archive-pf-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Word → record → locations, from the records' text as Pagefind was given it. */
function expectedPostings(records: string[][]): Map<string, Map<number, number[]>> {
  const out = new Map<string, Map<number, number[]>>();
  records.forEach((words, r) => {
    words.forEach((word, at) => {
      const pages = out.get(word) ?? new Map<number, number[]>();
      out.set(word, pages);
      pages.set(r, [...(pages.get(r) ?? []), at]);
    });
  });
  return out;
}

const asMap = (p: Postings) => new Map(Array.from(p.pages, (page, i) => [page, Array.from(p.locations.subarray(p.starts[i]!, p.starts[i + 1]!))]));

/** Literal phrase matching: record → first location where `phrase` starts. */
function literal(records: string[][], phrase: string[]): Map<number, number> {
  const out = new Map<number, number>();
  records.forEach((words, r) => {
    for (let at = 0; at + phrase.length <= words.length; at++) {
      if (phrase.every((w, i) => words[at + i] === w)) {
        out.set(r, at);
        break;
      }
    }
  });
  return out;
}

let seed = 11;
const next = () => (seed = (seed * 48271) % 2147483647);

const records: string[][] = [];
/** The records of each shard: [start, end). */
const shards = [
  [0, 30],
  [30, 65],
  [65, 80],
] as const;
let dir = '';

beforeAll(async () => {
  // 80 records of 20–300 words from a small vocabulary, so that words repeat within a
  // record, phrases recur, and some words sit in most records and some in few.
  for (let r = 0; r < 80; r++) {
    const length = 20 + (next() % 280);
    records.push(Array.from({ length }, () => `w${(next() % 30) % (r % 4 === 0 ? 30 : 6)}q`));
  }
  // As the archive's build leaves them: three shards, each its own Pagefind index with
  // small chunks (so words sit in many, found through the shortened boundaries of the
  // chunk table) and record numbers as page ids, one page marked stale as a patch index
  // would; then merged into one.
  const shardDirs: string[] = [];
  for (const [start, end] of shards) {
    const shardDir = join(work, `shard-${start}`);
    const { index } = await pagefind.createIndex({ forceLanguage: 'x' });
    for (let r = start; r < end; r++) await index!.addCustomRecord({ url: `/r/${r}/`, content: records[r]!.join(' '), language: 'x' });
    await index!.writeFiles({ outputPath: shardDir });
    await pagefind.close();
    rechunkIndex(shardDir, 200);
    assignPageIds(
      shardDir,
      records.slice(start, end).map((_, local) => pageId(100 + start + local, start + local === 5)),
    );
    shardDirs.push(shardDir);
  }
  dir = join(work, 'merged');
  mergeIndexes(shardDirs, dir, { maxBytes: 300 });
}, 120_000);

describe("reading Pagefind's index files", () => {
  test('every word comes back on the pages and at the locations it has in the text, in each shard and in the merged index', async () => {
    for (const [where, range] of [...shards.map(([start, end]) => [`shard-${start}`, [start, end]] as const), ['merged', [0, 80]] as const]) {
      const onDisk = pagefindFilesOnDisk(join(work, where));
      const fetched: string[] = [];
      const file = (url: string) => (fetched.push(url), onDisk.file(url));
      const index = await PagefindIndex.open('/', file, onDisk.json);
      // The archive's chunk table stands in for pf_meta, which the browser never loads.
      expect(fetched.filter((url) => url.endsWith('.pf_table')), where).toHaveLength(1);
      const [start, end] = range;
      const held = records.slice(start, end);
      expect(Array.from(index.ordinals), where).toEqual(held.map((_, local) => (start + local === 5 ? -1 : 100 + start + local)));
      const expected = expectedPostings(held);
      expect(expected.size).toBeGreaterThan(20);
      for (const [word, pages] of expected) {
        const postings = await index.postings(word);
        expect(postings, `${where} ${word}`).not.toBeNull();
        expect(asMap(postings!), `${where} ${word}`).toEqual(pages);
      }
      expect(fetched.filter((url) => url.endsWith('.pf_meta')), where).toEqual([]);
      expect(await index.postings('w999q')).toBeNull();
      expect(await index.postings('a')).toBeNull();
      expect(await index.postings('zzz')).toBeNull();
    }
  });

  test('a word under a heading (a run of another weight) keeps its locations', async () => {
    const headed = join(work, 'headed');
    const { index } = await pagefind.createIndex({ forceLanguage: 'x' });
    // Locations: aa 0 bb 1 cc 2 aa 3 | heading: aa 4 dd 5 aa 6 | ee 7 aa 8.
    await index!.addHTMLFile({ url: '/h/', content: '<html lang="x"><body><p>aa bb cc aa</p><h1>aa dd aa</h1><p>ee aa</p></body></html>' });
    await index!.writeFiles({ outputPath: headed });
    await pagefind.close();
    assignPageIds(headed, [pageId(0)]);
    const { file, json } = pagefindFilesOnDisk(headed);
    const read = await PagefindIndex.open('/', file, json);
    expect(asMap((await read.postings('aa'))!)).toEqual(new Map([[0, [0, 3, 4, 6, 8]]]));
    expect(asMap((await read.postings('dd'))!)).toEqual(new Map([[0, [5]]]));
  }, 60_000);
});

describe('matching a phrase', () => {
  test('finds exactly the records that hold the words at consecutive locations, and where they first start', async () => {
    const { file, json } = pagefindFilesOnDisk(dir);
    const index = await PagefindIndex.open('/', file, json);
    const vocabulary = [...new Set(records.flat())];
    const phrases: string[][] = [];
    // Phrases cut from the records (found at least once), and random ones (often not found).
    for (let i = 0; i < 150; i++) {
      const words = records[next() % records.length]!;
      const length = 1 + (next() % 5);
      const at = next() % (words.length - length);
      phrases.push(words.slice(at, at + length));
      phrases.push(Array.from({ length }, () => vocabulary[next() % vocabulary.length]!));
    }
    phrases.push(['w1q', 'w1q', 'w1q']);
    let found = 0;
    for (const phrase of phrases) {
      const postings = await Promise.all(phrase.map((w) => index.postings(w)));
      const got = new Map<number, number>();
      if (postings.every((p) => p)) {
        const pairs = matchPhrase(postings as Postings[]);
        for (let i = 0; i < pairs.length; i += 2) got.set(pairs[i]!, pairs[i + 1]!);
      }
      expect(got, phrase.join(' ')).toEqual(literal(records, phrase));
      found += got.size;
    }
    expect(found).toBeGreaterThan(100);
  });

  test('no tokens match nothing', () => {
    expect(matchPhrase([])).toEqual(new Int32Array(0));
  });
});
