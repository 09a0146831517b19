/**
 * Reads an index folder Pagefind wrote (after ./pagefind-bundle.ts rewrote it) straight
 * from its files, in the browser or in Node: which record each page is and which chunk
 * holds a word (from the archive's compact chunk table, ./chunk-table.ts, which stands in
 * for pf_meta), and the postings of a word. The archive's look-ups read Pagefind's index this way instead of
 * through Pagefind's own browser code, whose exact search is quadratic (./phrase-match.ts
 * says why) and which parses every word of a chunk into its WebAssembly to use one.
 *
 * Pagefind 1.x's file layout (its `pagefind_web/src/index.rs` and `metadata.rs`): every
 * file is gzip of the signature `pagefind_dcd` and CBOR. pf_meta is
 * `[version, [[page id, word count, …], …], [[from, to, chunk hash], …], …]`; a chunk is
 * `[[[word, [[page number, [location, …], …], …], …], …]]`, words in byte order, numbers
 * as differences (see {@link decodePostings}), a negative location −(w+1) setting the
 * weight w of the locations after it. Pagefind's source describes 1.x up to 1.4; the
 * differences and the third fields are 1.6's, read from files it writes
 * (tests/unit/pagefind-index.test.ts indexes known text and reads it back).
 */
import { cborHead, cborItemEnd, withoutSignature } from './cbor.ts';
import { CHUNK_TABLE_FIELD, chunkIndexOf, parseChunkTable, tableOrdinals, type ChunkTable } from './chunk-table.ts';

/** Fetches a file of an index folder and returns its bytes, unpacked from gzip. */
export type FetchFile = (url: string) => Promise<Uint8Array>;

/**
 * Where a word occurs: page numbers in increasing order, and for page `pages[i]` its
 * locations `locations[starts[i]]` … `locations[starts[i + 1] − 1]`, increasing.
 */
export interface Postings {
  pages: Int32Array;
  starts: Int32Array;
  locations: Int32Array;
}

const layoutError = (file: string, what: string) => new Error(`${file}: unexpected layout, ${what} (is this Pagefind 1.x, rewritten by the archive?)`);

/** The index chunks of one Pagefind index folder and the records its pages are. */
export class PagefindIndex {
  /** Record number of each page, −1 for a stale page a patch index replaced. */
  readonly ordinals: Int32Array;
  /** The first word of each chunk (./chunk-table.ts). */
  private from: readonly string[];
  /** Each chunk's file name. */
  private files: string[];
  /** Unpacked chunks, by hash (a chunk is fetched once, like Pagefind's own). */
  private chunkBytes = new Map<string, Promise<Uint8Array>>();
  /** Postings decoded so far, by word; null for a word the index does not hold. */
  private words = new Map<string, Postings | null>();
  private path: string;
  private fetchFile: FetchFile;

  private constructor(path: string, fetchFile: FetchFile, table: ChunkTable) {
    this.path = path;
    this.fetchFile = fetchFile;
    this.ordinals = tableOrdinals(table);
    this.from = table.from;
    this.files = table.chunks.map((name) => `${table.prefix}${name}`);
  }

  /**
   * Opens the index folder at `path` (ending in `/`): reads its entry file and the chunk
   * table it names (./chunk-table.ts), not Pagefind's larger pf_meta.
   */
  static async open(path: string, fetchFile: FetchFile, fetchJson: (url: string) => Promise<unknown>): Promise<PagefindIndex> {
    const entryFile = `${path}pagefind-entry.json`;
    const entry = (await fetchJson(entryFile)) as Record<string, unknown> | null;
    const name = entry?.[CHUNK_TABLE_FIELD];
    if (typeof name !== 'string' || !/^[\w.-]+$/.test(name)) throw new Error(`${entryFile}: no chunk table named in "${CHUNK_TABLE_FIELD}" (was the index written by this archive's build?)`);
    const tableFile = `${path}${name}`;
    const table = parseChunkTable(JSON.parse(new TextDecoder().decode(await fetchFile(tableFile))), tableFile);
    return new PagefindIndex(path, fetchFile, table);
  }

  /** The chunk file that holds `word` if the index has it (./chunk-table.ts `chunkIndexOf`). */
  private chunkOf(word: string): string | undefined {
    const at = chunkIndexOf(this.from, word);
    return at < 0 ? undefined : this.files[at];
  }

  private chunk(hash: string): Promise<Uint8Array> {
    let bytes = this.chunkBytes.get(hash);
    if (!bytes) {
      bytes = this.fetchFile(`${this.path}index/${hash}.pf_index`).then(withoutSignature);
      // A failed fetch (network) is tried again next time.
      bytes.catch(() => this.chunkBytes.delete(hash));
      this.chunkBytes.set(hash, bytes);
    }
    return bytes;
  }

  /** Fetches the chunks that hold `words`, without decoding them. */
  async preload(words: Iterable<string>): Promise<void> {
    const hashes = new Set<string>();
    for (const word of words) {
      const hash = this.words.has(word) ? undefined : this.chunkOf(word);
      if (hash) hashes.add(hash);
    }
    await Promise.all([...hashes].map((h) => this.chunk(h)));
  }

  /** Where `word` occurs, or null when no page of this index holds it. */
  async postings(word: string): Promise<Postings | null> {
    const known = this.words.get(word);
    if (known !== undefined) return known;
    const hash = this.chunkOf(word);
    const found = hash ? findWord(await this.chunk(hash), word, `${this.path}index/${hash}.pf_index`) : null;
    this.words.set(word, found);
    return found;
  }
}

/**
 * The postings of `word` in an unpacked chunk, decoding only that word: the others are
 * stepped over as CBOR items. Null when the chunk does not hold it.
 */
export function findWord(bytes: Uint8Array, word: string, file = 'index chunk'): Postings | null {
  const root = cborHead(bytes, 0);
  const list = cborHead(bytes, root.next);
  if (root.major !== 4 || list.major !== 4) throw layoutError(file, 'no word list');
  const wanted = new TextEncoder().encode(word);
  let at = list.next;
  for (let w = 0; w < list.value; w++) {
    const entry = cborHead(bytes, at);
    const key = cborHead(bytes, entry.next);
    if (entry.major !== 4 || key.major !== 3) throw layoutError(file, `a word expected at byte ${at}`);
    if (key.value === wanted.length && bytes.subarray(key.next, key.next + key.value).every((b, i) => b === wanted[i])) {
      return decodePostings(bytes, key.next + key.value, file);
    }
    at = cborItemEnd(bytes, at);
  }
  return null;
}

/**
 * Decodes a word's page list at byte `at`, dropping weights (the archive ranks by its own
 * rules). Pagefind 1.6 writes each page number as the difference from the one before, and
 * each location as the difference from the one before it in the same run of one weight
 * (a weight mark starts a run from 0); a page's third field (where the word sits under a
 * heading) is not needed.
 */
function decodePostings(bytes: Uint8Array, at: number, file: string): Postings {
  const pageList = cborHead(bytes, at);
  if (pageList.major !== 4) throw layoutError(file, `a page list expected at byte ${at}`);
  at = pageList.next;
  const pages = new Int32Array(pageList.value);
  const starts = new Int32Array(pageList.value + 1);
  let locations = new Int32Array(pageList.value * 2);
  let count = 0;
  let sorted = true;
  let page = 0;
  for (let p = 0; p < pageList.value; p++) {
    const entry = cborHead(bytes, at);
    const delta = cborHead(bytes, entry.next);
    const locs = cborHead(bytes, delta.next);
    if (entry.major !== 4 || entry.value < 2 || delta.major !== 0 || locs.major !== 4) throw layoutError(file, `a page expected at byte ${at}`);
    page += delta.value;
    pages[p] = page;
    if (p > 0 && delta.value === 0) sorted = false;
    starts[p] = count;
    at = locs.next;
    let location = 0;
    let last = -1;
    for (let l = 0; l < locs.value; l++) {
      // Read inline for the short forms a location takes: a common word has hundreds of
      // thousands of them.
      const head = bytes[at]!;
      const major = head >> 5;
      const info = head & 31;
      let value: number;
      let next: number;
      if (info < 24) {
        value = info;
        next = at + 1;
      } else if (info === 24) {
        value = bytes[at + 1]!;
        next = at + 2;
      } else {
        ({ value, next } = cborHead(bytes, at));
      }
      // Major type 1: a negative number, the weight of the locations after it.
      if (major === 1) {
        location = 0;
      } else if (major === 0) {
        location += value;
        if (count === locations.length) {
          const grown = new Int32Array(locations.length * 2 + 8);
          grown.set(locations);
          locations = grown;
        }
        if (location <= last) sorted = false;
        last = location;
        locations[count++] = location;
      } else {
        throw layoutError(file, `a location expected at byte ${at}`);
      }
      at = next;
    }
    for (let f = 2; f < entry.value; f++) at = cborItemEnd(bytes, at);
  }
  starts[pageList.value] = count;
  const postings = { pages, starts, locations: locations.subarray(0, count) };
  return sorted ? postings : sortPostings(postings);
}

/**
 * The same postings with pages and each page's locations in increasing order. Pagefind
 * writes them so; this is here so that a change in its writer costs speed, not results.
 */
function sortPostings({ pages, starts, locations }: Postings): Postings {
  const order = Array.from(pages.keys()).sort((a, b) => pages[a]! - pages[b]!);
  const out = { pages: new Int32Array(pages.length), starts: new Int32Array(starts.length), locations: new Int32Array(locations.length) };
  let count = 0;
  order.forEach((from, i) => {
    out.pages[i] = pages[from]!;
    out.starts[i] = count;
    const locs = Array.from(new Set(locations.subarray(starts[from]!, starts[from + 1]!))).sort((a, b) => a - b);
    out.locations.set(locs, count);
    count += locs.length;
  });
  out.starts[pages.length] = count;
  return { ...out, locations: out.locations.subarray(0, count) };
}
