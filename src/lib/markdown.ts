import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { recordSanitizeSchema } from '../rehype/sanitize-schema.ts';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkHtmlAsText from '../remark/html-as-text.ts';
import remarkNumberedSections from '../remark/numbered-sections.ts';

// Raw HTML is dropped (remark-rehype without allowDangerousHtml) and links are sanitised,
// so proposal text from frontmatter can never inject markup or script URLs.
function processorFor(prefix: string) {
  return unified().use(remarkParse).use(remarkHtmlAsText).use(remarkNumberedSections, { prefix, topDepth: 4 }).use(remarkRehype).use(rehypeSanitize, recordSanitizeSchema).use(rehypeStringify);
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
