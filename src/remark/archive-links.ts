import type { Link, PhrasingContent, Root, Text } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** A record a reference can point to. */
export interface ReferenceTarget {
  id: string;
  title: string;
}

/** What the plugin needs to know about the archive. */
export interface ReferenceIndex {
  /** Documents by normalised title (see `titleKey`). */
  byTitle: Map<string, ReferenceTarget>;
  /** Documents by normalised 文号. */
  byDocNo: Map<string, ReferenceTarget>;
  /** Turns a 文号 as written into its normalised form, or null when it is not one. */
  normalizeDocNo: (text: string) => string | null;
}

/** The key a title is matched by: width-folded, without spaces or book-title marks. */
export function titleKey(title: string): string {
  return title.normalize('NFKC').replace(/[\s《》〈〉]/g, '');
}

// An opening bracket of any style and a four-digit year: the start of a 文号's (2019).
const BRACKETED_YEAR = String.raw`[〔\[［【(（]\s*(?:19|20)\d{2}`;
// 《…》 titles, and 文号 with any bracket style around a four-digit year.
const REFERENCE = new RegExp(String.raw`《([^《》\n]{2,80})》|([\u4e00-\u9fff]{1,16}\s*${BRACKETED_YEAR}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号)`, 'g');
// What every REFERENCE match contains (built from the same pieces, so the two cannot
// drift apart). Most text has neither, and REFERENCE's second branch backtracks through
// up to 16 characters at every Han character (about 1 s of the content sync at 10,000
// records), so text without either is skipped.
const MAY_REFER = new RegExp(`《|${BRACKETED_YEAR}`);

/**
 * Links references in a record's text to the records the archive holds: a policy
 * document cited by 《title》 or by its 文号. A reference the archive does not hold stays
 * plain text, so the site never has a broken link; a record never links to itself.
 * The index is obtained lazily, once, because building it reads the whole archive.
 */
export default function remarkArchiveLinks(options: { index: () => ReferenceIndex }) {
  return (tree: Root, file: VFile) => {
    const index = options.index();
    const selfId = ((file.data.astro as { frontmatter?: { id?: unknown } } | undefined)?.frontmatter?.id as string | undefined) ?? null;
    // Running text does not mark where an issuer's abbreviation starts (按照宣招〔2019〕12号),
    // so a 文号 is tried with ever shorter prefixes; the link covers only what matched.
    const resolve = (match: RegExpExecArray): { target: ReferenceTarget; start: number; text: string } | undefined => {
      if (match[1]) {
        const target = index.byTitle.get(titleKey(match[1]));
        return target && { target, start: match.index, text: match[0] };
      }
      const whole = match[2]!;
      const prefixLength = /^[\u4e00-\u9fff]+/.exec(whole)![0].length;
      for (let skip = 0; skip < prefixLength; skip++) {
        const normalized = index.normalizeDocNo(whole.slice(skip));
        const target = normalized ? index.byDocNo.get(normalized) : undefined;
        if (target) return { target, start: match.index + skip, text: whole.slice(skip) };
      }
      return undefined;
    };
    visit(tree, 'text', (node: Text, position, parent) => {
      if (!parent || position === undefined || parent.type === 'link' || parent.type === 'linkReference') return;
      if (!MAY_REFER.test(node.value)) return;
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(REFERENCE)) {
        const found = resolve(match as RegExpExecArray);
        if (!found || found.target.id === selfId) continue;
        if (found.start > last) parts.push({ type: 'text', value: node.value.slice(last, found.start) });
        const link: Link = { type: 'link', url: `/records/${found.target.id}/`, title: found.target.title, children: [{ type: 'text', value: found.text }] };
        parts.push(link);
        last = found.start + found.text.length;
      }
      if (parts.length === 0) return;
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      parent.children.splice(position, 1, ...(parts as typeof parent.children));
      return [SKIP, position + parts.length];
    });
  };
}
