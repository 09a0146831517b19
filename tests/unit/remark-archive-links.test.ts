import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import remarkArchiveLinks, { titleKey, type ReferenceIndex } from '../../src/remark/archive-links.ts';
import { splitFrontmatter } from '../../src/validation/frontmatter.ts';

const dir = resolve(import.meta.dirname, '../fixtures/remark/archive-links');
const update = process.env.UPDATE_FIXTURES === '1';

// The archive this fixture set assumes: one policy document, known by title and by 文号.
const policy = { id: '2019-doc-self01', title: '关于进一步完善市直招商引资工作机制的意见' };
const index: ReferenceIndex = {
  byTitle: new Map([[titleKey(policy.title), policy]]),
  byDocNo: new Map([['宣招〔2019〕12号', policy]]),
  normalizeDocNo: (text) => {
    const m = /^(.+?)\s*[〔\[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*(第?)\s*(\d+)\s*号$/.exec(text.trim());
    return m ? `${m[1]}〔${m[2]}〕${m[3]}${m[4]}号` : null;
  },
};

function run(source: string): string {
  const { data, body } = splitFrontmatter(source);
  const processor = unified().use(remarkParse).use(remarkArchiveLinks, { index: () => index }).use(remarkRehype).use(rehypeStringify);
  const file = processor.processSync({ value: body, data: { astro: { frontmatter: data ?? {} } } });
  return String(file);
}

describe('remark-archive-links fixtures (UPDATE_FIXTURES=1 rewrites the expected files)', () => {
  for (const name of readdirSync(dir).sort()) {
    test(name, () => {
      const actual = `${run(readFileSync(join(dir, name, 'input.md'), 'utf8'))}\n`;
      const expectedPath = join(dir, name, 'output.html');
      if (update || !existsSync(expectedPath)) writeFileSync(expectedPath, actual);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});

describe('remark-archive-links', () => {
  test('a held document cited by title becomes a link to its record', () => {
    expect(run('依据《关于进一步完善市直招商引资工作机制的意见》办理。')).toContain(
      '<a href="/records/2019-doc-self01/" title="关于进一步完善市直招商引资工作机制的意见">《关于进一步完善市直招商引资工作机制的意见》</a>',
    );
  });
  test('a document the archive does not hold stays plain text', () => {
    expect(run('依据《宣州区2018年专业招商工作实施意见》办理。')).toBe('<p>依据《宣州区2018年专业招商工作实施意见》办理。</p>');
  });
  test('文号 in [] and 【】 both reach the document; an unknown 文号 does not', () => {
    const html = run('按照宣招[2019]12号和宣招【2019】12号文件要求，以及皖政(2018)45号。');
    expect(html.match(/<a href="\/records\/2019-doc-self01\/"/g)).toHaveLength(2);
    expect(html).toContain('以及皖政(2018)45号。');
  });
  test('a record never links to itself', () => {
    expect(run('---\nid: 2019-doc-self01\n---\n本意见即《关于进一步完善市直招商引资工作机制的意见》。\n')).not.toContain('<a ');
  });
});
