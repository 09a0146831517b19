import { expect, test } from '@playwright/test';

// One URL per page template of the site (the e2e archive has synthetic records
// filed under 县招商局, 李明 and 2016).
const templates = {
  home: '/',
  record: '/records/2016-cppcc-9-2-1-t00001/',
  'kind index': '/kinds/',
  'kind list': '/kinds/cppcc-proposal-reply/',
  'year index': '/years/',
  'year list': '/years/2016/',
  'session index': '/sessions/',
  'session list': `/sessions/${encodeURIComponent('测试市政协九届二次会议')}/`,
  'unit index': '/units/',
  'unit list': `/units/${encodeURIComponent('县招商局')}/`,
  'proposer index': '/proposers/',
  'proposer list': `/proposers/${encodeURIComponent('李明')}/`,
  search: '/search/',
};

for (const [name, path] of Object.entries(templates)) {
  test(`the ${name} page renders in Chinese with exactly one h1`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    expect(await page.title()).toContain('浏览器测试档案');
  });
}

test('an unknown address shows the Chinese 404 page with a way back', async ({ page }) => {
  const response = await page.goto('/records/no-such-record/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
  await page.getByRole('link', { name: '返回首页' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('every page has its own title', async ({ page }) => {
  const titles = new Set<string>();
  for (const path of Object.values(templates)) {
    await page.goto(path);
    titles.add(await page.title());
  }
  expect(titles.size).toBe(Object.keys(templates).length);
});
