import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

// A record page must reach a reader on a slow phone connection: at most 30 KB of HTML and
// CSS as transferred (gzip), and all of it readable before, or without, any JavaScript.
const BUDGET = 30 * 1024;
const dist = join(process.env.E2E_DIR ?? '.tmp/e2e', 'dist');

/** The record pages of the test archive with the largest HTML: the worst cases. */
function largestRecordPages(count: number): string[] {
  const records = join(dist, 'records');
  return readdirSync(records, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ path: `/records/${entry.name}/`, size: statSync(join(records, entry.name, 'index.html')).size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, count)
    .map((page) => page.path);
}

for (const path of largestRecordPages(3)) {
  test(`record page ${path} transfers at most 30 KB of HTML and CSS and reads without JavaScript`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const measured: Promise<{ url: string; gzip: number }>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'document' || type === 'stylesheet') measured.push(response.body().then((body) => ({ url: response.url(), gzip: gzipSync(body).length })));
    });
    await page.goto(path, { waitUntil: 'load' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.letter p, .prose p').first()).toBeVisible();
    const sizes = await Promise.all(measured);
    expect(sizes.some((s) => s.url.endsWith('.css'))).toBe(true);
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    expect(total, sizes.map((s) => `${s.url}: ${s.gzip} B`).join('\n')).toBeLessThanOrEqual(BUDGET);
    await context.close();
  });
}
