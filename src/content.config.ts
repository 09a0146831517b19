import { defineCollection } from 'astro:content';
import { join } from 'node:path';
import { recordSchema } from './schemas/index.ts';
import { contentDir } from './lib/content-dir.ts';
import { recordLoader } from './lib/record-loader.ts';

/**
 * Records are Markdown/MDX files under <archive>/records. The schema is the one the
 * importer uses; the archive integration has already checked every file with located
 * messages before Astro sees them.
 */
const records = defineCollection({
  loader: recordLoader({
    pattern: '**/[^_.]*.{md,mdx}',
    base: join(contentDir(), 'records'),
    generateId: ({ data, entry }) => (typeof data.id === 'string' ? data.id : entry),
    // Rendered once while syncing and kept in Astro's data store, which a rebuild reuses
    // for every unchanged file. deferRender would keep the store smaller but make each
    // record a module for Vite to bundle: far slower at 10,000 records.
    deferRender: false,
    // The raw Markdown is not kept in the store, which every build reads and loads: the
    // few readers of a record's text (record JSON, archive JSON, the side-by-side
    // comparison, the search index) read the file itself (pages: src/lib/record-body.ts).
    retainBody: false,
  }),
  schema: recordSchema,
});

export const collections = { records };
