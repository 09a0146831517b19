/**
 * Rewrites an index folder Pagefind has written (Node only), in Pagefind's own format, so
 * that a first search downloads less. Pagefind's browser code and WebAssembly read the
 * result exactly as they read Pagefind's own output.
 *
 * - {@link rechunkIndex}: Pagefind packs its words into index chunks of about 20,000
 *   postings (a constant, `chunk_index(word_map, 20000)` in its indexer), about 25 KB
 *   compressed with the archive's pair tokens. A query loads one chunk per token and
 *   shard, mostly other tokens' postings. Smaller chunks cost more lines in the chunk table
 *   of pf_meta, which every search loads; {@link CHUNK_BYTES} is where the two costs
 *   balance for typical queries (measured on a generated 10,000-record archive, two
 *   shards, a dozen typical terms: chunk tables plus the chunks a term loads 93 KB on
 *   average, against 159 KB with chunks of Pagefind's average size; 10,000 to 20,000
 *   bytes all came within 7 % of it).
 * - {@link assignPageIds}: Pagefind names each page by a hash of its content, random
 *   digits that do not compress (half of pf_meta), and keeps its word count (a fifth),
 *   which only Pagefind's own ranking uses and the archive does not. The ids of
 *   ./page-ids.ts are short and consecutive, and every word count becomes 1.
 *
 * Each rewrite writes pf_meta under a new content hash and points pagefind-entry.json at
 * it, so a browser never combines a cached old file with new ones.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { cborArrayHead, cborHead, cborItemEnd, decodeCbor, encodeCbor, withoutSignature } from './cbor.ts';

/** Encoded bytes after which an index chunk is closed (Pagefind's rule, a smaller size). */
export const CHUNK_BYTES = 13_000;

const SIGNATURE = new TextEncoder().encode('pagefind_dcd');

interface Bundle {
  dir: string;
  entry: { languages: Record<string, { hash: string; page_count: number }> };
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
function pagefindFile(parts: readonly Uint8Array[], level: 6 | 9): Buffer {
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

function writeMeta(bundle: Bundle): void {
  const file = pagefindFile([encodeCbor(bundle.meta)], 9);
  const hash = `${bundle.language}_${contentHash(file, 10)}`;
  rmSync(join(bundle.dir, bundle.metaFile));
  writeFileSync(join(bundle.dir, `pagefind.${hash}.pf_meta`), file);
  bundle.entry.languages[bundle.language]!.hash = hash;
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
 * Re-packs the index chunks of the Pagefind index in `dir` into chunks closed after
 * `maxBytes` encoded bytes (a word larger than that is a chunk of its own). Every word
 * keeps its postings byte for byte, and words stay in Pagefind's order; the chunk table is
 * made as Pagefind makes it. Returns the number of chunks before and after.
 */
export function rechunkIndex(dir: string, maxBytes = CHUNK_BYTES): { before: number; after: number } {
  const bundle = readBundle(dir);
  const table = bundle.meta[2] as [string, string, string][];
  // Words are cut out of the chunks as they are, never decoded: a shard's chunks hold tens
  // of megabytes of postings, which decoding and encoding again took most of the time.
  const words: { word: string; bytes: Uint8Array }[] = [];
  const decoder = new TextDecoder();
  for (const [, , hash] of table) {
    const file = join(dir, 'index', `${hash}.pf_index`);
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
      words.push({ word: decoder.decode(raw.subarray(word.next, word.next + word.value)), bytes: raw.subarray(at, end) });
      at = end;
    }
    if (at !== raw.length) throw unexpected();
  }
  // Chunks must cover ranges of words in order, or Pagefind looks a word up in the wrong one.
  for (let i = 1; i < words.length; i++) {
    if (!(words[i - 1]!.word < words[i]!.word)) throw new Error(`${dir}: Pagefind's words are not in order at "${words[i]!.word}"`);
  }
  const groups: (typeof words)[] = [];
  let current: typeof words = [];
  let size = 0;
  for (const word of words) {
    current.push(word);
    size += word.bytes.length;
    if (size >= maxBytes) {
      groups.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length) groups.push(current);

  rmSync(join(dir, 'index'), { recursive: true, force: true });
  mkdirSync(join(dir, 'index'));
  const written = new Set<string>();
  const newTable: [string, string, string][] = groups.map((group) => {
    const file = pagefindFile([cborArrayHead(1), cborArrayHead(group.length), ...group.map((w) => w.bytes)], 6);
    // Pagefind's naming: the language and the shortest hash prefix no other chunk has,
    // from 8 hex digits (Pagefind's 7, for several times as many chunks).
    const full = contentHash(file, 64);
    let length = 8;
    while (written.has(full.slice(0, length))) length++;
    const hash = `${bundle.language}_${full.slice(0, length)}`;
    written.add(full.slice(0, length));
    writeFileSync(join(dir, 'index', `${hash}.pf_index`), file, { flag: 'wx' });
    return [group[0]!.word, group.at(-1)!.word, hash];
  });
  for (let i = 0; i + 1 < newTable.length; i++) {
    [newTable[i]![1], newTable[i + 1]![0]] = boundaryPrefixes(newTable[i]![1], newTable[i + 1]![0]);
  }
  bundle.meta[2] = newTable;
  writeMeta(bundle);
  return { before: table.length, after: newTable.length };
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
