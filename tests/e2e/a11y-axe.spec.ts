import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { classesFor, defaultPrefs } from '../../src/reading/preferences.ts';
import { modes, openSettled, recordPath, startInMode, templates } from './a11y-support.ts';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's findings, one line per failing node, so a failure says what and where. */
async function violations(page: import('@playwright/test').Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`));
}

for (const [modeName, prefs] of Object.entries(modes)) {
  test.describe(`axe, ${modeName} mode`, () => {
    for (const [name, path] of Object.entries(templates)) {
      test(`the ${name} page has no WCAG 2.2 AA violations`, async ({ context, page }) => {
        await startInMode(context, prefs);
        await openSettled(page, path);
        for (const name of classesFor({ ...defaultPrefs, ...prefs })) await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${name}\\b`));
        expect(await violations(page)).toEqual([]);
      });
    }
  });
}

test('the record page in plain-text view while being read aloud has no violations', async ({ context, page }) => {
  await context.addInitScript(() => {
    // A silent speech engine: utterances "start" and never end, so a sentence stays highlighted.
    Object.defineProperty(window, 'speechSynthesis', {
      value: { speak() {}, cancel() {}, pause() {}, resume() {}, getVoices: () => [] },
    });
  });
  await startInMode(context, { plain: true, tools: true, guide: true });
  await openSettled(page, recordPath);
  await page.getByRole('button', { name: '朗读全文' }).click();
  await expect(page.locator('.is-being-read')).toHaveCount(1);
  expect(await violations(page)).toEqual([]);
});
