import chardet from 'chardet';

/** The result of decoding a page's bytes. */
export interface Decoded {
  text: string;
  /** The WHATWG encoding label used. */
  encoding: string;
  /** How the encoding was chosen: bom, meta, utf-8, detected. */
  how: 'bom' | 'meta' | 'utf-8' | 'detected';
}

const META = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i;
const KNOWN: Record<string, string> = {
  'utf-8': 'utf-8', utf8: 'utf-8', gbk: 'gbk', gb2312: 'gbk', 'gb-2312': 'gbk', gb18030: 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5', 'x-gbk': 'gbk', cp936: 'gbk',
};

/**
 * Picks between GB18030 and Big5 for bytes that are not UTF-8. chardet gives the
 * first opinion; Big5 is only believed when its trail bytes show it (Big5 uses
 * 0x40–0x7E as trail bytes often, GB2312 text never) and the bytes decode without error.
 */
function legacyEncoding(bytes: Uint8Array): string {
  const guess = (chardet.detect(bytes) ?? '').toLowerCase();
  let pairs = 0;
  let lowTrail = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    const b = bytes[i] as number;
    if (b < 0x81) continue;
    const t = bytes[i + 1] as number;
    pairs++;
    if (t >= 0x40 && t <= 0x7e) lowTrail++;
    i++;
  }
  const big5Shape = pairs > 0 && lowTrail / pairs > 0.15;
  if ((guess === 'big5' || big5Shape) && decodes(bytes, 'big5')) return 'big5';
  return 'gb18030';
}

function decodes(bytes: Uint8Array, label: string): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a saved page: a BOM wins, then an HTML <meta charset>, then strict UTF-8,
 * then GB18030 (a superset of GBK) or Big5 as detected.
 */
export function decodePage(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', how: 'bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', how: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', how: 'bom' };
  // <meta charset> is ASCII and sits near the top of the page.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = META.exec(head)?.[1]?.toLowerCase();
  const declared = meta ? KNOWN[meta] : undefined;
  if (declared) {
    // Portals declare gb2312 and serve GBK extensions; gb18030 decodes both.
    const label = declared === 'gbk' ? 'gb18030' : declared;
    return { text: new TextDecoder(label).decode(bytes), encoding: label, how: 'meta' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', how: 'utf-8' };
  } catch {
    // Not UTF-8: one of the legacy Chinese encodings.
  }
  const label = legacyEncoding(bytes);
  return { text: new TextDecoder(label).decode(bytes), encoding: label, how: 'detected' };
}

/** True when bytes are not text: NUL bytes or many control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample[0] === 0xff && sample[1] === 0xfe) return false;
  if (sample[0] === 0xfe && sample[1] === 0xff) return false;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > sample.length * 0.02;
}
