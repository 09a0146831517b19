/**
 * Writes and rewrites search index folders in Pagefind's own format (Node only), so that
 * a first search downloads less. Pagefind's browser code and WebAssembly read them
 * exactly as they read Pagefind's own output.
 *
 * - {@link writeIndexFolder}: writes the index the archive builds itself
 *   (./index-writer.ts) in chunks closed after {@link CHUNK_BYTES}. Pagefind packs its
 *   words into index chunks of about 20,000 postings (a constant,
 *   `chunk_index(word_map, 20000)` in its indexer), about 25 KB compressed with the
 *   archive's pair tokens, and a query loads one chunk per token, mostly other tokens'
 *   postings. Smaller chunks cost more lines in the chunk table, which every search
 *   loads; {@link CHUNK_BYTES} is where the two costs balance for typical queries
 *   (measured on a generated 10,000-record archive, two shards, a dozen typical terms:
 *   chunk tables plus the chunks a term loads 93 KB on average, against 159 KB with
 *   chunks of Pagefind's average size; 10,000 to 20,000 bytes all came within 7 % of
 *   it). {@link rechunkIndex} re-packs a folder Pagefind itself wrote the same way (the
 *   tests compare the two).
 * - {@link assignPageIds}: Pagefind names each page by a hash of its content, random
 *   digits that do not compress (half of pf_meta), and keeps its word count (a fifth),
 *   which only Pagefind's own ranking uses and the archive does not. The ids of
 *   ./page-ids.ts are short and consecutive, and every word count becomes 1.
 * - {@link mergeIndexes}: the shards' indexes become one, so that a look-up fetches one
 *   chunk per word, not one per word and shard.
 * - Beside pf_meta, the archive's compact chunk table (./chunk-table.ts), which the
 *   browser's look-ups read instead of pf_meta.
 *
 * Each rewrite writes pf_meta and the chunk table under new content hashes and points
 * pagefind-entry.json at them, so a browser never combines a cached old file with new ones.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { cborArrayHead, cborHead, cborItemEnd, decodeCbor, encodeCbor, headBytes, withoutSignature } from './cbor.ts';
import { shareFile, shareTree } from '../lib/shared-files.ts';
import { CHUNK_TABLE_FIELD, makeChunkTable } from './chunk-table.ts';
import type { IndexWord, IndexWriter } from './index-writer.ts';
import type { PagefindRuntime } from './pagefind-runtime.ts';

/** Encoded bytes after which an index chunk is closed (Pagefind's rule, a smaller size). */
export const CHUNK_BYTES = 13_000;

const SIGNATURE = new TextEncoder().encode('pagefind_dcd');

interface Bundle {
  dir: string;
  /** pagefind-entry.json, with the archive's chunk table file (./chunk-table.ts) once written. */
  entry: { languages: Record<string, { hash: string; page_count: number; wasm?: string | null }>; [CHUNK_TABLE_FIELD]?: string };
  language: string;
  metaFile: string;
  /** pf_meta: [version, pages [hash, word count, …], chunks [from, to, hash], filters, sorts, …]. */
  meta: unknown[];
}

function readPagefindFile(path: string): unknown {
  return decodeCbor(withoutSignature(gunzipSync(readFileSync(path))));
}

/**
 * Pagefind's file form: gzip of its signature and the CBOR (given in parts). Level 9
 * for meta files, which every search loads; the chunks of a 5,000-record shard (44 MB)
 * took 8.3 s at level 9 and 1.4 s at level 6, for 0.6 % more bytes.
 */
function pagefindFile(parts: readonly Uint8Array[], level: 1 | 6 | 9): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, ...parts]), { level });
}

function contentHash(bytes: Uint8Array, length: number): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, length);
}

function readBundle(dir: string): Bundle {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as Bundle['entry'];
  const languages = Object.keys(entry.languages);
  if (languages.length !== 1) throw new Error(`${dir}: expected a Pagefind index of one language, found ${languages.length} (${languages.join(', ')})`);
  const language = languages[0]!;
  const metaFile = `pagefind.${entry.languages[language]!.hash}.pf_meta`;
  const meta = readPagefindFile(join(dir, metaFile));
  if (!Array.isArray(meta) || meta.length < 3 || !Array.isArray(meta[1]) || !Array.isArray(meta[2])) throw new Error(`${join(dir, metaFile)}: unexpected layout (is this Pagefind 1.x?)`);
  return { dir, entry, language, metaFile, meta };
}

/**
 * Writes pf_meta and, once the pages are named by record number, the archive's chunk table
 * (./chunk-table.ts), which the browser reads instead; pagefind-entry.json names both.
 */
function writeMeta(bundle: Bundle): void {
  const file = pagefindFile([encodeCbor(bundle.meta)], 9);
  const hash = `${bundle.language}_${contentHash(file, 10)}`;
  if (bundle.metaFile) rmSync(join(bundle.dir, bundle.metaFile));
  bundle.metaFile = `pagefind.${hash}.pf_meta`;
  writeFileSync(join(bundle.dir, bundle.metaFile), file);
  bundle.entry.languages[bundle.language]!.hash = hash;
  const oldTable = bundle.entry[CHUNK_TABLE_FIELD];
  if (oldTable) rmSync(join(bundle.dir, oldTable), { force: true });
  delete bundle.entry[CHUNK_TABLE_FIELD];
  const table = makeChunkTable(
    (bundle.meta[1] as unknown[][]).map((page) => String(page[0])),
    bundle.meta[2] as [string, string, string][],
  );
  if (table) {
    const tableFile = gzipSync(JSON.stringify(table), { level: 9 });
    bundle.entry[CHUNK_TABLE_FIELD] = `chunks.${contentHash(tableFile, 10)}.pf_table`;
    writeFileSync(join(bundle.dir, bundle.entry[CHUNK_TABLE_FIELD]), tableFile);
  }
  // Removed first: the folder may share its files with the build's cache (../lib/shared-files.ts).
  rmSync(join(bundle.dir, 'pagefind-entry.json'), { force: true });
  writeFileSync(join(bundle.dir, 'pagefind-entry.json'), JSON.stringify(bundle.entry));
}

/** The shortest prefixes that still tell two neighbouring words apart (Pagefind's `get_prefixes`). */
function boundaryPrefixes(a: string, b: string): [string, string] {
  const x = Array.from(a);
  const y = Array.from(b);
  let common = 0;
  while (common < x.length && common < y.length && x[common] === y[common]) common++;
  return [x.slice(0, common + 1).join(''), y.slice(0, common + 1).join('')];
}

/**
 * The words of the Pagefind index `bundle`, in Pagefind's order, one chunk unpacked at a
 * time. Words are cut out of the chunks as they are, never decoded: a shard's chunks
 * hold tens of megabytes of postings, which decoding and encoding again took most of the time.
 */
function* bundleWords(bundle: Bundle): Generator<IndexWord> {
  const decoder = new TextDecoder();
  let last: string | null = null;
  for (const [, , hash] of bundle.meta[2] as [string, string, string][]) {
    const file = join(bundle.dir, 'index', `${hash}.pf_index`);
    const raw = withoutSignature(gunzipSync(readFileSync(file)));
    const unexpected = () => new Error(`${file}: unexpected layout (is this Pagefind 1.x?)`);
    const root = cborHead(raw, 0);
    if (root.major !== 4 || root.value !== 1) throw unexpected();
    const list = cborHead(raw, root.next);
    if (list.major !== 4) throw unexpected();
    let at = list.next;
    for (let i = 0; i < list.value; i++) {
      const entry = cborHead(raw, at);
      const word = cborHead(raw, entry.next);
      if (entry.major !== 4 || entry.value < 2 || word.major !== 3) throw unexpected();
      const end = cborItemEnd(raw, at);
      const text = decoder.decode(raw.subarray(word.next, word.next + word.value));
      // Chunks must cover ranges of words in order, or a look-up searches the wrong one.
      if (last !== null && !(last < text)) throw new Error(`${bundle.dir}: Pagefind's words are not in order at "${text}"`);
      last = text;
      yield { word: text, bytes: raw.subarray(at, end) };
      at = end;
    }
    if (at !== raw.length) throw unexpected();
  }
}

/**
 * Writes `words` (in order) as the index chunks of the folder `dir`, each closed after
 * `maxBytes` encoded bytes (a word larger than that is a chunk of its own), and returns
 * the chunk table, made as Pagefind makes it.
 */
function writeChunks(dir: string, language: string, words: Iterable<IndexWord>, maxBytes: number, level: 1 | 6 = 6): [string, string, string][] {
  rmSync(join(dir, 'index'), { recursive: true, force: true });
  mkdirSync(join(dir, 'index'));
  const written = new Set<string>();
  const table: [string, string, string][] = [];
  let group: IndexWord[] = [];
  let size = 0;
  const close = () => {
    const file = pagefindFile([cborArrayHead(1), cborArrayHead(group.length), ...group.map((w) => w.bytes)], level);
    // Pagefind's naming: the language and the shortest hash prefix no other chunk has,
    // from 8 hex digits (Pagefind's 7, for several times as many chunks).
    const full = contentHash(file, 64);
    let length = 8;
    while (written.has(full.slice(0, length))) length++;
    const hash = `${language}_${full.slice(0, length)}`;
    written.add(full.slice(0, length));
    writeFileSync(join(dir, 'index', `${hash}.pf_index`), file, { flag: 'wx' });
    table.push([group[0]!.word, group.at(-1)!.word, hash]);
    group = [];
    size = 0;
  };
  for (const word of words) {
    group.push(word);
    size += word.bytes.length;
    if (size >= maxBytes) close();
  }
  if (group.length) close();
  for (let i = 0; i + 1 < table.length; i++) {
    [table[i]![1], table[i + 1]![0]] = boundaryPrefixes(table[i]![1], table[i + 1]![0]);
  }
  return table;
}

/** The words of the index folder `dir` in its order, each as its CBOR item, bytes as they are. */
export function folderWords(dir: string): Generator<IndexWord> {
  return bundleWords(readBundle(dir));
}

/**
 * Re-packs the index chunks of the Pagefind index in `dir` into chunks closed after
 * `maxBytes` encoded bytes (a word larger than that is a chunk of its own). Every word
 * keeps its postings byte for byte, and words stay in Pagefind's order; the chunk table is
 * made as Pagefind makes it. Returns the number of chunks before and after.
 */
export function rechunkIndex(dir: string, maxBytes = CHUNK_BYTES): { before: number; after: number } {
  const bundle = readBundle(dir);
  const before = (bundle.meta[2] as unknown[]).length;
  // Every word is cut out before the old chunks are removed.
  const words = [...bundleWords(bundle)];
  bundle.meta[2] = writeChunks(dir, bundle.language, words, maxBytes);
  writeMeta(bundle);
  return { before, after: (bundle.meta[2] as unknown[]).length };
}

/**
 * Writes the index `writer` holds as a Pagefind index folder `dir` (./index-writer.ts):
 * its chunks (closed after `maxBytes` encoded bytes), pf_meta with each page's word count
 * under a placeholder id (the build gives the real ones, {@link assignPageIds}), the
 * archive's chunk table, the entry file, and Pagefind's browser files from `runtime`.
 * `served`: false for an index only the build reads (a shard, which is merged), whose
 * chunks are then compressed for speed rather than size (gzip level 1: 2.8 s less
 * for 10,000 records).
 */
export function writeIndexFolder(dir: string, language: string, writer: IndexWriter, runtime: PagefindRuntime, options: { served: boolean; maxBytes?: number }): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const table = writeChunks(dir, language, writer.words(), options.maxBytes ?? CHUNK_BYTES, options.served ? 6 : 1);
  const pages = writer.wordCounts().map((words, n) => [`${language}_${n.toString(36)}`, words, '']);
  const bundle: Bundle = {
    dir,
    entry: { ...runtime.entry, languages: { [language]: { hash: '', wasm: null, page_count: pages.length } } },
    language,
    metaFile: '',
    // Pagefind 1.x: version, pages, chunks, filters, sorts, and one more list (empty without filters).
    meta: [runtime.version, pages, table, [], [], []],
  };
  writeMeta(bundle);
  runtime.copyTo(dir);
}

/** Where the CBOR integer at byte `at` ends (its head is all of it). */
function intEnd(bytes: Uint8Array, at: number): number {
  const info = bytes[at]! & 31;
  return at + (info < 24 ? 1 : info === 24 ? 2 : info === 25 ? 3 : info === 26 ? 5 : 9);
}

/**
 * Where the page entry `[page, [location, …], …]` at byte `at` ends. Written for speed
 * (a merge steps over every location of the index): locations are integers, stepped over
 * by their heads alone; anything else is left to the general walker.
 */
function pageEntryEnd(bytes: Uint8Array, at: number): number {
  const entry = cborHead(bytes, at);
  at = intEnd(bytes, entry.next);
  for (let field = 1; field < entry.value; field++) {
    const list = cborHead(bytes, at);
    if (list.major !== 4) {
      at = cborItemEnd(bytes, at);
      continue;
    }
    at = list.next;
    for (let i = 0; i < list.value; i++) at = bytes[at]! >> 5 <= 1 ? intEnd(bytes, at) : cborItemEnd(bytes, at);
  }
  return at;
}

/**
 * One word's CBOR item `[word, pages, …]` in a merged index: the items of the same word in
 * several indexes (`parts`, in index order), their page lists joined. Pagefind 1.6 writes
 * each page number as the difference from the one before in the list
 * (./pagefind-index.ts), so only the first page of each part changes: its difference
 * from the last page of the part before, counted in the merged index's pages
 * (`offset`: where the part's index starts).
 */
function mergedWord(word: string, parts: { bytes: Uint8Array; offset: number }[], where: string): Uint8Array {
  const out: Uint8Array[] = [];
  let pages = 0;
  let rest: Uint8Array | null = null;
  let previous = 0;
  for (const { bytes, offset } of parts) {
    const entry = cborHead(bytes, 0);
    const key = cborHead(bytes, entry.next);
    const list = cborHead(bytes, key.next + key.value);
    if (list.major !== 4 || list.value === 0) throw new Error(`${where}: "${word}" has no page list`);
    const page = cborHead(bytes, list.next);
    const delta = cborHead(bytes, page.next);
    if (page.major !== 4 || delta.major !== 0) throw new Error(`${where}: "${word}" has a page of an unexpected layout`);
    const firstEnd = pageEntryEnd(bytes, list.next);
    out.push(bytes.subarray(list.next, page.next), headBytes(0, offset + delta.value - previous), bytes.subarray(delta.next, firstEnd));
    let last = offset + delta.value;
    let at = firstEnd;
    for (let p = 1; p < list.value; p++) {
      last += cborHead(bytes, cborHead(bytes, at).next).value;
      at = pageEntryEnd(bytes, at);
    }
    out.push(bytes.subarray(firstEnd, at));
    // What follows the page list must be the same in every part (it is empty in the archive's indexes).
    const tail = bytes.subarray(at);
    if (rest && !Buffer.from(rest).equals(tail)) throw new Error(`${where}: "${word}" holds fields after its pages that differ between indexes; the archive cannot merge them`);
    rest = tail;
    pages += list.value;
    previous = last;
  }
  const first = parts[0]!.bytes;
  const key = cborHead(first, cborHead(first, 0).next);
  return Buffer.concat([first.subarray(0, key.next + key.value), headBytes(4, pages), ...out, rest!]);
}

/**
 * Merges the Pagefind indexes in `dirs` (their pages in that order) into one index in
 * `outDir`, as Pagefind's own browser code reads it, so that a look-up fetches one
 * chunk per word instead of one per word and shard: the index is built in shards to
 * bound Pagefind's memory, but at 30,000 records a 14-character phrase fetched 84 chunk
 * files from seven shards, and each request cost the browser more than the look-up.
 * Every index must have its page ids (see {@link assignPageIds}); the merged index keeps
 * them. Memory: one unpacked chunk per index at a time, and the chunk being written.
 *
 * `chunksFrom`: an earlier merge of indexes with the same words and postings (page ids
 * may differ), whose chunks are taken as they are instead of merged again.
 */
export function mergeIndexes(dirs: readonly string[], outDir: string, options: { maxBytes?: number; chunksFrom?: string } = {}): { pages: number; chunks: number } {
  const bundles = dirs.map(readBundle);
  const first = bundles[0];
  if (!first) throw new Error('no Pagefind index to merge');
  const fields = (b: Bundle) => JSON.stringify(b.meta.slice(3));
  for (const b of bundles) {
    if (b.language !== first.language || b.meta[0] !== first.meta[0] || fields(b) !== fields(first)) throw new Error(`${b.dir}: its language, version, filters or sorts differ from ${first.dir}'s; the archive merges only indexes built alike`);
  }
  const offsets: number[] = [];
  let pageCount = 0;
  for (const b of bundles) {
    offsets.push(pageCount);
    pageCount += (b.meta[1] as unknown[]).length;
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // Pagefind's script and WebAssembly, so that its own code can read the merged index too.
  for (const name of readdirSync(first.dir)) if (name === 'pagefind.js' || name.startsWith('wasm.')) shareFile(join(first.dir, name), join(outDir, name));

  function* merged(): Generator<IndexWord> {
    const streams = bundles.map(bundleWords);
    const heads = streams.map((s) => s.next());
    for (;;) {
      let word: string | null = null;
      for (const h of heads) if (!h.done && (word === null || h.value.word < word)) word = h.value.word;
      if (word === null) return;
      const parts: { bytes: Uint8Array; offset: number }[] = [];
      heads.forEach((h, i) => {
        if (h.done || h.value.word !== word) return;
        parts.push({ bytes: h.value.bytes, offset: offsets[i]! });
        heads[i] = streams[i]!.next();
      });
      yield { word, bytes: mergedWord(word, parts, outDir) };
    }
  }
  let table: [string, string, string][];
  if (options.chunksFrom) {
    shareTree(join(options.chunksFrom, 'index'), join(outDir, 'index'));
    table = readBundle(options.chunksFrom).meta[2] as [string, string, string][];
  } else {
    table = writeChunks(outDir, first.language, merged(), options.maxBytes ?? CHUNK_BYTES);
  }
  const bundle: Bundle = {
    dir: outDir,
    entry: { ...first.entry, languages: { [first.language]: { ...first.entry.languages[first.language]!, page_count: pageCount } } },
    language: first.language,
    metaFile: '',
    meta: [first.meta[0], bundles.flatMap((b) => b.meta[1] as unknown[]), table, ...first.meta.slice(3)],
  };
  writeMeta(bundle);
  return { pages: pageCount, chunks: table.length };
}

/**
 * Gives the pages of the Pagefind index in `dir` the ids `ids` (in Pagefind's page order;
 * see ./page-ids.ts) and the word count 1.
 */
export function assignPageIds(dir: string, ids: readonly string[]): void {
  const bundle = readBundle(dir);
  const pages = bundle.meta[1] as unknown[][];
  if (pages.length !== ids.length) throw new Error(`${dir}: Pagefind's index has ${pages.length} pages, expected ${ids.length}`);
  if (new Set(ids).size !== ids.length) throw new Error(`${dir}: page ids must be unique`);
  pages.forEach((page, i) => {
    page[0] = ids[i];
    page[1] = 1;
  });
  writeMeta(bundle);
}
