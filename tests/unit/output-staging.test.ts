import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkedSiteFile, saveCheckedSite } from '../../src/lib/link-check-cache.ts';
import { manifestPages, prepareStaging, removeOrphanPages, swapOutput } from '../../src/lib/output-staging.ts';
import { writeRecordJsonState } from '../../src/lib/record-json-state.ts';

// A build's output folder reused as the next build's staging folder must end up holding
// exactly the published pages Astro may keep, and nothing a build would not write again.
const work = mkdtempSync(join(tmpdir(), 'archive-staging-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(dir: string, files: Record<string, string>, time?: Date): void {
  for (const [rel, text] of Object.entries(files)) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    if (time) utimesSync(path, time, time);
  }
}

/** Astro's incremental manifest listing these output files (URL-encoded, as Astro stores them). */
function writeManifest(cache: string, files: string[]): void {
  mkdirSync(cache, { recursive: true });
  const paths = Object.fromEntries(files.map((f) => [`/${f}`, { cacheKey: 'k', outputFile: encodeURI(f) }]));
  writeFileSync(join(cache, 'incremental-build.json'), JSON.stringify({ version: 1, routes: { 'src/pages/x.astro': { dependencyHash: 'd', paths } } }));
}

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (statSync(join(dir, rel)).isFile()) out[rel] = readFileSync(join(dir, rel), 'utf8');
  }
  return out;
}

function setUp(name: string, recordJson?: Record<string, string>) {
  const root = join(work, name);
  const finalDir = join(root, 'dist');
  const staging = `${finalDir}.staging`;
  const cache = join(root, 'cache');
  const trash = `${staging}.trash`;
  // Two earlier builds: the output before last, then the last one.
  const before = new Date(Date.now() - 60_000);
  const last = new Date(Date.now() - 30_000);
  // The output before last, then the last one, published by swapOutput as a build does.
  write(finalDir, { 'records/a/index.html': 'A1', 'records/b/index.html': 'B1', 'units/县财政局/index.html': 'U1', 'records/gone/index.html': 'G', 'records/a.json': '{}', '_astro/old.css': 'x' }, before);
  write(staging, { 'records/a/index.html': 'A1', 'records/b/index.html': 'B2', 'units/县财政局/index.html': 'U1', 'records/a.json': '{"a":1}', '_astro/new.css': 'y', 'pagefind/p.pf_meta': 'm' }, last);
  const published = ['records/a/index.html', 'records/b/index.html', 'units/县财政局/index.html'];
  writeManifest(cache, published);
  // Astro's own copies of the last build's pages, in its cache.
  write(join(cache, 'dist'), { 'records/a/index.html': 'A1', 'records/b/index.html': 'B2', 'units/县财政局/index.html': 'U1' }, last);
  if (recordJson) writeRecordJsonState(cache, { code: 'c', files: recordJson });
  swapOutput({ finalDir, staging, astroCache: cache });
  return { finalDir, staging, cache, trash, published };
}

describe('reusing the previous output as the staging folder', () => {
  test('the published pages are brought up to date, everything else goes, and the pages that match are kept', () => {
    const { finalDir, staging, cache, trash, published } = setUp('sync');
    // Astro wrote a anew in the last build, with the same bytes.
    utimesSync(join(cache, 'dist', 'records/a/index.html'), new Date(), new Date());
    // After the swap the staging folder is the output before last.
    expect(readFileSync(join(staging, 'records/b/index.html'), 'utf8')).toBe('B1');
    expect(manifestPages(cache)).toEqual(new Set(published));

    const plan = prepareStaging({ finalDir, staging, astroCache: cache, trash });
    expect(plan.reused).toBe(true);
    // a: same bytes, another time (Astro had written it anew) → kept; 县财政局 too; b: changed → copied.
    expect(plan).toMatchObject({ kept: 2, copied: 1 });
    expect(tree(staging)).toEqual({ 'records/a/index.html': 'A1', 'records/b/index.html': 'B2', 'units/县财政局/index.html': 'U1' });
    // The unlisted page's folder is gone with it, and the time now matches the published page.
    expect(existsSync(join(staging, 'records/gone'))).toBe(false);
    expect(statSync(join(staging, 'records/a/index.html')).mtimeMs).toBeCloseTo(statSync(join(cache, 'dist', 'records/a/index.html')).mtimeMs, -1);
    // Whole folders the build writes again were moved aside for deleting.
    expect(readdirSync(trash).sort()).toEqual(['_astro']);
    // The published output itself is untouched.
    expect(tree(finalDir)).toMatchObject({ 'records/b/index.html': 'B2', 'pagefind/p.pf_meta': 'm' });

    // Once brought up to date, a second preparation finds every page kept by size and time.
    expect(prepareStaging({ finalDir, staging, astroCache: cache, trash })).toMatchObject({ reused: true, kept: 3, copied: 0 });
  });

  test('both staging folders end with the same time for the same page, whether it was written just before its cached copy or long before', () => {
    const { finalDir, staging, cache, trash } = setUp('times');
    const cached = join(cache, 'dist', 'records/a/index.html');
    // Astro's cached copy, written 0.4 ms after the page in the published output (times in seconds, to the microsecond).
    const written = Math.floor(Date.now() / 1000) - 10 + 0.1234567;
    utimesSync(cached, written + 0.0004, written + 0.0004);
    utimesSync(join(finalDir, 'records/a/index.html'), written, written);
    prepareStaging({ finalDir, staging, astroCache: cache, trash });
    const olderFolder = statSync(join(staging, 'records/a/index.html'), { bigint: true }).mtimeNs;
    // The next build's staging folder is the one just published, whose page is 0.4 ms older than its cached copy.
    swapOutput({ finalDir, staging, astroCache: cache });
    rmSync(trash, { recursive: true, force: true });
    prepareStaging({ finalDir, staging, astroCache: cache, trash });
    expect(statSync(join(staging, 'records/a/index.html'), { bigint: true }).mtimeNs).toBe(olderFolder);
  });

  test('a page edited by hand in the published output is not carried into the next build', () => {
    const { finalDir, staging, cache, trash } = setUp('edited');
    write(finalDir, { 'records/b/index.html': 'B2 + 统计代码' });
    prepareStaging({ finalDir, staging, astroCache: cache, trash });
    expect(readFileSync(join(staging, 'records/b/index.html'), 'utf8')).toBe('B2');
  });

  test('the record JSON files the last build listed are kept and brought up to date like pages', () => {
    const { finalDir, staging, cache, trash } = setUp('json', { a: 'digest-of-a' });
    const plan = prepareStaging({ finalDir, staging, astroCache: cache, trash });
    expect(plan.reused).toBe(true);
    expect(tree(staging)['records/a.json']).toBe('{"a":1}');
  });

  test('a page of the old manifest that the new build neither lists nor wrote is removed, with its empty folder', () => {
    const { finalDir, staging, cache, trash } = setUp('orphans');
    const plan = prepareStaging({ finalDir, staging, astroCache: cache, trash });
    // The new build: b is no longer generated; a is rendered without a cache key (written now, not listed).
    writeManifest(cache, ['units/县财政局/index.html']);
    write(staging, { 'records/a/index.html': 'A3' });
    expect(removeOrphanPages(staging, cache, plan.since)).toBe(1);
    expect(tree(staging)).toEqual({ 'records/a/index.html': 'A3', 'units/县财政局/index.html': 'U1' });
    expect(existsSync(join(staging, 'records/b'))).toBe(false);
  });

  test('when Astro’s manifest is not the one the published output was built with, nothing is reused', () => {
    const { finalDir, staging, cache, trash } = setUp('mismatch');
    // A later build got as far as Astro (which rewrote its manifest) and then failed.
    writeManifest(cache, ['records/a/index.html']);
    const plan = prepareStaging({ finalDir, staging, astroCache: cache, trash });
    expect(plan.reused).toBe(false);
    expect(existsSync(staging)).toBe(false);
  });

  test('another output folder built from the same cache is not taken for this one', () => {
    const { staging, cache, trash } = setUp('other');
    const plan = prepareStaging({ finalDir: join(work, 'other', 'elsewhere'), staging, astroCache: cache, trash });
    expect(plan.reused).toBe(false);
  });

  describe('after a first build into a folder, which leaves no previous output', () => {
    /** A first build: its staging folder, and Astro's copies of its pages and record JSON files in the cache, published. */
    function firstBuild(name: string) {
      const root = join(work, name);
      const finalDir = join(root, 'dist');
      const staging = `${finalDir}.staging`;
      const cache = join(root, 'cache');
      const trash = `${staging}.trash`;
      const files = { 'records/a/index.html': 'A1', 'records/b/index.html': 'B1', 'records/a.json': '{"a":1}' };
      const time = new Date(Date.now() - 60_000);
      write(staging, { ...files, '_astro/site.css': 'css', 'sitemap-0.xml': '<urlset/>' }, time);
      writeManifest(cache, ['records/a/index.html', 'records/b/index.html']);
      writeRecordJsonState(cache, { code: 'c', files: { a: 'digest-of-a' } });
      // Astro (and the record JSON) wrote their copies a little later, at a time with
      // more than milliseconds (utimes from a Date sets whole milliseconds).
      write(join(cache, 'dist'), files);
      for (const rel of Object.keys(files)) utimesSync(join(cache, 'dist', rel), time.getTime() / 1000 + 0.0031234, time.getTime() / 1000 + 0.0031234);
      // The link check passed on the staging folder, reading both pages.
      const keyOf = (path: string) => {
        const stat = statSync(path, { bigint: true });
        return `${stat.size}:${stat.mtimeNs}`;
      };
      const linkCache = checkedSiteFile(cache, staging);
      saveCheckedSite(linkCache, { code: 'k', files: ['/records/a/index.html', '/records/b/index.html'], pages: { '/records/a/index.html': keyOf(join(staging, 'records/a/index.html')), '/records/b/index.html': keyOf(join(staging, 'records/b/index.html')) } });
      swapOutput({ finalDir, staging, astroCache: cache });
      return { finalDir, staging, cache, trash, files, keyOf, linkCache };
    }

    test('Astro’s copies become the next staging folder and are kept as they are, and the link check knows their pages', () => {
      const { finalDir, staging, cache, trash, files, keyOf, linkCache } = firstBuild('first');
      expect(tree(finalDir)).toMatchObject(files);
      // Moved, not copied: the cache keeps no copies now.
      expect(existsSync(join(cache, 'dist'))).toBe(false);
      expect(tree(staging)).toEqual(files);

      const plan = prepareStaging({ finalDir, staging, astroCache: cache, trash });
      expect(plan).toMatchObject({ reused: true, kept: 3, copied: 0 });
      expect(tree(staging)).toEqual(files);
      const checked = JSON.parse(readFileSync(linkCache, 'utf8')) as { pages: Record<string, string> };
      expect(checked.pages).toEqual({ '/records/a/index.html': keyOf(join(staging, 'records/a/index.html')), '/records/b/index.html': keyOf(join(staging, 'records/b/index.html')) });
      // The published output itself is untouched.
      expect(tree(finalDir)).toMatchObject(files);
    });

    test('the next build, from the first build’s output, tells the link check which of its pages it has read, though their times changed', () => {
      const { finalDir, staging, cache, trash, keyOf, linkCache } = firstBuild('relinked');
      prepareStaging({ finalDir, staging, astroCache: cache, trash });
      // The build renders nothing new; its link check passes, having read the pages it
      // was told of (their keys, as the preparation left them), and the swap publishes it.
      const checkedBefore = JSON.parse(readFileSync(linkCache, 'utf8')) as { pages: Record<string, string> };
      swapOutput({ finalDir, staging, astroCache: cache });
      // The published output's page b is then edited by hand: what the check read of it is not carried over.
      write(finalDir, { 'records/b/index.html': 'B1 + 统计代码' });
      prepareStaging({ finalDir, staging, astroCache: cache, trash });
      const checked = JSON.parse(readFileSync(linkCache, 'utf8')) as { pages: Record<string, string> };
      expect(checked.pages['/records/a/index.html']).toBe(keyOf(join(staging, 'records/a/index.html')));
      expect(checked.pages['/records/a/index.html']).not.toBe(checkedBefore.pages['/records/a/index.html']);
      expect(checked.pages['/records/b/index.html']).toBe(checkedBefore.pages['/records/b/index.html']);
    });

    test('they are taken as they are only once: a later preparation compares them with the published files', () => {
      const { finalDir, staging, cache, trash } = firstBuild('once');
      prepareStaging({ finalDir, staging, astroCache: cache, trash });
      // A build that stopped after writing into the staging folder (Astro's manifest unchanged).
      write(staging, { 'records/a/index.html': 'A from a failed build' });
      const plan = prepareStaging({ finalDir, staging, astroCache: cache, trash });
      expect(plan).toMatchObject({ reused: true, copied: 1 });
      expect(readFileSync(join(staging, 'records/a/index.html'), 'utf8')).toBe('A1');
    });

    test('a published page edited by hand, of which Astro keeps no copy any more, is written again rather than carried over', () => {
      const { finalDir, staging, cache, trash } = firstBuild('hand');
      prepareStaging({ finalDir, staging, astroCache: cache, trash });
      // The next build renders nothing new and publishes the staging folder; the first
      // build's output becomes the staging folder.
      swapOutput({ finalDir, staging, astroCache: cache });
      write(finalDir, { 'records/b/index.html': 'B1 + 统计代码' });
      const plan = prepareStaging({ finalDir, staging, astroCache: cache, trash });
      expect(plan.reused).toBe(true);
      // a and its JSON: the published files, as published → kept; b: edited → gone, for Astro to render.
      expect(tree(staging)).toEqual({ 'records/a/index.html': 'A1', 'records/a.json': '{"a":1}' });
    });
  });
});
