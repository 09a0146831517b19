import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPage } from '../../scripts/import/import-page.ts';
import { FIXTURES } from '../support/import-cases.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('bad input', () => {
  it('rejects an empty file and says what to do', () => {
    for (const bytes of [new Uint8Array(0), utf8('  \n\n \t\n')]) {
      const r = importPage(bytes, 'empty.txt', 'empty.txt');
      expect(r.ok).toBe(false);
      expect(r.errors[0]?.message).toMatch(/empty|no Chinese text/);
      expect(r.errors[0]?.message).toMatch(/Hint:/);
    }
  });

  it('rejects a binary file', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const r = importPage(bytes, 'scan.txt', 'scan.txt');
    expect(r).toMatchObject({ ok: false, record: null });
    expect(r.errors[0]?.message).toMatch(/binary.*Hint:/);
  });

  it('rejects a 10 MB page without reading it as a record', () => {
    const page = readFileSync(join(FIXTURES, 'seed-000-xuanzhou-reply', '000_0c16de7c08eb2b2f.txt'));
    const big = new Uint8Array(10 * 1024 * 1024);
    for (let i = 0; i < big.length; i += page.length) big.set(page.subarray(0, Math.min(page.length, big.length - i)), i);
    const started = performance.now();
    const r = importPage(big, 'big.txt', 'big.txt');
    expect(r.ok).toBe(false);
    expect(r.errors[0]?.message).toMatch(/10\.0 MB.*split it into pages/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('imports a page with no recognisable structure as a flagged document', () => {
    const r = importPage(utf8('一段没有标题的文字，讲的是公园绿化。\n另一段文字，也没有日期和单位。\n'), 'loose.txt', 'loose.txt');
    expect(r.ok).toBe(true);
    expect(r.record?.kind).toBe('document');
    expect(r.flags.map((f) => f.type)).toContain('unclassified');
    expect(r.paragraphs).toEqual(['一段没有标题的文字，讲的是公园绿化。', '另一段文字，也没有日期和单位。']);
  });

  it('rejects a page without Chinese text', () => {
    const r = importPage(utf8('<html><body><p>Hello world</p></body></html>'), 'en.html', 'en.html');
    expect(r.ok).toBe(false);
    expect(r.errors[0]?.message).toMatch(/no Chinese text/);
  });

  it('never lets markup run: scripts are dropped from HTML, escaped in text', () => {
    const html = importPage(utf8('<html><body><h1>关于县政协九届一次会议第3号提案的答复</h1><p>张三委员：</p><p>收悉<script>alert("答复")</script><img src=x onerror="alert(1)">。</p><p><a href="javascript:alert(1)">点此</a>查看</p></body></html>'), 'x.html', 'x.html');
    expect(html.ok).toBe(true);
    expect(html.body).not.toMatch(/script|onerror|javascript/);
    expect(html.flags.map((f) => f.type)).toContain('unsafe-markup');
    const text = importPage(utf8('关于县政协九届一次会议第3号提案的答复\n张三委员：\n答复<script>alert(1)</script>{process.env}\n'), 'x.txt', 'x.txt');
    expect(text.ok).toBe(true);
    expect(text.body).toContain('答复\\<script\\>alert(1)\\</script\\>\\{process.env\\}');
    expect(text.flags.map((f) => f.type)).toContain('unsafe-markup');
  });
});
