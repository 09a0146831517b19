import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import remarkNumberedSections, { type TocEntry } from '../../src/remark/numbered-sections.ts';

const dir = resolve(import.meta.dirname, '../fixtures/remark/numbered-sections');
const update = process.env.UPDATE_FIXTURES === '1';

function run(markdown: string) {
  const processor = unified().use(remarkParse).use(remarkNumberedSections).use(remarkRehype).use(rehypeStringify);
  const file = processor.processSync(markdown);
  return { html: String(file), toc: file.data.toc as TocEntry[] };
}

describe('remark-numbered-sections fixtures (UPDATE_FIXTURES=1 rewrites the expected files)', () => {
  for (const name of readdirSync(dir).sort()) {
    test(name, () => {
      const { html, toc } = run(readFileSync(join(dir, name, 'input.md'), 'utf8'));
      const actual = `${html}\n<!-- toc\n${JSON.stringify(toc, null, 2)}\n-->\n`;
      const expectedPath = join(dir, name, 'output.html');
      if (update || !existsSync(expectedPath)) writeFileSync(expectedPath, actual);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});

describe('remark-numbered-sections', () => {
  test('short numbered lines become headings nested by style; anchors follow the numbering', () => {
    const { html, toc } = run(readFileSync(join(dir, 'letter-with-titles/input.md'), 'utf8'));
    expect(html).toContain('<h3 id="sec-1">一、关于招商引资工作思想认识不到位的问题</h3>');
    expect(html).toContain('<h4 id="sec-1-2">（二）落实“一把手”负责制</h4>');
    expect(html).toContain('<p id="sec-1-2-1">1. 重大项目亲自参加。</p>');
    expect(toc.map((t) => [t.id, t.level])).toEqual([
      ['sec-1', 1], ['sec-1-1', 2], ['sec-1-2', 2], ['sec-1-2-1', 3], ['sec-1-2-2', 3], ['sec-2', 1],
    ]);
  });

  test('numbered body paragraphs keep their form but get anchors', () => {
    const { html } = run(readFileSync(join(dir, 'long-numbered-paragraphs/input.md'), 'utf8'));
    expect(html).toMatch(/<p id="sec-1">一、对提案中提到/);
    expect(html).not.toContain('<h3');
  });

  test('a letter that starts at （一） does not skip a heading level', () => {
    expect(run(readFileSync(join(dir, 'starts-at-paren/input.md'), 'utf8')).html).toContain('<h3 id="sec-1">（一）优化组织体系，进一步凝聚招商合力。</h3>');
  });

  test('restarted numbering never repeats an anchor', () => {
    const ids = run(readFileSync(join(dir, 'restarted-numbering/input.md'), 'utf8')).toc.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('text without numbering is left alone', () => {
    const input = readFileSync(join(dir, 'no-numbering/input.md'), 'utf8');
    expect(run(input).html).toBe(String(unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).processSync(input)));
  });
});
