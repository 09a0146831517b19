import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Ids of the hostile records, for the browser test. */
export const hostileIds = { markup: '2020-cppcc-1-1-1-hostile', huge: '2020-doc-hostile-huge' } as const;

/** The raw payloads the markup record carries in its body; each must show as text or vanish, never run. */
export const hostilePayloads = [
  '<script>alert("body")</script>',
  '<img src="x" onerror="alert(\'img\')">',
  '<a href="javascript:alert(\'a\')">原文链接</a>',
  '[Markdown 链接](javascript:alert(\'md\'))',
  '[数据链接](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<svg onload="alert(\'svg\')"><script>alert("svg-script")</script></svg>',
  '<iframe src="javascript:alert(\'frame\')"></iframe>',
  '<div style="position:fixed;inset:0" onmouseover="alert(\'hover\')">覆盖层</div>',
];

/**
 * Writes an archive whose records try everything imported pages may contain: script
 * tags, event handlers, javascript: and data: URLs, SVG with script, MDX-looking
 * expressions, a very long line, a 1 MB body, a right-to-left override and zero-width
 * characters in names. The site must build and show all of it as text.
 */
export function writeHostileArchive(dir: string): void {
  mkdirSync(join(dir, 'records/2020'), { recursive: true });
  writeFileSync(
    join(dir, 'archive.yaml'),
    'name: 恶意内容测试档案\ndescription: 用于安全测试。\noffice: 测试办公室\nregion: 测试市\nbaseUrl: https://hostile.example.org/\ncontact: 无\n',
  );
  const markup = [
    '---',
    `id: ${hostileIds.markup}`,
    'kind: cppcc-proposal-reply',
    `title: '<script>alert("title")</script>关于{alert(1)}的答复'`,
    'session: { body: cppcc, place: 测试市, term: 1, meeting: 1 }',
    'number: "1"',
    "proposers: [{ name: \"王\u200b玲玲\", role: 委员 }, { name: '<b onclick=alert(1)>张三</b>', role: null }]",
    "proposalTitle: '\u202e提案标题反向'",
    "proposal: { cause: '<script>alert(\"cause\")</script>案由[链接](javascript:alert(2))', suggestions: null }",
    'handlingUnit: 测试局',
    "reply: { date: '2020-05-01' }",
    '---',
    '',
    '王\u200b玲玲委员：',
    '',
    ...hostilePayloads.flatMap((p) => [p, '']),
    '金额为{alert(3)}元，{{双括号}}。原文的"直引号"和--连字符保持原样。',
    '',
    `超长行：${'长'.repeat(50_000)}`,
    '',
    '方向控制字符：\u202e倒序文字\u202c结束。',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'records/2020', `${hostileIds.markup}.md`), markup);
  const paragraph = `${'本段为一兆字节正文的一部分，用于测试超大记录。'.repeat(20)}\n\n`;
  const huge = ['---', `id: ${hostileIds.huge}`, 'kind: document', 'title: 一兆字节的文件', "publication: { publishedDate: '2020-01-01' }", '---', '', paragraph.repeat(Math.ceil(1_048_576 / Buffer.byteLength(paragraph)))].join('\n');
  writeFileSync(join(dir, 'records/2020', `${hostileIds.huge}.md`), huge);
}
