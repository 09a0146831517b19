import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Shows raw HTML written in a Markdown record as the text it is, instead of markup.
 * An archive keeps what a page said: `<script>` in a record is text to read, not code
 * to run or to delete silently. (rehype-sanitize still runs after this as a second guard.)
 */
export default function remarkHtmlAsText() {
  return (tree: Root) => {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const text = { type: 'text' as const, value: node.value, position: node.position };
      // Block-level HTML becomes its own paragraph; inline HTML stays in its sentence.
      parent.children[index] = (parent.type === 'root' ? { type: 'paragraph', children: [text] } : text) as (typeof parent.children)[number];
    });
  };
}
