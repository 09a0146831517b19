import { describe, expect, test } from 'vitest';
import { splitSentences } from '../../src/reading/sentences.ts';
import { pickChineseVoice } from '../../src/reading/voices.ts';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  test('splits at Chinese sentence ends and keeps closing marks with their sentence', () => {
    expect(sentences('感谢您的提案。经研究，现答复如下：“一是加强管理。”二是……完善机制！是否可行？')).toEqual([
      '感谢您的提案。',
      '经研究，现答复如下：“一是加强管理。”',
      '二是……',
      '完善机制！',
      '是否可行？',
    ]);
  });

  test('splits at line breaks and semicolons, dropping blank spans', () => {
    expect(sentences('张华委员：\n\n  一、加强领导；二、落实责任\n')).toEqual(['张华委员：', '一、加强领导；', '二、落实责任']);
  });

  test('cuts very long sentences after a comma', () => {
    const clause = '我们将进一步完善工作机制，'.repeat(15);
    const parts = sentences(`${clause}推动落实。`);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 120)).toBe(true);
    expect(parts[0].endsWith('，')).toBe(true);
    expect(parts.join('')).toBe(`${clause}推动落实。`);
  });

  test('offsets point into the original text', () => {
    const text = '  第一句。 第二句。';
    expect(splitSentences(text)).toEqual([{ start: 2, end: 6 }, { start: 7, end: 11 }]);
  });
});

describe('pickChineseVoice', () => {
  const voice = (name: string, lang: string) => ({ name, lang }) as SpeechSynthesisVoice;

  test('prefers zh-CN, in either tag spelling', () => {
    expect(pickChineseVoice([voice('en', 'en-US'), voice('hk', 'zh-HK'), voice('cn', 'zh_CN')])?.name).toBe('cn');
  });

  test('falls back to another Mandarin voice, never Cantonese, else null', () => {
    expect(pickChineseVoice([voice('hk', 'zh-HK'), voice('tw', 'zh-TW')])?.name).toBe('tw');
    expect(pickChineseVoice([voice('hk', 'zh-HK'), voice('en', 'en-GB')])).toBeNull();
    expect(pickChineseVoice([])).toBeNull();
  });
});
