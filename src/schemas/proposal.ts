import { z } from 'astro/zod';
import { docNumber, optionalDate, optionalText, textList } from './common.ts';
import { sessionSchema } from './session.ts';

/** A member (委员) or deputy (代表) who signed a proposal. */
export const proposerSchema = z.strictObject({
  /** The name as published; may contain a middle dot (·). */
  name: z.string().trim().min(1),
  /** 委员 (CPPCC member), 代表 (deputy), or null when the page does not say. */
  role: z.enum(['委员', '代表']).nullable().default(null),
});
export type Proposer = z.output<typeof proposerSchema>;

/** 委员意见 / 代表意见: the member's verdict on the reply. */
export const satisfactionValues = ['满意', '基本满意', '不满意'] as const;
export const satisfactionSchema = z.strictObject({
  /** The verdict, when the page states one of the standard values. */
  value: z.enum(satisfactionValues).nullable().default(null),
  /** The text as published (may be longer than the verdict). */
  text: z.string().trim().min(1),
});

/** The proposal's own text, as a form page publishes it (提案案由, 建议 …). */
export const proposalTextSchema = z.strictObject({
  /** 提案时间: when it was submitted. */
  submittedDate: optionalDate,
  /** 提案类型: e.g. 个人提案 / 集体提案. */
  type: optionalText,
  /** 提案类别: the subject category, e.g. 经济建设. */
  category: optionalText,
  /** 案由: the reasoning, Markdown. */
  cause: optionalText,
  /** 建议: the suggestions, Markdown (numbered 一、二、…). */
  suggestions: optionalText,
});

/** The reply letter's sign-off and handling data. */
export const replySchema = z.strictObject({
  /** 答复日期: the date the letter is signed, YYYY-MM-DD. */
  date: optionalDate,
  /** The date exactly as printed when it is not a clean date (e.g. 202268, 2018年9月30). */
  dateText: optionalText,
  /** The unit that signs the letter (usually the handling unit). */
  signedBy: optionalText,
  /** 签发人: the official who signed off. */
  signer: optionalText,
  /** 联系人 and 联系电话 of the handling unit (office contacts only). */
  contact: optionalText,
  /** The reply letter's own 文号 (e.g. 宣招提复〔2018〕5号), when the letter prints one. */
  docNo: docNumber.nullable().default(null),
});

/**
 * Everything a reply, or a co-handling opinion, says about the proposal it answers.
 * Shared by the reply kinds.
 */
export const proposalFields = {
  /** The meeting at which it was submitted. */
  session: sessionSchema,
  /** 提案号 / 建议号: the number within the session, as written without 第/号 (e.g. "5", "0123"). */
  number: optionalText,
  /** 提案人 / 建议人: one or more. */
  proposers: z.array(proposerSchema).default([]),
  /** 提案标题: the proposal's title, from 《…》 or the form. */
  proposalTitle: optionalText,
  /** The proposal's own text when the page publishes it. */
  proposal: proposalTextSchema.nullable().default(null),
  /** 承办单位 / 主办单位: the unit that handles and replies. */
  handlingUnit: optionalText,
  /** 协办单位: co-handling units. */
  coUnits: textList,
  /** 交办日期: when the proposal was assigned to the units. */
  assignedDate: optionalDate,
  /** 办理类别 / 答复类别: A/B/C (or 甲/乙/丙) as written. */
  handlingCategory: optionalText,
  /** 委员意见 / 代表意见. */
  satisfaction: satisfactionSchema.nullable().default(null),
  /** The reply letter's sign-off. */
  reply: replySchema.default({ date: null, dateText: null, signedBy: null, signer: null, contact: null, docNo: null }),
};
