/**
 * The facets' keys and Chinese names, apart from how records map to them
 * (src/lib/facets.ts), so that browser code can name facets without bundling the
 * record schema (zod) into every page.
 */

/** The ways the archive can be browsed and search results filtered. */
export const facetKeys = ['kind', 'year', 'session', 'unit', 'proposer', 'topic'] as const;
export type FacetKey = (typeof facetKeys)[number];

/** What readers call each facet. */
export const facetLabels: Record<FacetKey, string> = {
  kind: '类别',
  year: '年份',
  session: '届次',
  unit: '承办单位',
  proposer: '提案人',
  topic: '主题',
};

/**
 * Facets the search page counts only once the reader opens them, so that a first search
 * does not fetch their columns: proposers (about 36 of the 73 KB of facet data at
 * 10,000 generated records) and sessions (11 KB; the year facet, 0.2 KB, narrows by time
 * at once). Kind, year, unit and topic are counted with every search.
 */
export const onDemandFacets: readonly FacetKey[] = ['session', 'proposer'];
