import { describe, expect, test } from 'vitest';
import { findAll } from '../../src/search/literal.ts';
import { parseQuery, splitQuery } from '../../src/search/query.ts';
import { matchRanges, snippetParts } from '../../src/search/snippet.ts';
import { charCode, pairToken, phraseTokens, textRuns } from '../../src/search/tokens.ts';

describe('search tokens and queries', () => {
  test('tokens are ASCII, lower case and prefix-free', () => {
    const tokens = new Set<string>();
    for (const run of textRuns('招商引资 第5号 2018年 ab12 𠀀字 王玲玲 ，。')) for (const t of phraseTokens(run)) tokens.add(t);
    for (const run of textRuns('招 商 5 50 a ab')) for (const t of phraseTokens(run)) tokens.add(t);
    const list = [...tokens];
    for (const t of list) expect(t).toMatch(/^[a-z0-9]+$/);
    for (const a of list) for (const b of list) if (a !== b) expect(b.startsWith(a), `${a} is a prefix of ${b}`).toBe(false);
  });

  test('a phrase is its overlapping pairs; one unit is a single token', () => {
    const [run] = textRuns('王玲玲');
    expect(phraseTokens(run!)).toEqual([pairToken(run![0]!, run![1]!), pairToken(run![1]!, run![2]!)]);
    expect(phraseTokens(textRuns('商')[0]!)).toEqual([`u${charCode('商')}`]);
  });

  test('digits and Latin letters are whole units', () => {
    expect(textRuns('第15号').flat().map((u) => u.kind)).toEqual(['han', 'digits', 'han']);
    expect(findAll('第15号', '第5号')).toEqual([]);
    expect(findAll('第5号', '第5号')).toEqual([[0, 3]]);
    expect(findAll('20180', '2018')).toEqual([]);
  });

  test('spaces mean all words; quotes keep a phrase together', () => {
    expect(splitQuery('河长制  水利局')).toEqual([
      { text: '河长制', quoted: false },
      { text: '水利局', quoted: false },
    ]);
    expect(splitQuery('"水利局 答复" 河长制')).toEqual([
      { text: '水利局 答复', quoted: true },
      { text: '河长制', quoted: false },
    ]);
    expect(splitQuery('“内生动力”')).toEqual([{ text: '内生动力', quoted: true }]);
  });

  test('a query is normalised like the index, with edge numerals searched both ways', () => {
    const [p] = parseQuery('十三届二次会议');
    expect(p!.variants).toEqual(['13届2次会议']);
    const [q] = parseQuery('第五号');
    expect(q!.variants).toEqual(['第5号']);
    const [edge] = parseQuery('五个一');
    expect(edge!.variants).toEqual(['五个一', '5个一', '五个1', '5个1']);
    expect(parseQuery('，')).toEqual([]);
  });

  test('snippets mark the match in the original text', () => {
    const line = '专业招商作为招商引资的重要模式，第５号提案';
    const ranges = matchRanges(line, ['招商引资', '第5号']);
    expect(ranges.map(([s, e]) => line.slice(s, e))).toEqual(['招商引资', '第５号']);
    const parts = snippetParts(line, ranges, 12);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toContain('招商引资');
  });
});
