/**
 * The search page as a reader uses it: facets with counts that combine, state in the
 * URL (shareable, back button), pagination, ranking and the date sort, highlighting on
 * result cards and on the record page, normalised queries, keyboard-only use, and no
 * console errors along the way. Runs against the e2e archive (tests/e2e/prepare-site.ts).
 */
import { expect, test, type Page } from '@playwright/test';

const status = (page: Page) => page.locator('#search-status');
const cards = (page: Page) => page.locator('#search-results > li');

/** Waits until the page has announced the outcome of a search, and returns the count. */
async function settled(page: Page): Promise<number> {
  await expect(status(page)).toContainText(/找到|没有找到/);
  const text = (await status(page).textContent()) ?? '';
  return Number(/找到 (\d+) 条/.exec(text)?.[1] ?? 0);
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('facets show counts, combine, live in the URL, and the back button undoes them', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`/search/?q=${encodeURIComponent('河长制')}`);
  const all = await settled(page);
  expect(all).toBeGreaterThan(5);
  const unit = page.getByLabel('承办单位', { exact: true });
  // Every option but "all" carries the number of matching records: together they cover all results.
  const unitOptions = (await unit.locator('option').allTextContents()).slice(1);
  const unitCounts = unitOptions.map((o) => Number(/（(\d+)）$/.exec(o)?.[1]));
  expect(unitCounts.every((n) => n > 0)).toBe(true);
  expect(unitCounts.reduce((a, b) => a + b, 0)).toBe(all);

  const chosen = unitOptions.find((o) => o.startsWith('县招商局'))!;
  await unit.selectOption({ label: chosen });
  const inUnit = await settled(page);
  expect(inUnit).toBe(Number(/（(\d+)）$/.exec(chosen)![1]));
  await expect(page).toHaveURL(new RegExp(`unit=${encodeURIComponent('县招商局')}`));
  for (const card of await cards(page).all()) await expect(card.locator('.record-summary__meta')).toContainText('县招商局');

  // A second facet narrows further; its own counts were computed within the first.
  const year = page.getByLabel('年份', { exact: true });
  const yearOption = (await year.locator('option').allTextContents()).slice(1)[0]!;
  await year.selectOption({ label: yearOption });
  const both = await settled(page);
  expect(both).toBe(Number(/（(\d+)）$/.exec(yearOption)![1]));
  expect(both).toBeLessThanOrEqual(inUnit);
  await expect(page).toHaveURL(/unit=.*year=|year=.*unit=/);

  // The URL alone reproduces the view (shareable).
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  expect(await settled(other)).toBe(both);
  await other.close();

  await page.goBack();
  expect(await settled(page)).toBe(inUnit);
  await page.goBack();
  expect(await settled(page)).toBe(all);
  await expect(unit).toHaveValue('');
  expect(errors).toEqual([]);
});

test('results are paginated, and the pages are in the URL', async ({ page }) => {
  const errors = watchErrors(page);
  // Every synthetic reply says 测试记录编号N号.
  await page.goto(`/search/?q=${encodeURIComponent('测试记录编号')}`);
  const total = await settled(page);
  expect(total).toBe(27);
  await expect(status(page)).toContainText('当前为第 1–10 条');
  await expect(cards(page)).toHaveCount(10);
  const first = await cards(page).locator('h2').allTextContents();
  const pager = page.getByRole('navigation', { name: '检索结果分页' });
  await pager.getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(status(page)).toContainText('当前为第 11–20 条');
  const second = await cards(page).locator('h2').allTextContents();
  expect(second.some((t) => first.includes(t))).toBe(false);
  await pager.getByRole('link', { name: '第 3 页' }).click();
  await expect(cards(page)).toHaveCount(7);
  await page.goBack();
  await expect(status(page)).toContainText('当前为第 11–20 条');
  expect(errors).toEqual([]);
});

test('matches in the title or proposal title rank first; the date sort is one choice away', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('招商引资')}`);
  await settled(page);
  // The card's heading and its proposal-title row (the head fields a card shows).
  const inHead = await cards(page).evaluateAll((items) =>
    items.map((li) => {
      const title = li.querySelector('h2')?.textContent ?? '';
      const proposal = [...li.querySelectorAll('.record-summary__meta div')].find((d) => /标题$/.test(d.querySelector('dt')?.textContent ?? ''));
      return `${title} ${proposal?.textContent ?? ''}`.includes('招商引资');
    }),
  );
  expect(inHead[0]).toBe(true);
  expect(inHead.some((x) => !x)).toBe(true);
  // Once a body-only match appears, no head match follows; newer first among equals.
  expect(inHead.slice(inHead.indexOf(false)).every((x) => !x)).toBe(true);

  await page.getByLabel('排序').selectOption('date-desc');
  await expect(page).toHaveURL(/sort=date-desc/);
  await settled(page);
  const dates = await cards(page).evaluateAll((items) =>
    items.map((li) => {
      const row = [...li.querySelectorAll('.record-summary__meta div')].find((d) => d.querySelector('dt')?.textContent === '日期');
      const m = /(\d{4})年(\d+)月(\d+)日/.exec(row?.querySelector('dd')?.textContent ?? '');
      return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : 0;
    }),
  );
  expect(dates.length).toBeGreaterThan(3);
  expect([...dates].sort((a, b) => b - a)).toEqual(dates);
});

test('of several words, records with more of them in their head fields rank first, newer first among equals', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('招商引资 测试')}`);
  await settled(page);
  // Per card: how many of the two words its head fields hold (title, proposal title, unit,
  // proposers: every head field a card shows), and its date.
  const shown = await cards(page).evaluateAll((items) =>
    items.map((li) => {
      const rows = [...li.querySelectorAll('.record-summary__meta div')];
      const field = (test: (label: string) => boolean) => rows.filter((d) => test(d.querySelector('dt')?.textContent ?? '')).map((d) => d.querySelector('dd')?.textContent ?? '');
      const head = [li.querySelector('h2')?.textContent ?? '', ...field((l) => /标题$|^单位$|^提案人$|^代表$/.test(l))].join(' ');
      const date = /(\d{4})年(\d+)月(\d+)日/.exec(field((l) => l === '日期')[0] ?? '');
      return { head: ['招商引资', '测试'].filter((w) => head.includes(w)).length, date: date ? Number(date[1]) * 10000 + Number(date[2]) * 100 + Number(date[3]) : 0 };
    }),
  );
  expect(new Set(shown.map((c) => c.head)).size, JSON.stringify(shown)).toBeGreaterThan(1);
  for (let i = 1; i < shown.length; i++) {
    expect(shown[i]!.head, JSON.stringify(shown)).toBeLessThanOrEqual(shown[i - 1]!.head);
    if (shown[i]!.head === shown[i - 1]!.head) expect(shown[i]!.date, JSON.stringify(shown)).toBeLessThanOrEqual(shown[i - 1]!.date);
  }
});

test('result cards show kind, unit, date, proposer and a highlighted snippet; the record page marks the words', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('河长制')}`);
  await settled(page);
  const card = cards(page).first();
  for (const label of ['类别', '单位', '日期']) await expect(card.locator('dt', { hasText: label })).toHaveCount(1);
  await expect(card.locator('dt', { hasText: /提案人|代表/ })).toHaveCount(1);
  await expect(card.locator('mark').first()).toHaveText('河长制');
  await card.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/records\/.+\?hl=/);
  await expect(page.locator('main mark.search-hit').first()).toHaveText('河长制');
});

test('Traditional, full-width and Chinese-numeral queries find what their plain forms find', async ({ page }) => {
  const count = async (q: string) => {
    await page.goto(`/search/?q=${encodeURIComponent(q)}`);
    return settled(page);
  };
  expect(await count('河長制')).toBe(await count('河长制'));
  expect(await count('第７号')).toBe(await count('第7号'));
  expect(await count('第七号')).toBe(await count('第7号'));
  expect(await count('第7号')).toBeGreaterThan(0);
  expect(await count('九届二次会议')).toBe(await count('9届2次会议'));
});

test('the Traditional → Simplified dictionary downloads only for a query that needs it', async ({ page }) => {
  const dictionary: string[] = [];
  page.on('request', (r) => /\/t2cn[.-]/.test(r.url()) && dictionary.push(r.url()));
  // The demo records hold characters conversion may change (著, 覆 …); their cards carry
  // their own conversions, so a Simplified query needs no dictionary (≈55 KB gzip).
  await page.goto(`/search/?q=${encodeURIComponent('答复')}`);
  expect(await settled(page)).toBeGreaterThan(3);
  await expect(cards(page).first().locator('mark').first()).toHaveText('答复');
  expect(dictionary).toEqual([]);
  await page.goto(`/search/?q=${encodeURIComponent('答覆')}`);
  expect(await settled(page)).toBeGreaterThan(0);
  expect(dictionary.length).toBe(1);
});

test('a record page opened from a result marks the words with the card’s own conversions, without the dictionary', async ({ page }) => {
  const errors = watchErrors(page);
  const dictionary: string[] = [];
  page.on('request', (r) => /\/t2cn[.-]/.test(r.url()) && dictionary.push(r.url()));
  // This demo record holds 覆 (覆盖), a character a Traditional → Simplified rule may change.
  const id = '2018-cppcc-13-2-5-854a80';
  const query = '招商顾问团队';
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  expect(await settled(page)).toBeGreaterThan(0);
  await page.locator(`#search-results a[href^="/records/${id}/"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/records/${id}/\\?hl=[^&]+&doc=\\d+`));
  await expect(page.locator('#search-hit-note')).toContainText('已在本页标出');
  const marks = page.locator('main mark.search-hit');
  const marked = await marks.allTextContents();
  expect(marked.length).toBeGreaterThan(0);
  for (const text of marked) expect(text).toBe(query);
  expect(dictionary).toEqual([]);
  // A link without the card's record number (shared from elsewhere) marks the same, with the dictionary.
  await page.goto(`/records/${id}/?hl=${encodeURIComponent(query)}`);
  await expect(page.locator('#search-hit-note')).toContainText('已在本页标出');
  expect(await page.locator('main mark.search-hit').allTextContents()).toEqual(marked);
  expect(dictionary.length).toBe(1);
  expect(errors).toEqual([]);
});

test('the search works from the keyboard alone and announces the count politely', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/search/');
  await expect(status(page)).toHaveAttribute('role', 'status');
  await expect(status(page)).toHaveAttribute('aria-live', 'polite');
  await page.getByLabel('检索词').focus();
  await page.keyboard.type('河长制');
  await page.keyboard.press('Enter');
  const total = await settled(page);
  expect(total).toBeGreaterThan(0);
  await expect(status(page)).toContainText(`找到 ${total} 条记录`);
  // Tab onwards from the input until the first result link has focus.
  const firstLink = cards(page).first().getByRole('link').first();
  for (let i = 0; i < 40 && !(await firstLink.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(firstLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/records\//);
  expect(errors).toEqual([]);
});

test('the proposer and session facets are counted when the reader opens them, and their columns are fetched only then', async ({ page }) => {
  const errors = watchErrors(page);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`/search/?q=${encodeURIComponent('河长制')}`);
  const all = await settled(page);
  expect(fetched.filter((p) => p.startsWith('/search-data/facets/')).sort()).toEqual(['kind', 'topic', 'unit', 'year'].map((k) => `/search-data/facets/${k}.json.gz`));
  await expect(page.locator('details[data-facet="session"]')).not.toHaveAttribute('open');
  const more = page.locator('details[data-facet="proposer"]');
  await expect(more).not.toHaveAttribute('open');

  // From the keyboard: the disclosure opens with Enter and lists proposers with counts.
  await more.locator('summary').focus();
  await page.keyboard.press('Enter');
  const proposer = page.getByLabel('提案人', { exact: true });
  await expect(proposer.locator('option').nth(1)).toHaveText(/（\d+）$/);
  expect(fetched).toContain('/search-data/facets/proposer.json.gz');
  const options = (await proposer.locator('option').allTextContents()).slice(1);
  const counts = options.map((o) => Number(/（(\d+)）$/.exec(o)?.[1]));
  expect(counts.every((n) => n > 0 && n <= all)).toBe(true);
  // Opening it did not search again: the announcement is the same.
  await expect(status(page)).toContainText(`找到 ${all} 条记录`);

  await proposer.selectOption({ label: options[0]! });
  expect(await settled(page)).toBe(counts[0]);
  await expect(page).toHaveURL(/proposer=/);

  // A shared link that selects a proposer shows the facet open, with its counts.
  const other = await page.context().newPage();
  await other.goto(page.url());
  expect(await settled(other)).toBe(counts[0]);
  await expect(other.locator('details[data-facet="proposer"]')).toHaveAttribute('open');
  await expect(other.getByLabel('提案人', { exact: true })).toHaveValue(options[0]!.replace(/（\d+）$/, ''));
  await other.close();

  // The session facet opens the same way, with the pointer, and its counts cover the results.
  await page.locator('details[data-facet="session"] summary').click();
  const session = page.getByLabel('届次', { exact: true });
  await expect(session.locator('option').nth(1)).toHaveText(/（\d+）$/);
  const sessionCounts = (await session.locator('option').allTextContents()).slice(1).map((o) => Number(/（(\d+)）$/.exec(o)?.[1]));
  expect(sessionCounts.reduce((a, b) => a + b, 0)).toBe(counts[0]);
  expect(fetched).toContain('/search-data/facets/session.json.gz');
  expect(errors).toEqual([]);
});

test('a query is looked up when the reader pauses typing, before it is submitted; an input method’s letters and a growing digit run are not', async ({ page }) => {
  const errors = watchErrors(page);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const chunks = () => fetched.filter((p) => p.endsWith('.pf_index'));
  await page.goto('/search/');
  await expect(status(page)).toContainText('请输入检索词');
  expect(fetched.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);

  // Focusing the field loads the index's chunk table, no index chunk yet, and never
  // Pagefind's larger pf_meta, which the chunk table stands in for.
  await page.getByLabel('检索词').focus();
  await expect.poll(() => fetched.filter((p) => p.endsWith('.pf_table')).length).toBeGreaterThan(0);
  expect(fetched.filter((p) => p.endsWith('.pf_meta'))).toEqual([]);

  // Digits typed one by one: the run may still grow, so nothing is fetched for 2, 20, 201.
  await page.keyboard.type('201', { delay: 100 });
  await page.waitForTimeout(500);
  expect(chunks()).toEqual([]);
  await page.getByLabel('检索词').fill('');

  // An input method composing pinyin: its letters are not a query, nothing is fetched for them.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'hezhangzhi', selectionStart: 10, selectionEnd: 10 });
  await expect(page.getByLabel('检索词')).toHaveValue('hezhangzhi');
  await page.waitForTimeout(500);
  expect(chunks()).toEqual([]);

  // The reader picks the characters and pauses: the look-up fetches their chunks, and no
  // result is shown before the submit.
  await cdp.send('Input.insertText', { text: '河长制' });
  await expect(page.getByLabel('检索词')).toHaveValue('河长制');
  await expect.poll(() => chunks().length).toBeGreaterThan(0);
  await page.waitForLoadState('networkidle');
  await expect(status(page)).toContainText('请输入检索词');
  const preloaded = chunks().length;

  // Submitted, the search needs nothing more from the index.
  await page.keyboard.press('Enter');
  expect(await settled(page)).toBeGreaterThan(5);
  expect(chunks().length).toBe(preloaded);
  expect(errors).toEqual([]);
});

/** Index files the page's own thread fetched (a worker's fetches are in its own timeline). */
const pageThreadIndexFiles = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/pagefind/')));

test('look-ups run in look-up workers, never on the page’s own thread', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`/search/?q=${encodeURIComponent('河长制')}`);
  expect(await settled(page)).toBeGreaterThan(5);
  expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([expect.stringMatching(/^\/_astro\/lookup-worker-[\w-]+\.js$/)]);
  expect(await pageThreadIndexFiles(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a look-up worker that cannot start still gets results: the page looks up itself', async ({ page }) => {
  const expected = await (async () => {
    const other = await page.context().newPage();
    await other.goto(`/search/?q=${encodeURIComponent('河长制')}`);
    const count = await settled(other);
    await other.close();
    return count;
  })();
  // The worker's script missing, as on a host that did not upload it or a policy that blocks workers.
  await page.route('**/_astro/lookup-worker-*', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(`/search/?q=${encodeURIComponent('河长制')}`);
  expect(await settled(page)).toBe(expected);
  expect(warnings.some((w) => w.includes('look-up workers unavailable'))).toBe(true);
  expect(await pageThreadIndexFiles(page)).toContainEqual(expect.stringMatching(/\.pf_index$/));
});
