import { isReply, kindLabels, type ArchiveRecord } from '../schemas/index.ts';
import { recordPath } from './facets.ts';
import { recordDate, recordUnit, sessionLabel } from './record-facts.ts';

/** A record as published in the open data: all frontmatter, its URL and its text. */
export interface OpenRecord {
  /** The record's permalink. */
  url: string;
  /** The record's JSON address. */
  json: string;
  /** Every frontmatter field, as validated. */
  record: ArchiveRecord;
  /** The record's text (reply or document) as Markdown. */
  body: string;
}

/** The JSON for /records/<id>.json. */
export function openRecord(record: ArchiveRecord, body: string, baseUrl: string): OpenRecord {
  return {
    url: new URL(recordPath(record.id), baseUrl).href,
    json: new URL(`/records/${record.id}.json`, baseUrl).href,
    record,
    body,
  };
}

/** One CSV column: its header (English key), its Chinese meaning, and how to read it. */
export interface CsvColumn {
  key: string;
  label: string;
  value: (record: ArchiveRecord, baseUrl: string) => string;
}

const join = (values: ReadonlyArray<string>) => values.join('；');

/** The columns of records.csv, in order. The data page documents them from this list. */
export const csvColumns: CsvColumn[] = [
  { key: 'id', label: '记录编号', value: (r) => r.id },
  { key: 'kind', label: '类别代码', value: (r) => r.kind },
  { key: 'kindLabel', label: '类别', value: (r) => kindLabels[r.kind] },
  { key: 'title', label: '标题', value: (r) => r.title },
  { key: 'url', label: '永久链接', value: (r, base) => new URL(recordPath(r.id), base).href },
  { key: 'date', label: '归档日期（答复或发布日期）', value: (r) => recordDate(r) ?? '' },
  { key: 'session', label: '届次', value: (r) => (r.session ? sessionLabel(r.session) : '') },
  { key: 'body', label: '政协/人大', value: (r) => r.session?.body ?? '' },
  { key: 'term', label: '届', value: (r) => String(r.session?.term ?? '') },
  { key: 'meeting', label: '次会议', value: (r) => String(r.session?.meeting ?? '') },
  { key: 'number', label: '提案号/建议号', value: (r) => (isReply(r) ? (r.number ?? '') : '') },
  { key: 'proposers', label: '提案人/建议人（以；分隔）', value: (r) => (isReply(r) ? join(r.proposers.map((p) => p.name)) : '') },
  { key: 'proposalTitle', label: '提案标题', value: (r) => (isReply(r) ? (r.proposalTitle ?? '') : '') },
  { key: 'unit', label: '承办单位或发布机构', value: (r) => recordUnit(r) ?? '' },
  { key: 'coUnits', label: '协办单位（以；分隔）', value: (r) => (isReply(r) ? join(r.coUnits) : '') },
  { key: 'assignedDate', label: '交办日期', value: (r) => (isReply(r) ? (r.assignedDate ?? '') : '') },
  { key: 'replyDate', label: '答复日期', value: (r) => (isReply(r) ? (r.reply.date ?? '') : '') },
  { key: 'replyDateText', label: '答复日期原文（日期残缺时）', value: (r) => (isReply(r) ? (r.reply.dateText ?? '') : '') },
  { key: 'handlingCategory', label: '办理类别', value: (r) => (isReply(r) ? (r.handlingCategory ?? '') : '') },
  { key: 'satisfaction', label: '委员/代表意见', value: (r) => (isReply(r) ? (r.satisfaction?.text ?? '') : '') },
  { key: 'docNo', label: '文号', value: (r) => (r.kind === 'document' ? r.docNo?.text : undefined) ?? r.publication.docNo?.text ?? '' },
  { key: 'indexNo', label: '索引号', value: (r) => r.publication.indexNo ?? '' },
  { key: 'publisher', label: '发布机构', value: (r) => r.publication.publisher ?? '' },
  { key: 'topic', label: '主题分类', value: (r) => r.publication.topic ?? '' },
  { key: 'keywords', label: '关键词（以；分隔）', value: (r) => join(r.publication.keywords) },
  { key: 'publishedDate', label: '发布日期', value: (r) => r.publication.publishedDate ?? '' },
  { key: 'sourceUrl', label: '原网页地址', value: (r) => r.source.url ?? '' },
  { key: 'flags', label: '原网页问题标记（以；分隔）', value: (r) => join(r.flags.map((f) => f.type)) },
];
