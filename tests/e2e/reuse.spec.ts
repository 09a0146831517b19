import { expect, test } from '@playwright/test';

const record = '2018-cppcc-9-2-7-t00007';

test('each record has its data as JSON beside its page', async ({ request }) => {
  const response = await request.get(`/records/${record}.json`);
  expect(response.ok()).toBe(true);
  const data = await response.json();
  expect(data.url).toMatch(new RegExp(`/records/${record}/$`));
  expect(data.record).toMatchObject({ id: record, kind: 'cppcc-proposal-reply', handlingUnit: expect.any(String), proposers: [{ name: expect.any(String) }] });
  expect(data.body).toContain('测试记录编号7号');
});

test('the whole archive downloads as JSON with every record', async ({ request }) => {
  const data = await (await request.get('/data/records.json')).json();
  expect(data.count).toBe(data.records.length);
  expect(data.records.length).toBeGreaterThanOrEqual(28);
  for (const item of data.records) expect(item.record.id && item.record.title && item.url).toBeTruthy();
});

test('the CSV starts with a BOM and has the documented columns, one row per record', async ({ request, page }) => {
  const bytes = await (await request.get('/data/records.csv')).body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const [header, ...rows] = text.trimEnd().split('\r\n');
  const columns = header!.split(',');
  expect(columns.slice(0, 5)).toEqual(['id', 'kind', 'kindLabel', 'title', 'url']);
  const json = await (await request.get('/data/records.json')).json();
  expect(rows).toHaveLength(json.count);
  await page.goto('/data/');
  for (const column of columns) await expect(page.locator('table code', { hasText: new RegExp(`^${column}$`) })).toHaveCount(1);
});

test('feeds are valid Atom, linked from the pages they follow', async ({ page, request }) => {
  await page.goto(`/units/${encodeURIComponent('市商务局')}/`);
  const href = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
  expect(href).toBe(`/feeds/units/${encodeURIComponent('市商务局')}.xml`);
  for (const feed of ['/feeds/all.xml', href!]) {
    const xml = await (await request.get(feed)).text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return null;
      return {
        root: doc.documentElement.localName,
        title: doc.querySelector('feed > title')?.textContent,
        entries: [...doc.querySelectorAll('entry')].map((e) => ({ id: e.querySelector('id')?.textContent, title: e.querySelector('title')?.textContent, updated: e.querySelector('updated')?.textContent })),
      };
    }, xml);
    expect(parsed?.root).toBe('feed');
    expect(parsed?.title).toBeTruthy();
    expect(parsed!.entries.length).toBeGreaterThan(0);
    for (const entry of parsed!.entries) expect(entry.id && entry.title && entry.updated).toBeTruthy();
  }
});

test('sitemap and robots.txt are published', async ({ request }) => {
  expect(await (await request.get('/robots.txt')).text()).toContain('Sitemap: https://test.example.org/sitemap-index.xml');
  expect(await (await request.get('/sitemap-0.xml')).text()).toContain(`/records/${record}/`);
});

test('复制引用 copies a GB/T 7714 reference with today’s date', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/records/${record}/`);
  await page.getByRole('button', { name: '复制引用' }).click();
  await expect(page.locator('.cite__status')).toHaveText('已复制引用文字。');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  expect(copied).toBe(`区发展和改革委员会. 关于测试市政协九届2次会议第7号提案的答复[EB/OL]. (2018-08-17)[${today}]. https://test.example.org/records/${record}/.`);
});
