/** Messages between the search page and its look-up workers (./lookup-pool.ts, ./lookup-worker.ts). */

/**
 * What the page asks a worker. The first message names the worker's index folders (`paths`)
 * and the frequent pairs and triples they were built with (./frequent-pairs.ts); the others give a
 * phrase's variants, each as its tokens at consecutive positions.
 */
export type LookupAsk = { kind: 'init'; paths: string[]; frequentTokens: string[] } | { kind: 'preload'; variants: string[][] } | { kind: 'lookup'; variants: string[][] };

/** A request as sent: what is asked, and the number its reply carries. */
export type LookupRequest = LookupAsk & { id: number };

/** A worker's answer to request `id`: pairs for a look-up, nothing for the others, or why it failed. */
export type LookupReply = { id: number; pairs?: Int32Array; error?: string };
