import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { pagefindFilesOnDisk } from '../../scripts/lib/pagefind-files.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INDEX_LANGUAGE } from '../../src/search/build-index.ts';
import { BREAK, GAP, indexContent } from '../../src/search/index-content.ts';
import { IndexLookup } from '../../src/search/index-lookup.ts';
import { normalize } from '../../src/search/normalize.ts';
import { pageId } from '../../src/search/page-ids.ts';
import { assignPageIds } from '../../src/search/pagefind-bundle.ts';
import { PagefindIndex, type Postings } from '../../src/search/pagefind-index.ts';
import { matchPhrase } from '../../src/search/phrase-match.ts';
import { phraseProbes } from '../../src/search/phrase-probes.ts';
import { parseQuery } from '../../src/search/query.ts';

// A look-up reads every other pair token of a long phrase. That is exact only because the
// index puts two positions between runs; these tests index text full of run breaks and
// repeated pairs and check that the look-up finds exactly the records that hold a phrase.
const work = mkdtempSync(join(tmpdir(), 'archive-probes-'));
const realFetch = globalThis.fetch;
afterAll(() => {
  globalThis.fetch = realFetch;
  rmSync(work, { recursive: true, force: true });
});

let seed = 5;
const next = () => (seed = (seed * 48271) % 2147483647);

/** Four characters and frequent spaces and line breaks: every pair recurs, runs are short. */
const ALPHABET = '甲乙丙丁';
const randomText = (length: number) =>
  Array.from({ length }, () => {
    const r = next() % 14;
    return r === 0 ? ' ' : r === 1 ? '\n' : ALPHABET[r % 4]!;
  }).join('');

const records: string[] = [];
const lines = (r: number) => records[r]!.split('\n');
let lookup: IndexLookup;
let index: PagefindIndex;

beforeAll(async () => {
  for (let r = 0; r < 60; r++) records.push(randomText(30 + (next() % 400)));
  const dir = join(work, 'index');
  const { index: writer } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  for (let r = 0; r < records.length; r++) {
    const [title, ...body] = lines(r);
    const { content } = indexContent({ head: [title!], sections: [{ anchor: null, lines: body }] });
    await writer!.addCustomRecord({ url: `/r/${r}/`, content, language: INDEX_LANGUAGE });
  }
  await writer!.writeFiles({ outputPath: dir });
  await pagefind.close();
  assignPageIds(
    dir,
    records.map((_, r) => pageId(r)),
  );
  // The look-up fetches index files by their address; here they are read from the folder.
  const { file, json } = pagefindFilesOnDisk(dir);
  globalThis.fetch = (async (url: string) => {
    const path = String(url).replace(/^\/ix\//, '');
    const bytes = path.endsWith('.json') ? Buffer.from(JSON.stringify(await json(path))) : Buffer.from(await file(path));
    return new Response(bytes);
  }) as typeof fetch;
  lookup = new IndexLookup(['/ix/']);
  await lookup.ready();
  index = await PagefindIndex.open('/', file, json);
}, 60_000);

/** Records whose lines hold the phrase (no whitespace in it) literally. */
function literal(phrase: string): Set<number> {
  const out = new Set<number>();
  records.forEach((_, r) => {
    if (lines(r).some((line) => normalize(line).text.includes(phrase))) out.add(r);
  });
  return out;
}

/** Records where every token of `tokens` (gaps aside) stands at its own offset. */
async function allTokens(tokens: readonly string[]): Promise<Map<number, number>> {
  const kept = tokens.map((t, i) => ({ t, i })).filter(({ t }) => t !== GAP);
  const postings = await Promise.all(kept.map(({ t }) => index.postings(t)));
  const out = new Map<number, number>();
  if (postings.some((p) => !p)) return out;
  const pairs = matchPhrase(
    postings as Postings[],
    kept.map(({ i }) => i),
  );
  for (let i = 0; i < pairs.length; i += 2) out.set(pairs[i]!, pairs[i + 1]!);
  return out;
}

async function probed(tokens: string[]): Promise<Map<number, number>> {
  const pairs = await lookup.lookUp([tokens]);
  const out = new Map<number, number>();
  for (let i = 0; i < pairs.length; i += 2) out.set(pairs[i]!, pairs[i + 1]!);
  return out;
}

describe('phrase probes', () => {
  test('every other pair of each run, its last pair, breaks and single units; never a gap', () => {
    const [long] = parseQuery('我们将健全分层分类社会救助体');
    expect(long!.tokens[0]).toHaveLength(13);
    expect(phraseProbes(long!.tokens[0]!).offsets).toEqual([0, 2, 4, 6, 8, 10, 12]);
    const [four] = parseQuery('宣城高新区');
    expect(phraseProbes(four!.tokens[0]!).offsets).toEqual([0, 2, 3]);
    const [two] = parseQuery('葛亚');
    expect(phraseProbes(two!.tokens[0]!)).toEqual({ tokens: two!.tokens[0], offsets: [0] });
    // 水利局 (two pairs), a break and its gap, 答 alone, a break and its gap, 复如下 (two pairs).
    const [quoted] = parseQuery('"水利局 答 复如下"');
    const tokens = quoted!.tokens[0]!;
    expect(tokens).toHaveLength(9);
    expect([tokens[2], tokens[3], tokens[5], tokens[6]]).toEqual([BREAK, GAP, BREAK, GAP]);
    const probes = phraseProbes(tokens);
    expect(probes.offsets).toEqual([0, 1, 2, 4, 5, 7, 8]);
    expect(probes.tokens).not.toContain(GAP);
  });

  test('a look-up that reads the probes finds what all the tokens find, and what the text holds', async () => {
    let found = 0;
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const r = next() % records.length;
      const text = records[r]!;
      const length = 2 + (next() % 9);
      const at = next() % Math.max(1, text.length - length);
      const cut = text.slice(at, at + length);
      // Phrases cut from a record (often across a space: quoted, they must cross a break
      // there), and random ones of the same length (often held nowhere).
      const random = Array.from({ length }, () => ALPHABET[next() % 4]).join('');
      for (const q of [`"${cut.replace(/\n/g, ' ')}"`, random]) {
        const [phrase] = parseQuery(q);
        if (!phrase) continue;
        const tokens = phrase.tokens[0]!;
        const got = await probed(tokens);
        expect(got, q).toEqual(await allTokens(tokens));
        if (!/\s/.test(phrase.variants[0]!)) expect(new Set(got.keys()), q).toEqual(literal(phrase.variants[0]!));
        found += got.size;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(700);
    expect(found).toBeGreaterThan(1000);
  });
});
