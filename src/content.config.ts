import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { recordSchema } from './schemas/index.ts';
import { contentDir } from './lib/content-dir.ts';

/**
 * Records are Markdown/MDX files under <archive>/records. The schema is the one the
 * importer uses; the archive integration has already checked every file with located
 * messages before Astro sees them.
 */
const records = defineCollection({
  loader: glob({
    pattern: '**/[^_.]*.{md,mdx}',
    base: join(contentDir(), 'records'),
    generateId: ({ data, entry }) => (typeof data.id === 'string' ? data.id : entry),
    // Rendered once while syncing and kept in Astro's data store, which a rebuild reuses
    // for every unchanged file. deferRender would keep the store smaller but make each
    // record a module for Vite to bundle: far slower at 10,000 records.
    deferRender: false,
    // No page reads a record's raw Markdown from the store (the record JSON and the search
    // index read the files themselves), so it is not kept twice: a smaller store is
    // faster to write, read and bundle on every build.
    retainBody: false,
  }),
  schema: recordSchema,
});

export const collections = { records };
