/**
 * What each frontmatter field means on a real page and how to fix a bad value.
 * Keyed by the field's last path segment; used by the error formatter.
 */
export const fieldHelp: Record<string, { label: string; hint: string }> = {
  id: { label: 'record id', hint: 'use lower-case ASCII words joined by hyphens, e.g. 2018-cppcc-13-2-5-3f9a2c; the importer makes one for you.' },
  kind: {
    label: 'record kind',
    hint: 'use cppcc-proposal-reply (政协提案答复), npc-suggestion-reply (人大建议答复), co-handling-opinion (协办意见) or document (文件资料).',
  },
  title: { label: '名称/标题', hint: 'copy the page title (名称) as text.' },
  date: { label: '答复日期', hint: 'write the date as YYYY-MM-DD; if the page prints a broken date, leave this null and keep the printed text in dateText.' },
  dateText: { label: '日期原文', hint: 'keep the date exactly as printed, or null.' },
  publishedDate: { label: '发布日期', hint: 'write the date as YYYY-MM-DD, e.g. 2018-11-05, or null when the page gives none.' },
  generatedDate: { label: '生成日期', hint: 'write the date as YYYY-MM-DD, or null.' },
  writtenDate: { label: '成文日期', hint: 'write the date as YYYY-MM-DD, or null.' },
  assignedDate: { label: '交办日期', hint: 'write the date as YYYY-MM-DD, or null.' },
  submittedDate: { label: '提案时间', hint: 'write the date as YYYY-MM-DD, or null.' },
  body: { label: '政协/人大', hint: 'use cppcc for 政协 or npc for 人大.' },
  term: { label: '届', hint: 'write the term as a whole number: 十三届 → 13.' },
  meeting: { label: '次会议', hint: 'write the meeting as a whole number: 二次会议 → 2.' },
  number: { label: '提案号/建议号', hint: 'write the number as text without 第/号, e.g. "5".' },
  proposers: { label: '提案人/建议人', hint: 'write a list of { name, role } with role 委员, 代表 or null.' },
  name: { label: '姓名/名称', hint: 'write the name as published.' },
  role: { label: '身份', hint: 'use 委员, 代表 or null.' },
  handlingUnit: { label: '承办单位', hint: 'write the unit name as text, or null.' },
  coUnits: { label: '协办单位', hint: 'write a list of unit names, or [].' },
  keywords: { label: '关键词', hint: 'write a list of words, or [].' },
  docNo: { label: '文号', hint: 'write { text, normalized }, e.g. { text: 宣招[2025]12号, normalized: 宣招〔2025〕12号 }, or null.' },
  url: { label: '来源网址', hint: 'write the full http(s) address of the page, or null.' },
  flags: { label: '问题标记', hint: 'write a list of { type, where, note, original }.' },
  type: { label: '类型', hint: 'use one of the listed values.' },
  satisfaction: { label: '委员意见', hint: 'write { value, text } with value 满意, 基本满意, 不满意 or null.' },
  value: { label: '意见', hint: 'use 满意, 基本满意, 不满意 or null.' },
  documentType: { label: '文件类型', hint: 'use policy, summary, statistics, news, rules, list or other.' },
  baseUrl: { label: 'site address', hint: 'write the full address the site is served at, e.g. https://example.gov.cn/archive/.' },
  months: { label: 'deadline months', hint: 'write a whole number of months, e.g. 3.' },
};
