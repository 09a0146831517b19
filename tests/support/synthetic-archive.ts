import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const units = ['县招商局', '市商务局', '区发展和改革委员会', '市水利局', '县教育局'];
const names = ['李明', '张华', '王芳', '阿卜杜拉·买买提', '陈晓东', '刘洋'];
const sentences = [
  '感谢您对我县招商引资工作的关心和支持。',
  '我们将进一步完善河长制工作机制，加强水环境治理。',
  '经研究，现答复如下。',
  '下一步，我们将继续优化营商环境，推动项目落地。',
  '教育资源配置不均衡的问题，我局高度重视。',
];

/** The policy document every synthetic archive holds; replies 3 and 4 cite it. */
export const syntheticDocument = { id: '2014-doc-t00000', title: '测试市招商引资项目管理办法', docNo: '测招〔2014〕3号' };

// Records whose every date is stated, for timeline and deadline tests:
// 7 is answered within three months of assignment, 14 after it.
const fullDates: Record<number, { assigned: string; submitted: string; satisfaction: string; category: string }> = {
  7: { assigned: '2018-06-01', submitted: '2018-01-15', satisfaction: '满意', category: 'A' },
  14: { assigned: '2017-01-01', submitted: '2016-12-20', satisfaction: '基本满意', category: 'B' },
};

/**
 * Writes a small, deterministic archive for tests: archive.yaml, one policy document,
 * and `count` reply records spread over units, proposers and years, so lists have
 * several pages. Replies 3 and 4 cite the document by title and by 文号; replies 7 and
 * 14 state every date.
 */
export function writeSyntheticArchive(dir: string, count: number, options: { name?: string; pageSize?: number } = {}): void {
  mkdirSync(join(dir, 'records'), { recursive: true });
  writeFileSync(
    join(dir, 'archive.yaml'),
    [
      `name: ${options.name ?? '测试档案'}`,
      'description: 用于自动测试的档案。',
      'office: 测试办公室',
      'region: 测试市',
      'baseUrl: https://test.example.org/',
      'contact: 测试联系方式',
      `pageSize: ${options.pageSize ?? 5}`,
      '',
    ].join('\n'),
  );
  mkdirSync(join(dir, 'records', '2014'), { recursive: true });
  writeFileSync(
    join(dir, 'records', '2014', `${syntheticDocument.id}.md`),
    [
      '---',
      `id: ${syntheticDocument.id}`,
      'kind: document',
      'documentType: policy',
      `title: ${syntheticDocument.title}`,
      `docNo: { text: ${syntheticDocument.docNo}, normalized: ${syntheticDocument.docNo} }`,
      "publication: { publisher: 测试市人民政府, publishedDate: '2014-03-01', topic: 综合政务 / 招商引资, keywords: [招商引资, 项目管理] }",
      '---',
      '',
      '第一条 为规范招商引资项目管理，制定本办法。',
      '',
    ].join('\n'),
  );
  // An MDX record using the documented components.
  writeFileSync(
    join(dir, 'records', '2014', '2014-doc-t00mdx.mdx'),
    [
      '---',
      'id: 2014-doc-t00mdx',
      'kind: document',
      'documentType: statistics',
      'title: 测试市招商引资统计',
      "publication: { publisher: 测试市统计局, publishedDate: '2014-12-31' }",
      '---',
      '',
      '<Note title="编者注">原网页附件未能取得。</Note>',
      '',
      '<FigureTable caption="2014年招商引资主要指标" source="测试市统计局">',
      '',
      '| 指标 | 数值 |',
      '| --- | --- |',
      '| 新签约项目 | 12个 |',
      '',
      '</FigureTable>',
      '',
    ].join('\n'),
  );
  for (let i = 1; i <= count; i++) {
    const year = 2015 + (i % 4);
    const id = `${year}-cppcc-9-${(i % 3) + 1}-${i}-t${String(i).padStart(5, '0')}`;
    const unit = units[i % units.length];
    const name = names[i % names.length];
    // Reply 5 answers its proposal's suggestions by name, so it has a side-by-side view.
    const answers = i === 5 ? ['一、关于建议“二”：加强河道巡查', '已增加巡查频次。', '二、关于建议“一”：完善河长制', '已印发实施方案。'] : [];
    const citation = i === 3 ? `依据《${syntheticDocument.title}》办理。` : i === 4 ? '按照测招[2014]3号文件要求办理。' : '';
    const body = [`${name}委员：`, sentences[i % sentences.length], sentences[(i + 2) % sentences.length], `测试记录编号${i}号。${citation}`, ...answers].join('\n\n');
    const full = fullDates[i];
    const frontmatter = [
      '---',
      `id: ${id}`,
      'kind: cppcc-proposal-reply',
      `title: 关于测试市政协九届${(i % 3) + 1}次会议第${i}号提案的答复`,
      `session: { body: cppcc, level: 市, place: 测试市, term: 9, meeting: ${(i % 3) + 1} }`,
      `number: "${i}"`,
      `proposers: [{ name: ${name}, role: 委员 }]`,
      `proposalTitle: 关于测试事项${i}的提案`,
      `handlingUnit: ${unit}`,
      `reply: { date: '${year}-0${(i % 9) + 1}-1${i % 10}', signedBy: ${unit} }`,
      ...(i === 5 ? ["proposal: { suggestions: \"一、完善河长制。\\n\\n二、加强河道巡查。\" }"] : []),
      ...(full
        ? [
            `assignedDate: '${full.assigned}'`,
            `proposal: { submittedDate: '${full.submitted}' }`,
            `satisfaction: { value: ${full.satisfaction}, text: ${full.satisfaction} }`,
            `handlingCategory: ${full.category}`,
          ]
        : []),
      '---',
      '',
    ].join('\n');
    mkdirSync(join(dir, 'records', String(year)), { recursive: true });
    writeFileSync(join(dir, 'records', String(year), `${id}.md`), `${frontmatter}${body}\n`);
  }
}
