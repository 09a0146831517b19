import { expect, test } from '@playwright/test';

test('a unit list shows its count and paginates', async ({ page }) => {
  // 27 synthetic records over 5 units: 市商务局 gets records 1, 6, 11, 16, 21 and 26, and the
  // demo archive's seed 004 is its seventh; the page size is 5.
  await page.goto(`/units/${encodeURIComponent('市商务局')}/`);
  await expect(page.locator('.list-count')).toContainText('共 7 条记录');
  const firstTitles = await page.locator('.record-summary__title').allTextContents();
  expect(firstTitles).toHaveLength(5);
  const pager = page.getByRole('navigation', { name: '分页' });
  await pager.getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(/\/2\/$/);
  await expect(page.getByRole('navigation', { name: '分页' }).locator('[aria-current="page"]')).toHaveText('第 2 页');
  const secondTitles = await page.locator('.record-summary__title').allTextContents();
  expect(secondTitles).toHaveLength(2);
  expect(secondTitles.some((t) => firstTitles.includes(t))).toBe(false);
});

test('the year list paginates from page 1 to the last page and back', async ({ page }) => {
  await page.goto('/years/2016/');
  const pager = page.getByRole('navigation', { name: '分页' });
  await expect(pager).toBeVisible();
  const status = await pager.locator('.pagination__status').textContent();
  const last = Number(status?.match(/共 (\d+) 页/)?.[1]);
  expect(last).toBeGreaterThan(1);
  await pager.getByRole('link', { name: `第 ${last} 页` }).click();
  await expect(page).toHaveURL(new RegExp(`/years/2016/${last}/$`));
  await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '上一页' }).click();
  await expect(page).toHaveURL(last - 1 === 1 ? /\/years\/2016\/$/ : new RegExp(`/years/2016/${last - 1}/$`));
});

test('facet index pages list values with counts that link to their lists', async ({ page }) => {
  await page.goto('/units/');
  const link = page.getByRole('link', { name: '县招商局' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('承办单位：县招商局');
});
