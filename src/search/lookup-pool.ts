/**
 * Runs the archive's look-ups in Pagefind on several threads. Pagefind's exact search
 * takes, in each shard, time in proportion to the pages it finds times the postings of
 * the query's tokens (README, Search: for a phrase most records hold, the square of the
 * shard's size), all on the thread that called it. The pool starts up to four look-up
 * workers (./lookup-worker.ts), one per core, divides the shards among them by that cost,
 * and asks them side by side; the page's own thread stays free for the reader's typing.
 * Where a worker cannot start (an old browser, a policy that forbids it), the page runs
 * every look-up itself, as before.
 */
import type { SearchManifest } from './data.ts';
import type { LookupAsk, LookupReply, LookupRequest } from './lookup-protocol.ts';
import { ShardLookup } from './shard-lookup.ts';

/** Starts one look-up worker (the site's is bundled by Vite: ./lookup-worker-start.ts). */
export type StartWorker = () => Worker;

/** Most look-up workers: each holds its own Pagefind WebAssembly memory. */
const MAX_WORKERS = 4;

/**
 * Divides shards into `groups` groups of about equal look-up cost (a shard's records
 * squared), largest first into the cheapest group; a shard's patch index stays with it.
 * Returns each group's index folders, or fewer groups when there are fewer shards.
 */
export function groupShards(shards: SearchManifest['shards'], groups: number): string[][] {
  const count = Math.max(1, Math.min(groups, shards.length));
  const out = Array.from({ length: count }, () => ({ cost: 0, order: [] as number[] }));
  const bySize = shards.map((shard, i) => ({ shard, i })).sort((a, b) => b.shard.count - a.shard.count || a.i - b.i);
  for (const { shard, i } of bySize) {
    const group = out.reduce((best, g) => (g.cost < best.cost ? g : best));
    group.cost += shard.count * shard.count;
    group.order.push(i);
  }
  // Within a group, shards keep the manifest's order (the first one's Pagefind loads the others).
  return out.map((g) => g.order.sort((a, b) => a - b).flatMap((i) => [shards[i]!.path, ...(shards[i]!.patch ? [shards[i]!.patch!.path] : [])]));
}

/** How many workers for `shards` shards on this device. */
export function workerCount(shards: number, cores = globalThis.navigator?.hardwareConcurrency || 2): number {
  return Math.max(1, Math.min(shards, cores, MAX_WORKERS));
}

/** What the pool asks of a group of shards, in a worker or on the page. */
interface Member {
  preload(queries: string[]): Promise<void>;
  lookUp(queries: string[]): Promise<Int32Array>;
}

/** One look-up worker and the requests it has not answered yet. */
class WorkerMember implements Member {
  private worker: Worker;
  private pending = new Map<number, { resolve: (reply: LookupReply) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;
  /** Resolves when the worker has loaded Pagefind and its shards' metadata. */
  readonly ready: Promise<void>;

  constructor(start: StartWorker, paths: string[], codePath: string) {
    this.worker = start();
    this.worker.onmessage = ({ data }: MessageEvent<LookupReply>) => {
      const waiting = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (!waiting) return;
      if (data.error !== undefined) waiting.reject(new Error(`search look-up: ${data.error}`));
      else waiting.resolve(data);
    };
    // The worker's script did not load or run: nothing it was asked will be answered.
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.failure = new Error(`search look-up worker failed: ${event.message || 'its script did not load'}`);
      for (const waiting of this.pending.values()) waiting.reject(this.failure);
      this.pending.clear();
    };
    this.ready = this.send({ kind: 'init', paths, codePath }).then(() => undefined);
  }

  private send(ask: LookupAsk): Promise<LookupReply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: LookupRequest = { ...ask, id };
      this.worker.postMessage(request);
    });
  }

  async preload(queries: string[]): Promise<void> {
    await this.send({ kind: 'preload', queries });
  }

  async lookUp(queries: string[]): Promise<Int32Array> {
    return (await this.send({ kind: 'lookup', queries })).pairs ?? new Int32Array(0);
  }

  terminate(): void {
    this.worker.terminate();
  }
}

/** The look-ups of one built site's search index. */
export class LookupPool {
  private members: Promise<Member[]> | undefined;

  /** `startWorker` null: every look-up on the page's own thread. */
  constructor(
    private manifest: Promise<SearchManifest>,
    private startWorker: StartWorker | null,
  ) {}

  private start(): Promise<Member[]> {
    this.members ??= (async () => {
      const { shards } = await this.manifest;
      if (!shards.length) throw new Error('the archive has no search index');
      if (this.startWorker && typeof Worker !== 'undefined') {
        const started: WorkerMember[] = [];
        try {
          // Every index folder holds Pagefind's script and WebAssembly; all workers take
          // them from the first, so the browser downloads them once (./lookup-worker.ts).
          const codePath = shards[0]!.path;
          for (const paths of groupShards(shards, workerCount(shards.length))) started.push(new WorkerMember(this.startWorker, paths, codePath));
          await Promise.all(started.map((m) => m.ready));
          return started;
        } catch (error) {
          for (const member of started) member.terminate();
          console.warn('search look-up workers unavailable; looking up on the page', error);
        }
      }
      return [new ShardLookup(groupShards(shards, 1)[0]!)];
    })();
    return this.members;
  }

  /** Loads Pagefind and every shard's metadata (in each worker). */
  async warm(): Promise<void> {
    await this.start();
  }

  /** Fetches the index chunks the Pagefind queries `queries` read, in every shard. */
  async preload(queries: string[]): Promise<void> {
    const members = await this.start();
    await Promise.all(members.map((m) => m.preload(queries)));
  }

  /**
   * Records matching any of the Pagefind queries `queries` (variants of one phrase):
   * record number → first position of the match.
   */
  async lookUp(queries: string[]): Promise<Map<number, number>> {
    const members = await this.start();
    const answers = await Promise.all(members.map((m) => m.lookUp(queries)));
    const found = new Map<number, number>();
    // Shards are disjoint: each record comes from one member (its patch replaces its stale page).
    for (const pairs of answers) for (let i = 0; i < pairs.length; i += 2) found.set(pairs[i]!, pairs[i + 1]!);
    return found;
  }
}
