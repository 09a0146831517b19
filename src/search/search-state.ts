import { facetKeys, type FacetKey } from '../lib/facet-keys.ts';
import type { SortOrder } from './engine.ts';

/** The search page's state; it lives entirely in the URL so it can be shared and the back button works. */
export interface SearchState {
  q: string;
  filters: Partial<Record<FacetKey, string>>;
  sort: SortOrder;
  page: number;
}

const SORTS: readonly SortOrder[] = ['relevance', 'date-desc', 'date-asc'];

/** Reads the state from a query string such as ?q=招商&unit=县招商局&page=2. */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const key of facetKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const sort = params.get('sort') as SortOrder | null;
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: sort && SORTS.includes(sort) ? sort : 'relevance',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** Writes the state back as a query string (defaults left out), e.g. ?q=河长制&year=2018年. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of facetKeys) if (state.filters[key]) params.set(key, state.filters[key]!);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
