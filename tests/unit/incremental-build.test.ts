import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { syntheticDocument, writeSyntheticArchive } from '../support/synthetic-archive.ts';

// Rebuilds reuse what the last build of the same archive made (Astro's unchanged pages,
// the search shards and records' prepared search text); a rebuild must still give
// exactly the site a cold build gives.
const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'archive-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(archive: string, dist: string, cache: string, expectStatus: 0 | 1 = 0) {
  const result = spawnSync(process.execPath, [resolve(root, 'scripts/build.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ARCHIVE_CONTENT_DIR: archive, ARCHIVE_DIST_DIR: dist, ARCHIVE_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status, output).toBe(expectStatus);
  return output;
}

/** Every file of a built site, by path, with its bytes (search documents unzipped). */
function site(dist: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const rel of readdirSync(dist, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = join(dist, rel);
    try {
      const bytes = readFileSync(full);
      files.set(rel, (rel.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('base64'));
    } catch {
      // A folder.
    }
  }
  return files;
}

/** The incremental build's output holds exactly the cold build's files, byte for byte (but those `except` names). */
function expectSameSite(dist: string, coldDist: string, except: (path: string) => boolean = () => false): void {
  const incremental = new Map([...site(dist)].filter(([path]) => !except(path)));
  const cold = new Map([...site(coldDist)].filter(([path]) => !except(path)));
  expect([...incremental.keys()]).toEqual([...cold.keys()]);
  const differing = [...cold.keys()].filter((path) => incremental.get(path) !== cold.get(path));
  expect(differing).toEqual([]);
}

const recordFile = (archive: string, n: number) => {
  const year = 2015 + (n % 4);
  return join(archive, 'records', String(year), `${year}-cppcc-9-${(n % 3) + 1}-${n}-t${String(n).padStart(5, '0')}.md`);
};

describe('rebuilding after a change', () => {
  test('changing one record rebuilds only what shows it, and the site equals a cold build', () => {
    const archive = join(work, 'edit');
    writeSyntheticArchive(archive, 12);
    // A whole-second modification time, which the third rebuild gives back to this file
    // after changing it (Node cannot set the nanoseconds a file system keeps).
    const oldTime = new Date('2024-03-01T08:00:00Z');
    utimesSync(recordFile(archive, 5), oldTime, oldTime);
    const dist = join(work, 'edit-dist');
    const cache = join(work, 'edit-cache');
    build(archive, dist, cache);
    const mergedChunks = (d: string) => [...site(d)].filter(([path]) => path.startsWith('pagefind/all/index/'));
    const chunksBefore = mergedChunks(dist);
    expect(chunksBefore.length).toBeGreaterThan(0);

    const file = recordFile(archive, 6);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: 关于河道清淤的更正答复').replace(/\n$/, '\n\n更正：河道清淤工程已于本月完工。\n'));
    const output = build(archive, dist, cache);
    // The rebuild did reuse: the first build's output has no earlier one to follow, so
    // Astro's copies of its pages and record JSON files became the staging folder, kept
    // as they are (src/lib/output-staging.ts), and the link check read only the pages
    // written again; the shard's index was kept with the changed record in a patch index beside it.
    expect(output).toMatch(/reusing the previous output: [1-9]\d* unchanged files kept, 0 brought up to date/);
    expect(output).toMatch(/\(cached\)/);
    expect(output).not.toMatch(/\(restored\)/);
    expect(output).toMatch(/record JSON files: 1 written, [1-9]\d* unchanged kept/);
    const [, firstRead, firstPages] = output.match(/every internal link and asset exists \((\d+) of (\d+) pages read/) ?? [];
    expect(Number(firstRead)).toBeLessThan(Number(firstPages));
    expect(output).toMatch(/1 changed since its index was built, patched/);

    const page = readFileSync(join(dist, 'records', file.split('/').pop()!.replace(/\.md$/, ''), 'index.html'), 'utf8');
    expect(page).toContain('河道清淤工程已于本月完工');
    const coldDist = join(work, 'edit-cold');
    build(archive, coldDist, join(work, 'edit-cold-cache'));
    // Every file but the search index's own (the patch; tests/e2e/search.spec.ts searches
    // a patched site) is the cold build's, the result-card documents included.
    // The merged index's chunks are the shard's own, which the patch left alone: taken from
    // the cache, the same as before the change. Its meta differs (the stale page's id).
    expect(output).toMatch(/merged, their chunks reused,/);
    expect(mergedChunks(dist)).toEqual(chunksBefore);
    const patched = (path: string) => path.startsWith('pagefind/') || path === 'search-data/manifest.json';
    expectSameSite(dist, coldDist, patched);
    const manifest = JSON.parse(readFileSync(join(dist, 'search-data/manifest.json'), 'utf8')) as { shards: { path: string; patch?: { path: string; pages: number[] } }[]; indexes: { path: string; count: number }[] };
    const changedId = file.split('/').pop()!.replace(/\.md$/, '');
    const coldManifest = JSON.parse(readFileSync(join(coldDist, 'search-data/manifest.json'), 'utf8'));
    // The same shards and merged index; the patch is listed in its shard and as one more index.
    expect({ ...manifest, shards: manifest.shards.map(({ patch: _, ...shard }) => shard), indexes: manifest.indexes.filter((index) => !index.path.endsWith('-patch/')) }).toEqual(coldManifest);
    expect(manifest.indexes.at(-1)).toEqual({ path: manifest.shards[0]!.patch!.path, count: 1 });
    const patch = manifest.shards[0]!.patch!;
    expect(patch.pages).toHaveLength(1);
    const doc = JSON.parse(gunzipSync(readFileSync(join(dist, 'search-data/doc', `${patch.pages[0]}.json.gz`))).toString()) as { id: string };
    expect(doc.id).toBe(changedId);
    expect(existsSync(join(dist, patch.path, 'pagefind-entry.json'))).toBe(true);

    // A second rebuild starts from the output before last, kept as its staging folder:
    // the page changed by the first rebuild must be brought up to date, a deleted
    // record's pages (and a list page that only it filled) must go.
    const second = recordFile(archive, 2);
    writeFileSync(second, readFileSync(second, 'utf8').replace(/\n$/, '\n\n补充说明：第二次更正。\n'));
    const deleted = recordFile(archive, 9);
    rmSync(deleted);
    const again = build(archive, dist, cache);
    expect(again).toMatch(/reusing the previous output: [1-9]\d* unchanged files kept/);
    expect(again).toMatch(/[1-9]\d* page\(s\) the site no longer has removed/);
    // Only the corrected record's open-data file is written again.
    expect(again).toMatch(/record JSON files: 1 written, [1-9]\d* unchanged kept/);
    // The site lost pages: its sitemap is made again (the first rebuild kept it).
    expect(output).toMatch(/sitemap file\(s\) kept/);
    expect(again).not.toMatch(/sitemap file\(s\) kept/);
    // One record fewer: the shard is indexed again, and its patch is gone.
    expect(again).not.toMatch(/patched/);
    const coldAgain = join(work, 'edit-cold-again');
    build(archive, coldAgain, join(work, 'edit-cold-again-cache'));
    expectSameSite(dist, coldAgain);
    expect(readFileSync(join(dist, 'records', second.split('/').pop()!.replace(/\.md$/, ''), 'index.html'), 'utf8')).toContain('第二次更正');
    expect(readFileSync(join(dist, 'records', file.split('/').pop()!.replace(/\.md$/, ''), 'index.html'), 'utf8')).toContain('河道清淤工程已于本月完工');

    // A third rebuild, with no file of the site gone, reads the links of only the pages
    // it wrote (in a 12-record archive one record shows on most lists: about half of
    // them); a fourth still fails on a broken link that one of them gained.
    const third = recordFile(archive, 4);
    const thirdPage = `/records/${third.split('/').pop()!.replace(/\.md$/, '')}/`;
    writeFileSync(third, readFileSync(third, 'utf8').replace(/\n$/, '\n\n附件：办理方案。\n'));
    // A correction of the same length whose file gets its old modification time back is
    // seen too: unchanged files are not read (src/lib/file-stamp.ts), but a file's stamp
    // holds its change time, which no tool sets back.
    const sameSize = recordFile(archive, 5);
    const sizeBefore = statSync(sameSize).size;
    writeFileSync(sameSize, readFileSync(sameSize, 'utf8').replace('测试记录编号5号', '更正记录编号5号'));
    utimesSync(sameSize, oldTime, oldTime);
    expect(statSync(sameSize, { bigint: true }).mtimeNs).toBe(BigInt(oldTime.getTime()) * 1_000_000n);
    expect(statSync(sameSize).size).toBe(sizeBefore);
    const thirdOutput = build(archive, dist, cache);
    expect(thirdOutput).toMatch(/\d+ record files: 2 read, \d+ unchanged since the last build not read/);
    const [, read, pages] = thirdOutput.match(/every internal link and asset exists \((\d+) of (\d+) pages read/) ?? [];
    expect(Number(read)).toBeGreaterThan(0);
    expect(Number(read)).toBeLessThan(Number(pages));
    expect(readFileSync(join(dist, thirdPage, 'index.html'), 'utf8')).toContain('附件：办理方案。');
    const sameSizeId = sameSize.split('/').pop()!.replace(/\.md$/, '');
    expect(readFileSync(join(dist, 'records', sameSizeId, 'index.html'), 'utf8')).toContain('更正记录编号5号');
    expect(readFileSync(join(dist, 'records', `${sameSizeId}.json`), 'utf8')).toContain('更正记录编号5号');
    // And the whole site is still the one a cold build makes of the archive.
    const coldThird = join(work, 'edit-cold-third');
    build(archive, coldThird, join(work, 'edit-cold-third-cache'));
    expectSameSite(dist, coldThird, (path) => path.startsWith('pagefind/') || path === 'search-data/manifest.json');
    writeFileSync(third, readFileSync(third, 'utf8').replace('附件：办理方案。', '附件：[办理方案](/files/missing-plan.pdf)'));
    expect(build(archive, dist, cache, 1)).toContain(`${thirdPage} → /files/missing-plan.pdf`);
  });

  test('adding a document that records cite turns their citations into links, though their files did not change', () => {
    const archive = join(work, 'cite');
    writeSyntheticArchive(archive, 5);
    const documentFile = join(archive, 'records', '2014', `${syntheticDocument.id}.md`);
    const saved = join(work, 'document.md');
    cpSync(documentFile, saved);
    rmSync(documentFile);
    const dist = join(work, 'cite-dist');
    const cache = join(work, 'cite-cache');
    build(archive, dist, cache);
    const citing = join(dist, 'records', recordFile(archive, 3).split('/').pop()!.replace(/\.md$/, ''), 'index.html');
    expect(readFileSync(citing, 'utf8')).not.toContain(`href="/records/${syntheticDocument.id}/"`);

    cpSync(saved, documentFile);
    build(archive, dist, cache);
    expect(readFileSync(citing, 'utf8')).toContain(`href="/records/${syntheticDocument.id}/"`);
  });
});
