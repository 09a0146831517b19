import { fromHtml } from 'hast-util-from-html';

/** A line of visible text taken from an HTML page, with the source line it starts on. */
export interface HtmlLine {
  text: string;
  line: number;
}

/** What was dropped because it could execute or embed foreign content. */
export interface UnsafeFinding {
  line: number;
  what: string;
}

/** The visible text of an HTML page, line by line. */
export interface HtmlText {
  lines: HtmlLine[];
  /** The <title> of the page, when it has one. */
  headTitle: string | null;
  unsafe: UnsafeFinding[];
  /** HTML comments dropped (e.g. <!--EndFragment-->), with their lines. */
  comments: UnsafeFinding[];
}

interface HNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HNode[];
  position?: { start: { line: number } };
}

// Elements whose content is never shown as text; script and the embedding ones are
// reported because they could run code in a reader's browser.
const SKIP = new Set(['style', 'template', 'svg', 'canvas', 'noscript', 'head', 'select', 'button', 'input', 'textarea']);
const UNSAFE = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'html', 'caption', 'option',
]);

function lineOf(node: HNode): number {
  return node.position?.start.line ?? 0;
}

function hasBlock(node: HNode): boolean {
  return (node.children ?? []).some((c) => c.type === 'element' && (BLOCK.has(c.tagName ?? '') || c.tagName === 'br' || hasBlock(c)));
}

/**
 * Extracts the visible text of an HTML page as lines: block elements and <br> break
 * lines, &nbsp; becomes a space, simple table rows (cells without blocks) become
 * pipe rows `| a | b |` (a literal | in a cell is written \|) so that forms and metadata tables keep their cells. Scripts,
 * frames and javascript: links are dropped and reported; attributes are never kept.
 */
export function htmlToText(html: string): HtmlText {
  const tree = fromHtml(html) as unknown as HNode;
  const lines: HtmlLine[] = [];
  const unsafe: UnsafeFinding[] = [];
  const comments: UnsafeFinding[] = [];
  let headTitle: string | null = null;
  let current = '';
  let currentLine = 0;

  const flush = () => {
    const text = current.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (text) lines.push({ text, line: currentLine });
    current = '';
    currentLine = 0;
  };
  const textOf = (node: HNode): string =>
    node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');

  const walk = (node: HNode): void => {
    if (node.type === 'comment') {
      comments.push({ line: lineOf(node), what: `<!--${node.value ?? ''}-->` });
      return;
    }
    if (node.type === 'text') {
      if (!currentLine && (node.value ?? '').trim()) currentLine = lineOf(node);
      current += (node.value ?? '').replace(/\u00a0/g, ' ');
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    const tag = node.tagName ?? '';
    if (tag === 'title') {
      headTitle ??= textOf(node).replace(/\s+/g, ' ').trim() || null;
      return;
    }
    if (UNSAFE.has(tag)) {
      unsafe.push({ line: lineOf(node), what: `<${tag}>` });
      return;
    }
    if (tag === 'head') {
      (node.children ?? []).forEach(walk);
      return;
    }
    if (SKIP.has(tag)) return;
    for (const [name, value] of Object.entries(node.properties ?? {})) {
      if (/^on/i.test(name)) unsafe.push({ line: lineOf(node), what: `${tag} ${name}` });
      if ((name === 'href' || name === 'src' || name === 'action') && /^\s*javascript:/i.test(String(value))) {
        unsafe.push({ line: lineOf(node), what: `${tag} ${name}="javascript:…"` });
      }
    }
    if (tag === 'br') {
      flush();
      return;
    }
    if (tag === 'tr' && !(node.children ?? []).some(hasBlock)) {
      flush();
      const cells = (node.children ?? []).filter((c) => c.tagName === 'td' || c.tagName === 'th');
      const texts = cells.map((c) => textOf(c).replace(/[\s\u00a0]+/g, ' ').trim().replace(/\|/g, '\\|'));
      if (texts.some((t) => t !== '')) lines.push({ text: `| ${texts.join(' | ')} |`, line: lineOf(node) });
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    (node.children ?? []).forEach(walk);
    if (block) flush();
  };
  walk(tree);
  flush();
  return { lines, headTitle, unsafe, comments };
}
