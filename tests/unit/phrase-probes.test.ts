import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pagefindFilesOnDisk } from '../../scripts/lib/pagefind-files.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INDEX_LANGUAGE } from '../../src/search/build-index.ts';
import { BREAK, GAP, HEAD_SIZE, indexContent, indexWords, LANES } from '../../src/search/index-content.ts';
import { IndexLookup } from '../../src/search/index-lookup.ts';
import { normalize } from '../../src/search/normalize.ts';
import { pageId } from '../../src/search/page-ids.ts';
import { IndexWriter } from '../../src/search/index-writer.ts';
import { assignPageIds, writeIndexFolder } from '../../src/search/pagefind-bundle.ts';
import { pagefindRuntime } from '../../src/search/pagefind-runtime.ts';
import { PagefindIndex, type Postings } from '../../src/search/pagefind-index.ts';
import { matchPhrase } from '../../src/search/phrase-match.ts';
import { phraseProbes } from '../../src/search/phrase-probes.ts';
import { chooseFrequentTokens, samplePositions } from '../../src/search/frequent-pairs.ts';
import { extendToken, laneToken, presenceToken } from '../../src/search/tokens.ts';
import { parseQuery } from '../../src/search/query.ts';

// A look-up reads every other pair token of a long phrase. That is exact only because the
// index puts two positions between runs; these tests index text full of run breaks and
// repeated pairs and check that the look-up finds exactly the records that hold a phrase.
// The same text is indexed a second time with frequent pairs and triples
// (./frequent-pairs.ts), whose look-ups read longer tokens and plain pairs beside them
// instead: they must find the same records at the same first positions.
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
/** Half the pairs of the alphabet and some of their triples (each with its second pair frequent too, as the build chooses them): the frequent tokens of the second index. */
const pair = (text: string) => parseQuery(text)[0]!.tokens[0]![0]!;
const triple = (text: string) => extendToken(pair(text.slice(0, 2)), pair(text.slice(1)));
const FREQUENT = [...['甲乙', '乙乙', '乙丙', '丙丁', '丁甲', '丁丁', '甲丙', '丙甲'].map(pair), ...['甲乙丙', '甲乙乙', '乙乙乙', '丙丁丁', '丁丁甲', '丁甲乙'].map(triple)];
let frequentLookup: IndexLookup;

/** Indexes the records into `dir` (with `frequent` pairs as triples) and returns its file readers. */
async function indexRecords(dir: string, frequent?: ReadonlySet<string>) {
  // As the build writes an index (src/search/build-index.ts).
  const writer = new IndexWriter();
  for (let r = 0; r < records.length; r++) {
    const [title, ...body] = lines(r);
    const { content } = indexContent({ head: [title!], sections: [{ anchor: null, lines: body }] }, undefined, frequent);
    writer.addPage(content);
  }
  // Small chunks, so that a pair's triples spread over several of them.
  writeIndexFolder(dir, INDEX_LANGUAGE, writer, await pagefindRuntime(INDEX_LANGUAGE, join(work, 'runtime')), { served: true, maxBytes: 300 });
  assignPageIds(
    dir,
    records.map((_, r) => pageId(r)),
  );
  return pagefindFilesOnDisk(dir);
}

beforeAll(async () => {
  for (let r = 0; r < 60; r++) records.push(randomText(30 + (next() % 400)));
  // A title of one-character runs, whose single tokens follow it in the head.
  records.push('乙 丁\n甲乙');
  const plain = await indexRecords(join(work, 'plain'));
  const withTriples = await indexRecords(join(work, 'frequent'), new Set(FREQUENT));
  // The look-up fetches index files by their address; here they are read from the folders.
  globalThis.fetch = (async (url: string) => {
    const [, folder, path] = /^\/(plain|frequent)\/(.*)$/.exec(String(url))!;
    const { file, json } = folder === 'plain' ? plain : withTriples;
    const bytes = path!.endsWith('.json') ? Buffer.from(JSON.stringify(await json(path!))) : Buffer.from(await file(path!));
    return new Response(bytes);
  }) as typeof fetch;
  lookup = new IndexLookup(['/plain/']);
  frequentLookup = new IndexLookup(['/frequent/'], FREQUENT);
  await Promise.all([lookup.ready(), frequentLookup.ready()]);
  index = await PagefindIndex.open('/', plain.file, plain.json);
}, 60_000);

/** Records whose lines hold the phrase (no whitespace in it) literally. */
function literal(phrase: string): Set<number> {
  const out = new Set<number>();
  records.forEach((_, r) => {
    if (lines(r).some((line) => normalize(line).text.includes(phrase))) out.add(r);
  });
  return out;
}

/** Records where every token of `tokens` (gaps aside) stands at its own offset: the word position of the first. */
async function allTokens(tokens: readonly string[]): Promise<Map<number, number>> {
  const kept = tokens.map((t, i) => ({ t, i })).filter(({ t }) => t !== GAP);
  const postings = await Promise.all(kept.map(({ t }) => index.postings(t)));
  const out = new Map<number, number>();
  if (postings.some((p) => !p)) return out;
  const pairs = matchPhrase(
    postings as Postings[],
    kept.map(({ i }) => i * LANES),
  );
  for (let i = 0; i < pairs.length; i += 2) out.set(pairs[i]!, pairs[i + 1]! / LANES);
  return out;
}

async function probed(tokens: string[], through = lookup): Promise<Map<number, number>> {
  const pairs = await through.lookUp([tokens]);
  const out = new Map<number, number>();
  for (let i = 0; i < pairs.length; i += 2) out.set(pairs[i]!, pairs[i + 1]!);
  return out;
}

describe('phrase probes', () => {
  test('every other pair of each run, its last pair, breaks and single units; never a gap', () => {
    const [long] = parseQuery('我们将健全分层分类社会救助体');
    expect(long!.tokens[0]).toHaveLength(13);
    // Offsets are Pagefind positions, two per word.
    expect(phraseProbes(long!.tokens[0]!).offsets).toEqual([0, 2, 4, 6, 8, 10, 12].map((o) => o * LANES));
    const [four] = parseQuery('宣城高新区');
    expect(phraseProbes(four!.tokens[0]!).offsets).toEqual([0, 4, 6]);
    const [two] = parseQuery('葛亚');
    expect(phraseProbes(two!.tokens[0]!)).toEqual({ tokens: two!.tokens[0], offsets: [0] });
    // 水利局 (two pairs), a break and its gap, 答 alone, a break and its gap, 复如下 (two pairs).
    const [quoted] = parseQuery('"水利局 答 复如下"');
    const tokens = quoted!.tokens[0]!;
    expect(tokens).toHaveLength(9);
    expect([tokens[2], tokens[3], tokens[5], tokens[6]]).toEqual([BREAK, GAP, BREAK, GAP]);
    const probes = phraseProbes(tokens);
    expect(probes.offsets).toEqual([0, 1, 2, 4, 5, 7, 8].map((o) => o * LANES));
    expect(probes.tokens).not.toContain(GAP);
  });

  test('a look-up that reads the probes finds what all the tokens find, and what the text holds', async () => {
    let found = 0;
    let checked = 0;
    let onePair = 0;
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
        const viaFrequent = await probed(tokens, frequentLookup);
        if (tokens.length === 1 && (FREQUENT.includes(tokens[0]!) || tokens[0]!.startsWith('u'))) {
          // One frequent pair or one character: a token once per record, among the head's
          // or the body's single tokens (which frequent pairs' presence tokens join), so
          // only whether it is in the head is the same.
          const inHead = (found: Map<number, number>) => new Map([...found].map(([r, at]) => [r, at < HEAD_SIZE]));
          expect(inHead(viaFrequent), `${q}, frequent pairs`).toEqual(inHead(got));
          if (tokens[0]!.startsWith('b')) onePair++;
        } else {
          expect(viaFrequent, `${q}, frequent pairs`).toEqual(got);
        }
        if (!/\s/.test(phrase.variants[0]!)) expect(new Set(got.keys()), q).toEqual(literal(phrase.variants[0]!));
        found += got.size;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(700);
    expect(onePair).toBeGreaterThan(20);
    expect(found).toBeGreaterThan(1000);
  });

  test('a quoted phrase of one-character runs does not run on into the single tokens after a text', async () => {
    const crafted = records.length - 1;
    // The head holds 乙, a break, 丁, then the single tokens 乙 and 丁: "丁 乙" is not in the text.
    expect((await probed(parseQuery('"丁 乙"')[0]!.tokens[0]!)).has(crafted)).toBe(false);
    expect((await probed(parseQuery('"乙 丁"')[0]!.tokens[0]!)).has(crafted)).toBe(true);
  });

  test('with frequent tokens: the longest the phrase gives, the token itself before a break, the plain pair beside it at the end', () => {
    const frequent = new Set(['招商', '商引', '引资', '环境'].map(pair));
    const [zsyz] = parseQuery('招商引资');
    // 招商引 at 0 and 商引资 at 1 cover all four units; 引资 at the end is not read.
    expect(phraseProbes(zsyz!.tokens[0]!, frequent)).toEqual({ tokens: [triple('招商引'), triple('商引资')], offsets: [0, 2] });
    expect(triple('招商引')).toBe(`t${pair('招商').slice(1)}${pair('引资').slice(1, 4)}`);
    // With 招商引 frequent too, the quad 招商引资 is the whole phrase.
    const withTriple = new Set([...frequent, triple('招商引')]);
    expect(phraseProbes(zsyz!.tokens[0]!, withTriple)).toEqual({ tokens: [extendToken(triple('招商引'), pair('引资'))], offsets: [0] });
    expect(extendToken(triple('招商引'), pair('引资'))).toBe(`q${triple('招商引').slice(1)}${pair('引资').slice(4)}`);
    // 招商引 ends the phrase, where the index may hold any quad: the lane token of 商引 with
    // the character before it, beside the second word.
    expect(phraseProbes(parseQuery('招商引')[0]!.tokens[0]!, withTriple)).toEqual({ tokens: [laneToken(pair('商引'), pair('招商'))], offsets: [3] });
    expect(laneToken(pair('商引'), pair('招商'))).toBe(`l${pair('招商').slice(1, 4)}${pair('商引').slice(1)}`);
    // Only the lane reaches 境: 态环境, beside the word of 环境.
    const [stj] = parseQuery('生态环境');
    expect(phraseProbes(stj!.tokens[0]!, frequent)).toEqual({ tokens: [pair('生态'), laneToken(pair('环境'), pair('态环'))], offsets: [0, 5] });
    // A frequent pair alone: whether, and where (head or body), a record holds it.
    expect(phraseProbes(parseQuery('招商')[0]!.tokens[0]!, frequent)).toEqual({ tokens: [presenceToken(pair('招商'))], offsets: [0] });
    // Before a break a run ends, and the index holds the frequent pair itself; after one it
    // starts its run, and its lane token is the pair alone.
    const [quoted] = parseQuery('"生态环境 招商"');
    expect(phraseProbes(quoted!.tokens[0]!, frequent)).toEqual({ tokens: [pair('生态'), pair('环境'), BREAK, laneToken(pair('招商'))], offsets: [0, 4, 6, 11] });
  });

  test('the frequent tokens of a sample: pairs, then triples of those pairs, standing at least twice per record', () => {
    const stream = (text: string) => indexWords({ head: [], sections: [{ anchor: null, lines: [text] }] });
    const chosen = chooseFrequentTokens([stream('甲乙甲乙甲乙丙'), stream('甲乙甲乙丁丁'), stream('丙丁')]);
    // 甲乙 stands 5 times in 3 records (not 6), 乙甲 3 times: neither reaches 2 per record.
    expect(chosen).toEqual([]);
    // 甲乙 6 times and 乙甲 4 times in 2 records; 乙丙 once. Of the triples, 甲乙甲 4 times,
    // 乙甲乙 4 times, 甲乙丙 once.
    expect(chooseFrequentTokens([stream('甲乙甲乙甲乙丙'), stream('甲乙甲乙甲乙')])).toEqual([pair('甲乙'), pair('乙甲'), triple('甲乙甲'), triple('乙甲乙')].sort());
    expect(samplePositions(5, 1000)).toEqual([0, 1, 2, 3, 4]);
    expect(samplePositions(10, 4)).toEqual([0, 2, 5, 7]);
  });
});
