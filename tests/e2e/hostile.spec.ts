import { expect, test, type Page } from '@playwright/test';
import { hostileIds, hostilePayloads } from '../support/hostile-archive.ts';

const port = Number(process.env.E2E_PORT ?? 4329) + 1;
const site = `http://127.0.0.1:${port}`;

/** Collects everything that would show that hostile content ran. */
function watch(page: Page) {
  const events: string[] = [];
  page.on('dialog', (dialog) => {
    events.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => events.push(`error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && events.push(`console: ${message.text()}`));
  return events;
}

test('records full of markup and script build, run nothing, and show their text as text', async ({ page }) => {
  const events = watch(page);
  await page.goto(`${site}/records/${hostileIds.markup}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<script>alert("title")</script>关于{alert(1)}的答复');
  const letter = page.locator('.letter');
  await expect(letter).toContainText('金额为{alert(3)}元，{{双括号}}。原文的"直引号"和--连字符保持原样。');
  await expect(letter).toContainText('方向控制字符：');
  // Raw HTML in a record is text to read, kept in full.
  for (const payload of hostilePayloads.filter((p) => p.startsWith('<'))) await expect(letter).toContainText(payload);
  await expect(page.locator('.record-part--proposal')).toContainText('<script>alert("cause")</script>案由');
  // Every payload is gone or inert: no script, no handler, no script URL, no frame.
  const unsafe = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('.record *')) {
      // The site's own bundled scripts come from /_astro/; anything else is injected.
      const own = el.tagName === 'SCRIPT' && (el.getAttribute('src') ?? '').startsWith('/_astro/');
      if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) && !own) found.push(el.tagName);
      for (const attr of el.attributes) {
        if (attr.name.startsWith('on')) found.push(`${el.tagName}[${attr.name}]`);
        if (/^\s*(javascript|data):/i.test(attr.value)) found.push(`${el.tagName}[${attr.name}=${attr.value.slice(0, 20)}]`);
      }
    }
    return found;
  });
  expect(unsafe).toEqual([]);
  await page.mouse.move(200, 400);
  await page.getByText('原文链接').first().click({ trial: true }).catch(() => {});
  expect(events).toEqual([]);
});

test('names with zero-width characters and markup are shown as text in lists', async ({ page }) => {
  const events = watch(page);
  await page.goto(`${site}/proposers/`);
  await expect(page.getByRole('link', { name: '<b onclick=alert(1)>张三</b>' })).toBeVisible();
  await page.getByRole('link', { name: /王.?玲玲/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('玲玲');
  expect(events).toEqual([]);
});

test('a 1 MB record builds and opens', async ({ page }) => {
  const events = watch(page);
  const response = await page.goto(`${site}/records/${hostileIds.huge}/`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('一兆字节的文件');
  expect(events).toEqual([]);
});
