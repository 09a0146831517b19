/**
 * Pagefind's exact search over a group of the archive's index shards, in whatever thread
 * runs it: a look-up worker (./lookup-worker.ts) or, where workers are unavailable, the
 * page itself (./lookup-pool.ts). A look-up's answer is flat pairs of numbers, record
 * number then the first position of the match, which a worker can transfer without
 * copying.
 */
import { pageOrdinal } from './page-ids.ts';

interface PagefindResult {
  id: string;
  words: number[];
}
interface PagefindModule {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (path: string, o?: Record<string, unknown>) => Promise<void>;
  search: (term: string, o?: Record<string, unknown>) => Promise<{ results: PagefindResult[] } | null>;
  preload: (term: string, o?: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<unknown>;
}

/**
 * Pagefind loaded with the indexes at `paths` (each a folder holding pagefind-entry.json),
 * its script taken from the folder `codePath` (every index folder holds the same one).
 */
async function loadPagefind(paths: readonly string[], codePath: string): Promise<PagefindModule> {
  const [first, ...rest] = paths;
  if (!first) throw new Error('the archive has no search index');
  const pf = (await import(/* @vite-ignore */ `${codePath}pagefind.js`)) as PagefindModule;
  // No Pagefind worker: this code already runs in a worker of its own (./lookup-worker.ts),
  // and Pagefind 1.6's worker script repeats its main script (12 KB more on a first search).
  await pf.options({ basePath: first, excerptLength: 0, noWorker: true });
  await pf.init();
  await Promise.all(rest.map((path) => pf.mergeIndex(path, { noWorker: true })));
  // Pagefind's init resolves before its WebAssembly is running; asking for the filters
  // (the archive's indexes have none, so nothing is fetched) waits until every index is
  // ready, and fails if the WebAssembly could not be compiled.
  await pf.filters();
  return pf;
}

/** The look-ups of one group of shards (one Pagefind instance with the others merged into it). */
export class ShardLookup {
  private pagefind: Promise<PagefindModule>;

  /** `codePath`: where to take Pagefind's script from (by default the first index folder). */
  constructor(paths: readonly string[], codePath = paths[0] ?? '') {
    this.pagefind = loadPagefind(paths, codePath);
    // Reported by the first call that needs it; not an unhandled rejection meanwhile.
    this.pagefind.catch(() => {});
  }

  /** Resolves when Pagefind and the shards' metadata are loaded. */
  async ready(): Promise<void> {
    await this.pagefind;
  }

  /** Fetches the index chunks the Pagefind queries `queries` read, without searching. */
  async preload(queries: readonly string[]): Promise<void> {
    const pf = await this.pagefind;
    await Promise.all(queries.map((q) => pf.preload(q)));
  }

  /**
   * Records matching any of the Pagefind queries `queries` (variants of one phrase) in
   * this group's shards: pairs of record number and first matching position.
   */
  async lookUp(queries: readonly string[]): Promise<Int32Array> {
    const pf = await this.pagefind;
    const found = new Map<number, number>();
    // The variants (第五号 / 第5号) are independent look-ups: their chunks load in parallel.
    const responses = await Promise.all(queries.map((q) => pf.search(q)));
    for (const response of responses) {
      for (const result of response?.results ?? []) {
        const ordinal = pageOrdinal(result.id);
        // The stale copy of a record its shard's patch holds.
        if (ordinal === null) continue;
        let at = 0x7fffffff;
        for (const w of result.words) if (w < at) at = w;
        const seen = found.get(ordinal);
        if (seen === undefined || at < seen) found.set(ordinal, at);
      }
    }
    const pairs = new Int32Array(found.size * 2);
    let i = 0;
    for (const [ordinal, at] of found) {
      pairs[i++] = ordinal;
      pairs[i++] = at;
    }
    return pairs;
  }
}
