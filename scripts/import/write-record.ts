import { Document, isScalar, visit } from 'yaml';
import type { ArchiveRecord } from '../../src/schemas/index.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Serialises a validated record as the archive stores it: YAML frontmatter between
 * `---` lines (keys in schema order, every field present, dates quoted 'YYYY-MM-DD',
 * no line folding, so output is byte-identical for the same page), then the Markdown body.
 */
export function renderRecordFile(record: ArchiveRecord, body: string): string {
  const doc = new Document(record);
  visit(doc, {
    Scalar(_key, node) {
      // Quoted so that YAML 1.1 readers do not turn dates into timestamps.
      if (isScalar(node) && typeof node.value === 'string' && ISO_DATE.test(node.value)) node.type = 'QUOTE_SINGLE';
    },
  });
  const yaml = doc.toString({ lineWidth: 0, minContentWidth: 0, blockQuote: 'literal', indentSeq: true });
  return `---\n${yaml}---\n${body ? `\n${body}\n` : ''}`;
}
