/**
 * Browser entry of the search harness (scripts/bench/search-harness.ts): the site's own
 * search engine, exposed as one function so that the benchmark and the scale test can
 * ask the real index, in the real browser, for the complete result list of a query
 * (the search page shows ten results a page).
 */
import { SearchEngine, type SearchRequest } from '../../src/search/engine.ts';

// The site's look-up worker, bundled and served by scripts/bench/search-harness.ts.
const engine = new SearchEngine('/', () => new Worker('/__search-lookup-worker.js', { type: 'module', name: 'archive-search-lookup' }));

declare global {
  interface Window {
    archiveSearch: (q: string, filters?: SearchRequest['filters'], sort?: SearchRequest['sort']) => Promise<{ records: number[]; ms: number }>;
  }
}

window.archiveSearch = async (q, filters = {}, sort = 'relevance') => {
  const outcome = await engine.search({ q, filters, sort });
  return { records: outcome.records, ms: outcome.ms };
};
