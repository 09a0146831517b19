import type { Body, RecordKind, documentTypes } from '../../src/schemas/index.ts';

/** What the page shows about itself, as classification input. */
export interface PageSignals {
  title: string;
  section: string | null;
  hasForm: boolean;
  /** The salutation addresses members (委员) / deputies (代表), a unit, or nobody. */
  salutation: '委员' | '代表' | 'unit' | null;
  /** The opening paragraphs of the text. */
  opening: string;
  sessionBody: Body | null;
}

const REPLY_TITLE = /(?:提案|建议|议案).{0,16}(?:答复|复函|回复|答覆|办理结果|办理情况|摘要)|(?:答复|复函|回复)|协办意见/;
const NOT_REPLY = /总结|工作报告|情况报告|汇总|统计|一览|目录|清单|名单|规则|细则|通报|通知|公告|新闻|召开|举行/;
const CO_HANDLING = /协办意见|协办单位意见|协办答复/;

/**
 * Decides the record kind from the page's own words. A reply needs a reply title
 * (…提案的答复, 复函, 答复摘要) or a form or a salutation to a member/deputy; handling
 * summaries, statistics, news and rules are documents even when they mention proposals.
 */
export function classifyKind(s: PageSignals): RecordKind {
  if (CO_HANDLING.test(s.title) || (s.salutation === 'unit' && /协办/.test(s.opening))) return 'co-handling-opinion';
  const numbered = /第?\s*[0-9０-９]+\s*号/.test(s.title);
  const replyTitle = REPLY_TITLE.test(s.title) && (numbered || !NOT_REPLY.test(s.title));
  const isReply = replyTitle || s.hasForm || s.salutation === '委员' || s.salutation === '代表';
  if (!isReply) return 'document';
  return bodyOf(s) === 'npc' ? 'npc-suggestion-reply' : 'cppcc-proposal-reply';
}

/**
 * The body a reply answers: the session's own words first, then the salutation
 * (委员 → 政协, 代表 → 人大), then the title and section. Null when nothing says.
 */
export function bodyOf(s: PageSignals): Body | null {
  if (s.sessionBody) return s.sessionBody;
  if (s.salutation === '委员') return 'cppcc';
  if (s.salutation === '代表') return 'npc';
  const words = `${s.title} ${s.section ?? ''} ${s.opening}`;
  if (/政协|提案|委员/.test(words)) return 'cppcc';
  if (/人大|建议|议案|代表/.test(words)) return 'npc';
  return null;
}

/** The sort of document, from its title (and section). */
export function classifyDocument(title: string, section: string | null): (typeof documentTypes)[number] {
  const t = `${title} ${section ?? ''}`;
  if (/统计|数据|一览表|情况表/.test(title)) return 'statistics';
  if (/名单|目录|清单|汇总表/.test(title)) return 'list';
  if (/总结|工作报告|情况报告|办理情况|工作情况/.test(title)) return 'summary';
  if (/规则|细则|条例|章程|工作规程/.test(title)) return 'rules';
  if (/意见|办法|规定|通知|方案|决定|措施|公告|通告/.test(title) || /部门文件|政策|规范性文件/.test(t)) return 'policy';
  if (/召开|举行|开展|调研|视察|座谈|动态|新闻|会议/.test(t)) return 'news';
  return 'other';
}
