/**
 * The archive's search engine in the browser. Pagefind finds the records that hold a
 * phrase's tokens at consecutive positions (its exact search, one index per shard); this
 * module normalises the query, combines phrases (all words must match), applies and
 * counts facets, ranks, and loads result cards.
 */
import { facetKeys, type FacetKey } from '../lib/facet-keys.ts';
import { facetColumnPath, type FacetColumn, type SearchDoc, type SearchManifest } from './data.ts';
import { fetchGzipJson, fetchManifest, fetchSearchDoc } from './fetch-data.ts';
import { pageOrdinal } from './page-ids.ts';
import { HEAD_SIZE } from './index-content.ts';
import { parseQuery, type QueryPhrase } from './query.ts';
import { loadSimplifier } from './simplifier.ts';
import { needsSimplifying } from './traditional.ts';

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
}

/** How results are ordered. */
export type SortOrder = 'relevance' | 'date-desc' | 'date-asc';

/** A search request: the query text, one value per facet, the order. */
export interface SearchRequest {
  q: string;
  filters: Partial<Record<FacetKey, string>>;
  sort: SortOrder;
  /**
   * The facets whose values to count among the results (all when absent). Each facet's
   * column is a file of its own, fetched the first time a search counts or filters by it.
   */
  count?: readonly FacetKey[];
}

/** Counts of the counted facets' values among the results (ignoring each facet's own selection). */
export type FacetCounts = Partial<Record<FacetKey, { value: string; count: number }[]>>;

/** What a search found. */
export interface SearchOutcome {
  /** Record numbers in result order. */
  records: number[];
  /** The phrases searched for (for highlighting). */
  phrases: QueryPhrase[];
  facets: FacetCounts;
  /** Milliseconds spent, for the benchmark. */
  ms: number;
}

/** Phrases whose matches the engine keeps (see SearchEngine.phraseCache). */
const PHRASE_CACHE_SIZE = 24;

/** A phrase's key in the engine's cache of matches: its tokens. */
const phraseKey = (phrase: QueryPhrase) => JSON.stringify(phrase.tokens);

/** The engine for one built site. */
export class SearchEngine {
  private manifest: Promise<SearchManifest>;
  private facetColumns = new Map<FacetKey, Promise<FacetColumn>>();
  private pagefind: Promise<PagefindModule> | undefined;
  private docs = new Map<number, Promise<SearchDoc>>();
  /**
   * Matches of the phrases searched most recently, by their tokens. The index never
   * changes while the page is open, so a phrase searched again (paging, a facet, the
   * sort, the back button, a query that repeats a word) skips Pagefind's look-up, which
   * re-scores every matching page of every shard (hundreds of milliseconds for a word
   * in most records of a large archive).
   */
  private phraseCache = new Map<string, Promise<Map<number, number>>>();

  constructor(private base = '/') {
    this.manifest = fetchManifest(base);
  }

  /** One facet's column (loaded once). */
  private facetColumn(key: FacetKey): Promise<FacetColumn> {
    let column = this.facetColumns.get(key);
    if (!column) {
      column = fetchGzipJson<FacetColumn>(`${this.base}${facetColumnPath(key)}`);
      // A failed fetch (network) is tried again next time.
      column.catch(() => this.facetColumns.delete(key));
      this.facetColumns.set(key, column);
    }
    return column;
  }

  private loadPagefind(): Promise<PagefindModule> {
    this.pagefind ??= (async () => {
      const manifest = await this.manifest;
      const [first, ...rest] = manifest.shards.flatMap((s) => [s.path, ...(s.patch ? [s.patch.path] : [])]);
      if (!first) throw new Error('the archive has no search index');
      const pf = (await import(/* @vite-ignore */ `${first}pagefind.js`)) as PagefindModule;
      // No web worker: Pagefind 1.6's worker script repeats its main script (12 KB more
      // on a first search). Its look-up then runs on the main thread, as the archive's own
      // all-words, facet and ranking work does (npm run bench:search measures both).
      await pf.options({ excerptLength: 0, noWorker: true });
      await pf.init();
      await Promise.all(rest.map((path) => pf.mergeIndex(path, { noWorker: true })));
      return pf;
    })();
    return this.pagefind;
  }

  /**
   * Loads Pagefind and its shards' metadata, so that the first search does not wait for
   * them. The search page calls it when the reader focuses the search field.
   */
  async warm(): Promise<void> {
    await this.loadPagefind();
  }

  /**
   * Fetches the index chunks a query's look-up will read, without looking anything up
   * (Pagefind's own preload, which its documentation advises calling as the reader types).
   * The search page calls it on every change of the search field, so that when the query
   * is submitted its chunks are usually loaded and only the look-up is left: at 30,000
   * records a new query loads a chunk per token in each of seven shards. The look-up
   * itself is not run ahead: it runs on the main thread and can take a few hundred
   * milliseconds, which would hold up the reader's typing. Phrases whose matches are
   * cached need nothing, and a run of digits or Latin letters at the end of the query is
   * left out: it may still be growing, and each of its prefixes is a token of its own
   * (typing 2018 would fetch chunks for 2, 20 and 201 in every shard, which 2018 never reads).
   */
  async preload(q: string): Promise<void> {
    const typed = q.replace(/[\p{Nd}\p{Ll}\p{Lu}]+$/u, '');
    const toSimplified = needsSimplifying(typed) ? await loadSimplifier() : undefined;
    const phrases = parseQuery(typed, toSimplified).filter((p) => !this.phraseCache.has(phraseKey(p)));
    if (!phrases.length) return;
    const pf = await this.loadPagefind();
    await Promise.all(phrases.flatMap((p) => p.tokens.map((tokens) => pf.preload(`"${tokens.join(' ')}"`))));
  }

  /**
   * Records holding the phrase (any variant): record number → first position of the
   * match (below HEAD_SIZE means the match is in a head field).
   */
  private phraseMatches(phrase: QueryPhrase): Promise<Map<number, number>> {
    const key = phraseKey(phrase);
    let matches = this.phraseCache.get(key);
    if (matches) {
      // Most recently used last, so the oldest entry is the one dropped.
      this.phraseCache.delete(key);
    } else {
      matches = this.lookUpPhrase(phrase);
      // A failed look-up (network) is tried again next time.
      const pending = matches;
      matches.catch(() => {
        if (this.phraseCache.get(key) === pending) this.phraseCache.delete(key);
      });
    }
    this.phraseCache.set(key, matches);
    // Bounded: a phrase in every record of a 30,000-record archive holds 30,000 entries.
    for (const oldest of this.phraseCache.keys()) {
      if (this.phraseCache.size <= PHRASE_CACHE_SIZE) break;
      this.phraseCache.delete(oldest);
    }
    return matches;
  }

  /** {@link phraseMatches} without the cache. */
  private async lookUpPhrase(phrase: QueryPhrase): Promise<Map<number, number>> {
    const pf = await this.loadPagefind();
    const found = new Map<number, number>();
    // The variants (第五号 / 第5号) are independent look-ups: their chunks load in parallel.
    const responses = await Promise.all(phrase.tokens.map((tokens) => pf.search(`"${tokens.join(' ')}"`)));
    for (const response of responses) {
      for (const result of response?.results ?? []) {
        const ordinal = pageOrdinal(result.id);
        // The stale copy of a record its shard's patch holds.
        if (ordinal === null) continue;
        let at = Number.MAX_SAFE_INTEGER;
        for (const w of result.words) if (w < at) at = w;
        const seen = found.get(ordinal);
        if (seen === undefined || at < seen) found.set(ordinal, at);
      }
    }
    return found;
  }

  /** Runs a search. */
  async search(request: SearchRequest): Promise<SearchOutcome> {
    const started = performance.now();
    const manifest = await this.manifest;
    const toSimplified = needsSimplifying(request.q) ? await loadSimplifier() : undefined;
    const phrases = parseQuery(request.q, toSimplified);
    const counted = request.count ?? facetKeys;
    const countedKeys = facetKeys.filter((k) => counted.includes(k));
    const needed = facetKeys.filter((k) => counted.includes(k) || request.filters[k]);
    const columnsPromise = Promise.all(needed.map((k) => this.facetColumn(k)));

    // Records matching every phrase, with how many phrases matched in the head.
    let headHits: Map<number, number> | null = null;
    if (phrases.length) {
      const matches = await Promise.all(phrases.map((p) => this.phraseMatches(p)));
      matches.sort((a, b) => a.size - b.size);
      headHits = new Map();
      for (const [ordinal, at] of matches[0]!) {
        let head = at < HEAD_SIZE ? 1 : 0;
        let all = true;
        for (let i = 1; i < matches.length && all; i++) {
          const other = matches[i]!.get(ordinal);
          if (other === undefined) all = false;
          else if (other < HEAD_SIZE) head++;
        }
        if (all) headHits.set(ordinal, head);
      }
    }
    const table = Object.fromEntries((await columnsPromise).map((column, i) => [needed[i]!, column])) as Partial<Record<FacetKey, FacetColumn>>;

    // Facets: a record passes a facet when it has the selected value; each facet's counts
    // apply every other facet's selection, so a reader can switch a value within a facet.
    const selected = facetKeys
      .filter((k) => request.filters[k])
      .map((k) => ({ key: k, id: table[k]!.values.indexOf(request.filters[k]!) }));
    const has = (key: FacetKey, ordinal: number, id: number) => {
      const row = table[key]!.rows[ordinal];
      return Array.isArray(row) ? row.includes(id) : row === id;
    };
    const candidates = headHits ? [...headHits.keys()] : Array.from({ length: manifest.records }, (_, i) => i);
    const counts = Object.fromEntries(countedKeys.map((k) => [k, new Map<number, number>()])) as Record<FacetKey, Map<number, number>>;
    const records: number[] = [];
    for (const ordinal of candidates) {
      let failed: FacetKey | null = null;
      let failures = 0;
      for (const s of selected) {
        if (s.id < 0 || !has(s.key, ordinal, s.id)) {
          failures++;
          failed = s.key;
        }
      }
      if (failures > 1) continue;
      for (const key of countedKeys) {
        if (failures === 1 && failed !== key) continue;
        const row = table[key]!.rows[ordinal];
        const ids = Array.isArray(row) ? row : row !== undefined && row >= 0 ? [row] : [];
        for (const id of ids) counts[key].set(id, (counts[key].get(id) ?? 0) + 1);
      }
      if (failures === 0) records.push(ordinal);
    }

    // Order: record numbers are newest first; relevance puts head matches first.
    if (request.sort === 'relevance' && headHits) {
      const hits = headHits;
      records.sort((a, b) => hits.get(b)! - hits.get(a)! || a - b);
    } else if (request.sort === 'date-asc') {
      records.sort((a, b) => b - a);
    } else {
      records.sort((a, b) => a - b);
    }
    const facets = Object.fromEntries(
      countedKeys.map((key) => [
        key,
        [...counts[key]]
          .map(([id, count]) => ({ value: table[key]!.values[id]!, count }))
          .sort((a, b) => (key === 'year' ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value, 'zh-CN'))),
      ]),
    ) as FacetCounts;
    return { records, phrases, facets, ms: performance.now() - started };
  }

  /** The card data of one record. */
  doc(ordinal: number): Promise<SearchDoc> {
    let doc = this.docs.get(ordinal);
    if (!doc) {
      doc = this.manifest.then((m) => fetchSearchDoc(this.base, m, ordinal));
      this.docs.set(ordinal, doc);
    }
    return doc;
  }
}
