/**
 * A look-up worker: runs the exact search over some of the archive's search indexes off
 * the page's thread (./lookup-pool.ts starts one per core and large index, up to four, and
 * divides the indexes among them), so the page stays responsive while the reader types
 * and, on a device with more cores, indexes are searched side by side.
 */
import type { LookupReply, LookupRequest } from './lookup-protocol.ts';
import { IndexLookup } from './index-lookup.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LookupRequest>) => void) | null;
  postMessage: (message: LookupReply, transfer?: Transferable[]) => void;
};

let lookup: IndexLookup | undefined;

scope.onmessage = async ({ data: request }) => {
  let reply: LookupReply;
  const transfer: Transferable[] = [];
  try {
    if (request.kind === 'init') {
      lookup = new IndexLookup(request.paths, request.frequentTokens);
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
