import type { ArchiveConfig } from '../schemas/index.ts';
import { renderProblems } from '../validation/format-issues.ts';
import { validateArchiveConfig } from '../validation/validate-archive.ts';
import { contentDir } from './content-dir.ts';

let cached: ArchiveConfig | undefined;

/**
 * The archive's settings (archive.yaml), parsed once. Throws a located message when
 * the file is missing or invalid, so the build stops before any page is written.
 */
export function archiveConfig(): ArchiveConfig {
  if (cached) return cached;
  const { config, problems } = validateArchiveConfig(contentDir());
  if (!config) throw new Error(`Invalid archive settings:\n${renderProblems(problems)}`);
  cached = config;
  return config;
}
