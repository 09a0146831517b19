/**
 * The archive's search engine in the browser. The look-ups find, in the Pagefind indexes
 * (the shards' merged index and any patches), the records that hold a phrase's tokens at
 * consecutive positions (run in
 * look-up workers: ./lookup-pool.ts); this module normalises the query, combines phrases
 * (all words must match), applies and counts facets, ranks, and loads result cards.
 */
import { facetKeys, type FacetKey } from '../lib/facet-keys.ts';
import { facetColumnPath, type FacetColumn, type SearchDoc, type SearchManifest } from './data.ts';
import { fetchGzipJson, fetchManifest, fetchSearchDoc } from './fetch-data.ts';
import { LookupPool, type PhraseMatches, type StartWorker } from './lookup-pool.ts';
import { startLookupWorker } from './lookup-worker-start.ts';
import { HEAD_SIZE } from './index-content.ts';
import { parseQuery, type QueryPhrase } from './query.ts';
import { loadSimplifier } from './simplifier.ts';
import { needsSimplifying } from './traditional.ts';

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
  /**
   * The results whose cards the caller will show (from `start`, `count` of them): their
   * documents start loading as soon as the order is known, before the facets are counted.
   */
  cards?: { start: number; count: number };
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

/** True for a phrase of one character (or one run of digits or letters): its single-unit token. */
const isOneUnit = (phrase: QueryPhrase) => phrase.tokens.some((t) => t.length === 1 && t[0]!.startsWith('u'));

/** The engine for one built site. */
export class SearchEngine {
  private manifest: Promise<SearchManifest>;
  private facetColumns = new Map<FacetKey, Promise<FacetColumn>>();
  private lookups: LookupPool;
  private docs = new Map<number, Promise<SearchDoc>>();
  /**
   * Matches of the phrases searched most recently, by their tokens. The index never
   * changes while the page is open, so a phrase searched again (paging, a facet, the
   * sort, the back button, a query that repeats a word) skips the look-up, which reads
   * the postings of every index again (tens of milliseconds for a word in most records of
   * a large archive).
   */
  private phraseCache = new Map<string, Promise<PhraseMatches>>();

  /**
   * `startWorker` starts a look-up worker (null: every look-up on the page's own thread,
   * as where workers are unavailable).
   */
  constructor(
    private base = '/',
    startWorker: StartWorker | null = startLookupWorker,
  ) {
    this.manifest = fetchManifest(base);
    this.lookups = new LookupPool(this.manifest, startWorker);
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

  /**
   * Starts the look-up workers, which load their indexes' page ids and chunk tables, so that
   * the first search does not wait for them. The search page calls it when the reader
   * focuses the search field.
   */
  async warm(): Promise<void> {
    await this.lookups.warm();
  }

  /**
   * The phrases of a query the reader is still typing that are worth preparing: not a run
   * of digits or Latin letters at the end, which may still be growing (each of its prefixes
   * is a token of its own: typing 2018 would prepare 2, 20 and 201), and not phrases whose
   * matches are kept.
   */
  private async typedPhrases(q: string): Promise<QueryPhrase[]> {
    const typed = q.replace(/[\p{Nd}\p{Ll}\p{Lu}]+$/u, '');
    const toSimplified = needsSimplifying(typed) ? await loadSimplifier() : undefined;
    return parseQuery(typed, toSimplified).filter((p) => !this.phraseCache.has(phraseKey(p)));
  }

  /**
   * Fetches, in the look-up workers, the index chunks the look-up of a query the reader
   * is typing will read (as Pagefind's own preload does, which its documentation advises
   * calling as the reader types), without looking anything up. The search page calls it
   * on every change of the query. Fetching and unpacking chunks is most of a new
   * look-up's time at 30,000 records.
   */
  async preload(q: string): Promise<void> {
    const phrases = await this.typedPhrases(q);
    if (phrases.length) await this.lookups.preload(phrases.flatMap((p) => p.tokens));
  }

  /**
   * Looks up, ahead of a search, the phrases of a query the reader is typing, and keeps
   * their matches for the search; the search page calls it when the reader pauses. The
   * look-ups run in the look-up workers, so the reader's typing is never held up, and a
   * query submitted after the pause often finds its look-ups done. Phrases of one
   * character are left out: usually the first of a word being typed, and the costliest
   * look-ups (a character's token is in most records).
   */
  async lookAhead(q: string): Promise<void> {
    const phrases = (await this.typedPhrases(q)).filter((p) => !isOneUnit(p));
    await Promise.all(phrases.map((p) => this.phraseMatches(p)));
  }

  /**
   * Records holding the phrase (any variant), with the first position of the match
   * (below HEAD_SIZE means the match is in a head field).
   */
  private phraseMatches(phrase: QueryPhrase): Promise<PhraseMatches> {
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
  private lookUpPhrase(phrase: QueryPhrase): Promise<PhraseMatches> {
    return this.lookups.lookUp(phrase.tokens);
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

    // Records matching every phrase (ascending), with how many phrases matched in the head.
    let candidates: Int32Array;
    let heads: Int32Array | null = null;
    if (phrases.length) {
      const matches = await Promise.all(phrases.map((p) => this.phraseMatches(p)));
      matches.sort((a, b) => a.ordinals.length - b.ordinals.length);
      const [first, ...rest] = matches as [PhraseMatches, ...PhraseMatches[]];
      candidates = new Int32Array(first.ordinals.length);
      heads = new Int32Array(first.ordinals.length);
      let n = 0;
      next: for (const ordinal of first.ordinals) {
        let head = first.at[ordinal]! < HEAD_SIZE ? 1 : 0;
        for (const other of rest) {
          const at = other.at[ordinal]!;
          if (at < 0) continue next;
          if (at < HEAD_SIZE) head++;
        }
        candidates[n] = ordinal;
        heads[n++] = head;
      }
      candidates = candidates.subarray(0, n);
      heads = heads.subarray(0, n);
    } else {
      candidates = Int32Array.from({ length: manifest.records }, (_, i) => i);
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
    // Per candidate: −1 when it passes every selected facet, the selection's index when it
    // fails that one only (it counts for that facet's values), −2 when it fails more.
    const fails = new Int8Array(candidates.length).fill(-1);
    if (selected.length) {
      for (let i = 0; i < candidates.length; i++) {
        for (let f = 0; f < selected.length; f++) {
          const s = selected[f]!;
          if (s.id >= 0 && has(s.key, candidates[i]!, s.id)) continue;
          if (fails[i] !== -1) {
            fails[i] = -2;
            break;
          }
          fails[i] = f;
        }
      }
    }

    // Order: record numbers are newest first; relevance puts head matches first. The
    // candidates are in record order, so relevance is a counting sort by head matches.
    const records: number[] = [];
    if (request.sort === 'relevance' && heads) {
      const next = new Int32Array(phrases.length + 1);
      for (let i = 0; i < candidates.length; i++) if (fails[i] === -1) next[heads[i]!]!++;
      let total = 0;
      for (let head = phrases.length; head >= 0; head--) {
        const count = next[head]!;
        next[head] = total;
        total += count;
      }
      records.length = total;
      for (let i = 0; i < candidates.length; i++) if (fails[i] === -1) records[next[heads[i]!]!++] = candidates[i]!;
    } else {
      for (let i = 0; i < candidates.length; i++) if (fails[i] === -1) records.push(candidates[i]!);
      if (request.sort === 'date-asc') records.reverse();
    }
    // A card that fails to load is reported by the caller's own request for it.
    if (request.cards) for (const ordinal of records.slice(request.cards.start, request.cards.start + request.cards.count)) this.doc(ordinal).catch(() => {});

    const counts = Object.fromEntries(countedKeys.map((k) => [k, new Map<number, number>()])) as Record<FacetKey, Map<number, number>>;
    for (let i = 0; i < candidates.length; i++) {
      if (fails[i] === -2) continue;
      const failed = fails[i] === -1 ? null : selected[fails[i]!]!.key;
      for (const key of countedKeys) {
        if (failed !== null && failed !== key) continue;
        const row = table[key]!.rows[candidates[i]!];
        const ids = Array.isArray(row) ? row : row !== undefined && row >= 0 ? [row] : [];
        for (const id of ids) counts[key].set(id, (counts[key].get(id) ?? 0) + 1);
      }
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
      // A failed fetch (network) is tried again next time.
      doc.catch(() => this.docs.delete(ordinal));
      this.docs.set(ordinal, doc);
    }
    return doc;
  }
}
