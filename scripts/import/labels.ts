/** Metadata-table labels (政府信息公开 tables) and the publication field each fills. */
export const METADATA_LABELS: Record<string, string> = {
  索引号: 'indexNo',
  组配分类: 'section',
  信息分类: 'section',
  所属分类: 'section',
  分类: 'section',
  发布机构: 'publisher',
  发文机关: 'issuer',
  主题分类: 'topic',
  名称: 'name',
  标题: 'name',
  文号: 'docNo',
  发文字号: 'docNo',
  生成日期: 'generatedDate',
  成文日期: 'writtenDate',
  发布日期: 'publishedDate',
  发文日期: 'publishedDate',
  公开日期: 'publishedDate',
  关键词: 'keywords',
  主题词: 'keywords',
  时效: 'validity',
  时效性: 'validity',
  有效性: 'validity',
  效力状态: 'validity',
  // Printed by some portals; kept as they are in publication.other.
  公开方式: 'other',
  公开范围: 'other',
  公开时限: 'other',
  体裁分类: 'other',
  服务对象分类: 'other',
  内容概述: 'other',
  责任部门: 'other',
};

/** Form labels (提案/建议 forms) and the record field each fills. */
export const FORM_LABELS: Record<string, string> = {
  提案时间: 'submitted',
  提交时间: 'submitted',
  提案人: 'proposers',
  建议人: 'proposers',
  领衔人: 'proposers',
  领衔代表: 'proposers',
  提案者: 'proposers',
  提案类型: 'type',
  提案类别: 'category',
  建议类别: 'category',
  提案标题: 'title',
  建议标题: 'title',
  提案题目: 'title',
  提案案由: 'cause',
  案由: 'cause',
  提案理由: 'cause',
  建议理由: 'cause',
  建议: 'suggestions',
  提案建议: 'suggestions',
  具体建议: 'suggestions',
  建议内容: 'suggestions',
  承办单位: 'handlingUnit',
  主办单位: 'handlingUnit',
  协办单位: 'coUnits',
  会办单位: 'coUnits',
  交办日期: 'assignedDate',
  交办时间: 'assignedDate',
  答复时间: 'replyDate',
  答复日期: 'replyDate',
  回复时间: 'replyDate',
  提案回复: 'reply',
  建议回复: 'reply',
  答复内容: 'reply',
  回复内容: 'reply',
  办理答复: 'reply',
  办理情况: 'reply',
  委员意见: 'satisfaction',
  代表意见: 'satisfaction',
  提案人意见: 'satisfaction',
  满意度: 'satisfaction',
  提案号: 'number',
  提案编号: 'number',
  建议号: 'number',
  建议编号: 'number',
  案号: 'number',
  办理类别: 'handlingCategory',
  答复类别: 'handlingCategory',
  办复类别: 'handlingCategory',
};

/** Labels of the page-info line and sign-off, consumed as structure. */
export const OTHER_LABELS = ['发布时间', '更新时间', '来源', '信息来源', '文章来源', '联系人', '联系电话', '签发人', '类别'];

const ALL_LABELS = new Set([...Object.keys(METADATA_LABELS), ...Object.keys(FORM_LABELS), ...OTHER_LABELS]);

/** True when a fragment the importer dropped is a known label (spaces and colons aside). */
export function isKnownLabel(fragment: string): boolean {
  return ALL_LABELS.has(fragment.replace(/[\s:：|\\]/g, ''));
}

/** A regex source matching a label whose characters may be spaced out (索 引 号). */
export function spaced(label: string): string {
  return [...label].join('[ \\u3000]*');
}

/** Alternation of labels, longest first so that 组配分类 wins over 分类. */
export function labelAlternation(labels: readonly string[]): string {
  return [...labels].sort((a, b) => b.length - a.length).map(spaced).join('|');
}

/** Removes spaces and a trailing colon: 提 案 人: → 提案人. */
export function normalizeLabel(text: string): string {
  return text.replace(/[\s\u3000]/g, '').replace(/[:：]$/, '');
}
