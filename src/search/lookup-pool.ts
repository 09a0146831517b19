/**
 * Runs the archive's look-ups on several threads. A look-up fetches, unpacks and decodes
 * the postings of the query's tokens in each index (./index-lookup.ts), in time that
 * grows with the index's records. The pool starts up to four look-up workers
 * (./lookup-worker.ts), one per core and large index, divides the indexes among them by
 * records, and asks them side by side; the page's own thread stays free for the reader's
 * typing. Where a worker cannot start (an old browser, a policy that forbids it), the
 * page runs every look-up itself.
 */
import type { SearchManifest } from './data.ts';
import type { LookupAsk, LookupReply, LookupRequest } from './lookup-protocol.ts';
import { IndexLookup } from './index-lookup.ts';

/** Starts one look-up worker (the site's is bundled by Vite: ./lookup-worker-start.ts). */
export type StartWorker = () => Worker;

/** Most look-up workers: each holds the postings it has decoded. */
const MAX_WORKERS = 4;

/**
 * Divides the indexes into `groups` groups of about equal look-up cost (an index's
 * pages), largest first into the cheapest group. Returns each group's index folders, in
 * the manifest's order, or fewer groups when there are fewer indexes.
 */
export function groupIndexes(indexes: SearchManifest['indexes'], groups: number): string[][] {
  const count = Math.max(1, Math.min(groups, indexes.length));
  const out = Array.from({ length: count }, () => ({ cost: 0, order: [] as number[] }));
  const bySize = indexes.map((index, i) => ({ index, i })).sort((a, b) => b.index.count - a.index.count || a.i - b.i);
  for (const { index, i } of bySize) {
    const group = out.reduce((best, g) => (g.cost < best.cost ? g : best));
    group.cost += index.count;
    group.order.push(i);
  }
  return out.map((g) => g.order.sort((a, b) => a - b).map((i) => indexes[i]!.path));
}

/**
 * Fewest pages for an index to get a look-up worker of its own: a smaller one (a patch
 * index of a few records) is searched beside a larger one; a thread of its own would
 * cost more to start than it saves.
 */
const OWN_WORKER_PAGES = 1000;

/** How many workers for `indexes` on this device: one per core and large index, at most {@link MAX_WORKERS}. */
export function workerCount(indexes: SearchManifest['indexes'], cores = globalThis.navigator?.hardwareConcurrency || 2): number {
  const large = indexes.filter((index) => index.count >= OWN_WORKER_PAGES).length;
  return Math.max(1, Math.min(large, cores, MAX_WORKERS));
}

/** What the pool asks of a group of indexes, in a worker or on the page. */
interface Member {
  preload(variants: string[][]): Promise<void>;
  lookUp(variants: string[][]): Promise<Int32Array>;
}

/** One look-up worker and the requests it has not answered yet. */
class WorkerMember implements Member {
  private worker: Worker;
  private pending = new Map<number, { resolve: (reply: LookupReply) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;
  /** Resolves when the worker has loaded its indexes' page ids and chunk tables. */
  readonly ready: Promise<void>;

  constructor(start: StartWorker, paths: string[], frequentTokens: string[]) {
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
    this.ready = this.send({ kind: 'init', paths, frequentTokens }).then(() => undefined);
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

  async preload(variants: string[][]): Promise<void> {
    await this.send({ kind: 'preload', variants });
  }

  async lookUp(variants: string[][]): Promise<Int32Array> {
    return (await this.send({ kind: 'lookup', variants })).pairs ?? new Int32Array(0);
  }

  terminate(): void {
    this.worker.terminate();
  }
}

/**
 * The records that hold a phrase. Typed arrays, which the garbage collector does not walk:
 * the engine keeps the matches of its last phrases, up to every record each, and as Maps
 * of 30,000 entries they lengthened the page's major collections, which fell in the middle
 * of a search.
 */
export interface PhraseMatches {
  /** Record numbers, ascending. */
  ordinals: Int32Array;
  /** For each record number, the first position of the match, or −1. */
  at: Int32Array;
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
      const { indexes, frequentTokens } = await this.manifest;
      if (!indexes.length) throw new Error('the archive has no search index');
      if (this.startWorker && typeof Worker !== 'undefined') {
        const started: WorkerMember[] = [];
        try {
          for (const paths of groupIndexes(indexes, workerCount(indexes))) started.push(new WorkerMember(this.startWorker, paths, frequentTokens));
          await Promise.all(started.map((m) => m.ready));
          return started;
        } catch (error) {
          for (const member of started) member.terminate();
          console.warn('search look-up workers unavailable; looking up on the page', error);
        }
      }
      return [new IndexLookup(groupIndexes(indexes, 1)[0]!, frequentTokens)];
    })();
    return this.members;
  }

  /** Loads every index's page ids and chunk table (in each worker). */
  async warm(): Promise<void> {
    await this.start();
  }

  /** Fetches, in every index, the chunks that hold the tokens of `variants`. */
  async preload(variants: string[][]): Promise<void> {
    const members = await this.start();
    await Promise.all(members.map((m) => m.preload(variants)));
  }

  /** Records holding any of `variants` (one phrase's variants, each its tokens at consecutive positions). */
  async lookUp(variants: string[][]): Promise<PhraseMatches> {
    const [members, { records }] = await Promise.all([this.start(), this.manifest]);
    const answers = await Promise.all(members.map((m) => m.lookUp(variants)));
    const at = new Int32Array(records).fill(-1);
    // A record found by several variants comes once for each: its first position is kept.
    for (const pairs of answers) {
      for (let i = 0; i < pairs.length; i += 2) {
        const ordinal = pairs[i]!;
        if (!(ordinal >= 0 && ordinal < records)) throw new Error(`search index: record ${ordinal} found, but the archive has ${records} records`);
        const position = pairs[i + 1]!;
        if (at[ordinal]! < 0 || position < at[ordinal]!) at[ordinal] = position;
      }
    }
    let count = 0;
    for (let o = 0; o < records; o++) if (at[o]! >= 0) count++;
    const ordinals = new Int32Array(count);
    for (let o = 0, k = 0; o < records; o++) if (at[o]! >= 0) ordinals[k++] = o;
    return { ordinals, at };
  }
}
