/**
 * The ids the archive gives the pages of its Pagefind indexes (./pagefind-bundle.ts
 * writes them, ./engine.ts reads them): a page's id is its record number in base 36,
 * unique across every shard, so a result names its record without a look-up table. A
 * page that a patch index replaced keeps its place in its shard's index under the id
 * `-<record number>`, which the browser skips.
 */

const STALE_MARK = '-';

/** The id of the page for record number `ordinal`; `stale` when a patch index holds the record's current text. */
export function pageId(ordinal: number, stale = false): string {
  if (!Number.isSafeInteger(ordinal) || ordinal < 0) throw new Error(`page id: ${ordinal} is not a record number`);
  return `${stale ? STALE_MARK : ''}${ordinal.toString(36)}`;
}

/** The record number a result's page id names, or null for a stale page. Throws on an id the archive never writes. */
export function pageOrdinal(id: string): number | null {
  if (id.startsWith(STALE_MARK)) return null;
  if (!/^[0-9a-z]+$/.test(id)) throw new Error(`Pagefind returned the page "${id}", which is not a record number`);
  return parseInt(id, 36);
}
