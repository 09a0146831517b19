import { expect, test } from '@playwright/test';
import { templates } from './a11y-support.ts';

// The pages issue 6 added, on top of the shared template list.
const pages = {
  ...templates,
  stats: '/stats/',
  'unit scorecard': `/stats/units/${encodeURIComponent('县招商局')}/`,
  data: '/data/',
  'topic index': '/topics/',
  compare: '/records/2016-cppcc-9-3-5-t00005/compare/',
  mdx: '/records/2014-doc-t00mdx/',
};

test.describe('Content Security Policy', () => {
  for (const [name, path] of Object.entries(pages)) {
    test(`the ${name} page runs under a strict policy with no violation`, async ({ page }) => {
      await page.addInitScript(() => {
        (window as unknown as { cspViolations: string[] }).cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const response = await page.goto(path);
      const header = response?.headers()['content-security-policy'] ?? '';
      const meta = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
      for (const policy of [header, meta]) {
        expect(policy).toContain("script-src 'self'");
        expect(policy).not.toContain('unsafe-inline');
        expect(policy).not.toContain("'unsafe-eval'");
        expect(policy).not.toContain('wasm-unsafe-eval');
      }
      expect(header).toContain("frame-ancestors 'none'");
      expect(await page.locator('script:not([src])').count()).toBe(0);
      if (path.startsWith('/search/')) await page.locator('#search-status').filter({ hasText: /找到/ }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    });
  }
});

test('the security headers are published for static hosts as /_headers', async ({ request }) => {
  const text = await (await request.get('/_headers')).text();
  expect(text).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self'; script-src 'self';/);
  expect(text).not.toContain('wasm-unsafe-eval');
});
