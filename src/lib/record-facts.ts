import { bodyLabels, isReply, kindLabels, type ArchiveRecord, type Session } from '../schemas/index.ts';
import { toChineseNumeral } from './numerals.ts';

/** The date a record is filed under: reply date, else publication, written or generated date. */
export function recordDate(record: ArchiveRecord): string | null {
  const reply = isReply(record) ? record.reply.date : null;
  const p = record.publication;
  return reply ?? p.publishedDate ?? p.writtenDate ?? p.generatedDate ?? null;
}

/** The year a record is listed under, or null when it has no date. */
export function recordYear(record: ArchiveRecord): number | null {
  const date = recordDate(record);
  return date ? Number(date.slice(0, 4)) : null;
}

/** The record's session, for replies and for documents that concern one. */
export function recordSession(record: ArchiveRecord): Session | null {
  return record.session ?? null;
}

/** 宣州区政协十三届二次会议 — a session as readers know it. */
export function sessionLabel(session: Session): string {
  const place = session.place ?? '';
  const body = bodyLabels[session.body];
  const term = session.term ? `${toChineseNumeral(session.term)}届` : '';
  const meeting = session.meeting ? `${toChineseNumeral(session.meeting)}次会议` : '';
  const label = `${place}${body}${term}${meeting}`;
  return label === body && session.text ? session.text : label;
}

/** The unit that answered (or wrote) the record. */
export function recordUnit(record: ArchiveRecord): string | null {
  if (record.kind === 'co-handling-opinion') return record.fromUnit ?? record.handlingUnit;
  if (isReply(record)) return record.handlingUnit ?? record.reply.signedBy;
  return record.issuer ?? record.publication.publisher;
}

/** Names of the proposers, in order. */
export function recordProposers(record: ArchiveRecord): string[] {
  return isReply(record) ? record.proposers.map((p) => p.name) : [];
}

/** The kind's Chinese name. */
export function kindLabel(record: ArchiveRecord): string {
  return kindLabels[record.kind];
}

/** 第5号提案 / 第116号建议 — the proposal number as readers write it. */
export function numberLabel(record: ArchiveRecord): string | null {
  if (!isReply(record) || !record.number) return null;
  return `第${record.number}号${record.session.body === 'npc' ? '建议' : '提案'}`;
}

/** A date as Chinese readers write it: 2018年9月30日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
