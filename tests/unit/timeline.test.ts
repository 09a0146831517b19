import { describe, expect, test } from 'vitest';
import { proposalTimeline } from '../../src/lib/timeline.ts';
import { reply } from '../support/records.ts';
import type { ReplyRecord } from '../../src/schemas/index.ts';

const rule = { months: 3, from: 'assigned' as const };

describe('the life of a proposal', () => {
  test('with every date stated: days to reply and on time', () => {
    const record = reply({
      number: '12',
      proposers: [{ name: '张三', role: '委员' }],
      proposal: { submittedDate: '2021-01-20' },
      handlingUnit: '水利局',
      coUnits: ['财政局'],
      assignedDate: '2021-03-01',
      reply: { date: '2021-05-20' },
      satisfaction: { value: '满意', text: '满意' },
      handlingCategory: 'A',
    }) as ReplyRecord;
    const timeline = proposalTimeline(record, rule);
    expect(timeline.steps.map((s) => [s.stage, s.date, s.detail])).toEqual([
      ['提出', '2021-01-20', '某市政协一届一次会议，张三'],
      ['立案', null, '第12号提案'],
      ['交办', '2021-03-01', '承办：水利局；协办：财政局'],
      ['答复', '2021-05-20', null],
      ['委员意见', null, '满意'],
      ['办理类别', null, 'A类'],
    ]);
    expect(timeline.daysToReply).toBe(120);
    expect(timeline.deadline).toEqual({ status: 'on-time', from: '2021-03-01', due: '2021-06-01', reason: null });
  });

  test('with dates missing nothing is invented', () => {
    const record = reply({ reply: { dateText: '202268' } }) as ReplyRecord;
    const timeline = proposalTimeline(record, rule);
    expect(timeline.daysToReply).toBeNull();
    expect(timeline.deadline.status).toBe('unknown');
    expect(timeline.deadline.reason).toBe('记录未载明交办日期，无法判断是否按期答复');
    const answered = timeline.steps.find((s) => s.stage === '答复')!;
    expect(answered).toEqual({ stage: '答复', date: null, detail: '原文日期：202268', known: true });
    expect(timeline.steps.find((s) => s.stage === '交办')!.known).toBe(false);
  });

  test('a late reply, counted from the session when the rule says so', () => {
    const record = reply({ proposal: { submittedDate: '2021-01-20' }, reply: { date: '2021-05-01' } }) as ReplyRecord;
    expect(proposalTimeline(record, { months: 3, from: 'session' }).deadline).toEqual({ status: 'late', from: '2021-01-20', due: '2021-04-20', reason: null });
  });
});
