import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import remarkMdxAllowlist from '../../src/remark/mdx-allowlist.ts';

function check(mdx: string): string | null {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMdxAllowlist);
  try {
    processor.runSync(processor.parse(mdx));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('MDX records may use only the documented components', () => {
  test('Note and FigureTable with plain attributes are allowed', () => {
    expect(check('<Note title="编者注">附件缺失。</Note>\n\n<FigureTable caption="指标">\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n</FigureTable>\n')).toBeNull();
  });
  test('import/export is refused with its line', () => {
    expect(check('正文\n\nimport fs from "node:fs"\n')).toContain('line 3: import/export is not allowed in records');
  });
  test('{expressions} are refused', () => {
    expect(check('金额为{1+1}元。')).toContain('line 1: {…} expressions are not allowed in records');
  });
  test('javascript: and data: links are refused; http(s) and site links are fine', () => {
    expect(check('[点我](javascript:alert(1))')).toContain('the address "javascript:alert(1)" is not allowed');
    expect(check('![图](data:image/svg+xml,<svg/>)')).toContain('is not allowed');
    expect(check('[原网页](https://www.example.gov.cn/a.html) 和 [另一条](/records/x/)')).toBeNull();
  });
  test('other elements and expression attributes are refused', () => {
    expect(check('<script>alert(1)</script>')).toContain('<script> is not an allowed component');
    expect(check('<Note title={process.env.HOME}>x</Note>')).toContain('<Note> attributes must be plain text');
  });
});
