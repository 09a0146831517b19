import { TRADITIONAL_BITMAP, TRADITIONAL_OTHERS } from './traditional-data.ts';

const START = 0x3400;
const END = 0xa000;
let bitmap: Uint8Array | undefined;
const others = new Set(TRADITIONAL_OTHERS);

/**
 * True when the text contains a character that Traditional → Simplified conversion may
 * change. The browser loads the conversion dictionary (≈110 KB) only then.
 */
export function needsSimplifying(text: string): boolean {
  bitmap ??= Uint8Array.from(atob(TRADITIONAL_BITMAP), (c) => c.charCodeAt(0));
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= START && cp < END) {
      if (bitmap[(cp - START) >> 3]! & (1 << ((cp - START) & 7))) return true;
    } else if (cp > 0x2e7f && others.has(cp)) {
      return true;
    }
  }
  return false;
}
