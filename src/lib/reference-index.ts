import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { titleKey, type ReferenceIndex, type ReferenceTarget } from '../remark/archive-links.ts';
import { recordSchema } from '../schemas/index.ts';
import { readFrontmatter } from '../validation/frontmatter.ts';
import { listRecordFiles } from '../validation/validate-archive.ts';

/**
 * Collects the documents an archive holds, by title and by 文号, for remark-archive-links.
 * Reads only frontmatter; invalid records are skipped here because the content check
 * has already stopped the build for them.
 */
export function loadReferenceIndex(contentDir: string, normalizeDocNo: (text: string) => string | null): ReferenceIndex {
  const byTitle = new Map<string, ReferenceTarget>();
  const byDocNo = new Map<string, ReferenceTarget>();
  for (const file of listRecordFiles(join(contentDir, 'records'))) {
    const source = readFileSync(file, 'utf8');
    // Cheap pre-filter: only documents are link targets, and most records are replies.
    if (!/^kind:\s*['"]?document/m.test(source)) continue;
    const parsed = recordSchema.safeParse(readFrontmatter(source)?.data);
    if (!parsed.success || parsed.data.kind !== 'document') continue;
    const record = parsed.data;
    const target = { id: record.id, title: record.title };
    if (!byTitle.has(titleKey(record.title))) byTitle.set(titleKey(record.title), target);
    for (const docNo of [record.docNo, record.publication.docNo]) {
      if (docNo && !byDocNo.has(docNo.normalized)) byDocNo.set(docNo.normalized, target);
    }
  }
  return { byTitle, byDocNo, normalizeDocNo };
}
