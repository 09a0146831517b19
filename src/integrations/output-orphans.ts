import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { astroCacheDir } from '../lib/cache-dir.ts';
import { removeOrphanPages } from '../lib/output-staging.ts';

/**
 * When scripts/build.ts reused the previous output as the output folder
 * (src/lib/output-staging.ts), removes the pages the site no longer has before anything
 * reads the folder (the record JSON files, the link check): a deleted record's page would
 * otherwise stay, and link to files that are gone.
 */
export function outputOrphans(): AstroIntegration {
  return {
    name: 'archive:output-orphans',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const since = Number(process.env.ARCHIVE_OUT_DIR_REUSED_SINCE);
        if (!since) return;
        const removed = removeOrphanPages(fileURLToPath(dir), astroCacheDir(), since);
        if (removed) logger.info(`${removed} page(s) the site no longer has removed`);
      },
    },
  };
}
