/**
 * Two Pagefind indexing processes for one build, so that one shard's records are added
 * while the shard before it is written (Node only).
 *
 * Pagefind's `writeFiles` runs on one thread of its process and took three quarters of a
 * shard's time (about 28 of 43 s for 5,000 records), while this process waited for it with
 * nothing to do. Its Node API keeps one service process per module instance and answers
 * one message at a time, so a second process needs a second instance of the module: the
 * same file imported under another URL (`?lane=1`). Writing, where Pagefind's memory
 * peaks, is one shard at a time ({@link PagefindLanes.writing}); so the index's peak is
 * one shard written plus one being filled, not two written.
 *
 * Pagefind's allocator (jemalloc) is also tuned for its process (see
 * {@link PAGEFIND_ALLOCATOR}).
 */
import * as pagefindModule from 'pagefind';

/** Pagefind's Node API, one instance of it. */
export type PagefindApi = typeof pagefindModule;

/**
 * jemalloc settings for Pagefind's processes (read from `_RJEM_MALLOC_CONF`): transparent
 * huge pages, and freed memory kept for reuse instead of handed back to the system and
 * faulted in again. With Pagefind's defaults a 5,000-record shard made 1.3 million page
 * faults and spent a third of its CPU time in the kernel; with these, 15,000 faults and
 * 30–37 s of CPU (three runs) instead of 46–48 s (two runs), for 3.8 GB at its peak
 * instead of 3.2 GB (Pagefind's process measured alone, on the reference machine).
 */
export const PAGEFIND_ALLOCATOR = 'thp:always,metadata_thp:always,dirty_decay_ms:-1,muzzy_decay_ms:-1';

/**
 * Things lent to one holder at a time, to waiters in the order they came: the Pagefind
 * processes, and the one turn to write.
 */
class Pool<T> {
  readonly #free: T[];
  readonly #waiting: ((item: T) => void)[] = [];

  constructor(items: readonly T[]) {
    this.#free = [...items];
  }

  /** A free item now, if there is one. */
  takeFree(): T | undefined {
    return this.#free.pop();
  }

  /** A free item now or, once one is given back, the next one. */
  async take(): Promise<T> {
    return this.takeFree() ?? new Promise<T>((resolve) => this.#waiting.push(resolve));
  }

  /** Hands `item` back: to the next waiter, or to the free ones. */
  give(item: T): void {
    const next = this.#waiting.shift();
    if (next) next(item);
    else this.#free.push(item);
  }
}

/** Pagefind processes shared by the shards of one index build. */
export class PagefindLanes {
  readonly #all: PagefindApi[];
  readonly #lanes: Pool<PagefindApi>;
  readonly #writer = new Pool([true]);
  #closed = false;

  /** Loads `count` instances of Pagefind's Node API (no process starts before a shard asks for one). */
  static async open(count: number): Promise<PagefindLanes> {
    if (!Number.isInteger(count) || count < 1) throw new Error(`Pagefind lanes must be a whole number ≥ 1, not ${count}.`);
    if (!process.env._RJEM_MALLOC_CONF) process.env._RJEM_MALLOC_CONF = PAGEFIND_ALLOCATOR;
    const apis: PagefindApi[] = [pagefindModule];
    for (let n = 1; n < count; n++) apis.push((await import(`${import.meta.resolve('pagefind')}?lane=${n}`)) as PagefindApi);
    return new PagefindLanes(apis);
  }

  private constructor(apis: PagefindApi[]) {
    this.#all = apis;
    this.#lanes = new Pool(apis);
  }

  /**
   * Runs `work` with a Pagefind API whose process no other shard uses, once one is free,
   * and closes that process afterwards, so its memory is returned before the next shard.
   */
  async withLane<T>(work: (api: PagefindApi) => Promise<T>): Promise<T> {
    // Taken at once when free, so a shard that finds a lane starts in the same turn.
    const api = this.#lanes.takeFree() ?? (await this.#lanes.take());
    // After a failure no shard starts another process.
    if (this.#closed) throw new Error('The search index build was stopped by an earlier failure.');
    try {
      return await work(api);
    } finally {
      await api.close();
      this.#lanes.give(api);
    }
  }

  /** Runs `write` (a shard's `writeFiles`) when no other shard is writing. */
  async writing<T>(write: () => Promise<T>): Promise<T> {
    const turn = await this.#writer.take();
    try {
      return await write();
    } finally {
      this.#writer.give(turn);
    }
  }

  /**
   * Stops every Pagefind process, at the end of the build or at its first failure (so
   * none is left running); no shard gets a lane after it.
   */
  async closeAll(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#all.map((api) => api.close()));
  }
}
