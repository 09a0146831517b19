import { describe, expect, test } from 'vitest';
import { addMonths, daysBetween } from '../../src/lib/dates.ts';
import { median, recordsPerYear, topTopics, unitStats } from '../../src/lib/stats.ts';
import { doc, reply } from '../support/records.ts';

const rule = { months: 3, from: 'assigned' as const };

// A fixture archive whose figures were worked out by hand (see each expectation).
const archive = [
  // 水利局: assigned 2021-03-01, replied 2021-05-31 → 91 days, due 2021-06-01 → on time; 满意
  reply({ handlingUnit: '水利局', assignedDate: '2021-03-01', reply: { date: '2021-05-31' }, satisfaction: { value: '满意', text: '满意' } }),
  // 水利局: assigned 2021-03-01, replied 2021-06-02 → 93 days, due 2021-06-01 → late; 基本满意
  reply({ handlingUnit: '水利局', assignedDate: '2021-03-01', reply: { date: '2021-06-02' }, satisfaction: { value: '基本满意', text: '基本满意' } }),
  // 水利局: no assigned date → deadline unknown, no days; satisfaction not stated
  reply({ handlingUnit: '水利局', reply: { date: '2022-01-10' } }),
  // 水利局: assigned, reply date broken (null) → unknown; 不满意
  reply({ handlingUnit: '水利局', assignedDate: '2022-02-01', reply: { dateText: '202268' }, satisfaction: { value: '不满意', text: '不满意，希望进一步落实' } }),
  // 教育局: assigned 2021-11-30, replied 2022-02-28 → 90 days, due 2022-02-28 (month end) → on time
  reply({ handlingUnit: '教育局', assignedDate: '2021-11-30', reply: { date: '2022-02-28' } }),
  // documents are not replies: counted per year, not per unit
  doc({ publication: { publishedDate: '2021-07-01', topic: '综合政务 / 其它', keywords: ['招商引资'] } }),
  doc({ publication: { keywords: ['招商引资', '营商环境'] } }),
];

describe('dates', () => {
  test('daysBetween counts calendar days', () => {
    expect(daysBetween('2021-03-01', '2021-05-31')).toBe(91);
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
  });
  test('addMonths keeps the day, or falls back to the month end', () => {
    expect(addMonths('2021-03-01', 3)).toBe('2021-06-01');
    expect(addMonths('2021-11-30', 3)).toBe('2022-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
  });
});

describe('statistics on a hand-checked archive', () => {
  test('median of odd and even lists, null for none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([91, 93])).toBe(92);
    expect(median([])).toBeNull();
  });

  test('records per year and kind', () => {
    const rows = recordsPerYear(archive);
    expect(rows.map((r) => [r.year, r.total, r.byKind['cppcc-proposal-reply'], r.byKind.document])).toEqual([
      [2021, 3, 2, 1],
      [2022, 2, 2, 0],
      [null, 2, 1, 1],
    ]);
  });

  test('per unit: count, median days, on-time share and satisfaction mix', () => {
    const [water, education] = unitStats(archive, rule);
    expect(water).toEqual({
      unit: '水利局',
      count: 4,
      medianDaysToReply: 92,
      daysKnown: 2,
      onTime: 1,
      late: 1,
      deadlineUnknown: 2,
      satisfaction: { 满意: 1, 基本满意: 1, 不满意: 1, 未载明: 1 },
    });
    expect(education).toMatchObject({ unit: '教育局', count: 1, medianDaysToReply: 90, onTime: 1, late: 0 });
  });

  test('top topics come from 主题分类 and 关键词 only', () => {
    expect(topTopics(archive)).toEqual([
      { topic: '招商引资', count: 2 },
      // ties in pinyin order: yíng before zōng
      { topic: '营商环境', count: 1 },
      { topic: '综合政务', count: 1 },
    ]);
  });
});
