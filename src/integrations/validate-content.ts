import type { AstroIntegration } from 'astro';
import { renderProblems } from '../validation/format-issues.ts';
import { validateArchive } from '../validation/validate-archive.ts';
import { contentDir } from '../lib/content-dir.ts';

/**
 * Checks the whole archive (settings and every record) before Astro loads content,
 * and stops with one located message per problem. Astro's own schema errors would name
 * one file at a time and without lines; operators fix a batch at once from this list.
 */
export function validateContent(): AstroIntegration {
  return {
    name: 'archive:validate-content',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        // scripts/build.ts has already run this check; do not read every file twice.
        if (process.env.ARCHIVE_CONTENT_CHECKED === '1') return;
        const dir = contentDir();
        const check = validateArchive(dir);
        if (check.problems.length) {
          throw new Error(`The archive at ${dir} has ${check.problems.length} problem(s):\n${renderProblems(check.problems)}`);
        }
        logger.info(`${check.recordCount} records checked in ${dir}`);
      },
    },
  };
}
