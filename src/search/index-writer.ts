/**
 * Writes a search index folder in Pagefind 1.6's own format from the archive's token
 * streams (Node only): the word postings Pagefind's indexer would write for the same
 * custom records, byte for byte (tests/unit/index-writer.test.ts builds both and compares
 * them), in chunks of the archive's size (./pagefind-bundle.ts `CHUNK_BYTES`), with
 * Pagefind's own script and WebAssembly beside them (./pagefind-runtime.ts), so that its
 * browser code can still search the folder.
 *
 * Why not Pagefind's indexer: the archive hands it words it has already made
 * (./index-content.ts: opaque ASCII tokens, nothing to segment, stem or split), drops its
 * fragments, and rewrites every chunk and the metadata it writes (./pagefind-bundle.ts).
 * What is left of its work is grouping each word's positions by page, and that took most
 * of the search index's time and all of its memory: at 10,000 records about 60 s of CPU
 * and a 4–5 GB process per shard, where this takes a few seconds and the size of the
 * shard's postings (measured before and after in the README's performance section).
 *
 * What Pagefind writes for a custom record with these tokens (read from its output,
 * checked by the test): words are split at spaces and numbered from 0, punctuation-only
 * words ({@link GAP}) take a position but are not indexed, every location carries the
 * default weight (written once per page as −25), page numbers and locations are written
 * as differences from the one before, and each page and word ends with an empty list.
 */
import { cborArrayHead, headBytes } from './cbor.ts';
import { GAP } from './index-content.ts';

/** Pagefind's weight mark for locations of the default weight (1.0, stored as 24): −(24 + 1). */
const DEFAULT_WEIGHT = Uint8Array.of(0x38, 24);
/** What ends each page entry and each word: an empty list (headings, extra fields). */
const EMPTY_LIST = 0x80;
/** What a token may be made of (./tokens.ts); Pagefind would lowercase or split anything else. */
const TOKEN = /^[0-9a-z]+$/;

/** A growable byte buffer: one word's page entries, encoded as they are added. */
class Bytes {
  data = new Uint8Array(16);
  length = 0;

  private room(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  /**
   * Appends a CBOR head (the shortest, as minicbor writes it). The short forms are
   * written in place rather than through ./cbor.ts `headBytes`, which allocates an array
   * per head: this runs for every location of every word (millions per shard).
   */
  head(major: number, n: number): void {
    if (this.length + 9 > this.data.length) this.room(9);
    const m = major << 5;
    const d = this.data;
    if (n < 24) d[this.length++] = m | n;
    else if (n < 0x100) {
      d[this.length++] = m | 24;
      d[this.length++] = n;
    } else if (n < 0x10000) {
      d[this.length++] = m | 25;
      d[this.length++] = n >> 8;
      d[this.length++] = n & 255;
    } else {
      const bytes = headBytes(major, n);
      d.set(bytes, this.length);
      this.length += bytes.length;
    }
  }

  push(bytes: Uint8Array | number): void {
    if (typeof bytes === 'number') {
      this.room(1);
      this.data[this.length++] = bytes;
      return;
    }
    this.room(bytes.length);
    this.data.set(bytes, this.length);
    this.length += bytes.length;
  }
}

interface WordPostings {
  bytes: Bytes;
  pages: number;
  /** The last page written, or being added (then `positions` holds its locations so far). */
  page: number;
  lastPage: number;
  positions: number[];
}

/** One word of an index in Pagefind's chunk layout: its whole CBOR item `[word, pages, []]`. */
export interface IndexWord {
  word: string;
  bytes: Uint8Array;
}

/**
 * The postings of one index, built page by page in page order. Memory: the encoded
 * postings (about three times the index's gzip size) and one page's positions.
 */
export class IndexWriter {
  readonly #words = new Map<string, WordPostings>();
  readonly #wordCounts: number[] = [];

  /**
   * Adds the next page: `content` is its token stream (./index-content.ts
   * `indexContent`), words separated by single spaces. Returns the page's number.
   */
  addPage(content: string): number {
    const page = this.#wordCounts.length;
    // Each word's positions on this page are gathered in its own entry (no map per page).
    const touched: WordPostings[] = [];
    let position = 0;
    for (const word of content.split(' ')) {
      if (word === GAP) {
        position++;
        continue;
      }
      let entry = this.#words.get(word);
      if (!entry) {
        if (!TOKEN.test(word)) throw new Error(`search index: "${word.slice(0, 40)}" is not an index token (page ${page}); ./index-content.ts makes only [0-9a-z] tokens and ${GAP}`);
        entry = { bytes: new Bytes(), pages: 0, page: -1, lastPage: 0, positions: [] };
        this.#words.set(word, entry);
      }
      if (entry.page !== page) {
        entry.page = page;
        entry.positions.length = 0;
        touched.push(entry);
      }
      entry.positions.push(position++);
    }
    for (const entry of touched) {
      const out = entry.bytes;
      const list = entry.positions;
      // [page − previous page, [weight mark, location − previous location, …], []]
      out.head(4, 3);
      out.head(0, page - entry.lastPage);
      out.head(4, list.length + 1);
      out.push(DEFAULT_WEIGHT);
      let last = 0;
      for (const at of list) {
        out.head(0, at - last);
        last = at;
      }
      out.push(EMPTY_LIST);
      entry.lastPage = page;
      entry.pages++;
    }
    this.#wordCounts.push(position);
    return page;
  }

  /** Each page's word count (gaps included, as Pagefind counts them), in page order. */
  wordCounts(): readonly number[] {
    return this.#wordCounts;
  }

  /** The words in Pagefind's order (byte order: tokens are ASCII), each as its CBOR item. */
  *words(): Generator<IndexWord> {
    const encoder = new TextEncoder();
    const sorted = [...this.#words.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const word of sorted) {
      const entry = this.#words.get(word)!;
      const key = encoder.encode(word);
      const bytes = Buffer.concat([cborArrayHead(3), headBytes(3, key.length), key, headBytes(4, entry.pages), entry.bytes.data.subarray(0, entry.bytes.length), Uint8Array.of(EMPTY_LIST)]);
      yield { word, bytes };
    }
  }
}
