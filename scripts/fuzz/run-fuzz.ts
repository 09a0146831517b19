import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importPage } from '../import/import-page.ts';
import { rng } from '../lib/seeded-random.ts';
import { mutate, type MutationKind } from './mutate.ts';

/** What a fuzz run found. */
export interface FuzzReport {
  pages: number;
  records: number;
  rejected: number;
  /** Pages that made the importer throw: each is a bug. */
  crashes: { seed: number; kind: MutationKind; error: string }[];
  /** The slowest page, in milliseconds of CPU time, and its seed. */
  slowest: { ms: number; seed: number; kind: MutationKind };
  /** Pages that took more CPU time than the hang limit (ms). */
  hangs: { seed: number; kind: MutationKind; ms: number }[];
}

/** The fixture pages mutations start from: every importer case, text and HTML. */
export function fuzzCorpus(fixtures: string): { name: string; bytes: Uint8Array }[] {
  const pages: { name: string; bytes: Uint8Array }[] = [];
  for (const dir of readdirSync(fixtures, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of readdirSync(join(fixtures, dir.name))) {
      if (/\.(txt|html?)$/.test(file)) pages.push({ name: file, bytes: readFileSync(join(fixtures, dir.name, file)) });
    }
  }
  return pages;
}

/**
 * Imports `count` mutated pages (page i uses seed `firstSeed + i`, so any finding can be
 * replayed alone) and reports crashes and pages that take more than `hangMs` of CPU time.
 */
export function runFuzz(count: number, fixtures: string, firstSeed = 1, hangMs = 2000): FuzzReport {
  const corpus = fuzzCorpus(fixtures);
  const report: FuzzReport = { pages: 0, records: 0, rejected: 0, crashes: [], slowest: { ms: 0, seed: 0, kind: 'truncate' }, hangs: [] };
  for (let i = 0; i < count; i++) {
    const seed = firstSeed + i;
    const random = rng(seed);
    const base = corpus[Math.floor(random() * corpus.length)]!;
    let { kind, bytes } = mutate(base.bytes, random);
    if (random() < 0.3) bytes = mutate(bytes, random).bytes;
    // CPU time, not wall time: a hang spends CPU (a loop, a backtracking pattern), while
    // a page that merely waited for a core on a busy machine does not. A wall-clock limit
    // failed a CI run once, with a page that takes 47 ms alone.
    const started = process.cpuUsage();
    try {
      const result = importPage(bytes, `fuzz-${seed}`, base.name);
      if (result.ok) report.records++;
      else report.rejected++;
    } catch (error) {
      report.crashes.push({ seed, kind, error: (error as Error).stack?.split('\n').slice(0, 3).join(' | ') ?? String(error) });
    }
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    if (ms > report.slowest.ms) report.slowest = { ms, seed, kind };
    if (ms > hangMs) report.hangs.push({ seed, kind, ms });
    report.pages++;
  }
  return report;
}
