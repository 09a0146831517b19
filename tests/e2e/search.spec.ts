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
