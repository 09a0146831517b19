import { expect, test, type Page } from '@playwright/test';
import { openSettled, recordPath } from './a11y-support.ts';

/**
 * Replaces the Web Speech API with a recorder: utterances are kept in order with
 * their text, lang and voice; the test ends them one at a time with finishCurrent().
 */
function stubSpeech() {
  type Utterance = EventTarget & { text: string; lang: string; voice: { name: string } | null };
  const log = { spoken: [] as { text: string; lang: string; voice: string | null }[], calls: [] as string[] };
  let current: Utterance | null = null;
  class FakeUtterance extends EventTarget {
    text: string;
    lang = '';
    voice: { name: string } | null = null;
    rate = 1;
    constructor(text: string) {
      super();
      this.text = text;
    }
  }
  const voices = [
    { name: 'English', lang: 'en-US' },
    { name: '粤语', lang: 'zh-HK' },
    { name: '普通话', lang: 'zh_CN' },
  ];
  const synth = {
    speak(u: Utterance) {
      log.calls.push('speak');
      log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null });
      current = u;
      u.dispatchEvent(new Event('start'));
    },
    pause: () => log.calls.push('pause'),
    resume: () => log.calls.push('resume'),
    cancel() {
      log.calls.push('cancel');
      const u = current;
      current = null;
      u?.dispatchEvent(Object.assign(new Event('error'), { error: 'interrupted' }));
    },
    getVoices: () => voices,
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
  Object.assign(window, {
    __speech: {
      log,
      finishCurrent() {
        const u = current;
        current = null;
        u?.dispatchEvent(new Event('end'));
      },
    },
  });
}

type SpeechLog = { spoken: { text: string; lang: string; voice: string | null }[]; calls: string[] };
const speechLog = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { log: SpeechLog } }).__speech.log);
const finishCurrent = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { finishCurrent(): void } }).__speech.finishCurrent());
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const h = CSS.highlights.get('read-aloud');
    return h ? [...h].map((r) => r.toString()).join('') : null;
  });

test.beforeEach(async ({ page }) => {
  await page.addInitScript(stubSpeech);
  await openSettled(page, recordPath);
});

test('朗读全文 reads the record sentence by sentence in zh-CN, highlighting each', async ({ page }) => {
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await page.getByRole('button', { name: '朗读全文' }).click();
  await expect(page.getByRole('status').filter({ hasText: '正在朗读' })).toBeVisible();
  let log = await speechLog(page);
  expect(log.spoken).toEqual([{ text: title, lang: 'zh-CN', voice: '普通话' }]);
  expect(await highlighted(page)).toBe(title);
  await expect(page.locator('h1.is-being-read')).toHaveCount(1);

  // Let the engine finish sentences until the letter is reached: the controls are never read.
  for (let i = 0; i < 40 && !(await highlighted(page))?.includes('我们将'); i++) await finishCurrent(page);
  log = await speechLog(page);
  const texts = log.spoken.map((s) => s.text);
  expect(texts.join('')).not.toMatch(/朗读全文|纯文本|暂停/);
  expect(texts).toContain('类别'); // the metadata table is read too, label then value
  expect(texts.at(-1)).toMatch(/^我们将/);
  expect(await highlighted(page)).toBe(texts.at(-1));
  await expect(page.locator('.letter p.is-being-read')).toHaveCount(1);
});

test('暂停 pauses and continues; 停止 cancels and clears the highlight', async ({ page }) => {
  await page.getByRole('button', { name: '朗读全文' }).click();
  const pause = page.getByRole('button', { name: '暂停' });
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: '已暂停' })).toBeVisible();
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: '停止' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已停止朗读' })).toBeVisible();
  const log = await speechLog(page);
  expect(log.calls.filter((c) => c !== 'speak').slice(-3)).toEqual(['pause', 'resume', 'cancel']);
  expect(await highlighted(page)).toBeNull();
  await expect(page.locator('.is-being-read')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '停止' })).toHaveAttribute('aria-disabled', 'true');
  // Nothing else is spoken after a stop, even if the engine reports an end late.
  await finishCurrent(page);
  expect((await speechLog(page)).spoken).toHaveLength(log.spoken.length);
});

test('从选中处朗读 starts at the sentence the reader selected', async ({ page }) => {
  await page.getByRole('button', { name: '从选中处朗读' }).click();
  await expect(page.getByRole('status').filter({ hasText: '请先' })).toBeVisible();
  expect((await speechLog(page)).spoken).toEqual([]);

  const target = await page.locator('.letter p').nth(1).evaluate((p) => {
    const range = document.createRange();
    range.setStart(p.firstChild!, 2);
    range.setEnd(p.firstChild!, 6);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return p.textContent!.trim();
  });
  await page.getByRole('button', { name: '从选中处朗读' }).click();
  const log = await speechLog(page);
  expect(target.startsWith(log.spoken[0].text)).toBe(true);
  expect(log.spoken).toHaveLength(1);
});

test('without speech synthesis the read-aloud buttons are hidden and the reason given', async ({ browser }) => {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    delete (window as { speechSynthesis?: unknown }).speechSynthesis;
    delete (Window.prototype as { speechSynthesis?: unknown }).speechSynthesis;
  });
  await openSettled(page, recordPath);
  await expect(page.getByRole('button', { name: '朗读全文' })).toBeHidden();
  await expect(page.getByText('您的浏览器不支持语音朗读。')).toBeVisible();
  await expect(page.getByRole('button', { name: '纯文本' })).toBeVisible();
  await page.close();
});
