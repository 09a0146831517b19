import type { DocNumber, Proposer, RecordKind } from '../../src/schemas/index.ts';
import { classifyDocument, classifyKind, bodyOf, type PageSignals } from './classify.ts';
import { parseDate, type ParsedDate } from './dates.ts';
import { stripSpam } from './dirt/spam.ts';
import { parseDocNumber } from '../../src/lib/doc-number.ts';
import { paragraphsToMarkdown } from './escape.ts';
import type { PageStructure } from './extract-page.ts';
import type { FormField } from './form.ts';
import { findNamedProposers, findProposalTitle, parseCategory, parseSalutation, readSignOff, type Salutation } from './letter.ts';
import { parseProposalNumber, parseSession, type ParsedSession } from './session.ts';
import type { Line, Report } from './types.ts';

/** A record draft in schema field order, with its Markdown body and the lines behind it. */
export interface Assembled {
  draft: Record<string, unknown> & { kind: RecordKind };
  body: string;
  /** The published lines that make up the body, in order. */
  bodyLines: Line[];
  /** Sign-off lines taken out of the body. */
  signOffLines: Line[];
}

const SIGNER = /^签发人\s*[:：]\s*(.+)$/;

function fieldKey(f: FormField | undefined): string | null {
  const text = f?.values.map((v) => v.key.trim()).filter(Boolean).join(' ') ?? '';
  return text || null;
}

function fieldMarkdown(f: FormField | undefined): string | null {
  const paras = f?.values.map((v) => v.text.trim()).filter(Boolean) ?? [];
  return paras.length ? paragraphsToMarkdown(paras) : null;
}

function splitList(text: string | null): string[] {
  return text ? text.split(/[、，,；;\s]+/).map((s) => s.trim()).filter(Boolean) : [];
}

/** Reads a date field, reports a damaged one, and excuses a cleanly parsed date from the lossless count. */
function dateField(value: string | null, where: string, line: number | null, report: Report): ParsedDate | null {
  if (!value) return null;
  const parsed = parseDate(value);
  if (!parsed) {
    report.flags.push({ type: 'broken-date', where, line, note: `“${value}”不是可识别的日期,未填写`, original: value });
    return null;
  }
  if (parsed.broken) brokenDateFlag(parsed, where, line, report);
  else if (line !== null) report.dropped.push({ line, text: value, reason: 'parsed', what: 'date parsed into a field' });
  return parsed;
}

function brokenDateFlag(d: ParsedDate, where: string, line: number | null, report: Report): void {
  const note = d.date
    ? `日期印作“${d.text}”(缺少分隔符或“日”字),只有一种读法,按${d.date}填写`
    : d.ambiguous
      ? `日期印作“${d.text}”,可以读成不止一个日期,未填写`
      : `日期印作“${d.text}”,不完整,未填写`;
  report.flags.push({ type: 'broken-date', where, line, note, original: d.text });
}

function sessionOf(candidates: readonly (string | null)[]): ParsedSession | null {
  // Injected spam glued to a place name must not become part of the place.
  const found = candidates
    .filter((c): c is string => !!c)
    .map((c) => parseSession(stripSpam(c)))
    .filter((s): s is ParsedSession => s !== null);
  return found.find((s) => s.body !== null) ?? found[0] ?? null;
}

/**
 * Builds the record draft of a page from its structure: decides the kind, reads the
 * session, number, proposers, proposal title, units and dates, takes the sign-off out
 * of a reply's body, and escapes the body. Every field comes from a stated place on
 * the page; what the page does not state stays null or [].
 */
export function assembleRecord(s: PageStructure, fileName: string, headTitle: string | null, report: Report): Assembled {
  const meta = (f: string) => s.meta.fields.get(f) ?? null;
  const form = s.form?.fields;
  let textLines = [...s.textLines];
  let bodyLines: Line[] = textLines;
  if (form?.get('reply')) bodyLines = [...textLines, ...(form.get('reply')?.values.map((v) => ({ ...v.line, text: v.text, key: v.key })) ?? [])];

  // Title: 名称, headline, first line; else the HTML <title> or an excerpt, flagged.
  let title = s.title;
  if (!title && fieldKey(form?.get('title'))) {
    title = fieldKey(form?.get('title'));
    report.warnings.push({ line: form?.get('title')?.line ?? null, message: 'the page has no headline or 名称; the title is the form\'s 提案标题' });
  }
  if (!title) {
    const first = bodyLines[0]?.key ?? '';
    title = headTitle ?? (first.length > 30 ? `${first.slice(0, 30)}…` : first || fileName);
    report.flags.push({ type: 'unclassified', where: 'title', line: null, note: headTitle ? '页面正文没有标题,标题取自网页的<title>' : '页面没有可识别的标题,标题取自正文开头', original: null });
  }

  // Letter head: 文号, category and 签发人 lines before the salutation; then the salutation.
  let salutation: Salutation | null = null;
  const head = { docNo: null as DocNumber | null, category: null as string | null, signer: null as string | null, lines: [] as Line[] };
  for (let i = 0; i < Math.min(bodyLines.length, 5); i++) {
    const line = bodyLines[i] as Line;
    salutation = parseSalutation(line);
    if (salutation) {
      head.lines = bodyLines.slice(0, i).filter((l) => parseDocNumber(l.key) || parseCategory(l.key) || SIGNER.test(l.key));
      if (head.lines.length !== i) head.lines = [];
      break;
    }
  }
  for (const l of head.lines) {
    head.docNo ??= parseDocNumber(l.key);
    head.category ??= parseCategory(l.key);
    head.signer ??= SIGNER.exec(l.key)?.[1]?.trim() ?? null;
    report.dest.set(l.no, 'reply');
  }
  for (const n of salutation?.notes ?? []) report.warnings.push({ line: salutation?.line ?? null, message: n });

  const opening = bodyLines.filter((l) => !head.lines.includes(l)).slice(0, 4);
  const session = sessionOf([fieldKey(form?.get('submitted')), title, meta('name')?.value ?? null, s.headline?.key ?? null, ...opening.map((l) => l.key)]);
  const section = meta('section')?.value ?? null;
  const signals: PageSignals = {
    title,
    section,
    hasForm: !!s.form,
    salutation: salutation ? (salutation.unit ? 'unit' : (salutation.proposers[0]?.role ?? null)) : null,
    opening: opening.map((l) => l.key).join('\n'),
    sessionBody: session?.body ?? null,
  };
  const kind = classifyKind(signals);
  const publication = buildPublication(s, report);
  const source = { url: null, site: s.chrome.site, file: fileName };
  const base = { kind, id: '', title, publication, source, flags: [], repairs: [] };

  if (kind === 'document') {
    const docNo = publication.docNo ?? bodyLines.slice(0, 3).map((l) => parseDocNumber(l.key)).find((d) => d) ?? null;
    const docSession = session?.body ? { body: session.body, level: session.level, place: session.place, term: session.term, meeting: session.meeting, text: session.text } : null;
    const draft = { ...base, documentType: classifyDocument(title, section), docNo, session: docSession, issuer: meta('issuer')?.value ?? null };
    if (draft.documentType === 'other' && s.meta.lines.size === 0 && !s.headline) {
      report.flags.push({ type: 'unclassified', where: 'kind', line: null, note: '页面没有可识别的版式(无元数据表、无标题、不是答复),按“文件资料”收录', original: null });
    }
    return { draft, body: paragraphsToMarkdown(bodyLines.map((l) => l.text)), bodyLines, signOffLines: [] };
  }

  // A reply: take the sign-off (and the letter head) out of the body.
  const signOff = readSignOff(bodyLines.filter((l) => !head.lines.includes(l)));
  const signOffSet = new Set([...signOff.consumed, ...head.lines]);
  const kept = signOff.kept;
  bodyLines = [...bodyLines.filter((l) => !signOffSet.has(l) && !kept.includes(l)), ...kept];
  if (signOff.dateLine) report.dest.set(signOff.dateLine.no, 'reply.date');
  if (signOff.signedByLine) report.dest.set(signOff.signedByLine.no, 'reply.signedBy');
  for (const l of signOff.consumed) if (!report.dest.has(l.no)) report.dest.set(l.no, 'reply');

  const formDate = dateField(fieldKey(form?.get('replyDate')), 'reply.date', form?.get('replyDate')?.line ?? null, report);
  let replyDate = signOff.date;
  if (replyDate?.broken) brokenDateFlag(replyDate, 'reply.date', signOff.dateLine?.no ?? null, report);
  replyDate ??= formDate;

  const afterSalutation = salutation ? bodyLines.filter((l) => l.no > (salutation?.line ?? 0)) : bodyLines;
  // A form lists names without roles; the reply's salutation, when it names them, states the role.
  const salutedRole = (name: string) => salutation?.proposers.find((p) => p.name === name)?.role ?? null;
  const proposers: Proposer[] = form?.get('proposers')
    ? splitList(fieldKey(form.get('proposers'))).map((name) => {
        const m = /^(.+?)(委员|代表)$/.exec(name);
        return m ? { name: m[1] as string, role: m[2] as '委员' | '代表' } : { name, role: salutedRole(name) };
      })
    : salutation?.proposers.length
      ? salutation.proposers
      : (findNamedProposers(afterSalutation)?.proposers ?? []);
  const proposalTitle = fieldKey(form?.get('title')) ?? findProposalTitle(afterSalutation)?.title ?? null;
  const number =
    (fieldKey(form?.get('number')) ? parseProposalNumber(`第${fieldKey(form?.get('number'))}号`) : null) ??
    [title, meta('name')?.value ?? null, s.headline?.key ?? null, ...opening.map((l) => l.key)]
      .filter((t): t is string => !!t)
      .map((t) => parseSession(stripSpam(t))?.number ?? parseProposalNumber(t))
      .find((n) => n) ??
    null;
  const signedBy = signOff.signedBy;
  const signedUnit = signedBy ? stripSpam(signedBy) || signedBy : null;
  const publisher = publication.publisher;
  let handlingUnit = fieldKey(form?.get('handlingUnit'));
  if (!handlingUnit && kind === 'co-handling-opinion') handlingUnit = salutation?.unit ?? null;
  if (!handlingUnit && kind !== 'co-handling-opinion') handlingUnit = signedUnit;
  if (!handlingUnit && kind !== 'co-handling-opinion' && publisher) {
    handlingUnit = publisher;
    report.warnings.push({ line: meta('publisher')?.line ?? null, message: `the letter does not name its handling unit; handlingUnit is taken from 发布机构 "${publisher}" (the unit that published its own reply)` });
  }
  const body = session?.body ?? bodyOf(signals);
  if (!body) report.flags.push({ type: 'unclassified', where: 'session.body', line: null, note: '页面没有写明是政协提案还是人大建议,按政协提案收录,请核对', original: null });
  const satisfactionText = fieldKey(form?.get('satisfaction'));
  const cause = fieldMarkdown(form?.get('cause'));
  const suggestions = fieldMarkdown(form?.get('suggestions'));
  const submitted = fieldKey(form?.get('submitted'));
  const submittedDate = submitted && !parseSession(submitted) ? dateField(submitted, 'proposal.submittedDate', form?.get('submitted')?.line ?? null, report) : null;
  const assigned = dateField(fieldKey(form?.get('assignedDate')), 'assignedDate', form?.get('assignedDate')?.line ?? null, report);
  for (const [field, dest] of [['cause', 'proposal.cause'], ['suggestions', 'proposal.suggestions'], ['title', 'proposalTitle'], ['proposers', 'proposers'], ['handlingUnit', 'handlingUnit'], ['coUnits', 'coUnits'], ['satisfaction', 'satisfaction'], ['submitted', 'session']] as const) {
    for (const v of form?.get(field)?.values ?? []) report.dest.set(v.line.no, dest);
  }

  const draft: Record<string, unknown> & { kind: RecordKind } = {
    ...base,
    session: { body: body ?? 'cppcc', level: session?.level ?? null, place: session?.place ?? null, term: session?.term ?? null, meeting: session?.meeting ?? null, text: session?.text ?? null },
    number,
    proposers,
    proposalTitle,
    proposal: s.form
      ? { submittedDate: submittedDate?.date ?? null, type: fieldKey(form?.get('type')), category: fieldKey(form?.get('category')), cause, suggestions }
      : null,
    handlingUnit,
    coUnits: splitList(fieldKey(form?.get('coUnits'))),
    assignedDate: assigned?.date ?? null,
    handlingCategory: fieldKey(form?.get('handlingCategory')) ?? head.category ?? signOff.category,
    satisfaction: satisfactionText ? { value: /不满意/.test(satisfactionText) ? '不满意' : /基本满意/.test(satisfactionText) ? '基本满意' : /满意/.test(satisfactionText) ? '满意' : null, text: satisfactionText } : null,
    reply: {
      date: replyDate?.date ?? null,
      dateText: replyDate && replyDate.text !== replyDate.date ? replyDate.text : null,
      signedBy,
      signer: head.signer ?? signOff.signer,
      contact: signOff.contact,
      docNo: head.docNo ?? signOff.docNo,
    },
  };
  if (kind === 'co-handling-opinion') draft.fromUnit = signedUnit ?? null;
  textLines = bodyLines;
  return { draft, body: paragraphsToMarkdown(textLines.map((l) => l.text)), bodyLines: textLines, signOffLines: [...signOff.consumed, ...head.lines] };
}

function buildPublication(s: PageStructure, report: Report) {
  const get = (f: string) => s.meta.fields.get(f) ?? null;
  const text = (f: string) => get(f)?.value ?? null;
  const date = (f: string, where: string) => dateField(text(f), where, get(f)?.line ?? null, report)?.date ?? null;
  const docNoValue = get('docNo');
  const docNo = docNoValue ? parseDocNumber(docNoValue.value) : null;
  if (docNoValue && !docNo) {
    report.flags.push({ type: 'suspect-metadata', where: 'publication.docNo', line: docNoValue.line, note: `文号栏填的是“${docNoValue.value}”,不是文号的格式,未作为文号收录`, original: docNoValue.value });
  }
  let publishedDate = date('publishedDate', 'publication.publishedDate');
  const info = s.chrome.infoDate;
  if (!publishedDate && info?.date) {
    publishedDate = info.date;
    if (info.label !== '发布时间' && info.label !== '发布日期') {
      report.warnings.push({ line: info.line, message: `publication.publishedDate is taken from the page's ${info.label} "${info.text}"` });
    }
  } else if (publishedDate && info?.date && info.date !== publishedDate) {
    report.warnings.push({ line: info.line, message: `the page-info line says ${info.label} ${info.text}, the table says ${publishedDate}; the table's date is kept` });
  }
  const keywords = text('keywords');
  return {
    indexNo: text('indexNo'),
    section: text('section'),
    publisher: text('publisher'),
    topic: text('topic'),
    name: text('name'),
    docNo,
    generatedDate: date('generatedDate', 'publication.generatedDate'),
    writtenDate: date('writtenDate', 'publication.writtenDate'),
    publishedDate,
    keywords: keywords ? keywords.split(/[\s,，、;；]+/).filter(Boolean) : [],
    validity: text('validity'),
    sourceLine: s.chrome.sourceLine,
    other: s.meta.other.map((o) => ({ label: o.label, value: o.value })),
  };
}
