/**
 * Imports page files (./import-page.ts) and hands the results back in input order, on
 * worker threads when there are enough pages to repay starting them (Node only).
 *
 * Each page's import is independent of every other's; only what the command does with the
 * results (writing records, refusing a second capture of one reply) depends on their order,
 * and that stays in the calling thread. On the 2-core reference machine an import of
 * 100,000 generated pages took 59 s on one thread, a tenth of the whole pipeline.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { importPageFile, type PageImport } from './import-page-file.ts';

/** Pages per message to a worker: enough to make messaging cheap, few enough to keep workers even. */
const BATCH = 32;
/** Below this many pages the import runs in the calling thread: starting a worker (loading the importer) costs more. */
const MIN_PAGES_FOR_WORKERS = 200;

/** How many threads an import of `pages` pages uses unless told: one per core, at most four. */
export function defaultThreads(pages: number): number {
  return pages < MIN_PAGES_FOR_WORKERS ? 1 : Math.min(4, availableParallelism());
}

/**
 * Imports `files` with `threads` threads (1: in this thread) and yields each result in the
 * order of `files`. A worker that fails ends the import with its error. Results that come
 * back before an earlier batch's wait in memory; batches cost about the same, so few do
 * (100,000 pages: 747 MB at the import's peak on two threads, 597 MB on one).
 */
export async function* importPageFiles(files: readonly string[], threads: number): AsyncGenerator<PageImport> {
  if (threads <= 1) {
    for (const file of files) yield importPageFile(file);
    return;
  }
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const results = new Map<number, PageImport[]>();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  let nextBatch = 0;
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(new URL('./read-pages-worker.ts', import.meta.url)));
  const send = (worker: Worker) => {
    if (nextBatch < batches.length) {
      worker.postMessage({ id: nextBatch, files: batches[nextBatch] });
      nextBatch++;
    }
  };
  for (const worker of workers) {
    worker.on('message', (message: { id: number; results: PageImport[] }) => {
      results.set(message.id, message.results);
      send(worker);
      notify();
    });
    worker.on('error', (error: Error) => {
      failure ??= error;
      notify();
    });
    // Two batches each in flight, so a worker never waits for the next one.
    send(worker);
    send(worker);
  }
  try {
    for (let id = 0; id < batches.length; id++) {
      while (!results.has(id)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const batch = results.get(id)!;
      results.delete(id);
      yield* batch;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
