import { isAbsolute, resolve } from 'node:path';

/**
 * The archive folder the site is built from: `ARCHIVE_CONTENT_DIR` when set
 * (absolute, or relative to the working directory), else `content/` in the project.
 * One folder is one archive: archive.yaml plus records/.
 */
export function contentDir(projectRoot: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.ARCHIVE_CONTENT_DIR?.trim();
  if (!chosen) return resolve(projectRoot, 'content');
  return isAbsolute(chosen) ? chosen : resolve(process.cwd(), chosen);
}
