import type { ArchiveRecord } from '../schemas/index.ts';

/**
 * The topics a record is filed under: the portal's 主题分类 (split on / and ·) and its
 * 关键词. Only what the page states; nothing is guessed from the text.
 */
export function recordTopics(record: ArchiveRecord): string[] {
  const topics = new Set<string>();
  for (const part of (record.publication.topic ?? '').split(/[/／·、]/)) {
    const topic = part.trim();
    if (topic && topic !== '其它' && topic !== '其他') topics.add(topic);
  }
  for (const keyword of record.publication.keywords) topics.add(keyword);
  return [...topics];
}
