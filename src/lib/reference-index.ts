import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { titleKey, type ReferenceIndex, type ReferenceTarget } from '../remark/archive-links.ts';
import { recordSchema } from '../schemas/index.ts';
import { readFrontmatter } from '../validation/frontmatter.ts';
import { listRecordFiles } from '../validation/validate-archive.ts';
import { fileStamp } from './file-stamp.ts';
import { hashSources } from './source-digest.ts';
import { writeWhole } from './write-whole.ts';

/** What a record file offers as a link target: nothing (not a document), or its id, title and 文号. */
type Offer = { id: string; title: string; docNos: string[] } | null;

/** Record file → its stamp and offer, for a record file unchanged since: see {@link loadReferenceIndex}. */
interface OfferCache {
  code: string;
  files: Record<string, [stamp: string, offer: Offer]>;
}

function offerOf(source: string): Offer {
  // Cheap pre-filter: only documents are link targets, and most records are replies.
  if (!/^kind:\s*['"]?document/m.test(source)) return null;
  const parsed = recordSchema.safeParse(readFrontmatter(source)?.data);
  if (!parsed.success || parsed.data.kind !== 'document') return null;
  const record = parsed.data;
  return { id: record.id, title: record.title, docNos: [record.docNo, record.publication.docNo].flatMap((docNo) => (docNo ? [docNo.normalized] : [])) };
}

/**
 * Collects the documents an archive holds, by title and by 文号, for remark-archive-links.
 * Reads only frontmatter; invalid records are skipped here because the content check
 * has already stopped the build for them.
 *
 * With `cacheFile`, what each file offered is kept there with its stamp
 * (src/lib/file-stamp.ts), and a file whose stamp is unchanged is not read again: the
 * index is built at the start of every build, a rebuild after one correction too, and
 * reading every record took 0.3 s of it at 10,000 records. The cache is set aside when
 * the code that reads a record (src/lib, the schemas, the checks) changes.
 */
export function loadReferenceIndex(contentDir: string, normalizeDocNo: (text: string) => string | null, cacheFile?: string): ReferenceIndex {
  const byTitle = new Map<string, ReferenceTarget>();
  const byDocNo = new Map<string, ReferenceTarget>();
  let code = '';
  let cached: OfferCache['files'] = {};
  if (cacheFile) {
    const hash = createHash('sha256');
    hashSources(hash, join(import.meta.dirname, '..', '..'), ['src/lib', 'src/schemas', 'src/validation']);
    code = hash.digest('base64url');
    try {
      const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as OfferCache;
      if (cache.code === code) cached = cache.files;
    } catch {
      // None yet, or unreadable: every file is read.
    }
  }
  const files: OfferCache['files'] = {};
  for (const file of listRecordFiles(join(contentDir, 'records'))) {
    // Taken before reading: a file changed after it gets another stamp next time.
    const stamp = cacheFile ? fileStamp(file) : '';
    const known = cached[file];
    const offer = known && known[0] === stamp ? known[1] : offerOf(readFileSync(file, 'utf8'));
    if (cacheFile) files[file] = [stamp, offer];
    if (!offer) continue;
    const target = { id: offer.id, title: offer.title };
    if (!byTitle.has(titleKey(offer.title))) byTitle.set(titleKey(offer.title), target);
    for (const docNo of offer.docNos) if (!byDocNo.has(docNo)) byDocNo.set(docNo, target);
  }
  if (cacheFile) writeWhole(cacheFile, JSON.stringify({ code, files } satisfies OfferCache));
  return { byTitle, byDocNo, normalizeDocNo };
}
