import { expect, test, type Page } from '@playwright/test';
import { openSettled, recordPath, startInMode, templates } from './a11y-support.ts';

/** Computed font size (px) and line height ratio of every visible paragraph in <main>. */
async function paragraphMetrics(page: Page) {
  return page.locator('main p:visible').evaluateAll((ps) =>
    ps
      .filter((p) => p.textContent?.trim())
      .map((p) => {
        const style = getComputedStyle(p);
        const size = parseFloat(style.fontSize);
        return { text: p.textContent!.trim().slice(0, 20), size, ratio: parseFloat(style.lineHeight) / size };
      }),
  );
}

test('长辈版 and 无障碍 are native toggle buttons in the first four Tab stops', async ({ page }) => {
  await openSettled(page, '/');
  const stops: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(() => `${document.activeElement!.tagName}:${document.activeElement!.textContent!.trim()}`));
  }
  expect(stops.slice(0, 1)).toEqual(['A:跳到主要内容']);
  expect(stops).toContain('BUTTON:长辈版');
  expect(stops).toContain('BUTTON:无障碍');
  for (const name of ['长辈版', '无障碍']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'false');
  }
});

const sizes = [
  { label: '标准', standard: 18, elder: 22 },
  { label: '大', standard: 21, elder: 26 },
  { label: '特大', standard: 24, elder: 30 },
];

for (const elder of [false, true]) {
  test(`${elder ? 'elder' : 'standard'} mode: body text per size, line height ≥ 1.7`, async ({ page }) => {
    await openSettled(page, recordPath);
    if (elder) await page.getByRole('button', { name: '长辈版' }).click();
    else await page.getByRole('button', { name: '无障碍' }).click();
    await expect(page.getByRole('button', { name: '长辈版' })).toHaveAttribute('aria-pressed', String(elder));
    for (const size of sizes) {
      await page.getByRole('group', { name: '文字大小' }).getByRole('button', { name: size.label, exact: true }).click();
      await expect(page.getByRole('button', { name: size.label, exact: true })).toHaveAttribute('aria-pressed', 'true');
      const expected = elder ? size.elder : size.standard;
      const metrics = await paragraphMetrics(page);
      expect(metrics.length).toBeGreaterThan(3);
      for (const m of metrics) {
        expect.soft(m.size, `font size of “${m.text}”`).toBeGreaterThanOrEqual(expected - 0.01);
        expect.soft(m.ratio, `line height of “${m.text}”`).toBeGreaterThanOrEqual(1.7);
      }
      const letter = await page.locator('.letter p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
      expect(letter).toBeCloseTo(expected, 1);
    }
  });
}

test('no visible text anywhere is below 18px in standard mode or 22px in elder mode', async ({ context, page }) => {
  for (const [elder, min] of [[false, 18], [true, 22]] as const) {
    if (elder) await startInMode(context, { elder: true });
    for (const path of [templates.home, recordPath, templates['unit list'], templates['search with results']]) {
      await openSettled(page, path);
      const small = await page.evaluate((min) => {
        const found: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const el = node.parentElement!;
          if (!node.textContent!.trim() || !el.checkVisibility() || el.closest('.visually-hidden')) continue;
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (size < min - 0.01) found.push(`${el.tagName}.${el.className} ${size}px “${node.textContent!.trim().slice(0, 15)}”`);
        }
        return found;
      }, min);
      expect(small, `${elder ? 'elder' : 'standard'} ${path}`).toEqual([]);
    }
  }
});

/** Visible controls smaller than `min` CSS px in either direction, links inside running text excepted. */
async function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const inline = (el: Element) => el.tagName === 'A' && !!el.closest('p, .prose, .letter, blockquote');
    return [...document.querySelectorAll('a[href], button, input, select, summary')]
      .filter((el) => (el as HTMLElement).checkVisibility() && !inline(el))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < min - 0.5 || box.height < min - 0.5)
      .map(({ el, box }) => `${el.tagName} “${el.textContent!.trim().slice(0, 12)}” ${Math.round(box.width)}×${Math.round(box.height)}`);
  }, min);
}

test('targets are ≥ 44×44 in standard mode and ≥ 60×60 in elder mode', async ({ context, page }) => {
  const paths = [templates.home, recordPath, templates['year list'], templates['unit index'], templates['search with results'], templates['404']];
  await startInMode(context, { tools: true });
  for (const path of paths) {
    await openSettled(page, path);
    expect(await smallTargets(page, 44), `standard ${path}`).toEqual([]);
  }
  await startInMode(context, { tools: true, elder: true });
  for (const path of paths) {
    await openSettled(page, path);
    expect(await smallTargets(page, 60), `elder ${path}`).toEqual([]);
  }
});

test('elder mode lays pages out in one column and shows search results as large cards', async ({ context, page }) => {
  await startInMode(context, { elder: true });
  await openSettled(page, '/');
  const lefts = await page.locator('.browse__facet').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().left)));
  expect(lefts.length).toBeGreaterThan(1);
  expect(new Set(lefts).size).toBe(1);

  await openSettled(page, templates['search with results']);
  const cards = page.locator('.search-results > li');
  await expect(cards.first()).toBeVisible();
  const card = await cards.first().evaluate((li) => {
    const style = getComputedStyle(li);
    const link = li.querySelector('a')!.getBoundingClientRect();
    return { border: parseFloat(style.borderTopWidth), padding: parseFloat(style.paddingLeft), linkHeight: link.height };
  });
  expect(card.border).toBeGreaterThanOrEqual(2);
  expect(card.padding).toBeGreaterThanOrEqual(16);
  expect(card.linkHeight).toBeGreaterThanOrEqual(60);
  const filterLefts = await page.locator('.search-filters__item').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().left)));
  expect(new Set(filterLefts).size).toBe(1);
});
