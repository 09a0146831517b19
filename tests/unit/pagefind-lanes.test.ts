import { describe, expect, test } from 'vitest';
import { PAGEFIND_ALLOCATOR, PagefindLanes } from '../../src/search/pagefind-lanes.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('Pagefind lanes', () => {
  test('two lanes are two instances of Pagefind\'s API, each held by one shard at a time; writes never overlap', async () => {
    const lanes = await PagefindLanes.open(2);
    const holders = new Map<unknown, number>();
    const apis = new Set<unknown>();
    let writing = 0;
    let mostWriting = 0;
    let mostHeld = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((n) =>
        lanes.withLane(async (api) => {
          apis.add(api);
          expect(holders.has(api)).toBe(false);
          holders.set(api, n);
          mostHeld = Math.max(mostHeld, holders.size);
          await tick();
          await lanes.writing(async () => {
            writing++;
            mostWriting = Math.max(mostWriting, writing);
            order.push(n);
            await tick();
            writing--;
          });
          holders.delete(api);
        }),
      ),
    );
    expect(apis.size).toBe(2);
    expect(mostHeld).toBe(2);
    expect(mostWriting).toBe(1);
    // Shards are written in the order they asked.
    expect(order).toEqual([0, 1, 2, 3, 4]);
    await lanes.closeAll();
  });

  test('after a failure no waiting shard gets a lane', async () => {
    const lanes = await PagefindLanes.open(1);
    let release!: () => void;
    const first = lanes.withLane(() => new Promise<void>((resolve) => (release = resolve)));
    const waiting = lanes.withLane(async () => 'ran');
    await lanes.closeAll();
    release();
    await first;
    await expect(waiting).rejects.toThrow('stopped by an earlier failure');
  });

  test('Pagefind\'s allocator gets the tuned settings unless the operator set their own', async () => {
    // The test process may or may not have it; the module only fills it in when absent.
    const before = process.env._RJEM_MALLOC_CONF;
    delete process.env._RJEM_MALLOC_CONF;
    await PagefindLanes.open(1);
    expect(process.env._RJEM_MALLOC_CONF).toBe(PAGEFIND_ALLOCATOR);
    process.env._RJEM_MALLOC_CONF = 'narenas:1';
    await PagefindLanes.open(1);
    expect(process.env._RJEM_MALLOC_CONF).toBe('narenas:1');
    if (before === undefined) delete process.env._RJEM_MALLOC_CONF;
    else process.env._RJEM_MALLOC_CONF = before;
  });

  test('a lane count that is not a whole number ≥ 1 is refused', async () => {
    await expect(PagefindLanes.open(0)).rejects.toThrow('whole number ≥ 1, not 0');
  });
});
