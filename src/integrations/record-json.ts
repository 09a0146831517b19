import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { archiveConfig } from '../lib/archive-config.ts';
import { contentDir } from '../lib/content-dir.ts';
import { openRecord } from '../lib/open-data.ts';
import { recordSchema } from '../schemas/index.ts';
import { readFrontmatter } from '../validation/frontmatter.ts';
import { listRecordFiles } from '../validation/validate-archive.ts';

/**
 * Writes /records/<id>.json, each record's open data, beside its page once the pages are
 * built (and before the link check, which follows the pages' links to them).
 *
 * Why not an Astro route: a route costs Astro about 3.5 ms per file however little it
 * renders, about 35 s of a 10,000-record build for 10,000 files; writing the same JSON
 * straight from the record files takes a few seconds. The body is the text after the
 * frontmatter, trimmed, exactly as Astro's `entry.body` gives it for .md and .mdx.
 */
export function recordJson(): AstroIntegration {
  return {
    name: 'archive:record-json',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(new URL('records/', dir));
        const { baseUrl } = archiveConfig();
        let count = 0;
        for (const file of listRecordFiles(join(contentDir(), 'records'))) {
          const read = readFrontmatter(readFileSync(file, 'utf8'));
          // Checked before the build: a record that does not parse here is a bug, said plainly.
          const record = recordSchema.parse(read?.data);
          writeFileSync(join(out, `${record.id}.json`), JSON.stringify(openRecord(record, read!.body.trim(), baseUrl), null, 2));
          count++;
        }
        logger.info(`${count} record JSON files written`);
      },
    },
  };
}
