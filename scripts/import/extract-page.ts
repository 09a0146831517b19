import { findChrome, type ChromeInfo } from './chrome.ts';
import { isLostOnly } from './dirt/lost-characters.ts';
import { isForm, readForm, type ProposalForm } from './form.ts';
import { FORM_LABELS, normalizeLabel } from './labels.ts';
import { parseSalutation } from './letter.ts';
import { isMetadataLine, readMetadataTable, type MetadataTable } from './metadata-table.ts';
import { isPipeRow, pipeCells } from './pipe-row.ts';
import { isTitleLike, sameTitle } from './title.ts';
import type { Line, Report } from './types.ts';

/** The structure of a page: chrome, metadata table, title, and the text after them. */
export interface PageStructure {
  chrome: ChromeInfo;
  meta: MetadataTable;
  title: string | null;
  /** Where the title came from. */
  titleFrom: 'name' | 'headline' | 'first-line' | null;
  /** The headline line, when it was consumed as the title. */
  headline: Line | null;
  /** The form, when the page is one. */
  form: ProposalForm | null;
  /** The text lines after the header (for a form: its loose lines), in order, non-empty. */
  textLines: Line[];
  /** Lines that only held lost-character marks (a lost &nbsp;), treated as blank. */
  lostOnly: Line[];
}

function isFormLabelLine(key: string): boolean {
  if (isPipeRow(key)) return pipeCells(key).some((c) => normalizeLabel(c) in FORM_LABELS);
  const m = /^([^:：]{1,12}?)\s*(?:[:：]|$)/.exec(key);
  return normalizeLabel(m?.[1] ?? '') in FORM_LABELS;
}

/**
 * Splits a prepared page into chrome, the metadata table, the title and the text that
 * follows, and decides whether that text is a form.
 */
export function extractStructure(lines: readonly Line[], report: Report): PageStructure {
  const isAnchor = (l: Line) => isMetadataLine(l.key) || isTitleLike(l.key) || parseSalutation(l) !== null || isFormLabelLine(l.key);
  const chrome = findChrome(lines, isAnchor, report);
  const lostOnly = lines.filter((l) => l.text && isLostOnly(l.text) && !chrome.lines.has(l.no));
  const lostSet = new Set(lostOnly.map((l) => l.no));
  const content = lines.filter((l) => l.text && !chrome.lines.has(l.no) && !lostSet.has(l.no));

  // Header: the metadata table and one headline, in any order, until the text starts.
  const metaLines: Line[] = [];
  let headline: Line | null = null;
  let i = 0;
  for (; i < content.length; i++) {
    const line = content[i] as Line;
    if (isMetadataLine(line.key)) {
      metaLines.push(line);
      continue;
    }
    if (!headline && isTitleLike(line.key) && !parseSalutation(line) && !isFormLabelLine(line.key)) {
      headline = line;
      continue;
    }
    break;
  }
  const meta = readMetadataTable(metaLines, report);
  for (const l of metaLines) report.dest.set(l.no, 'publication');
  let textLines = content.slice(i);

  const name = meta.fields.get('name')?.value ?? null;
  let title: string | null = null;
  let titleFrom: PageStructure['titleFrom'] = null;
  if (name) {
    title = name;
    titleFrom = 'name';
    if (headline && sameTitle(headline.key, name)) {
      report.dropped.push({ line: headline.no, text: headline.key, reason: 'duplicate', what: 'headline repeating 名称' });
      report.dest.set(headline.no, 'title');
    } else if (headline) {
      // A headline that differs from 名称 is page text; keep it at the top of the body.
      textLines = [headline, ...textLines];
      headline = null;
    }
  } else if (headline) {
    title = headline.key;
    titleFrom = 'headline';
    report.dest.set(headline.no, 'title');
  } else {
    const first = textLines[0];
    const plain = first && !isPipeRow(first.key) && !isFormLabelLine(first.key) && !parseSalutation(first);
    if (first && plain && first.key.length <= 60 && !/[。；;，,：:]$/.test(first.key) && textLines.length > 1) {
      title = first.key;
      titleFrom = 'first-line';
      headline = first;
      report.dest.set(first.no, 'title');
      textLines = textLines.slice(1);
    }
  }

  let form: ProposalForm | null = null;
  if (isForm(textLines)) {
    form = readForm(textLines, report);
    textLines = form.loose;
  }
  return { chrome, meta, title, titleFrom, headline, form, textLines, lostOnly };
}
