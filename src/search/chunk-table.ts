/**
 * The chunk table of an index folder in the archive's own compact form: what a look-up
 * needs of Pagefind's pf_meta (which record each page is, and which chunk file holds a
 * word), in a fraction of its bytes. Every search loads it, so its size is a fixed cost of
 * a first search. ./pagefind-bundle.ts writes it beside pf_meta whenever it writes pf_meta
 * and names it in pagefind-entry.json; ./pagefind-index.ts reads it instead of pf_meta,
 * which stays as Pagefind wrote it for Pagefind's own code.
 *
 * pf_meta lists every page as [id, word count, …] (ids are record numbers in base 36,
 * ./page-ids.ts: 22 KB of gzip at 10,000 records, 67 KB at 30,000), and every chunk as
 * [first word, last word, file]. Here pages are runs of consecutive record numbers (the
 * merged index is one run, or a few around stale pages), and a chunk is its first word and
 * file only: measured on generated archives, 27 KB instead of 61 KB at 10,000 records and
 * 51 KB instead of 141 KB at 30,000.
 */
import { pageOrdinal } from './page-ids.ts';

/** The field of pagefind-entry.json naming the folder's chunk table file (Pagefind ignores it). */
export const CHUNK_TABLE_FIELD = 'archive_chunk_table';

/** One index folder's chunk table. */
export interface ChunkTable {
  version: 1;
  /**
   * The record number of each page in Pagefind's page order, as runs `[first, count]`
   * of consecutive numbers; `[-1, count]` is a run of stale pages (a patch index holds
   * those records' current text).
   */
  pages: [number, number][];
  /**
   * The first word of each chunk, in order, shortened as pf_meta shortens it (the
   * shortest prefix that tells it from the last word of the chunk before).
   */
  from: string[];
  /** What every chunk file's name starts with. */
  prefix: string;
  /** Each chunk's file name after `prefix`: the chunk is `index/<prefix><name>.pf_index`. */
  chunks: string[];
}

/**
 * The table of an index whose pages have the ids `pageIds` and whose pf_meta chunk table
 * is `chunks` ([from, to, file] each); null while the pages are not yet named by record
 * number (Pagefind's own ids, before ./pagefind-bundle.ts `assignPageIds`).
 */
export function makeChunkTable(pageIds: readonly string[], chunks: readonly (readonly [string, string, string])[]): ChunkTable | null {
  const pages: [number, number][] = [];
  for (const id of pageIds) {
    let ordinal: number;
    try {
      ordinal = pageOrdinal(id) ?? -1;
    } catch {
      return null;
    }
    const run = pages.at(-1);
    if (run && (run[0] === -1 ? ordinal === -1 : ordinal === run[0] + run[1])) run[1]++;
    else pages.push([ordinal, 1]);
  }
  const names = chunks.map((c) => c[2]);
  const cut = names[0]?.indexOf('_') ?? -1;
  const prefix = cut >= 0 && names.every((n) => n.startsWith(names[0]!.slice(0, cut + 1))) ? names[0]!.slice(0, cut + 1) : '';
  return { version: 1, pages, from: chunks.map((c) => c[0]), prefix, chunks: names.map((n) => n.slice(prefix.length)) };
}

const layoutError = (file: string, what: string) => new Error(`${file}: unexpected chunk table, ${what} (was the index written by this archive's build?)`);

/** Checks the parsed JSON of a chunk table file, naming the file and what is wrong. */
export function parseChunkTable(json: unknown, file: string): ChunkTable {
  const t = json as Partial<ChunkTable> | null;
  if (!t || t.version !== 1) throw layoutError(file, 'version 1 expected');
  if (!Array.isArray(t.pages) || !t.pages.every((r) => Array.isArray(r) && r.length === 2 && Number.isInteger(r[0]) && r[0]! >= -1 && Number.isInteger(r[1]) && r[1]! > 0)) throw layoutError(file, 'pages must be runs [first, count]');
  if (!Array.isArray(t.from) || !Array.isArray(t.chunks) || t.from.length !== t.chunks.length) throw layoutError(file, 'one first word per chunk expected');
  if (![...t.from, ...t.chunks, t.prefix].every((s) => typeof s === 'string')) throw layoutError(file, 'words and file names must be strings');
  for (let i = 1; i < t.from.length; i++) if (!(t.from[i - 1]! < t.from[i]!)) throw layoutError(file, `chunks out of order at "${t.from[i]}"`);
  return t as ChunkTable;
}

/** The record number of each page (−1 for a stale page). */
export function tableOrdinals(table: ChunkTable): Int32Array {
  const out = new Int32Array(table.pages.reduce((sum, [, count]) => sum + count, 0));
  let at = 0;
  for (const [first, count] of table.pages) {
    for (let i = 0; i < count; i++) out[at++] = first === -1 ? -1 : first + i;
  }
  return out;
}

/**
 * The position in `from` of the only chunk that can hold `word`, or −1 when the word sorts
 * before every chunk: the last chunk whose first word (shortened) is at most the word.
 * A shortened first word still separates the chunks: it is a prefix of the chunk's first
 * word, so no word of the chunk sorts below it, and it already differs from the last word
 * of the chunk before, upwards, within its length, so no word of an earlier chunk reaches
 * it. (Pagefind's rule also compares each chunk's shortened last word; that can only spare
 * a fetch for a word no chunk holds.) Tokens are ASCII (./tokens.ts), so string order is
 * byte order.
 */
export function chunkIndexOf(from: readonly string[], word: string): number {
  let low = 0;
  let high = from.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (word >= from[mid]!) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}
