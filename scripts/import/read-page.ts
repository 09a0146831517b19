import { decodePage, looksBinary } from './encodings.ts';
import { htmlToText, type UnsafeFinding } from './html-to-text.ts';

/** The largest page the importer reads; a saved portal page is far smaller. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;

/** One line of page text with its 1-based line number in the source file. */
export interface SourceLine {
  no: number;
  text: string;
}

/** A page read from disk, as lines of text. */
export interface PageText {
  lines: SourceLine[];
  format: 'text' | 'html';
  encoding: string;
  headTitle: string | null;
  /** Markup that could execute: dropped from HTML, escaped in text pages. */
  unsafe: UnsafeFinding[];
  /** HTML comments dropped. */
  comments: UnsafeFinding[];
}

/** Why a file cannot be read as a page; the message says what to do. */
export class PageRejected extends Error {}

const HTML_START = /^\s*<(?:!doctype|html|head|body|meta)\b/i;
const UNSAFE_TEXT = /<\s*(script|iframe|object|embed|style)\b|javascript\s*:|\bon[a-z]+\s*=\s*["']/i;

/**
 * Turns a file's bytes into lines of page text. Rejects empty, binary and oversized
 * files with a message that says what to do; decodes UTF-8/GBK/GB18030/Big5; reads
 * HTML as its visible text.
 */
export function readPage(bytes: Uint8Array, fileName: string): PageText {
  if (bytes.length > MAX_PAGE_BYTES) {
    throw new PageRejected(
      `the file is ${(bytes.length / 1048576).toFixed(1)} MB; a saved page is expected to be under ${MAX_PAGE_BYTES / 1048576} MB. Hint: check that it is one page and not an export of a whole site; split it into pages.`,
    );
  }
  if (looksBinary(bytes)) {
    throw new PageRejected('the file is binary (it contains NUL or control bytes), not a saved page. Hint: import the page as .txt or .html; PDF and Word files must be converted to text first.');
  }
  const decoded = decodePage(bytes);
  const isHtml = /\.html?$/i.test(fileName) || HTML_START.test(decoded.text.slice(0, 1024));
  if (isHtml) {
    const html = htmlToText(decoded.text);
    return {
      lines: html.lines.map((l) => ({ no: l.line, text: l.text })),
      format: 'html',
      encoding: decoded.encoding,
      headTitle: html.headTitle,
      unsafe: html.unsafe,
      comments: html.comments,
    };
  }
  const comments: UnsafeFinding[] = [];
  const unsafe: UnsafeFinding[] = [];
  // Comments left in a text capture are not page text; keep line numbers by keeping newlines.
  const text = decoded.text.replace(/<!--[\s\S]*?-->/g, (comment, offset: number) => {
    comments.push({ line: decoded.text.slice(0, offset).split('\n').length, what: comment });
    return comment.replace(/[^\n]/g, '');
  });
  const lines = text.split(/\r\n|\r|\n/).map((line, i) => {
    const m = UNSAFE_TEXT.exec(line);
    if (m) unsafe.push({ line: i + 1, what: m[0] });
    return { no: i + 1, text: line.replace(/&nbsp;|&#160;|&ensp;|&emsp;/g, ' ') };
  });
  return { lines, format: 'text', encoding: decoded.encoding, headTitle: null, unsafe, comments };
}
