/**
 * Search normalisation, applied identically to record text (at build time) and to the
 * reader's query (in the browser), so that variants of one text meet in the index:
 *
 * - full-width ↔ half-width forms and punctuation (NFKC), Latin lower-cased;
 * - Traditional → Simplified (opencc-js, tw → cn; injected, because the browser loads
 *   the dictionary only when a query contains a Traditional character);
 * - bracket styles of 文号 〔〕 [] 【】 〖〗 () → ( ), quote and dash styles unified;
 * - Chinese numerals → Arabic where they count something: 十三届 → 13届, 二次会议 →
 *   2次会议, 第五号 → 第5号, 二〇一八年 → 2018年;
 * - pinyin glyph-pair noise from mirror sites: 關(guān) → 关.
 *
 * Every step keeps a map from output characters to input offsets, so that a match in
 * the normalised text can be highlighted in the original.
 */

/** A normalised text and, for each of its UTF-16 code units, the offset it came from. */
export interface Normalized {
  text: string;
  /** map[i] is the offset in the original of normalised position i; map[text.length] = original length. */
  map: number[];
}

/** Converts Traditional to Simplified Chinese; must not change the length of what it is given per character. */
export type ToSimplified = (text: string) => string;

const OPEN_BRACKETS = '〔【〖[(（［｛{⦅〘';
const CLOSE_BRACKETS = '〕】〗])）］｝}⦆〙';
const DOUBLE_QUOTES = '“”„‟〝〞〟「」『』＂"';
const SINGLE_QUOTES = '‘’‚‛′';
const DASHES = '‐‑‒–—―－⁃﹘﹣';
const MIDDLE_DOTS = '·・•‧∙⋅･';

/** Characters that mark a Chinese numeral run. */
const NUMERAL_CHARS = '〇零一二三四五六七八九十百千两';
const NUMERAL_RUN = /[〇零一二三四五六七八九十百千两]+/g;
/** A numeral followed by one of these counts something and is written in digits: 13届, 2次, 5号, 2018年. */
const NUMERAL_CONTEXT_AFTER = '届次号年';

const DIGIT_VALUE: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT_VALUE: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * The value of a Chinese numeral as digits: positional when it has 十/百/千 (二十三 → "23",
 * 一百零五 → "105"), digit by digit otherwise (二〇一八 → "2018"). Null when malformed.
 */
export function chineseNumeralToDigits(run: string): string | null {
  if (!run) return null;
  if (!/[十百千]/.test(run)) {
    let out = '';
    for (const ch of run) {
      const v = DIGIT_VALUE[ch];
      if (v === undefined) return null;
      out += String(v);
    }
    return out;
  }
  let total = 0;
  let pending = 0;
  let lastUnit = 10000;
  for (const ch of run) {
    if (ch in DIGIT_VALUE) {
      pending = DIGIT_VALUE[ch];
    } else if (ch in UNIT_VALUE) {
      const unit = UNIT_VALUE[ch];
      if (unit >= lastUnit) return null;
      total += (pending || 1) * unit;
      pending = 0;
      lastUnit = unit;
    } else {
      return null;
    }
  }
  return String(total + pending);
}

/** A Latin syllable with a tone mark or tone digit, as mirror sites print after a character. */
const PINYIN_NOISE = /(\p{Script=Han})\(([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*|[a-zü]{1,6}[1-5])\)/gu;

/** Rewrites text piecewise while composing the offset map. */
function rewrite(input: Normalized, pattern: RegExp, replace: (match: RegExpExecArray) => { from: number; to: number; text: string } | null): Normalized {
  let text = '';
  const map: number[] = [];
  let last = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(input.text); m; m = pattern.exec(input.text)) {
    const r = replace(m);
    if (!r) continue;
    text += input.text.slice(last, r.from);
    for (let i = last; i < r.from; i++) map.push(input.map[i]);
    // Replacement characters all point at the start of what they replace.
    text += r.text;
    for (let i = 0; i < r.text.length; i++) map.push(input.map[r.from + Math.min(i, r.to - r.from - 1)] ?? input.map[r.from]);
    last = r.to;
  }
  text += input.text.slice(last);
  for (let i = last; i <= input.text.length; i++) map.push(input.map[i]);
  return { text, map };
}

/** What one character becomes under {@link mapCharacters}: NFKC, case, punctuation styles. */
function mapCharacter(ch: string): string {
  if (OPEN_BRACKETS.includes(ch)) return '(';
  if (CLOSE_BRACKETS.includes(ch)) return ')';
  if (DOUBLE_QUOTES.includes(ch)) return '“';
  if (SINGLE_QUOTES.includes(ch)) return "'";
  if (DASHES.includes(ch)) return '-';
  if (MIDDLE_DOTS.includes(ch)) return '·';
  if (ch === '\u200b' || ch === '\ufeff' || ch === '\u00ad') return '';
  let out = ch.normalize('NFKC').toLowerCase();
  // NFKC may produce brackets or quotes again (e.g. ⑴ → (1)).
  out = out.replace(/[〔【〖[（［{]/g, '(').replace(/[〕】〗\]）］}]/g, ')').replace(/["＂]/g, '“');
  return /^\s+$/u.test(out) ? ' ' : out;
}

// Every character's mapping, computed once: a record's text uses a few thousand distinct
// characters, and working each one out again (six look-ups, NFKC, three replacements)
// was 18 s of a 10,000-record index. Capped, so hostile text cannot grow it without end.
const CHARACTER_MAP = new Map<string, string>();
const CHARACTER_MAP_LIMIT = 65536;

/** Per-character mapping (NFKC, case, punctuation styles); characters may expand (㈠ → (一)). */
function mapCharacters(original: string): Normalized {
  let text = '';
  const map: number[] = [];
  let offset = 0;
  for (const ch of original) {
    let out = CHARACTER_MAP.get(ch);
    if (out === undefined) {
      out = mapCharacter(ch);
      if (CHARACTER_MAP.size < CHARACTER_MAP_LIMIT) CHARACTER_MAP.set(ch, out);
    }
    text += out;
    for (let i = 0; i < out.length; i++) map.push(offset);
    offset += ch.length;
  }
  map.push(offset);
  return { text, map };
}

/** Applies a Traditional → Simplified converter, keeping positions when it keeps the length. */
function simplify(input: Normalized, toSimplified: ToSimplified | undefined): Normalized {
  if (!toSimplified) return input;
  const converted = toSimplified(input.text);
  if (converted.length === input.text.length) return { text: converted, map: input.map };
  // A phrase rule changed the length: fall back to character by character, which keeps alignment.
  let text = '';
  for (const ch of input.text) {
    const c = toSimplified(ch);
    text += c.length === ch.length ? c : ch;
  }
  return { text, map: input.map };
}

/** Converts Chinese numerals that count something (届, 次, 号, 年, or after 第) to digits. */
function convertNumerals(input: Normalized, edges: { leading: boolean; trailing: boolean }): Normalized {
  return rewrite(input, NUMERAL_RUN, (m) => {
    const from = m.index;
    const to = from + m[0].length;
    const before = input.text[from - 1] ?? '';
    const after = input.text[to] ?? '';
    const atEdge = (edges.leading && from === 0) || (edges.trailing && to === input.text.length);
    const counted = after !== '' && NUMERAL_CONTEXT_AFTER.includes(after);
    if (!atEdge && before !== '第' && !counted) return null;
    // 两 alone is a word (两岸, 两委), not a number, unless something is counted after it.
    if (m[0] === '两' && !counted) return null;
    const digits = chineseNumeralToDigits(m[0]);
    return digits === null ? null : { from, to, text: digits };
  });
}

/** Options of {@link normalize}. */
export interface NormalizeOptions {
  /** Traditional → Simplified converter; omitted when the text is known to be Simplified. */
  toSimplified?: ToSimplified;
  /**
   * Also convert a numeral run at the start (leading) or end (trailing) of the text. A
   * query's edge can cut off the 第 or 届 that made the indexed text use digits, so the
   * query is searched both ways.
   */
  edgeNumerals?: { leading: boolean; trailing: boolean };
}

/** Normalises text for searching; see the module comment for what it unifies. */
export function normalize(original: string, options: NormalizeOptions = {}): Normalized {
  let n = mapCharacters(original);
  n = simplify(n, options.toSimplified);
  n = rewrite(n, PINYIN_NOISE, (m) => ({ from: m.index + m[1].length, to: m.index + m[0].length, text: '' }));
  n = convertNumerals(n, options.edgeNumerals ?? { leading: false, trailing: false });
  return n;
}

/**
 * What Traditional → Simplified conversion makes of each of `strings` that it changes:
 * pairs of the text the converter is given (after character mapping) and its
 * conversion. A search result card carries these pairs, so the browser matches and
 * highlights its text without loading the conversion dictionary (≈55 KB gzip);
 * {@link pairSimplifier} reads them.
 */
export function simplifications(strings: Iterable<string>, toSimplified: ToSimplified): [string, string][] {
  const pairs = new Map<string, string>();
  for (const original of strings) {
    const mapped = mapCharacters(original);
    if (pairs.has(mapped.text)) continue;
    const simplified = simplify(mapped, toSimplified).text;
    if (simplified !== mapped.text) pairs.set(mapped.text, simplified);
  }
  return [...pairs];
}

/**
 * The converter of a {@link simplifications} list: a text it lists becomes its
 * conversion, any other text is already Simplified. Same length by construction, so
 * normalize keeps its offsets.
 */
export function pairSimplifier(pairs: readonly [string, string][]): ToSimplified {
  const table = new Map(pairs);
  return (text) => table.get(text) ?? text;
}

/** A text as {@link simplifications} gives it to the converter (character mapping only). */
export function mappedText(text: string): string {
  return mapCharacters(text).text;
}

/**
 * The converter of a {@link simplifications} list for parts of the texts it was made
 * from, as a record page shows them: a line split into text nodes by links and marks,
 * lines joined by white space. A part of a listed text becomes the same part of its
 * conversion (conversion keeps lengths, and the part converts in its line's context, as
 * the index saw it); any other text is taken as one conversion does not change, so the
 * caller must know the texts come from the list's record.
 */
export function partSimplifier(pairs: readonly [string, string][]): ToSimplified {
  const table = new Map(pairs);
  const part = (text: string): string => {
    const whole = table.get(text);
    if (whole !== undefined) return whole;
    for (const [original, simplified] of pairs) {
      const at = original.indexOf(text);
      if (at >= 0) return simplified.slice(at, at + text.length);
    }
    return text;
  };
  return (text) => {
    const converted = part(text);
    if (converted !== text || !/\s/.test(text)) return converted;
    // Several lines in one text node: each on its own.
    return text.split(/(\s+)/).map((piece, i) => (i % 2 ? piece : part(piece))).join('');
  };
}

/** True when the character is one of the Chinese numeral characters. */
export function isNumeralChar(ch: string): boolean {
  return NUMERAL_CHARS.includes(ch);
}
