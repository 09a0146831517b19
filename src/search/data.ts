import type { FacetKey } from '../lib/facets.ts';

/** /search-data/manifest.json: where the shards are and how records are numbered. */
export interface SearchManifest {
  version: 1;
  /** Records in the archive. */
  records: number;
  /**
   * The shards the index was built in, newest records first; record numbers base …
   * base+count−1, in page order. `path` is where the build writes the shard's own index
   * before merging the shards (the site holds only the merged one, see `indexes`). A shard with a patch: the
   * records at the positions `patch.pages` changed after its index was built; their
   * pages in the merged index are stale (their ids say so, see ./page-ids.ts), and the
   * patch index at `patch.path` holds them, page j being position `pages[j]`.
   */
  shards: { path: string; base: number; count: number; patch?: { path: string; pages: number[] } }[];
  /**
   * The Pagefind indexes the browser reads, with their pages: every shard's index merged
   * into one (its pages are the records in order; their folders under `shards` are kept
   * only in the build's cache), then each shard's patch index.
   */
  indexes: { path: string; count: number }[];
  /** Folder of the per-record documents, <n>.json.gz. */
  docs: string;
  /**
   * The pair and triple tokens every index holds, where a unit follows them in a run, as
   * tokens one unit longer (./frequent-pairs.ts); sorted.
   */
  frequentTokens: string[];
}

/** One facet's column: its values (labels) and, per record number, the value ids. */
export interface FacetColumn {
  values: string[];
  /** A value id per record (−1 for none), or a list of ids for multi-valued facets. */
  rows: (number | number[])[];
}

/** Every facet's column. */
export type FacetTable = Record<FacetKey, FacetColumn>;

/**
 * Where a facet's column is, from the site's root: one file per facet, so that a search
 * fetches only the columns it counts or filters by (the proposer column alone is half
 * of all facet data: about 36 of 73 KB at 10,000 records).
 */
export function facetColumnPath(key: FacetKey): string {
  return `search-data/facets/${key}.json.gz`;
}

/** /search-data/doc/<n>.json.gz: what a result card and its snippet need. */
export interface SearchDoc {
  id: string;
  title: string;
  kind: string;
  unit: string | null;
  date: string | null;
  proposers: string[];
  /** The title of the proposal or suggestion a reply answers (replies only). */
  proposalTitle?: string;
  /** The head fields, as indexed. */
  head: string[];
  /** Sections with their page anchor and lines. */
  sections: { a: string | null; l: string[] }[];
  /**
   * Texts of this record (head, lines, card fields) that Traditional → Simplified
   * conversion changes, with their conversion (normalize.ts `simplifications`); absent
   * when conversion changes nothing. The browser needs no dictionary for a record.
   */
  s?: [string, string][];
}

/**
 * Every text of a search document that the browser matches or highlights (the result
 * card, src/search/search-page.ts and engine.ts; the record page, highlight-page.ts):
 * what its conversions (`s`) are made from.
 */
export function searchDocTexts(doc: SearchDoc): string[] {
  return [...doc.head, ...doc.sections.flatMap((s) => s.l), doc.title, doc.kind, doc.unit ?? '', doc.proposers.join('、'), doc.proposalTitle ?? ''];
}
