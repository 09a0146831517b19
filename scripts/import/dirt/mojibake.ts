// Mojibake is UTF-8 text that was decoded as GBK and saved again (对不 → 瀵逛笉). It is
// reversible when no byte was lost: encode the garbled text back to GBK bytes and
// decode them as UTF-8. Node can decode GBK but not encode it, so the encoder table is
// built once from the decoder.
let gbkTable: Map<number, number> | null = null;

function gbkEncoderTable(): Map<number, number> {
  if (gbkTable) return gbkTable;
  const bytes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      bytes.push(lead, trail, 0x0a);
    }
  }
  const decoded = new TextDecoder('gbk').decode(new Uint8Array(bytes)).split('\n');
  const table = new Map<number, number>();
  let i = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoded[i++] ?? '';
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch.charCodeAt(0))) table.set(ch.charCodeAt(0), (lead << 8) | trail);
    }
  }
  gbkTable = table;
  return table;
}

// Characters that UTF-8 Chinese turns into when read as GBK; ordinary text rarely uses them.
const SIGNATURE = /[鍙鏄鐨浠瀵涓鍥閮缁鎴锛銆鈥绛鏈璇杩鍦鍚閲嶆煡鐞妗鍔犲紑鏂囦欢鍏宸鑰闂瀛鎻鐢寰瑙锟]/g;
// Runs of non-ASCII characters: ASCII bytes survive the round trip unchanged, and real
// Chinese punctuation typed around garbled text is not part of it.
const RUN = /[^\x00-\x7f\s\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019]{2,}/g;
// GB2312 level-1 Hanzi (the 3,755 common characters) sit in lead bytes B0–D7.
function commonShare(text: string): number {
  const table = gbkEncoderTable();
  let han = 0;
  let common = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x4e00 || code > 0x9fff) continue;
    han++;
    const gbk = table.get(code);
    if (gbk !== undefined && gbk >> 8 >= 0xb0 && gbk >> 8 <= 0xd7) common++;
  }
  return han === 0 ? 0 : common / han;
}

/** True when a page shows the marks of UTF-8-read-as-GBK mojibake somewhere. */
export function looksLikeMojibake(text: string): boolean {
  return (text.match(SIGNATURE)?.length ?? 0) >= 3;
}

/**
 * True for a line that is (partly) mojibake: at least two signature characters, and
 * fewer than half of its Han characters are common ones (ordinary text: ~90%).
 */
export function isMojibakeLine(text: string): boolean {
  return (text.match(SIGNATURE)?.length ?? 0) >= 2 && commonShare(text) < 0.5;
}

/**
 * Repairs the mojibake runs of one line where the round trip is exact and the result
 * reads as common Chinese. Runs that lost bytes stay as they are (flagged, not repaired).
 */
export function repairMojibake(line: string): { text: string; repaired: number; unrepaired: number } {
  let repaired = 0;
  let unrepaired = 0;
  const table = gbkEncoderTable();
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const text = line.replace(RUN, (run) => {
    if ((run.match(SIGNATURE)?.length ?? 0) < 2) return run;
    const bytes: number[] = [];
    for (const ch of run) {
      const gbk = table.get(ch.codePointAt(0) ?? 0);
      if (gbk === undefined) {
        unrepaired++;
        return run;
      }
      bytes.push(gbk >> 8, gbk & 0xff);
    }
    let fixed: string;
    try {
      fixed = utf8.decode(new Uint8Array(bytes));
    } catch {
      unrepaired++;
      return run;
    }
    if (commonShare(fixed) < 0.7 || commonShare(run) >= 0.5) {
      unrepaired++;
      return run;
    }
    repaired++;
    return fixed;
  });
  return { text, repaired, unrepaired };
}
