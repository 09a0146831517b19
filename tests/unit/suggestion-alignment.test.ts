import { describe, expect, test } from 'vitest';
import { alignSuggestions, numberedParts } from '../../src/lib/suggestion-alignment.ts';

const suggestions = '一、思想上高度重视。\n\n各单位要签定责任书。\n\n二、做到精准招商。\n\n三、创新招商方式。';

describe('lining up suggestions with the reply', () => {
  test('numbered parts run until the next number of the same style', () => {
    expect(numberedParts(suggestions).map((p) => [p.number, p.markdown])).toEqual([
      [1, '一、思想上高度重视。\n\n各单位要签定责任书。'],
      [2, '二、做到精准招商。'],
      [3, '三、创新招商方式。'],
    ]);
  });

  test('a reply that names the suggestion it answers is paired by name, in reply order', () => {
    const reply = '高斌委员：\n\n一、关于建议“三”：创新方式\n\n已办。\n\n二、关于建议“一”：提高认识\n\n已落实。';
    expect(alignSuggestions(suggestions, reply).map((p) => [p.number, p.answer])).toEqual([
      [3, '一、关于建议“三”：创新方式\n\n已办。'],
      [1, '二、关于建议“一”：提高认识\n\n已落实。'],
    ]);
  });

  test('without names, parts are paired by order only when the counts match', () => {
    expect(alignSuggestions(suggestions, '一、甲\n\n二、乙\n\n三、丙').map((p) => p.number)).toEqual([1, 2, 3]);
    // Seed 002: five suggestions, three reply parts about the problems — no pairing is certain.
    expect(alignSuggestions(suggestions, '一、关于思想认识的问题\n\n二、关于方式的问题')).toEqual([]);
  });

  test('escaped numbering written by the importer (1\\.) is recognised', () => {
    expect(numberedParts('1\\. 第一条\n\n2\\. 第二条').map((p) => p.number)).toEqual([1, 2]);
  });
});
