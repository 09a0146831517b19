import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { pruneRecordHtml, readRecordHtml, writeRecordHtml } from '../../src/lib/record-html.ts';
import { withHtmlOutside, withoutFrontmatterCopy } from '../../src/lib/record-loader.ts';

const work = mkdtempSync(join(tmpdir(), 'record-html-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('rendered record bodies beside the store', () => {
  test('a stored record keeps no HTML, no frontmatter copy, no headings; its page reads the HTML back', () => {
    const dir = join(work, 'stored');
    const entry = {
      id: 'r1',
      digest: 'abc123',
      data: { title: '标题' },
      rendered: { html: '<p>答复正文</p>', metadata: { headings: [{ depth: 3, slug: 'sec-1', text: '一、' }], frontmatter: { title: '标题', toc: [{ id: 'sec-1' }] }, imagePaths: [] } },
    };
    const stored = withHtmlOutside(withoutFrontmatterCopy(entry), dir);
    expect(stored.rendered).toEqual({ html: '', metadata: { frontmatter: { toc: [{ id: 'sec-1' }] }, imagePaths: [] } });
    expect(stored.data).toBe(entry.data);
    expect(readRecordHtml({ id: 'r1', digest: 'abc123' }, dir)).toBe('<p>答复正文</p>');
    // Written whole: no temporary file is left.
    expect(readdirSync(dir)).toEqual(['abc123.html']);
  });

  test('a record without rendered HTML (MDX, rendered by Astro at page time) is stored as it is', () => {
    const entry = { id: 'm1', digest: 'def456', data: {}, deferredRender: true };
    expect(withHtmlOutside(entry, join(work, 'mdx'))).toBe(entry);
  });

  test('a missing file names the record, the file and what to do', () => {
    const dir = join(work, 'missing');
    expect(() => readRecordHtml({ id: '2018-cppcc-1', digest: 'ffff' }, dir)).toThrow(
      `record 2018-cppcc-1: its rendered text ${join(dir, 'ffff.html')} is missing from the build cache. Delete the cache folder ${work} and build again.`,
    );
  });

  test('a digest that is not a plain hash cannot name a file outside the folder', () => {
    expect(() => writeRecordHtml(join(work, 'odd'), '../x', '')).toThrow('record digest "../x" is not a plain hash');
  });

  test('pruning deletes the files no record names, and leftovers of an interrupted write', () => {
    const dir = join(work, 'prune');
    for (const digest of ['a1', 'b2', 'c3']) writeRecordHtml(dir, digest, digest);
    writeFileSync(join(dir, 'c3.html.123.tmp'), '');
    pruneRecordHtml(dir, new Set(['a1', 'c3']));
    expect(readdirSync(dir).sort()).toEqual(['a1.html', 'c3.html']);
    pruneRecordHtml(join(work, 'never-written'), new Set());
  });
});
