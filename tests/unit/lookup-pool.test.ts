import { describe, expect, it } from 'vitest';
import type { SearchManifest } from '../../src/search/data.ts';
import type { LookupReply, LookupRequest } from '../../src/search/lookup-protocol.ts';
import { groupIndexes, LookupPool, workerCount } from '../../src/search/lookup-pool.ts';

const index = (label: string, count: number) => ({ path: `/pagefind/${label}/`, count });

describe('dividing indexes among look-up workers', () => {
  it('balances the look-up cost (pages), not the number of indexes', () => {
    // 6000 + 1000 against 3000 + 3000: two indexes each, not the large one with a third.
    const groups = groupIndexes([index('a', 3000), index('b', 6000), index('c', 3000), index('d', 1000)], 2);
    expect(groups).toEqual([['/pagefind/b/', '/pagefind/d/'], ['/pagefind/a/', '/pagefind/c/']]);
  });

  it('makes no more groups than indexes, and one group of every index for the page itself', () => {
    const indexes = [index('all', 30), index('s1-patch', 2)];
    expect(groupIndexes(indexes, 4)).toEqual([['/pagefind/all/'], ['/pagefind/s1-patch/']]);
    expect(groupIndexes(indexes, 1)).toEqual([['/pagefind/all/', '/pagefind/s1-patch/']]);
  });

  it('starts a worker per core and large index, at most four; a patch index shares one', () => {
    const large = (n: number) => Array.from({ length: n }, (_, i) => index(`s${i}`, 5000));
    expect(workerCount(large(7), 2)).toBe(2);
    expect(workerCount(large(7), 16)).toBe(4);
    expect(workerCount(large(1), 8)).toBe(1);
    expect(workerCount(large(3), 1)).toBe(1);
    expect(workerCount([index('all', 30000), index('s0-patch', 3), index('s4-patch', 12)], 8)).toBe(1);
    expect(workerCount([index('tiny', 5)], 8)).toBe(1);
  });
});

/**
 * A stand-in look-up worker speaking the pool's protocol: it answers every look-up with
 * the pairs given for each index of its group.
 */
function fakeWorker(answers: Map<string, number[]>): Worker {
  let paths: string[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent<LookupReply>) => void) | null,
    onerror: null,
    postMessage(request: LookupRequest) {
      if (request.kind === 'init') paths = request.paths;
      const pairs = request.kind === 'lookup' ? Int32Array.from(paths.flatMap((path) => answers.get(path) ?? [])) : undefined;
      queueMicrotask(() => worker.onmessage?.({ data: { id: request.id, pairs } } as MessageEvent<LookupReply>));
    },
    terminate() {},
  };
  return worker as unknown as Worker;
}

describe('combining the workers’ answers', () => {
  it('lists each record once, in record order, at the first position any variant or index gave', async () => {
    const manifest = { version: 1, records: 8, shards: [], docs: '/d/', indexes: [index('a', 4000), index('b', 4000)], frequentTokens: [] } as SearchManifest;
    // Index a gave record 5 for two variants (positions 12 and 300). One worker per index
    // on two cores or more, one for both on one.
    const answers = new Map([
      ['/pagefind/a/', [5, 12, 1, 7, 5, 300]],
      ['/pagefind/b/', [6, 0, 2, 260]],
    ]);
    const pool = new LookupPool(Promise.resolve(manifest), () => fakeWorker(answers));
    const originalWorker = globalThis.Worker;
    globalThis.Worker ??= class {} as unknown as typeof Worker;
    try {
      const { ordinals, at } = await pool.lookUp([['x']]);
      expect(Array.from(ordinals)).toEqual([1, 2, 5, 6]);
      expect(Array.from(at)).toEqual([-1, 7, 260, -1, -1, 12, 0, -1]);
      answers.set('/pagefind/b/', [9, 0]);
      await expect(pool.lookUp([['y']])).rejects.toThrow(/record 9 found, but the archive has 8 records/);
    } finally {
      globalThis.Worker = originalWorker;
    }
  });
});
