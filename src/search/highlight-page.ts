import { searchDocTexts, type SearchDoc } from './data.ts';
import { fetchManifest, fetchSearchDoc } from './fetch-data.ts';
import { mappedText, partSimplifier, type ToSimplified } from './normalize.ts';
import { loadSimplifier } from './simplifier.ts';
import { parseQuery } from './query.ts';
import { matchRanges } from './snippet.ts';
import { needsSimplifying } from './traditional.ts';

/**
 * The search document of the record on this page, when the result link named it
 * (`doc`, its record number) and it is still this record's (an index rebuilt since may
 * number records differently). The results page loaded it for the card, so the browser
 * usually has it already.
 */
async function pageSearchDoc(ordinal: string | null, recordPath: string): Promise<SearchDoc | null> {
  if (!ordinal || !/^\d+$/.test(ordinal)) return null;
  try {
    const doc = await fetchSearchDoc('/', await fetchManifest('/'), Number(ordinal));
    return recordPath.includes(`/records/${doc.id}/`) ? doc : null;
  } catch {
    return null;
  }
}

/**
 * Whether the record's texts in its search document hold every piece of the page's text
 * that Traditional → Simplified conversion may change: then the document's conversions
 * (`s`) serve the page and opencc's dictionary (≈55 KB gzip) need not load.
 */
function docCovers(doc: SearchDoc, texts: string[]): boolean {
  const known = searchDocTexts(doc).map(mappedText);
  return texts.every((text) =>
    text.split(/\s+/).every((piece) => {
      if (!needsSimplifying(piece)) return true;
      const mapped = mappedText(piece);
      return known.some((line) => line.includes(mapped));
    }),
  );
}

/**
 * On a record page opened from a search result (?hl=…&doc=…), marks what was searched
 * for in the record's text, with the same normalisation as the search itself, and
 * announces how many places were marked.
 */
export async function highlightSearchTerms(root: HTMLElement, query: string, docOrdinal: string | null = null): Promise<number> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('script, style, mark, [aria-hidden="true"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const texts = nodes.map((node) => node.nodeValue ?? '');
  let toSimplified: ToSimplified | undefined;
  if (needsSimplifying(query)) {
    toSimplified = await loadSimplifier();
  } else if (texts.some(needsSimplifying)) {
    const doc = await pageSearchDoc(docOrdinal, location.pathname);
    toSimplified = doc && docCovers(doc, texts) ? partSimplifier(doc.s ?? []) : await loadSimplifier();
  }
  const variants = parseQuery(query, toSimplified).flatMap((p) => p.variants);
  if (!variants.length) return 0;
  let marked = 0;
  nodes.forEach((node, i) => {
    const value = texts[i]!;
    const ranges = matchRanges(value, variants, toSimplified);
    if (!ranges.length) return;
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
  });
  return marked;
}
