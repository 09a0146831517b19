import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { expect, test } from 'vitest';
import remarkHtmlAsText from '../../src/remark/html-as-text.ts';

const render = (md: string) => String(unified().use(remarkParse).use(remarkHtmlAsText).use(remarkRehype).use(rehypeStringify).processSync(md));

test('block HTML in a record shows as its own text paragraph', () => {
  expect(render('<script>alert(1)</script>')).toBe('<p>&#x3C;script>alert(1)&#x3C;/script></p>');
});

test('inline HTML stays in its sentence as text', () => {
  expect(render('见<img src=x onerror="alert(1)">图')).toBe('<p>见&#x3C;img src=x onerror="alert(1)">图</p>');
});
