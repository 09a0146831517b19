/**
 * A look-up worker: runs Pagefind's exact search over some of the archive's shards off the
 * page's thread (./lookup-pool.ts starts one per core, up to four, and divides the shards
 * among them). Pagefind's look-up of a phrase most records hold takes time in proportion
 * to the square of a shard's size (README, Search), so shards searched side by side answer
 * sooner, and the page stays responsive while the reader types.
 */
import type { LookupReply, LookupRequest } from './lookup-protocol.ts';
import { ShardLookup } from './shard-lookup.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LookupRequest>) => void) | null;
  addEventListener: (type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void) => void;
  postMessage: (message: LookupReply, transfer?: Transferable[]) => void;
};

let lookup: ShardLookup | undefined;

/**
 * Every index folder holds the same Pagefind script and WebAssembly, and Pagefind fetches
 * its WebAssembly from the folder of the first index it opens, which differs from worker to
 * worker: at 10,000 records two workers downloaded both twice on a first search (135 KB
 * instead of 67 KB). Every worker takes them from one folder instead (`codePath` of the
 * init message), and the browser downloads them once (workers started together share the
 * download: 67 KB in the same benchmark). Pagefind fetches with the global fetch; a name
 * it no longer uses is left alone.
 */
let codePath: string | null = null;
const fetchDirect = self.fetch.bind(self);
self.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const wasm = /\/(wasm\.[\w-]+\.pagefind)$/.exec(new URL(url, self.location.href).pathname);
  return fetchDirect(codePath && wasm ? `${codePath}${wasm[1]}` : input, init);
};
/** Requests being worked on. */
const pending = new Set<number>();
/** Why this worker can no longer answer, once it cannot. */
let broken: string | null = null;

// Pagefind reports a WebAssembly module it may not compile (a policy without
// 'wasm-unsafe-eval' for this script) only as a promise nobody awaits, and then waits for
// it for ever. Every request open then, and every later one, fails instead, so that the
// page can look up on its own thread.
scope.addEventListener('unhandledrejection', (event) => {
  broken = `Pagefind failed in the look-up worker: ${event.reason instanceof Error ? event.reason.message : String(event.reason)}`;
  for (const id of pending) scope.postMessage({ id, error: broken });
  pending.clear();
});

scope.onmessage = async ({ data: request }) => {
  if (broken) return scope.postMessage({ id: request.id, error: broken });
  pending.add(request.id);
  let reply: LookupReply;
  const transfer: Transferable[] = [];
  try {
    if (request.kind === 'init') {
      codePath = request.codePath;
      lookup = new ShardLookup(request.paths, request.codePath);
      await lookup.ready();
      reply = { id: request.id };
    } else if (!lookup) {
      throw new Error('look-up worker used before init');
    } else if (request.kind === 'preload') {
      await lookup.preload(request.queries);
      reply = { id: request.id };
    } else {
      const pairs = await lookup.lookUp(request.queries);
      reply = { id: request.id, pairs };
      transfer.push(pairs.buffer);
    }
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  // Already answered with the failure that broke the worker.
  if (!pending.delete(request.id)) return;
  scope.postMessage(reply, transfer);
};
