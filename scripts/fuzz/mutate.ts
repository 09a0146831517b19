/**
 * Deterministic page mutations for fuzzing the importer: byte flips, truncation,
 * encoding swaps and random HTML. A small seeded generator (mulberry32) keeps every run
 * reproducible from its seed (scripts/lib/seeded-random.ts); no fuzzing library on npm
 * mutates text pages this way.
 */

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const encoder = new TextEncoder();

const TAGS = ['div', 'p', 'table', 'tr', 'td', 'span', 'script', 'style', 'a', 'b', 'font', 'iframe', 'svg', 'br', 'meta'];
const SNIPPETS = [
  '<!--EndFragment-->', '&nbsp;', '&#x5173;', '&amp;amp;', '<meta charset="gbk">', '<meta charset="big5">', '\uFEFF', '\u0000',
  '{alert(1)}', 'javascript:alert(1)', '關(guān)於', '365体育', '提案人：', '承办单位', '索引号：', '文号：', '〔2025〕12号', '202268',
  '十三届二次会议第5号', '\r', '\t', '|', '---', '```', '<script>alert(1)</script>', '�', '?', '瀵逛笉', '13912345678', '34052419800101001X',
];

/** The kinds of mutation, for the report. */
export const mutationKinds = ['flip-bytes', 'truncate', 'latin1-as-utf8', 'utf16', 'insert-snippets', 'random-html', 'duplicate-block', 'delete-block', 'shuffle-lines'] as const;
export type MutationKind = (typeof mutationKinds)[number];

/** Applies one random mutation (or two) to a page's bytes. */
export function mutate(bytes: Uint8Array, random: () => number): { kind: MutationKind; bytes: Uint8Array } {
  const kind = pick(random, mutationKinds);
  const text = new TextDecoder().decode(bytes);
  switch (kind) {
    case 'flip-bytes': {
      const out = bytes.slice();
      const flips = 1 + Math.floor(random() * 40);
      for (let i = 0; i < flips && out.length; i++) out[Math.floor(random() * out.length)]! ^= 1 << Math.floor(random() * 8);
      return { kind, bytes: out };
    }
    case 'truncate':
      return { kind, bytes: bytes.slice(0, Math.floor(random() * bytes.length)) };
    case 'latin1-as-utf8':
      // The page's UTF-8 bytes read as Latin-1 and saved again as UTF-8: classic mojibake.
      return { kind, bytes: encoder.encode(new TextDecoder('latin1').decode(bytes)) };
    case 'utf16': {
      const out = new Uint8Array(2 + text.length * 2);
      out.set([0xff, 0xfe]);
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        out[2 + i * 2] = code & 0xff;
        out[3 + i * 2] = code >> 8;
      }
      return { kind, bytes: out };
    }
    case 'insert-snippets': {
      let out = text;
      for (let i = 0, n = 1 + Math.floor(random() * 12); i < n; i++) {
        const at = Math.floor(random() * (out.length + 1));
        out = out.slice(0, at) + pick(random, SNIPPETS) + out.slice(at);
      }
      return { kind, bytes: encoder.encode(out) };
    }
    case 'random-html': {
      const lines = text.split('\n');
      const html = lines.map((line) => {
        const tag = pick(random, TAGS);
        const open = random() < 0.8 ? `<${tag}${random() < 0.3 ? ' onclick="x()" style="a:b"' : ''}>` : `<${tag}`;
        const close = random() < 0.7 ? `</${tag}>` : '';
        return `${open}${line.replace(/[<>&]/g, (c) => (random() < 0.5 ? c : `&#${c.charCodeAt(0)};`))}${close}`;
      });
      return { kind, bytes: encoder.encode(`<html><head><title>${lines[0] ?? ''}</title></head><body>${html.join('\n')}</body>`) };
    }
    case 'duplicate-block': {
      const lines = text.split('\n');
      const start = Math.floor(random() * lines.length);
      const block = lines.slice(start, start + 1 + Math.floor(random() * 20));
      lines.splice(Math.floor(random() * lines.length), 0, ...block, ...block);
      return { kind, bytes: encoder.encode(lines.join('\n')) };
    }
    case 'delete-block': {
      const lines = text.split('\n');
      lines.splice(Math.floor(random() * lines.length), 1 + Math.floor(random() * 30));
      return { kind, bytes: encoder.encode(lines.join('\n')) };
    }
    case 'shuffle-lines': {
      const lines = text.split('\n');
      for (let i = lines.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return { kind, bytes: encoder.encode(lines.join('\n')) };
    }
  }
}
