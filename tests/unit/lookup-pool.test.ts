import { describe, expect, it } from 'vitest';
import { groupIndexes, workerCount } from '../../src/search/lookup-pool.ts';

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
