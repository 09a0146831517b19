import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, test } from 'vitest';
import { chineseNumeralToDigits, normalize, pairSimplifier, partSimplifier, simplifications } from '../../src/search/normalize.ts';
import { traditionalDataSource } from '../../src/search/traditional-gen.ts';
import { needsSimplifying } from '../../src/search/traditional.ts';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const n = (text: string) => normalize(text, { toSimplified }).text;

describe('search normalisation', () => {
  test('full-width forms become half-width and Latin lower case', () => {
    expect(n('第５号　ＡＢＣ，２０１８年')).toBe('第5号 abc,2018年');
  });

  test('Traditional becomes Simplified: 提案辦理 → 提案办理', () => {
    expect(n('提案辦理')).toBe('提案办理');
    expect(n('關於臺灣')).toBe('关于台湾');
  });

  test('文号 bracket styles meet: 〔〕 [] 【】 () （）', () => {
    const forms = ['宣招〔2018〕12号', '宣招[2018]12号', '宣招【2018】12号', '宣招(2018)12号', '宣招（２０１８）12号'];
    expect(new Set(forms.map(n)).size).toBe(1);
  });

  test('numerals that count become digits: sessions, numbers, years', () => {
    expect(n('十三届二次会议')).toBe('13届2次会议');
    expect(n('第五号')).toBe('第5号');
    expect(n('二〇一八年')).toBe('2018年');
    expect(n('第一百零五号提案')).toBe('第105号提案');
    expect(n('五届人大五次会议')).toBe('5届人大5次会议');
  });

  test('numerals that do not count stay: 一是, 统一, 两岸', () => {
    expect(n('一是加强统一领导，两岸交流')).toBe('一是加强统一领导,两岸交流');
  });

  test('a numeral at the edge is converted only when asked', () => {
    expect(normalize('十三').text).toBe('十三');
    expect(normalize('十三', { edgeNumerals: { leading: true, trailing: true } }).text).toBe('13');
  });

  test('pinyin glyph-pair noise is dropped: 關(guān)于 → 关于', () => {
    expect(n('關(guān)于招(zhāo)商')).toBe('关于招商');
    expect(n('发改委（物价局）')).toBe('发改委(物价局)');
  });

  test('the offset map points back into the original text', () => {
    const original = '十三届二次會議，第５号';
    const out = normalize(original, { toSimplified });
    const at = out.text.indexOf('5号');
    expect(original.slice(out.map[at], out.map[at + 2])).toBe('５号');
    const s = out.text.indexOf('13届');
    expect(original.slice(out.map[s], out.map[s + 3])).toBe('十三届');
  });

  test('chinese numerals parse positionally or digit by digit', () => {
    expect(chineseNumeralToDigits('二十三')).toBe('23');
    expect(chineseNumeralToDigits('十')).toBe('10');
    expect(chineseNumeralToDigits('一千零一')).toBe('1001');
    expect(chineseNumeralToDigits('二〇二二')).toBe('2022');
    expect(chineseNumeralToDigits('十十')).toBeNull();
  });

  test('the browser loads the Traditional dictionary only for Traditional text', () => {
    expect(needsSimplifying('招商引资工作内生动力')).toBe(false);
    expect(needsSimplifying('提案辦理')).toBe(true);
  });

  test("a result card's conversion pairs normalise its texts as the dictionary does, and list only what changes", () => {
    // Traditional, full-width (mapped before conversion), a phrase rule, already Simplified.
    const texts = ['關於加強河長制工作的提案', '第５號　提案辦理', '显著增强', '招商引资工作内生动力'];
    const pairs = simplifications(texts, toSimplified);
    expect(pairs.map(([mapped]) => mapped)).toEqual(['關於加強河長制工作的提案', '第5號 提案辦理', '显著增强']);
    const fromPairs = pairSimplifier(pairs);
    for (const text of texts) {
      const expected = normalize(text, { toSimplified });
      const actual = normalize(text, { toSimplified: fromPairs });
      expect(actual.text).toBe(expected.text);
      expect(actual.map).toEqual(expected.map);
    }
  });

  test("parts of a record's lines, as a record page's text nodes hold them, convert as their line does", () => {
    const lines = ['關於加強河長制工作的提案', '第５號　提案辦理', '显著增强', '招商引资工作内生动力'];
    const fromParts = partSimplifier(simplifications(lines, toSimplified));
    const converted = (text: string) => normalize(text, { toSimplified: fromParts }).text;
    // A line cut by a link or a mark; a part that is a whole listed line.
    expect(converted('加強河長')).toBe(normalize('關於加強河長制工作的提案', { toSimplified }).text.slice(2, 6));
    expect(converted('加強河長')).toBe('加强河长');
    expect(converted('提案辦理')).toBe('提案办理');
    expect(converted('显著增强')).toBe(normalize('显著增强', { toSimplified }).text);
    // Two lines in one text node, each converted in its own line.
    expect(converted('河長制工作\n提案辦理')).toBe('河长制工作 提案办理');
    // Text from no listed line is taken as unchanged by conversion: the caller checks that it is the record's.
    expect(converted('招商引资')).toBe('招商引资');
    expect(converted('臺灣')).toBe('臺灣');
  });

  test('the committed Traditional character table matches opencc-js', () => {
    expect(readFileSync(new URL('../../src/search/traditional-data.ts', import.meta.url), 'utf8')).toBe(traditionalDataSource());
  });
});
