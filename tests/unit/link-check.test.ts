import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findBrokenLinks, type LinkCheckStats } from '../../src/integrations/link-check.ts';

const dist = mkdtempSync(join(tmpdir(), 'link-check-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
}

write('index.html', `<a href="/records/a/">ok</a><a href="/records/missing/">missing</a><img src="/_astro/x.css"><a href="https://example.org/">external</a><a href="mailto:a@b.c">mail</a>`);
write('records/a/index.html', `<h2 id="sec-1">一、</h2><a href="#sec-1">ok</a><a href="#sec-9">no anchor</a><a href="../b/">relative missing</a><a href="/units/${encodeURIComponent('县招商局')}/">unit</a><a href="/feeds/all.xml">feed</a><a href="/records/a">no slash</a><p>&lt;img src="x" onerror="alert(1)"&gt; is text, not a link</p><a href="/records/missing/">again</a>`);
write('units/县招商局/index.html', `<h2 id="一、办理情况">一、</h2><a href="#一、办理情况">raw anchor</a><a href="/units/县招商局/">raw path</a><a href="/units/县财政局/">raw path missing</a>`);
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
      // Paths and anchors written in Chinese, not percent-encoded, are compared as text.
      { page: '/units/县招商局/', link: '/units/县财政局/' },
    ]);
  });
});

describe('the link check of a rebuild', () => {
  const site = mkdtempSync(join(tmpdir(), 'link-check-cached-'));
  const cache = { file: join(site, '..', `${site.split('/').pop()}.json`), code: 'code 1' };
  afterAll(() => rmSync(site, { recursive: true, force: true }));
  afterAll(() => rmSync(cache.file, { force: true }));
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  };
  const check = (code = cache.code) => {
    const stats: LinkCheckStats = { pages: 0, read: 0 };
    const broken = findBrokenLinks(site, { cache: { ...cache, code }, stats });
    return { broken, read: stats.read, pages: stats.pages };
  };
  put('index.html', '<a href="/records/a/">a</a><a href="/records/b/">b</a>');
  put('records/a/index.html', '<a href="/records/b/">b</a><a href="/records/a.json">data</a>');
  put('records/a.json', '{}');
  put('records/b/index.html', '<a href="/">home</a>');

  test('reads only the pages that changed since the last check that passed, and still finds what they break', () => {
    expect(check()).toEqual({ broken: [], read: 3, pages: 3 });
    expect(check()).toEqual({ broken: [], read: 0, pages: 3 });
    // A corrected page: read again, and its new link is checked.
    put('records/b/index.html', '<a href="/">home</a><a href="/records/c/">c</a>');
    expect(check()).toEqual({ broken: [{ page: '/records/b/', link: '/records/c/' }], read: 1, pages: 3 });
    // A failed check teaches the cache nothing: the page is read until it is fixed.
    expect(check().read).toBe(1);
    put('records/c/index.html', '<a href="/records/b/">b</a>');
    expect(check()).toEqual({ broken: [], read: 2, pages: 4 });
    // Same size, other time (a page written again with the same length): read again.
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(site, 'records/c/index.html'), later, later);
    expect(check().read).toBe(1);
  });

  test('reads every page when a file of the last checked site has gone, so links to it are found', () => {
    expect(check().read).toBe(0);
    rmSync(join(site, 'records/a.json'));
    expect(check()).toEqual({ broken: [{ page: '/records/a/', link: '/records/a.json' }], read: 4, pages: 4 });
    // Back again: the site the last passing check saw, so nothing needs reading.
    put('records/a.json', '{}');
    expect(check()).toEqual({ broken: [], read: 0, pages: 4 });
  });

  test('reads every page when the check itself has changed', () => {
    expect(check('code 2').read).toBe(4);
    expect(check('code 2').read).toBe(0);
  });
});
