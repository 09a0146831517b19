import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkNumberedSections from '../remark/numbered-sections.ts';

// Raw HTML in imported text is dropped (remark-rehype without allowDangerousHtml),
// so proposal text from frontmatter can never inject markup.
function processorFor(prefix: string) {
  return unified().use(remarkParse).use(remarkNumberedSections, { prefix, topDepth: 4 }).use(remarkRehype).use(rehypeStringify);
}
const processors = new Map<string, ReturnType<typeof processorFor>>();

/**
 * Renders a Markdown string from frontmatter (e.g. a proposal's 建议) to safe HTML,
 * with numbered sections anchored under `prefix` (they sit under an h3 on the page).
 */
export function renderMarkdown(markdown: string, prefix = 'part'): string {
  let processor = processors.get(prefix);
  if (!processor) processors.set(prefix, (processor = processorFor(prefix)));
  return String(processor.processSync(markdown));
}
