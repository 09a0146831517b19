/**
 * Screenshots of one record page in each reading mode, for docs/accessibility.md:
 * docs/screenshots/record-<mode>.png. Build first (npm run build); needs Debian's
 * Chromium (CHROME_PATH) and a CJK font (fonts-noto-cjk).
 *
 * Usage: npm run screenshots [-- --dir dist --record <id>]
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openServedSite } from './lib/served-site.ts';
import { defaultPrefs, serializePrefs, storageKey, type ReadingPrefs } from '../src/reading/preferences.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: process.env.ARCHIVE_DIST_DIR || 'dist' },
    record: { type: 'string' },
    port: { type: 'string', default: '4397' },
  },
});
const root = resolve(import.meta.dirname, '..');
const dir = resolve(values.dir!);
const out = resolve(root, 'docs/screenshots');

/** The modes shown, each with the preferences a reader would have saved. */
const shots: { name: string; prefs: Partial<ReadingPrefs>; readAloud?: boolean }[] = [
  { name: 'standard', prefs: {} },
  { name: 'elder', prefs: { elder: true } },
  { name: 'elder-xlarge', prefs: { elder: true, size: 'xlarge' } },
  { name: 'high-contrast', prefs: { contrast: true, tools: true } },
  { name: 'plain-text', prefs: { plain: true } },
  { name: 'read-aloud', prefs: { tools: true, guide: true }, readAloud: true },
];

const records = resolve(dir, 'records');
const record = values.record ?? (existsSync(records) ? readdirSync(records).sort().find((id) => /-(cppcc|npc)-/.test(id)) : undefined);
if (!record) throw new Error(`${dir} has no reply records: build the archive first (npm run build).`);

const site = await openServedSite(dir, values.port);
const { browser, base } = site;
try {
  mkdirSync(out, { recursive: true });
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 1300 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [storageKey, serializePrefs({ ...defaultPrefs, ...shot.prefs })] as const);
    if (shot.readAloud) {
      // A silent speech engine, so the page shows its reading state without sound.
      await context.addInitScript(() => Object.defineProperty(window, 'speechSynthesis', { value: { speak() {}, cancel() {}, pause() {}, resume() {}, getVoices: () => [] } }));
    }
    const page = await context.newPage();
    await page.goto(`${base}/records/${record}/`);
    if (shot.readAloud) {
      await page.getByRole('button', { name: '朗读全文' }).click();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.mouse.move(600, 300);
    }
    await page.screenshot({ path: resolve(out, `record-${shot.name}.png`) });
    console.log(`docs/screenshots/record-${shot.name}.png`);
    await context.close();
  }
} finally {
  await site.close();
}
