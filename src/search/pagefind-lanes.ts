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

/** A one-holder lock whose waiters are served in the order they came. */
class Turn {
  #busy = false;
  readonly #waiting: (() => void)[] = [];

  /** Resolves when the caller holds the lock. */
  async take(): Promise<void> {
    if (!this.#busy) {
      this.#busy = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  /** Hands the lock to the next waiter, or frees it. */
  give(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#busy = false;
  }
}

/** Runs `work` holding `turn`. */
async function holding<T>(turn: Turn, work: () => Promise<T>): Promise<T> {
  await turn.take();
  try {
    return await work();
  } finally {
    turn.give();
  }
}

/** Pagefind processes shared by the shards of one index build. */
export class PagefindLanes {
  readonly #free: PagefindApi[] = [];
  readonly #waiting: ((api: PagefindApi) => void)[] = [];
  readonly #all: PagefindApi[];
  readonly #writing = new Turn();
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
    this.#free.push(...apis);
  }

  /**
   * Runs `work` with a Pagefind API whose process no other shard uses, once one is free,
   * and closes that process afterwards, so its memory is returned before the next shard.
   */
  async withLane<T>(work: (api: PagefindApi) => Promise<T>): Promise<T> {
    const api = this.#free.pop() ?? (await new Promise<PagefindApi>((resolve) => this.#waiting.push(resolve)));
    // After a failure no shard starts another process.
    if (this.#closed) throw new Error('The search index build was stopped by an earlier failure.');
    try {
      return await work(api);
    } finally {
      await api.close();
      const next = this.#waiting.shift();
      if (next) next(api);
      else this.#free.push(api);
    }
  }

  /** Runs `write` (a shard's `writeFiles`) when no other shard is writing. */
  writing<T>(write: () => Promise<T>): Promise<T> {
    return holding(this.#writing, write);
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
