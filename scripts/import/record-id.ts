import { createHash } from 'node:crypto';
import type { ArchiveRecordInput } from '../../src/schemas/index.ts';

type Draft = Record<string, unknown> & { kind: ArchiveRecordInput['kind'] };

function sha6(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 6);
}

/**
 * The year folder of a record: the reply date's year, else the publication date's,
 * else a single year named in the title (2021年度…), else `undated`.
 */
export function recordYear(draft: Draft): string {
  const reply = (draft.reply as { date?: string | null } | undefined)?.date;
  const published = (draft.publication as { publishedDate?: string | null } | undefined)?.publishedDate;
  const date = reply ?? published;
  if (date) return date.slice(0, 4);
  const years = new Set(String(draft.title).match(/(?:19|20)\d{2}(?=年)/g) ?? []);
  return years.size === 1 ? ([...years][0] as string) : 'undated';
}

/**
 * A record's id: `<year>-<cppcc|npc>-<term>-<meeting>-<number>[-co]-<hash6>` for
 * replies and `<year>-doc-<hash6>` for documents; unknown parts are left out. The hash
 * is of the record's identity (place, body, term, meeting, number, handling unit and
 * kind; publisher, title and date for documents), so the same page always gets the
 * same id and two portals never collide.
 */
export function recordId(draft: Draft, year: string): string {
  const prefix = year === 'undated' ? [] : [year];
  if (draft.kind === 'document') {
    const pub = draft.publication as { publisher: string | null; publishedDate: string | null };
    return [...prefix, 'doc', sha6([pub.publisher, draft.title, pub.publishedDate])].join('-');
  }
  const s = draft.session as { place: string | null; level: string | null; body: string; term: number | null; meeting: number | null };
  const number = draft.number as string | null;
  const identity: unknown[] = [s.place, s.body, s.term, s.meeting, number, draft.handlingUnit, draft.kind];
  if (draft.kind === 'co-handling-opinion') identity.push(draft.fromUnit);
  // Without a number the session does not single out a proposal; the page's own title and date do.
  if (number == null) identity.push(draft.title, (draft.publication as { publishedDate: string | null }).publishedDate);
  const parts = [s.body, s.term, s.meeting, number?.toLowerCase()].filter((p) => p != null && p !== '').map(String);
  const co = draft.kind === 'co-handling-opinion' ? ['co'] : [];
  return [...prefix, ...parts, ...co, sha6(identity)].join('-').replace(/[^a-z0-9-]/g, '');
}
