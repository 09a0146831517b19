import { expect, test } from '@playwright/test';
import jsQR from 'jsqr';

test('a reply with every date shows its timeline, days to reply and that it was on time', async ({ page }) => {
  await page.goto('/records/2018-cppcc-9-2-7-t00007/');
  const timeline = page.getByRole('region', { name: '办理过程' });
  await expect(timeline.getByRole('listitem')).toHaveText([
    /提出\s*2018年1月15日/, /立案\s*第7号提案/, /交办\s*2018年6月1日\s*承办：区发展和改革委员会/, /答复\s*2018年8月17日/, /委员意见\s*满意/, /办理类别\s*A类/,
  ]);
  await expect(timeline).toContainText('从提出到答复共 214 天。');
  await expect(timeline).toContainText('应于2018年9月1日前答复，已按期答复');
});

test('a late reply says so in words', async ({ page }) => {
  await page.goto('/records/2017-cppcc-9-3-14-t00014/');
  await expect(page.getByRole('region', { name: '办理过程' })).toContainText('应于2017年4月1日前答复，答复晚于期限');
});

test('a reply without dates says what is not stated and invents nothing', async ({ page }) => {
  await page.goto('/records/2016-cppcc-9-2-1-t00001/');
  const timeline = page.getByRole('region', { name: '办理过程' });
  await expect(timeline).toContainText('记录未同时载明提出日期和答复日期，无法计算办理天数。');
  await expect(timeline).toContainText('记录未载明交办日期，无法判断是否按期答复');
  await expect(timeline.getByRole('listitem').filter({ hasText: '交办' })).toContainText('承办：');
  await expect(timeline.getByRole('listitem').filter({ hasText: '委员意见' })).toContainText('记录未载明');
});

test('a cited policy document the archive holds is a link, by title and by 文号', async ({ page }) => {
  await page.goto('/records/2018-cppcc-9-1-3-t00003/');
  await page.getByRole('link', { name: '《测试市招商引资项目管理办法》' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('测试市招商引资项目管理办法');
  await page.goto('/records/2015-cppcc-9-2-4-t00004/');
  await expect(page.getByRole('link', { name: '测招[2014]3号' })).toHaveAttribute('href', '/records/2014-doc-t00000/');
});

test('related records: the same proposer’s other proposals', async ({ page }) => {
  await page.goto('/records/2016-cppcc-9-2-1-t00001/');
  const related = page.getByRole('region', { name: '相关记录' });
  await expect(related.getByRole('heading', { name: '同一提案人的其他提案' })).toBeVisible();
  await expect(related.getByRole('link').first()).toBeVisible();
});

test('the statistics page draws accessible charts with data tables', async ({ page }) => {
  await page.goto('/stats/');
  const chart = page.getByRole('img', { name: '各年份记录数' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('desc')).toContainText('共 ');
  await expect(page.getByRole('table', { name: '各年份记录数（数据表）' })).toBeVisible();
  await page.getByRole('link', { name: '县教育局' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('县教育局办理情况');
});

test('printing a record shows the letter with its permalink and QR code, without site chrome', async ({ page }) => {
  await page.goto('/records/2018-cppcc-9-2-7-t00007/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-qr svg')).toBeVisible();
  await expect(page.locator('.print-qr')).toContainText('https://test.example.org/records/2018-cppcc-9-2-7-t00007/');
  // The code must scan: draw the printed SVG with a white quiet zone and decode it.
  const image = await page.locator('.print-qr svg').evaluate(async (svg) => {
    const img = new Image();
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
    await img.decode();
    const size = 400, quiet = 40;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size + 2 * quiet;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(img, quiet, quiet, size, size);
    const data = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, pixels: Array.from(data.data) };
  });
  const decoded = jsQR(Uint8ClampedArray.from(image.pixels), image.width, image.height);
  expect(decoded?.data).toBe('https://test.example.org/records/2018-cppcc-9-2-7-t00007/');
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.print-qr')).toBeHidden();
});

test('a reply that answers suggestions by number has a side-by-side view', async ({ page }) => {
  await page.goto('/records/2016-cppcc-9-3-5-t00005/');
  await page.getByRole('link', { name: '逐条对照：每条建议及其答复' }).click();
  const rows = page.getByRole('table', { name: /建议与答复逐条对照/ }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator('td').nth(0)).toHaveText('二、加强河道巡查。');
  await expect(rows.nth(0).locator('td').nth(1)).toContainText('已增加巡查频次。');
  await expect(rows.nth(1).locator('td').nth(0)).toHaveText('一、完善河长制。');
});

test('numbered sections of a reply are headings with anchors', async ({ page }) => {
  await page.goto('/records/2016-cppcc-9-3-5-t00005/');
  await expect(page.locator('.letter h3#sec-1')).toHaveText('一、关于建议“二”：加强河道巡查');
  await expect(page.locator('.letter h3#sec-2')).toHaveText('二、关于建议“一”：完善河长制');
});

test('MDX records render the documented components', async ({ page }) => {
  await page.goto('/records/2014-doc-t00mdx/');
  await expect(page.getByRole('note', { name: '编者注' })).toContainText('原网页附件未能取得。');
  await expect(page.getByRole('region', { name: '2014年招商引资主要指标（可横向滚动）' }).getByRole('table')).toContainText('新签约项目');
});
