import type { StartWorker } from './lookup-pool.ts';

/**
 * Starts one of the site's look-up workers. The `new Worker(new URL(…, import.meta.url))`
 * form is what Vite recognises to bundle ./lookup-worker.ts as a worker of its own; the
 * search harness of the benchmarks starts its own bundle instead (scripts/bench/search-harness.ts).
 */
export const startLookupWorker: StartWorker = () => new Worker(new URL('./lookup-worker.ts', import.meta.url), { type: 'module', name: 'archive-search-lookup' });
