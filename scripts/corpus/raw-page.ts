/**
 * Renders a generated record as a raw portal page: the text a saved 政府信息公开 page
 * holds (site chrome, the metadata block printed twice, the title line with its
 * 发布时间/浏览次数 clutter, the reply, the sign-off), as in seed 000 of the demo archive.
 * The performance benchmark imports these pages, so it measures the importer on pages
 * shaped like the real ones rather than on ready-made records.
 */
import type { GeneratedRecord } from './records.ts';

interface PageFields {
  title: string;
  publisher: string;
  section: string;
  indexNo: string;
  topic: string;
  docNo: string;
  date: string;
  source: string;
}

function fields(record: GeneratedRecord): PageFields {
  const d = record.data as {
    title: string;
    kind: string;
    session?: { body: string; place: string } | null;
    publication: { indexNo: string | null; publisher: string; topic: string | null; docNo?: { text: string } | null; publishedDate: string };
    docNo?: { text: string } | null;
  };
  const p = d.publication;
  const section = d.kind === 'document' ? '政策文件' : d.session?.body === 'npc' ? '人大代表建议办理' : '政协委员提案办理';
  const place = d.session?.place ?? p.publisher.replace(/(局|委|办|中心|厅|馆|院|站|所)$/u, '').slice(0, 3);
  return { title: d.title, publisher: p.publisher, section, indexNo: p.indexNo ?? '', topic: p.topic ?? '', docNo: (p.docNo ?? d.docNo)?.text ?? '', date: p.publishedDate, source: `${place}政府` };
}

/** The page text of `record`, as a portal serves it. */
export function rawPage(record: GeneratedRecord): string {
  const f = fields(record);
  const meta = [`索引号: ${f.indexNo}`, `组配分类: ${f.section}`, `发布机构: ${f.publisher}`, `主题分类: ${f.topic}`, `名称: ${f.title}`, `文号: ${f.docNo}`, `生成日期: ${f.date}`, `发布日期: ${f.date}`];
  return [
    '• 无障碍',
    '  • 长辈版',
    f.publisher,
    `您现在所在的位置: 网站首页> 政府信息公开首页 > ${f.publisher}> 建议提案办理> ${f.section}`,
    `索引号: ${f.indexNo} 组配分类: ${f.section}`,
    `发布机构: ${f.publisher} 主题分类: ${f.topic}`,
    `名称: ${f.title} 文号: ${f.docNo}`,
    `生成日期: ${f.date} 发布日期: ${f.date}`,
    ...meta,
    f.title,
    `发布时间:${f.date} 00:00 来源:${f.source} 浏览次数: 字体:[ ]`,
    '',
    record.body,
    '',
    ' ',
    '',
  ].join('\n');
}
