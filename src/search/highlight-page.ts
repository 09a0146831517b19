import { loadSimplifier } from './simplifier.ts';
import { parseQuery } from './query.ts';
import { matchRanges } from './snippet.ts';
import { needsSimplifying } from './traditional.ts';

/**
 * On a record page opened from a search result (?hl=…), marks what was searched for in
 * the record's text, with the same normalisation as the search itself, and announces
 * how many places were marked.
 */
export async function highlightSearchTerms(root: HTMLElement, query: string): Promise<number> {
  const text = root.textContent ?? '';
  const toSimplified = needsSimplifying(query) || needsSimplifying(text) ? await loadSimplifier() : undefined;
  const variants = parseQuery(query, toSimplified).flatMap((p) => p.variants);
  if (!variants.length) return 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('script, style, mark, [aria-hidden="true"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  let marked = 0;
  for (const node of nodes) {
    const value = node.nodeValue ?? '';
    const ranges = matchRanges(value, variants, toSimplified);
    if (!ranges.length) continue;
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const [s, e] of ranges) {
      if (s > at) fragment.append(value.slice(at, s));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = value.slice(s, e);
      fragment.append(mark);
      at = e;
      marked++;
    }
    if (at < value.length) fragment.append(value.slice(at));
    node.replaceWith(fragment);
  }
  return marked;
}
