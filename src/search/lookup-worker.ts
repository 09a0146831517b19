/**
 * A look-up worker: runs the exact search over some of the archive's shards off the page's
 * thread (./lookup-pool.ts starts one per core, up to four, and divides the shards among
 * them). Fetching, unpacking and decoding a shard's index chunks is most of a new query's
 * time, so shards searched side by side answer sooner, and the page stays responsive
 * while the reader types.
 */
import type { LookupReply, LookupRequest } from './lookup-protocol.ts';
import { ShardLookup } from './shard-lookup.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LookupRequest>) => void) | null;
  postMessage: (message: LookupReply, transfer?: Transferable[]) => void;
};

let lookup: ShardLookup | undefined;

scope.onmessage = async ({ data: request }) => {
  let reply: LookupReply;
  const transfer: Transferable[] = [];
  try {
    if (request.kind === 'init') {
      lookup = new ShardLookup(request.paths);
      await lookup.ready();
      reply = { id: request.id };
    } else if (!lookup) {
      throw new Error('look-up worker used before init');
    } else if (request.kind === 'preload') {
      await lookup.preload(request.variants);
      reply = { id: request.id };
    } else {
      const pairs = await lookup.lookUp(request.variants);
      reply = { id: request.id, pairs };
      transfer.push(pairs.buffer);
    }
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply, transfer);
};
