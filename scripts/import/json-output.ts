import type { ArchiveRecord } from '../../src/schemas/index.ts';
import type { PageImport } from './import-page.ts';

/**
 * The flat record view of `--json`: the fields the issue names first (id, kind, title,
 * proposers, number, session, proposalTitle, handlingUnit, coUnits, replyDate,
 * published, docNo, category), then every other field of the record, then the body.
 * What the page does not state is null or [].
 */
export function jsonRecord(record: ArchiveRecord, body: string): Record<string, unknown> {
  const reply = record.kind === 'document' ? null : record;
  const doc = record.kind === 'document' ? record : null;
  const session = reply?.session ?? doc?.session ?? null;
  const { id, kind, title, flags: _flags, session: _session, ...rest } = record;
  return {
    id,
    kind,
    title,
    proposers: reply?.proposers ?? [],
    number: reply?.number ?? null,
    session: session ? { body: session.body, level: session.level, term: session.term, meeting: session.meeting, place: session.place, text: session.text } : null,
    proposalTitle: reply?.proposalTitle ?? null,
    handlingUnit: reply?.handlingUnit ?? null,
    coUnits: reply?.coUnits ?? [],
    replyDate: reply?.reply.date ?? null,
    published: record.publication.publishedDate,
    docNo: doc?.docNo ?? reply?.reply.docNo ?? record.publication.docNo,
    category: reply?.handlingCategory ?? null,
    ...rest,
    body,
  };
}

/** One line of `--json` output for one input. */
export function jsonLine(result: PageImport, extra: { written: string | null; status: string }): string {
  return JSON.stringify({
    source: result.source,
    ok: result.ok,
    status: extra.status,
    written: extra.written,
    record: result.record ? jsonRecord(result.record, result.body) : null,
    flags: result.flags,
    warnings: result.warnings,
    errors: result.errors,
  });
}
