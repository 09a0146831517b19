import { describe, expect, it } from 'vitest';
import { checkLossless, recordStrings } from '../../scripts/import/lossless.ts';
import { unescapeParagraph } from '../../scripts/import/escape.ts';
import { recheckLossless } from '../../scripts/import/import-page.ts';
import { importCase, importCases } from '../support/import-cases.ts';
import type { Dropped } from '../../scripts/import/types.ts';

const page = [
  { no: 1, raw: '• 无障碍' },
  { no: 2, raw: '名称: 关于第5号提案的答复' },
  { no: 3, raw: '王玲玲委员:' },
  { no: 4, raw: '一、加强专业招商队伍建设。' },
  { no: 5, raw: '二、规范客商接待流程。' },
];
const dropped: Dropped[] = [
  { line: 1, text: '• 无障碍', reason: 'chrome', what: 'navigation' },
  { line: 2, text: '名称:', reason: 'label', what: 'metadata label' },
];
const record = { title: '关于第5号提案的答复' };

describe('the lossless check', () => {
  it('passes when every Han character outside chrome and labels is in the record', () => {
    const body = '王玲玲委员:\n\n一、加强专业招商队伍建设。\n\n二、规范客商接待流程。';
    expect(checkLossless(page, dropped, [...recordStrings(record), body]).ok).toBe(true);
  });

  it('catches a dropped paragraph and names its line', () => {
    const body = '王玲玲委员:\n\n一、加强专业招商队伍建设。';
    const result = checkLossless(page, dropped, [...recordStrings(record), body]);
    expect(result.ok).toBe(false);
    expect(result.missing.map((m) => m.char).join('')).toContain('规范客');
    expect(result.missing.every((m) => m.lines.includes(5))).toBe(true);
  });

  it('does not let a text be excused as a label unless it is one', () => {
    const body = '王玲玲委员:\n\n一、加强专业招商队伍建设。';
    const forged: Dropped[] = [...dropped, { line: 5, text: '二、规范客商接待流程。', reason: 'label', what: 'metadata label' }];
    const result = checkLossless(page, forged, [...recordStrings(record), body]);
    expect(result.ok).toBe(false);
    expect(result.unjustified).toHaveLength(1);
  });

  it.each(importCases().map((c) => c.name))('holds for fixture %s, and fails once a body paragraph is removed', (name) => {
    const c = importCases().find((x) => x.name === name);
    if (!c) throw new Error(name);
    const result = importCase(c);
    expect(result.ok).toBe(true);
    if (!result.audit || !result.record) throw new Error('no audit');
    const strings = recordStrings(result.record);
    expect(recheckLossless(result.audit, [...strings, result.body]).ok).toBe(true);
    // Drop the body's longest paragraph, as a bug in the importer might.
    const longest = [...result.paragraphs].sort((a, b) => b.length - a.length)[0] ?? '';
    const escaped = result.body.split('\n\n').find((p) => unescapeParagraph(p) === longest) ?? '';
    const cut = recheckLossless(result.audit, [...strings, result.body.replace(escaped, '')]);
    expect(cut.ok).toBe(false);
    expect(cut.missing.length).toBeGreaterThan(0);
  });
});
