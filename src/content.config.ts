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
    // Rendering on demand keeps the data store small for large archives.
    deferRender: false,
  }),
  schema: recordSchema,
});

export const collections = { records };
