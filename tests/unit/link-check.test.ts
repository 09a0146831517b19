import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findBrokenLinks } from '../../src/integrations/link-check.ts';

const dist = mkdtempSync(join(tmpdir(), 'link-check-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
}

write('index.html', `<a href="/records/a/">ok</a><a href="/records/missing/">missing</a><img src="/_astro/x.css"><a href="https://example.org/">external</a><a href="mailto:a@b.c">mail</a>`);
write('records/a/index.html', `<h2 id="sec-1">一、</h2><a href="#sec-1">ok</a><a href="#sec-9">no anchor</a><a href="../b/">relative missing</a><a href="/units/${encodeURIComponent('县招商局')}/">unit</a><a href="/feeds/all.xml">feed</a><a href="/records/a">no slash</a><p>&lt;img src="x" onerror="alert(1)"&gt; is text, not a link</p><a href="/records/missing/">again</a>`);
write('units/县招商局/index.html', '<p>unit</p>');
write('feeds/all.xml', '<feed/>');

describe('the link check over a built site', () => {
  test('reports exactly the internal links and anchors that point nowhere, with their pages', () => {
    expect(findBrokenLinks(dist)).toEqual([
      { page: '/', link: '/records/missing/' },
      { page: '/', link: '/_astro/x.css' },
      { page: '/records/a/', link: '#sec-9' },
      { page: '/records/a/', link: '../b/' },
      { page: '/records/a/', link: '/records/a' },
      // A broken link shared by several pages is listed on each of them.
      { page: '/records/a/', link: '/records/missing/' },
    ]);
  });
});
