import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

function build(archive: string, dist: string, cache: string) {
  const result = spawnSync(process.execPath, [resolve(root, 'scripts/build.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ARCHIVE_CONTENT_DIR: archive, ARCHIVE_DIST_DIR: dist, ARCHIVE_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status, output).toBe(0);
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

const recordFile = (archive: string, n: number) => {
  const year = 2015 + (n % 4);
  return join(archive, 'records', String(year), `${year}-cppcc-9-${(n % 3) + 1}-${n}-t${String(n).padStart(5, '0')}.md`);
};

describe('rebuilding after a change', () => {
  test('changing one record rebuilds only what shows it, and the site equals a cold build', () => {
    const archive = join(work, 'edit');
    writeSyntheticArchive(archive, 12);
    const dist = join(work, 'edit-dist');
    const cache = join(work, 'edit-cache');
    build(archive, dist, cache);

    const file = recordFile(archive, 6);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: 关于河道清淤的更正答复').replace(/\n$/, '\n\n更正：河道清淤工程已于本月完工。\n'));
    const output = build(archive, dist, cache);
    // The rebuild did reuse: unchanged pages were copied, the index kept unchanged records' text.
    expect(output).toMatch(/\((cached|restored)\)/);
    expect(output).toMatch(/unchanged records' text reused|records unchanged, reused/);

    const page = readFileSync(join(dist, 'records', file.split('/').pop()!.replace(/\.md$/, ''), 'index.html'), 'utf8');
    expect(page).toContain('河道清淤工程已于本月完工');
    const coldDist = join(work, 'edit-cold');
    build(archive, coldDist, join(work, 'edit-cold-cache'));
    const incremental = site(dist);
    const cold = site(coldDist);
    expect([...incremental.keys()]).toEqual([...cold.keys()]);
    const differing = [...cold.keys()].filter((path) => incremental.get(path) !== cold.get(path));
    expect(differing).toEqual([]);
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
