/**
 * Shared pieces of the accessibility and elder-mode browser tests: the page templates,
 * the reading modes, and a way to start a page in a mode.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { defaultPrefs, serializePrefs, storageKey, type ReadingPrefs } from '../../src/reading/preferences.ts';

/** One URL per page template (the e2e archive files synthetic records under 县招商局, 李明 and 2016). */
export const templates: Record<string, string> = {
  home: '/',
  record: '/records/2016-cppcc-9-2-1-t00001/',
  'kind index': '/kinds/',
  'kind list': '/kinds/cppcc-proposal-reply/',
  'year index': '/years/',
  'year list': '/years/2016/',
  'session index': '/sessions/',
  'session list': `/sessions/${encodeURIComponent('测试市政协九届二次会议')}/`,
  'unit index': '/units/',
  'unit list': `/units/${encodeURIComponent('县招商局')}/`,
  'proposer index': '/proposers/',
  'proposer list': `/proposers/${encodeURIComponent('李明')}/`,
  'search with results': `/search/?q=${encodeURIComponent('河长制')}`,
  'search with no results': `/search/?q=${encodeURIComponent('鳄鱼')}`,
  '404': '/records/no-such-record/',
};

/** The record page used by the record-specific tests. */
export const recordPath = templates.record;

/** The reading modes every template is checked in. */
export const modes: Record<string, Partial<ReadingPrefs>> = {
  standard: {},
  elder: { elder: true },
  'high contrast': { contrast: true, tools: true },
};

/** The stored form of `prefs`, exactly as the site saves it. */
export function storedPrefs(prefs: Partial<ReadingPrefs>): string {
  return serializePrefs({ ...defaultPrefs, ...prefs });
}

/** Makes every page of `context` start with `prefs` saved, as a returning reader would. */
export async function startInMode(context: BrowserContext, prefs: Partial<ReadingPrefs>): Promise<void> {
  await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [storageKey, storedPrefs(prefs)] as const);
}

/** Opens `path` and waits until it has settled (search pages: until the status is written). */
export async function openSettled(page: Page, path: string): Promise<void> {
  await page.goto(path);
  if (path.startsWith('/search/')) await page.locator('#search-status').filter({ hasText: /找到|没有找到/ }).waitFor();
  // The header module has run once aria-pressed reflects the saved state.
  await page.locator('.reading-toggles').waitFor();
}
