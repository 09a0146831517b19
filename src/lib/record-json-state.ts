import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeWhole } from './write-whole.ts';

/**
 * What the last build's record JSON files (/records/<id>.json, src/integrations/record-json.ts)
 * were made from: a digest of the code and settings that shape every file, and of each
 * record's source file, by id. Kept in the build cache, so that a rebuild into the
 * previous output (src/lib/output-staging.ts) keeps each unchanged record's file.
 */
export interface RecordJsonState {
  code: string;
  /** Record id → digest of its source file. */
  files: Record<string, string>;
  /** Record id → its source file's stamp (src/lib/file-stamp.ts) when digested: an unchanged stamp means the same digest. */
  stamps?: Record<string, string>;
}

/** The cache file holding {@link RecordJsonState}. */
export function recordJsonStateFile(astroCache: string): string {
  return join(astroCache, 'record-json.json');
}

/** The output file of record `id`, relative to the output folder. */
export function recordJsonPath(id: string): string {
  return `records/${id}.json`;
}

/** The state of the last build, or null. */
export function readRecordJsonState(astroCache: string): RecordJsonState | null {
  try {
    return JSON.parse(readFileSync(recordJsonStateFile(astroCache), 'utf8')) as RecordJsonState;
  } catch {
    return null;
  }
}

/** Keeps this build's state (written whole or not at all). */
export function writeRecordJsonState(astroCache: string, state: RecordJsonState): void {
  writeWhole(recordJsonStateFile(astroCache), JSON.stringify(state));
}
