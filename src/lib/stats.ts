import { isReply, recordKinds, satisfactionValues, type ArchiveConfig, type ArchiveRecord, type RecordKind } from '../schemas/index.ts';
import { daysBetween } from './dates.ts';
import { recordUnit, recordYear } from './record-facts.ts';
import { checkDeadline } from './timeline.ts';
import { recordTopics } from './topics.ts';

/** Records per year, split by kind. */
export interface YearRow {
  year: number | null;
  byKind: Record<RecordKind, number>;
  total: number;
}

/** What the archive shows about one handling unit. */
export interface UnitStats {
  unit: string;
  /** Replies and co-handling opinions written by the unit. */
  count: number;
  /** Median days from 交办 (or, failing that, 提出) to the reply, over the records that state both. */
  medianDaysToReply: number | null;
  /** How many records have both dates, i.e. what the median rests on. */
  daysKnown: number;
  onTime: number;
  late: number;
  /** Replies whose deadline status the record does not allow us to judge. */
  deadlineUnknown: number;
  /** 满意 / 基本满意 / 不满意 / 未载明 */
  satisfaction: Record<(typeof satisfactionValues)[number] | '未载明', number>;
}

/** The median of a list of numbers (mean of the middle two for even lengths); null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Counts records per year and kind; undated records are counted under year null, last. */
export function recordsPerYear(records: ReadonlyArray<ArchiveRecord>): YearRow[] {
  const rows = new Map<number | null, YearRow>();
  for (const record of records) {
    const year = recordYear(record);
    let row = rows.get(year);
    if (!row) rows.set(year, (row = { year, byKind: Object.fromEntries(recordKinds.map((k) => [k, 0])) as Record<RecordKind, number>, total: 0 }));
    row.byKind[record.kind]++;
    row.total++;
  }
  return [...rows.values()].sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
}

/** Per-unit figures for the replies in the archive, most replies first. */
export function unitStats(records: ReadonlyArray<ArchiveRecord>, rule: ArchiveConfig['deadline']): UnitStats[] {
  const units = new Map<string, { stats: UnitStats; days: number[] }>();
  for (const record of records) {
    if (!isReply(record)) continue;
    const unit = recordUnit(record);
    if (!unit) continue;
    let entry = units.get(unit);
    if (!entry) {
      entry = {
        stats: { unit, count: 0, medianDaysToReply: null, daysKnown: 0, onTime: 0, late: 0, deadlineUnknown: 0, satisfaction: { 满意: 0, 基本满意: 0, 不满意: 0, 未载明: 0 } },
        days: [],
      };
      units.set(unit, entry);
    }
    const { stats, days } = entry;
    stats.count++;
    const start = record.assignedDate ?? record.proposal?.submittedDate ?? null;
    if (start && record.reply.date) days.push(daysBetween(start, record.reply.date));
    const deadline = checkDeadline(record, rule);
    if (deadline.status === 'on-time') stats.onTime++;
    else if (deadline.status === 'late') stats.late++;
    else stats.deadlineUnknown++;
    stats.satisfaction[record.satisfaction?.value ?? '未载明']++;
  }
  return [...units.values()]
    .map(({ stats, days }) => ({ ...stats, medianDaysToReply: median(days), daysKnown: days.length }))
    .sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit, 'zh-CN'));
}

/** The most frequent topics (主题分类 and 关键词), with counts. */
export function topTopics(records: ReadonlyArray<ArchiveRecord>, limit = 20): { topic: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const record of records) for (const topic of recordTopics(record)) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  return [...counts.entries()]
    .map(([topic, count]) => ({ topic, count }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic, 'zh-CN'))
    .slice(0, limit);
}
