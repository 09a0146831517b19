/**
 * Reading preferences (长辈版 and the 无障碍 tools): their shape, how they are stored
 * in localStorage, and how they become classes on <html>.
 *
 * The stored value carries the class list as well as the preferences, so the tiny
 * blocking script in <head> (early.js) can apply it before the first paint without
 * knowing anything about the preferences themselves.
 */

/** The three text sizes offered in every mode. */
export const textSizes = ['standard', 'large', 'xlarge'] as const;
/** One of {@link textSizes}. */
export type TextSize = (typeof textSizes)[number];

/** Everything a reader can switch; all off and standard size by default. */
export interface ReadingPrefs {
  /** 长辈版: larger text, larger targets, one column. */
  elder: boolean;
  /** The 无障碍 tools bar is shown. */
  tools: boolean;
  /** Text size: 标准 / 大 / 特大. */
  size: TextSize;
  /** High-contrast theme. */
  contrast: boolean;
  /** Extra-large mouse cursor. */
  cursor: boolean;
  /** A reading guide line that follows the pointer and the keyboard focus. */
  guide: boolean;
  /** Records shown as plain text (纯文本): one size, no table grid, no colour. */
  plain: boolean;
}

/** The localStorage key; early.js reads the same key. */
export const storageKey = 'archive-reading-prefs';

/** Preferences of a first visit. */
export const defaultPrefs: Readonly<ReadingPrefs> = Object.freeze({
  elder: false,
  tools: false,
  size: 'standard',
  contrast: false,
  cursor: false,
  guide: false,
  plain: false,
});

/** Every class this module may put on <html>, so that applying removes stale ones. */
export const prefClasses = ['elder', 'tools-open', 'size-large', 'size-xlarge', 'high-contrast', 'big-cursor', 'reading-guide', 'plain-text'] as const;

/** The classes on <html> that express `prefs`. */
export function classesFor(prefs: ReadingPrefs): string[] {
  const classes: string[] = [];
  if (prefs.elder) classes.push('elder');
  if (prefs.tools) classes.push('tools-open');
  if (prefs.size !== 'standard') classes.push(`size-${prefs.size}`);
  if (prefs.contrast) classes.push('high-contrast');
  if (prefs.cursor) classes.push('big-cursor');
  if (prefs.guide) classes.push('reading-guide');
  if (prefs.plain) classes.push('plain-text');
  return classes;
}

/** Reads preferences from any stored value, keeping only well-formed fields. */
export function parsePrefs(raw: string | null): ReadingPrefs {
  let stored: unknown;
  try {
    stored = raw ? JSON.parse(raw) : null;
  } catch {
    stored = null;
  }
  const value = (stored as { prefs?: Record<string, unknown> } | null)?.prefs ?? {};
  const flag = (key: keyof ReadingPrefs) => (typeof value[key] === 'boolean' ? (value[key] as boolean) : (defaultPrefs[key] as boolean));
  return {
    elder: flag('elder'),
    tools: flag('tools'),
    size: textSizes.includes(value.size as TextSize) ? (value.size as TextSize) : defaultPrefs.size,
    contrast: flag('contrast'),
    cursor: flag('cursor'),
    guide: flag('guide'),
    plain: flag('plain'),
  };
}

/** The stored form of `prefs`: the preferences and the classes early.js applies. */
export function serializePrefs(prefs: ReadingPrefs): string {
  return JSON.stringify({ prefs, classes: classesFor(prefs) });
}

/** The saved preferences, or the defaults when storage is empty, blocked or corrupt. */
export function loadPrefs(storage: Pick<Storage, 'getItem'> | null = safeStorage()): ReadingPrefs {
  try {
    return parsePrefs(storage?.getItem(storageKey) ?? null);
  } catch {
    return { ...defaultPrefs };
  }
}

/** Saves `prefs`; a reader whose browser blocks storage keeps them for this page only. */
export function savePrefs(prefs: ReadingPrefs, storage: Pick<Storage, 'setItem' | 'removeItem'> | null = safeStorage()): void {
  try {
    if (isDefault(prefs)) storage?.removeItem(storageKey);
    else storage?.setItem(storageKey, serializePrefs(prefs));
  } catch {
    // Storage full or disabled: the page still reflects the choice.
  }
}

/** Puts exactly the classes for `prefs` on `root` (normally <html>). */
export function applyPrefs(prefs: ReadingPrefs, root: Element = document.documentElement): void {
  const wanted = new Set(classesFor(prefs));
  for (const name of prefClasses) root.classList.toggle(name, wanted.has(name));
}

/** True when `prefs` equals the first-visit defaults. */
export function isDefault(prefs: ReadingPrefs): boolean {
  return (Object.keys(defaultPrefs) as (keyof ReadingPrefs)[]).every((key) => prefs[key] === defaultPrefs[key]);
}

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
