/**
 * The literal reference that search is measured against: for each record of an archive,
 * its searchable lines (src/search/record-text.ts) normalised as the index normalises
 * them; a query matches a record when every word of it occurs within one of its lines.
 * No index is involved, so this is what "every record that contains it" means.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js/t2cn';
import { recordSchema } from '../../src/schemas/index.ts';
import { literalLines, matchesAll } from '../../src/search/literal.ts';
import { normalize } from '../../src/search/normalize.ts';
import { parseQuery } from '../../src/search/query.ts';
import { recordText } from '../../src/search/record-text.ts';
import { splitFrontmatter } from '../../src/validation/frontmatter.ts';
import { listRecordFiles } from '../../src/validation/validate-archive.ts';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** One record as the reference sees it. */
export interface ReferenceRecord {
  id: string;
  /** Normalised lines (head and every section). */
  lines: string[];
}

/** Reads every record of the archive in `contentDir`. */
export function loadReference(contentDir: string): ReferenceRecord[] {
  return listRecordFiles(join(contentDir, 'records')).map((file) => {
    const split = splitFrontmatter(readFileSync(file, 'utf8'));
    const record = recordSchema.parse(split.data);
    const text = recordText(record, split.body);
    const lines = [...text.head, ...text.sections.flatMap((s) => s.lines)];
    return { id: record.id, lines: literalLines(lines, (line) => normalize(line, { toSimplified }).text) };
  });
}

/** Ids of the records that literally contain query `q` (every word of it). */
export function literalMatches(reference: readonly ReferenceRecord[], q: string): Set<string> {
  const phrases = parseQuery(q, toSimplified);
  const ids = new Set<string>();
  if (!phrases.length) return ids;
  for (const record of reference) if (matchesAll(record.lines, phrases)) ids.add(record.id);
  return ids;
}

/** How a result list compares with the records that literally contain the query. */
export interface QueryScore {
  /** Records that contain the query but were not found. */
  missed: string[];
  /** Records found that do not contain it. */
  extra: string[];
  recall: number;
  precision: number;
}

/** Compares the ids a search found with the ids that literally contain the query. */
export function scoreQuery(expected: ReadonlySet<string>, found: ReadonlySet<string>): QueryScore {
  const missed = [...expected].filter((id) => !found.has(id));
  const extra = [...found].filter((id) => !expected.has(id));
  const hits = found.size - extra.length;
  return { missed, extra, recall: expected.size ? hits / expected.size : 1, precision: found.size ? hits / found.size : 1 };
}
