/**
 * Checks an archive folder (ARCHIVE_CONTENT_DIR or content/) without building it:
 * settings, every record's frontmatter, file names and duplicate ids.
 */
import { contentDir } from '../src/lib/content-dir.ts';
import { renderProblems } from '../src/validation/format-issues.ts';
import { validateArchive } from '../src/validation/validate-archive.ts';

const dir = contentDir();
const check = validateArchive(dir);
if (check.problems.length) {
  console.error(`✖ ${check.problems.length} problem(s) in ${dir}:\n${renderProblems(check.problems)}`);
  process.exit(1);
}
if (check.warnings.length) console.error(`⚠ ${check.warnings.length} warning(s) to review:\n${renderProblems(check.warnings)}`);
console.error(`✔ ${check.recordCount} records in ${dir} are valid`);
