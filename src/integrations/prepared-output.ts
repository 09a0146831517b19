import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { astroCacheDir } from '../lib/cache-dir.ts';
import { removeOrphanPages } from '../lib/output-staging.ts';
import { waitForStaging, type StagingReady } from '../lib/staging-ready.ts';

/**
 * For a build run by scripts/build.ts, which prepares the output folder while Astro starts
 * (src/lib/staging-ready.ts): waits, before Astro builds anything, until the folder is
 * ready; and when the previous output was reused in it (src/lib/output-staging.ts),
 * removes the pages the site no longer has before anything reads the folder (the record
 * JSON files, the link check): a deleted record's page would otherwise stay, and link to
 * files that are gone. `ARCHIVE_STAGING_READY` names the file the build marks it by.
 */
export function preparedOutput(): AstroIntegration {
  let ready: StagingReady | undefined;
  return {
    name: 'archive:prepared-output',
    hooks: {
      'astro:build:start': async ({ logger }) => {
        const file = process.env.ARCHIVE_STAGING_READY;
        if (!file) return;
        const started = performance.now();
        ready = await waitForStaging(file);
        const waited = performance.now() - started;
        if (waited >= 100) logger.info(`waited ${(waited / 1000).toFixed(1)} s for the output folder to be prepared`);
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!ready?.reused) return;
        const removed = removeOrphanPages(fileURLToPath(dir), astroCacheDir(), ready.since);
        if (removed) logger.info(`${removed} page(s) the site no longer has removed`);
      },
    },
  };
}
