import { expect, test } from '@playwright/test';

test('searching a word finds the records that contain it and announces the count', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/search/');
  await page.getByLabel('检索词').fill('河长制');
  await page.getByRole('button', { name: '检索' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('找到');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  // Synthetic records i with i % 5 in {1, 4} mention 河长制 (sentences 1 and 4 of 5 rotate in).
  const results = page.locator('#search-results > li');
  await expect(results.first()).toBeVisible();
  await expect(page).toHaveURL(/\?q=%E6%B2%B3%E9%95%BF%E5%88%B6/);
  await results.first().getByRole('link').click();
  await expect(page.locator('.letter')).toContainText('河长制');
  expect(errors).toEqual([]);
});

test('a search link with q in the URL runs the search on load', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('测试记录编号7号')}`);
  await expect(page.getByLabel('检索词')).toHaveValue('测试记录编号7号');
  await expect(page.locator('#search-results a').first()).toContainText('第7号提案');
});

test('a search with no match says so and suggests what to try', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('鳄鱼')}`);
  await expect(page.getByRole('status')).toContainText('没有找到');
  await expect(page.locator('#search-results > li')).toHaveCount(0);
});

test('a record corrected after its shard was indexed is found by its new text, once, and no longer by its old text', async ({ page, request }) => {
  // tests/e2e/prepare-site.ts built the site, corrected record 20, and built it again:
  // its shard kept its index and the corrected record went into a patch index.
  const manifest = (await (await request.get('/search-data/manifest.json')).json()) as { shards: { patch?: { pages: number[] } }[] };
  expect(manifest.shards.some((shard) => (shard.patch?.pages.length ?? 0) > 0)).toBe(true);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const results = page.locator('#search-results > li');

  // In the old text and the new: the stale page and the patch's page are one record.
  await page.goto(`/search/?q=${encodeURIComponent('湖滨栈道')}`);
  await expect(page.getByRole('status')).toContainText('找到');
  await expect(results).toHaveCount(1);
  await expect(results.first().getByRole('link')).toHaveAttribute('href', /\/records\/2015-cppcc-9-3-20-t00020\//);

  await page.goto(`/search/?q=${encodeURIComponent('已经完工')}`);
  await expect(results).toHaveCount(1);
  await expect(results.first().getByRole('link')).toHaveAttribute('href', /\/records\/2015-cppcc-9-3-20-t00020\//);

  // Only in the old text.
  await page.goto(`/search/?q=${encodeURIComponent('改造暂缓')}`);
  await expect(page.getByRole('status')).toContainText('没有找到');
  await expect(results).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("Pagefind and the archive's own reader find every word of the rewritten indexes on the same pages, first at the same location", async ({ browser, request, baseURL }) => {
  // src/search/pagefind-bundle.ts re-packs Pagefind's index chunks, renames its pages and
  // merges the shards into one index; Pagefind's own code must still look every word up
  // in the right chunk, the first and last of each chunk too (the chunk table holds
  // shortened bounds), and find it on the right pages. The archive's
  // look-ups read the same files with src/search/pagefind-index.ts: for every word it
  // must give the pages Pagefind's own decoder gives, and on each the same first location
  // (what a look-up uses; Pagefind's exact search of one word reports only that one, and
  // tests/unit/pagefind-index.test.ts checks every location against known text).
  const { gunzipSync } = await import('node:zlib');
  const { decodeCbor, withoutSignature } = await import('../../src/search/cbor.ts');
  const { pageOrdinal } = await import('../../src/search/page-ids.ts');
  const { PagefindIndex } = await import('../../src/search/pagefind-index.ts');
  const bytes = async (path: string) => new Uint8Array(gunzipSync(await (await request.get(path)).body()));
  const read = async (path: string) => decodeCbor(withoutSignature(await bytes(path))) as unknown[];
  const manifest = (await (await request.get('/search-data/manifest.json')).json()) as { records: number; indexes: { path: string }[] };
  const paths = manifest.indexes.map((index) => index.path);
  // The merged index of the shards and, on this patched site, a patch index.
  expect(paths.length).toBeGreaterThan(1);
  // The site's policy allows no WebAssembly (the site runs none); Pagefind's own code needs it.
  const context = await browser.newContext({ baseURL, bypassCSP: true });
  const page = await context.newPage();
  let words = 0;
  for (const path of paths) {
    await page.goto('/search/');
    const entry = (await (await request.get(`${path}pagefind-entry.json`)).json()) as { languages: Record<string, { hash: string }> };
    const meta = await read(`${path}pagefind.${Object.values(entry.languages)[0]!.hash}.pf_meta`);
    const ids = (meta[1] as [string][]).map((p) => p[0]);
    for (const id of ids) expect(pageOrdinal(id) ?? 0).toBeLessThan(manifest.records);
    const expected: [string, number][] = [];
    for (const [, , hash] of meta[2] as [string, string, string][]) {
      for (const word of (await read(`${path}index/${hash}.pf_index`))[0] as [string, unknown[]][]) expected.push([word[0], word[1].length]);
    }
    words += expected.length;
    // Each word's pages and its first location there, as Pagefind's exact search of the word alone returns them.
    const found = await page.evaluate(
      async ({ path, words }) => {
        const pf = (await import(/* @vite-ignore */ `${path}pagefind.js`)) as { init: () => Promise<void>; search: (q: string) => Promise<{ results: { id: string; words: number[] }[] } | null> };
        await pf.init();
        const out: [string, number[]][][] = [];
        for (const word of words) out.push(((await pf.search(`"${word}"`))?.results ?? []).map((r) => [r.id, [Math.min(...r.words)]] as [string, number[]]).sort());
        return out;
      },
      { path, words: expected.map(([word]) => word) },
    );
    expect(found.map((pages) => pages.length)).toEqual(expected.map(([, pages]) => pages));
    const own = await PagefindIndex.open(path, bytes, async (url) => (await request.get(url)).json());
    const ownFound: [string, number[]][][] = [];
    for (const [word] of expected) {
      const p = (await own.postings(word))!;
      ownFound.push(Array.from(p.pages, (n, i) => [ids[n]!, [p.locations[p.starts[i]!]!]] as [string, number[]]).sort());
    }
    expect(ownFound).toEqual(found);
  }
  await context.close();
  expect(words).toBeGreaterThan(1000);
});
