import type { Flag, Repair } from '../../src/schemas/index.ts';
import type { Assembled } from './assemble-record.ts';
import { countLost } from './dirt/lost-characters.ts';
import { findSpam, stripSpam } from './dirt/spam.ts';
import type { PageStructure } from './extract-page.ts';
import type { UnsafeFinding } from './html-to-text.ts';
import type { Line, Report } from './types.ts';

// Fields that are free text as published or not text at all; never scanned as fields.
const SKIP = new Set(['id', 'kind', 'source.file', 'flags', 'repairs']);
// Fields where cutting out injected spam is safe: names and titles, not prose.
const SPAM_REPAIRABLE = new Set(['title', 'proposalTitle', 'reply.signedBy', 'publication.publisher', 'publication.name', 'source.site']);

// The chrome kinds of chrome.ts, as the record's note names them.
const CHROME_LABELS: Record<string, string> = {
  breadcrumb: '位置导航',
  'page info': '页面信息',
  'page tools': '页面工具',
  'site tools': '站点工具',
  footer: '页脚',
  'header/navigation': '页头导航',
  navigation: '导航栏',
  'lost characters': '丢失字符',
  'injected spam header': '被植入的垃圾标题',
};

/** Every string leaf of a draft with its path (publication.section, proposers[0].name …). */
function leaves(value: unknown, path = '', out: [string, string][] = []): [string, string][] {
  if (SKIP.has(path)) return out;
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  return out;
}

function setAt(target: Record<string, unknown>, path: string, value: string): void {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node: Record<string, unknown> = target;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[keys[keys.length - 1] as string] = value;
}

function ranges(nums: readonly number[]): string {
  const sorted = [...new Set(nums)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] as number;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i] as number;
    out.push(start === end ? `${start}` : `${start}–${end}`);
  }
  return out.join('、');
}

/** What the dirt pass needs besides the draft. */
export interface DirtInput {
  assembled: Assembled;
  structure: PageStructure;
  lines: readonly Line[];
  traditional: boolean;
  unsafe: readonly UnsafeFinding[];
  comments: readonly UnsafeFinding[];
  format: 'text' | 'html';
  report: Report;
}

/**
 * Flags the dirt of a page on its draft and applies the safe repairs: spam (kept in
 * prose, cut from names and titles), lost characters, Traditional field values (kept as
 * repairs), unsafe markup, comments and chrome; then resolves every pending flag's
 * field from the line it came from. Returns the flags and repairs in a stable order.
 */
export function flagDirt(input: DirtInput): { flags: Flag[]; repairs: Repair[] } {
  const { assembled, structure, lines, report } = input;
  const draft = assembled.draft;
  const fields = leaves(draft);

  for (const [path, value] of fields) {
    const spam = findSpam(value);
    if (spam.length) {
      const repaired = SPAM_REPAIRABLE.has(path) ? stripSpam(value) : '';
      const names = [...new Set(spam.map((h) => h.text))].join(' / ');
      if (repaired && repaired !== value) {
        report.repairs.push({ type: 'spam', where: path, line: null, original: value, replacement: repaired });
        setAt(draft, path, repaired);
      }
      report.flags.push({ type: 'spam', where: path, line: null, note: `此处被植入赌博网站名称“${names}”${repaired ? ',已从此字段删除,原文见修复记录' : ',按原网页保留'}`, original: value });
    }
    const lost = countLost(value);
    if (lost) report.flags.push({ type: 'lost-characters', where: path, line: null, note: `有${lost}处“?”或“�”,应为原网页丢失的字符,保留原样`, original: value });
  }

  const spamBody = assembled.bodyLines.flatMap((l) => findSpam(l.text).map((h) => ({ line: l.no, text: h.text })));
  if (spamBody.length) {
    const names = [...new Set(spamBody.map((h) => h.text))];
    report.flags.push({ type: 'spam', where: 'body', line: null, note: `正文中有${spamBody.length}处被植入赌博网站名称(第${ranges(spamBody.map((h) => h.line))}行),按原网页保留`, original: names.join(' / ') });
  }
  const lostBody = assembled.bodyLines.filter((l) => countLost(l.text) > 0);
  if (lostBody.length) {
    report.flags.push({ type: 'lost-characters', where: 'body', line: null, note: `正文第${ranges(lostBody.map((l) => l.no))}行有“?”或“�”,应为原网页丢失的字符,保留原样`, original: lostBody[0]?.text ?? null });
  }
  if (structure.lostOnly.length) {
    report.flags.push({ type: 'lost-characters', where: 'body', line: null, note: `原网页第${ranges(structure.lostOnly.map((l) => l.no))}行只有“?”,应为丢失的空白字符(如&nbsp;),按空行处理`, original: structure.lostOnly[0]?.text ?? null });
  }
  for (const line of assembled.signOffLines) {
    const lost = countLost(line.text);
    if (lost) report.flags.push({ type: 'lost-characters', where: null, line: line.no, note: `落款行首有${lost}个“?”,应为丢失的空白字符,已忽略`, original: line.text });
  }

  if (input.traditional) {
    const text = lines.map((l) => l.text).join('\n');
    const key = lines.map((l) => l.key).join('\n');
    for (const [path, value] of leaves(draft)) {
      // Verbatim texts stay Traditional; roles and dates are not text.
      if (/^proposal\.(cause|suggestions)$|\.role$|^session\.body$/.test(path) || /^\d{4}-\d{2}-\d{2}$/.test(value)) continue;
      const at = key.indexOf(value);
      const original = at >= 0 ? text.slice(at, at + value.length) : null;
      if (original && original !== value) report.repairs.push({ type: 'traditional', where: path, line: null, original, replacement: value });
    }
  }

  for (const u of input.unsafe) {
    report.warnings.push({ line: u.line, message: input.format === 'html' ? `dropped ${u.what}: imported text never carries markup that could run` : `the text contains "${u.what}"; it is kept as text and escaped, so it cannot run` });
  }
  if (input.unsafe.length) {
    const whats = [...new Set(input.unsafe.map((u) => u.what))].join('、');
    report.flags.push({
      type: 'unsafe-markup',
      where: 'body',
      line: null,
      note: input.format === 'html' ? `原网页含有可执行的标记(${whats}),已删除,未收录` : `原文中有网页代码样的文字(${whats}),已按文字原样保留并转义,不会执行`,
      original: null,
    });
  }
  for (const c of input.comments) report.warnings.push({ line: c.line, message: `dropped an HTML comment ${c.what.length > 40 ? `${c.what.slice(0, 40)}…` : c.what}` });

  const chrome = report.dropped.filter((d) => d.reason === 'chrome').sort((a, b) => a.line - b.line);
  if (chrome.length) {
    for (const d of chrome) report.warnings.push({ line: d.line, message: `removed as site chrome (${d.what}): "${d.text.trim()}"` });
    const kinds = [...new Set(chrome.map((d) => CHROME_LABELS[d.what] ?? d.what))].join('、');
    report.flags.push({ type: 'chrome-removed', where: 'body', line: null, note: `已去除网站框架文字(原网页第${ranges(chrome.map((d) => d.line))}行:${kinds})`, original: null });
  }

  const where = (p: { where: string | null; line: number | null }) => p.where ?? (p.line !== null ? report.dest.get(p.line) : undefined) ?? 'body';
  const flags = report.flags.map((f) => ({ type: f.type, where: where(f), note: f.note, original: f.original }));
  const repairs = report.repairs.map((r) => ({ type: r.type, where: where(r), original: r.original, replacement: r.replacement }));
  return { flags, repairs };
}
