import { labelAlternation, METADATA_LABELS, normalizeLabel } from './labels.ts';
import { isPipeRow, pipeCells } from './pipe-row.ts';
import type { Line, Report } from './types.ts';

/** One value of the metadata table, with the line it was printed on. */
export interface MetaValue {
  label: string;
  value: string;
  line: number;
}

/** The merged metadata table of a page. */
export interface MetadataTable {
  /** First non-empty value per field (indexNo, section, publisher …). */
  fields: Map<string, MetaValue>;
  /** Values of labels the schema has no field for (公开方式 …). */
  other: MetaValue[];
  /** Lines that belonged to the table. */
  lines: Set<number>;
}

const LABELS = labelAlternation(Object.keys(METADATA_LABELS));
// A label at the start of the line or after a space, followed by a colon, a space or the end.
const LABEL_AT = new RegExp(`(?:^|(?<=\\s))(${LABELS})\\s*(?:[:：]|(?=\\s|$))`, 'g');
const STARTS = new RegExp(`^(?:${LABELS})\\s*(?:[:：]|\\s|$)`);

/** True when a line is a row of a metadata table (starts with a label such as 索引号). */
export function isMetadataLine(key: string): boolean {
  if (isPipeRow(key)) {
    const first = pipeCells(key)[0] ?? '';
    return normalizeLabel(first.split(/[:：]/)[0] ?? '') in METADATA_LABELS;
  }
  return STARTS.test(key);
}

/** Label/value pairs of one row, in order. */
function pairs(key: string): { label: string; labelText: string; value: string }[] {
  const out: { label: string; labelText: string; value: string }[] = [];
  if (isPipeRow(key)) {
    const cells = pipeCells(key);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] ?? '';
      const m = /^([^:：]+)[:：]?\s*(.*)$/.exec(cell);
      const label = normalizeLabel(m?.[1] ?? '');
      if (!(label in METADATA_LABELS)) continue;
      let value = m?.[2]?.trim() ?? '';
      const next = cells[i + 1];
      if (!value && next !== undefined && !(normalizeLabel(next.split(/[:：]/)[0] ?? '') in METADATA_LABELS)) {
        value = next;
        i++;
      }
      out.push({ label, labelText: m?.[1] ?? label, value });
    }
    return out;
  }
  const matches = [...key.matchAll(LABEL_AT)];
  matches.forEach((m, i) => {
    const next = matches[i + 1];
    const from = (m.index ?? 0) + m[0].length;
    const to = next ? (next.index ?? key.length) : key.length;
    out.push({ label: normalizeLabel(m[1] ?? ''), labelText: m[0], value: key.slice(from, to).trim() });
  });
  return out;
}

/**
 * Reads the metadata table (索引号, 组配分类, 发布机构, 名称, 文号, 日期 …) from the given
 * lines. Spaced labels, labels without colons, two pairs per line, pipe rows and a table
 * printed twice are all read; a repeated value is merged and reported, a conflicting
 * one is kept in a duplicate-metadata flag.
 */
export function readMetadataTable(lines: readonly Line[], report: Report): MetadataTable {
  const table: MetadataTable = { fields: new Map(), other: [], lines: new Set() };
  const seen = new Map<string, MetaValue[]>();
  let repeated = 0;
  for (const line of lines) {
    if (!isMetadataLine(line.key)) continue;
    table.lines.add(line.no);
    for (const { label, labelText, value } of pairs(line.key)) {
      report.dropped.push({ line: line.no, text: labelText, reason: 'label', what: 'metadata label' });
      const field = METADATA_LABELS[label] ?? 'other';
      const entry: MetaValue = { label, value, line: line.no };
      const earlier = seen.get(label) ?? [];
      seen.set(label, [...earlier, entry]);
      if (earlier.length) repeated++;
      if (field === 'other') {
        if (value && !table.other.some((o) => o.label === label && o.value === value)) table.other.push(entry);
        else if (value) report.dropped.push({ line: line.no, text: value, reason: 'duplicate', what: `repeated ${label}` });
        continue;
      }
      const current = table.fields.get(field);
      if (!value) continue;
      if (!current) {
        table.fields.set(field, entry);
      } else if (current.value === value) {
        report.dropped.push({ line: line.no, text: value, reason: 'duplicate', what: `repeated ${label}` });
      } else {
        report.flags.push({
          type: 'duplicate-metadata',
          where: `publication.${field}`,
          line: line.no,
          note: `元数据表中“${label}”出现两个不同的值,采用第${current.line}行的“${current.value}”,第${line.no}行的值保留在此`,
          original: value,
        });
      }
    }
  }
  if (repeated) {
    const nums = [...table.lines];
    const span = nums.length > 1 ? `${nums[0]}–${nums[nums.length - 1]}` : `${nums[0]}`;
    report.flags.push({ type: 'duplicate-metadata', where: 'publication', line: null, note: `元数据表重复印出(第${span}行),相同的值已合并`, original: null });
    report.warnings.push({ line: null, message: `the metadata table is printed more than once (lines ${[...table.lines].join(', ')}); equal values were merged` });
  }
  return table;
}
