import { applyPrefs, defaultPrefs, loadPrefs, savePrefs, storageKey, textSizes, type ReadingPrefs, type TextSize } from './preferences.ts';
import { ReadingGuide } from './reading-guide.ts';

type Toggle = Exclude<keyof ReadingPrefs, 'size'>;
const toggles: readonly Toggle[] = ['elder', 'tools', 'contrast', 'cursor', 'guide', 'plain'];

/**
 * Wires every reading control on the page: buttons with data-pref (on/off), data-size
 * (标准/大/特大) and data-reset. Each press updates <html>, aria-pressed and storage;
 * other tabs follow through the storage event.
 */
export function startReadingControls(): void {
  let prefs = loadPrefs();
  const guide = new ReadingGuide();
  const status = document.querySelector<HTMLElement>('[data-reading-status]');

  const render = () => {
    applyPrefs(prefs);
    for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-pref]')) {
      button.setAttribute('aria-pressed', String(prefs[button.dataset.pref as Toggle] === true));
    }
    for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-size]')) {
      button.setAttribute('aria-pressed', String(prefs.size === button.dataset.size));
    }
    guide.setEnabled(prefs.guide);
  };
  const update = (next: ReadingPrefs, message?: string) => {
    prefs = next;
    savePrefs(prefs);
    render();
    if (status && message) status.textContent = message;
  };

  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-pref], button[data-size], button[data-reset]');
    if (!button) return;
    const { pref, size } = button.dataset;
    if (pref && (toggles as readonly string[]).includes(pref)) {
      update({ ...prefs, [pref]: !prefs[pref as Toggle] });
    } else if (size && textSizes.includes(size as TextSize)) {
      update({ ...prefs, size: size as TextSize }, `文字大小：${button.textContent?.trim()}`);
    } else if (button.hasAttribute('data-reset')) {
      // The tools bar stays open, so focus stays on the button just pressed.
      update({ ...defaultPrefs, tools: prefs.tools }, '已恢复默认显示。');
    }
  });
  addEventListener('storage', (event) => {
    if (event.key !== storageKey && event.key !== null) return;
    prefs = loadPrefs();
    render();
  });
  render();
}
