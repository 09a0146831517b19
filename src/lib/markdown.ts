import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// Raw HTML in imported text is dropped (remark-rehype without allowDangerousHtml),
// so proposal text from frontmatter can never inject markup.
const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify);

/** Renders a Markdown string from frontmatter (e.g. a proposal's 案由) to safe HTML. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
