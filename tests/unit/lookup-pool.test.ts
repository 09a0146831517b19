import { describe, expect, it } from 'vitest';
import { groupShards, workerCount } from '../../src/search/lookup-pool.ts';

const shard = (label: string, count: number, patch = false) => ({
  path: `/pagefind/${label}/`,
  base: 0,
  count,
  ...(patch ? { patch: { path: `/pagefind/${label}-patch/`, pages: [0] } } : {}),
});

describe('dividing shards among look-up workers', () => {
  it('balances the look-up cost (records squared), not the number of shards', () => {
    // 6000² = 36 M against 3 × 3000² = 27 M: the large shard alone, the three others together.
    const groups = groupShards([shard('a', 3000), shard('b', 6000), shard('c', 3000), shard('d', 3000)], 2);
    expect(groups).toEqual([['/pagefind/b/'], ['/pagefind/a/', '/pagefind/c/', '/pagefind/d/']]);
  });

  it('keeps a patch index with its shard and the manifest order within a group', () => {
    const groups = groupShards([shard('a', 5000, true), shard('b', 1000), shard('c', 4500)], 2);
    expect(groups).toEqual([['/pagefind/a/', '/pagefind/a-patch/'], ['/pagefind/b/', '/pagefind/c/']]);
  });

  it('makes no more groups than shards, and one group of every index for the page itself', () => {
    const shards = [shard('a', 10), shard('b', 20, true)];
    expect(groupShards(shards, 4)).toHaveLength(2);
    expect(groupShards(shards, 1)).toEqual([['/pagefind/a/', '/pagefind/b/', '/pagefind/b-patch/']]);
  });

  it('starts a worker per core, at most four and at most one per shard', () => {
    expect(workerCount(7, 2)).toBe(2);
    expect(workerCount(7, 16)).toBe(4);
    expect(workerCount(1, 8)).toBe(1);
    expect(workerCount(3, 1)).toBe(1);
  });
});
