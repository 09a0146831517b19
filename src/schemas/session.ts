import { z } from 'astro/zod';
import { optionalText } from './common.ts';

/** The two bodies whose members submit: CPPCC committees (政协) and people's congresses (人大). */
export const bodies = ['cppcc', 'npc'] as const;
export type Body = (typeof bodies)[number];

/** Chinese names of the bodies, as the UI shows them. */
export const bodyLabels: Record<Body, string> = { cppcc: '政协', npc: '人大' };

/**
 * The meeting at which a proposal or suggestion was submitted, e.g. 区政协十三届二次会议:
 * body 政协, level 区, place 宣州区, term 13, meeting 2.
 */
export const sessionSchema = z.strictObject({
  /** 政协 (cppcc) or 人大 (npc). */
  body: z.enum(bodies),
  /** Administrative level as written: 全国, 省, 市, 区, 县 … */
  level: optionalText,
  /** The place whose body this is, e.g. 宣州区, 紫阳县; null when the page does not say. */
  place: optionalText,
  /** 届: the term, from Chinese numerals (十三届 → 13). */
  term: z.int().positive().nullable().default(null),
  /** 次: the meeting within the term (二次会议 → 2). */
  meeting: z.int().positive().nullable().default(null),
  /** The session exactly as the page writes it, e.g. 政协第十二届紫阳县委员会第三次会议. */
  text: optionalText,
});
export type Session = z.output<typeof sessionSchema>;

/** A short, stable label such as 十三届二次 → "13届2次", used for lists and URLs. */
export function sessionKey(session: Session): string | null {
  if (session.term == null) return null;
  return session.meeting == null ? `${session.term}届` : `${session.term}届${session.meeting}次`;
}
