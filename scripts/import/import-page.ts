import { recordSchema, type ArchiveRecord, type Flag } from '../../src/schemas/index.ts';
import { validateRecordSource } from '../../src/validation/validate-record.ts';
import { renderProblems } from '../../src/validation/format-issues.ts';
import { assembleRecord } from './assemble-record.ts';
import { toSimplifiedAligned } from './dirt/traditional.ts';
import { extractStructure } from './extract-page.ts';
import { checkLossless, recordStrings } from './lossless.ts';
import { prepareLines } from './prepare-lines.ts';
import { PageRejected, readPage } from './read-page.ts';
import { recordId, recordYear } from './record-id.ts';
import { flagDirt } from './record-flags.ts';
import { newReport, type Dropped, type Notice } from './types.ts';
import { renderRecordFile } from './write-record.ts';

/** The outcome of importing one page. */
export interface PageImport {
  /** The input path as given. */
  source: string;
  ok: boolean;
  /** The validated record (frontmatter), when the page became one. */
  record: ArchiveRecord | null;
  /** The Markdown body. */
  body: string;
  /** The body's paragraphs as published (unescaped), one per published line. */
  paragraphs: string[];
  /** The record file's text, when ok. */
  fileText: string | null;
  /** The record's path under the output folder: <year>/<id>.md. */
  relPath: string | null;
  flags: Flag[];
  warnings: Notice[];
  errors: Notice[];
  /** What the lossless check read, so a modified record can be checked again (tests). */
  audit: LosslessAudit | null;
}

/** The page side of the lossless check. */
export interface LosslessAudit {
  lines: { no: number; raw: string }[];
  dropped: Dropped[];
  traditional: boolean;
}

/** Re-runs the lossless check of an import against other record texts. */
export function recheckLossless(audit: LosslessAudit, recordTexts: readonly string[]) {
  return checkLossless(audit.lines, audit.dropped, recordTexts, audit.traditional ? toSimplifiedAligned : undefined);
}

function rejected(source: string, message: string, line: number | null = null, warnings: Notice[] = []): PageImport {
  return { source, ok: false, record: null, body: '', paragraphs: [], fileText: null, relPath: null, flags: [], warnings, errors: [{ line, message }], audit: null };
}

/**
 * Imports one saved page: reads and decodes it, removes chrome, reads its structure
 * and fields, flags dirt, validates the record with the site's schema and proves that
 * no Han character was lost. Never throws for bad input: a page that cannot become a
 * valid, lossless record comes back with ok=false and located errors.
 */
export function importPage(bytes: Uint8Array, source: string, fileName: string): PageImport {
  let page;
  try {
    if (bytes.length === 0) throw new PageRejected('the file is empty. Hint: save the page again; nothing was captured.');
    page = readPage(bytes, fileName);
  } catch (error) {
    if (error instanceof PageRejected) return rejected(source, error.message);
    throw error;
  }
  if (!page.lines.some((l) => /[\u3400-\u9fff]/.test(l.text))) {
    return rejected(source, 'the page has no Chinese text. Hint: check the encoding or that the capture holds the page text and not only its markup.');
  }
  const report = newReport();
  const prepared = prepareLines(page.lines, report);
  const structure = extractStructure(prepared.lines, report);
  const assembled = assembleRecord(structure, fileName, page.headTitle, report);
  const { flags, repairs } = flagDirt({ assembled, structure, lines: prepared.lines, traditional: prepared.traditional, unsafe: page.unsafe, comments: page.comments, format: page.format, report });
  const draft = assembled.draft;
  draft.flags = flags;
  draft.repairs = repairs;
  const year = recordYear(draft);
  draft.id = recordId(draft, year);
  const relPath = `${year}/${String(draft.id)}.md`;
  const warnings = report.warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  const parsed = recordSchema.safeParse(draft);
  if (!parsed.success) {
    // Render the draft as it would be written, so each problem gets its line in that file.
    const check = validateRecordSource(relPath, renderRecordFile(draft as unknown as ArchiveRecord, assembled.body));
    return rejected(source, `the record would not be valid:\n${renderProblems(check.problems)}\nHint: this is an importer gap for this layout; report it with the page.`, null, warnings);
  }
  const record = parsed.data;
  const audit: LosslessAudit = { lines: prepared.lines.map((l) => ({ no: l.no, raw: l.raw })), dropped: report.dropped, traditional: prepared.traditional };
  const lossless = recheckLossless(audit, [...recordStrings(record), assembled.body]);
  if (!lossless.ok) {
    const errors: Notice[] = [
      ...lossless.missing.map((m) => ({ line: m.lines[0] ?? null, message: `the record would lose the character "${m.char}" (${m.count}×; on lines ${m.lines.join(', ')}); nothing was written. Hint: this is an importer bug for this layout; report it with the page.` })),
      ...lossless.unjustified.map((d) => ({ line: d.line, message: `the importer dropped "${d.text}" (${d.what}) without cause; nothing was written. Hint: report it with the page.` })),
    ];
    return { source, ok: false, record: null, body: assembled.body, paragraphs: [], fileText: null, relPath: null, flags, warnings, errors, audit };
  }
  // The record was validated above; reading the written file back is left to the tests
  // (every fixture is checked with validateRecordSource), as it would double the cost.
  const fileText = renderRecordFile(record, assembled.body);
  const paragraphs = assembled.bodyLines.map((l) => l.text);
  return { source, ok: true, record, body: assembled.body, paragraphs, fileText, relPath, flags: record.flags, warnings, errors: [], audit };
}
