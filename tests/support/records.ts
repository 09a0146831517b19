import { recordSchema, type ArchiveRecord, type ArchiveRecordInput } from '../../src/schemas/index.ts';

let serial = 0;

/** A valid CPPCC reply with schema defaults, overridden by `fields`. */
export function reply(fields: Record<string, unknown> = {}): ArchiveRecord {
  serial++;
  return recordSchema.parse({
    id: `2020-cppcc-1-1-${serial}-t${serial}`,
    kind: 'cppcc-proposal-reply',
    title: `测试答复${serial}`,
    session: { body: 'cppcc', place: '某市', term: 1, meeting: 1 },
    ...fields,
  } as ArchiveRecordInput);
}

/** A valid document with schema defaults, overridden by `fields`. */
export function doc(fields: Record<string, unknown> = {}): ArchiveRecord {
  serial++;
  return recordSchema.parse({ id: `2020-doc-t${serial}`, kind: 'document', title: `测试文件${serial}`, ...fields } as ArchiveRecordInput);
}
