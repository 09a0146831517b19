import type { Heading, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { leadingNumber, type NumberingStyle } from './numbering.ts';

/** One entry of a reply's table of contents. */
export interface TocEntry {
  /** The anchor, stable across rebuilds: sec-1, sec-1-2 … (from the numbering, not the text). */
  id: string;
  /** 1 for 一、, 2 for (一), 3 for 1. — relative to the styles the text uses. */
  level: number;
  /** The section's title (or the start of a numbered paragraph). */
  text: string;
}

/** Options of the plugin. */
export interface NumberedSectionsOptions {
  /** The heading depth of the outermost section level (the record page's parts are h2). */
  topDepth?: 2 | 3 | 4;
  /** A numbered line at most this long, without a full stop inside, becomes a heading. */
  maxHeadingLength?: number;
  /** Anchor prefix, so two texts on one page (proposal and reply) never share an anchor. */
  prefix?: string;
}

/**
 * Turns the numbered sections of an official letter (一、 / （一） / 1.) into real
 * headings with stable anchors; a numbered paragraph that is body text rather than a
 * title keeps its paragraph form but gets the anchor, so the table of contents can
 * reach it. Heading levels follow the order in which styles first appear, so a reply
 * that starts at （一） never skips a level. The contents list is left on
 * `file.data.toc` and, for Astro, on `file.data.astro.frontmatter.toc`.
 */
/** The frontmatter keys this plugin adds for Astro (`remarkPluginFrontmatter` of a record). */
export const PLUGIN_FRONTMATTER_KEYS = ['toc'] as const;

export default function remarkNumberedSections(options: NumberedSectionsOptions = {}) {
  const topDepth = options.topDepth ?? 3;
  const maxLength = options.maxHeadingLength ?? 40;
  const prefix = options.prefix ?? 'sec';
  return (tree: Root, file: VFile) => {
    const order: NumberingStyle[] = [];
    const counters: number[] = [];
    const toc: TocEntry[] = [];
    const used = new Set<string>();
    tree.children = tree.children.map((node) => {
      if (node.type !== 'paragraph') return node;
      const text = toString(node).trim();
      const numbering = leadingNumber(text);
      if (!numbering) return node;
      let level = order.indexOf(numbering.style);
      if (level === -1) {
        // A style never seen before nests one level under the current one.
        order.splice(Math.min(counters.length, order.length), 0, numbering.style);
        level = order.indexOf(numbering.style);
      }
      counters.length = level + 1;
      counters[level] = (counters[level] ?? 0) + 1;
      for (let i = 0; i < level; i++) counters[i] ??= 0;
      let id = `${prefix}-${counters.map((n) => n ?? 0).join('-')}`;
      // A letter that restarts its numbering (e.g. a second part) must not repeat an anchor.
      for (let n = 2; used.has(id); n++) id = `${prefix}-${counters.join('-')}-r${n}`;
      used.add(id);
      // Titles carry no sentence inside them; numbered points (1. / (1)) that end in a full stop are items, not titles.
      const itemStyle = numbering.style === 'arabic' || numbering.style === 'paren-arabic';
      const isTitle = text.length <= maxLength && !/[。；;！？]./.test(text) && !(itemStyle && /[。；;]$/.test(text));
      toc.push({ id, level: level + 1, text: isTitle ? text : `${text.slice(0, 24)}…` });
      const data = { ...(node.data ?? {}), hProperties: { ...((node.data as { hProperties?: object } | undefined)?.hProperties ?? {}), id } };
      if (!isTitle) return { ...node, data } as Paragraph;
      const depth = Math.min(6, topDepth + level) as Heading['depth'];
      return { type: 'heading', depth, children: (node as Paragraph).children, position: node.position, data } as Heading;
    });
    file.data.toc = toc;
    const astro = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
    astro.frontmatter = { ...(astro.frontmatter ?? {}), toc };
  };
}
