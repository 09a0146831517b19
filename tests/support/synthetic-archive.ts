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

/**
 * Writes a small, deterministic archive for tests: archive.yaml plus `count` reply
 * records spread over units, proposers and years, so lists have several pages.
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
  for (let i = 1; i <= count; i++) {
    const year = 2015 + (i % 4);
    const id = `${year}-cppcc-9-${(i % 3) + 1}-${i}-t${String(i).padStart(5, '0')}`;
    const unit = units[i % units.length];
    const name = names[i % names.length];
    const body = [`${name}委员：`, sentences[i % sentences.length], sentences[(i + 2) % sentences.length], `测试记录编号${i}号。`].join('\n\n');
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
      '---',
      '',
    ].join('\n');
    mkdirSync(join(dir, 'records', String(year)), { recursive: true });
    writeFileSync(join(dir, 'records', String(year), `${id}.md`), `${frontmatter}${body}\n`);
  }
}
