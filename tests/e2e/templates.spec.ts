import { expect, test } from '@playwright/test';
import { templates as allTemplates } from './a11y-support.ts';

// Every page template that answers 200, one URL each (the 404 page has its own test; the
// search page is the same template with and without results).
const templates = Object.fromEntries(Object.entries(allTemplates).filter(([name]) => name !== '404' && name !== 'search with no results'));

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
