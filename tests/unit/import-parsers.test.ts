import { describe, expect, it } from 'vitest';
import { parseDate } from '../../scripts/import/dates.ts';
import { findSpam, stripSpam } from '../../scripts/import/dirt/spam.ts';
import { countLost } from '../../scripts/import/dirt/lost-characters.ts';
import { removePinyin } from '../../scripts/import/dirt/pinyin-mirror.ts';
import { isTraditional } from '../../scripts/import/dirt/traditional.ts';
import { repairMojibake } from '../../scripts/import/dirt/mojibake.ts';
import { parseDocNumber } from '../../src/lib/doc-number.ts';
import { escapeParagraph, unescapeParagraph } from '../../scripts/import/escape.ts';
import { parseChineseNumber } from '../../src/lib/numerals.ts';
import { maskPii } from '../../scripts/import/pii.ts';
import { parseProposalNumber, parseSession } from '../../scripts/import/session.ts';
import { renderedBlocks } from '../support/import-cases.ts';

describe('Chinese numerals', () => {
  it.each([
    ['十三', 13], ['十', 10], ['二十', 20], ['二十一', 21], ['一百零五', 105], ['五', 5], ['13', 13], ['１３', 13], ['二〇一八', 2018], ['两', 2],
  ])('%s → %d', (text, n) => expect(parseChineseNumber(text)).toBe(n));
  it.each(['', '十三届', 'abc', '三五十'])('rejects %j', (text) => expect(parseChineseNumber(text)).toBeNull());
});

describe('sessions and numbers', () => {
  it.each([
    ['关于区政协十三届二次会议第5号提案的答复', { body: 'cppcc', level: '区', place: null, term: 13, meeting: 2, text: '区政协十三届二次会议', number: '5' }],
    ['政协第十二届紫阳县委员会第三次会议', { body: 'cppcc', level: '县', place: '紫阳县', term: 12, meeting: 3, text: '政协第十二届紫阳县委员会第三次会议', number: null }],
    ['对淮北市政协十一届一次会议20号提案的答复', { body: 'cppcc', level: '市', place: '淮北市', term: 11, meeting: 1, text: '淮北市政协十一届一次会议', number: '20' }],
    ['对市五届人大五次会议第116号建议的答复', { body: 'npc', level: '市', place: null, term: 5, meeting: 5, text: '市五届人大五次会议', number: '116' }],
    ['关于十三届全国人大四次会议第8102号建议答复的摘要', { body: 'npc', level: '全国', place: null, term: 13, meeting: 4, text: '十三届全国人大四次会议', number: '8102' }],
    ['十二届三次会议第67号提案及复函', { body: null, level: null, place: null, term: 12, meeting: 3, text: '十二届三次会议', number: '67' }],
    ['十四届二次会议第0135号提案', { body: null, level: null, place: null, term: 14, meeting: 2, text: '十四届二次会议', number: '0135' }],
  ])('%s', (text, expected) => expect(parseSession(text)).toEqual(expected));
  it('finds no session where none is written', () => expect(parseSession('关于加强招商引资工作的提案')).toBeNull());
  it('reads a number without a session', () => {
    expect(parseProposalNumber('第１２３号提案')).toBe('123');
    expect(parseProposalNumber('45号建议的答复')).toBe('45');
    expect(parseProposalNumber('没有编号')).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['2018-11-05', '2018-11-05', false],
    ['2018-11-05 00:00', '2018-11-05', false],
    ['2018年11月5日', '2018-11-05', false],
    ['2019/7/24', '2019-07-24', false],
    ['二〇一八年九月三十日', '2018-09-30', false],
    ['2018年9月30', '2018-09-30', true],
    ['202268', '2022-06-08', true],
    ['2021830', '2021-08-30', true],
    ['20211026', '2021-10-26', true],
  ])('%s → %s (broken: %s)', (text, date, broken) => expect(parseDate(text)).toMatchObject({ date, text, broken, ambiguous: false }));
  it('keeps ambiguous and impossible forms unparsed', () => {
    expect(parseDate('2021112')).toEqual({ date: null, text: '2021112', broken: true, ambiguous: true });
    expect(parseDate('2019年3月')).toEqual({ date: null, text: '2019年3月', broken: true, ambiguous: false });
    expect(parseDate('2021-02-30')).toBeNull();
    expect(parseDate('2021999')).toBeNull();
    expect(parseDate('淮北市投资促进中心')).toBeNull();
  });
});

describe('document numbers', () => {
  it.each([
    ['宣招〔2025〕12号', '宣招〔2025〕12号'],
    ['宣招[2025]12号', '宣招〔2025〕12号'],
    ['宿商【2025】7号', '宿商〔2025〕7号'],
    ['皖政（2018） 45 号', '皖政〔2018〕45号'],
    ['国办函[２０１９]第３号', '国办函〔2019〕第3号'],
  ])('%s → %s', (text, normalized) => expect(parseDocNumber(text)).toEqual({ text, normalized }));
  it.each(['市直 招商引资 工作机制', '第5号提案', ''])('rejects %j', (text) => expect(parseDocNumber(text)).toBeNull());
});

describe('escaping', () => {
  const hostile = [
    '1. 聚焦全员招商', '2018.', '- 列表', '+ 加号', '---', '# 标题', '> 引用', '<script>alert(1)</script>', '{props.secret}',
    '[链接](javascript:alert(1))', '*强调* _下划线_ `代码` ~~删除~~ | 表格 |', '&nbsp; &amp; &#x41;', 'import x from "y"', 'export const a = 1',
    '市发改委<物价局>', '    缩进', '\\反斜杠', '![图](x.png)', '<!-- 注释 -->', 'http://example.com 与 www.example.com',
  ];
  it.each(hostile)('renders %j as itself in Markdown and MDX', (text) => {
    const md = escapeParagraph(text.trim());
    expect(unescapeParagraph(md)).toBe(text.trim());
    for (const flavour of ['gfm', 'mdx'] as const) {
      const blocks = renderedBlocks(md, flavour);
      expect(blocks).toEqual([{ type: 'paragraph', text: text.trim(), plain: !/^(http|www)/.test(text) && !text.includes('http') }]);
    }
  });
});

describe('dirt', () => {
  it('finds injected gambling names but not government prose', () => {
    expect(findSpam('365体育手机投注,365体育APP市商务局').map((h) => h.text)).toEqual(['365体育手机投注,365体育APP']);
    expect(stripSpam('365体育APP招大引强')).toBe('招大引强');
    expect(findSpam('bet365体育官网市政协').map((h) => h.text)).toEqual(['bet365体育官网']);
    for (const clean of ['G20国际峰会', '12345平台', '全民健身体育活动', '福利彩票发行', '山东半岛', 'TCL集团']) expect(findSpam(clean), clean).toEqual([]);
  });
  it('counts lost characters, not question marks', () => {
    expect(countLost('人大建议办理结果公开 ??其他 ?? 议案')).toBe(4);
    expect(countLost('市?商务局')).toBe(1);
    expect(countLost('�字')).toBe(1);
    expect(countLost('是否可行吗?我们认为可行')).toBe(0);
    expect(countLost('How?')).toBe(0);
  });
  it('removes inserted pinyin only', () => {
    expect(removePinyin('關(guān)于答復(fù)')).toEqual({ text: '關于答復', count: 2, example: '關(guān)' });
    expect(removePinyin('(一)基本情况(A类)')).toEqual({ text: '(一)基本情况(A类)', count: 0, example: null });
  });
  it('tells Traditional pages from Simplified ones', () => {
    expect(isTraditional('關於市政協十屆三次會議第112號提案的答覆,經認真研究,現答覆如下。')).toBe(true);
    expect(isTraditional('关于市政协十届三次会议第112号提案的答复,经认真研究,现答复如下。')).toBe(false);
  });
  it('repairs reversible mojibake and leaves damaged mojibake alone', () => {
    const garbled = new TextDecoder('gbk').decode(new TextEncoder().encode('关于加强招商引资工作的提案已收悉'));
    expect(repairMojibake(garbled)).toEqual({ text: '关于加强招商引资工作的提案已收悉', repaired: 1, unrepaired: 0 });
    expect(repairMojibake('正常的中文答复意见')).toEqual({ text: '正常的中文答复意见', repaired: 0, unrepaired: 0 });
  });
  it('masks mobile and ID-card numbers, not office phones', () => {
    expect(maskPii('电话13905631234,身份证341822198507124518,办公室0563-4021567')).toEqual({
      text: '电话139****1234,身份证341***********4518,办公室0563-4021567',
      mobiles: 1,
      idCards: 1,
    });
    expect(maskPii('138-1234-5678').text).toBe('138-****-5678');
  });
});
