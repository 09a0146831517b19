/** The search page's state, which lives entirely in the URL so it can be shared. */
export interface SearchState {
  q: string;
  filters: Record<string, string>;
  sort: '' | 'date-desc' | 'date-asc';
  page: number;
}

/** The filter keys the page offers, in URL order. */
export const filterKeys = ['kind', 'year', 'session', 'unit'] as const;

/** Reads the state from a query string such as ?q=招商&unit=县招商局&page=2. */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const sort = params.get('sort');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: sort === 'date-desc' || sort === 'date-asc' ? sort : '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** Writes the state back as a query string (empty parts left out). */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of filterKeys) if (state.filters[key]) params.set(key, state.filters[key]);
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
