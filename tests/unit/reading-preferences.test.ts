import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { classesFor, defaultPrefs, loadPrefs, parsePrefs, savePrefs, serializePrefs, storageKey, type ReadingPrefs } from '../../src/reading/preferences.ts';

const earlyScript = readFileSync(resolve(import.meta.dirname, '../../src/reading/early.js'), 'utf8');

/** Runs early.js against a fake <html> and storage; returns the classes it set. */
function runEarly(stored: string | null, storageThrows = false): string[] {
  const classes = new Set<string>();
  const documentElement = { classList: { add: (c: string) => classes.add(c) } };
  const localStorage = {
    getItem: (key: string) => {
      if (storageThrows) throw new Error('SecurityError');
      return key === storageKey ? stored : null;
    },
  };
  runInNewContext(earlyScript, { document: { documentElement }, localStorage, JSON, Array });
  return [...classes];
}

describe('early.js applies what preferences.ts saved', () => {
  const cases: Partial<ReadingPrefs>[] = [{}, { elder: true }, { elder: true, size: 'xlarge', contrast: true }, { tools: true, cursor: true, guide: true, plain: true, size: 'large' }];
  for (const prefs of cases) {
    test(`round trip of ${JSON.stringify(prefs)}`, () => {
      const full = { ...defaultPrefs, ...prefs };
      expect(runEarly(serializePrefs(full)).sort()).toEqual(['js', ...classesFor(full)].sort());
    });
  }

  test('empty, corrupt or blocked storage leaves only the js class', () => {
    expect(runEarly(null)).toEqual(['js']);
    expect(runEarly('{not json')).toEqual(['js']);
    expect(runEarly('{"classes":"elder"}')).toEqual(['js']);
    expect(runEarly(null, true)).toEqual(['js']);
  });

  test('only plain class names are copied', () => {
    expect(runEarly('{"classes":["elder","x y","\\"><script>","Upper"]}')).toEqual(['js', 'elder']);
  });
});

describe('preferences', () => {
  test('parsing keeps well-formed fields and defaults the rest', () => {
    expect(parsePrefs(JSON.stringify({ prefs: { elder: true, size: 'huge', contrast: 'yes' } }))).toEqual({ ...defaultPrefs, elder: true });
    expect(parsePrefs('garbage')).toEqual(defaultPrefs);
  });

  test('classes name every switched-on preference', () => {
    expect(classesFor({ ...defaultPrefs, elder: true, size: 'large', guide: true })).toEqual(['elder', 'size-large', 'reading-guide']);
    expect(classesFor(defaultPrefs)).toEqual([]);
  });

  test('saving the defaults removes the stored value; storage errors are swallowed', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    savePrefs({ ...defaultPrefs, contrast: true }, storage);
    expect(loadPrefs(storage)).toEqual({ ...defaultPrefs, contrast: true });
    savePrefs(defaultPrefs, storage);
    expect(store.has(storageKey)).toBe(false);
    const full = { setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
    expect(() => savePrefs({ ...defaultPrefs, elder: true }, full)).not.toThrow();
  });
});
