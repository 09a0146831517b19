import { isReply, type ArchiveRecord } from '../schemas/index.ts';
import { facetPath, facets } from './facets.ts';
import { chineseDate, kindLabel, numberLabel, recordUnit, sessionLabel } from './record-facts.ts';
import { nameSlug } from './slugs.ts';

/** One row of a record's metadata table; `href` links to the matching list. */
export interface MetaRow {
  label: string;
  value: string;
  href?: string;
}

const date = (iso: string | null) => (iso ? chineseDate(iso) : null);

/**
 * The rows of a record's metadata table, in the order portals print them, with
 * only the fields that have values.
 */
export function metaRows(record: ArchiveRecord): MetaRow[] {
  const rows: (MetaRow | null)[] = [];
  const row = (label: string, value: string | null | undefined, href?: string): MetaRow | null =>
    value ? { label, value, href } : null;
  rows.push(row('类别', kindLabel(record), facetPath(facets.kind, record.kind)));
  if (record.session) {
    const label = sessionLabel(record.session);
    rows.push(row('届次', label, facetPath(facets.session, nameSlug(label))));
  }
  if (isReply(record)) {
    const role = record.session.body === 'npc' ? '建议人' : '提案人';
    rows.push(row('编号', numberLabel(record)));
    rows.push(row(role, record.proposers.map((p) => `${p.name}${p.role ?? ''}`).join('、')));
    rows.push(row(record.session.body === 'npc' ? '建议标题' : '提案标题', record.proposalTitle));
    if (record.proposal) {
      rows.push(row('提案时间', date(record.proposal.submittedDate)));
      rows.push(row('提案类型', record.proposal.type));
      rows.push(row('提案类别', record.proposal.category));
    }
    // Only the unit the record is filed under (recordUnit) has a list page that holds it;
    // a co-handling opinion is filed under the unit that wrote it, not the lead unit.
    const unitLink = (unit: string | null | undefined) => (unit && unit === recordUnit(record) ? facetPath(facets.unit, nameSlug(unit)) : undefined);
    rows.push(row('承办单位', record.handlingUnit, unitLink(record.handlingUnit)));
    if (record.kind === 'co-handling-opinion') rows.push(row('协办单位（本意见）', record.fromUnit, unitLink(record.fromUnit)));
    rows.push(row('协办单位', record.coUnits.join('、')));
    rows.push(row('交办日期', date(record.assignedDate)));
    rows.push(row('答复日期', date(record.reply.date) ?? record.reply.dateText));
    rows.push(row('办理类别', record.handlingCategory));
    rows.push(row(record.session.body === 'npc' ? '代表意见' : '委员意见', record.satisfaction?.text));
  } else {
    rows.push(row('文号', record.docNo?.text));
    rows.push(row('发文机关', record.issuer));
  }
  const p = record.publication;
  rows.push(row('索引号', p.indexNo));
  rows.push(row('组配分类', p.section));
  rows.push(row('发布机构', p.publisher));
  rows.push(row('主题分类', p.topic));
  rows.push(row('名称', p.name !== record.title ? p.name : null));
  rows.push(row('文号', isReply(record) ? p.docNo?.text : p.docNo && p.docNo.text !== record.docNo?.text ? p.docNo.text : null));
  rows.push(row('生成日期', date(p.generatedDate)));
  rows.push(row('成文日期', date(p.writtenDate)));
  rows.push(row('发布日期', date(p.publishedDate)));
  rows.push(row('关键词', p.keywords.join('、')));
  rows.push(row('时效', p.validity));
  rows.push(row('信息来源', p.sourceLine));
  return rows.filter((r): r is MetaRow => r !== null);
}
