import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import * as OpenCC from 'opencc-js/t2cn';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus } from '../../scripts/corpus/records.ts';
import { recordSchema } from '../../src/schemas/index.ts';
import { readPagefindMeta, withoutSignature } from '../../src/search/cbor.ts';
import { chooseFrequentTokens } from '../../src/search/frequent-pairs.ts';
import { GAP, indexContent, indexWords } from '../../src/search/index-content.ts';
import { IndexWriter } from '../../src/search/index-writer.ts';
import { pageId } from '../../src/search/page-ids.ts';
import { assignPageIds, folderWords, writeIndexFolder } from '../../src/search/pagefind-bundle.ts';
import { PagefindIndex } from '../../src/search/pagefind-index.ts';
import { pagefindRuntime } from '../../src/search/pagefind-runtime.ts';
import { recordText } from '../../src/search/record-text.ts';

// The archive writes its search index itself instead of through Pagefind's indexer
// (src/search/index-writer.ts says why). It must be the index Pagefind writes for the
// same records: the same words with the same postings, byte for byte, and the same
// word count per page; and the folder must still be one Pagefind's browser code reads.
const work = mkdtempSync(join(tmpdir(), 'archive-index-writer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
/** Token streams of 150 generated records (Traditional text, full-width digits, names, sessions), with frequent tokens. */
let contents: string[] = [];
let pagefindDir = '';

beforeAll(async () => {
  const texts = [...generateCorpus({ seed: 3, count: 150 })].map((r) => recordText(recordSchema.parse(r.data), r.body));
  const frequent = new Set(chooseFrequentTokens(texts.map((t) => indexWords(t, convert))));
  expect(frequent.size).toBeGreaterThan(10);
  contents = texts.map((t) => indexContent(t, convert, frequent).content);
  // A record of a break and a single character, and one of a gap alone after its head.
  contents.push(['s', GAP, 'u1x2'].join(' '), [GAP, GAP, 'b0000001'].join(' '));
  pagefindDir = join(work, 'pagefind');
  const { index } = await pagefind.createIndex({ forceLanguage: 'x' });
  for (const [n, content] of contents.entries()) {
    const added = await index!.addCustomRecord({ url: `/records/${n}/`, content, language: 'x' });
    expect(added.errors).toEqual([]);
  }
  await index!.writeFiles({ outputPath: pagefindDir });
  await pagefind.close();
}, 120_000);

describe('the index writer', () => {
  test("writes every word Pagefind's indexer writes for the same records, byte for byte, and the same word counts", () => {
    const writer = new IndexWriter();
    contents.forEach((content) => writer.addPage(content));
    const ours = [...writer.words()];
    const theirs = [...folderWords(pagefindDir)];
    expect(ours.length).toBe(theirs.length);
    expect(ours.length).toBeGreaterThan(5000);
    const differing = theirs.filter((word, i) => ours[i]!.word !== word.word || !Buffer.from(ours[i]!.bytes).equals(Buffer.from(word.bytes)));
    expect(differing.map((w) => w.word)).toEqual([]);
    const metaFile = readdirSync(pagefindDir).find((f) => f.endsWith('.pf_meta'))!;
    const meta = readPagefindMeta(withoutSignature(gunzipSync(readFileSync(join(pagefindDir, metaFile)))));
    expect(writer.wordCounts()).toEqual(meta.pages.map((p) => p.wordCount));
  });

  test('writes a folder that reads back: its chunk table finds every word, Pagefind\'s browser files are there', async () => {
    const writer = new IndexWriter();
    contents.forEach((content) => writer.addPage(content));
    const dir = join(work, 'written');
    const runtime = await pagefindRuntime('x', join(work, 'runtime-cache'));
    writeIndexFolder(dir, 'x', writer, runtime, { served: true, maxBytes: 2000 });
    // As the build does: pages named by record number, which the chunk table needs.
    assignPageIds(dir, contents.map((_, n) => pageId(n)));
    for (const file of ['pagefind.js', 'pagefind-entry.json']) expect(existsSync(join(dir, file))).toBe(true);
    expect(readdirSync(dir).some((f) => /^wasm\..+\.pagefind$/.test(f))).toBe(true);
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { version: string; languages: { x: { page_count: number } } };
    expect(entry.version).toBe(runtime.version);
    expect(entry.languages.x.page_count).toBe(contents.length);
    expect(readdirSync(join(dir, 'index')).length).toBeGreaterThan(50);
    const index = await PagefindIndex.open(
      `${dir}/`,
      async (path) => gunzipSync(readFileSync(path)),
      async (path) => JSON.parse(readFileSync(path, 'utf8')) as unknown,
    );
    // Every word of Pagefind's own index, looked up in ours: the same pages and locations.
    const words = [...folderWords(pagefindDir)].map((w) => w.word);
    for (const word of words.filter((_, i) => i % 37 === 0)) {
      const postings = await index.postings(word);
      expect(postings, word).not.toBeNull();
      const expected = contents.flatMap((content, page) => {
        const at = content.split(' ').flatMap((w, position) => (w === word ? [position] : []));
        return at.length ? [{ page, at }] : [];
      });
      expect(Array.from(postings!.pages), word).toEqual(expected.map((e) => e.page));
      expect(Array.from(postings!.locations), word).toEqual(expected.flatMap((e) => e.at));
    }
    expect(await index.postings('b0000002')).toBeNull();
  });

  test('refuses a word that is not an index token, naming it and the page', () => {
    const writer = new IndexWriter();
    writer.addPage('b01 b02');
    expect(() => writer.addPage('b01 Ab-c')).toThrow('"Ab-c" is not an index token (page 1)');
  });
});
