import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { chineseDate, numberLabel, recordDate, recordSession, sessionLabel } from '../lib/record-facts.ts';
import { isReply, type ArchiveRecord } from '../schemas/index.ts';
import remarkNumberedSections from '../remark/numbered-sections.ts';

/** A searchable part of a record's text, with the anchor a search result can link to. */
export interface TextSection {
  /** Element id on the record page (`part-proposal`, `sec-2` …), or null for the page top. */
  anchor: string | null;
  /** Lines of text; each line is matched on its own (a phrase never spans two lines). */
  lines: string[];
}

/**
 * Everything search looks at in one record, in the order the index stores it.
 * `head` holds the fields that rank a match higher (title, proposal title, proposers,
 * handling unit); `sections` the rest: metadata as printed, the proposal and the reply.
 */
export interface RecordText {
  head: string[];
  sections: TextSection[];
}

// The same anchors as the record page: the reply body uses the plugin's default prefix
// (astro.config.mjs), the proposal parts the prefixes of src/lib/markdown.ts.
const processors = new Map<string, ReturnType<typeof processorFor>>();
function processorFor(prefix: string | undefined) {
  return unified().use(remarkParse).use(remarkNumberedSections, prefix ? { prefix } : {});
}

function markdownSections(source: string, first: string | null, prefix?: string): TextSection[] {
  let markdown = processors.get(prefix ?? '');
  if (!markdown) processors.set(prefix ?? '', (markdown = processorFor(prefix)));
  const tree = markdown.runSync(markdown.parse(source)) as Root;
  const sections: TextSection[] = [{ anchor: first, lines: [] }];
  const visit = (node: RootContent) => {
    const id = (node.data as { hProperties?: { id?: unknown } } | undefined)?.hProperties?.id;
    if (typeof id === 'string') sections.push({ anchor: id, lines: [] });
    const text = toString(node).trim();
    if (text) sections[sections.length - 1].lines.push(...text.split(/\n+/));
  };
  tree.children.forEach(visit);
  return sections.filter((s) => s.lines.length > 0);
}

/** Lines of metadata as readers see it on the record page. */
function metadataLines(record: ArchiveRecord): string[] {
  const p = record.publication;
  const lines: (string | null | undefined)[] = [p.name && p.name !== record.title ? p.name : null, p.indexNo, p.docNo?.text, p.docNo && p.docNo.normalized !== p.docNo.text ? p.docNo.normalized : null, p.publisher, p.section, p.topic, ...p.keywords, p.sourceLine];
  const session = recordSession(record);
  if (session) lines.push(sessionLabel(session), session.text);
  const date = recordDate(record);
  if (date) lines.push(chineseDate(date));
  if (isReply(record)) {
    lines.push(numberLabel(record), ...record.coUnits, record.reply.signedBy, record.reply.dateText, record.proposal?.type, record.proposal?.category);
    if (record.kind === 'co-handling-opinion') lines.push(record.fromUnit);
    if (record.satisfaction) lines.push(record.satisfaction.text);
  } else {
    lines.push(record.docNo?.text, record.issuer);
  }
  return [...new Set(lines.filter((l): l is string => typeof l === 'string' && l.trim().length > 0).map((l) => l.trim()))];
}

/** The searchable text of a record: the single source for the index, snippets and tests. */
export function recordText(record: ArchiveRecord, body: string): RecordText {
  const head = [record.title];
  if (isReply(record)) {
    if (record.proposalTitle) head.push(record.proposalTitle);
    head.push(...record.proposers.map((p) => p.name));
    if (record.handlingUnit) head.push(record.handlingUnit);
  }
  const sections: TextSection[] = [{ anchor: null, lines: metadataLines(record) }];
  if (isReply(record) && record.proposal) {
    if (record.proposal.cause) sections.push(...markdownSections(record.proposal.cause, 'part-proposal', 'cause'));
    if (record.proposal.suggestions) sections.push(...markdownSections(record.proposal.suggestions, 'part-proposal', 'suggestion'));
  }
  sections.push(...markdownSections(body, 'part-reply'));
  return { head, sections: sections.filter((s) => s.lines.length > 0) };
}
