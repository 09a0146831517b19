/** Messages between the search page and its look-up workers (./lookup-pool.ts, ./lookup-worker.ts). */

/**
 * What the page asks a worker. The first message names the worker's shards (`paths`) and
 * the index folder all workers take Pagefind's script and WebAssembly from (`codePath`).
 */
export type LookupAsk = { kind: 'init'; paths: string[]; codePath: string } | { kind: 'preload'; queries: string[] } | { kind: 'lookup'; queries: string[] };

/** A request as sent: what is asked, and the number its reply carries. */
export type LookupRequest = LookupAsk & { id: number };

/** A worker's answer to request `id`: pairs for a look-up, nothing for the others, or why it failed. */
export type LookupReply = { id: number; pairs?: Int32Array; error?: string };
