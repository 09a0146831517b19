import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../lib/content-dir.ts';
import { buildSearchIndex } from '../search/build-index.ts';

/**
 * Builds the search index once Astro has written the site: sharded Pagefind indexes of
 * normalised, tokenised record text under /pagefind/, and the search page's data under
 * /search/ (see src/search/build-index.ts). Indexing reads the archive's records, not
 * the rendered HTML, so what is searchable is defined in one place (src/search/record-text.ts).
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'archive:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // scripts/build.ts builds the index beside Astro (scripts/index-search.ts).
        if (process.env.ARCHIVE_SEARCH_INDEX === 'separate') return;
        const started = performance.now();
        const result = await buildSearchIndex({
          contentDir: contentDir(),
          outDir: fileURLToPath(dir),
          log: (message) => logger.debug(message),
        });
        logger.info(`Search index: ${result.records} records in ${result.shards} shard(s), ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
