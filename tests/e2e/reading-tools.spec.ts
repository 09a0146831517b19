import { expect, test } from '@playwright/test';
import { openSettled, recordPath, templates } from './a11y-support.ts';

test.beforeEach(async ({ page }) => {
  await openSettled(page, recordPath);
  await page.getByRole('button', { name: '无障碍' }).click();
});

test('无障碍 shows the tools bar after the header switches, and hides it again', async ({ page }) => {
  const toggle = page.getByRole('button', { name: '无障碍' });
  const tools = page.getByRole('group', { name: '无障碍工具' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(tools).toBeVisible();
  await expect(tools.getByRole('button', { name: '高对比度' })).toBeVisible();
  // The tools follow the switch in Tab order.
  await toggle.focus();
  await page.keyboard.press('Tab');
  await expect(tools.getByRole('button', { name: '标准' })).toBeFocused();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(tools).toBeHidden();
});

test('高对比度 switches to light text on black, with contrast ≥ 7:1 for text and links', async ({ page }) => {
  await page.getByRole('button', { name: '高对比度' }).click();
  await expect(page.getByRole('button', { name: '高对比度' })).toHaveAttribute('aria-pressed', 'true');
  const colours = await page.evaluate(() => ({
    bg: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.querySelector('.letter p')!).color,
    link: getComputedStyle(document.querySelector('.meta-table a')!).color,
  }));
  expect(colours).toEqual({ bg: 'rgb(0, 0, 0)', text: 'rgb(255, 255, 255)', link: 'rgb(255, 255, 0)' });
});

test('大鼠标 sets a large same-origin cursor', async ({ page }) => {
  const cursorLoaded = page.waitForResponse((r) => r.url().endsWith('/cursors/arrow.svg') && r.ok());
  await page.getByRole('button', { name: '大鼠标' }).click();
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.letter p')!).cursor)).toContain('/cursors/arrow.svg');
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.meta-table a')!).cursor)).toContain('/cursors/hand.svg');
  await page.mouse.move(300, 500);
  await cursorLoaded;
});

test('阅读辅助线 follows the pointer and the keyboard focus without blocking clicks', async ({ page }) => {
  await page.getByRole('button', { name: '阅读辅助线' }).click();
  const line = page.locator('.reading-guide-line');
  await page.mouse.move(400, 420);
  await expect(line).toBeVisible();
  // A band one text line high, centred on the pointer.
  const atPointer = (await line.boundingBox())!;
  expect(atPointer.y + atPointer.height / 2).toBeCloseTo(420, -1);
  expect(atPointer.height).toBeGreaterThan(25);
  expect(atPointer.height).toBeLessThan(50);
  expect(atPointer.width).toBeGreaterThan(1000);
  await expect(line).toHaveAttribute('aria-hidden', 'true');
  expect(await line.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');

  // Keyboard focus moves it to frame the focused control.
  const link = page.locator('.meta-table a').first();
  await link.focus();
  const linkBox = (await link.boundingBox())!;
  const atFocus = (await line.boundingBox())!;
  expect(atFocus.y).toBeLessThan(linkBox.y);
  expect(atFocus.y + atFocus.height).toBeGreaterThan(linkBox.y + linkBox.height);
  expect(atFocus.height - linkBox.height).toBeLessThan(24);

  await page.getByRole('button', { name: '阅读辅助线' }).click();
  await expect(line).toHaveCount(0);
});

test('纯文本 shows the record as plain text: one size, no table grid, no indent or justification', async ({ page }) => {
  const plain = page.getByRole('button', { name: '纯文本' });
  await plain.click();
  await expect(plain).toHaveAttribute('aria-pressed', 'true');
  const look = await page.evaluate(() => {
    const style = (sel: string) => getComputedStyle(document.querySelector(sel)!);
    return {
      h1: style('.record h1').fontSize,
      h2: style('.record h2').fontSize,
      p: style('.letter p').fontSize,
      indent: style('.letter p').textIndent,
      align: style('.letter p').textAlign,
      table: style('.meta-table').display,
      cellBorder: style('.meta-table td').borderTopStyle,
    };
  });
  expect(look).toEqual({ h1: look.p, h2: look.p, p: '18px', indent: '0px', align: 'left', table: 'block', cellBorder: 'none' });
  // The text itself is all still there, and headings keep their roles.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await page.goto(templates['unit list']);
  await expect(page.locator('html')).toHaveClass(/\bplain-text\b/);
});

test('the system contrast settings are respected: prefers-contrast and forced colours', async ({ page }) => {
  await page.emulateMedia({ contrast: 'more' });
  expect(await page.locator('.meta-table th').first().evaluate((th) => getComputedStyle(th).color)).toBe('rgb(26, 26, 26)');
  await page.emulateMedia({ contrast: 'no-preference', forcedColors: 'active' });
  const button = page.getByRole('button', { name: '标准' });
  await button.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  const focus = await button.evaluate((el) => ({ outline: getComputedStyle(el).outlineStyle, width: parseFloat(getComputedStyle(el).outlineWidth) }));
  expect(focus.outline).toBe('solid');
  expect(focus.width).toBeGreaterThanOrEqual(3);
});
