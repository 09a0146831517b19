import { expect, test } from '@playwright/test';
import { openSettled, recordPath, startInMode, storedPrefs, templates } from './a11y-support.ts';

test('choices persist across reloads and pages, and 恢复默认 resets them', async ({ page }) => {
  await openSettled(page, recordPath);
  await page.getByRole('button', { name: '长辈版' }).click();
  await page.getByRole('button', { name: '无障碍' }).click();
  await page.getByRole('button', { name: '特大' }).click();
  await page.getByRole('button', { name: '高对比度' }).click();
  await page.reload();
  const html = page.locator('html');
  await expect(html).toHaveClass(/\belder\b/);
  await expect(html).toHaveClass(/\bsize-xlarge\b/);
  await expect(html).toHaveClass(/\bhigh-contrast\b/);
  await expect(page.getByRole('button', { name: '长辈版' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: '特大' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '年份' }).click();
  await expect(page).toHaveURL(/\/years\/$/);
  await expect(html).toHaveClass(/\belder\b.*\bsize-xlarge\b|\bsize-xlarge\b.*\belder\b/);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');

  const reset = page.getByRole('button', { name: '恢复默认' });
  await reset.click();
  await expect(html).not.toHaveClass(/\belder\b|\bsize-|\bhigh-contrast\b/);
  await expect(reset).toBeFocused();
  await expect(page.getByRole('button', { name: '标准' })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(html).not.toHaveClass(/\belder\b|\bsize-|\bhigh-contrast\b/);
});

test('no flash: the saved mode is on <html> before the first paint', async ({ context, page }) => {
  await startInMode(context, { elder: true, contrast: true });
  // Note the classes of <html> when <body> is first inserted, and at the first animation
  // frame, which runs before the first paint.
  await page.addInitScript(() => {
    const seen: Record<string, string> = {};
    Object.assign(window, { __seen: seen });
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      seen.body = document.documentElement.className;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
    requestAnimationFrame(() => (seen.frame = document.documentElement.className));
  });
  await page.goto(templates.home);
  await page.waitForFunction(() => (window as unknown as { __seen: { frame?: string } }).__seen.frame !== undefined);
  const seen = await page.evaluate(() => (window as unknown as { __seen: Record<string, string> }).__seen);
  expect(seen.body).toMatch(/\belder\b/);
  expect(seen.body).toMatch(/\bhigh-contrast\b/);
  expect(seen.frame).toMatch(/\belder\b/);
});

test('the early script is an external blocking script in <head>, and no page has inline scripts', async ({ request }) => {
  for (const path of [templates.home, recordPath, templates['search with results'], templates['404']]) {
    const html = await (await request.get(path)).text();
    const head = html.slice(0, html.indexOf('</head>'));
    const first = head.match(/<script\b[^>]*>/)?.[0] ?? '';
    expect(first, path).toMatch(/src="\/_astro\/early\.[\w-]+\.js"/);
    expect(first, path).not.toMatch(/\b(async|defer|type="module")\b/);
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs) || body.trim());
    expect(inline.map(([tag]) => tag.slice(0, 80)), path).toEqual([]);
    expect(html, path).not.toMatch(/src="data:/);
  }
});

test('a corrupt or foreign stored value falls back to the default view', async ({ context, page }) => {
  await context.addInitScript(() => localStorage.setItem('archive-reading-prefs', '{"classes":["elder","x y"],"prefs":"oops"'));
  await openSettled(page, templates.home);
  await expect(page.locator('html')).toHaveClass('js');
  await expect(page.getByRole('button', { name: '长辈版' })).toHaveAttribute('aria-pressed', 'false');
});

test('without JavaScript the page is readable and shows no dead controls', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(recordPath);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.letter p').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '长辈版' })).toBeHidden();
  await expect(page.getByRole('button', { name: '朗读全文' })).toBeHidden();
  expect(parseFloat(await page.locator('.letter p').first().evaluate((p) => getComputedStyle(p).fontSize))).toBeGreaterThanOrEqual(18);
  await context.close();
});

test('another tab follows a change of mode', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await openSettled(first, templates.home);
  await openSettled(second, recordPath);
  await first.getByRole('button', { name: '长辈版' }).click();
  await expect(second.locator('html')).toHaveClass(/\belder\b/);
  expect(await second.evaluate(() => localStorage.getItem('archive-reading-prefs'))).toBe(storedPrefs({ elder: true }));
});
