import { expect, test, type Page } from '@playwright/test';
import { modes, openSettled, recordPath, startInMode, templates } from './a11y-support.ts';

// Checks that axe cannot make: behaviour, geometry and computed styles in a real browser.

test('the skip link is the first Tab stop, shows, and moves focus to <main>', async ({ page }) => {
  for (const path of [templates.home, recordPath, templates['search with results']]) {
    await openSettled(page, path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到主要内容' });
    await expect(skip).toBeFocused();
    const box = (await skip.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement));
    expect(next, `after the skip link on ${path}, Tab continues inside main`).toBe(true);
  }
});

test('every template: lang zh-CN, landmarks, one h1, no skipped heading level, zoom allowed', async ({ page }) => {
  for (const [name, path] of Object.entries(templates)) {
    await openSettled(page, path);
    await expect(page.locator('html'), name).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('banner'), name).toHaveCount(1);
    await expect(page.getByRole('main'), name).toHaveCount(1);
    await expect(page.getByRole('contentinfo'), name).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: '主导航' }), name).toHaveCount(1);
    const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) =>
      hs.filter((h) => (h as HTMLElement).checkVisibility()).map((h) => Number(h.tagName[1])),
    );
    expect(levels.filter((l) => l === 1), name).toHaveLength(1);
    expect(levels[0], name).toBe(1);
    levels.forEach((level, i) => i > 0 && expect(level - levels[i - 1], `${name}: heading ${i} jumps`).toBeLessThanOrEqual(1));
    const viewport = await page.locator('meta[name="viewport"]').getAttribute('content');
    expect(viewport, name).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0)?\b/);
  }
});

test('English passages carry lang="en"; everything else is Chinese', async ({ page }) => {
  for (const path of [templates.home, recordPath, templates['search with results'], templates['404']]) {
    await openSettled(page, path);
    const unmarked = await page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // Three or more English words in a row are an English passage (URLs and codes are not).
        const english = /\b[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}\b/.test(node.textContent!);
        const lang = node.parentElement!.closest('[lang]')!.getAttribute('lang')!;
        if (english && !lang.startsWith('en')) found.push(node.textContent!.trim().slice(0, 40));
      }
      return found;
    });
    expect(unmarked, path).toEqual([]);
  }
});

/** sRGB relative luminance contrast of two rgb()/rgba() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** What the focused element looks like: its focus indicator, what lies behind it, whether it is covered. */
async function focusFacts(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    let bgEl: Element | null = el.parentElement;
    let bg = 'rgb(255, 255, 255)';
    for (; bgEl; bgEl = bgEl.parentElement) {
      const c = getComputedStyle(bgEl).backgroundColor;
      if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') {
        bg = c;
        break;
      }
    }
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 10), box.top + box.height / 2);
    return {
      id: `${el.tagName} “${(el.textContent ?? '').trim().slice(0, 14)}”`,
      outline: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
      background: bg,
      inViewport: box.bottom > 0 && box.top < innerHeight,
      covered: !!hit && hit !== el && !el.contains(hit),
    };
  });
}

for (const [modeName, prefs] of Object.entries(modes)) {
  test(`keyboard only, ${modeName} mode: Tab reaches every control, focus is visible, contrasting and uncovered`, async ({ context, page }) => {
    await startInMode(context, { ...prefs, tools: true });
    await page.setViewportSize({ width: 1024, height: 700 });
    await openSettled(page, recordPath);
    const controls = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
        .filter((el) => el.checkVisibility() && !(el as HTMLButtonElement).disabled)
        .map((el, i) => (el.dataset.walk = String(i))),
    );
    const reached = new Set<string>();
    const problems: string[] = [];
    for (let i = 0; i < controls.length + 5; i++) {
      await page.keyboard.press('Tab');
      const key = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.walk ?? '');
      if (!key) continue;
      if (reached.has(key)) break;
      reached.add(key);
      const f = await focusFacts(page);
      if (f.outline === 'none' || f.outlineWidth < 2) problems.push(`${f.id}: no visible outline`);
      else if (contrast(f.outlineColor, f.background) < 3) problems.push(`${f.id}: focus ring ${f.outlineColor} on ${f.background} is ${contrast(f.outlineColor, f.background).toFixed(2)}:1`);
      if (!f.inViewport || f.covered) problems.push(`${f.id}: focused but hidden (in viewport: ${f.inViewport}, covered: ${f.covered})`);
    }
    expect(problems).toEqual([]);
    expect([...reached].sort(), 'controls never reached by Tab').toEqual(controls.sort());
  });
}

for (const [modeName, prefs] of Object.entries({ standard: modes.standard, elder: modes.elder })) {
  test(`reflow at 320 CSS px, ${modeName} mode: no page scrolls sideways`, async ({ context, page }) => {
    await startInMode(context, { ...prefs, tools: true });
    await page.setViewportSize({ width: 320, height: 640 });
    const wide: string[] = [];
    for (const [name, path] of Object.entries(templates)) {
      await openSettled(page, path);
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const culprits = [...document.querySelectorAll('body *')]
          .filter((el) => (el as HTMLElement).checkVisibility() && el.getBoundingClientRect().right > width + 1)
          .map((el) => `${el.tagName}.${el.className}`);
        return { scroll: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 3) };
      });
      if (overflow.scroll > overflow.width) wide.push(`${name}: ${overflow.scroll}px wide (${overflow.culprits.join(', ')})`);
    }
    expect(wide).toEqual([]);
  });
}

const textSpacing = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

test.describe('text spacing', () => {
  // The override is the reader's own style sheet; the site's CSP would rightly block it as an inline style.
  test.use({ bypassCSP: true });

  test('the WCAG text-spacing override clips and overlaps nothing', async ({ context, page }) => {
    for (const prefs of [modes.standard, modes.elder]) {
      await startInMode(context, { ...prefs, tools: true });
      for (const path of [templates.home, recordPath, templates['unit list'], templates['search with results']]) {
        await openSettled(page, path);
        await page.addStyleTag({ content: textSpacing });
        const clipped = await page.evaluate(() => {
          const found: string[] = [];
          for (const el of document.querySelectorAll<HTMLElement>('body *')) {
            if (!el.checkVisibility() || el.closest('.visually-hidden') || !el.textContent?.trim()) continue;
            const style = getComputedStyle(el);
            const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible' || el.matches('button, input, select');
            if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
              found.push(`${el.tagName}.${el.className} “${el.textContent.trim().slice(0, 12)}”`);
            }
          }
          if (document.documentElement.scrollWidth > document.documentElement.clientWidth) found.push('page scrolls sideways');
          return found;
        });
        expect(clipped, `${prefs.elder ? 'elder' : 'standard'} ${path}`).toEqual([]);
      }
    }
  });
});

test('with reduced motion nothing animates and nothing scrolls smoothly', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openSettled(page, recordPath);
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .map((el) => ({ el, s: getComputedStyle(el) }))
      .filter(({ s }) => s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0 || s.scrollBehavior === 'smooth')
      .map(({ el }) => el.tagName),
  );
  expect(moving).toEqual([]);
});

test('no page makes a third-party request, in any mode', async ({ context, page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (r) => !r.url().startsWith(origin) && !r.url().startsWith('data:') && foreign.push(r.url()));
  await startInMode(context, { elder: true, contrast: true, cursor: true, guide: true, tools: true });
  for (const path of Object.values(templates)) {
    await openSettled(page, path);
    await page.mouse.move(200, 300);
  }
  expect(foreign).toEqual([]);
});

test('nothing opens by itself: no overlay, dialog, pop-up window or tools bar', async ({ context, page }) => {
  const popups: string[] = [];
  context.on('page', (p) => popups.push(p.url()));
  await page.addInitScript(() => {
    window.open = () => {
      throw new Error('window.open called');
    };
  });
  for (const path of Object.values(templates)) {
    await openSettled(page, path);
    await page.waitForTimeout(300);
    const overlays = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => el.checkVisibility() && ['fixed', 'sticky'].includes(getComputedStyle(el).position))
        .map((el) => `${el.tagName}.${el.className}`)
        .concat([...document.querySelectorAll('dialog[open], [role="dialog"], [role="alertdialog"]')].map((el) => el.tagName)),
    );
    expect(overlays, path).toEqual([]);
    await expect(page.getByRole('group', { name: '无障碍工具' }), path).toBeHidden();
  }
  expect(popups).toEqual([]);
});
