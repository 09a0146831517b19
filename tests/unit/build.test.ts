import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse as parseDevalue } from 'devalue';
import { afterAll, describe, expect, test } from 'vitest';
import { writeSyntheticArchive } from '../support/synthetic-archive.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'archive-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(archive: string, dist: string, cwd = root, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [resolve(root, 'scripts/build.ts')], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ARCHIVE_CONTENT_DIR: archive, ARCHIVE_DIST_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, stdout: result.stdout };
}

function leftovers(dist: string): string[] {
  const parent = resolve(dist, '..');
  return readdirSync(parent).filter((name) => name.startsWith(`${dist.split('/').pop()}.staging`));
}

describe('building an archive', () => {
  test('ARCHIVE_CONTENT_DIR builds a different archive, also given as a relative path', () => {
    const archive = join(work, 'other');
    writeSyntheticArchive(archive, 3, { name: '另一个测试档案' });
    const dist = join(work, 'other-dist');
    const cache = join(work, 'other-cache');
    const result = build(relative(root, archive), dist, root, { ARCHIVE_CACHE_DIR: cache });
    expect(result.status, result.output).toBe(0);
    // Astro's store keeps each record's data once: of the frontmatter copy Astro puts beside
    // the rendered HTML, only what our remark plugins add (the contents list) is kept, and
    // the HTML itself is a file of its own in the cache, named by the record's digest.
    const store = parseDevalue(readFileSync(join(cache, 'data-store.json'), 'utf8')) as Map<string, Map<string, { id: string; digest: string; rendered?: { html: string; metadata?: { frontmatter?: object; headings?: unknown } } }>>;
    const stored = [...store.get('records')!.values()].filter((entry) => entry.rendered);
    expect(stored.length).toBeGreaterThan(0);
    for (const entry of stored) {
      expect(entry.rendered!.html).toBe('');
      expect(entry.rendered!.metadata?.headings).toBeUndefined();
      expect(Object.keys(entry.rendered!.metadata?.frontmatter ?? {})).toEqual(['toc']);
      const html = readFileSync(join(cache, 'record-html', `${entry.digest}.html`), 'utf8');
      expect(html.length, entry.id).toBeGreaterThan(0);
      // The page carries that HTML.
      expect(readFileSync(join(dist, 'records', entry.id, 'index.html'), 'utf8'), entry.id).toContain(html);
    }
    // One file per record Astro rendered, none left over.
    expect(readdirSync(join(cache, 'record-html')).sort()).toEqual(stored.map((entry) => `${entry.digest}.html`).sort());
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(home).toContain('另一个测试档案');
    const pages = readdirSync(join(dist, 'records'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(pages.sort()).toEqual(['2014-doc-t00000', '2014-doc-t00mdx', '2016-cppcc-9-2-1-t00001', '2017-cppcc-9-3-2-t00002', '2018-cppcc-9-1-3-t00003']);
    // Every record's open data beside its page: frontmatter as validated, the text as written.
    const open = JSON.parse(readFileSync(join(dist, 'records/2016-cppcc-9-2-1-t00001.json'), 'utf8'));
    expect(open.record.id).toBe('2016-cppcc-9-2-1-t00001');
    expect(open.url).toBe('https://test.example.org/records/2016-cppcc-9-2-1-t00001/');
    expect(open.body).toMatch(/^张华委员：\n\n[^]*测试记录编号1号。$/);
    expect(readdirSync(join(dist, 'records')).filter((name) => name.endsWith('.json'))).toHaveLength(5);
    // The whole archive's JSON carries the same text (Astro's store keeps no raw Markdown: it is read from the files).
    const all = JSON.parse(readFileSync(join(dist, 'data/records.json'), 'utf8')) as { records: { record: { id: string }; body: string }[] };
    expect(all.records).toHaveLength(5);
    expect(all.records.find((r) => r.record.id === '2016-cppcc-9-2-1-t00001')?.body).toBe(open.body);
    for (const r of all.records) expect(r.body.length, r.record.id).toBeGreaterThan(10);
    // The search index covers this archive's records, in the indexes listed by the manifest.
    const manifest = JSON.parse(readFileSync(join(dist, 'search-data/manifest.json'), 'utf8')) as { records: number; indexes: { path: string; count: number }[] };
    expect(manifest.records).toBe(5);
    expect(manifest.indexes).toEqual([{ path: '/pagefind/all/', count: 5 }]);
    expect(existsSync(join(dist, manifest.indexes[0]!.path, 'pagefind-entry.json'))).toBe(true);
  });

  test('ARCHIVE_BUILD_ONE_AT_A_TIME=1 builds the pages, then the search index: the same site in less memory', () => {
    const archive = join(work, 'one-at-a-time');
    writeSyntheticArchive(archive, 3);
    const dist = join(work, 'one-at-a-time-dist');
    const result = build(archive, dist, root, { ARCHIVE_BUILD_ONE_AT_A_TIME: '1', ARCHIVE_CACHE_DIR: join(work, 'one-at-a-time-cache') });
    expect(result.status, result.output).toBe(0);
    // Astro's last words come before the index step's outcome on standard output; side by
    // side, the index of so small an archive is done seconds before the pages.
    const pagesDone = result.stdout.indexOf('page(s) built in');
    const indexDone = result.stdout.indexOf('"shards":');
    expect(pagesDone, result.output).toBeGreaterThan(0);
    expect(indexDone, result.output).toBeGreaterThan(pagesDone);
    expect(readdirSync(join(dist, 'records')).filter((name) => name.endsWith('.json'))).toHaveLength(5);
    const manifest = JSON.parse(readFileSync(join(dist, 'search-data/manifest.json'), 'utf8')) as { records: number; indexes: { path: string; count: number }[] };
    expect(manifest.records).toBe(5);
    expect(manifest.indexes).toEqual([{ path: '/pagefind/all/', count: 5 }]);
    expect(existsSync(join(dist, manifest.indexes[0]!.path, 'pagefind-entry.json'))).toBe(true);
  });

  test('a second build into the same output is refused while the first runs; a dead build’s lock is taken over', () => {
    const archive = join(work, 'locked');
    writeSyntheticArchive(archive, 2);
    const dist = join(work, 'locked-dist');
    // This test runner is alive: its pid in the lock stands for a running build.
    writeFileSync(`${dist}.lock`, String(process.pid));
    const refused = build(archive, dist);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain(`Another build (process ${process.pid}) is writing ${dist}`);
    expect(readFileSync(`${dist}.lock`, 'utf8')).toBe(String(process.pid));
    // A lock left by a build that no longer runs (an exited child's pid) does not block.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(`${dist}.lock`, String(gone));
    const result = build(archive, dist);
    expect(result.status, result.output).toBe(0);
    expect(existsSync(`${dist}.lock`)).toBe(false);
  });

  test('a bad record stops the build with its located message and leaves no dist', () => {
    const archive = join(work, 'bad');
    writeSyntheticArchive(archive, 2);
    mkdirSync(join(archive, 'records/2020'), { recursive: true });
    writeFileSync(
      join(archive, 'records/2020/2020-doc-bad001.md'),
      "---\nid: 2020-doc-bad001\nkind: document\ntitle: 某文件\npublication: { publishedDate: '2020-02-30' }\n---\n正文\n",
    );
    const dist = join(work, 'bad-dist');
    const result = build(archive, dist);
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      `${relative(root, join(archive, 'records/2020/2020-doc-bad001.md'))}:5: field "publication.publishedDate" (发布日期) is "2020-02-30"; expected a date written YYYY-MM-DD.`,
    );
    expect(result.output).toContain('nothing was built');
    expect(existsSync(dist)).toBe(false);
    expect(leftovers(dist)).toEqual([]);
  });

  /**
   * Builds a two-record archive named `name`, then builds it again after `breakIt` (with
   * `env`), which must fail: returns the failed build's output, having checked that the
   * published site is the first build's, file for file where it matters, with no staging
   * folder left.
   */
  function failedRebuild(name: string, breakIt: (archive: string) => void, env: NodeJS.ProcessEnv = {}): string {
    const archive = join(work, name);
    writeSyntheticArchive(archive, 2);
    const dist = join(work, `${name}-dist`);
    expect(build(archive, dist).status).toBe(0);
    const kept = ['index.html', 'search-data/manifest.json'].map((file) => [file, readFileSync(join(dist, file), 'utf8')] as const);
    breakIt(archive);
    const result = build(archive, dist, root, env);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('the previous');
    for (const [file, before] of kept) expect(readFileSync(join(dist, file), 'utf8'), file).toBe(before);
    expect(leftovers(dist)).toEqual([]);
    return result.output;
  }

  test('a failure inside Astro (an MDX record that does not compile) leaves the previous site untouched', () => {
    failedRebuild('mdx', (archive) => {
      mkdirSync(join(archive, 'records/2021'), { recursive: true });
      writeFileSync(join(archive, 'records/2021/2021-doc-mdx001.mdx'), '---\nid: 2021-doc-mdx001\nkind: document\ntitle: 坏的MDX\n---\n<div>{\n');
    });
    expect(existsSync(join(work, 'mdx-dist', 'records/2021-doc-mdx001'))).toBe(false);
  });

  test('Astro running out of its heap fails the build with how to give it more, and leaves the previous site untouched', () => {
    const output = failedRebuild('heap', () => {}, { NODE_OPTIONS: '--max-old-space-size=48' });
    expect(output).toContain('heap limit');
    expect(output).toContain('Astro ran out of its 48 MB heap: build again with a larger one, e.g. NODE_OPTIONS=--max-old-space-size=96 npm run build.');
  });

  test('a failure of the search index (built beside the pages) leaves the previous site untouched', () => {
    const output = failedRebuild('index-fails', () => {}, { ARCHIVE_SEARCH_SHARD_SIZE: 'many' });
    expect(output).toContain('ARCHIVE_SEARCH_SHARD_SIZE is "many"');
    expect(output).toContain('The search index failed');
  });

  test('a record that links to a record the archive does not hold fails the build, naming page and link', () => {
    const archive = join(work, 'dangling');
    writeSyntheticArchive(archive, 2);
    mkdirSync(join(archive, 'records/2019'), { recursive: true });
    writeFileSync(join(archive, 'records/2019/2019-doc-link01.md'), '---\nid: 2019-doc-link01\nkind: document\ntitle: 含失效链接的文件\n---\n参见[另一份答复](/records/2099-cppcc-1-1-1-none00/)。\n');
    const dist = join(work, 'dangling-dist');
    const result = build(archive, dist);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('/records/2019-doc-link01/ → /records/2099-cppcc-1-1-1-none00/');
    expect(existsSync(dist)).toBe(false);
  });

  test('an MDX record that tries to run code fails the build with the reason and line', () => {
    const archive = join(work, 'mdx-code');
    writeSyntheticArchive(archive, 1);
    writeFileSync(join(archive, 'records/2014/2014-doc-code01.mdx'), '---\nid: 2014-doc-code01\nkind: document\ntitle: 试图执行代码的记录\n---\n正文\n\nexport const x = 1\n\n金额{1+1}元\n');
    const dist = join(work, 'mdx-code-dist');
    const result = build(archive, dist);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('import/export is not allowed in records');
    expect(result.output).toContain('{…} expressions are not allowed in records');
    expect(existsSync(dist)).toBe(false);
  });

  test('invalid archive settings stop the build with a located message', () => {
    const archive = join(work, 'badconfig');
    writeSyntheticArchive(archive, 1);
    const config = readFileSync(join(archive, 'archive.yaml'), 'utf8').replace('baseUrl: https://test.example.org/', 'baseUrl: test.example.org');
    writeFileSync(join(archive, 'archive.yaml'), config);
    const dist = join(work, 'badconfig-dist');
    const result = build(archive, dist);
    expect(result.status).toBe(1);
    expect(result.output).toContain(`${relative(root, join(archive, 'archive.yaml'))}:5: field "baseUrl" (site address) is "test.example.org"; expected an http(s) address.`);
    expect(existsSync(dist)).toBe(false);
  });
});
