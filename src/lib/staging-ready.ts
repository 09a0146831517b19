import { existsSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeWhole } from './write-whole.ts';

/**
 * What scripts/build.ts tells Astro's process about its output folder once it has made
 * it ready (src/lib/output-staging.ts): whether the previous output is reused in it,
 * and when the build started (a file older than that was not written by it).
 *
 * Why a file: the build starts Astro first and prepares the folder meanwhile. Astro
 * spends its first seconds starting and syncing content, and touches the output folder
 * only when it builds (its astro:build:start hook comes first), so preparing it no
 * longer adds to the build's time (0.6 s of a 9 s rebuild at 10,000 records).
 */
export interface StagingReady {
  reused: boolean;
  since: number;
}

/** Tells Astro's process, waiting in {@link waitForStaging}, that its output folder is ready. */
export function markStagingReady(file: string, ready: StagingReady): void {
  writeWhole(file, JSON.stringify(ready));
}

/** Forgets an earlier build's mark (before starting Astro, and when done). */
export function clearStagingReady(file: string): void {
  rmSync(file, { force: true });
}

/**
 * Waits until the build marks the output folder ready ({@link markStagingReady}) and
 * says how. Stops with an error if the process that started this one is gone first (it
 * would never mark it): nothing must then write into the folder.
 */
export async function waitForStaging(file: string, pollMs = 10): Promise<StagingReady> {
  const parent = process.ppid;
  while (!existsSync(file)) {
    if (process.ppid !== parent) throw new Error(`the build that started this process has stopped before preparing its output folder (${file} never came)`);
    await sleep(pollMs);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as StagingReady;
}
