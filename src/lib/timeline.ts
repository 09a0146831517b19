import type { ArchiveConfig, ReplyRecord } from '../schemas/index.ts';
import { addMonths, daysBetween } from './dates.ts';
import { sessionLabel } from './record-facts.ts';

/** One step in the life of a proposal. */
export interface TimelineStep {
  /** 提出, 立案, 交办, 答复, 委员意见, 办理类别 */
  stage: string;
  /** ISO date when the record states it. */
  date: string | null;
  /** What the record says about this step; null when it says nothing. */
  detail: string | null;
  /** Whether the record states anything about the step at all. */
  known: boolean;
}

/** Whether the reply came within the deadline rule; unknown when a date is missing. */
export interface DeadlineCheck {
  status: 'on-time' | 'late' | 'unknown';
  /** The date the period counts from (交办 or 提出), if known. */
  from: string | null;
  /** The last day allowed, if computable. */
  due: string | null;
  /** Why the status is unknown, in Chinese. */
  reason: string | null;
}

/** The life of one proposal as far as its record tells it, and the deadline check. */
export interface Timeline {
  steps: TimelineStep[];
  /** Days from submission (提出) to the reply, when both dates are stated. */
  daysToReply: number | null;
  deadline: DeadlineCheck;
}

/**
 * Builds the timeline of a reply from the data it has. Nothing is inferred: a step
 * whose date the record does not state has `date: null`, and the deadline check is
 * `unknown` unless both ends of the period are stated.
 */
export function proposalTimeline(record: ReplyRecord, rule: ArchiveConfig['deadline']): Timeline {
  const submitted = record.proposal?.submittedDate ?? null;
  const noun = record.session.body === 'npc' ? '建议' : '提案';
  const steps: TimelineStep[] = [
    step('提出', submitted, [sessionLabel(record.session), record.proposers.map((p) => p.name).join('、')].filter(Boolean).join('，') || null),
    step('立案', null, record.number ? `第${record.number}号${noun}` : null),
    step('交办', record.assignedDate, [record.handlingUnit && `承办：${record.handlingUnit}`, record.coUnits.length ? `协办：${record.coUnits.join('、')}` : null].filter(Boolean).join('；') || null),
    step('答复', record.reply.date, record.reply.date ? record.publication.docNo?.text ?? null : (record.reply.dateText ? `原文日期：${record.reply.dateText}` : null)),
    step(record.session.body === 'npc' ? '代表意见' : '委员意见', null, record.satisfaction?.text ?? null),
    step('办理类别', null, record.handlingCategory ? categoryLabel(record.handlingCategory) : null),
  ];
  const daysToReply = submitted && record.reply.date ? daysBetween(submitted, record.reply.date) : null;
  return { steps, daysToReply, deadline: checkDeadline(record, rule) };
}

/** A: B类 → B类, A → A类 (pages write both). */
export function categoryLabel(category: string): string {
  return category.endsWith('类') ? category : `${category}类`;
}

function step(stage: string, date: string | null, detail: string | null): TimelineStep {
  return { stage, date, detail, known: date !== null || detail !== null };
}

/** Checks the reply date against the archive's deadline rule (e.g. three months from 交办). */
export function checkDeadline(record: ReplyRecord, rule: ArchiveConfig['deadline']): DeadlineCheck {
  const from = rule.from === 'assigned' ? record.assignedDate : (record.proposal?.submittedDate ?? null);
  const fromLabel = rule.from === 'assigned' ? '交办日期' : '提出日期';
  if (!from) return { status: 'unknown', from: null, due: null, reason: `记录未载明${fromLabel}，无法判断是否按期答复` };
  const due = addMonths(from, rule.months);
  if (!record.reply.date) return { status: 'unknown', from, due, reason: '记录未载明完整的答复日期，无法判断是否按期答复' };
  return { status: record.reply.date <= due ? 'on-time' : 'late', from, due, reason: null };
}
