import { resolve } from 'node:path';

/**
 * The folder where Astro keeps what one build leaves for the next (its content store,
 * the incremental page cache, the rendered record bodies): `ARCHIVE_CACHE_DIR` when set
 * (scripts/build.ts sets one per archive), else `node_modules/.astro`. Resolved against
 * the working directory, where Astro runs, so the config and the pages agree on it.
 */
export function astroCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.ARCHIVE_CACHE_DIR || 'node_modules/.astro');
}
