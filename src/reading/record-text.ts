import { splitSentences } from './sentences.ts';

/** One sentence of a page, with the DOM range it covers and the block it sits in. */
export interface PageSentence {
  text: string;
  range: Range;
  block: Element;
}

/** Elements read as a unit; the outermost match wins, so an <li> with a <p> is read once. */
const blockSelector = 'h1, h2, h3, h4, p, li, th, td, blockquote, pre, dt, dd';
/** Parts of a record that are controls or machine data, never read aloud. */
const skipSelector = '[data-read-skip], [aria-hidden="true"], [hidden], script, style, template';

/** The readable blocks of `root` in document order. */
export function readableBlocks(root: Element): Element[] {
  return [...root.querySelectorAll(blockSelector)].filter((el) => {
    if (el.closest(skipSelector)) return false;
    const outer = el.parentElement?.closest(blockSelector);
    return !outer || !root.contains(outer);
  });
}

/**
 * The sentences of `root`, each with a Range over its text nodes so it can be
 * highlighted while it is read, and the block it belongs to.
 */
export function pageSentences(root: Element): PageSentence[] {
  const sentences: PageSentence[] = [];
  for (const block of readableBlocks(root)) {
    const nodes = textNodes(block);
    const text = nodes.map((n) => n.data).join('');
    for (const span of splitSentences(text)) {
      const range = document.createRange();
      const from = locate(nodes, span.start, false);
      const to = locate(nodes, span.end, true);
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      sentences.push({ text: text.slice(span.start, span.end), range, block });
    }
  }
  return sentences;
}

/**
 * Index of the first sentence that ends after the start of `selection`, or -1 when
 * the selection lies outside all sentences.
 */
export function sentenceAt(sentences: PageSentence[], selection: Range): number {
  return sentences.findIndex((s) => {
    try {
      // START_TO_END compares this sentence's end with the selection's start.
      return s.range.compareBoundaryPoints(Range.START_TO_END, selection) > 0;
    } catch {
      return false; // different documents or detached nodes
    }
  });
}

function textNodes(block: Element): Text[] {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(skipSelector) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

function locate(nodes: Text[], index: number, isEnd: boolean): { node: Text; offset: number } {
  let passed = 0;
  for (const node of nodes) {
    const length = node.data.length;
    // An end offset may sit at the very end of a node; a start offset moves to the next one.
    if (isEnd ? index <= passed + length : index < passed + length) return { node, offset: index - passed };
    passed += length;
  }
  const last = nodes[nodes.length - 1];
  return { node: last, offset: last.data.length };
}
