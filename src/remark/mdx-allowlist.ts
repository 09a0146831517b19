import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** The components an MDX record may use; see README “MDX components”. */
export const mdxComponentNames = ['Note', 'FigureTable'] as const;

interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
}

/**
 * Keeps MDX records to a documented subset: the listed components with literal
 * attributes, and nothing that runs code — no import/export, no {expressions}, no
 * expression attributes, no other elements. MDX would otherwise execute whatever a
 * record contains at build time.
 */
export default function remarkMdxAllowlist(options: { components?: readonly string[] } = {}) {
  const allowed = new Set(options.components ?? mdxComponentNames);
  return (tree: Root, file: VFile) => {
    const problems: string[] = [];
    visit(tree, (node) => {
      const n = node as MdxNode;
      const line = n.position?.start.line ?? 0;
      const url = (node as { url?: string }).url;
      if (url !== undefined && /^\s*[a-z][a-z0-9+.-]*:/i.test(url) && !/^\s*(https?|mailto):/i.test(url)) {
        problems.push(`line ${line}: the address "${url.slice(0, 40)}" is not allowed; links must be http(s), mailto or within the site`);
      }
      if (n.type === 'mdxjsEsm') problems.push(`line ${line}: import/export is not allowed in records`);
      else if (n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression') problems.push(`line ${line}: {…} expressions are not allowed in records; write the text itself, or escape the braces as \\{ \\}`);
      else if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
        if (!n.name || !allowed.has(n.name)) problems.push(`line ${line}: <${n.name ?? ''}> is not an allowed component; use ${[...allowed].join(' or ')}`);
        for (const attribute of n.attributes ?? []) {
          if (attribute.type !== 'mdxJsxAttribute' || (attribute.value !== null && typeof attribute.value === 'object')) {
            problems.push(`line ${line}: <${n.name}> attributes must be plain text ("…"), not expressions`);
          }
        }
      }
    });
    if (problems.length) file.fail(`This MDX record uses more than the documented components:\n  ${problems.join('\n  ')}`);
  };
}
