/**
 * The file readers PagefindIndex.open (src/search/pagefind-index.ts) takes, over an index
 * folder on disk instead of the network: what the benchmarks and tests read a built index with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Readers of the files under `dir`, addressed as the site addresses them from there. */
export function pagefindFilesOnDisk(dir: string): { file: (url: string) => Promise<Uint8Array>; json: (url: string) => Promise<unknown> } {
  return {
    file: async (url) => new Uint8Array(gunzipSync(readFileSync(join(dir, url)))),
    json: async (url) => JSON.parse(readFileSync(join(dir, url), 'utf8')) as unknown,
  };
}
